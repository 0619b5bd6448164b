"""The year cycle in the report and the clerk's window: last year beside this year.

Kars 2020 (with a previous-year column and field, ``year_view_support``) rolled to
2021: the report prints the previous-year column and the performance table's
"Önceki Yıl" with 2020's figures; three years of history give a trend; the
clerk sees 2020's value beside each field, cell and indicator, grey and never
editable.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from report_support import pdf_pages
from year_view_support import actuals_of, history_years, kars_2020_file

from desktop.core import keys
from desktop.core.entries import Entries, ValueView
from desktop.core.numbers import format_money, format_number
from desktop.report import build_report
from desktop.report.context import Context
from desktop.report.performance import IND_HEADER, indicator_columns, target_rows
from desktop.report.trends import Sparkline, trend_rows
from desktop.store.file.workbook import Workbook
from desktop.store.year_cycle import next_year

PERMITS = "itfaiye.makbuz"


@pytest.fixture(scope="module")
def rolled(tmp_path_factory):
    """(2020 entries, the 2021 definition, the consolidated 2021 file): Kars 2020 rolled to 2021
    by ``faaliyet year next``'s store function; the new file holds 2020 as its history."""
    tmp = tmp_path_factory.mktemp("rolled")
    _, path_2020 = kars_2020_file(tmp)
    with Workbook.open(path_2020, readonly=True) as wb:
        entries_2020 = wb.entries()
        new = next_year(wb, 2021, tmp / "kars-2021.faaliyet", tmp / "kars-2021")
    return entries_2020, new.definition, new.path


def _build(path, out) -> None:
    with Workbook.open(path, readonly=True) as wb:
        build_report(wb, out)


def _some_actuals(entries: Entries) -> dict[str, Decimal]:
    return {k: e.actual for k, e in entries.indicators.items() if e.actual is not None}


def test_the_2021_file_holds_2020_as_its_previous_year(rolled):
    entries_2020, _, path = rolled
    with Workbook.open(path, readonly=True) as wb:
        previous = wb.previous()
    assert previous is not None
    assert previous.values["itfaiye.trafik_kazasi"] == entries_2020.values["itfaiye.trafik_kazasi"] == 9
    assert _some_actuals(previous) == _some_actuals(entries_2020) != {}


def test_2021_report_prints_previous_year_column_and_perf_column_with_2020_figures(rolled, tmp_path):
    entries_2020, d2021, path = rolled
    out = tmp_path / "2021.pdf"
    _build(path, out)
    text = "\n".join(pdf_pages(out))
    # the previous-year column of the receipts table: 2020's amounts, never typed in 2021
    assert "Geçen Yıl (TL)" in text
    for month in ("ocak", "subat", "aralik"):
        amount = entries_2020.values[keys.join(PERMITS, month, "tutar")]
        assert format_money(amount) in text, month
    # the previous-year field
    assert "Geçen yıl müdahale edilen trafik kazası" in text
    # the performance table: a column for 2020 with its actuals
    assert "Önceki" in text and "(2020)" in text  # the header wraps: "Önceki / Yıl / (2020)"
    actuals = _some_actuals(entries_2020)
    shown = [format_number(v) for v in actuals.values()]
    assert sum(s in text for s in shown) >= len(shown) * 0.9


def test_report_story_puts_2020_actual_beside_2021_actual(rolled):
    entries_2020, d2021, path = rolled

    with Workbook.open(path, readonly=True) as wb:
        entries = wb.entries()
        ctx = Context(wb, d2021, entries, ValueView(d2021, entries, previous=wb.previous()), 470, 770)
        header, cols = indicator_columns(ctx)
        assert header[6] == "Önceki Yıl (2020)" and len(cols) == len(header)
        target = next(t for a in d2021.plan.aims for g in a.goals for t in g.targets if t.indicators)
        rows = target_rows(ctx, target, None)[0]
    for ind, row in zip(target.indicators, rows, strict=False):
        last = entries_2020.indicators.get(ind.key)
        expected = format_number(last.actual) if last and last.actual is not None else ""
        assert row[6] == expected, ind.key
        assert len(row) == len(header)


def test_without_history_the_performance_table_is_as_before(tmp_path):

    d, path = kars_2020_file(tmp_path)
    out = tmp_path / "2020.pdf"
    _build(path, out)
    text = "\n".join(pdf_pages(out))
    assert "Önceki Yıl" not in text
    assert "yıllara göre gerçekleşme" not in text
    assert len(IND_HEADER) == 9


def test_three_years_of_history_give_a_trend(rolled, tmp_path):
    entries_2020, d2021, path = rolled

    three = tmp_path / "three.faaliyet"
    three.write_bytes(path.read_bytes())
    history_years(three, {2018: actuals_of(entries_2020, Decimal("0.5")), 2019: actuals_of(entries_2020, Decimal("0.8"))})
    ind_key, last = next(iter(_some_actuals(entries_2020).items()))
    with Workbook.open(three) as wb:
        wb.apply(indicators={ind_key: {"actual": last + 1}})
    with Workbook.open(three, readonly=True) as wb:
        assert sorted(wb.history()) == [2018, 2019, 2020]
        entries = wb.entries()
        ctx = Context(wb, d2021, entries, ValueView(d2021, entries, previous=wb.previous()), 470, 770)
        ind = next(i for i in d2021.plan.indicators() if i.key == ind_key)
        years, rows = trend_rows(ctx, [ind])
    assert years == [2018, 2019, 2020, 2021]
    (row,) = rows
    assert row[0] == ind.code
    assert row[2:6] == [
        format_number(v)
        for v in ((last * Decimal("0.5")).quantize(Decimal(1)), (last * Decimal("0.8")).quantize(Decimal(1)), last, last + 1)
    ]
    spark = row[6]
    assert isinstance(spark, Sparkline)
    spark.wrap(80, 20)
    points = spark.points()
    assert len(points) == 4 and points[0][1] < points[-1][1]  # rising, drawn rising
    out = tmp_path / "three.pdf"
    _build(three, out)
    text = "\n".join(pdf_pages(out))
    assert "Göstergelerin yıllara göre gerçekleşmesi" in text
    assert "2018" in text and "2019" in text


def test_one_year_of_actuals_gives_no_trend(rolled):
    entries_2020, d2021, path = rolled

    with Workbook.open(path, readonly=True) as wb:
        entries = wb.entries()  # 2021: no actual typed yet, only 2020's
        ctx = Context(wb, d2021, entries, ValueView(d2021, entries), 470, 770)
        assert trend_rows(ctx, list(d2021.plan.indicators())) == ([], [])


def test_sparkline_of_equal_values_is_flat_and_of_gaps_skips_them():

    flat = Sparkline([Decimal(5), Decimal(5), Decimal(5)])
    flat.wrap(60, 20)
    assert len({y for _, y in flat.points()}) == 1
    gap = Sparkline([Decimal(1), None, Decimal(3)])
    gap.wrap(60, 20)
    assert [round(x) for x, _ in gap.points()] == [2, 58]


def test_the_fingerprint_covers_the_earlier_years_the_report_prints(rolled, tmp_path):
    from desktop.report.fingerprint import fingerprint
    from desktop.store.file.fingerprint import content_hash

    entries_2020, _, path = rolled
    copy = tmp_path / "copy.faaliyet"
    copy.write_bytes(path.read_bytes())
    with Workbook.open(copy, readonly=True) as wb:
        before, itfaiye_before = fingerprint(wb), fingerprint(wb, "itfaiye")
        assert itfaiye_before != content_hash(wb.conn, "itfaiye")  # the department's 2020 is printed too
    history_years(copy, {2019: actuals_of(entries_2020, Decimal("0.8"))})
    with Workbook.open(copy, readonly=True) as wb:
        assert fingerprint(wb) != before
        assert fingerprint(wb, "itfaiye") == itfaiye_before  # 2019 holds no İtfaiye value
    with Workbook.open(path, readonly=True) as wb:
        assert fingerprint(wb) == before  # same data, same fingerprint


def test_excel_export_fills_previous_year_columns_from_the_stored_year(rolled, tmp_path):
    import openpyxl

    from desktop.store.exchange.excel_export import export_excel

    entries_2020, _, path = rolled
    out = tmp_path / "2021.xlsx"
    with Workbook.open(path, readonly=True) as wb:
        export_excel(wb, out)
    book = openpyxl.load_workbook(out, read_only=True)
    cells = [c for ws in book.worksheets for row in ws.iter_rows(values_only=True) for c in row]
    assert "Geçen Yıl (TL)" in cells
    amount = entries_2020.values[keys.join(PERMITS, "ocak", "tutar")]
    assert any(isinstance(c, (int, float, Decimal)) and Decimal(str(c)) == amount for c in cells)
