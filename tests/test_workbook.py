"""The workbook file: identity, typed storage, one transaction per edit, audit."""

import sqlite3
import unicodedata
from decimal import Decimal as D

import pytest

from desktop.store.errors import ImportRejected, ReadOnlyWorkbook, WorkbookError
from desktop.store.file.schema import APPLICATION_ID, SCHEMA_VERSION
from desktop.store.file.workbook import Workbook


def raw(path, sql, *args):
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql, args).fetchall()
    finally:
        conn.close()


def test_new_file_has_identity_pragmas_and_definition(workbook_path, definition):
    assert raw(workbook_path, "PRAGMA application_id")[0][0] == APPLICATION_ID
    assert raw(workbook_path, "PRAGMA user_version")[0][0] == SCHEMA_VERSION
    assert raw(workbook_path, "PRAGMA journal_mode")[0][0] == "delete"
    meta = dict(raw(workbook_path, "SELECT key, value FROM meta"))
    assert meta["department"] == "itfaiye" and meta["year"] == "2020"
    assert meta["definition_id"] == definition.id and meta["definition_digest"] == definition.digest
    with Workbook.open(workbook_path) as wb:  # a department file: the year's head and digest, its own form
        assert wb.definition.digest == definition.digest and wb.definition.head_json() == definition.head_json()
        assert wb.definition.form("itfaiye") == definition.form("itfaiye")
        assert wb.state()["state"] == "taslak"


def test_values_are_stored_typed_never_as_localized_text(workbook, workbook_path):
    workbook.set_value("itfaiye.makbuz.ocak.arac", 78)
    workbook.set_value("itfaiye.makbuz.ocak.tutar", D("12115.00"))
    workbook.set_value("itfaiye.akaryakit.ocak.litre", D("1485.5"))
    rows = dict(raw(workbook_path, "SELECT key, value FROM entry"))
    assert rows["itfaiye.makbuz.ocak.arac"] == 78
    assert rows["itfaiye.makbuz.ocak.tutar"] == 1211500  # kuruş, INTEGER
    assert rows["itfaiye.akaryakit.ocak.litre"] == 1485.5
    types = dict(raw(workbook_path, "SELECT key, typeof(value) FROM entry"))
    assert set(types.values()) <= {"integer", "real"}
    assert workbook.get("itfaiye.makbuz.ocak.tutar") == D("12115.00")


def test_text_is_stored_nfc(workbook, workbook_path):
    nfd = unicodedata.normalize("NFD", "Şişli İtfaiye Ğ")
    assert nfd != unicodedata.normalize("NFC", nfd)
    workbook.set_value("itfaiye.anlatim", nfd)
    stored = raw(workbook_path, "SELECT value FROM entry WHERE key='itfaiye.anlatim'")[0][0]
    assert stored == unicodedata.normalize("NFC", nfd)


def test_every_edit_is_committed_and_audited(workbook, workbook_path):
    workbook.set_value("itfaiye.makbuz.ocak.arac", 78)
    workbook.set_value("itfaiye.makbuz.ocak.arac", 79)
    workbook.set_value("itfaiye.makbuz.ocak.arac", 79)  # unchanged: no new row
    # another connection sees the value at once: nothing waits for a save
    assert raw(workbook_path, "SELECT value FROM entry WHERE key='itfaiye.makbuz.ocak.arac'")[0][0] == 79
    audit = raw(workbook_path, "SELECT who, target, old, new FROM audit WHERE target='itfaiye.makbuz.ocak.arac' ORDER BY id")
    assert audit == [("test", "itfaiye.makbuz.ocak.arac", None, 78), ("test", "itfaiye.makbuz.ocak.arac", 78, 79)]
    workbook.set_value("itfaiye.makbuz.ocak.arac", None)
    assert raw(workbook_path, "SELECT count(*) FROM entry")[0][0] == 0
    assert raw(workbook_path, "SELECT old, new FROM audit ORDER BY id DESC LIMIT 1")[0] == (79, None)


def test_bad_values_are_refused_and_nothing_changes(workbook, workbook_path):
    workbook.set_value("itfaiye.makbuz.ocak.arac", 5)
    before = raw(workbook_path, "SELECT * FROM entry"), raw(workbook_path, "SELECT count(*) FROM audit")
    for key, value in [
        ("itfaiye.makbuz.ocak.arac", -1),
        ("itfaiye.makbuz.ocak.arac", 1.5),
        ("itfaiye.makbuz.ocak.arac", "on iki"),
        ("itfaiye.makbuz.ocak.tutar", D("1.234")),
        ("itfaiye.makbuz.toplam.arac", 5),  # computed
        ("imar.ruhsat.yeni_yapi.adet", 5),  # another department
        ("itfaiye.olmayan", 1),
    ]:
        with pytest.raises(ImportRejected) as info:
            workbook.apply(values={"itfaiye.makbuz.subat.arac": 3, key: value})
        assert "dosya olduğu gibi kaldı" in str(info.value)
    after = raw(workbook_path, "SELECT * FROM entry"), raw(workbook_path, "SELECT count(*) FROM audit")
    assert before == after


def test_indicator_actual_explanation_and_source(tmp_path, definition):
    path = tmp_path / "imar.faaliyet"
    with Workbook.create(path, definition, "imar") as wb:
        ind = definition.indicators_of("imar")[0]
        wb.set_indicator(ind.key, actual=D("53"), source="Ruhsat defteri")
        wb.set_indicator(ind.key, explanation="Pandemi nedeniyle başvurular azaldı.")
        e = wb.entries().indicators[ind.key]
        assert (e.actual, e.source, e.explanation) == (53, "Ruhsat defteri", "Pandemi nedeniyle başvurular azaldı.")
        attrs = [r["attribute"] for r in wb.audit_log()]
        assert sorted(attrs) == ["actual", "explanation", "source"]
        with pytest.raises(WorkbookError):
            wb.set_indicator("yok_boyle", actual=1)


def test_create_never_overwrites(workbook_path, definition):
    with pytest.raises(WorkbookError, match="zaten var"):
        Workbook.create(workbook_path, definition, "itfaiye")


def test_unknown_department_is_refused(tmp_path, definition):
    with pytest.raises(WorkbookError, match="birim yok"):
        Workbook.create(tmp_path / "x.faaliyet", definition, "yok")
    assert not list(tmp_path.iterdir())  # no temporary file left behind


def test_readonly_open_refuses_edits(workbook_path):
    with Workbook.open(workbook_path, readonly=True) as wb:
        assert wb.readonly
        with pytest.raises(ReadOnlyWorkbook):
            wb.set_value("itfaiye.makbuz.ocak.arac", 1)


def test_file_on_readonly_media_opens_readonly(workbook_path, monkeypatch):
    # CI runs as root, where chmod does not stop writes: simulate the medium
    from desktop.store.file import safe_open

    monkeypatch.setattr(safe_open.os, "access", lambda path, mode: False)
    with Workbook.open(workbook_path) as wb:
        assert wb.readonly and "yazmaya kapalı" in wb.readonly_reason
        with pytest.raises(ReadOnlyWorkbook):
            wb.set_value("itfaiye.makbuz.ocak.arac", 1)


def test_network_path_is_readonly():
    from pathlib import PureWindowsPath

    from desktop.store.file.safe_open import writable_reason

    assert "ağ" in writable_reason(PureWindowsPath(r"\\sunucu\paylasim\itfaiye.faaliyet"))


def test_submitted_department_file_is_locked(workbook):
    workbook.set_state("gonderildi")
    with pytest.raises(ImportRejected, match="kilitli"):
        workbook.set_value("itfaiye.makbuz.ocak.arac", 1)
