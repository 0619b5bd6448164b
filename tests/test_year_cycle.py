"""The year cycle (#15): next year from this year, with last year beside it.

Kars 2020 (the shipped sample, merged) is rolled to 2021 with ``faaliyet year next``; the 2021
department files hold 2020's values; a value ten times last year's is warned; earlier years are
added with ``faaliyet year history`` (and refused when they are not this institution's earlier
years); per-year plan targets pick the definition year's.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
from decimal import Decimal
from pathlib import Path

import pytest

from desktop import resources
from desktop.cli import main
from desktop.core.definition import Definition
from desktop.core.entries import Entries, IndicatorEntry
from desktop.core.live_checks import LiveChecks
from desktop.core.loader import DefinitionError, load_definition
from desktop.core.validation import CHANGE_RULE, validate
from desktop.core.year_cycle import key_map, map_entries
from desktop.store.errors import ImportRejected, WorkbookError
from desktop.store.file.document import OpenFile
from desktop.store.file.workbook import Workbook
from desktop.store.merge.run import merge_files
from desktop.store.sample import build_sample

FIRE_CALLS = "itfaiye.kurtarilan_kisi"  # a count the İtfaiye sample fills in


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def kars2020(tmp_path_factory) -> Path:
    """The Kars 2020 sample merged into its consolidated file (built once for the module)."""
    definition = load_definition(resources.default_definition())
    work = tmp_path_factory.mktemp("kars2020")
    result = build_sample(definition, resources.sample(definition.id), work / "birimler")
    target = work / "kars-2020-birlesik.faaliyet"
    Workbook.create(target, definition, None).close()
    merge_files(target, list(result.files.values()))
    return target


@pytest.fixture
def kars2021(tmp_path, kars2020) -> tuple[Path, Path]:
    """Kars 2020 rolled to 2021: (the 2021 consolidated file, its definition folder)."""
    source = tmp_path / "kars-2020-birlesik.faaliyet"
    shutil.copy(kars2020, source)
    out, folder = tmp_path / "kars-2021-birlesik.faaliyet", tmp_path / "tanim-2021"
    assert main(["year", "next", str(source), "--year", "2021", "--out-definition", str(folder), "--out", str(out)]) == 0
    return out, folder


def _a_count(wb: Workbook) -> str:
    """A count value key the 2020 file holds (a non-zero one)."""
    entries = wb.entries()
    if entries.values.get(FIRE_CALLS):
        return FIRE_CALLS
    return next(k for k, v in sorted(entries.values.items()) if wb.definition.slots[k].type == "count" and v)


def test_year_next_writes_the_next_definition_and_file_and_leaves_the_input_unchanged(tmp_path, kars2020, capsys):
    source = tmp_path / "in.faaliyet"
    shutil.copy(kars2020, source)
    before = _sha(source)
    out, folder = tmp_path / "k2021.faaliyet", tmp_path / "tanim"
    assert main(["year", "next", str(source), "--year", "2021", "--out-definition", str(folder), "--out", str(out)]) == 0
    assert _sha(source) == before
    new = load_definition(folder)
    assert new.year.year == 2021 and new.id == "kars-2021"
    assert all(s.date is None for s in new.year.signers)  # N+1's report is signed later
    with Workbook.open(out, readonly=True) as wb, Workbook.open(source, readonly=True) as old:
        assert wb.definition.digest == new.digest
        assert wb.year == 2021 and wb.is_consolidated
        assert sorted(wb.history()) == [2020]
        last = wb.previous()
        assert last is not None
        this_year = old.entries()
        assert last.values == this_year.values  # same keys: nothing renamed
        assert {k: e.actual for k, e in last.indicators.items() if e.actual is not None} == {
            k: e.actual for k, e in this_year.indicators.items() if e.actual is not None
        }
        # carry: true (mission, vision…) start from 2020's text; the rest starts empty
        entries = wb.entries()
        assert entries.values["strateji.misyon"] == this_year.values["strateji.misyon"]
        assert set(entries.values) == {k for k in this_year.values if k.split(".")[1] in _carried(new)}
        assert not entries.indicators
    assert "değer taşındı" in capsys.readouterr().out


def _carried(definition: Definition) -> set[str]:
    return {i.key for f in definition.forms for s in f.sections for i in s.items if getattr(i, "carry", False)}


def test_year_next_refuses_a_department_file_or_a_wrong_year_and_writes_nothing(tmp_path, kars2020, capsys):
    source = tmp_path / "in.faaliyet"
    shutil.copy(kars2020, source)
    out, folder = tmp_path / "x.faaliyet", tmp_path / "tanim"
    for year in ("2022", "2020"):
        assert main(["year", "next", str(source), "--year", year, "--out-definition", str(folder), "--out", str(out)]) == 2
        assert "2021" in capsys.readouterr().err
    department = tmp_path / "itfaiye.faaliyet"
    Workbook.create(department, load_definition(resources.default_definition()), "itfaiye").close()
    assert main(["year", "next", str(department), "--year", "2021", "--out-definition", str(folder), "--out", str(out)]) == 2
    assert "birim dosyası" in capsys.readouterr().err
    assert not out.exists() and not folder.exists()


def test_department_files_for_2021_hold_2020s_values(tmp_path, kars2021, kars2020):
    out, _folder = kars2021
    assert main(["distribute", str(out), "--out-dir", str(tmp_path / "d")]) == 0
    with Workbook.open(kars2020, readonly=True) as old:
        entries = old.entries()
        key = _a_count(old)
        last_value = entries.values[key]
        indicator = next(i for i in old.definition.plan.indicators() if (e := entries.indicators.get(i.key)) and e.actual)
        last_actual = entries.indicators[indicator.key].actual
    for dept, place, expected in (
        (key.split(".")[0], key, last_value),
        (indicator.department, f"{indicator.key}.actual", last_actual),
    ):
        with Workbook.open(tmp_path / "d" / f"kars-2021-{dept}.faaliyet") as wb:
            model = OpenFile(wb)
            assert model.previous_value(place) == expected
            assert wb.stored_problems() == []
            # a department file holds only its own department's history
            assert wb.conn.execute("SELECT count(*) FROM history WHERE department != ?", (dept,)).fetchone()[0] == 0
            assert wb.conn.execute("SELECT count(*) FROM history").fetchone()[0] > 0
            if place == key:
                assert model.value(key) is None  # last year's value is beside the field, not in it


def test_a_value_ten_times_last_years_is_warned_live_and_in_check(tmp_path, kars2021, kars2020):
    out, _ = kars2021
    assert main(["distribute", str(out), "--out-dir", str(tmp_path / "d")]) == 0
    with Workbook.open(kars2020, readonly=True) as old:
        key = _a_count(old)
        last = old.entries().values[key]
    dept = key.split(".")[0]
    with Workbook.open(tmp_path / "d" / f"kars-2021-{dept}.faaliyet") as wb:
        model = OpenFile(wb)
        model.set_values({key: last * 10 + 1})
        warned = [f for f in model.findings if f.rule == CHANGE_RULE and f.place == key]
        assert len(warned) == 1 and warned[0].severity == "warning"
        assert "10 katından fazla" in warned[0].message
        model.set_values({key: last})  # back to a plausible value: the warning goes
        assert not [f for f in model.findings if f.rule == CHANGE_RULE]
        model.set_values({key: last * 10 + 1})
    with Workbook.open(tmp_path / "d" / f"kars-2021-{dept}.faaliyet", readonly=True) as wb:
        assert [f.place for f in wb.findings() if f.rule == CHANGE_RULE] == [key]


@pytest.mark.definition("small")
def test_change_check_both_ways_own_factor_and_live_equals_validate(definition):
    key = next(s.key for s in definition.slots_of("itfaiye") if s.type == "count" and not s.computed)
    ind = definition.indicators_of("itfaiye")[0]
    previous = Entries(values={key: 100}, indicators={ind.key: IndicatorEntry(Decimal(50))})
    for now, warned in ((1001, True), (1000, False), (10, False), (9, True), (0, False)):
        entries = Entries(values={key: now})
        found = [f for f in validate(definition, entries, "itfaiye", previous) if f.rule == CHANGE_RULE]
        assert bool(found) is warned, now
        live = LiveChecks(definition, Entries(values={}), "itfaiye", previous)
        live.entries.values[key] = now
        live.update(values=[key])
        assert live.findings() == validate(definition, entries, "itfaiye", previous)
    entries = Entries(indicators={ind.key: IndicatorEntry(Decimal(501))})
    assert [f.place for f in validate(definition, entries, "itfaiye", previous) if f.rule == CHANGE_RULE] == [f"{ind.key}.actual"]
    assert not [f for f in validate(definition, entries, "itfaiye", None) if f.rule == CHANGE_RULE]
    # an indicator's own factor
    strict = definition.replace(plan=definition.plan.map_items(indicator=lambda i: i.replace(change_factor=Decimal(2))))
    entries = Entries(indicators={ind.key: IndicatorEntry(Decimal(120))})
    assert [f for f in validate(strict, entries, "itfaiye", previous) if f.rule == CHANGE_RULE]


def test_three_years_of_history(tmp_path, kars2020):
    """2018 and 2019 made by writing value files into files of those years; added to 2020 with year history."""
    definition = load_definition(resources.default_definition())
    f2020 = tmp_path / "kars-2020.faaliyet"
    shutil.copy(kars2020, f2020)
    with Workbook.open(f2020, readonly=True) as wb:
        key = _a_count(wb)
        value = wb.entries().values[key]
    olds = []
    for year, factor in ((2018, 2), (2019, 3)):
        d = Definition.from_json(definition.replace(id=f"kars-{year}", year=definition.year.replace(year=year)).canonical_json())
        path = tmp_path / f"kars-{year}.faaliyet"
        with Workbook.create(path, d, None) as wb:
            wb.set_value(key, value * factor)
        olds.append(path)
    assert main(["year", "history", str(f2020), "--from", str(olds[0]), "--from", str(olds[1])]) == 0
    out = tmp_path / "kars-2021.faaliyet"
    assert main(["year", "next", str(f2020), "--year", "2021", "--out-definition", str(tmp_path / "t"), "--out", str(out)]) == 0
    with Workbook.open(out, readonly=True) as wb:
        history = wb.history()
        assert sorted(history) == [2018, 2019, 2020]
        assert [history[y].values[key] for y in (2018, 2019, 2020)] == [value * 2, value * 3, value]
    # values export --previous-year: last year's values in the value-file format, "year": N-1
    dept = key.split(".")[0]
    exported = tmp_path / "prev.json"
    assert main(["values", "export", str(out), "--department", dept, "--previous-year", "--out", str(exported)]) == 0
    data = json.loads(exported.read_text(encoding="utf-8"))
    assert data["year"] == 2020 and {"field": key, "value": value} in data["values"]


def _refused(capsys, f: Path, *sources: Path) -> str:
    before = _sha(f)
    assert main(["year", "history", str(f), *[a for s in sources for a in ("--from", str(s))]]) == 1
    assert _sha(f) == before
    return capsys.readouterr().err


def test_year_history_refuses_another_institution_a_later_year_and_an_unmappable_plan(tmp_path, kars2020, capsys):
    definition = load_definition(resources.default_definition())
    f = tmp_path / "kars-2020.faaliyet"
    shutil.copy(kars2020, f)

    def year_file(name: str, d: Definition, values=None, indicators=None) -> Path:
        path = tmp_path / name
        with Workbook.create(path, Definition.from_json(d.canonical_json()), None) as wb:
            wb.apply(values=values or {}, indicators=indicators or {})
        return path

    other = definition.replace(institution=definition.institution.replace(key="ardahan", name="Ardahan Belediyesi"))
    other = other.replace(year=other.year.replace(year=2019))
    assert "başka bir kurumun" in _refused(capsys, f, year_file("ardahan.faaliyet", other))
    later = definition.replace(year=definition.year.replace(year=2021))
    assert "önceki bir yıl" in _refused(capsys, f, year_file("k2021.faaliyet", later))
    same = year_file("k2020b.faaliyet", definition)
    assert "önceki bir yıl" in _refused(capsys, f, same)
    # a 2019 plan whose indicator (holding an actual) has no key in 2020's plan
    ind = definition.plan.indicators()[0]
    renamed = definition.plan.map_items(indicator=lambda i: i.replace(key="eski_" + i.key) if i.key == ind.key else i)
    old_plan = definition.replace(plan=renamed, year=definition.year.replace(year=2019))
    unmappable = year_file("k2019.faaliyet", old_plan, indicators={"eski_" + ind.key: {"actual": 5}})
    assert "eşlenemiyor" in _refused(capsys, f, unmappable)
    # a good one beside a bad one: refused as a whole
    good = year_file("k2018.faaliyet", definition.replace(year=definition.year.replace(year=2018)))
    _refused(capsys, f, good, unmappable)
    # a department file is no year
    dept = tmp_path / "itfaiye-2019.faaliyet"
    Workbook.create(dept, Definition.from_json(old_plan.canonical_json()), "itfaiye").close()
    assert "birim dosyası" in _refused(capsys, f, dept)


def test_renamed_from_maps_keys_and_unmapped_values_are_listed():
    definition = load_definition(resources.default_definition())
    form = definition.form("itfaiye")
    table = next(
        i
        for s in form.sections
        for i in s.items
        if i.kind == "table" and isinstance(i.rows, list) and i.columns[0].type == "count" and not i.columns[0].computed
    )
    row = table.rows[0]
    new_table = table.replace(
        key="yeni_" + table.key,
        renamed_from=table.key,
        rows=[row.replace(key="yeni_satir", renamed_from=row.key), *table.rows[1:]],
    )
    new_form = form.replace(sections=[s.replace(items=[new_table if i is table else i for i in s.items]) for s in form.sections])
    ind = definition.plan.indicators()[0]
    plan = definition.plan.map_items(indicator=lambda i: i.replace(key="yeni_" + i.key, renamed_from=i.key) if i is ind else i)
    new = definition.replace(forms=[new_form if f is form else f for f in definition.forms], plan=plan)
    mapping = key_map(definition, new)
    col = table.columns[0].key
    old_key = f"itfaiye.{table.key}.{row.key}.{col}"
    assert mapping[old_key] == f"itfaiye.yeni_{table.key}.yeni_satir.{col}"
    assert mapping[ind.key] == "yeni_" + ind.key
    mapped = map_entries(
        Entries(values={old_key: 3, "itfaiye.yok_boyle": 1}, indicators={ind.key: IndicatorEntry(Decimal(7))}),
        definition,
        new,
        mapping,
    )
    assert mapped.entries.values == {f"itfaiye.yeni_{table.key}.yeni_satir.{col}": 3}
    assert mapped.entries.indicators["yeni_" + ind.key].actual == Decimal(7)
    assert [line.split(" ")[0] for line in mapped.dropped] == ["itfaiye.yok_boyle"]


def _plan_folder(tmp_path: Path, indicator_yaml: str, year: int = 2021) -> Path:
    folder = tmp_path / "tanim"
    shutil.copytree(resources.default_definition(), folder)
    tanim = folder / "tanim.yaml"
    tanim.write_text(tanim.read_text(encoding="utf-8").replace("  year: 2020", f"  year: {year}"), encoding="utf-8")
    plan = folder / "plan.yaml"
    text = plan.read_text(encoding="utf-8")
    first = next(line for line in text.splitlines() if "{key: pg_1_1_1_a," in line)
    plan.write_text(text.replace(first, first.split("{")[0] + indicator_yaml), encoding="utf-8")
    return folder


PG = '{key: pg_1_1_1_a, code: "PG.1.1.1", name: "Ç", unit: "%%", %s weight: 3.61, department: mali_hizmetler}'


def test_per_year_targets_pick_the_definition_years_target(tmp_path):
    d = load_definition(_plan_folder(tmp_path, PG % "baseline: 10, targets: {2020: 20, 2021: 22, 2022: 25},"))
    ind = d.plan.indicators()[0]
    assert ind.target == Decimal(22) and ind.baseline == Decimal(10)
    assert ind.yearly == {2020: Decimal(20), 2021: Decimal(22), 2022: Decimal(25)}
    # a year the plan gives no target: no target
    shutil.rmtree(tmp_path / "tanim")
    d = load_definition(_plan_folder(tmp_path, PG % "targets: {2020: 20, 2022: 25},"))
    assert d.plan.indicators()[0].target is None


def test_a_plain_target_disagreeing_with_the_years_target_or_a_year_outside_the_period_is_a_load_error(tmp_path):
    with pytest.raises(DefinitionError, match="uyuşmuyor"):
        load_definition(_plan_folder(tmp_path, PG % "target: 20, targets: {2021: 22},"))
    shutil.rmtree(tmp_path / "tanim")
    with pytest.raises(DefinitionError, match="dönemi"):
        load_definition(_plan_folder(tmp_path, PG % "targets: {2019: 5, 2021: 22},"))


def test_a_one_target_plan_still_loads_and_next_year_carries_its_target():
    d = load_definition(resources.default_definition())
    ind = d.plan.indicators()[0]
    assert ind.targets is None and ind.target == Decimal(20)
    from desktop.core.year_cycle import next_definition

    new, notes = next_definition(d, 2021)
    assert new.plan.indicators()[0].target == Decimal(20) and any("targets" in n for n in notes)


def test_next_year_takes_the_next_years_target(tmp_path):
    from desktop.core.year_cycle import next_definition

    d = load_definition(_plan_folder(tmp_path, PG % "targets: {2021: 22, 2022: 25},"))
    new, _ = next_definition(d, 2022)
    assert new.plan.indicators()[0].target == Decimal(25)


@pytest.mark.definition("small")
def test_previous_year_column_and_field_are_computed_from_history_and_never_entered(tmp_path, definition):
    form = definition.form("itfaiye")
    table = next(i for s in form.sections for i in s.items if i.kind == "table" and not any(c.computed for c in i.columns))
    col = next(c for c in table.columns if c.type == "count")
    prev_col = col.replace(key="gecen_yil", label="Geçen Yıl", previous_year=True, of=col.key)
    new_table = table.replace(columns=[*table.columns, prev_col])
    field = next(i for sec in form.sections for i in sec.items if i.kind == "field" and i.type == "count")
    prev_field = field.replace(key="gecen_yil_alan", label="Geçen yıl", previous_year=True, of=field.key, required=False)
    sections = [
        sec.replace(items=[new_table if i is table else i for i in sec.items] + ([prev_field] if field in sec.items else []))
        for sec in form.sections
    ]
    new_form = form.replace(sections=sections)
    d = Definition.from_json(definition.replace(forms=[new_form if f is form else f for f in definition.forms]).canonical_json())
    row = table.row_defs[0].key
    key, prev_key = f"itfaiye.{table.key}.{row}.{col.key}", f"itfaiye.{table.key}.{row}.gecen_yil"
    assert d.slots[prev_key].computed and d.slots["itfaiye.gecen_yil_alan"].computed
    path = tmp_path / "i.faaliyet"
    history = {2019: Entries(values={key: 41, f"itfaiye.{field.key}": 7})}
    with Workbook.create(path, d, "itfaiye", history=history) as wb:
        with pytest.raises(WorkbookError):
            wb.set_value(prev_key, 3)  # never typed
        model = OpenFile(wb)
        assert model.value(prev_key) == 41
        assert model.value("itfaiye.gecen_yil_alan") == 7
        if table.total_label:
            assert model.value(f"itfaiye.{table.key}.toplam.gecen_yil") == 41
        model.set_values({key: 5})  # this year's cell changes; last year's beside it does not
        assert model.value(prev_key) == 41 and model.value(key) == 5
        assert wb.conn.execute("SELECT value FROM history WHERE target = ?", (key,)).fetchone() == (41,)
    # a previous-year field names a field of the same form, of the same type
    from desktop.core.forms import FormDef, InvalidData

    bad = form.to_data()
    bad["sections"][0]["items"].append({**prev_field.to_data(), "kind": "field", "of": "yok_boyle"})
    with pytest.raises(InvalidData, match="anahtarı olmalı"):
        FormDef.from_data(bad)


@pytest.mark.parametrize(
    "column, message",
    [
        ({"key": "g", "label": "G", "previous_year": True}, "'of'"),
        ({"key": "g", "label": "G", "previous_year": True, "of": "yok"}, "anahtarı olmalı"),
        ({"key": "g", "label": "G", "type": "text", "previous_year": True, "of": "a"}, "aynı olmalı"),
        ({"key": "g", "label": "G", "of": "a"}, "yalnızca"),
    ],
)
def test_previous_year_of_is_checked_at_load(column, message):
    from desktop.core.forms import InvalidData, TableDef

    with pytest.raises(InvalidData, match=message):
        TableDef.from_data(
            {"kind": "table", "key": "t", "title": "T", "rows": "months", "columns": [{"key": "a", "label": "A"}, column]}
        )


def test_history_rows_break_the_stored_rules_when_foreign_or_of_a_later_year(tmp_path):
    definition = load_definition(resources.default_definition())
    path = tmp_path / "itfaiye.faaliyet"
    Workbook.create(path, definition, "itfaiye").close()
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("INSERT INTO history VALUES (2019, 'imar', 'imar.x', 'value', 1)")  # not this department's
        conn.execute("INSERT INTO history VALUES (2020, 'itfaiye', ?, 'value', 1)", (FIRE_CALLS,))  # not earlier
        conn.execute("INSERT INTO history VALUES (2019, 'itfaiye', ?, 'value', 'on')", (FIRE_CALLS,))  # wrong type
    conn.close()
    with Workbook.open(path, readonly=True) as wb:
        problems = wb.stored_problems()
        assert len(problems) == 3
        assert wb.history() == {}  # none of them is read as a value


def test_an_old_schema_file_is_migrated_and_keeps_opening(tmp_path):
    """A file of schema 1 (before the year cycle): no history table, a definition snapshot without the new settings."""
    definition = load_definition(resources.default_definition())
    path = tmp_path / "old.faaliyet"
    Workbook.create(path, definition, "itfaiye").close()
    data = json.loads(definition.canonical_json())
    data["year"].pop("change_factor")
    old_json = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    old_digest = hashlib.sha256(old_json.encode()).hexdigest()
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("DROP TABLE history")
    conn.execute("DROP TABLE definition_form")  # schema 3's: before it the definition was one JSON row
    conn.execute("DROP TABLE definition_plan")  # schema 4's
    conn.execute("DROP TABLE definition_leaves")  # schema 4's
    conn.execute("DROP TABLE definition_department")
    conn.execute("DROP TABLE definition_aim")
    conn.execute("UPDATE definition SET json = ?, digest = ?", (old_json, old_digest))
    conn.execute("UPDATE meta SET value = ? WHERE key = 'definition_digest'", (old_digest,))
    conn.execute("PRAGMA user_version = 1")
    conn.close()
    with Workbook.open(path) as wb:
        assert wb.definition.digest == definition.digest
        assert wb.history() == {}
        wb.set_value(FIRE_CALLS, 3)


def test_per_year_targets_travel_through_the_plan_spreadsheet(tmp_path, capsys):
    import openpyxl

    folder = _plan_folder(tmp_path, PG % "targets: {2020: 20, 2021: 22.5, 2024: 1500},", year=2020)
    xlsx = tmp_path / "plan.xlsx"
    assert main(["plan", "template", "--definition", str(folder), "--out", str(xlsx)]) == 0
    book = openpyxl.load_workbook(xlsx)
    ws = book["Göstergeler"]
    assert ws.cell(1, 11).value == "Yıllara göre hedefler"
    assert ws.cell(2, 11).value == "2020: 20; 2021: 22,5; 2024: 1.500"  # grouped, as every number
    assert main(["plan", "import", str(xlsx), "--definition", str(folder), "--accept-weights"]) == 0
    ind = load_definition(folder).plan.indicators()[0]
    assert ind.yearly == {2020: Decimal(20), 2021: Decimal("22.5"), 2024: Decimal(1500)} and ind.target == Decimal(20)
    # a cell that does not read is refused with its address; plan.yaml is unchanged
    before = _sha(folder / "plan.yaml")
    ws.cell(2, 11).value = "2021 = 22"
    book.save(xlsx)
    assert main(["plan", "import", str(xlsx), "--definition", str(folder), "--accept-weights"]) == 1
    assert "Göstergeler!K2" in capsys.readouterr().err
    assert _sha(folder / "plan.yaml") == before
    # a sheet written before the column existed still reads (the indicator then has one target)
    ws.delete_cols(11)
    book.save(xlsx)
    assert main(["plan", "import", str(xlsx), "--definition", str(folder), "--accept-weights"]) == 0
    assert load_definition(folder).plan.indicators()[0].targets is None


def test_merge_checks_a_department_files_history_and_never_imports_it(tmp_path, kars2021, clock):
    out, _ = kars2021
    assert main(["distribute", str(out), "--out-dir", str(tmp_path / "d")]) == 0
    with Workbook.open(out, readonly=True) as wb:
        held = wb.conn.execute("SELECT year, department, target, attribute, value FROM history ORDER BY 1, 3, 4").fetchall()
    clean, dirty = tmp_path / "d" / "kars-2021-itfaiye.faaliyet", tmp_path / "d" / "kars-2021-imar.faaliyet"
    with Workbook.open(clean) as wb:
        wb.set_value(FIRE_CALLS, 4)
        wb.conn.execute("UPDATE history SET value = value + 1 WHERE attribute = 'value' AND typeof(value) = 'integer'")
    result = merge_files(out, [clean], accept_time=True)
    assert not result.refused
    with Workbook.open(out, readonly=True) as wb:
        assert wb.entries().values[FIRE_CALLS] == 4
        # the department file's (changed) history was not imported: the consolidated file's stays
        assert (
            wb.conn.execute("SELECT year, department, target, attribute, value FROM history ORDER BY 1, 3, 4").fetchall() == held
        )
    # a history row of another department in a department file: refused like any foreign row
    conn = sqlite3.connect(dirty, isolation_level=None)
    conn.execute("INSERT INTO history VALUES (2020, 'itfaiye', ?, 'value', 9)", (FIRE_CALLS,))
    conn.close()
    assert merge_files(out, [dirty], accept_time=True).refused


def test_year_next_with_a_prepared_definition_follows_renamed_from_and_lists_what_has_no_place(tmp_path, kars2020, capsys):
    """The strategy unit prepares 2021's definition (a field renamed, another removed) and rolls with --definition."""
    source = tmp_path / "kars-2020.faaliyet"
    shutil.copy(kars2020, source)
    folder = tmp_path / "tanim-2021"
    assert (
        main(
            [
                "year",
                "next",
                str(source),
                "--year",
                "2021",
                "--out-definition",
                str(folder),
                "--out",
                str(tmp_path / "a.faaliyet"),
            ]
        )
        == 0
    )
    (form,) = (folder / "birimler").glob("*itfaiye.yaml")  # numbered in the definition's order
    text = form.read_text(encoding="utf-8")
    assert "key: kurtarilan_kisi\n" in text and "key: olu_cikarilan\n" in text
    text = text.replace("key: kurtarilan_kisi\n", "key: kurtarilan_kisi_sayisi\n        renamed_from: kurtarilan_kisi\n")
    text = text.replace("key: olu_cikarilan\n", "key: olu_sayisi\n")  # renamed without saying so: listed
    form.write_text(text, encoding="utf-8")
    with Workbook.open(source, readonly=True) as wb:
        rescued = wb.entries().values["itfaiye.kurtarilan_kisi"]
    capsys.readouterr()
    out = tmp_path / "b.faaliyet"
    assert main(["year", "next", str(source), "--year", "2021", "--definition", str(folder), "--out", str(out)]) == 0
    with Workbook.open(out, readonly=True) as wb:
        last = wb.previous()
        assert last is not None
        assert last.values["itfaiye.kurtarilan_kisi_sayisi"] == rescued
        assert "itfaiye.kurtarilan_kisi" not in last.values
    # the rename said so: carried; the other has no place and is listed, never dropped in silence
    err = capsys.readouterr().err
    assert "itfaiye.kurtarilan_kisi " not in err
    assert "itfaiye.olu_cikarilan (" in err and "yeni yılın tanımında yok" in err
    # a definition of another year is refused
    assert (
        main(
            [
                "year",
                "next",
                str(source),
                "--year",
                "2021",
                "--definition",
                str(resources.default_definition()),
                "--out",
                str(tmp_path / "c.faaliyet"),
            ]
        )
        == 2
    )
    assert "2021 yılının tanımı olmalı" in capsys.readouterr().err


def test_year_next_refuses_a_file_with_unreadable_rows_instead_of_leaving_them_behind(tmp_path, kars2020, capsys):
    source = tmp_path / "kars-2020.faaliyet"
    shutil.copy(kars2020, source)
    conn = sqlite3.connect(source, isolation_level=None)
    conn.execute("UPDATE entry SET value = 'on' WHERE key = ?", (FIRE_CALLS,))  # a count stored as text
    conn.close()
    out, folder = tmp_path / "k2021.faaliyet", tmp_path / "tanim"
    assert main(["year", "next", str(source), "--year", "2021", "--out-definition", str(folder), "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert "okunamayan" in err and FIRE_CALLS in err
    assert not out.exists() and not folder.exists()
    f2020 = tmp_path / "f.faaliyet"
    shutil.copy(kars2020, f2020)
    older = tmp_path / "kars-2019.faaliyet"
    definition = load_definition(resources.default_definition())
    d2019 = Definition.from_json(definition.replace(year=definition.year.replace(year=2019)).canonical_json())
    with Workbook.create(older, d2019, None) as wb:
        wb.set_value(FIRE_CALLS, 3)
    conn = sqlite3.connect(older, isolation_level=None)
    conn.execute("UPDATE entry SET value = 'on' WHERE key = ?", (FIRE_CALLS,))
    conn.close()
    assert "okunamayan" in _refused(capsys, f2020, older)


def test_the_year_settings_section_may_set_the_change_factor():
    from desktop.core import settings

    definition = load_definition(resources.default_definition())
    data = definition.to_data()
    form = next(f for f in data["forms"] if f["department"] == "strateji")
    section = next(s for s in form["sections"] if s["chapter"] == "ayarlar")
    section["items"].append({"kind": "field", "key": settings.CHANGE_FACTOR, "label": "Değişim katsayısı", "type": "decimal"})
    d = Definition.from_data(data)
    key = f"strateji.{settings.CHANGE_FACTOR}"
    assert settings.year_settings(d, {key: Decimal(3)}.get).change_factor == Decimal(3)
    assert settings.year_settings(d, {key: Decimal(1)}.get).change_factor == Decimal(10)  # not above 1: the definition's
    previous = Entries(values={FIRE_CALLS: 10})
    entries = Entries(values={FIRE_CALLS: 40, key: Decimal(3)})
    assert [f.place for f in validate(d, entries, None, previous) if f.rule == CHANGE_RULE] == [FIRE_CALLS]
    entries.values.pop(key)
    assert not [f for f in validate(d, entries, None, previous) if f.rule == CHANGE_RULE]
    live = LiveChecks(d, Entries(values={FIRE_CALLS: 40}), None, previous)
    live.entries.values[key] = Decimal(3)
    live.update(values=[key])
    assert [f.place for f in live.findings() if f.rule == CHANGE_RULE] == [FIRE_CALLS]


@pytest.mark.definition("small")
def test_year_next_writes_a_definition_whose_forms_are_not_in_file_name_order(definition, tmp_path):
    """The forms keep the definition's order in the folder written (the loader reads file names in order)."""
    from desktop.store.year_cycle import next_year

    names = [f.department for f in definition.forms]
    assert names != sorted(names), "the small definition lists its forms out of alphabetical order"
    path = tmp_path / "yil.faaliyet"
    Workbook.create(path, definition, None).close()
    with Workbook.open(path, readonly=True) as wb:
        rolled = next_year(wb, definition.year.year + 1, tmp_path / "sonraki.faaliyet", tmp_path / "tanim")
    assert [f.department for f in load_definition(tmp_path / "tanim").forms] == names
    assert load_definition(tmp_path / "tanim").digest == rolled.definition.digest


def test_a_whole_years_values_added_to_a_department_file_keep_only_its_own(tmp_path, kars2021, kars2020):
    """A department file carries only its own form: the other departments' values of the earlier
    year are not its own and are left out, not refused as unknown keys (an unknown key of its
    own department still is)."""
    out, _folder = kars2021
    assert main(["distribute", str(out), "--out-dir", str(tmp_path / "d")]) == 0
    with Workbook.open(kars2020, readonly=True) as old:
        entries = old.entries()
        key = _a_count(old)
    dept = key.split(".")[0]
    path = tmp_path / "d" / f"kars-2021-{dept}.faaliyet"
    with Workbook.open(path) as wb:
        written = wb.add_history(2020, entries, department=dept)
        assert written > 0
        assert wb.conn.execute("SELECT count(*) FROM history WHERE department != ?", (dept,)).fetchone()[0] == 0
        stray = Entries(values={f"{dept}.yok_boyle_bir_alan": 1})
        with pytest.raises(ImportRejected):
            wb.add_history(2020, stray, department=dept)
