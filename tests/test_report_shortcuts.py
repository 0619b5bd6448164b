"""The report's shortcuts give what ReportLab gives the long way (``paragraph._plain_frags``, ``drawing``,
``tables.AnchoredTable._calc``).

A text without markup is not fed through ReportLab's parser: its fragments must be the parser's.
A chart is drawn without ReportLab's development-time type checks on the shapes its widgets make:
the report's own settings are still checked, and the checks are given back after the draw.
A table measured whole at a width is not measured again at that width while its rows still fit.
A plain paragraph's lines are written without a text object (``paragraph_text``): the same PDF.
"""

from __future__ import annotations

import copy
import io

import pytest
from reportlab import rl_config
from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.lib.colors import Color
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph as PlainParagraph
from reportlab.platypus import Table

from desktop.report import fonts, paragraph_text
from desktop.report.charts import bar_chart
from desktop.report.drawing import Drawing
from desktop.report.paragraph import Paragraph
from desktop.report.pdf_canvas import LeanCanvas
from desktop.report.styles import sheet
from desktop.report.tables import AnchoredTable

TEXTS = [
    "Müdürlüğümüz yıl boyunca planlanan işleri yürütmüştür.",
    "  İki   boşluk\n ve satır   sonu  ",
    "150.000\u00a0TL ödenek; %76,70 gerçekleşme (2020)",
    "tab\there > ve ] ]> işaretleri",
    "x",
]


def _frags(p) -> list[dict]:
    return [dict(vars(f)) for f in p.frags]


@pytest.mark.parametrize("style", ["body", "bullet", "label", "h1", "h3", "cell_right", "cover_title"])
@pytest.mark.parametrize("text", TEXTS)
def test_a_text_without_markup_gets_the_fragments_the_parser_makes(style, text):
    fonts.register()
    st = sheet()[style]
    ours, theirs = Paragraph(text, st, bulletText="•"), PlainParagraph(text, st, bulletText="•")
    assert "<" not in text and "&" not in text  # the shortcut's case
    assert _frags(ours) == _frags(theirs)
    assert ours.text == theirs.text and ours.style is theirs.style
    first, second = Paragraph(text, st), Paragraph(text, st)
    assert first.frags[0] is not second.frags[0] and first.frags[0].link is not second.frags[0].link  # not shared
    assert ours.wrap(200, 800) == theirs.wrap(200, 800)
    assert [line for line in ours.blPara.lines] == [line for line in theirs.blPara.lines]


def test_a_style_changed_after_use_gets_its_new_font_and_colour():
    fonts.register()
    st = copy.deepcopy(sheet()["body"])
    Paragraph("önce", st).frags  # noqa: B018 (parsed: its fragment known for the style)
    st.fontName, st.textColor = fonts.SANS_BOLD, Color(1, 0, 0)
    assert _frags(Paragraph("sonra", st)) == _frags(PlainParagraph("sonra", st))


def test_markup_and_entities_still_go_through_the_parser():
    fonts.register()
    st = sheet()["body"]
    for text in ("a <b>kalın</b> söz", "A &amp; B", "&lt;etiket&gt;", ""):
        assert _frags(Paragraph(text, st)) == _frags(PlainParagraph(text, st))
    assert len(Paragraph("a <b>kalın</b> söz", st).frags) == 3


def test_a_chart_is_drawn_unchecked_and_the_checks_are_given_back(monkeypatch):
    fonts.register()
    seen = []
    draw = VerticalBarChart.draw

    def watched(self):
        seen.append(rl_config.shapeChecking)
        return draw(self)

    d = bar_chart(["Ocak", "Şubat"], [("Adet", [3.0, 4.0])], 300)
    assert isinstance(d, Drawing)
    before = rl_config.shapeChecking
    assert before  # ReportLab's default: on
    monkeypatch.setattr(VerticalBarChart, "draw", watched)
    d.drawOn(Canvas(io.BytesIO()), 0, 0)
    assert seen == [0]  # the widget made its shapes unchecked
    assert rl_config.shapeChecking == before  # given back
    with pytest.raises(AttributeError):  # the report's own settings are still checked as they are made
        d.contents[0].barSpacing = "wide"


def _layout(t) -> tuple:
    return t._width, t._height, list(t._rowHeights), list(t._rowpositions), list(t._colpositions)


def test_a_table_measured_whole_is_not_measured_again_while_its_rows_fit(monkeypatch):
    fonts.register()
    rows = [["Tür", "Adet"], ["", "toplam"]] + [[f"Satır {i}\nikinci" if i % 3 == 0 else f"Satır {i}", str(i)] for i in range(30)]
    spanned = [("SPAN", (0, 0), (0, 1))]  # a row span: ReportLab stops measuring rows past the height

    def pair(style):
        return AnchoredTable(rows, colWidths=[120, 60], style=style), Table(rows, colWidths=[120, 60], style=style)

    measured = []
    calc = Table._calc

    def watched(self, w, h):
        if isinstance(self, AnchoredTable):
            measured.append((w, h))
        return calc(self, w, h)

    monkeypatch.setattr(Table, "_calc", watched)
    for style in ([], spanned):
        ours, theirs = pair(style)
        measured.clear()
        full = ours.wrap(300, 2000)
        assert ours.wrap(300, 1500) == full and ours.wrap(300, full[1]) == full  # still fits: kept
        assert measured == [(300, 2000)]
        assert theirs.wrap(300, 1500) == full and _layout(ours) == _layout(theirs)  # what measuring again gives
        assert ours.wrap(300, 100) == theirs.wrap(300, 100) and _layout(ours) == _layout(theirs)
        cut_short = None in ours._rowHeights
        assert cut_short == bool(style)
        assert ours.wrap(300, 2000) == full and theirs.wrap(300, 2000) == full and _layout(ours) == _layout(theirs)
        assert (measured[-1] == (300, 2000)) == cut_short  # measured again only when the last was cut short
        ours.wrap(250, 2000)
        assert measured[-1] == (250, 2000)  # another width
        first, rest = ours.split(300, 200)
        assert len(first._cellvalues) < len(rows) and ours.wrap(300, 2000) == full


LONG = "Müdürlüğümüz yıl boyunca planlanan işleri yürütmüş, başvuruları zamanında sonuçlandırmıştır. " * 4


def _paragraphs() -> list:
    st = sheet()
    return [  # (paragraph, written straight)
        (Paragraph(LONG, st["body"]), False),  # its letters have no code yet: ReportLab assigns them
        (Paragraph("Tek satır (parantez) ve ters\\bölü", st["body"]), False),  # new letters too
        (Paragraph("Yeni harfler: Ω Ж ĞÜŞİÖÇ", st["body"]), False),  # and a second subset
        (Paragraph(LONG, st["bullet"], bulletText="•"), True),  # a bullet: its first line moved
        (Paragraph("Kısa madde", st["bullet"], bulletText="•"), True),
        (Paragraph("I. GENEL BİLGİLER", st["h1"]), False),  # a font not used yet
        (Paragraph("Bir <b>kalın</b> söz " * 8, st["body"]), False),  # two fonts
        (Paragraph("Ortalanmış başlık", st["cover_title"]), False),  # centred
        (Paragraph("Çokuzunbirsözcük" * 6, st["body"]), True),  # a word wider than its line, split
        (Paragraph(LONG, st["body"]), True),
        (Paragraph("Tek satır (parantez) ve ters\\bölü", st["body"]), True),
        (Paragraph("II. GENEL BİLGİLER", st["h1"]), True),  # its letters known now
    ]


def _drawn(lean: bool, monkeypatch) -> tuple[bytes, list]:
    fonts.register()
    used = []
    real = paragraph_text.draw_plain

    def chosen(p) -> bool:
        if not lean:
            return False
        used.append(real(p))
        return used[-1]

    monkeypatch.setattr("desktop.report.paragraph.draw_plain", chosen)
    out = io.BytesIO()
    c = LeanCanvas(out, invariant=1, pageCompression=0)
    y = 780
    for p, _ in _paragraphs():
        _, h = p.wrapOn(c, 300, 800)
        p.drawOn(c, 72, y - h)
        y -= h + 6
    c.showPage()
    c.save()
    return out.getvalue(), used


def test_a_plain_paragraph_is_written_as_reportlab_writes_it(monkeypatch):
    theirs, _ = _drawn(False, monkeypatch)
    ours, used = _drawn(True, monkeypatch)
    assert ours == theirs and b"Tj T*" in ours
    # written straight: the plain ones whose letters have codes; the rest left to ReportLab
    assert used == [straight for _, straight in _paragraphs()]
