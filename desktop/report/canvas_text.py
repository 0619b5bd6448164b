"""One line of text on the canvas, written as ReportLab writes it, without its per-call objects.

``Canvas.drawString`` (and its right-aligned and centred twins) measures the
string even when it is left-aligned, makes a text object, sets its origin,
formats the text and joins the parts: a table cell's figure costs more in that
machinery than in the PDF it writes. The report draws thousands of such lines
(every table cell, the running header and footer). Here the same operators
are written straight into the page: the same bytes (``BT 1 0 0 1 x y Tm
/Fn s Tf l TL (text) Tj T* ET``), the font's subsets assigned by the same
``splitString``, widths measured once per string per document. Anything
unusual (a render mode, character or word spacing, a direction, shaping, a
top-down canvas, a font that is not a TrueType subset font) goes to ReportLab.
"""

from __future__ import annotations

from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase.pdfmetrics import getFont, stringWidth

LEFT, RIGHT, CENTRE = 0.0, 1.0, 0.5  # the share of its width a line is moved left by


def plain(canvas, mode, charSpace, direction, wordSpace, shaping) -> bool:
    """True when the call is one this module writes exactly as ReportLab would."""
    return mode is None and not charSpace and direction is None and not wordSpace and not shaping and canvas.bottomup


class _Lines:
    """What one canvas (one pass's document) has already written: a string's operators after its
    origin, its width, and each coordinate as ``fp_str`` formats it."""

    def __init__(self):
        self.body: dict[tuple, str] = {}
        self.width: dict[tuple, float] = {}
        self.number: dict[float, str] = {}


def _lines(canvas) -> _Lines:
    lines = canvas.__dict__.get("_written_lines")
    if lines is None:
        lines = canvas.__dict__["_written_lines"] = _Lines()
    return lines


def draw_line(canvas, x: float, y: float, text: str, shift: float) -> bool:
    """Write ``text`` at (x - shift × width, y) in the canvas's font; False if it is left to ReportLab."""
    name = canvas._fontname
    font = getFont(name)
    if not font._dynamicFont or not isinstance(text, str):
        return False
    lines = _lines(canvas)
    key = (text, name, canvas._fontsize, canvas._leading)
    if shift:
        width = lines.width.get(key)
        if width is None:
            width = lines.width[key] = stringWidth(text, name, canvas._fontsize)
        x = x - shift * width
    body = lines.body.get(key)
    if body is None:
        # the first time in this document: splitString gives the new letters their codes in the
        # order ReportLab would; later the same text has the same codes and subsets
        body = lines.body[key] = _body(canvas, font, text)
    number = lines.number
    fx = number.get(x)
    if fx is None:
        fx = number[x] = fp_str(x)
    fy = number.get(y)
    if fy is None:
        fy = number[y] = fp_str(y)
    canvas._code.append(f"BT 1 0 0 1 {fx} {fy} Tm {body} T* ET")
    return True


def _body(canvas, font, text: str) -> str:
    """``PDFTextObject._formatText`` for a TrueType font, as a new text object starts it (no subset yet)."""
    doc = canvas._doc
    parts = []
    current = -1
    switch = None
    for subset, chunk in font.splitString(text, doc):
        if subset != current:
            if switch is None:
                switch = f"{fp_str(canvas._fontsize)} Tf {fp_str(canvas._leading)} TL"
            parts.append(f"{font.getSubsetInternalName(subset, doc)} {switch}")
            current = subset
        parts.append(f"({canvas._escape(chunk)}) Tj")
    return " ".join(parts)
