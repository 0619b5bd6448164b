"""A department's file decodes only its own form (and the institution unit's); the other forms
stay their stored JSON until asked for, and are checked before they are used (#18 item 5)."""

from __future__ import annotations

import json
import sqlite3

import pytest

from desktop.core import limits
from desktop.core.definition import Definition
from desktop.core.form_parts import FormParts
from desktop.core.forms import InvalidData
from desktop.core.sha import sha256_hex
from desktop.store.errors import DamagedWorkbook
from desktop.store.file.document import OpenFile
from desktop.store.file.workbook import Workbook

pytestmark = pytest.mark.definition("small")


def decoded(definition: Definition) -> set[str]:
    parts = definition.forms
    assert isinstance(parts, FormParts)
    return {d for d in parts.departments if parts.is_decoded(d)}


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


def test_a_department_file_sees_the_same_definition(files, definition):
    with Workbook.open(files["imar"]) as wb:
        lazy = wb.definition
        assert lazy.digest == definition.digest
        for d in definition.departments:  # one form at a time, each the same
            assert lazy.form(d.key) == definition.form(d.key)
            assert lazy.slots_of(d.key) == definition.slots_of(d.key)
            assert lazy.department(d.key) == definition.department(d.key)
        assert lazy.slots.get("itfaiye.nope") is None and "imar.nope" not in lazy.slots
        assert dict(lazy.slots) == dict(definition.slots) and len(lazy.slots) == len(definition.slots)
        assert lazy.canonical_json() == definition.canonical_json()
        assert lazy.to_data() == definition.to_data() and lazy == definition
        assert list(lazy.forms) == definition.forms and lazy.forms.decoded == len(definition.forms)
        again = lazy.replace(version="2")  # a definition made from it checks every form itself
        assert again.forms == definition.forms and again.version == "2"


def test_a_form_is_counted_without_being_built(definition):
    """The total-values limit is checked on every form's head at opening: the head's count is the form's."""
    parts = FormParts([msgspec_raw(f) for f in definition.forms])
    assert parts.slot_count == sum(limits.form_slots(f) for f in definition.forms) == len(definition.slots)
    assert parts.decoded == 0


def msgspec_raw(form):
    import msgspec

    return msgspec.Raw(msgspec.json.encode(form))


def forge(path, edit) -> None:
    """Change the stored definition of ``path`` with ``edit`` (on its data) and set its digest to the new
    text's, as someone who knows the format would: the digest matches, the content is not Faaliyet's."""
    conn = sqlite3.connect(path)
    (digest,) = conn.execute("SELECT value FROM meta WHERE key = 'definition_digest'").fetchone()
    (text,) = conn.execute("SELECT json FROM definition").fetchone()
    data = json.loads(text)
    edit(data)
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    new = sha256_hex(text.encode("utf-8"))
    with conn:
        conn.execute("UPDATE definition SET json = ?, digest = ?", (text, new))
        conn.execute("UPDATE meta SET value = ? WHERE key = 'definition_digest'", (new,))
    conn.close()


def _form(data, department):
    return next(f for f in data["forms"] if f["department"] == department)


def test_another_departments_broken_form_is_refused_when_asked_for(files):
    forge(files["imar"], lambda data: _form(data, "itfaiye")["sections"][0].update(hatali_alan=1))
    with Workbook.open(files["imar"]) as wb:  # the clerk's own form is sound: the file opens
        assert "itfaiye" not in decoded(wb.definition)
        for ask in (lambda: wb.definition.form("itfaiye"), lambda: list(wb.definition.forms), lambda: dict(wb.definition.slots)):
            with pytest.raises(InvalidData, match=r"forms\[\d+\]\.sections\[0\]\.hatali_alan: bilinmeyen alan"):
                ask()
        with pytest.raises(InvalidData):
            wb.definition.slots.get("itfaiye.yangin")
    # the whole definition decoded (what every other reader does) refuses it as before
    with sqlite3.connect(files["imar"]) as conn:
        (text,) = conn.execute("SELECT json FROM definition").fetchone()
    with pytest.raises(InvalidData, match="bilinmeyen alan"):
        Definition.from_json(text)


def test_a_form_broken_against_the_definition_is_refused_when_asked_for(files):
    """The definition's rules about one form (here: a table row of an unknown department) run on a late form too."""

    def edit(data):
        form = next(  # a form with a table of listed rows, not the clerk's own
            f
            for f in data["forms"]
            if f["department"] not in ("imar", "strateji") and any(has_rows(i) for s in f["sections"] for i in s["items"])
        )
        table = next(i for s in form["sections"] for i in s["items"] if has_rows(i))
        table["rows"][0]["department"] = "yok_boyle"
        asked.append(form["department"])

    def has_rows(item):
        return item["kind"] == "table" and isinstance(item["rows"], list)

    asked: list[str] = []
    forge(files["imar"], edit)
    with Workbook.open(files["imar"]) as wb, pytest.raises(InvalidData, match="yok_boyle"):
        wb.definition.form(asked[0])


def test_the_rules_between_forms_are_checked_at_opening(files):
    forge(files["imar"], lambda data: data["forms"].append(dict(_form(data, "itfaiye"))))  # two forms of a department
    with pytest.raises(DamagedWorkbook, match="birden fazla formu"):
        Workbook.open(files["imar"])


def test_the_own_form_is_checked_at_opening(files):
    forge(files["imar"], lambda data: _form(data, "imar")["sections"][0].update(hatali_alan=1))
    with pytest.raises(DamagedWorkbook, match="bilinmeyen alan"):
        Workbook.open(files["imar"])


def test_a_consolidated_file_and_a_text_not_its_digest_are_decoded_whole(tmp_path, definition, files):
    path = tmp_path / "birlesik.faaliyet"
    Workbook.create(path, definition, None, user="test").close()
    with Workbook.open(path) as wb:
        assert type(wb.definition.forms) is list
    with sqlite3.connect(files["imar"]) as conn:  # the same definition, written otherwise (not the digest's bytes)
        (text,) = conn.execute("SELECT json FROM definition").fetchone()
        conn.execute("UPDATE definition SET json = ?", (json.dumps(json.loads(text), indent=1),))
    with Workbook.open(files["imar"]) as wb:
        assert type(wb.definition.forms) is list and wb.definition.digest == definition.digest


def test_a_file_with_rows_of_another_department_is_checked_whole_at_opening(files):
    """Faaliyet writes only the file's own department: a row of another one (whose check would ask
    for that form) makes the opening check the whole definition, as it always did."""
    with sqlite3.connect(files["imar"]) as conn:
        conn.execute(
            "INSERT INTO entry (key, department, value, changed_at, changed_by) "
            "VALUES ('itfaiye.x', 'itfaiye', 1, '2020-06-01T00:00:00+00:00', 'x')"
        )
    with Workbook.open(files["imar"]) as wb:
        assert type(wb.definition.forms) is list
        assert any("başka bir birime ait" in p.message or "itfaiye.x" in p.message for p in wb.stored_problems())
    forge(files["imar"], lambda data: _form(data, "itfaiye")["sections"][0].update(hatali_alan=1))
    with pytest.raises(DamagedWorkbook, match="bilinmeyen alan"):
        Workbook.open(files["imar"])
