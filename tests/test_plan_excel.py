"""The plan from a spreadsheet: `faaliyet plan template` and `faaliyet plan import` (issue 13, item 7)."""

from __future__ import annotations

import contextlib
import io
from decimal import Decimal

import msgspec
import openpyxl
import pytest

from desktop import cli
from desktop.core.loader import load_definition
from desktop.core.plan_rows import FIELDS, LEVELS
from desktop.core.plan_yaml import dump_plan, number_text
from desktop.core.validation import plan_findings
from desktop.store.errors import ImportRejected
from desktop.store.exchange.plan_excel import SHEETS, write_plan_template
from desktop.store.exchange.plan_import import import_plan
from tests.plan_support import digests, sample_copy, small_definition


def run(*args) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        rc = cli.main([str(a) for a in args])
    return rc, out.getvalue(), err.getvalue()


@pytest.fixture
def small(tmp_path):
    return small_definition(tmp_path)


def filled(folder, tmp_path, change=None):
    """The folder's plan as a spreadsheet, changed by ``change(book)`` and saved."""
    path = tmp_path / "plan.xlsx"
    write_plan_template(load_definition(folder), path)
    if change:
        book = openpyxl.load_workbook(path)
        change(book)
        book.save(path)
    return path


def refused(xlsx, folder, *needles, accept_weights=False) -> str:
    """The refusal's message; asserts that nothing in the folder changed and that it names each needle."""
    before = digests(folder)
    with pytest.raises(ImportRejected) as exc:
        import_plan(xlsx, folder, accept_weights=accept_weights)
    assert digests(folder) == before
    text = str(exc.value)
    assert "Traceback" not in text
    for needle in needles:
        assert needle in text, text
    return text


# --- layout -------------------------------------------------------------------
def test_sheets_follow_the_plan_rows():
    assert tuple(s.level for s in SHEETS) == LEVELS
    for sheet in SHEETS:
        assert tuple(c.field for c in sheet.columns) == FIELDS[sheet.level]


def test_template_is_fillable_in_excel(small, tmp_path):
    path = filled(small, tmp_path)
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["Plan", "Amaçlar", "Hedefler", "Performans Hedefleri", "Göstergeler", "Faaliyetler", "Birimler"]
    ws = book["Göstergeler"]
    assert [c.value for c in ws[1]] == [
        "Anahtar",
        "Gösterge kodu",
        "Performans göstergesi",
        "Ölçü birimi",
        "Yön",
        "Başlangıç değeri (A)",
        "Yıl hedefi (B)",
        "Hedefe etkisi (%)",
        "Sorumlu birim",
        "Performans hedefi",
        "Yıllara göre hedefler",
    ]
    assert ws.freeze_panes == "A2"
    assert [c.value for c in ws[2]] == ["asfalt", "G-1", "Serilen asfalt", "Ton", "artan", 100, 250.5, 33.33, "fen", "yol", None]
    assert ws["H2"].number_format == "#,##0.00"  # a weight shows its decimals
    assert ws["E3"].value == "azalan" and ws["E4"].value == "korunacak"
    assert ws.column_dimensions["C"].width > ws.column_dimensions["A"].width
    lists = {str(dv.sqref)[0]: dv.formula1 for dv in ws.data_validations.dataValidation}
    assert lists["E"] == '"artan,azalan,korunacak"'
    assert lists["I"].startswith("'Birimler'!$A$2:$A$4")
    assert lists["J"].startswith("'Performans Hedefleri'!$A$2")
    assert [r[0].value for r in book["Birimler"].iter_rows(min_row=2)] == ["planlama", "fen", "cevre"]
    assert book["Faaliyetler"]["E2"].value == 1250000.75 and book["Faaliyetler"]["E2"].number_format == "#,##0.00"
    assert [c.value for c in book["Hedefler"][3]] == ["A1.H2", "Boş hedef (henüz performans hedefi yok)", "A1"]
    assert book["Plan"]["B2"].value == "Örnekköy 2030-2034 Stratejik Planı"


# --- round trips ----------------------------------------------------------------
def test_round_trip_of_a_small_plan(small, tmp_path):
    before = load_definition(small).plan
    others = {k: v for k, v in digests(small).items() if k != "plan.yaml"}
    xlsx = filled(small, tmp_path)
    result = import_plan(xlsx, small)
    after = load_definition(small).plan
    assert after == before
    assert msgspec.json.encode(after) == msgspec.json.encode(before)  # decimals included (33.33, 250.5)
    assert result.warnings == []
    assert {k: v for k, v in digests(small).items() if k != "plan.yaml"} == others  # the rest of the folder as it was
    text = (small / "plan.yaml").read_text(encoding="utf-8")
    assert "Şikâyet yanıtlama süresi" in text and "\\u" not in text  # Turkish letters as they are
    assert "- {key: asfalt, code: G-1" in text  # one indicator a line, as the sample
    assert "direction: decrease" in text and "direction: increase" not in text  # defaults left out


def test_a_plan_is_imported_even_when_its_check_copy_cannot_be_removed(small, tmp_path, monkeypatch):
    """The plan is checked on a copy of the definition in a temporary folder; on Windows a scanner may hold
    a just-written file, and its removal fails. The plan is still written, and the import says it was."""
    import os

    real_unlink = os.unlink

    def held_open(path, *args, **kwargs):
        # shutil.rmtree of the check's copy: by name within the folder, then (on refusal) by its whole path
        if "faaliyet-plan-" in str(path) or (str(path).endswith(".yaml") and "dir_fd" in kwargs):
            raise PermissionError(13, "The process cannot access the file because it is being used by another process")
        return real_unlink(path, *args, **kwargs)

    before = load_definition(small).plan
    xlsx = filled(small, tmp_path)
    monkeypatch.setattr(os, "unlink", held_open)
    result = import_plan(xlsx, small)
    assert result.warnings == [] and load_definition(small).plan == before


def test_round_trip_of_the_sample_plan(definition, tmp_path):
    folder = sample_copy(tmp_path)
    xlsx = filled(folder, tmp_path)
    result = import_plan(xlsx, folder, accept_weights=True)
    after = load_definition(folder)
    assert after.plan == definition.plan
    assert msgspec.json.encode(after.plan) == msgspec.json.encode(definition.plan)
    # the weights rule judges the imported plan as the original: same targets, same count
    assert [f.place for f in plan_findings(after)] == [f.place for f in plan_findings(definition)]
    assert len(result.warnings) == len(plan_findings(definition))


def test_weights_not_totalling_100_are_refused_by_cell(definition, tmp_path):
    folder = sample_copy(tmp_path)
    xlsx = filled(folder, tmp_path)
    wrong = [f.place for f in plan_findings(definition)]
    text = refused(xlsx, folder, "--accept-weights", *[f"'{key}' performans hedefinin" for key in wrong])
    assert "Göstergeler!H" in text and "100 olmalı" in text


def test_same_rule_as_the_check(small, tmp_path):
    """The import judges weights with the check's rule: 33,33 × 3 (99,99) is within the rounding of two decimals, 50 + 30 + 10 is not."""

    def weights(values):
        def change(book):
            for row, w in zip((2, 3, 4), values):
                book["Göstergeler"][f"H{row}"] = w

        return change

    import_plan(filled(small, tmp_path, weights([33.33, 33.33, 33.33])), small)
    assert [i.weight for i in load_definition(small).plan.indicators()] == [Decimal("33.33")] * 3
    assert plan_findings(load_definition(small)) == []
    refused(filled(small, tmp_path, weights([50, 30, 10])), small, "Göstergeler!H2, Göstergeler!H3, Göstergeler!H4", "%90")


def test_new_rows_typed_in_excel(small, tmp_path):
    def change(book):
        book["Performans Hedefleri"].append(["cop", "Çöp toplama", "A1.H2"])
        book["Göstergeler"].append(["cop_ton", "G-4", "Toplanan çöp", "Ton", "Artan", "1200", "1.500,5", "%100", "cevre", "cop"])
        book["Faaliyetler"].append(["cop_f", "F-2", None, None, "2.500,75", "cevre", "cop"])
        name = book["Faaliyetler"]["C4"]
        name.value, name.data_type = '=HYPERLINK("http://x")', "s"  # text that looks like a formula

    import_plan(filled(small, tmp_path, change), small)
    plan = load_definition(small).plan
    new = plan.aims[0].goals[1].targets[0]
    assert new.key == "cop" and new.indicators[0].baseline == 1200 and new.indicators[0].target == Decimal("1500.5")
    assert new.indicators[0].weight == 100 and new.indicators[0].direction == "increase"
    assert new.activities[0].name == '=HYPERLINK("http://x")' and new.activities[0].planned_cost == Decimal("2500.75")
    assert new.activities[0].unit == "TL"


# --- refusals, each named by sheet and cell -------------------------------------------
def test_wrong_types_are_named_by_cell(small, tmp_path):
    def change(book):
        book["Göstergeler"]["G3"] = "yirmi"
        book["Göstergeler"]["E4"] = "yukarı"
        book["Faaliyetler"]["E2"] = "12.345.67"
        book["Göstergeler"]["A2"] = "Asfalt Ton"

    refused(
        filled(small, tmp_path, change),
        small,
        "Göstergeler!G3: yıl hedefi (b):",
        "Göstergeler!E4: yön 'yukarı' olamaz",
        "Faaliyetler!E2:",
        "Göstergeler!A2:",
    )


def test_unknown_department_duplicates_and_dangling_references(small, tmp_path):
    def change(book):
        book["Göstergeler"]["I2"] = "itfaiye"
        book["Göstergeler"]["A3"] = "asfalt"
        book["Amaçlar"].append(["A1", "İkinci A1"])
        book["Hedefler"]["C3"] = "A9"
        book["Faaliyetler"]["G3"] = "yok_boyle"
        book["Faaliyetler"]["G2"] = None

    refused(
        filled(small, tmp_path, change),
        small,
        "Göstergeler!I2: 'itfaiye' tanımda bir birim değil",
        "Göstergeler!A3: 'asfalt' anahtarı Göstergeler!A2",
        "Amaçlar!A4: 'A1' amaç kodu Amaçlar!A2 hücresinde de",
        "Hedefler!C3: 'A9' diye bir amaç yok",
        "Faaliyetler!G3: 'yok_boyle' diye bir performans hedefi yok",
        "Faaliyetler!G2: boş",
    )


def test_empty_required_cells(small, tmp_path):
    def change(book):
        book["Göstergeler"]["D2"] = None  # unit
        book["Amaçlar"]["B2"] = "   "

    refused(filled(small, tmp_path, change), small, "Göstergeler!D2: boş", "Amaçlar!B2: boş")


def test_formula_merged_and_error_cells(small, tmp_path):
    def change(book):
        book["Göstergeler"]["G2"] = "=100+150"  # no cached value: a script's formula
        book["Faaliyetler"].merge_cells("C2:C3")
        book["Amaçlar"]["B3"] = "#REF!"

    refused(
        filled(small, tmp_path, change),
        small,
        "Göstergeler!G2: hücrede hesaplanmamış bir formül",
        "Faaliyetler!C2:C3: veri hücreleri birleştirilmiş",
        "Amaçlar!B3: hücrede Excel hatası",
    )


def test_changed_layout(small, tmp_path):
    def change(book):
        book["Göstergeler"]["E1"] = "Yönü"
        del book["Faaliyetler"]

    refused(filled(small, tmp_path, change), small, "Göstergeler!E1: başlık 'Yön' olmalı", "'Faaliyetler' sayfası yok")


def test_plan_the_forms_cannot_live_with(definition, tmp_path):
    """A form's rule names an indicator the new plan leaves out: refused, with the loader's words."""
    folder = sample_copy(tmp_path)

    def change(book):
        ws = book["Göstergeler"]
        row = next(r for r in range(2, ws.max_row + 1) if ws.cell(r, 1).value == "pg_1_3_1")
        ws.delete_rows(row)

    refused(filled(folder, tmp_path, change), folder, "tanım yeni planla yüklenemiyor", "pg_1_3_1.actual", accept_weights=True)


def test_not_a_definition_folder(small, tmp_path):
    xlsx = filled(small, tmp_path)
    with pytest.raises(ImportRejected, match="tanım klasörü"):
        import_plan(xlsx, tmp_path / "yok")


# --- YAML numbers -------------------------------------------------------------------
@pytest.mark.parametrize("text", ["1.234", "0.10", "12.5", "2000", "-3.25", "100.000"])
def test_numbers_read_back_with_their_decimals(small, text):
    value = Decimal(text)
    written = number_text(value)
    assert Decimal(written) == value
    plan = load_definition(small).plan
    ind = plan.aims[0].goals[0].targets[0].indicators[0]
    changed = msgspec.structs.replace(ind, baseline=value)
    target = msgspec.structs.replace(plan.aims[0].goals[0].targets[0], indicators=[changed])
    goal = msgspec.structs.replace(plan.aims[0].goals[0], targets=[target])
    aim = msgspec.structs.replace(plan.aims[0], goals=[goal])
    new = msgspec.structs.replace(plan, aims=[aim])
    (small / "plan.yaml").write_text(dump_plan(new), encoding="utf-8")
    back = load_definition(small).plan.aims[0].goals[0].targets[0].indicators[0].baseline
    assert back == value
    if value.as_tuple().exponent < 0 and text not in ("1.234", "100.000"):
        assert back.as_tuple().exponent == value.as_tuple().exponent


# --- the command ---------------------------------------------------------------------
def test_cli_template_then_import(small, tmp_path):
    xlsx = tmp_path / "plan.xlsx"
    rc, out, err = run("plan", "template", "--definition", small, "--out", xlsx)
    assert rc == 0 and "3 gösterge" in out and xlsx.is_file()
    rc, out, err = run("plan", "import", xlsx, "--definition", small)
    assert rc == 0, err
    assert "Plan yazıldı" in out and "3 gösterge" in out


def test_cli_template_never_replaces_a_definition_file(small):
    before = digests(small)
    rc, out, err = run("plan", "template", "--definition", small, "--out", small / "plan.yaml")
    assert rc == 2 and "okunan dosyanın kendisi" in err
    assert digests(small) == before


def test_cli_refusal_exits_1_with_cells(small, tmp_path):
    xlsx = filled(small, tmp_path, lambda book: book["Göstergeler"].__setitem__("I3", "itfaiye"))
    before = digests(small)
    rc, out, err = run("plan", "import", xlsx, "--definition", small)
    assert rc == 1 and "Göstergeler!I3" in err and "plan.yaml olduğu gibi kaldı" in err
    assert digests(small) == before


def test_cli_weights_accepted_with_warnings(definition, tmp_path):
    folder = sample_copy(tmp_path)
    xlsx = tmp_path / "plan.xlsx"
    assert run("plan", "template", "--definition", folder, "--out", xlsx)[0] == 0
    rc, out, err = run("plan", "import", xlsx, "--definition", folder)
    assert rc == 1 and "--accept-weights" in err
    rc, out, err = run("plan", "import", xlsx, "--definition", folder, "--accept-weights")
    assert rc == 0 and err.count("uyarı:") == len(plan_findings(definition))


def test_every_problem_of_a_row_in_one_run():
    """A row with several wrong cells: each is named, not only the first msgspec meets."""
    from desktop.core.plan_rows import Row, assemble

    def row(sheet, r, **values):
        columns = dict(
            zip(
                ("key", "code", "name", "unit", "direction", "baseline", "target", "weight", "department", "parent"), "ABCDEFGHIJ"
            )
        )
        return Row(values, {k: f"{sheet}!{c}{r}" for k, c in columns.items()}, f"{sheet}!A{r}")

    rows = {
        "aims": [row("Amaçlar", 2, code="SA1", name="Amaç")],
        "goals": [row("Hedefler", 2, code="H1", name="Hedef", parent="SA1")],
        "targets": [row("Performans Hedefleri", 2, key="ph", name="Performans hedefi", parent="H1")],
        "indicators": [
            row("Göstergeler", 2, key="Kötü Anahtar", code="c" * 1001, target=Decimal("1e30"), department="yok", parent="ph")
        ],
        "activities": [],
    }
    result = assemble("Plan", "", rows, {"fen"})
    assert result.plan is None
    text = "\n".join(result.problems)
    for needle in (
        "Göstergeler!I2: 'yok' tanımda bir birim değil",
        "Göstergeler!C2: boş",
        "Göstergeler!D2: boş",
        "Göstergeler!G2: bu değer geçerli bir sayı değil ya da çok büyük",
        "Göstergeler!A2: 'Kötü Anahtar' geçerli bir anahtar değil",
        "Göstergeler!B2: çok uzun: en çok 1.000 karakter",
    ):
        assert needle in text, text


def test_a_new_definition_without_a_plan(small, tmp_path):
    """A definition just set up (no plan.yaml): the empty template filled from scratch becomes its plan."""
    (small / "plan.yaml").unlink()
    assert load_definition(small).plan.aims == []

    def change(book):
        book["Plan"]["B2"] = "Yeni Plan"
        book["Amaçlar"].append(["SA1", "Tek amaç"])
        book["Hedefler"].append(["H1", "Tek hedef", "SA1"])
        book["Performans Hedefleri"].append(["ph1", "Tek performans hedefi", "H1"])
        book["Göstergeler"].append(["g1", "PG1", "Yüzdeli ağırlık", "%", "azalan", 10, 5, 0.6, "fen", "ph1"])
        book["Göstergeler"].append(["g2", "PG2", "İkinci", "Adet", None, None, 7, 0.4, "cevre", "ph1"])
        for cell in ("H2", "H3"):
            book["Göstergeler"][cell].number_format = "0.00%"  # 60,00 % typed as Excel percent

    import_plan(filled(small, tmp_path, change), small)
    plan = load_definition(small).plan
    assert plan.name == "Yeni Plan" and [a.code for a in plan.aims] == ["SA1"]
    first, second = plan.indicators()
    assert first.direction == "decrease" and second.direction == "increase"
    assert (first.weight, second.weight) == (Decimal("60.00"), Decimal("40.00"))
    assert str(first.weight) == "60.00"  # two decimals shown, two decimals kept


def test_definition_with_a_logo_in_a_subfolder(small, tmp_path):
    """The load check copies what the loader reads, the logo the definition names included."""
    from PIL import Image

    (small / "resimler").mkdir()
    Image.new("RGB", (40, 30), (200, 30, 30)).save(small / "resimler" / "logo.png")
    tanim = (small / "tanim.yaml").read_text(encoding="utf-8")
    (small / "tanim.yaml").write_text(
        tanim.replace("  name: Örnekköy Belediyesi\n", "  name: Örnekköy Belediyesi\n  logo: resimler/logo.png\n"),
        encoding="utf-8",
    )
    assert load_definition(small).institution.logo is not None
    before = load_definition(small).plan
    import_plan(filled(small, tmp_path), small)
    assert load_definition(small).plan == before
