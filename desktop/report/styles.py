"""Paragraph and table styles: one place for the report's look."""

from __future__ import annotations

from functools import lru_cache

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle

from . import fonts as F

ACCENT = colors.HexColor("#1F3A5F")  # headings, table headers
ACCENT_LIGHT = colors.HexColor("#E8EDF3")  # zebra rows, boxes
RULE = colors.HexColor("#9AA9BC")
TEXT = colors.HexColor("#1A1A1A")
MUTED = colors.HexColor("#5A6470")
DRAFT = colors.HexColor("#C0392B")

BODY_SIZE = 10
TABLE_SIZE = 8.5


@lru_cache(maxsize=1)
def sheet() -> dict[str, ParagraphStyle]:
    F.register()
    s: dict[str, ParagraphStyle] = {}
    s["body"] = ParagraphStyle(
        "body",
        fontName=F.SERIF,
        fontSize=BODY_SIZE,
        leading=14.2,
        alignment=TA_LEFT,  # ragged-right: justified lines of long Turkish words open wide gaps
        spaceAfter=6,
        textColor=TEXT,
        allowWidows=0,
        allowOrphans=0,
        bulletFontName=F.SERIF,
    )
    s["bullet"] = ParagraphStyle(
        "bullet",
        parent=s["body"],
        leftIndent=16,
        bulletIndent=5,
        spaceAfter=2,
        alignment=TA_LEFT,
    )
    s["label"] = ParagraphStyle("label", parent=s["body"], fontName=F.SERIF_BOLD, spaceAfter=2, keepWithNext=1, alignment=TA_LEFT)
    s["note"] = ParagraphStyle(
        "note",
        parent=s["body"],
        fontName=F.SANS,
        fontSize=7.8,
        leading=10,
        textColor=MUTED,
        alignment=TA_LEFT,
        spaceBefore=2,
        spaceAfter=8,
    )
    s["caption"] = ParagraphStyle(
        "caption",
        parent=s["note"],
        fontName=F.SANS_ITALIC,
        alignment=TA_CENTER,
        spaceBefore=3,
        spaceAfter=4,
    )
    s["table_title"] = ParagraphStyle(
        "table_title",
        fontName=F.SANS_BOLD,
        fontSize=9,
        leading=11.5,
        textColor=ACCENT,
        spaceBefore=8,
        spaceAfter=4,
        keepWithNext=1,
    )
    s["empty"] = ParagraphStyle("empty", parent=s["body"], fontName=F.SERIF_ITALIC, textColor=MUTED)
    # headings: level 0 chapter (I. GENEL BİLGİLER) … level 3 (department / section)
    s["h0"] = ParagraphStyle(
        "h0",
        fontName=F.SANS_BOLD,
        fontSize=17,
        leading=21,
        textColor=ACCENT,
        spaceBefore=0,
        spaceAfter=14,
        keepWithNext=1,
    )
    s["h1"] = ParagraphStyle(
        "h1",
        fontName=F.SANS_BOLD,
        fontSize=13.5,
        leading=17,
        textColor=ACCENT,
        spaceBefore=14,
        spaceAfter=8,
        keepWithNext=1,
    )
    s["h2"] = ParagraphStyle(
        "h2",
        fontName=F.SANS_BOLD,
        fontSize=11.5,
        leading=14.5,
        textColor=ACCENT,
        spaceBefore=12,
        spaceAfter=6,
        keepWithNext=1,
    )
    s["h3"] = ParagraphStyle(
        "h3",
        fontName=F.SANS_BOLD,
        fontSize=10.5,
        leading=13.5,
        textColor=TEXT,
        spaceBefore=10,
        spaceAfter=5,
        keepWithNext=1,
    )
    s["h4"] = ParagraphStyle(
        "h4",
        fontName=F.SANS_BOLD,
        fontSize=9.8,
        leading=12.5,
        textColor=MUTED,
        spaceBefore=8,
        spaceAfter=4,
        keepWithNext=1,
    )
    s["dept"] = ParagraphStyle(
        "dept",
        fontName=F.SANS_BOLD,
        fontSize=12.5,
        leading=16,
        textColor=ACCENT,
        spaceBefore=14,
        spaceAfter=6,
        keepWithNext=1,
        borderPadding=(0, 0, 3, 0),
    )
    s["toc0"] = ParagraphStyle("toc0", fontName=F.SANS_BOLD, fontSize=10.5, leading=13, spaceBefore=7, textColor=ACCENT)
    s["toc1"] = ParagraphStyle("toc1", fontName=F.SANS, fontSize=9.6, leading=12, leftIndent=14, spaceBefore=2)
    s["toc2"] = ParagraphStyle("toc2", fontName=F.SANS, fontSize=9, leading=11.3, leftIndent=28)
    s["toc3"] = ParagraphStyle("toc3", fontName=F.SANS, fontSize=8.6, leading=10.8, leftIndent=42, textColor=MUTED)
    # table cells that must wrap (everything else is a plain string)
    s["cell"] = ParagraphStyle("cell", fontName=F.SANS, fontSize=TABLE_SIZE, leading=TABLE_SIZE * 1.22, textColor=TEXT)
    s["cell_right"] = ParagraphStyle("cell_right", parent=s["cell"], alignment=TA_RIGHT)
    s["head"] = ParagraphStyle(
        "head",
        fontName=F.SANS_BOLD,
        fontSize=TABLE_SIZE,
        leading=TABLE_SIZE * 1.2,
        textColor=colors.white,
        alignment=TA_CENTER,
    )
    s["cover_title"] = ParagraphStyle(
        "cover_title",
        fontName=F.SANS_BOLD,
        fontSize=30,
        leading=36,
        textColor=ACCENT,
        alignment=TA_CENTER,
    )
    s["cover_sub"] = ParagraphStyle(
        "cover_sub",
        fontName=F.SANS,
        fontSize=15,
        leading=20,
        textColor=TEXT,
        alignment=TA_CENTER,
    )
    s["cover_small"] = ParagraphStyle(
        "cover_small",
        fontName=F.SANS,
        fontSize=9.5,
        leading=13,
        textColor=MUTED,
        alignment=TA_CENTER,
    )
    s["decl_title"] = ParagraphStyle(
        "decl_title",
        parent=s["h1"],
        alignment=TA_CENTER,
        spaceBefore=30,
        spaceAfter=20,
    )
    s["annex_number"] = ParagraphStyle(
        "annex_number",
        fontName=F.SANS_BOLD,
        fontSize=9.5,
        leading=12,
        textColor=MUTED,
        alignment=TA_CENTER,
        spaceBefore=18,
        keepWithNext=1,
    )
    s["sign"] = ParagraphStyle("sign", parent=s["body"], alignment=TA_CENTER, spaceAfter=0)
    s["sign_bold"] = ParagraphStyle("sign_bold", parent=s["sign"], fontName=F.SERIF_BOLD)
    return s
