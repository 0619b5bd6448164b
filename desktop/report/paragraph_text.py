"""A plain paragraph's lines written straight into the page, as ReportLab's ``drawPara`` writes them.

ReportLab draws a paragraph through a text object: it saves the state, sets
the colour, makes a ``PDFTextObject``, sets its font, moves to each line and
writes it, and joins the object's code. For the report's usual paragraph (one
font and colour, left-aligned, no background, border, link or underline, no
line wider than its width) that comes to one line of PDF:

    q <r g b> rg BT 1 0 0 1 x y Tm /Fn+0 s Tf l TL (line) Tj T* (line) Tj T* ET Q

(``[dx 0 Td ... -dx 0 Td]`` around the first line after a bullet, which
ReportLab still draws). ``draw_plain`` writes exactly that through the
report's canvas (numbers formatted once, strings coded by ``subset_text``),
or returns False, having written nothing, for anything else: ReportLab draws
it then.
"""

from __future__ import annotations

from reportlab.lib.enums import TA_LEFT
from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase.pdfmetrics import getFont
from reportlab.platypus import paragraph as _rl_paragraph

from .pdf_canvas import LeanCanvas
from .subset_text import escaped

_EPS = 1e-6  # ReportLab's setXPos moves only by more than this
_OVERFULL = -1e-8  # a line with less room than this is squeezed by word spacing (ReportLab's rule)


def draw_plain(p) -> bool:
    """Draw paragraph ``p`` (laid out, ``p.canv`` set) as ``Paragraph.drawPara`` would, if it is plain."""
    canvas = p.canv
    style = p.style
    bl = p.blPara
    lines = bl.lines
    if not (
        isinstance(canvas, LeanCanvas)
        and canvas.bottomup
        and bl.kind == 0
        and lines
        and style.alignment == TA_LEFT
        and not style.backColor
        and not (getattr(style, "borderColor", None) and getattr(style, "borderWidth", None))
        and getattr(p, "autoLeading", getattr(style, "autoLeading", "")) not in ("max", "min")
        and style.wordWrap != "RTL"
        and not style.firstLineIndent
        and getattr(p, "_offsets", None) is None
        and not (bl.us_lines or bl.link)
        and "preformatted" not in type(p).__name__.lower()
    ):
        return False
    font = getFont(bl.fontName)
    if not font._dynamicFont:
        return False
    doc, tables = canvas._doc, canvas._subset_tables
    coded = []
    for extra, words in lines:
        if extra <= _OVERFULL:
            return False  # ReportLab spreads or squeezes the words of an overfull line
        text = escaped(font, doc, " ".join(words), tables)
        if text is None:
            return False  # a letter without a code yet: ReportLab assigns it, in its order
        coded.append(text)
    if _rl_paragraph.paraFontSizeHeightOffset:
        cur_y = p.height - bl.fontSize
    else:
        cur_y = p.height - getattr(bl, "ascent", bl.fontSize)
    canvas.saveState()
    offset = 0
    if p.bulletText:
        offset = _rl_paragraph._drawBullet(canvas, offset, cur_y, p.bulletText, style, rtl=False)
    canvas.setFillColor(bl.textColor)
    moved = offset > _EPS or offset < -_EPS
    first = f"{canvas._subset_name(font)} {canvas._switch(bl.fontSize, style.leading)} ({coded[0]}) Tj T*"
    parts = [f"BT 1 0 0 1 {canvas._fp(style.leftIndent, cur_y)} Tm"]
    if moved:
        parts += [f"{fp_str(offset, 0)} Td", first, f"{fp_str(-offset, 0)} Td"]
    else:
        parts.append(first)
    parts += [f"({text}) Tj T*" for text in coded[1:]]
    parts.append("ET")
    canvas._code.append(" ".join(parts))
    canvas.restoreState()
    return True
