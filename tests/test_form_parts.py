"""The definition stored as parts (#18 items 5 and 6): a department's file carries its head, its own
form and the institution unit's, and the year's leaves (every form's and plan slice's digest, in one
value); opening it verifies and decodes only what it carries, and a part that is not what its leaf
says is refused."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path

import pytest

from bench.attacks_definition import seal
from desktop.core import limits
from desktop.core.definition import Definition
from desktop.core.form_parts import HAS_FORM, HAS_SLICE, FormParts, Leaves, pack_leaves, root_digest
from desktop.core.forms import InvalidData
from desktop.core.plan_parts import skeleton
from desktop.core.sha import sha256_hex
from desktop.store.errors import DamagedWorkbook
from desktop.store.file.document import OpenFile
from desktop.store.file.schema import SCHEMA_VERSION
from desktop.store.file.workbook import Workbook

pytestmark = pytest.mark.definition("small")


def decoded(definition: Definition) -> set[str]:
    parts = definition.forms
    assert isinstance(parts, FormParts)
    return {d for d in parts.departments if parts.is_decoded(d)}


def carried(path: Path) -> set[str]:
    with sqlite3.connect(path) as conn:
        return {d for (d,) in conn.execute("SELECT department FROM definition_form WHERE json IS NOT NULL")}


def file_sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_opening_a_department_file_decodes_only_its_own_form(files, definition):
    institution = definition.institution_department
    assert institution is not None and len(definition.forms) > 3
    with Workbook.open(files["itfaiye"]) as wb:
        assert decoded(wb.definition) == {"itfaiye", institution.key}
        doc = OpenFile(wb)  # the clerk's window: entries, live checks, the stored rows' checks
        assert doc.findings is not None and wb.findings() is not None
        slot = next(s for s in doc.slots.values() if not s.computed and s.type == "count")
        wb.apply(values={slot.key: 3})  # an edit: one transaction with its audit row
        assert wb.entries().values[slot.key] == 3
        assert wb.stored_problems() == []
        assert decoded(wb.definition) == {"itfaiye", institution.key}
        assert wb.definition.forms.decoded == 2


def test_a_department_file_carries_only_its_own_parts_and_keeps_the_years_digest(tmp_path, files, definition):
    institution = definition.institution_department
    assert institution is not None
    assert carried(files["imar"]) == {"imar", institution.key}
    with sqlite3.connect(files["imar"]) as conn:  # no row of another department's form or slice, not even empty
        assert conn.execute("SELECT count(*) FROM definition_form").fetchone()[0] == 2
        assert {d for (d,) in conn.execute("SELECT department FROM definition_plan")} <= {"imar", institution.key}
        (leaves,) = conn.execute("SELECT data FROM definition_leaves").fetchone()
    assert Leaves(leaves).count(0) == len(definition.forms) and len(Leaves(leaves).flags) == len(definition.departments)
    consolidated = tmp_path / "birlesik.faaliyet"
    Workbook.create(consolidated, definition, None, user="test").close()
    assert carried(consolidated) == {f.department for f in definition.forms}  # the strategy unit's: every part
    with Workbook.open(files["imar"]) as wb:
        lazy = wb.definition
        assert lazy.digest == definition.digest == wb.meta["definition_digest"]
        for key in ("imar", institution.key):
            assert lazy.form(key) == definition.form(key) and lazy.slots_of(key) == definition.slots_of(key)
        # the departments: its own and those its parts name; asking for another says to use the consolidated file
        assert {"imar", institution.key} <= {d.key for d in lazy.departments} < {d.key for d in definition.departments}
        for d in lazy.departments:
            assert d == definition.department(d.key)
        with pytest.raises(InvalidData, match="'itfaiye' birimi bu dosyada yok"):
            lazy.department("itfaiye")
        assert lazy.department_name("itfaiye") == "itfaiye" and not lazy.knows("itfaiye")
        # the plan: the aims its slices fill (without other departments' items) and the carried items, in order
        whole = skeleton(definition.plan).aims
        assert skeleton(lazy.plan).aims == [a for a in whole if a in skeleton(lazy.plan).aims] and lazy.plan.aims
        assert not lazy.plan_complete
        for key in ("imar", institution.key):
            assert lazy.indicators_of(key) == definition.indicators_of(key)
            assert lazy.activities_of(key) == definition.activities_of(key)
        own = {"imar", institution.key}
        assert lazy.plan.indicators() == [i for i in definition.plan.indicators() if i.department in own]
        with pytest.raises(InvalidData, match="'itfaiye' biriminin gösterge ve faaliyetleri bu dosyada yok"):
            lazy.indicators_of("itfaiye")
        with pytest.raises(InvalidData, match="Planın tamamı bu dosyada yok"):
            lazy.activities_of(None)
        # another department's form is not in the file: asking for it says so; a key of it is not this file's
        with pytest.raises(InvalidData, match="'itfaiye' biriminin formu bu dosyada yok"):
            lazy.form("itfaiye")
        assert lazy.slots.get("itfaiye.yangin") is None and "itfaiye.yangin" not in lazy.slots
        assert lazy.item("itfaiye", "anything") is None
        assert not lazy.carries("itfaiye") and lazy.carries("imar")
        assert lazy.forms.slot_count == sum(limits.form_slots(definition.form(k)) for k in ("imar", institution.key))
        # a file made from it (same department) is the same definition
        again = tmp_path / "again.faaliyet"
        Workbook.create(again, lazy, "imar", user="test").close()
    with Workbook.open(again) as wb2:
        assert wb2.definition.digest == definition.digest
    with Workbook.open(consolidated) as wb3:
        assert wb3.definition.digest == definition.digest and list(wb3.definition.forms) == definition.forms


def test_the_root_digest_covers_the_head_and_every_leaf(definition):
    stored = definition.stored
    root = root_digest(sha256_hex(stored.head), stored.leaves)
    assert root == definition.digest
    leaves = Leaves(stored.leaves)
    forms, plans, units, aims = (leaves.digests(k) for k in range(4))
    flags = leaves.flags
    assert pack_leaves([forms, plans, units, aims], flags) == stored.leaves
    assert len(units) == len(flags) == len(definition.departments) and len(aims) == len(definition.plan.aims) > 0
    for kind in range(4):
        lists = [forms, plans, units, aims]
        if len(lists[kind]) > 1:
            reordered = [x[::-1] if k == kind else x for k, x in enumerate(lists)]
            assert root_digest(sha256_hex(stored.head), pack_leaves(reordered, flags)) != root
        changed = [["0" * 64, *x[1:]] if k == kind else x for k, x in enumerate(lists)]
        assert root_digest(sha256_hex(stored.head), pack_leaves(changed, flags)) != root
    assert root_digest(sha256_hex(stored.head), pack_leaves([forms, plans, units, aims], bytes(len(flags)))) != root
    assert root_digest(sha256_hex(stored.head + b" "), stored.leaves) != root
    assert set(flags) <= {0, HAS_FORM, HAS_SLICE, HAS_FORM | HAS_SLICE} and HAS_FORM | HAS_SLICE in flags


# --- forged parts: someone who knows the format writes the file ----------------------------------


def forge_form(path: Path, department: str, edit, *, digest: bool = True, slots: bool = True, root: bool = True) -> None:
    """Edit the stored JSON of ``department``'s form; then (unless told not to) its digest, its value
    count and the root, so that only what is not set right betrays the forgery."""
    conn = sqlite3.connect(path, isolation_level=None)
    (text,) = conn.execute("SELECT json FROM definition_form WHERE department = ?", (department,)).fetchone()
    data = json.loads(text)
    edit(data)
    new = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    conn.execute("UPDATE definition_form SET json = ? WHERE department = ?", (new, department))
    if digest:
        conn.execute("UPDATE definition_form SET digest = ? WHERE department = ?", (sha256_hex(new.encode()), department))
    if slots:
        try:
            from desktop.core.forms import FormDef

            count = limits.form_slots(FormDef.from_data(data))
        except (ValueError, KeyError):
            count = None
        if count is not None:
            conn.execute("UPDATE definition_form SET slots = ? WHERE department = ?", (count, department))
    if root:
        seal(conn)
    conn.close()


def forge_sql(path: Path, *statements: str, root: bool = True) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    for s in statements:
        conn.execute(s)
    if root:
        seal(conn)
    conn.close()


def refused(path: Path, match: str) -> None:
    """Opening (read-only and for writing) refuses with ``match``, and the file is left as it was."""
    before = file_sha(path)
    for readonly in (True, False):
        with pytest.raises(DamagedWorkbook, match=match):
            Workbook.open(path, readonly=readonly)
    assert file_sha(path) == before


def _add_field(data):
    data["sections"][0]["hatali_alan"] = 1


def test_the_own_form_is_checked_at_opening(files):
    forge_form(files["imar"], "imar", _add_field)
    refused(files["imar"], "bilinmeyen alan")


def test_a_part_that_does_not_hash_to_its_digest_is_refused(files):
    forge_sql(files["imar"], "UPDATE definition_form SET json = json || ' ' WHERE department = 'imar'", root=False)
    forge_form(files["itfaiye"], "itfaiye", lambda d: d["sections"][0].update(title="Değişti"), digest=False)
    refused(files["imar"], "tutmuyor")
    refused(files["itfaiye"], "tutmuyor")


def test_a_head_or_leaves_that_do_not_hash_to_the_root_are_refused(files):
    forge_sql(
        files["imar"],
        "UPDATE definition_leaves SET data = CAST(substr(data, 1, 4) || zeroblob(32) || substr(data, 37) AS BLOB)",
        root=False,
    )
    refused(files["imar"], "değiştirilmiş")
    forge_sql(files["itfaiye"], "UPDATE definition SET json = replace(json, '\"year\":', '\"year\" :')", root=False)
    refused(files["itfaiye"], "değiştirilmiş")


def test_a_summary_that_disagrees_with_its_form_is_refused(files):
    forge_form(files["imar"], "imar", lambda d: None, slots=False)  # untouched: sealed as is
    forge_sql(files["imar"], "UPDATE definition_form SET slots = slots + 1 WHERE department = 'imar'")
    refused(files["imar"], "değer sayısı")
    # a row naming another department than its form's
    forge_sql(files["itfaiye"], "UPDATE definition_form SET department = 'yok_boyle' WHERE department = 'itfaiye'")
    refused(files["itfaiye"], "başka birimlerin formunu taşıyor \\(yok_boyle\\)")


def test_the_rules_between_forms_run_where_every_form_is(consolidated_path, tmp_path):
    """The total value count is judged of a consolidated file (every form), before any is decoded."""
    other = tmp_path / "ikinci.faaliyet"
    other.write_bytes(consolidated_path.read_bytes())
    forge_sql(consolidated_path, f"UPDATE definition_form SET slots = {limits.MAX_SLOTS} WHERE department = 'zabita'")
    refused(consolidated_path, "toplam değer sayısı")
    forge_sql(other, "UPDATE definition_form SET slots = -5 WHERE department = 'zabita'")
    refused(other, "eksi")


def test_a_department_file_with_another_departments_form_or_without_its_own_is_refused(files, definition, tmp_path):
    consolidated = tmp_path / "birlesik.faaliyet"
    Workbook.create(consolidated, definition, None, user="test").close()
    with sqlite3.connect(consolidated) as conn:
        other = conn.execute("SELECT position, slots, digest, json FROM definition_form WHERE department = 'zabita'").fetchone()
    conn = sqlite3.connect(files["imar"], isolation_level=None)
    conn.execute("INSERT INTO definition_form SELECT * FROM (SELECT ?, 'zabita', ?, ?, ?)", other)  # its true row
    conn.close()
    refused(files["imar"], "başka birimlerin formunu taşıyor \\(zabita\\)")
    forge_sql(files["itfaiye"], "DELETE FROM definition_form WHERE department = 'itfaiye'")
    refused(files["itfaiye"], "kendi formu yok")
    forge_sql(consolidated, "DELETE FROM definition_form WHERE department = 'zabita'")
    refused(consolidated, "bazı birimlerin formu yok")


def test_a_form_broken_against_the_definition_is_refused(tmp_path, definition):
    """The definition's rules about one form (a table row of an unknown department) run on each part."""

    def listed(form):
        return [i for s in form["sections"] for i in s["items"] if i["kind"] == "table" and isinstance(i["rows"], list)]

    path = tmp_path / "birlesik.faaliyet"
    Workbook.create(path, definition, None, user="test").close()
    with sqlite3.connect(path) as conn:
        has = [d for d, text in conn.execute("SELECT department, json FROM definition_form") if listed(json.loads(text))]
    assert has, "the small year has a table of listed rows"
    forge_form(path, has[0], lambda form: listed(form)[0]["rows"][0].update(department="yok_boyle"))
    refused(path, "yok_boyle")


# --- files of schema 2 (one JSON row) -----------------------------------------------------------


def make_schema_2(path: Path, definition: Definition) -> None:
    """Turn a new file into what the previous version wrote: the whole definition as one JSON row
    whose digest is the SHA-256 of that text, no ``definition_form`` table, schema 2."""
    text = definition.canonical_json()
    digest = sha256_hex(text.encode())
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("DROP TABLE definition_form")
    conn.execute("DROP TABLE definition_plan")
    conn.execute("DROP TABLE definition_leaves")
    conn.execute("DROP TABLE definition_department")
    conn.execute("DROP TABLE definition_aim")
    conn.execute("DELETE FROM definition")
    conn.execute(
        "INSERT INTO definition (digest, id, version, json) VALUES (?, ?, ?, ?)",
        (digest, definition.id, definition.version, text),
    )
    conn.execute("UPDATE meta SET value = ? WHERE key = 'definition_digest'", (digest,))
    conn.execute("PRAGMA user_version = 2")
    conn.close()


def test_a_schema_2_file_opens_read_only_as_it_is_and_is_migrated_when_opened_for_writing(files, definition):
    path = files["itfaiye"]
    make_schema_2(path, definition)
    before = file_sha(path)
    with Workbook.open(path, readonly=True) as wb:
        assert wb.definition == definition and wb.definition.digest == definition.digest
        assert wb.entries().values  # its values read as they are
        values = dict(wb.entries().values)
    assert file_sha(path) == before
    with Workbook.open(path) as wb:
        assert wb.meta["definition_digest"] == definition.digest == wb.definition.digest
        assert wb.entries().values == values
        assert wb.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert decoded(wb.definition) == {"itfaiye", definition.institution_department.key}
        slot = next(s for s in wb.definition.slots_of("itfaiye") if not s.computed and s.type == "count")
        wb.apply(values={slot.key: 7})
    assert carried(path) == {"itfaiye", definition.institution_department.key}


def test_a_schema_2_file_whose_definition_was_changed_is_refused_and_left_as_it_was(files, definition):
    path = files["itfaiye"]
    make_schema_2(path, definition)
    forge_sql(path, "UPDATE definition SET json = replace(json, '\"year\":', '\"year\" :')", root=False)
    refused(path, "değiştirilmiş")


# --- merging: a department file's parts against the consolidated file's -------------------------


@pytest.mark.usefixtures("clock")
def test_merge_takes_department_files_of_parts_and_of_schema_2_and_refuses_a_forged_part(consolidated_path, files, definition):
    from desktop.store.merge.run import merge_files

    make_schema_2(files["itfaiye"], definition)  # sent by a clerk who has not updated yet
    forge_form(files["zabita"], "zabita", lambda d: d["sections"][0].update(title="Sahte"), digest=False)
    before = {p: file_sha(p) for p in files.values()}
    result = merge_files(consolidated_path, list(files.values()))
    status = {f.path.name: f.status for f in result.files}
    assert status[files["itfaiye"].name] == "imported" and status[files["imar"].name] == "imported"
    assert status[files["zabita"].name] != "imported"
    assert any("değiştirilmiş" in line for line in result.summary_lines())
    assert {p: file_sha(p) for p in files.values()} == before  # the incoming files are only read
    with Workbook.open(consolidated_path) as wb, Workbook.open(files["itfaiye"], readonly=True) as old:
        assert old.entries().values and all(wb.entries().values[k] == v for k, v in old.entries().values.items())


def test_a_department_file_of_the_targets_definition_is_compared_in_place(consolidated_path, files, monkeypatch):
    """The merge compares an incoming file's head and leaves with the target's bytes (not hashed again,
    no leaf read one by one) and hashes only the parts it carries; a file whose leaves differ is
    hashed and refused."""
    from desktop.store.file import definition_store

    with Workbook.open(consolidated_path) as target:
        known = target.conn.execute(
            "SELECT CAST(d.json AS BLOB), l.data, d.digest FROM definition d JOIN definition_leaves l USING (digest)"
        ).fetchone()
    hashed: list[bytes] = []
    real = definition_store.sha256_hex
    monkeypatch.setattr(definition_store, "sha256_hex", lambda data: hashed.append(data) or real(data))
    with sqlite3.connect(files["imar"]) as conn:
        parts = definition_store.read_parts(conn, known[2], "imar", known)
    assert {r.department for r in parts.forms} == carried(files["imar"]) and parts.plan
    rows = [*parts.forms, *parts.plan, *parts.departments, *parts.aims]
    assert sorted(hashed) == sorted(r.data for r in rows)  # neither the head nor the leaves
    forge_sql(files["itfaiye"], "UPDATE definition_leaves SET data = CAST(data || x'00' AS BLOB)", root=False)
    with sqlite3.connect(files["itfaiye"]) as conn, pytest.raises(DamagedWorkbook, match="değiştirilmiş"):
        definition_store.read_parts(conn, known[2], "itfaiye", known)


@pytest.mark.usefixtures("clock")
def test_merge_refuses_a_file_of_the_targets_definition_carrying_another_form_or_missing_its_own(consolidated_path, files):
    from desktop.store.merge.run import merge_files

    with sqlite3.connect(consolidated_path) as conn:
        other = conn.execute("SELECT position, slots, digest, json FROM definition_form WHERE department = 'zabita'").fetchone()
    with sqlite3.connect(files["imar"]) as conn:  # its true row: the root is still the target's
        conn.execute("INSERT INTO definition_form SELECT * FROM (SELECT ?, 'zabita', ?, ?, ?)", other)
    forge_sql(files["itfaiye"], "DELETE FROM definition_form WHERE department = 'itfaiye'", root=False)
    result = merge_files(consolidated_path, [files["imar"], files["itfaiye"]])
    assert not any(f.status == "imported" for f in result.files)
    text = "\n".join(result.summary_lines())
    assert "başka birimlerin formunu taşıyor (zabita)" in text and "kendi formu yok" in text


def test_a_department_file_holds_and_decodes_only_the_departments_and_aims_it_needs(files, definition, monkeypatch):
    """Its head holds no department nor aim; its rows only those a file of its department needs
    (``definition_store.needed``); opening it decodes only those."""
    from desktop.core import definition_stored
    from desktop.store.file import definition_store

    with sqlite3.connect(files["itfaiye"]) as conn:
        units = {d for (d,) in conn.execute("SELECT department FROM definition_department")}
        aims = {p for (p,) in conn.execute("SELECT position FROM definition_aim")}
        (head,) = conn.execute("SELECT json FROM definition").fetchone()
    assert '"departments"' not in head and '"aims":[]' in head and '"goals"' not in head
    needed_units, needed_aims = definition_store.needed(definition, "itfaiye")
    assert units == needed_units < {d.key for d in definition.departments} and aims == needed_aims
    seen: dict[str, list[bytes]] = {"_DEPARTMENT": [], "_AIM": []}

    class Spy:
        def __init__(self, name):
            self.name, self.real = name, getattr(definition_stored, name)

        def decode(self, data):
            seen[self.name].append(data)
            return self.real.decode(data)

    for name in seen:
        monkeypatch.setattr(definition_stored, name, Spy(name))
    with Workbook.open(files["itfaiye"]) as wb:
        assert {d.key for d in wb.definition.departments} == needed_units
        assert [d for d in definition.departments if d.key in needed_units] == wb.definition.departments
        assert wb.definition.plan.aims and all(
            wb.definition.plan_target_whole(t.key)
            for t in wb.definition.plan.targets()
            if any(i.department == "itfaiye" for i in t.indicators)
        )
    assert len(seen["_DEPARTMENT"]) == len(needed_units) and len(seen["_AIM"]) == len(needed_aims)


def test_a_consolidated_files_definition_is_the_loaded_one(consolidated_path, definition):
    with Workbook.open(consolidated_path) as wb:
        assert wb.definition == definition and wb.definition.departments_complete and wb.definition.plan_complete
        assert wb.definition.canonical_json() == definition.canonical_json()
