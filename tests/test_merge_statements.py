"""What a merge asks of SQLite: structural properties of the statements it runs (no timing).

Each proof here is one a faster merge relies on: a merge checks its files on one connection
(each file loaded in turn into one in-memory database, ``slot.py``; a large one attached from its
private copy) and reads each in one read transaction, the comparisons
read the target in one, and a department proven empty is written without the statements
that would delete nothing.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from merge_support import KEY, dept_hash, edit, rows

from desktop.store.file import definition_store, department_rows
from desktop.store.file.workbook import Workbook
from desktop.store.merge import checker, incoming, private_copy, slot
from desktop.store.merge import run as merge_run
from desktop.store.merge.run import merge_files

pytestmark = [pytest.mark.definition("small"), pytest.mark.usefixtures("clock")]


def _traced(conn: sqlite3.Connection) -> list[tuple[str, bool]]:
    """Every statement ``conn`` runs from now on, with whether it ran inside a transaction."""
    seen: list[tuple[str, bool]] = []
    conn.set_trace_callback(lambda sql: seen.append((sql, conn.in_transaction)))
    return seen


def _blocks(trace: list[tuple[str, bool]]) -> list[list[tuple[str, bool]]]:
    """The statements between each BEGIN and the ROLLBACK that ends it."""
    out, start = [], None
    for i, (sql, _in_tx) in enumerate(trace):
        if sql == "BEGIN":
            start = i
        elif sql == "ROLLBACK" and start is not None:
            out.append(trace[start + 1 : i])
            start = None
    return out


def _checking_traced(monkeypatch) -> list[list[tuple[str, bool]]]:
    """The traces (``_traced``) of every checking connection a merge makes from now on."""
    made: list[list[tuple[str, bool]]] = []
    real = checker.checking_connection

    def checking_connection(*args):
        conn = real(*args)
        made.append(_traced(conn))
        return conn

    monkeypatch.setattr(checker, "checking_connection", checking_connection)
    return made


def test_a_merge_checks_its_files_on_one_connection_each_in_one_read_transaction(consolidated_path, files, monkeypatch):
    made = _checking_traced(monkeypatch)
    result = merge_files(consolidated_path, [files["itfaiye"], files["imar"]], dry_run=True)
    assert {f.status for f in result.files} == {"planned"}
    assert len(made) == 1  # the settings made once per merge, not once per file
    trace = made[0]
    # one in-memory database for the merge, each file loaded into it: nothing is detached between
    # files (a DETACH expires every prepared statement), so the checks are prepared once
    assert [sql for sql, _in_tx in trace if sql.startswith(("ATTACH DATABASE", "DETACH"))] == [
        f"ATTACH DATABASE ':memory:' AS {checker.CHECKED}"
    ]
    blocks = _blocks(trace)
    assert len(blocks) == 2
    for reads in blocks:
        assert any("quick_check" in sql for sql, _in_tx in reads)
        assert len(reads) > 10 and all(in_tx for _sql, in_tx in reads), [sql for sql, in_tx in reads if not in_tx]


def test_a_large_file_is_attached_from_its_private_copy(consolidated_path, files, monkeypatch):
    """Above ``slot.IN_MEMORY_BYTES`` a file is not loaded into memory: it is attached read-only for
    its check and detached after; the merge is the same."""
    made = _checking_traced(monkeypatch)
    monkeypatch.setattr(slot, "IN_MEMORY_BYTES", 1000)
    monkeypatch.setattr(private_copy, "IN_MEMORY_BYTES", 1000)
    result = merge_files(consolidated_path, [files["itfaiye"], files["imar"]])
    assert [f.status for f in result.files] == ["imported", "imported"]
    attached = [sql for sql, _in_tx in made[0] if sql.startswith(("ATTACH DATABASE", "DETACH"))]
    assert len(attached) == 4 and all("mode=ro" in sql for sql in attached[::2]), attached
    assert all(sql.startswith("DETACH") for sql in attached[1::2])
    for dept in ("itfaiye", "imar"):
        assert dept_hash(consolidated_path, dept) == dept_hash(files[dept], dept)


def _rebuilt(source: Path, dest: Path, cookie_of: Path) -> None:
    """``source`` written again with its objects created in the opposite order (so its tables lie at
    other pages), the same rows and settings, and the schema cookie of ``cookie_of``: a file a
    prepared statement for ``cookie_of`` would read through the wrong pages."""
    old = sqlite3.connect(source)
    objects = old.execute("SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY rowid").fetchall()
    settings = [old.execute(f"PRAGMA {p}").fetchone()[0] for p in ("application_id", "user_version")]
    old.close()
    new = sqlite3.connect(dest, isolation_level=None)
    for _type, _name, sql in sorted(reversed(objects), key=lambda o: o[0] != "table"):  # tables first
        new.execute(sql)
    new.execute("ATTACH DATABASE ? AS old", (str(source),))
    for type_, name, _sql in objects:
        if type_ == "table":
            new.execute(f"INSERT INTO main.{name} SELECT * FROM old.{name}")
    new.execute("DETACH DATABASE old")
    new.execute(f"PRAGMA application_id = {settings[0]}")
    new.execute(f"PRAGMA user_version = {settings[1]}")
    with sqlite3.connect(cookie_of) as other:
        cookie = other.execute("PRAGMA schema_version").fetchone()[0]
    new.execute(f"PRAGMA schema_version = {cookie}")
    new.close()


def test_a_file_with_the_last_ones_cookie_but_other_pages_is_read_through_its_own(consolidated_path, files, tmp_path):
    """SQLite prepares a statement again only when the schema cookie differs: a file with the last
    file's cookie and its tables at other pages is loaded into a fresh database (``slot.layout``),
    so its own rows are what is checked and written."""
    moved = tmp_path / "kars-2020-itfaiye.faaliyet"
    _rebuilt(files["itfaiye"], moved, cookie_of=files["imar"])
    page = "SELECT rootpage FROM sqlite_master WHERE name = 'entry'"
    assert rows(moved, page) != rows(files["imar"], page)
    assert rows(moved, "PRAGMA schema_version") == rows(files["imar"], "PRAGMA schema_version")
    result = merge_files(consolidated_path, [files["imar"], moved])
    assert [f.status for f in result.files] == ["imported", "imported"], result.summary_lines()
    assert dept_hash(consolidated_path, "itfaiye") == dept_hash(files["itfaiye"], "itfaiye")
    assert dept_hash(consolidated_path, "imar") == dept_hash(files["imar"], "imar")


def test_a_copy_left_in_use_by_an_unfinished_statement_does_not_stop_the_next_check(files, tmp_path):
    checking = checker.Checker()
    first, second = tmp_path / "a.faaliyet", tmp_path / "b.faaliyet"
    shutil.copy(files["itfaiye"], first)
    shutil.copy(files["imar"], second)
    conn = checking.attach(first, first.name)
    cursor = conn.execute(f"SELECT key FROM {checker.CHECKED}.entry")
    assert cursor.fetchone() is not None  # one row read, the statement not finished (an error would leave it so)
    checking.detach()
    # loading over a statement still reading would leave it reading freed memory: the connection
    # that holds it is replaced instead
    again = checking.attach(second, second.name)
    assert again is not conn
    assert again.execute(f"SELECT value FROM {checker.CHECKED}.meta WHERE key = 'department'").fetchone() == ("imar",)
    checking.detach()
    # a cursor kept after its statement finished: the copy is detached and loaded into a fresh database
    kept = again.execute(f"SELECT count(*) FROM {checker.CHECKED}.entry")
    assert kept.fetchone()[0] > 0
    assert checking.attach(first, first.name) is again
    assert again.execute(f"SELECT value FROM {checker.CHECKED}.meta WHERE key = 'department'").fetchone() == ("itfaiye",)
    checking.detach()
    checking.close()
    del cursor, kept


def test_the_comparisons_read_the_target_in_one_transaction(consolidated_path, files, monkeypatch):
    merge_files(consolidated_path, [files["itfaiye"]])
    edit(files["itfaiye"], {KEY: 5})
    inside: list[bool] = []
    real = merge_run._compare

    def compare(wb, *args):
        inside.append(wb.conn.in_transaction)
        return real(wb, *args)

    monkeypatch.setattr(merge_run, "_compare", compare)
    with Workbook.open(consolidated_path, user="strateji") as wb:
        result = merge_files(wb, [files["itfaiye"], files["imar"]])
        assert not wb.conn.in_transaction  # ended before writing
    assert inside == [True, True]
    assert [f.status for f in result.files] == ["imported", "imported"]
    assert dept_hash(consolidated_path, "itfaiye") == dept_hash(files["itfaiye"], "itfaiye")


def test_a_department_proven_empty_is_written_without_deleting_first(consolidated_path, files):
    with Workbook.open(consolidated_path, user="strateji") as wb:
        seen = _traced(wb.conn)
        merge_files(wb, [files["itfaiye"]])
        wb.conn.set_trace_callback(None)
    assert not [sql for sql, _in_tx in seen if sql.startswith("DELETE")]
    assert any(sql.startswith("INSERT INTO main.entry") for sql, _in_tx in seen)
    assert dept_hash(consolidated_path, "itfaiye") == dept_hash(files["itfaiye"], "itfaiye")

    # the department now holds rows: the next import deletes them first, so a value the
    # clerk cleared is gone from the consolidated file too
    edit(files["itfaiye"], {KEY: None})
    with Workbook.open(consolidated_path, user="strateji") as wb:
        seen = _traced(wb.conn)
        result = merge_files(wb, [files["itfaiye"]])
        wb.conn.set_trace_callback(None)
    assert result.files[0].status == "imported"
    deletes = [sql for sql, _in_tx in seen if sql.startswith("DELETE")]
    assert {sql.split()[2] for sql in deletes} == {"main.entry", "main.indicator", "main.activity", "main.photo"}
    assert rows(consolidated_path, "SELECT count(*) FROM entry WHERE key = ?", KEY) == [(0,)]
    assert dept_hash(consolidated_path, "itfaiye") == dept_hash(files["itfaiye"], "itfaiye")


def test_a_copy_sqlite_cannot_read_is_refused_and_the_next_file_is_still_checked(consolidated_path, files, tmp_path):
    damaged = tmp_path / "kars-2020-bozuk.faaliyet"
    data = bytearray(files["itfaiye"].read_bytes())
    data[100:1000] = bytes(900)  # the schema's page after the header: SQLite cannot read the schema
    damaged.write_bytes(bytes(data))
    result = merge_files(consolidated_path, [damaged, files["imar"]])
    assert [f.status for f in result.files] == ["refused", "imported"]
    message = result.files[0].message
    assert "bozuk" in message and "kars-2020-bozuk.faaliyet" in message
    assert "unable to open database" not in message and "faaliyet-birlestir" not in message  # not the private copy's path
    assert dept_hash(consolidated_path, "imar") == dept_hash(files["imar"], "imar")


def test_a_merge_leaves_the_objects_there_before_it_out_of_the_collectors_walks(consolidated_path, files, monkeypatch):
    """The open year is frozen (``core/heap.py``) while files are checked and written, and given back after."""
    import gc

    seen: list[int] = []
    real = incoming.check_incoming

    def checking(*args, **kwargs):
        seen.append(gc.get_freeze_count())
        return real(*args, **kwargs)

    monkeypatch.setattr(merge_run, "check_incoming", checking)
    assert gc.get_freeze_count() == 0
    result = merge_files(consolidated_path, [files["itfaiye"]])
    assert [f.status for f in result.files] == ["imported"]
    assert seen and seen[0] > 1000
    assert gc.get_freeze_count() == 0


def test_a_damaged_file_is_refused_in_a_few_words(consolidated_path, files, tmp_path):
    """quick_check's findings for an attached database come as one text of many lines headed by
    SQLite's name for it ("*** in database inc ***"): the refusal shows the first few findings on
    one line, never the merge's internal name or a page-by-page list."""
    damaged = tmp_path / "kars-2020-bozuk.faaliyet"
    data = bytearray(files["itfaiye"].read_bytes())
    page = int.from_bytes(data[16:18], "big")
    data[page + 904 : 2 * page + 808] = bytes(page - 96)  # the second page's cells and the third's header
    damaged.write_bytes(bytes(data))
    result = merge_files(consolidated_path, [damaged, files["imar"]])
    assert [f.status for f in result.files] == ["refused", "imported"]
    message = result.files[0].message
    assert "bozuk" in message and "kars-2020-bozuk.faaliyet" in message
    assert "\n" not in message and "in database" not in message and "inc" not in message.split()
    assert len(message) < 400, message


def _counted_proven(monkeypatch) -> list[str]:
    """The departments whose pre-filter lists (``department_rows.proven``) are made from now on."""
    made: list[str] = []
    real = department_rows.proven

    def proven(check, dept):
        made.append(dept)
        return real(check, dept)

    monkeypatch.setattr(department_rows, "proven", proven)
    return made


def test_what_a_merge_makes_of_the_definition_is_made_once_while_the_file_is_open(consolidated_path, files, monkeypatch):
    """A department's pre-filter lists and the parts its file must carry come from the definition
    alone: two merges into the same open file make them once (they were made for every file)."""
    made = _counted_proven(monkeypatch)
    expected = []
    real_expected = definition_store.expected
    monkeypatch.setattr(definition_store, "expected", lambda d, dept: expected.append(dept) or real_expected(d, dept))
    with Workbook.open(consolidated_path) as wb:
        first = merge_files(wb, [files["itfaiye"], files["imar"]])
        edit(files["itfaiye"], {KEY: 99})
        second = merge_files(wb, [files["itfaiye"], files["imar"]])
    assert [f.status for f in first.files] == ["imported", "imported"]
    assert [f.status for f in second.files] == ["imported", "unchanged"]
    assert sorted(made) == sorted(expected) == ["imar", "itfaiye"]
    assert rows(consolidated_path, "SELECT value FROM entry WHERE key = ?", KEY) == [(99,)]


def test_a_file_opened_again_makes_them_again_from_its_own_definition(consolidated_path, files, monkeypatch):
    """Nothing made of one open file's definition is used for another (the CLI opens the file for
    every merge): each open file makes its own."""
    made = _counted_proven(monkeypatch)
    for i in range(2):
        edit(files["itfaiye"], {KEY: 90 + i})  # a new file each time: checked each time
        with Workbook.open(consolidated_path) as wb:
            known = incoming.stored_definition(wb)
            assert known.definition is wb.definition and known is incoming.stored_definition(wb)
            assert merge_files(wb, [files["itfaiye"]]).files[0].status == "imported"
    assert made == ["itfaiye", "itfaiye"]


def test_lists_kept_from_an_earlier_merge_still_find_what_a_forged_file_holds(consolidated_path, files, tmp_path):
    """The second merge's pre-filter uses the lists the first made: a row of another department
    forged into the department's file is still found (the lists say what is proven, never what
    is not)."""
    forged = tmp_path / "sahte.faaliyet"
    shutil.copy(files["itfaiye"], forged)
    other = rows(files["imar"], "SELECT key FROM entry WHERE typeof(value) = 'integer' LIMIT 1")[0][0]
    with sqlite3.connect(forged) as conn:  # a whole number, as the pre-filter proves: in a slot of imar's
        conn.execute(
            "INSERT INTO entry (key, department, value, changed_at, changed_by) SELECT ?, 'itfaiye', 5, changed_at, "
            "changed_by FROM entry LIMIT 1",
            (other,),
        )
    with Workbook.open(consolidated_path) as wb:
        assert [f.status for f in merge_files(wb, [files["itfaiye"]]).files] == ["imported"]
        assert "itfaiye" in incoming.stored_definition(wb).proven
        refused = merge_files(wb, [forged]).files[0]
    assert refused.status == "refused" and "başka bir birime ait" in str(refused.message), refused.message
