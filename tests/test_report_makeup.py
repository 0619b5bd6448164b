"""Make-up of the built sample: no heading ends a page, no table is pushed off a page that it
would leave more than a third empty, ragged-right text, chart labels wrapped instead of cut."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest
from report_support import pdf_pages, sample_consolidated
from reportlab.lib.enums import TA_LEFT
from reportlab.platypus import CondPageBreak, PageBreak, Paragraph, SimpleDocTemplate, Spacer
from reportlab.platypus.doctemplate import ActionFlowable

from desktop.report import build_report, charts, document, fonts
from desktop.report.makeup import LEAVE_EMPTY
from desktop.report.styles import sheet
from desktop.report.tables import Col, LazyTable, make_table
from desktop.store.file.workbook import Workbook


@dataclass
class Page:
    flowables: list = field(default_factory=list)
    free: float = 0.0  # share of the frame left empty below the last flowable
    size: tuple = (0.0, 0.0)


def _content(f) -> bool:
    return not isinstance(f, (ActionFlowable, Spacer, PageBreak, CondPageBreak))


def _heading_like(f) -> bool:
    """A heading, or a paragraph whose style keeps it with what follows (table titles, labels)."""
    return isinstance(f, document.Heading) or bool(getattr(getattr(f, "style", None), "keepWithNext", 0))


@pytest.fixture(scope="module")
def laid_out(tmp_path_factory, definitions):
    """The sample's pages as laid out on the last pass: what each holds and how much is left empty."""
    pages: dict[tuple[int, int], Page] = {}
    original = document.ReportDoc.afterFlowable

    def record(self, flowable):
        original(self, flowable)
        if self.mode.dry or isinstance(flowable, (ActionFlowable, PageBreak, CondPageBreak)):
            return
        page = pages.setdefault((self.passes, self.page), Page())
        if _content(flowable):
            page.flowables.append(flowable)
        # the room a following block was offered (spacers included, as the frame counts them)
        page.free = (self.frame._y - self.frame._y1) / self.frame._height
        page.size = tuple(self.pagesize)

    folder = tmp_path_factory.mktemp("duzen")
    path = sample_consolidated(folder / "birlesik.faaliyet", definitions("kars"))
    with pytest.MonkeyPatch.context() as mp, Workbook.open(path, readonly=True) as wb:
        mp.setattr(document.ReportDoc, "afterFlowable", record)
        build_report(wb, folder / "rapor.pdf")
    last = max(p for p, _ in pages)
    return [pages[key] for key in sorted(k for k in pages if k[0] == last)]


def test_no_page_of_the_sample_ends_with_a_heading(laid_out):
    assert len(laid_out) > 80
    stranded = [
        (n, laid_out[n - 1].flowables[-1].getPlainText())
        for n in range(1, len(laid_out) + 1)
        if _heading_like(laid_out[n - 1].flowables[-1])
    ]
    assert stranded == []


def test_no_table_is_pushed_off_a_page_it_would_leave_a_third_empty(laid_out):
    """A page left more than a third empty is followed by a new section, a new orientation
    or a chart (a drawing does not split), never by a table or its title."""
    pushed = []
    for n, (page, following) in enumerate(zip(laid_out, laid_out[1:]), start=1):
        first = following.flowables[0]
        if page.free > LEAVE_EMPTY and page.size == following.size and not isinstance(first, document.Heading):
            if isinstance(first, LazyTable) or getattr(getattr(first, "style", None), "name", "") == "table_title":
                pushed.append((n, f"{page.free:.0%}", type(first).__name__))
    assert pushed == []


def test_a_long_table_splits_where_it_stands_with_its_header_repeated(tmp_path):
    """With more than a third of the page free, a heading and a long table start on that page."""
    fonts.register()
    out = tmp_path / "t.pdf"
    doc = document.ReportDoc(str(out), header_left="", header_right="", draft=False)
    table = make_table(
        ["Kalem", "Tutar"], [[f"satır {i}", f"{i}.000,00"] for i in range(90)], [Col("left", True), Col("right")], 400, 8.5
    )
    room = doc.portrait_width
    story = [
        Spacer(room, 300),
        document.Heading("Uzun tablo", 1, "uzun"),
        Paragraph("Uzun tablonun başlığı", sheet()["table_title"]),
        table,
    ]
    doc.multiBuild([*story, doc.counter])  # (the first pass only lays out)
    pages = pdf_pages(out)
    assert "Uzun tablo" in pages[0] and "satır 0" in pages[0]
    assert "satır 89" not in pages[0]
    later = next(p for p in pages[1:] if "satır 89" in p)
    assert "Kalem" in later and "Tutar" in later  # the header row repeated


def test_body_text_is_set_ragged_right():
    assert sheet()["body"].alignment == TA_LEFT


def test_long_chart_labels_wrap_instead_of_being_cut():
    fonts.register()
    label = "3 Alınan Bağış ve Yardımlar ile Özel Gelirler ve Diğer Uzun Adlı Gelir Kalemleri"
    wrapped = charts.wrap_label(label, 90)
    lines = wrapped.split("\n")
    assert len(lines) > 1
    assert " ".join(lines) == label  # every word is there
    assert all(fonts.width(line, fonts.SANS, 7) <= 90 for line in lines)
    d = charts.bar_chart([label, "Vergi Gelirleri"], [("Tahsilat", [10.0, 20.0])], 300)
    names = d.contents[0].categoryAxis.categoryNames
    assert [" ".join(n.split("\n")) for n in names] == [label, "Vergi Gelirleri"]


def test_an_endless_label_is_cut_only_after_three_lines():
    fonts.register()
    wrapped = charts.wrap_label(" ".join(["Müdürlüğü"] * 40), 60)
    assert wrapped.count("\n") == charts.LABEL_LINES - 1
    assert wrapped.endswith("…")


def test_simple_doc_template_is_unchanged():
    """Only the report's own document keeps headings across containers (no global patch)."""
    assert SimpleDocTemplate.handle_keepWithNext is not document.ReportDoc.handle_keepWithNext


def _rows_table(n: int):
    from reportlab.platypus import Table

    t = Table([["Başlık"]] + [[f"satır {i}"] for i in range(n)], rowHeights=[12] * (n + 1), repeatRows=1)
    t.wrap(300, 10_000)
    return t


def test_a_split_leaves_no_lone_last_row():
    from desktop.report.makeup import balanced_split

    t = _rows_table(20)
    parts = balanced_split(t, 300, 12 * 20 + 1, 1)  # the header and 19 rows fit
    assert [len(p._cellvalues) - 1 for p in parts] == [18, 2]


def test_a_split_leaves_no_lone_first_row_at_a_page_foot():
    from desktop.report.makeup import balanced_split

    t = _rows_table(20)
    assert balanced_split(t, 300, 12 * 2 + 1, 1) == []  # the header and one row fit: the table moves on
    parts = balanced_split(t, 300, 12 * 3 + 1, 1)
    assert [len(p._cellvalues) - 1 for p in parts] == [2, 18]


def test_the_sample_has_no_table_split_leaving_a_lone_row(laid_out):
    """Every piece of a split table carries at least two body rows (its header repeated)."""
    pieces = [f for page in laid_out for f in page.flowables if type(f).__name__ == "Table" and getattr(f, "repeatRows", 0)]
    lone = [len(t._cellvalues) - t.repeatRows for t in pieces if len(t._cellvalues) - t.repeatRows < 2]
    assert lone == []
