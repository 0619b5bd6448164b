"""The plan stored as parts (#18 items 5 and 6): the head keeps the plan's skeleton, each department's
indicators and activities are a slice of their own; a department file carries its own slice and the
institution unit's, decodes only those, and a file of schema 3 (the whole plan in its head) is read
as it is and migrated in place with every value and the digest rule kept."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import msgspec
import pytest

from desktop.core import plan_parts
from desktop.core.definition import Definition, DefinitionHead
from desktop.core.form_parts import part_json, root_digest_3, summary_of
from desktop.core.forms import InvalidData
from desktop.core.sha import sha256_hex
from desktop.store.errors import DamagedWorkbook
from desktop.store.file.schema import SCHEMA_VERSION
from desktop.store.file.workbook import Workbook

pytestmark = pytest.mark.definition("small")


def stored_slices(path: Path) -> dict[str, str | None]:
    with sqlite3.connect(path) as conn:
        return dict(conn.execute("SELECT department, json FROM definition_plan ORDER BY position").fetchall())


def file_sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_department_files_stored_rows_hold_no_other_departments_plan_items(files, definition):
    institution = definition.institution_department
    assert institution is not None
    own = {"itfaiye", institution.key}
    slices = stored_slices(files["itfaiye"])  # no row of another department's slice, not even an empty one
    assert set(slices) == own & {i.department for i in definition.plan.indicators() + definition.plan.activities()}
    assert "itfaiye" in slices and all(text is not None for text in slices.values())
    others = [x for x in definition.plan.indicators() + definition.plan.activities() if x.department not in own]
    assert others, "the small year has plan items of other departments"
    with sqlite3.connect(files["itfaiye"]) as conn:
        texts = [t for (t,) in conn.execute("SELECT json FROM definition UNION ALL SELECT json FROM definition_plan") if t]
    for x in others:  # neither in the head nor in any slice: only their department's summary
        assert not any(f'"{x.key}"' in t for t in texts), x.key
    head = msgspec.json.decode(texts[0])
    assert all(
        not t["indicators"] and not t["activities"] for a in head["plan"]["aims"] for g in a["goals"] for t in g["targets"]
    )


def test_opening_a_department_file_decodes_only_the_carried_slices(files, definition, monkeypatch):
    seen: list[str] = []
    decode = plan_parts._decode

    def spy(i, row):
        seen.append(row.department)
        return decode(i, row)

    monkeypatch.setattr(plan_parts, "_decode", spy)
    with Workbook.open(files["itfaiye"]) as wb:
        assert set(seen) <= {"itfaiye", "strateji"} and "itfaiye" in seen
        assert wb.definition.indicators_of("itfaiye") == definition.indicators_of("itfaiye")
        assert not wb.definition.plan_carries("imar") and wb.definition.plan_carries("itfaiye")
        assert wb.definition.plan_item("pg_7_1_1") is None  # imar's: not this file's
        with pytest.raises(InvalidData, match="'imar' biriminin gösterge ve faaliyetleri bu dosyada yok"):
            wb.definition.activities_of("imar")


@pytest.mark.parametrize("name", ["small", "kars"])
def test_the_plan_rebuilt_from_a_consolidated_files_slices_is_the_loaded_one_in_its_order(tmp_path, definitions, name):
    definition = definitions(name)
    path = tmp_path / "birlesik.faaliyet"
    Workbook.create(path, definition, None, user="test").close()
    with Workbook.open(path) as wb:
        plan = wb.definition.plan
        assert type(plan) is type(definition.plan) and plan == definition.plan  # every field, every list's order
        assert [i.key for i in plan.indicators()] == [i.key for i in definition.plan.indicators()]
        assert wb.definition.plan_complete and wb.definition.digest == definition.digest
    if name == "kars":  # targets holding several departments' items: rebuilt in exactly their order
        mixed = [t for t in definition.plan.targets() if len({i.department for i in t.indicators}) > 1]
        assert mixed
        with Workbook.open(path) as wb:
            by_key = {t.key: t for t in wb.definition.plan.targets()}
            assert all(by_key[t.key].indicators == t.indicators for t in mixed)


def test_a_department_file_judges_only_the_targets_it_holds_whole(tmp_path, definitions):
    """A target shared with another department: its weights and roll-up need every indicator, which
    only the whole plan has; the department file says nothing of it rather than something partial."""
    from desktop.core.validation import plan_findings

    definition = definitions("kars")
    institution = definition.institution_department.key

    def own(department: str) -> list:
        return [t for t in definition.plan.targets() if {x.department for x in [*t.indicators, *t.activities]} == {department}]

    shared, department = next(
        (t, i.department)
        for t in definition.plan.targets()
        if len({i.department for i in t.indicators} - {institution}) > 1
        for i in t.indicators
        if own(i.department)
    )
    path = tmp_path / "birim.faaliyet"
    Workbook.create(path, definition, department, user="test").close()
    with Workbook.open(path) as wb:
        d = wb.definition
        assert not d.plan_target_whole(shared.key) and all(d.plan_target_whole(t.key) for t in own(department))
        by_key = {t.key: t for t in d.plan.targets()}
        assert [i.key for i in by_key[shared.key].indicators] == [
            i.key for i in shared.indicators if i.department in (department, institution)
        ]
        judged = {f.place for f in plan_findings(d, department)}
        assert shared.key not in judged
        whole = {f.place for f in plan_findings(definition, department)}
        assert judged == whole - {t.key for t in definition.plan.targets() if not d.plan_target_whole(t.key)}


def test_a_department_file_made_again_from_its_own_definition_keeps_the_years_digest(tmp_path, files, definition):
    again = tmp_path / "again.faaliyet"
    with Workbook.open(files["imar"]) as wb:
        Workbook.create(again, wb.definition, "imar", user="test").close()
    assert stored_slices(again) == stored_slices(files["imar"])
    with Workbook.open(again) as wb:
        assert wb.definition.digest == definition.digest
        with pytest.raises(Exception, match="itfaiye"):  # a file needing a slice it does not carry
            Workbook.create(tmp_path / "itfaiye.faaliyet", wb.definition, "itfaiye", user="test")


# --- files of schema 3: the whole plan in the head, no slices --------------------------------------


def make_schema_3(path: Path, definition: Definition) -> None:
    """Turn a new file into what schema 3 wrote: the head with the whole plan, no ``definition_plan``
    table, a row per form (its summary; its JSON when carried), the root over the head and the forms'
    summaries alone (``form_parts.FORMAT_3``)."""
    head = part_json(DefinitionHead(**{n: getattr(definition, n) for n in DefinitionHead.__struct_fields__}))
    conn = sqlite3.connect(path, isolation_level=None)
    carried = {d for (d,) in conn.execute("SELECT department FROM definition_form")}
    conn.execute("DELETE FROM definition_form")
    summaries = []
    for i, form in enumerate(definition.forms):
        data = part_json(form)
        summaries.append(summary_of(form, data))
        conn.execute(
            "INSERT INTO definition_form (position, department, slots, digest, json) VALUES (?, ?, ?, ?, ?)",
            (i, *summaries[-1], data.decode() if form.department in carried else None),
        )
    root = root_digest_3(sha256_hex(head), summaries)
    conn.execute("DROP TABLE definition_plan")
    conn.execute("DROP TABLE definition_leaves")
    conn.execute("DROP TABLE definition_department")
    conn.execute("DROP TABLE definition_aim")
    conn.execute("UPDATE definition SET json = ?, digest = ?", (head.decode(), root))
    conn.execute("UPDATE meta SET value = ? WHERE key = 'definition_digest'", (root,))
    conn.execute("PRAGMA user_version = 3")
    conn.close()


def test_a_schema_3_file_opens_read_only_as_it_is(files, definition):
    path = files["itfaiye"]
    with Workbook.open(path) as wb:
        values, indicators = dict(wb.entries().values), dict(wb.entries().indicators)
    make_schema_3(path, definition)
    before = file_sha(path)
    with Workbook.open(path, readonly=True) as wb:
        assert wb.definition.plan == definition.plan  # schema 3's head: the whole plan
        assert wb.entries().values == values and wb.entries().indicators == indicators
        assert wb.findings() is not None
    assert file_sha(path) == before


def test_a_schema_3_file_is_migrated_in_place_keeping_every_value_and_the_digest_rule(files, definition):
    path = files["itfaiye"]
    with Workbook.open(path) as wb:
        values, indicators = dict(wb.entries().values), dict(wb.entries().indicators)
        slices = stored_slices(path)
    make_schema_3(path, definition)
    with Workbook.open(path) as wb:
        assert wb.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert wb.meta["definition_digest"] == wb.definition.digest == definition.digest  # the year's root again
        assert wb.entries().values == values and wb.entries().indicators == indicators
        assert not wb.definition.plan_complete
        wb.apply(indicators={"pg_5_3_1": {"actual": 7}})
    assert stored_slices(path) == slices  # the same slices a new file of schema 4 stores


@pytest.mark.usefixtures("clock")
def test_a_schema_3_department_file_merges_into_a_schema_4_consolidated_file(consolidated_path, files, definition):
    from desktop.store.merge.run import merge_files

    make_schema_3(files["itfaiye"], definition)
    before = file_sha(files["itfaiye"])
    result = merge_files(consolidated_path, [files["itfaiye"], files["imar"]])
    assert [f.status for f in result.files] == ["imported", "imported"], result.summary_lines()
    assert file_sha(files["itfaiye"]) == before
    with Workbook.open(consolidated_path) as wb, Workbook.open(files["itfaiye"], readonly=True) as old:
        assert old.entries().values and all(wb.entries().values[k] == v for k, v in old.entries().values.items())


def test_a_schema_3_file_whose_plan_was_changed_is_refused_and_left_as_it_was(files, definition):
    path = files["itfaiye"]
    make_schema_3(path, definition)
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE definition SET json = replace(json, 'Yangına Ulaşma', 'Yangına Ulaşmama')")
    before = file_sha(path)
    for readonly in (True, False):
        with pytest.raises(Exception, match="değiştirilmiş"):
            Workbook.open(path, readonly=readonly)
        assert file_sha(path) == before


def test_a_consolidated_schema_3_file_is_migrated_with_every_slice(tmp_path, definition):
    path = tmp_path / "birlesik.faaliyet"
    Workbook.create(path, definition, None, user="test").close()
    slices = stored_slices(path)
    make_schema_3(path, definition)
    with Workbook.open(path) as wb:
        assert wb.definition.digest == wb.meta["definition_digest"] == definition.digest
        assert wb.definition.plan == definition.plan and wb.definition.plan_complete
    assert stored_slices(path) == slices and all(text is not None for text in slices.values())


def test_a_consolidated_file_missing_a_plan_slice_is_refused_and_left_as_it_was(tmp_path, definition):
    path = tmp_path / "birlesik.faaliyet"
    Workbook.create(path, definition, None, user="test").close()
    with sqlite3.connect(path) as conn:
        conn.execute("DELETE FROM definition_plan WHERE department = 'imar'")
    before = file_sha(path)
    with pytest.raises(DamagedWorkbook, match="birleşik dosyada bazı birimlerin gösterge ve faaliyetleri yok"):
        Workbook.open(path, readonly=True)
    assert file_sha(path) == before


def test_asking_a_department_file_for_another_departments_plan_items_says_to_use_the_consolidated_file(files, capsys):
    from desktop.cli import main

    assert main(["fields", "imar", "--from", str(files["imar"])]) == 0
    assert "pg_7_1_1.actual" in capsys.readouterr().out  # its own indicators
    assert main(["fields", "itfaiye", "--from", str(files["imar"])]) == 2
    err = capsys.readouterr().err
    assert "bu dosyada yok" in err and "birleşik dosyasını kullanın" in err
