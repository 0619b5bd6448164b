"""Finance tables as accountants print them: account levels and their totals, column group
header rows, grand total rows (declared in the definition, computed, printed)."""

from __future__ import annotations

from decimal import Decimal

import msgspec
import pytest
from report_support import sample_consolidated

from desktop.core import keys
from desktop.core.forms import FormDef, TableDef
from desktop.core.tables import compute_table, grand_total
from desktop.report import build_report, fonts
from desktop.report.table_dress import add_group_row, column_groups, indent_levels
from desktop.report.tables import PAD, Col, make_table
from desktop.store.file.workbook import Workbook


def _table(**kw) -> TableDef:
    return msgspec.convert({"kind": "table", **kw}, TableDef)


ACCOUNTS = _table(
    key="bilanco",
    title="Bilanço",
    rows=[
        {"key": "h1", "label": "1 Dönen Varlıklar"},
        {"key": "h10", "label": "10 Hazır Değerler", "level": 1},
        {"key": "h100", "label": "100 Kasa", "level": 2},
        {"key": "h2", "label": "2 Duran Varlıklar"},
        {"key": "h910", "label": "910 Teminat Mektupları", "in_total": False},
    ],
    columns=[{"key": "tutar", "label": "TL", "type": "money"}],
    total_row="Aktif Toplamı",
)


def test_a_table_with_levels_totals_its_top_accounts_only():
    values = {"h1": 100, "h10": 60, "h100": 60, "h2": 50, "h910": -7}
    entered = {keys.join("mali", "bilanco", k, "tutar"): Decimal(v) for k, v in values.items()}
    out = compute_table("mali", ACCOUNTS, entered)
    assert out[keys.join("mali", "bilanco", keys.TOTAL_ROW, "tutar")] == Decimal("150.00")


def test_levels_are_bounded():
    with pytest.raises(msgspec.ValidationError):
        _table(key="t", title="T", rows=[{"key": "a", "label": "A", "level": 9}], columns=[{"key": "x", "label": "X"}])


def _form(*tables) -> FormDef:
    return msgspec.convert({"department": "hukuk", "sections": [{"key": "s", "title": "S", "items": list(tables)}]}, FormDef)


CASES = {"kind": "table", "rows": [{"key": "a", "label": "A"}], "total_row": True}
COLUMNS = [
    {"key": "devam", "label": "Devam"},
    {"key": "kesin", "label": "Kesin"},
    {"key": "toplam", "label": "Toplam", "computed": "devam + kesin"},
]


def test_a_grand_total_adds_the_totals_of_earlier_tables():
    form = _form(
        {**CASES, "key": "idari", "title": "İdari", "columns": COLUMNS},
        {**CASES, "key": "adli", "title": "Adli", "columns": COLUMNS, "grand_total": {"label": "Genel", "tables": ["idari"]}},
    )
    adli = form.sections[0].items[1]
    values = {
        keys.join("hukuk", "idari", keys.TOTAL_ROW, "devam"): 113,
        keys.join("hukuk", "idari", keys.TOTAL_ROW, "kesin"): 52,
        keys.join("hukuk", "adli", keys.TOTAL_ROW, "devam"): 260,
        keys.join("hukuk", "adli", keys.TOTAL_ROW, "kesin"): 127,
    }
    assert grand_total("hukuk", adli, values.get) == {"devam": 373, "kesin": 179, "toplam": 552}


@pytest.mark.parametrize(
    ("tables", "why"),
    [
        (
            [
                {**CASES, "key": "adli", "title": "A", "columns": COLUMNS, "grand_total": {"label": "G", "tables": ["idari"]}},
                {**CASES, "key": "idari", "title": "İ", "columns": COLUMNS},
            ],
            "önce gelen",
        ),
        (
            [
                {**CASES, "key": "idari", "title": "İ", "columns": COLUMNS},
                {
                    "kind": "table",
                    "key": "adli",
                    "title": "A",
                    "rows": [{"key": "a", "label": "A"}],
                    "columns": COLUMNS,
                    "grand_total": {"label": "G", "tables": ["idari"]},
                },
            ],
            "total_row",
        ),
    ],
)
def test_a_grand_total_of_an_unknown_or_later_table_is_refused(tables, why):
    with pytest.raises(msgspec.ValidationError, match=why):
        _form(*tables)


def test_column_groups_run_over_neighbours():
    assert column_groups([None, "A", "A", None, "B", "B", "A"]) == [
        (0, 0, None),
        (1, 2, "A"),
        (3, 3, None),
        (4, 5, "B"),
        (6, 6, "A"),
    ]


def test_group_row_spans_and_repeats_and_levels_indent():
    fonts.register()
    t = make_table(
        ["Tür", "Ahşap", "Karma", "Diğer"],
        [["Bina", "1", "2", "3"], ["Alt satır uzun bir hesap adı", "1", "1", "1"]],
        [Col("left", True, 40), Col(), Col(), Col()],
        300,
        8.5,
    )
    add_group_row(t, ["Malzeme", "Malzeme", None], 8.5)
    assert t.repeat_rows == 2
    assert t.body[0][:2] == ["Tür", "Malzeme"] and t.body[1][0] == "" and t.body[0][3] == "Diğer"
    assert ("SPAN", (1, 0), (2, 0)) in t.style and ("SPAN", (0, 0), (0, 1)) in t.style
    indent_levels(t, [0, 2], 8.5)
    assert ("LEFTPADDING", (0, 3), (0, 3), PAD + 2 * 9.0) in t.style
    for line in t.body[3][0].split("\n"):
        assert fonts.width(line, fonts.SANS, 8.5) <= t.widths[0] - 2 * PAD - 18 + 0.01
    t.wrap(300, 800)  # ReportLab accepts the spans and styles


@pytest.fixture(scope="module")
def sample_text(tmp_path_factory, definitions):
    from report_support import pdf_pages

    folder = tmp_path_factory.mktemp("mali")
    path = sample_consolidated(folder / "birlesik.faaliyet", definitions("kars"))
    out = folder / "rapor.pdf"
    with Workbook.open(path, readonly=True) as wb:
        build_report(wb, out)
    return pdf_pages(out)


def test_sample_balance_sheet_totals_as_the_reference(sample_text):
    text = "\n".join(sample_text)
    assert "Aktif Toplamı 434.001.561,79" in text  # the reference's Aktif and Pasif totals
    assert "Pasif Toplamı 434.001.561,79" in text


def test_sample_courts_table_has_the_reference_grand_total(sample_text):
    text = "\n".join(sample_text)
    assert "Adli Yargı Toplamı 260 84 127 471\nGenel Toplam 373 148 179 700" in text


def test_sample_fire_table_prints_its_column_groups(sample_text):
    page = next(p for p in sample_text if "Yangın Türleri" in p)
    for group in ("Yanma Derecesi", "Yangın Kaybı", "Yangının Nedeni"):
        assert group in page
