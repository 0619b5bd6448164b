"""Faaliyet's look, given with fonts and palettes instead of Qt style sheets.

A style sheet anywhere on a widget (the application's, or one widget's) makes Qt
draw it through QStyleSheetStyle: a fixed ~3-5 ms of a cold start, even for a
single rule. So nothing on the clerk's window sets one: headings, muted notes and
selection colours are fonts and palettes set where the widgets are made, and the
few frames that need a border (cards, the banner's edge, the marks of field
editors) are painted by their widgets.

The names (``objectName``) stay what they were: tests find widgets by them.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPalette, QPen
from PySide6.QtWidgets import QFrame, QLabel, QToolBar, QToolButton, QWidget

NAVY = "#1a3a5c"  # headings
MUTED = "#5f6b76"  # notes under fields, "Raporda: bölüm …"
ACCENT = "#1a5fb4"  # the navigator's selected page
FOCUS = ACCENT  # the 2 px border of the field editor that has the focus
BORDER = "#d0d7de"  # cards
ERROR_TEXT = "#b71c1c"
OK_TEXT = "#2e7d32"
WARNING_TEXT = "#8a5a00"  # a warning written out (dark amber: readable on white)

# objectName -> (point size, or None for the window's; colour); all semi-bold
HEADINGS = {
    "startTitle": (20.0, NAVY),
    "pageTitle": (16.0, NAVY),
    "sectionHeading": (12.0, NAVY),
    "panelTitle": (12.0, NAVY),
    "cardTitle": (None, NAVY),
}
# contents margins (left, top, right, bottom): what the style sheet's margin/padding gave
MARGINS = {
    "sectionHeading": (0, 8, 0, 0),
    "panelTitle": (4, 6, 4, 0),
}

BANNERS = {  # kind -> (background, bottom edge)
    "warning": ("#fff3cd", "#e0c36c"),
    "info": ("#e3f2fd", "#90caf9"),
}

# field marks: (background, border); the border is painted by the editor
MARKS = {
    "inputError": ("#ffcdd2", "#c62828"),
    "error": ("#fdecea", "#c62828"),
    "warning": ("#fff8e1", "#e0a800"),
}
READONLY_BASE = "#f3f4f6"

_palettes: dict[tuple, QPalette] = {}


def palette(*roles: tuple) -> QPalette:
    """A palette that sets only ``roles`` ((role, colour), ...): the rest comes from the parent.

    Shared between the widgets that look alike (every hint label uses the same one).
    """
    pal = _palettes.get(roles)
    if pal is None:
        pal = QPalette()
        pal.setResolveMask(0)  # a default palette is the application's: inherit all but what is set
        for role, color in roles:
            pal.setColor(role, QColor(color))
        _palettes[roles] = pal
    return pal


def text_color(widget: QWidget, color: str) -> None:
    widget.setPalette(palette((QPalette.ColorRole.WindowText, color), (QPalette.ColorRole.Text, color)))


def bold(widget: QWidget, size: float | None = None) -> None:
    """Semi-bold (the style sheet's ``font-weight: 600``), optionally ``size`` points."""
    font = QFont(widget.font())
    font.setWeight(QFont.Weight.DemiBold)
    if size:
        font.setPointSizeF(size)
    widget.setFont(font)


def heading(label: QLabel, name: str) -> QLabel:
    """A heading: startTitle, pageTitle, sectionHeading, panelTitle or cardTitle."""
    label.setObjectName(name)
    size, color = HEADINGS[name]
    bold(label, size)
    text_color(label, color)
    if name in MARGINS:
        label.setContentsMargins(*MARGINS[name])
    return label


def muted(label: QLabel, name: str = "hint") -> QLabel:
    """A grey note: ``hint`` (under a field, the start page's F1) or ``chapterNote``."""
    label.setObjectName(name)
    text_color(label, MUTED)
    return label


def selection(widget: QWidget, background: str, text: str) -> None:
    """The selected item's colours, the same with or without the focus."""
    widget.setPalette(palette((QPalette.ColorRole.Highlight, background), (QPalette.ColorRole.HighlightedText, text)))


def fill(widget: QWidget, color: str) -> None:
    """A plain background (``autoFillBackground`` with the Window colour)."""
    widget.setPalette(palette((QPalette.ColorRole.Window, color)))
    widget.setAutoFillBackground(True)


def roomy_toolbar(bar: QToolBar) -> None:
    """Room around the text of the toolbar's buttons (the style sheet's ``padding: 4px 10px``)."""
    for button in bar.findChildren(QToolButton):
        hint = button.sizeHint()
        button.setMinimumSize(hint.width() + 16, hint.height() + 6)


def rounded(
    painter: QPainter,
    rect,
    background: str | None,
    border: str,
    width: float = 1.0,
    radius: float = 6.0,
    style=Qt.PenStyle.SolidLine,
) -> None:
    """A rounded rectangle inside ``rect`` (the pen's width stays inside)."""
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    pen = QPen(QColor(border), width)
    pen.setStyle(style)
    painter.setPen(pen)
    painter.setBrush(QColor(background) if background else Qt.BrushStyle.NoBrush)
    half = width / 2
    painter.drawRoundedRect(QRectF(rect).adjusted(half, half, -half, -half), radius, radius)


class Card(QFrame):
    """A white card with a thin rounded border (the start page's boxes)."""

    def paintEvent(self, event) -> None:
        p = QPainter(self)
        rounded(p, self.rect(), "#ffffff", BORDER)
        p.end()
