"""The story being assembled: portrait flow with landscape runs where needed.

Landscape content needs its own pages. ``Story`` collects flowables with an
orientation; consecutive landscape blocks share pages, and headings that
were just added (still waiting for their content) move along with the
landscape block so they never strand on the page before it.
"""

from __future__ import annotations

from reportlab.platypus import CondPageBreak, KeepTogether, NextPageTemplate, PageBreak, Spacer

from .document import Bookmark, Heading
from .makeup import heading_text

# flowables that stand between a heading and its content without being content
_NEUTRAL = (Spacer, NextPageTemplate, PageBreak, CondPageBreak, Bookmark)


class Story:
    def __init__(self):
        self.items: list = []
        self.orientation = "portrait"
        self._heading: str | None = None  # the last heading, while no content has followed it

    def add(self, *flowables) -> None:
        self._switch("portrait")
        self._extend(flowables)

    def add_landscape(self, *flowables) -> None:
        self._switch("landscape")
        self._extend(flowables)

    def _extend(self, flowables) -> None:
        """Add, leaving out a heading that only repeats the heading right above it
        (a section titled as its chapter, a label or table titled as its section)."""
        for f in flowables:
            inner = f._content if isinstance(f, KeepTogether) else None
            first = inner[0] if inner else f
            text = heading_text(first)
            if text is not None and text == self._heading:
                if inner is None:
                    continue
                del inner[0]
                first = inner[0] if inner else None
                text = heading_text(first) if first is not None else None
            if text is not None:
                self._heading = text
            elif not isinstance(f, _NEUTRAL):
                self._heading = None
            self.items.append(f)

    def add_block(self, flowables: list, landscape: bool) -> None:
        (self.add_landscape if landscape else self.add)(*flowables)

    def page_break(self, template: str | None = None) -> None:
        if template:
            self.items.append(NextPageTemplate(template))
            self.orientation = template if template in ("portrait", "landscape") else "portrait"
        self.items.append(PageBreak())

    def _switch(self, orientation: str) -> None:
        if orientation == self.orientation:
            return
        pending = []
        while self.items and isinstance(self.items[-1], Heading):
            pending.insert(0, self.items.pop())
        if self.items and not isinstance(self.items[-1], PageBreak):
            self.items.append(NextPageTemplate(orientation))
            self.items.append(PageBreak())
        else:
            # a page break is already coming: just change what the next page is
            self.items.insert(len(self.items) - 1 if self.items else 0, NextPageTemplate(orientation))
        self.items.extend(pending)
        self.orientation = orientation
