"""Last year's value beside this year's editor: a grey label, never an editor.

The file holds the year before as history (``OpenFile.previous_value``). A
field, an indicator's actual: a grey line beside (short) or under (long text)
the editor, named ``<key>.previous``. Table cells show it in their tooltip and,
when the clerk turns it on, as a grey second line (``editors/table_delegate.py``).
When the file holds no previous year nothing is added.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from ..i18n import tr
from ..look import muted
from ..model import Document

LONG_SHOWN = 160  # characters of last year's long text shown on its line (all of it in the tooltip)


def previous_line(doc: Document, type_: str, key: str, places: int | None = None) -> str:
    """ "Geçen yıl (2020): 1.234" ("—" when last year had no value), or "" without a previous year."""
    if not doc.has_previous:
        return ""
    text = doc.previous_text(type_, key, places) or "—"
    if type_ == "longtext":
        text = " ".join(text.split())
        text = text if len(text) <= LONG_SHOWN else text[:LONG_SHOWN].rstrip() + "…"
    return tr("Geçen yıl ({0}): {1}").format(doc.previous_year, text)


def keep_width(editor: QWidget) -> None:
    """An editor with last year's value beside it is not squeezed by it (it keeps its natural width)."""
    editor.setMinimumWidth(max(editor.minimumWidth(), min(editor.maximumWidth(), editor.sizeHint().width())))


def previous_label(doc: Document, type_: str, key: str, parent: QWidget, places: int | None = None) -> QLabel | None:
    """The grey, read-only label with last year's value, or None without a previous year."""
    line = previous_line(doc, type_, key, places)
    if not line:
        return None
    label = QLabel(line, parent)
    muted(label, f"{key}.previous")
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)  # copied, never typed into
    label.setAccessibleName(line)
    if type_ == "longtext":
        label.setWordWrap(True)
        full = doc.previous_text(type_, key, places)
        if full:
            label.setToolTip(full)
    else:
        label.setToolTip(tr("Geçen yılın değeri; yalnızca karşılaştırma için gösterilir, değiştirilemez."))
    return label
