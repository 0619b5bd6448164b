"""Damaged, foreign and hostile files are refused cleanly and left as they were."""

import hashlib
import shutil
import sqlite3

import pytest

from desktop.store.errors import DamagedWorkbook, NewerWorkbook, NotAWorkbook, WorkbookError
from desktop.store.file.workbook import Workbook


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def refused(path, exc=WorkbookError, incoming=False):
    before = digest(path) if path.is_file() else None
    with pytest.raises(exc) as info:
        Workbook.open(path, incoming=incoming)
    message = str(info.value)
    assert message and "Traceback" not in message
    assert any(ch in message for ch in "çğıöşüÇĞİÖŞÜ"), message  # Turkish
    if before is not None:
        assert digest(path) == before  # untouched
    return message


@pytest.fixture
def filled(workbook_path):
    with Workbook.open(workbook_path) as wb:
        wb.set_values({f"itfaiye.makbuz.{m}.arac": i for i, m in enumerate(["ocak", "subat", "mart"])})
        wb.set_value("itfaiye.anlatim", "x" * 20000)  # several pages
    return workbook_path


def test_missing_file(tmp_path):
    assert "bulunamadı" in refused(tmp_path / "yok.faaliyet")


def test_empty_file(tmp_path):
    p = tmp_path / "bos.faaliyet"
    p.write_bytes(b"")
    assert "boş" in refused(p, NotAWorkbook)


def test_not_sqlite(tmp_path):
    p = tmp_path / "rapor.faaliyet"
    p.write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 20)
    assert "Faaliyet dosyası değil" in refused(p, NotAWorkbook)


def _zip(path, member: str) -> None:
    import zipfile

    with zipfile.ZipFile(path, "w") as z:
        z.writestr(member, b"x" * 2000)


def test_a_zip_says_to_take_the_file_out_of_it_first(tmp_path):
    """A department's file often arrives zipped by e-mail: the refusal says what it is and what to do."""
    p = tmp_path / "itfaiye.zip"
    _zip(p, "kars-2020-itfaiye.faaliyet")
    message = refused(p, NotAWorkbook)
    assert "sıkıştırılmış" in message and "Tümünü ayıkla" in message


def test_an_excel_file_says_where_its_values_are_taken_in(tmp_path):
    """The clerk opens the filled Excel template as if it were the department's file."""
    p = tmp_path / "itfaiye-sablon.xlsx"
    _zip(p, "xl/workbook.xml")
    message = refused(p, NotAWorkbook)
    assert "Excel" in message and "Excel şablonundan doldur" in message


def test_directory(tmp_path):
    assert "dosya değil" in refused(tmp_path, NotAWorkbook)


def test_foreign_sqlite_file(tmp_path):
    p = tmp_path / "baska.faaliyet"
    conn = sqlite3.connect(p)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    assert "başka bir uygulamanın" in refused(p, NotAWorkbook)


@pytest.mark.parametrize("cut", [1, 100, 4096, 4097])
def test_truncated(filled, cut):
    data = filled.read_bytes()
    filled.write_bytes(data[: len(data) - cut])
    refused(filled, (DamagedWorkbook, NotAWorkbook))


def test_truncated_at_page_boundary(filled):
    data = filled.read_bytes()
    page = int.from_bytes(data[16:18], "big")
    filled.write_bytes(data[: page * 2])
    refused(filled, DamagedWorkbook)


def test_flipped_bytes_in_pages(filled):
    data = bytearray(filled.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    for offset in range(page + 8, len(data), page):  # every b-tree page header
        data[offset : offset + 4] = b"\xff\xff\xff\xff"
    filled.write_bytes(bytes(data))
    refused(filled, DamagedWorkbook)


def test_newer_schema_version(workbook_path):
    conn = sqlite3.connect(workbook_path)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    assert "güncelleyin" in refused(workbook_path, NewerWorkbook)


@pytest.mark.parametrize(
    "sql",
    [
        "CREATE TRIGGER kotu AFTER INSERT ON entry BEGIN DELETE FROM audit; END",
        "CREATE VIEW v AS SELECT * FROM entry",
        "CREATE TABLE ek (x)",
        "CREATE INDEX ek_i ON entry (department)",
    ],
)
def test_objects_outside_the_allow_list(workbook_path, sql):
    conn = sqlite3.connect(workbook_path)
    conn.execute(sql)
    conn.commit()
    conn.close()
    assert "beklenmeyen bir yapı" in refused(workbook_path, DamagedWorkbook)


def test_an_object_whose_text_is_not_utf8_is_refused(workbook_path):
    """The schema is read with SQLite's own decoding; a text that is not UTF-8 is read again as
    ``BadText`` (no expected row) and named in the message, as before."""
    conn = sqlite3.connect(workbook_path)
    conn.execute("CREATE VIEW v AS SELECT 'a' AS x")
    conn.execute("PRAGMA writable_schema = ON")
    bad = b"CREATE VIEW v AS SELECT '\x80' AS x".hex()  # a byte that is no UTF-8 inside a string
    conn.execute(f"UPDATE sqlite_master SET sql = CAST(X'{bad}' AS TEXT) WHERE name = 'v'")
    conn.commit()
    conn.close()
    assert "view v" in refused(workbook_path, DamagedWorkbook)


def test_altered_table_definition(workbook_path):
    conn = sqlite3.connect(workbook_path)
    conn.execute("ALTER TABLE entry ADD COLUMN extra TEXT")
    conn.commit()
    conn.close()
    refused(workbook_path, DamagedWorkbook)


def test_wal_mode_without_wal_file(workbook_path):
    conn = sqlite3.connect(workbook_path)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.close()
    assert "WAL" in refused(workbook_path, NotAWorkbook)


def test_incoming_file_with_hot_journal(workbook_path):
    (workbook_path.parent / (workbook_path.name + "-journal")).write_bytes(b"\0" * 512)
    assert "-journal" in refused(workbook_path, DamagedWorkbook, incoming=True)


def test_tampered_definition_snapshot(workbook_path):
    conn = sqlite3.connect(workbook_path)
    conn.execute("UPDATE definition SET json = replace(json, 'Kars', 'Sahte')")
    conn.commit()
    conn.close()
    assert "değiştirilmiş" in refused(workbook_path, DamagedWorkbook)


def test_local_crash_journal_is_rolled_back(workbook_path, tmp_path):
    """A kill mid-transaction leaves a hot journal; opening restores the last commit."""
    with Workbook.open(workbook_path) as wb:
        wb.set_value("itfaiye.makbuz.ocak.arac", 1)
    snapshot = tmp_path / "snap"
    conn = sqlite3.connect(workbook_path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.execute("BEGIN IMMEDIATE")
    conn.execute("UPDATE entry SET value = 999")
    conn.execute("PRAGMA cache_size = 0")
    # copy the file and its journal as they are mid-transaction (like a power cut)
    conn.execute(
        "INSERT INTO audit (at, who, department, target, attribute) SELECT at, who, department, target, attribute FROM audit"
    )
    shutil.copy(workbook_path, snapshot)
    journal = workbook_path.parent / (workbook_path.name + "-journal")
    if journal.exists():
        shutil.copy(journal, tmp_path / "snap-journal")
    conn.execute("ROLLBACK")
    conn.close()
    if not (tmp_path / "snap-journal").exists():
        pytest.fail("expected a rollback journal during the transaction")
    with Workbook.open(snapshot) as wb:
        assert wb.get("itfaiye.makbuz.ocak.arac") == 1
