"""The report's canvas writes what ReportLab's writes (``pdf_canvas``, ``subset_text``, ``cell_styles``).

``LeanCanvas`` formats numbers, colours and strings once per document and codes strings through a
translation table; ``cell_styles`` shares one CellStyle among cells styled alike. Each is checked
here against plain ReportLab doing the same calls: the PDF bytes must be the same.
"""

from __future__ import annotations

import io

from reportlab.lib.colors import CMYKColor, Color, HexColor
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Table, TableStyle

from desktop.report import fonts
from desktop.report.cell_styles import split_style
from desktop.report.paragraph import Paragraph
from desktop.report.pdf_canvas import NUMBERS, LeanCanvas
from desktop.report.styles import sheet
from desktop.report.tables import _split as split_lines

# more than 256 distinct letters: the font's second subset is used too
MANY_LETTERS = "".join(chr(c) for c in range(0x391, 0x3CA) if chr(c).isalpha()) + "".join(
    chr(c) for c in range(0x410, 0x4FF) if chr(c).isalpha()
)


def _draw(canvas: Canvas) -> None:
    c = canvas
    c.setFont(fonts.SANS, 8)
    for _ in range(2):  # the second time every string and number is known
        c.drawString(72, 700, "İstanbul (a\\b) çğıöşü 1.234,50 TL")
        c.drawRightString(300, 690, "150.000\u00a0TL")  # a no-break space is written as the space
        c.drawCentredString(200, 680, "Σ × − ₺ •")
        c.drawString(72, 670, "")
        c.drawString(72, 660, "tab\there and ¼")
    c.setFont(fonts.SANS_BOLD, 9.5, leading=11)
    c.drawString(72, 650, "Yeni harfler: ĞÜŞİÖÇ")
    c.drawString(72, 640, MANY_LETTERS[:150])
    c.drawRightString(500, 630, MANY_LETTERS)  # subsets 0 and 1 in one string
    c.drawString(72, 620, MANY_LETTERS[-20:] + "abc")
    c.drawString(72, 610, "İstanbul (a\\b) çğıöşü 1.234,50 TL")  # known letters, another font
    c.drawString(72, 600, "x", mode=2)  # an unusual call: ReportLab's own
    c.drawString(72, 590, "spaced", charSpace=1.5)
    c.saveState()
    c.translate(10.25, 20.5)
    c.translate(3, 4)  # merged with the previous matrix
    c.rotate(30)
    c.setFillColor(HexColor("#F5F7FA"))
    c.setStrokeColor(Color(0.2, 0.4, 0.6, alpha=0.5))
    c.setFillColor(Color(1, 0, 0), alpha=0.3)
    c.setFillColor(CMYKColor(0.1, 0.2, 0.3, 0.4))
    c.setStrokeColor((0.1, 0.2, 0.3))
    c.setFillColor("red")
    c.setLineWidth(0.25)
    c.line(0, 0, 100.123456, 50)
    c.rect(1, 2, 3.5, 4.25, stroke=1, fill=1)
    c.rect(1, 2, 3.5, 4.25, stroke=0, fill=1)
    c.restoreState()
    text = "Müdürlüğümüz yıl boyunca <b>planlanan</b> işleri (%80) yürütmüştür; Ω ve Ж harfleri. " * 6
    for style in ("body", "h2"):
        p = Paragraph(text, sheet()[style])
        p.wrapOn(c, 400, 800)
        p.drawOn(c, 72, 300)
    c.showPage()
    c.setFont(fonts.SERIF, 10)
    c.drawString(72, 700, "İkinci sayfa (a\\b)")
    c.showPage()


def _pdf(canvas_class) -> bytes:
    fonts.register()
    out = io.BytesIO()
    c = canvas_class(out, invariant=1, pageCompression=0)
    _draw(c)
    c.save()
    return out.getvalue()


def test_the_lean_canvas_writes_the_same_pdf_as_reportlab():
    plain, lean = _pdf(Canvas), _pdf(LeanCanvas)
    assert b"Tj" in plain and len(plain) > 2000
    assert lean == plain


def test_the_canvas_does_not_keep_every_number_of_a_long_report():
    fonts.register()
    c = LeanCanvas(io.BytesIO(), invariant=1)
    for page in range(3):
        for i in range(NUMBERS // 2 + 10):
            c.line(0, 0, page * NUMBERS + i + 0.5, 1)
        c.showPage()
        assert len(c._numbers) <= NUMBERS


def _table_pdf(data, style, shared: bool) -> bytes:
    fonts.register()
    if shared:
        grid, rest = split_style(style, len(data), max(map(len, data)))
        assert grid is not None
        table = Table(data, style=TableStyle(rest), cellStyles=grid, repeatRows=1)
    else:
        table = Table(data, style=TableStyle(style), repeatRows=1)
    out = io.BytesIO()
    c = Canvas(out, invariant=1, pageCompression=0)
    table.wrapOn(c, 400, 800)
    first, rest_part = table.split(400, 60)  # the parts share the grid's rows
    for part, y in ((first, 700), (rest_part, 400)):
        part.wrapOn(c, 400, 800)
        part.drawOn(c, 72, y)
    c.showPage()
    c.save()
    return out.getvalue()


def test_cells_styled_alike_share_one_style_and_the_table_is_the_same():
    data = [["Tür", "Adet", "Tutar"]] + [[f"Satır {i}", str(i), f"{i * 1000},50"] for i in range(12)]
    style = [
        ("FONT", (0, 0), (-1, -1), fonts.SANS, 8, 9.5),
        ("FONT", (0, 0), (-1, 0), fonts.SANS_BOLD, 8, 9.6),
        ("TEXTCOLOR", (0, 0), (-1, 0), "white"),
        ("BACKGROUND", (0, 0), (-1, 0), HexColor("#1F4E79")),
        ("ALIGN", (1, 1), (-1, -1), "RIGHT"),
        ("ALIGN", (-1, 3), (-1, 3), "CENTER"),  # one cell unlike its column
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("LINEBELOW", (0, 1), (-1, -1), 0.25, HexColor("#AAAAAA")),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), ["white", HexColor("#F5F7FA")]),
        ("FONT", (0, -1), (-1, -1), fonts.SANS_BOLD, 8, 9.5),
        ("TEXTCOLOR", (2, 5), (2, 5), "red"),
    ]
    grid, rest = split_style(style, len(data), 3)
    assert grid is not None and len(grid) == 13 and all(len(r) == 3 for r in grid)
    distinct = {id(s) for row in grid for s in row}
    assert len(distinct) == 5 * 3  # header, body, row 3, row 5, total × three columns; not one per cell
    assert grid[1][1] is grid[2][1] and grid[1][1] is not grid[1][0]
    assert grid[3][2].alignment == "CENTER" and grid[4][2].alignment == "RIGHT"
    assert grid[5][2].color != grid[6][2].color
    assert [c[0] for c in rest] == ["BACKGROUND", "LINEBELOW", "ROWBACKGROUNDS"]
    assert _table_pdf(data, style, shared=True) == _table_pdf(data, style, shared=False)


def test_commands_on_special_rows_are_left_to_reportlab():
    style = [("FONT", (0, 0), (-1, -1), fonts.SANS, 8), ("TEXTCOLOR", (0, "splitfirst"), (-1, "splitfirst"), "red")]
    assert split_style(style, 3, 2) == (None, style)


def test_a_cell_text_is_broken_where_simple_split_breaks_it():
    fonts.register()
    texts = [
        "Müdürlüğümüz yıl boyunca planlanan işleri yürütmüş, vatandaş başvurularını zamanında sonuçlandırmıştır.",
        "iki  boşluk\tve sekme\nyeni satır ile   sonda boşluk ",
        "",
        "tek",
        "çokuzunbirsözcükkisütunagenişliğindensığmaz ve kısa",
    ]
    for text in texts:
        for font, size, width in ((fonts.SANS, 8, 60.0), (fonts.SANS_BOLD, 7.5, 140.0), (fonts.SANS, 8, 0)):
            assert split_lines(text, font, size, width) == simpleSplit(text, font, size, width)
