"""The report's shortcuts give what ReportLab gives the long way (``paragraph._plain_frags``, ``drawing``).

A text without markup is not fed through ReportLab's parser: its fragments must be the parser's.
A chart is drawn without ReportLab's development-time type checks on the shapes its widgets make:
the report's own settings are still checked, and the checks are given back after the draw.
"""

from __future__ import annotations

import io

import pytest
from reportlab import rl_config
from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph as PlainParagraph

from desktop.report import fonts
from desktop.report.charts import bar_chart
from desktop.report.drawing import Drawing
from desktop.report.paragraph import Paragraph
from desktop.report.styles import sheet

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
