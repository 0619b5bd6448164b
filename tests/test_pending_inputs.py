"""Unreadable input kept in the audit log: pending until corrected or discarded; blocks submitting."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
import unicodedata
from decimal import Decimal as D
from pathlib import Path

import pytest

from desktop.store.errors import ImportRejected, ReadOnlyWorkbook, WorkbookError
from desktop.store.file import fingerprint, submission
from desktop.store.file.workbook import Workbook

DECIMAL = "itfaiye.akaryakit.ocak.litre"  # a decimal value


@pytest.fixture
def small(tmp_path, definitions) -> Path:
    """An İtfaiye file of the small test year whose only open requirement is filled."""
    path = tmp_path / "itfaiye.faaliyet"
    with Workbook.create(path, definitions("small"), "itfaiye") as wb:
        wb.set_value("itfaiye.anlatim", "Yıl içinde 1.240 olaya müdahale edildi.")
    return path


def audit(path, sql="SELECT target, attribute, old, new FROM audit WHERE attribute = 'okunamayan_giris' ORDER BY id"):
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def test_unreadable_text_is_one_audit_row_with_the_stored_value_as_old(small):
    with Workbook.open(small) as wb:
        wb.set_value("itfaiye.trafik_kazasi", 5)
        assert wb.record_unparsed("itfaiye.trafik_kazasi", "12a") is True
        assert wb.record_unparsed("itfaiye.trafik_kazasi", "12a") is False  # already kept: no second row
        assert wb.get("itfaiye.trafik_kazasi") == 5  # the value is untouched
    assert audit(small) == [("itfaiye.trafik_kazasi", "okunamayan_giris", 5, "12a")]
    with Workbook.open(small, readonly=True) as wb:  # a second reader sees it
        assert wb.pending_inputs() == {"itfaiye.trafik_kazasi": "12a"}


def test_text_is_stored_nfc(small):
    decomposed = unicodedata.normalize("NFD", "İki yüz ağaç")
    with Workbook.open(small) as wb:
        wb.record_unparsed(DECIMAL, decomposed)
        assert wb.pending_inputs()[DECIMAL] == unicodedata.normalize("NFC", decomposed)


def test_survives_a_process_kill(small):
    code = textwrap.dedent(f"""
        import os, signal
        from desktop.store.file.workbook import Workbook
        wb = Workbook.open({str(small)!r})
        wb.record_unparsed("itfaiye.makbuz.ocak.arac", "1.2.3a")
        os.kill(os.getpid(), signal.SIGKILL)
    """)
    proc = subprocess.run([sys.executable, "-c", code], cwd=Path(__file__).resolve().parent.parent)
    assert proc.returncode == -9
    with Workbook.open(small) as wb:
        assert wb.pending_inputs() == {"itfaiye.makbuz.ocak.arac": "1.2.3a"}


def test_a_later_value_or_clearing_supersedes_it(small):
    with Workbook.open(small) as wb:
        wb.record_unparsed("itfaiye.trafik_kazasi", "12a")
        wb.record_unparsed(DECIMAL, "1.234")
        wb.set_value("itfaiye.trafik_kazasi", 12)
        assert wb.pending_inputs() == {DECIMAL: "1.234"}
        wb.set_value(DECIMAL, D("1.5"))
        wb.record_unparsed(DECIMAL, "1.234")
        wb.set_value(DECIMAL, None)  # clearing is a change too
        assert wb.pending_inputs() == {}


def test_discard_drops_it_and_is_recorded_as_null(small):
    with Workbook.open(small) as wb:
        assert wb.discard_unparsed("itfaiye.trafik_kazasi") is False  # nothing pending: no row
        wb.record_unparsed("itfaiye.trafik_kazasi", "12a")
        assert wb.discard_unparsed("itfaiye.trafik_kazasi") is True
        assert wb.pending_inputs() == {}
        wb.record_unparsed("itfaiye.trafik_kazasi", "12a")  # typed again later: pending again
        assert wb.pending_inputs() == {"itfaiye.trafik_kazasi": "12a"}
    assert [r[3] for r in audit(small)] == ["12a", None, "12a"]


def test_indicator_and_activity_attributes(small):
    with Workbook.open(small) as wb:
        wb.record_unparsed("pg_5_3_1.actual", "on iki")
        wb.record_unparsed("f_5_3_1.actual_cost", "12.3.4")
        assert wb.pending_inputs() == {"pg_5_3_1.actual": "on iki", "f_5_3_1.actual_cost": "12.3.4"}
        wb.set_indicator("pg_5_3_1", explanation="başka bir alan")  # another attribute does not supersede
        assert "pg_5_3_1.actual" in wb.pending_inputs()
        wb.set_indicator("pg_5_3_1", actual=D("7"))
        wb.set_activity("f_5_3_1", actual_cost=D("900"))
        assert wb.pending_inputs() == {}
        with pytest.raises(WorkbookError):
            wb.record_unparsed("pg_5_3_1.actual_cost", "x")  # indicators have 'actual', not 'actual_cost'
        with pytest.raises(WorkbookError):
            wb.record_unparsed("itfaiye.makbuz.toplam.arac", "x")  # computed: nothing to type
        with pytest.raises(WorkbookError):
            wb.record_unparsed("itfaiye.yok", "x")


def test_pending_input_is_an_error_that_blocks_submit(small):
    with Workbook.open(small) as wb:
        wb.record_unparsed("itfaiye.trafik_kazasi", "12a")
        errors = [f for f in wb.findings() if f.is_error]
        assert [(f.place, f.message, f.department) for f in errors] == [
            (
                "itfaiye.trafik_kazasi",
                "'Müdahale edilen trafik kazası' alanına yazılan değer okunamadı: '12a' bir sayı değil. Yalnızca rakam girin, ör. 1234. Düzeltin ya da silin.",
                "itfaiye",
            )
        ]
        with pytest.raises(ImportRejected) as exc:
            submission.submit(wb)
        assert any("'12a' bir sayı değil" in p for p in exc.value.problems)
        assert wb.state()["state"] == "taslak"
        wb.discard_unparsed("itfaiye.trafik_kazasi")
        assert not [f for f in wb.findings() if f.is_error]
        submission.submit(wb)
        assert wb.state()["state"] == "gonderildi"
        with pytest.raises(WorkbookError):  # a submitted file takes no typing at all
            wb.record_unparsed("itfaiye.trafik_kazasi", "12a")


def test_content_hash_and_newest_change_ignore_it(clock, small):
    with Workbook.open(small) as wb:
        wb.set_value("itfaiye.trafik_kazasi", 5)
        before = (fingerprint.content_hash(wb.conn, "itfaiye"), fingerprint.newest_change(wb.conn, "itfaiye"))
        clock.set("2099-01-01T00:00:00+00:00")  # typed much later
        wb.record_unparsed("itfaiye.trafik_kazasi", "12a")
        wb.record_unparsed(DECIMAL, "1.234")
        after = (fingerprint.content_hash(wb.conn, "itfaiye"), fingerprint.newest_change(wb.conn, "itfaiye"))
        assert after == before
        assert audit(small, "SELECT max(at) FROM audit")[0][0].startswith("2099")


def test_read_only_file_refuses_to_record(small):
    with Workbook.open(small, readonly=True) as wb:
        with pytest.raises(ReadOnlyWorkbook):
            wb.record_unparsed("itfaiye.trafik_kazasi", "12a")


def test_department_filter(small, definition, tmp_path):
    path = tmp_path / "birlesik.faaliyet"
    Workbook.create(path, definition, None).close()
    with Workbook.open(path) as wb:
        wb.record_unparsed("itfaiye.trafik_kazasi", "12a")
        wb.record_unparsed("imar.iskan_devam", "x")
        assert set(wb.pending_inputs()) == {"itfaiye.trafik_kazasi", "imar.iskan_devam"}
        assert wb.pending_inputs("itfaiye") == {"itfaiye.trafik_kazasi": "12a"}
