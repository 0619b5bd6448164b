"""Make-up rules: what stays together, and what may split rather than leave a page half empty.

ReportLab's ``KeepTogether`` moves its content to the next page whenever it
does not fit, however much of the page that leaves blank. Two rules here:

1. ``Together`` moves its content only when less than ``LEAVE_EMPTY`` of the
   frame is left; with more room the content is split where it stands (a
   table splits between rows and repeats its header row). A short block that
   fits the room is never split.
2. A heading (any flowable whose style says ``keepWithNext``) is kept with
   what follows it even when that is itself a ``Together`` (ReportLab leaves
   a heading alone before a container, and it strands at a page's foot): the
   two are merged into one ``Together``.
"""

from __future__ import annotations

import re

from reportlab.platypus import KeepTogether, Paragraph
from reportlab.platypus.doctemplate import _ktAllow

from ..core import turkish

_NUMBERING = re.compile(r"^\s*(?:[IVX]+|[A-Z]|\d+)(?:\.\d+)*[.)]\s+")
_TRAILING = re.compile(r"[\s:.;]+$")


def heading_text(flowable) -> str | None:
    """The comparable text of a heading (a paragraph whose style keeps it with what follows):
    case-folded the Turkish way, without its numbering ("2. ") or a closing colon; else None."""
    if not isinstance(flowable, Paragraph) or not getattr(flowable.style, "keepWithNext", 0):
        return None
    text = _TRAILING.sub("", _NUMBERING.sub("", flowable.getPlainText()))
    return turkish.casefold(" ".join(text.split()))


LEAVE_EMPTY = 1 / 3  # of the frame's height: a block is split rather than leave more blank


class Together(KeepTogether):
    """Kept on one page unless moving it would leave more than a third of the frame empty."""

    def split(self, aW, aH):
        if getattr(self, "_wrapInfo", None) != (aW, aH):
            self.wrap(aW, aH)
        content = list(self._content)
        if self._H <= aH:
            return content
        frame = getattr(self, "_frame", None)
        at_top = frame is not None and getattr(frame, "_atTop", False)
        room = frame._height * LEAVE_EMPTY if frame is not None else 0.0
        left = frame._y - frame._y1 if frame is not None else aH  # what moving would leave blank
        if at_top or (left > room and self._H0 <= aH):
            return content  # split where it stands (nothing to gain from a new page, or too much to lose)
        return [self.FrameBreak(), *content]


def keep_with_next(doc, flowables: list) -> None:
    """``BaseDocTemplate.handle_keepWithNext``, also across a following ``Together``
    (the flags it clears are restored between ``multiBuild`` passes, as ReportLab's are)."""
    i, n = 0, len(flowables)
    while i < n and flowables[i].getKeepWithNext() and _ktAllow(flowables[i]):
        i += 1
    if not i:
        return
    content = list(flowables[:i])
    if i < n:
        following = flowables[i]
        if isinstance(following, KeepTogether):
            content += following._content  # merged, never nested (a nested one forces a page break)
            i += 1
        elif _ktAllow(following):
            content.append(following)
            i += 1
    edits = getattr(doc, "_multiBuildEdits", None)
    for f in content[:-1]:
        if edits:
            edits((setattr, f, "keepWithNext", f.keepWithNext) if "keepWithNext" in f.__dict__ else (delattr, f, "keepWithNext"))
        f.__dict__["keepWithNext"] = 0
    del flowables[:i]
    flowables.insert(0, Together(content))


LEAST_ROWS = 2  # body rows a split table leaves on either page
ORPHAN_ROW_MAX = 60.0  # points: only rows this short obey the rule at a page's foot


def balanced_split(table, aw: float, ah: float, header_rows: int) -> list:
    """``Table.split`` that leaves no lone body row on either page: a single last row moves
    with its predecessor to the next page (a widow), a single first row at a page's foot
    moves the whole table on (an orphan; rows taller than ``ORPHAN_ROW_MAX`` excepted,
    so a table of very tall rows still splits)."""
    parts = table.split(aw, ah)
    if len(parts) != 2:
        return parts
    first = len(parts[0]._cellvalues) - header_rows
    second = len(parts[1]._cellvalues) - header_rows
    heights = getattr(table, "_rowHeights", None) or []
    if first < LEAST_ROWS:
        row = heights[header_rows] if len(heights) > header_rows else ORPHAN_ROW_MAX + 1
        return [] if row <= ORPHAN_ROW_MAX else parts
    if second >= LEAST_ROWS or first - (LEAST_ROWS - second) < LEAST_ROWS:
        return parts
    end = header_rows + first
    cut = sum(heights[end - (LEAST_ROWS - second) : end])
    return table.split(aw, ah - cut) or parts
