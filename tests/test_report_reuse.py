"""What the report's build keeps and what it lets go: a paragraph is broken into lines once per
width, the table of contents makes each entry once per pass, and a table's split parts are not
held until the PDF is saved (``paragraph``, ``contents``, ``document._weak_edits``)."""

from __future__ import annotations

import datetime as dt
import gc
import io

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import PageBreak

from desktop.report import contents, document, fonts
from desktop.report.contents import Contents
from desktop.report.document import Heading, ReportDoc
from desktop.report.paragraph import Paragraph
from desktop.report.styles import sheet
from desktop.report.tables import AnchoredTable, Col, make_table


def test_a_paragraph_is_broken_once_per_width_and_gives_the_same_lines():
    fonts.register()
    p = Paragraph("Müdürlüğümüz yıl boyunca planlanan işleri yürütmüştür. " * 20, sheet()["body"])
    calls = []
    real = p.breakLines
    p.breakLines = lambda widths: calls.append(widths) or real(widths)
    first = p.wrap(300, 800)
    lines = list(p.blPara.lines)
    assert p.wrap(300, 50) == first  # the height available does not change the lines
    assert len(calls) == 1
    assert list(p.blPara.lines) == lines
    narrower = p.wrap(200, 800)
    assert len(calls) == 2 and narrower[1] > first[1]
    assert p.wrap(300, 800) == first and len(calls) == 3  # only the last width is kept


def test_the_contents_make_each_entry_once_and_print_the_page_of_the_last_pass(monkeypatch):
    fonts.register()
    toc = Contents(dotsMinLevel=0)
    toc.levelStyles = [sheet()["toc0"], sheet()["toc1"]]
    toc._entries = [(0, "Birinci", 3, "a"), (1, "İkinci", 4, "b")]
    toc.beforeBuild()
    toc.canv = Canvas(io.BytesIO())
    toc.wrap(400, 700)
    made = dict(toc._made)
    toc.wrap(400, 300)
    assert len(made) == 2 and toc._made == made  # the same paragraph objects, not new ones
    toc.notify("TOCEntry", (0, "Birinci", 5, "a"))
    toc.beforeBuild()  # the next pass: the page changed, the paragraph is the same
    toc.wrap(400, 700)
    assert set(toc._made) == {(0, 0, "Birinci", "a")} and toc._made[(0, 0, "Birinci", "a")] is made[(0, 0, "Birinci", "a")]
    printed = []
    monkeypatch.setattr(contents, "drawPageNumbers", lambda canvas, style, pages, *a: printed.extend(pages))
    c = Canvas(io.BytesIO())
    toc.wrapOn(c, 400, 700)
    toc.drawOn(c, 72, 72)
    assert printed == [(5, "a")]  # the page found by this pass, from the same paragraph


def test_a_split_table_is_not_held_until_the_pdf_is_saved():
    fonts.register()
    rows = [[f"Satır {i}", str(i)] for i in range(800)]  # about fifteen pages
    alive: list[int] = []

    class Counting(ReportDoc):
        def afterPage(self):
            if self.passes == 2 and self.page == 10:
                gc.collect()
                alive.append(sum(1 for o in gc.get_objects() if isinstance(o, AnchoredTable)))

    doc = Counting(io.BytesIO(), header_left="a", header_right="b", draft=False)
    table = make_table(["Ad", "Sayı"], rows, [Col("left"), Col("right")], doc.portrait_width, 8.5)
    story = [Heading("Başlık", 0, "k"), table, PageBreak(), doc.counter]
    doc.multiBuild(story, canvasmaker=document.fixed_canvas(dt.date(2020, 12, 31)))
    assert doc.page > 10
    # the parts already drawn are gone; at most the part being laid out and the rest remain
    assert alive and alive[0] <= 3
