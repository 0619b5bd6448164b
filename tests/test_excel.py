"""Excel: the year's export, the department template and its import back."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import zipfile
from decimal import Decimal as D
from pathlib import Path

import openpyxl
import pytest

from desktop import cli, resources
from desktop.core import rates
from desktop.store.errors import ImportRejected
from desktop.store.exchange import excel as xl
from desktop.store.exchange.excel_export import export_excel
from desktop.store.exchange.excel_formulas import excel_formula
from desktop.store.exchange.excel_import import convert, import_template
from desktop.store.exchange.excel_template import template_from_workbook, write_template
from desktop.store.exchange.valueset import import_values, read_json
from desktop.store.file.workbook import Workbook


# --- helpers ---------------------------------------------------------------
def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def sample_consolidated(consolidated_path: Path) -> Path:
    """A consolidated workbook holding the embedded sample's value sets."""
    with Workbook.open(consolidated_path) as wb:
        for f in sorted(resources.sample(wb.definition.id).glob("*.json")):
            import_values(wb, read_json(f))
    return consolidated_path


def rows_of(ws) -> list[tuple]:
    return list(ws.iter_rows(values_only=True))


def find_row(ws, first: str, after: int = 0) -> int:
    for r in range(after + 1, ws.max_row + 1):
        if ws.cell(r, 1).value == first:
            return r
    raise AssertionError(f"{first!r} not in {ws.title}")


def cell_map(path: Path) -> dict[tuple[str, str], tuple[str, str]]:
    """(key, attribute) -> (sheet, cell) from the template's hidden map."""
    book = openpyxl.load_workbook(path)
    out = {}
    started = False
    for row in book[xl.MAP_SHEET].iter_rows(values_only=True):
        if row[0] == "sayfa":
            started = True
            continue
        if started and row[0]:
            out[(row[3], row[4])] = (row[0], row[1])
    return out


def fill(path: Path, out: Path, cells: dict[tuple[str, str], object], fmt: dict | None = None, edit=None) -> Path:
    """Open a template like a person would, type values into mapped cells, save."""
    where = cell_map(path)
    book = openpyxl.load_workbook(path)
    for (key, attr), value in cells.items():
        sheet, coord = where[(key, attr)]
        book[sheet][coord] = value
        if fmt and (key, attr) in fmt:
            book[sheet][coord].number_format = fmt[(key, attr)]
    if edit:
        edit(book)
    book.save(out)
    return out


# --- export ----------------------------------------------------------------
def test_export_consolidated_sample(sample_consolidated, tmp_path, definition):
    out = tmp_path / "yil.xlsx"
    with Workbook.open(sample_consolidated, readonly=True) as wb:
        result = export_excel(wb, out)
        entries = wb.entries()
    book = openpyxl.load_workbook(out)
    assert book.sheetnames[0] == "Performans"
    assert result.sheets == book.sheetnames
    for title in book.sheetnames:
        assert len(title) <= 31 and not set(title) & set("[]:*?/\\")

    perf = book["Performans"]
    header = [c.value for c in perf[4]]
    assert header[:3] == ["Hedefe Etkisi (%)", "Kod", "Performans Göstergesi / Faaliyet"]
    assert "Gerçekleşme Oranı (%)" in header and "Hesaplama Yöntemi" in header
    assert perf.freeze_panes == "A5"
    assert perf.page_setup.orientation == "landscape" and int(perf.page_setup.paperSize) == 9
    assert all(perf.cell(4, c).font.b for c in range(1, 14))

    # every indicator with an actual value: the sheet's rate is rates.realization's
    checked = flagged = 0
    for ind in definition.plan.indicators():
        e = entries.indicators.get(ind.key)
        if e is None or e.actual is None:
            continue
        expected = rates.realization(ind.direction, ind.baseline, ind.target, e.actual)
        row = next(
            r for r in range(5, perf.max_row + 1) if perf.cell(r, 2).value == ind.code and perf.cell(r, 3).value == ind.name
        )
        assert isinstance(perf.cell(row, 8).value, (int, float))
        assert perf.cell(row, 8).value == pytest.approx(float(e.actual))
        if expected.value is None:
            assert perf.cell(row, 9).value is None
        else:
            assert perf.cell(row, 9).value == pytest.approx(float(expected.value))
            assert '"%"' in perf.cell(row, 9).number_format or '" %"' in perf.cell(row, 9).number_format
        assert perf.cell(row, 10).value.startswith(rates.METHODS[expected.method])
        unexplained = rates.needs_explanation(expected.value, definition.year.deviation_tolerance) and not e.explanation.strip()
        assert perf.cell(row, 12).fill.fgColor.rgb.endswith("F8CBAD") == unexplained
        flagged += unexplained
        checked += 1
    assert checked >= 1  # rows checked against rates.realization and the explanation rule

    # İmar: the permits table, numbers as numbers, the total computed (71, not the printed 152)
    imar = book[next(t for t in book.sheetnames if t.startswith("İmar"))]
    head = find_row(imar, "Ruhsatlar")
    assert imar.cell(head, 2).value == "Adet" and imar.cell(head, 2).font.b
    assert imar.cell(head, 2).fill.fgColor.rgb.endswith("D9E1F2")
    total = find_row(imar, "Toplam", head)
    assert imar.cell(total, 2).value == 71 and isinstance(imar.cell(total, 2).value, int)
    assert imar.cell(head + 1, 1).value == "Yeni Yapı Ruhsatı" and imar.cell(head + 1, 2).value == 53
    assert imar.cell(head + 1, 2).number_format == "#,##0"
    date_row = find_row(imar, "Revizyon imar planının onay tarihi")
    assert imar.cell(date_row, 2).value == dt.datetime(2020, 12, 24)
    assert imar.cell(date_row, 2).number_format == "DD.MM.YYYY"

    # İtfaiye: money numeric with two decimals, totals computed
    itf = book[next(t for t in book.sheetnames if t.startswith("İtfaiye"))]
    head = find_row(itf, "Aylar")
    assert [itf.cell(head, c).value for c in (2, 3)] == ["Araç Sayısı", "Miktarı (TL)"]
    assert isinstance(itf.cell(head + 1, 3).value, (int, float)) and itf.cell(head + 1, 3).number_format == "#,##0.00"
    total = find_row(itf, "Genel Toplam", head)
    arac = sum(v for k, v in entries.values.items() if k.startswith("itfaiye.makbuz.") and k.endswith(".arac"))
    assert itf.cell(total, 2).value == arac
    numeric_cells = 0
    for ws in book.worksheets[1:]:
        for row in ws.iter_rows(min_row=2):
            for c in row:
                if c.number_format.startswith(("#,##0", '"%"')) and c.value is not None:
                    assert isinstance(c.value, (int, float)), f"number as text: {ws.title}!{c.coordinate}"
                    numeric_cells += 1
        assert ws.page_setup.orientation == "landscape" and ws.freeze_panes
    assert numeric_cells > 50


def test_export_is_deterministic(sample_consolidated, tmp_path, definition):
    a, b = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    with Workbook.open(sample_consolidated, readonly=True) as wb:
        export_excel(wb, a)
        export_excel(wb, b)
    assert a.read_bytes() == b.read_bytes()
    props = openpyxl.load_workbook(a).properties
    assert props.creator == definition.institution.name
    assert props.created == props.modified == dt.datetime(definition.year.year, 12, 31)
    with zipfile.ZipFile(a) as z:
        assert {i.date_time for i in z.infolist()} == {(definition.year.year, 12, 31, 0, 0, 0)}


def test_export_of_a_department_file_holds_only_that_department(tmp_path, definition):
    path = tmp_path / "imar.faaliyet"
    with Workbook.create(path, definition, "imar") as wb:
        import_values(wb, read_json(resources.sample(definition.id) / "imar.json"))
        export_excel(wb, tmp_path / "imar.xlsx")
    book = openpyxl.load_workbook(tmp_path / "imar.xlsx")
    assert book.sheetnames == ["Performans", "İmar ve Şehircilik Müdürlüğü"]
    units = {c.value for c in book["Performans"]["K"] if c.row > 4 and c.value and c.value != "Sorumlu Birim"}
    assert units == {"İmar ve Şehircilik Müdürlüğü"}


def test_text_that_looks_like_a_formula_stays_text(workbook, tmp_path):
    ind = workbook.definition.indicators_of("itfaiye")[0]
    workbook.set_indicator(ind.key, actual=1, source='=HYPERLINK("http://x","tıkla")')
    out = tmp_path / "x.xlsx"
    export_excel(workbook, out)
    ws = openpyxl.load_workbook(out)["Performans"]
    cells = [c for row in ws.iter_rows() for c in row if c.value == '=HYPERLINK("http://x","tıkla")']
    assert cells and all(c.data_type == "s" for c in cells)


def test_sheet_titles_are_valid_and_unique():
    used: set[str] = set()
    a = xl.sheet_title("İnsan Kaynakları ve Eğitim Müdürlüğü", used)
    b = xl.sheet_title("İNSAN KAYNAKLARI VE EĞİTİM MÜDÜRLÜĞÜ", used)
    c = xl.sheet_title("Gelir/Gider [2020]: *özet*?", used)
    d = xl.sheet_title("x" * 40, used)
    e = xl.sheet_title("x" * 40, used)
    assert a == "İnsan Kaynakları ve Eğitim"
    assert b != a and len(b) <= 31 and b.endswith("(2)")
    assert c == "Gelir Gider 2020 özet"
    assert len(d) == 31 and len(e) == 31 and d != e
    assert xl.sheet_title("History", set()) != "History"


def test_number_formats_are_standard_codes():
    assert xl.percent_format("prefix") == '"%"#,##0.0'
    assert xl.percent_format("suffix") == '#,##0.0" %"'
    assert xl.number_format("decimal", [D("1.5"), 2]) == "#,##0.0"
    assert xl.number_format("decimal", [1485, 2153]) == "#,##0"
    assert xl.cell_number(D("12115.00")) == 12115 and xl.cell_number(D("0.25")) == 0.25


# --- template ----------------------------------------------------------------
def test_template_structure(definition, tmp_path):
    out = tmp_path / "sablon.xlsx"
    result = write_template(definition, "itfaiye", out)
    book = openpyxl.load_workbook(out)
    assert book.sheetnames[0] == "Yönerge"
    assert "Göstergeler" in book.sheetnames and "Faaliyetler" in book.sheetnames
    assert book[xl.MAP_SHEET].sheet_state == "veryHidden"
    assert book.security.lockStructure
    where = cell_map(out)
    assert len(where) == result.inputs
    sheet, coord = where[("itfaiye.makbuz.ocak.arac", "value")]
    ws = book[sheet]
    assert ws.protection.sheet and ws[coord].protection.locked is False
    assert ws[coord].fill.fgColor.rgb.endswith("FFF2CC")
    total = find_row(ws, "Genel Toplam")
    assert ws.cell(total, 2).value.startswith("=IF(COUNT(") and "SUM(" in ws.cell(total, 2).value
    assert ws.cell(total, 2).protection.locked is not False
    # computed cells are never in the map
    assert not [k for k, _ in where if k.endswith(".toplam.arac")]
    g = book["Göstergeler"]
    ind = definition.indicators_of("itfaiye")[0]
    row = find_row(g, ind.key)
    assert g.cell(row, 3).value == ind.name and g.cell(row, 9).value.startswith("=IF(")
    assert where[(ind.key, "actual")] == ("Göstergeler", f"H{row}")


def test_the_template_is_one_turkish_document_in_an_english_window(definition, tmp_path, english):
    """Its guide held one English paragraph among Turkish ones (the only one made with ``_``); its
    dates' example named 2020 in any year."""
    out = tmp_path / "sablon.xlsx"
    write_template(definition, "itfaiye", out)
    guide = " ".join(str(c.value) for row in openpyxl.load_workbook(out)["Yönerge"].iter_rows() for c in row if c.value)
    assert "Sayıları sayı olarak girin" in guide and "Enter numbers" not in guide
    assert f"31.12.{definition.year.year}" in guide


def test_template_round_trip(workbook, definition, tmp_path):
    template = tmp_path / "sablon.xlsx"
    write_template(definition, "itfaiye", template)
    ind = definition.indicators_of("itfaiye")[0]
    act = definition.activities_of("itfaiye")[0]
    filled = fill(
        template,
        tmp_path / "dolu.xlsx",
        {
            ("itfaiye.makbuz.ocak.arac", "value"): 78,
            ("itfaiye.makbuz.ocak.tutar", "value"): 12115.5,
            ("itfaiye.makbuz.subat.tutar", "value"): "11.920,25",  # typed as text, Turkish format
            ("itfaiye.akaryakit.ocak.litre", "value"): "1,485.5",  # English format in a Turkish cell: refused
            ("itfaiye.akaryakit.subat.litre", "value"): 1740.5,
            ("itfaiye.anlatim", "value"): "Eğitimler yapıldı.\n\n- Tatbikat",
            ("itfaiye.trafik_kazasi", "value"): "9",
            (ind.key, "actual"): 7,
            (ind.key, "explanation"): "Hedefin altında kalındı.",
            (ind.key, "source"): "Eğitim kayıt defteri",
            (act.key, "actual_cost"): "1.250,50",
        },
    )
    with pytest.raises(ImportRejected) as exc:
        import_template(workbook, filled)
    assert any("İngilizce" in p and "1.485,5" in p and "!" in p.split(":")[0] for p in exc.value.problems)
    filled = fill(
        template,
        tmp_path / "dolu2.xlsx",
        {
            ("itfaiye.makbuz.ocak.arac", "value"): 78,
            ("itfaiye.makbuz.ocak.tutar", "value"): 12115.5,
            ("itfaiye.makbuz.subat.tutar", "value"): "11.920,25",
            ("itfaiye.akaryakit.ocak.litre", "value"): "1.485",  # Turkish thousands
            ("itfaiye.akaryakit.subat.litre", "value"): 1740.5,
            ("itfaiye.anlatim", "value"): "Eğitimler yapıldı.\n\n- Tatbikat",
            ("itfaiye.trafik_kazasi", "value"): "9",
            (ind.key, "actual"): 7,
            (ind.key, "explanation"): "Hedefin altında kalındı.",
            (ind.key, "source"): "Eğitim kayıt defteri",
            (act.key, "actual_cost"): "1.250,50",
        },
    )
    assert import_template(workbook, filled) == 11
    e = workbook.entries()
    assert e.values["itfaiye.makbuz.ocak.arac"] == 78
    assert e.values["itfaiye.makbuz.ocak.tutar"] == D("12115.50")
    assert e.values["itfaiye.makbuz.subat.tutar"] == D("11920.25")
    assert e.values["itfaiye.akaryakit.ocak.litre"] == D("1485")
    assert e.values["itfaiye.akaryakit.subat.litre"] == D("1740.5")
    assert e.values["itfaiye.anlatim"] == "Eğitimler yapıldı.\n\n- Tatbikat"
    assert e.values["itfaiye.trafik_kazasi"] == 9
    assert e.indicators[ind.key].actual == 7
    assert e.indicators[ind.key].explanation == "Hedefin altında kalındı."
    assert e.indicators[ind.key].source == "Eğitim kayıt defteri"
    assert e.activities[act.key].actual_cost == D("1250.50")
    assert import_template(workbook, filled) == 0  # same file again: nothing changes


def test_turkish_text_in_a_decimal_cell(workbook, definition, tmp_path):
    template = tmp_path / "sablon.xlsx"
    write_template(definition, "itfaiye", template)
    where = cell_map(template)
    ok = fill(template, tmp_path / "ok.xlsx", {("itfaiye.akaryakit.ocak.litre", "value"): "1.234,5"})
    assert import_template(workbook, ok) == 1
    assert workbook.get("itfaiye.akaryakit.ocak.litre") == D("1234.5")
    thousands = fill(template, tmp_path / "th.xlsx", {("itfaiye.akaryakit.ocak.litre", "value"): "1.234"})
    assert import_template(workbook, thousands) == 1  # the dot before three digits groups thousands
    assert workbook.get("itfaiye.akaryakit.ocak.litre") == D("1234")
    before = sha(workbook.path)
    bad = fill(template, tmp_path / "bad.xlsx", {("itfaiye.akaryakit.subat.litre", "value"): "0.234"})
    with pytest.raises(ImportRejected) as exc:
        import_template(workbook, bad)
    sheet, coord = where[("itfaiye.akaryakit.subat.litre", "value")]
    assert exc.value.problems[0].startswith(f"{sheet}!{coord}: ") and "0,234" in exc.value.problems[0]
    assert sha(workbook.path) == before
    assert workbook.get("itfaiye.akaryakit.subat.litre") is None


def test_every_problem_is_listed_and_the_file_is_unchanged(workbook, definition, tmp_path):
    template = tmp_path / "sablon.xlsx"
    write_template(definition, "itfaiye", template)
    where = cell_map(template)
    workbook.set_value("itfaiye.makbuz.mart.arac", 39)
    before = sha(workbook.path)
    ind = definition.indicators_of("itfaiye")[0]
    bad = fill(
        template,
        tmp_path / "bad.xlsx",
        {
            ("itfaiye.makbuz.ocak.arac", "value"): 78,  # fine on its own
            ("itfaiye.makbuz.subat.arac", "value"): -3,  # negative count
            ("itfaiye.makbuz.nisan.arac", "value"): 2.5,  # fraction in a count
            ("itfaiye.makbuz.mayis.tutar", "value"): "on iki",  # not a number
            ("itfaiye.makbuz.haziran.tutar", "value"): 10.555,  # three decimals in money
            (ind.key, "actual"): "1,234.25",  # English format (a lone "12.25" is read as 12,25)
        },
    )
    with pytest.raises(ImportRejected) as exc:
        import_template(workbook, bad)
    problems = exc.value.problems
    for key in (
        "itfaiye.makbuz.subat.arac",
        "itfaiye.makbuz.nisan.arac",
        "itfaiye.makbuz.mayis.tutar",
        "itfaiye.makbuz.haziran.tutar",
    ):
        sheet, coord = where[(key, "value")]
        assert any(p.startswith(f"{sheet}!{coord}: ") for p in problems), (key, problems)
    sheet, coord = where[(ind.key, "actual")]
    assert any(p.startswith(f"{sheet}!{coord}: ") for p in problems)
    assert len(problems) == 5
    assert "dosya olduğu gibi kaldı" in str(exc.value)
    assert sha(workbook.path) == before
    assert workbook.get("itfaiye.makbuz.ocak.arac") is None


def test_prefilled_template_imports_only_changed_cells(workbook, definition, tmp_path):
    workbook.set_values({"itfaiye.makbuz.ocak.arac": 78, "itfaiye.makbuz.subat.arac": 68, "itfaiye.makbuz.mart.arac": 39})
    template = tmp_path / "dolu-sablon.xlsx"
    template_from_workbook(workbook, "itfaiye", template)
    where = cell_map(template)
    sheet, coord = where[("itfaiye.makbuz.ocak.arac", "value")]
    assert openpyxl.load_workbook(template)[sheet][coord].value == 78
    # meanwhile the clerk changes March in the application
    workbook.set_value("itfaiye.makbuz.mart.arac", 40)
    filled = fill(
        template,
        tmp_path / "x.xlsx",
        {
            ("itfaiye.makbuz.ocak.arac", "value"): 80,  # changed in Excel
            ("itfaiye.makbuz.subat.arac", "value"): None,  # cleared in Excel
        },
    )
    assert import_template(workbook, filled) == 2
    assert workbook.get("itfaiye.makbuz.ocak.arac") == 80
    assert workbook.get("itfaiye.makbuz.subat.arac") is None
    assert workbook.get("itfaiye.makbuz.mart.arac") == 40  # untouched in Excel: the newer value stays
    # the same filled template into another file: every filled cell lands there
    with Workbook.create(tmp_path / "baska.faaliyet", definition, "itfaiye") as other:
        assert import_template(other, filled) == 2
        assert other.get("itfaiye.makbuz.ocak.arac") == 80 and other.get("itfaiye.makbuz.mart.arac") == 39
        assert other.get("itfaiye.makbuz.subat.arac") is None


def test_percent_typed_with_a_percent_sign(tmp_path, definition):
    # Excel stores "%92,5" typed into a cell as 0.925 with a percent format; the template's own
    # format puts the sign in quotes, so 92.5 there is 92.5
    assert convert(0.925, "percent", "0.0%") == D("92.5")
    assert convert(92.5, "percent", xl.percent_format("prefix", 2)) == D("92.5")
    assert convert(0.05, "count", "0%") == 5
    # an indicator measured in % : "%80" typed into Excel is stored as 0.8 and meant as 80
    ind = next(i for i in definition.plan.indicators() if i.unit == "%")
    template = tmp_path / "g.xlsx"
    write_template(definition, ind.department, template)
    filled = fill(template, tmp_path / "g2.xlsx", {(ind.key, "actual"): 0.8}, fmt={(ind.key, "actual"): "0%"})
    with Workbook.create(tmp_path / "g.faaliyet", definition, ind.department) as wb:
        assert import_template(wb, filled) == 1
        assert wb.entries().indicators[ind.key].actual == 80


def test_dates_from_date_cells_and_turkish_text(tmp_path, definition):
    template = tmp_path / "imar.xlsx"
    write_template(definition, "imar", template)
    path = tmp_path / "imar.faaliyet"
    with Workbook.create(path, definition, "imar") as wb:
        f1 = fill(template, tmp_path / "a.xlsx", {("imar.plan_onay_tarihi", "value"): dt.datetime(2020, 12, 24)})
        assert import_template(wb, f1) == 1 and wb.get("imar.plan_onay_tarihi") == dt.date(2020, 12, 24)
        f2 = fill(template, tmp_path / "b.xlsx", {("imar.plan_onay_tarihi", "value"): "31.12.2020"})
        assert import_template(wb, f2) == 1 and wb.get("imar.plan_onay_tarihi") == dt.date(2020, 12, 31)
        f3 = fill(template, tmp_path / "c.xlsx", {("imar.plan_onay_tarihi", "value"): "31.02.2020"})
        with pytest.raises(ImportRejected, match="Şubat 2020 29 gün"):
            import_template(wb, f3)


def test_convert_cell_values():
    assert convert(12115.5, "money") == D("12115.5")
    assert convert(0.1 + 0.2, "decimal") == D("0.3")  # Excel's 15 significant digits
    assert convert("%87,5", "percent") == D("87.5")
    assert convert("  ", "count") is None
    assert convert("150.000", "money") == D("150000")  # the reading rule of every entry path
    assert convert("12.5", "decimal") == D("12.5")
    assert convert(2020, "text") == "2020"
    for bad, kind in (
        ("1,234.5", "decimal"),
        ("0.234", "decimal"),
        ("#DIV/0!", "decimal"),
        (True, "count"),
        (dt.datetime(2020, 1, 1), "money"),
        (5, "date"),
    ):
        with pytest.raises(ValueError):
            convert(bad, kind)


def test_excel_formula_translation():
    refs = {"tahsilat": "C5", "iade": "D5", "net": "E5", "tahmin": "B5"}.get
    assert excel_formula("tahsilat - iade", refs) == '=IF(COUNT(C5,D5)<2,"",IFERROR((C5-D5),""))'
    assert excel_formula("net / tahmin * 100", refs) == '=IF(COUNT(B5,E5)<2,"",IFERROR(((E5/B5)*100),""))'
    assert excel_formula("round(abs(net))", refs) == '=IF(COUNT(E5)<1,"",IFERROR(ROUND(ABS(E5),0),""))'
    assert excel_formula("bilinmeyen + 1", refs) is None


# --- identity and hostile files ----------------------------------------------
def _edit_map(name: str, value):
    def edit(book):
        ws = book[xl.MAP_SHEET]
        for row in ws.iter_rows():
            if row[0].value == name:
                row[1].value = value
                return
        raise AssertionError(name)

    return edit


def test_wrong_department_year_or_definition_is_refused(workbook, definition, tmp_path):
    before = sha(workbook.path)
    imar = tmp_path / "imar.xlsx"
    write_template(definition, "imar", imar)
    with pytest.raises(ImportRejected, match="'imar' birimi için, bu dosya 'itfaiye'"):
        import_template(workbook, fill(imar, tmp_path / "i.xlsx", {("imar.iskan_devam", "value"): 5}))
    template = tmp_path / "itfaiye.xlsx"
    write_template(definition, "itfaiye", template)
    cell = {("itfaiye.trafik_kazasi", "value"): 9}
    with pytest.raises(ImportRejected, match="2019 yılı için"):
        import_template(workbook, fill(template, tmp_path / "y.xlsx", cell, edit=_edit_map("year", 2019)))
    with pytest.raises(ImportRejected, match="başka bir form tanımından"):
        import_template(workbook, fill(template, tmp_path / "d.xlsx", cell, edit=_edit_map("definition_digest", "0" * 64)))
    with pytest.raises(ImportRejected, match="kurumu"):
        import_template(workbook, fill(template, tmp_path / "k.xlsx", cell, edit=_edit_map("institution", "ardahan")))
    assert sha(workbook.path) == before


def test_tampered_map_is_refused(workbook, definition, tmp_path):
    template = tmp_path / "itfaiye.xlsx"
    write_template(definition, "itfaiye", template)
    before = sha(workbook.path)

    def to_total(book):  # point an input cell at a computed total
        for row in book[xl.MAP_SHEET].iter_rows():
            if row[3].value == "itfaiye.makbuz.ocak.arac":
                row[3].value = "itfaiye.makbuz.toplam.arac"

    def to_other_department(book):
        for row in book[xl.MAP_SHEET].iter_rows():
            if row[3].value == "itfaiye.makbuz.ocak.arac":
                row[3].value = "imar.ruhsat.yeni_yapi.adet"

    def drop_sheet(book):
        book.remove(book["Göstergeler"])

    cell = {("itfaiye.makbuz.ocak.arac", "value"): 5}
    for n, edit in enumerate((to_total, to_other_department, drop_sheet)):
        with pytest.raises(ImportRejected):
            import_template(workbook, fill(template, tmp_path / f"t{n}.xlsx", cell, edit=edit))
    assert sha(workbook.path) == before


def _xlsx_bytes(mutate) -> bytes:
    book = openpyxl.Workbook()
    book.active["A1"] = 1
    buf = io.BytesIO()
    book.save(buf)
    out = io.BytesIO()
    with zipfile.ZipFile(buf) as zin, zipfile.ZipFile(out, "w") as zout:
        for info in zin.infolist():
            zout.writestr(info.filename, mutate(info.filename, zin.read(info.filename)))
    return out.getvalue()


@pytest.mark.parametrize(
    "content, message",
    [
        (b"", "boş"),
        (b"\x00" * 10 + b"rastgele", r"Excel \(\.xlsx\) dosyası değil"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, ".xls"),
        (b"PK\x03\x04" + b"\x00" * 100, "bozuk"),
        ("zip-not-xlsx", "gerekli parçalar yok"),
        ("truncated", "bozuk"),
        ("plain-xlsx", "Faaliyet Excel şablonu değil"),
        ("doctype", "DTD"),
        ("bad-xml", "bozuk"),
    ],
)
def test_garbage_files_are_refused_cleanly(workbook, tmp_path, definition, content, message):
    path = tmp_path / "x.xlsx"
    if content == "zip-not-xlsx":
        with zipfile.ZipFile(path, "w") as z:
            z.writestr("a.txt", "merhaba")
    elif content == "truncated":
        good = tmp_path / "good.xlsx"
        write_template(definition, "itfaiye", good)
        path.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    elif content == "plain-xlsx":
        openpyxl.Workbook().save(path)
    elif content == "doctype":
        path.write_bytes(_xlsx_bytes(lambda n, d: b'<!DOCTYPE x [<!ENTITY a "aaaa">]>' + d if n == "xl/workbook.xml" else d))
    elif content == "bad-xml":
        path.write_bytes(_xlsx_bytes(lambda n, d: d[: len(d) // 2] if n == "xl/workbook.xml" else d))
    else:
        path.write_bytes(content)
    before = sha(workbook.path)
    with pytest.raises(ImportRejected, match=message):
        import_template(workbook, path)
    assert sha(workbook.path) == before


def test_too_big_file_is_refused(workbook, tmp_path, monkeypatch):
    from desktop.store.exchange import excel_import

    path = tmp_path / "big.xlsx"
    path.write_bytes(b"PK\x03\x04" + b"\x00" * 2000)
    monkeypatch.setattr(excel_import, "MAX_BYTES", 1000)
    with pytest.raises(ImportRejected, match="çok büyük"):
        import_template(workbook, path)


# --- command line -----------------------------------------------------------
def test_cli_excel_commands(sample_consolidated, workbook_path, tmp_path, capsys):
    out = tmp_path / "yil.xlsx"
    assert cli.main(["excel", "export", str(sample_consolidated), "--out", str(out)]) == 0
    assert openpyxl.load_workbook(out).sheetnames[0] == "Performans"
    template = tmp_path / "sablon.xlsx"
    assert cli.main(["excel", "template", "itfaiye", "--out", str(template)]) == 0
    assert cli.main(["excel", "template", "yok_boyle", "--out", str(tmp_path / "y.xlsx")]) == 2
    prefilled = tmp_path / "imar.xlsx"
    assert cli.main(["excel", "template", "imar", "--from", str(sample_consolidated), "--out", str(prefilled)]) == 0
    where = cell_map(prefilled)
    sheet, coord = where[("imar.ruhsat.yeni_yapi.adet", "value")]
    assert openpyxl.load_workbook(prefilled)[sheet][coord].value == 53
    assert cli.main(["excel", "template", "imar", "--from", str(workbook_path), "--out", str(tmp_path / "z.xlsx")]) == 2

    filled = fill(template, tmp_path / "dolu.xlsx", {("itfaiye.trafik_kazasi", "value"): 9})
    capsys.readouterr()
    assert cli.main(["excel", "import", str(workbook_path), str(filled)]) == 0
    assert "1 değer kaydedildi" in capsys.readouterr().out
    before = sha(workbook_path)
    bad = fill(
        template, tmp_path / "kotu.xlsx", {("itfaiye.trafik_kazasi", "value"): "dokuz", ("itfaiye.kurtarilan_kisi", "value"): -1}
    )
    assert cli.main(["excel", "import", str(workbook_path), str(bad)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n  - ") == 2 and "dosya olduğu gibi kaldı" in err
    assert sha(workbook_path) == before
    with Workbook.open(workbook_path) as wb:
        assert wb.get("itfaiye.trafik_kazasi") == 9


def test_template_imports_into_the_consolidated_file(sample_consolidated, definition, tmp_path):
    template = tmp_path / "imar.xlsx"
    write_template(definition, "imar", template)
    filled = fill(template, tmp_path / "f.xlsx", {("imar.iskan_devam", "value"): 7})
    with Workbook.open(sample_consolidated) as wb:
        assert import_template(wb, filled) == 1
        assert wb.get("imar.iskan_devam") == 7
        assert wb.get("imar.ruhsat.yeni_yapi.adet") == 53  # empty cells of a blank template change nothing


# --- cells data_only would hide: formulas without a cached value, merges, errors ----
def _imported(workbook, definition, tmp_path):
    """The İtfaiye workbook holding two counts and a text, and a blank template for it."""
    slots = [s for s in definition.slots_of("itfaiye") if not s.computed]
    counts = [s.key for s in slots if s.type == "count"][:2]
    text = next(s.key for s in slots if s.type == "text")
    import_values(
        workbook,
        {
            "format": "faaliyet-degerler",
            "format_version": 1,
            "institution": "kars",
            "year": 2020,
            "department": "itfaiye",
            "values": [
                {"field": counts[0], "value": 78},
                {"field": counts[1], "value": 5},
                {"field": text, "value": "eski metin"},
            ],
        },
    )
    template = tmp_path / "sablon.xlsx"
    write_template(definition, "itfaiye", template)
    return template, counts, text


def _refused(workbook, path, *needles):
    before = workbook.entries()
    with pytest.raises(ImportRejected) as err:
        import_template(workbook, path)
    for needle in needles:
        assert any(needle in p for p in err.value.problems), (needle, err.value.problems)
    assert workbook.entries() == before
    return err.value


def test_formula_without_cached_value_is_refused_not_deleting(workbook, definition, tmp_path):
    template, counts, _ = _imported(workbook, definition, tmp_path)
    sheet, coord = cell_map(template)[(counts[0], "value")]
    filled = fill(template, tmp_path / "f.xlsx", {(counts[0], "value"): "=2+2"})  # openpyxl stores no cached value
    err = _refused(workbook, filled, f"{sheet}!{coord}: hücrede hesaplanmamış bir formül")
    assert workbook.get(counts[0]) == 78 and "değer kaydedildi" not in str(err)


def test_merged_input_cells_are_refused(workbook, definition, tmp_path):
    template, counts, _ = _imported(workbook, definition, tmp_path)
    where = cell_map(template)
    (s1, c1), (s2, c2) = where[(counts[0], "value")], where[(counts[1], "value")]
    assert s1 == s2

    def merge(book):
        book[s1].merge_cells(f"{min(c1, c2)}:{max(c1, c2)}")

    filled = fill(template, tmp_path / "m.xlsx", {(counts[0], "value"): 78}, edit=merge)
    _refused(workbook, filled, "veri hücreleri birleştirilmiş", f"{s1}!")
    assert workbook.get(counts[0]) == 78 and workbook.get(counts[1]) == 5


@pytest.mark.parametrize("error", ["#REF!", "#DIV/0!", "#N/A", "#VALUE!"])
def test_error_values_are_refused_in_text_and_number_cells(workbook, definition, tmp_path, error):
    template, counts, text = _imported(workbook, definition, tmp_path)
    where = cell_map(template)
    filled = fill(template, tmp_path / "e.xlsx", {(counts[0], "value"): error, (text, "value"): error})
    for key in (counts[0], text):
        sheet, coord = where[(key, "value")]
        _refused(workbook, filled, f"{sheet}!{coord}: hücrede Excel hatası var ({error})")
    assert workbook.get(text) == "eski metin"


def test_formula_with_a_cached_value_imports_the_value(workbook, definition, tmp_path):
    """As Excel saves it: the formula and its computed value; the value counts."""
    template, counts, _ = _imported(workbook, definition, tmp_path)
    filled = fill(template, tmp_path / "f.xlsx", {(counts[0], "value"): "=40+2"})
    out = tmp_path / "excel.xlsx"
    with zipfile.ZipFile(filled) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename.startswith("xl/worksheets/") and b"<f>40+2</f>" in data:
                data = data.replace(b"<f>40+2</f><v></v>", b"<f>40+2</f><v>42</v>").replace(
                    b"<f>40+2</f><v />", b"<f>40+2</f><v>42</v>"
                )
                assert b"<v>42</v>" in data
            zout.writestr(info, data)
    assert import_template(workbook, out) == 1
    assert workbook.get(counts[0]) == 42


def test_a_count_indicator_refuses_a_fraction_from_excel_naming_the_cell(workbook, definition, tmp_path):
    template = tmp_path / "sablon.xlsx"
    write_template(definition, "itfaiye", template)
    where = cell_map(template)
    ind = definition.indicators_of("itfaiye")[0]  # "Adet"
    before = sha(workbook.path)
    bad = fill(template, tmp_path / "kesir.xlsx", {(ind.key, "actual"): "12,5"})
    with pytest.raises(ImportRejected) as exc:
        import_template(workbook, bad)
    sheet, coord = where[(ind.key, "actual")]
    assert any(p.startswith(f"{sheet}!{coord}") and "tam sayı" in p for p in exc.value.problems), exc.value.problems
    assert sha(workbook.path) == before
    ok = fill(template, tmp_path / "tam.xlsx", {(ind.key, "actual"): "1.234"})  # Turkish thousands
    assert import_template(workbook, ok) == 1 and workbook.entries().indicators[ind.key].actual == 1234
