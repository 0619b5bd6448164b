"""The report's canvas: ReportLab's, writing its most frequent operators without redoing the same work.

A report page is mostly the same few operators over and over: a line of text
in a table cell, a cell's rule, a row's background, a colour, a move of the
origin. ReportLab's ``Canvas`` formats every number of every operator anew
(``fp_str``), makes a text object for each line of text and measures even a
left-aligned string. ``LeanCanvas`` writes the same bytes (each method below
follows ReportLab 5.1's text exactly), but formats each number and colour once
(the numbers are let go at a page's end once there are ``NUMBERS``: a long
report does not keep all its coordinates), codes
strings through ``subset_text``, measures only right-aligned and centred
strings (``fonts.width``, cached) and writes a line of text straight into the
page (``BT 1 0 0 1 x y Tm /Fn s Tf l TL (text) Tj T* ET``; a letter new to the
document still gets its code from the font's ``splitString``, in the order
ReportLab would assign it). Anything unusual (a render mode, character or
word spacing, a direction, shaping, a top-down canvas, a font that is not a
TrueType subset font, a CMYK or enforced colour space) goes to ReportLab.
"""

from __future__ import annotations

from reportlab.lib.colors import CMYKColor, Color
from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase.pdfmetrics import getFont
from reportlab.pdfgen import canvas as _canvas
from reportlab.pdfgen.textobject import PDFTextObject, ShapedStr

from .fonts import width
from .subset_text import escaped

LEFT, RIGHT, CENTRE = 0.0, 1.0, 0.5  # the share of its width a line of text is moved left by
NUMBERS = 8192  # formatted numbers kept at most (a page's coordinates repeat; a report's need not be kept)


class LeanCanvas(_canvas.Canvas):
    def __init__(self, *args, **kwargs):
        # before ReportLab's __init__, which may already set a colour or a matrix
        self._numbers: dict[float, str] = {}  # a number as fp_str writes it (emptied when it grows: NUMBERS)
        self._colours: dict[tuple, str] = {}  # an RGB triple as fp_str writes it
        self._font_switch: dict[tuple, str] = {}  # (size, leading) → "s Tf l TL"
        self._subset_tables: dict = {}  # font name → its letters' escaped codes (subset_text)
        self._first_subset: dict[str, str] = {}  # font name → its first subset's name ("/F3+0")
        super().__init__(*args, **kwargs)

    def showPage(self):
        super().showPage()
        if len(self._numbers) > NUMBERS:  # a long report's coordinates are not all kept
            self._numbers.clear()

    def _fp(self, *values) -> str:
        """``fp_str(*values)``: each number formatted once per document (or per ``NUMBERS`` of them)."""
        numbers = self._numbers
        out = []
        for v in values:
            s = numbers.get(v)
            if s is None:
                s = numbers[v] = fp_str(v)
            out.append(s)
        return " ".join(out)

    # --- text -----------------------------------------------------------------
    def drawString(self, x, y, text, mode=None, charSpace=0, direction=None, wordSpace=None, shaping=False):
        if not (self._plain(mode, charSpace, direction, wordSpace, shaping) and self._line(x, y, text, LEFT)):
            super().drawString(x, y, text, mode, charSpace, direction, wordSpace, shaping)

    def drawRightString(self, x, y, text, mode=None, charSpace=0, direction=None, wordSpace=None, shaping=False):
        if not (self._plain(mode, charSpace, direction, wordSpace, shaping) and self._line(x, y, text, RIGHT)):
            super().drawRightString(x, y, text, mode, charSpace, direction, wordSpace, shaping)

    def drawCentredString(self, x, y, text, mode=None, charSpace=0, direction=None, wordSpace=None, shaping=False):
        if not (self._plain(mode, charSpace, direction, wordSpace, shaping) and self._line(x, y, text, CENTRE)):
            super().drawCentredString(x, y, text, mode, charSpace, direction, wordSpace, shaping)

    def _plain(self, mode, charSpace, direction, wordSpace, shaping) -> bool:
        return mode is None and not charSpace and direction is None and not wordSpace and not shaping and self.bottomup

    def _line(self, x: float, y: float, text, shift: float) -> bool:
        """Write ``text`` at (x - shift × width, y) in the current font; False if it is left to ReportLab."""
        name = self._fontname
        font = getFont(name)
        if not font._dynamicFont or not isinstance(text, str):
            return False
        if shift:
            x = x - shift * width(text, name, self._fontsize)  # as ReportLab: x - width, x - 0.5*width
        self._code.append(f"BT 1 0 0 1 {self._fp(x, y)} Tm {self._body(font, text)} T* ET")
        return True

    def _body(self, font, text: str) -> str:
        """``PDFTextObject._formatText`` for a TrueType font, as a new text object starts it (no subset yet)."""
        doc = self._doc
        coded = escaped(font, doc, text, self._subset_tables)
        if coded is not None:
            return f"{self._subset_name(font)} {self._switch(self._fontsize, self._leading)} ({coded}) Tj"
        parts = []
        current = -1
        for subset, chunk in font.splitString(text, doc):
            if subset != current:
                parts.append(f"{font.getSubsetInternalName(subset, doc)} {self._switch(self._fontsize, self._leading)}")
                current = subset
            parts.append(f"({self._escape(chunk)}) Tj")
        return " ".join(parts)

    def _switch(self, size: float, leading: float) -> str:
        """``"s Tf l TL"`` as ReportLab writes it after a font's name, formatted once per document."""
        key = (size, leading)
        switch = self._font_switch.get(key)
        if switch is None:
            switch = self._font_switch[key] = f"{fp_str(size)} Tf {fp_str(leading)} TL"
        return switch

    def _subset_name(self, font) -> str:
        """``font.getSubsetInternalName(0, doc)``: asked of the font once per document (the first
        call gives the font its name in the document; later ones give the same)."""
        name = self._first_subset.get(font.fontName)
        if name is None:
            name = self._first_subset[font.fontName] = font.getSubsetInternalName(0, self._doc)
        return name

    def beginText(self, x=0, y=0, direction=None):
        return LeanText(self, x, y, direction=direction)

    # --- graphics -------------------------------------------------------------
    def transform(self, a, b, c, d, e, f):
        if not _canvas.ENABLE_TRACKING or (self._code and self._code[-1][-3:] == " cm"):
            return super().transform(a, b, c, d, e, f)  # merged with the previous matrix: ReportLab's way
        a0, b0, c0, d0, e0, f0 = self._currentMatrix
        self._currentMatrix = (
            a0 * a + c0 * b,
            b0 * a + d0 * b,
            a0 * c + c0 * d,
            b0 * c + d0 * d,
            a0 * e + c0 * f + e0,
            b0 * e + d0 * f + f0,
        )
        self._code.append(f"{self._fp(a, b, c, d, e, f)} cm")

    def line(self, x1, y1, x2, y2):
        self._code.append(f"n {self._fp(x1, y1)} m {self._fp(x2, y2)} l S")

    def rect(self, x, y, width, height, stroke=1, fill=0):
        self._code.append(f"n {self._fp(x, y, width, height)} re " + _canvas.PATH_OPS[stroke, fill, self._fillMode])

    def setLineWidth(self, width):
        self._lineWidth = width
        self._code.append(f"{self._fp(width)} w")

    def setFillColor(self, aColor, alpha=None):
        if not self._plain_rgb(aColor):
            return super().setFillColor(aColor, alpha)
        self._fillColorObj = aColor
        self._colour(aColor, alpha, "rg", self.setFillAlpha)

    def setStrokeColor(self, aColor, alpha=None):
        if not self._plain_rgb(aColor):
            return super().setStrokeColor(aColor, alpha)
        self._strokeColorObj = aColor
        self._colour(aColor, alpha, "RG", self.setStrokeAlpha)

    def _plain_rgb(self, colour) -> bool:
        """An RGB colour written as ReportLab writes it (anything else goes through ReportLab)."""
        return not self._enforceColorSpace and isinstance(colour, Color) and not isinstance(colour, CMYKColor)

    def _colour(self, colour: Color, alpha, operator: str, set_alpha) -> None:
        """The colour operator, then its alpha as ReportLab sets it: the one given, else the colour's own."""
        self._code.append(f"{self._rgb(colour)} {operator}")
        if alpha is not None:
            set_alpha(alpha)
        elif getattr(colour, "alpha", None) is not None:
            set_alpha(colour.alpha)

    def _rgb(self, colour: Color) -> str:
        rgb = (colour.red, colour.green, colour.blue)
        s = self._colours.get(rgb)
        if s is None:
            s = self._colours[rgb] = fp_str(rgb)
        return s


class LeanText(PDFTextObject):
    """A paragraph's text object: its strings coded through ``subset_text`` and its numbers
    formatted once per document (the canvas's), otherwise ReportLab's."""

    def setTextOrigin(self, x, y):
        if not self._canvas.bottomup:
            return super().setTextOrigin(x, y)
        self._code.append(f"1 0 0 1 {self._canvas._fp(x, y)} Tm")
        self._x0 = self._x = x
        self._y0 = self._y = y

    def _formatText(self, text):
        font = getFont(self._fontname)
        if font._dynamicFont and isinstance(text, str) and not isinstance(text, ShapedStr):
            canv = self._canvas
            coded = escaped(font, canv._doc, text, canv._subset_tables)
            if coded is not None:
                if self._curSubset == 0:
                    return f"({coded}) Tj"
                self._curSubset = 0
                return f"{canv._subset_name(font)} {canv._switch(self._fontsize, self._leading)} ({coded}) Tj"
        return super()._formatText(text)
