"""What a merge asks of SQLite: structural properties of the statements it runs (no timing).

Each proof here is one a faster merge relies on: the checks of an incoming file read it in
one read transaction, the comparisons read the target in one, and a department proven
empty is written without the statements that would delete nothing.
"""

from __future__ import annotations

import sqlite3

import pytest
from merge_support import KEY, dept_hash, edit, rows

from desktop.store.file.workbook import Workbook
from desktop.store.merge import incoming
from desktop.store.merge import run as merge_run
from desktop.store.merge.run import merge_files

pytestmark = [pytest.mark.definition("small"), pytest.mark.usefixtures("clock")]


def _traced(conn: sqlite3.Connection) -> list[tuple[str, bool]]:
    """Every statement ``conn`` runs from now on, with whether it ran inside a transaction."""
    seen: list[tuple[str, bool]] = []
    conn.set_trace_callback(lambda sql: seen.append((sql, conn.in_transaction)))
    return seen


def test_every_check_of_an_incoming_file_reads_it_in_one_transaction(consolidated_path, files, monkeypatch):
    traces: list[list[tuple[str, bool]]] = []
    real = incoming.connect

    def connect(path, readonly):
        conn = real(path, readonly)
        traces.append(_traced(conn))
        return conn

    monkeypatch.setattr(incoming, "connect", connect)
    result = merge_files(consolidated_path, [files["itfaiye"], files["imar"]], dry_run=True)
    assert {f.status for f in result.files} == {"planned"}
    checks = [t for t in traces if any("quick_check" in sql for sql, _in_tx in t)]
    assert len(checks) == 2
    for trace in checks:
        first = next(i for i, (sql, _in_tx) in enumerate(trace) if sql == "BEGIN")
        assert all(not sql.startswith("PRAGMA") or "=" in sql for sql, _in_tx in trace[:first])  # only the set-up
        after = trace[first + 1 :]
        assert len(after) > 10 and all(in_tx for _sql, in_tx in after), [sql for sql, in_tx in after if not in_tx]


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
