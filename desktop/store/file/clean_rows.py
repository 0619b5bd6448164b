"""The SQL pre-filter of a consolidated file's rows: the entry and audit rows that need no look
in Python, proven so in SQL (``CleanRows``), and the choice of pre-filter for a file (``prefilter``;
a department file's is ``department_rows.py``). Either way the findings are those of ``RowCheck``.
"""

from __future__ import annotations

import contextlib
import sqlite3
from typing import TYPE_CHECKING

import msgspec

from .department_rows import SAFE_INTEGERS, DepartmentRows, Proven
from .stored_values import value_problem

if TYPE_CHECKING:
    from .row_check import RowCheck

# Rows (entries and audit rows, about) from which the SQL pre-filter of a consolidated file
# (``CleanRows``) pays for setting itself up; below, every row goes through the per-row rules.
# A department file's pre-filter (``department_rows.py``) sets nothing up and is used from
# ``DEPARTMENT_FILTER_FROM_ROWS``. Either way the findings are the same.
FILTER_FROM_ROWS = 4000
DEPARTMENT_FILTER_FROM_ROWS = 1


def prefilter(
    conn: sqlite3.Connection,
    check: RowCheck,
    schema: str,
    rows: int,
    negative: bool | None = None,
    known: dict[str, Proven] | None = None,
):
    """The pre-filter for a file of ``rows`` entry and audit rows (``known``: see ``DepartmentRows``)."""
    if check.dept is not None:
        return DepartmentRows(conn, check, schema, negative, known) if rows >= DEPARTMENT_FILTER_FROM_ROWS else AllRows()
    return CleanRows(conn, check, schema) if rows >= FILTER_FROM_ROWS else AllRows()


class AllRows:
    """No pre-filter: every row through ``RowCheck``."""

    entry = audit = ""
    args: dict = {}

    def drop(self) -> None:
        pass


class CleanRows:
    """The entry and audit rows that need no look in Python, proven so in SQL.

    A file holds a value per row and an audit row per change, each checked in
    Python (measured: ~20 ms for a file of 5.000 values and 5.000 audit rows,
    ~14 ms with this filter; below ``FILTER_FROM_ROWS`` the filter's setup costs
    more than it saves, so it is not used). The rules stay ``RowCheck``'s alone: they
    run here once per DISTINCT stored value (with its slot type), time and
    author (``value_problem``, ``good_time``), and only the ones with a problem
    are written to small temporary tables. A row whose key is one of the
    department's own entered slots (its department column the slot's) and whose
    value, time and author are none of those is left out of the Python loop;
    every other row (an unknown key, another department's, a computed cell, a
    value, time or author with any problem) still goes through ``RowCheck`` row by
    row, in table order, so the findings are the same ones. ``entry``/``audit``
    are the WHERE clauses that keep only those rows.
    """

    _TABLES = ("slot", "value", "time", "who")
    args: dict = {}

    def __init__(self, conn: sqlite3.Connection, check: RowCheck, schema: str):
        self.conn = conn
        self.names = {t: f"temp._faaliyet_clean_{t}_{id(self)}" for t in self._TABLES}
        # one savepoint: outside a transaction every INSERT would be a transaction of its own
        with _savepoint(conn):
            self._fill(check, schema)

    def _fill(self, check: RowCheck, s: str) -> None:
        conn, n = self.conn, self.names
        conn.execute(f"CREATE TABLE {n['slot']} (key TEXT PRIMARY KEY, department TEXT, type TEXT) WITHOUT ROWID")
        # stored bytes (CAST AS BLOB), not values: a text that is not UTF-8 reads into Python
        # changed (``BadText``) and would not find itself again
        conn.execute(f"CREATE TABLE {n['value']} (type TEXT, vtype TEXT, raw BLOB)")
        conn.execute(f"CREATE TABLE {n['time']} (raw BLOB)")
        conn.execute(f"CREATE TABLE {n['who']} (raw BLOB)")
        slots = check.d.slots_of(check.dept) if check.dept is not None else check.d.slots.values()
        rows = [(x.key, x.department, x.type) for x in slots if not x.computed]
        conn.execute(  # one statement: SQLite unpacks the list (binding row by row costs more than the check)
            f"INSERT INTO {n['slot']} SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]'), "
            "json_extract(value, '$[2]') FROM json_each(?)",
            (msgspec.json.encode(rows).decode(),),  # msgspec: the stdlib json module is not on the start-up path
        )
        # every value of a row with an entered slot's key, once per (type, storage class, value);
        # whole numbers SAFE_INTEGERS proves need no look
        values = (
            f"SELECT DISTINCT t.type, typeof(e.value), e.value, CAST(e.value AS BLOB) "
            f"FROM {s}.entry AS e JOIN {n['slot']} AS t ON t.key = e.key WHERE NOT {SAFE_INTEGERS}"
        )
        conn.executemany(
            f"INSERT INTO {n['value']} VALUES (?, ?, ?)",
            (r[:2] + r[3:] for r in conn.execute(values) if value_problem(r[0], r[2])),
        )
        times = f"SELECT changed_at, CAST(changed_at AS BLOB) FROM {s}.entry UNION SELECT at, CAST(at AS BLOB) FROM {s}.audit"
        conn.executemany(f"INSERT INTO {n['time']} VALUES (?)", (r[1:] for r in conn.execute(times) if not check.good_time(r[0])))
        whos = f"SELECT changed_by, CAST(changed_by AS BLOB) FROM {s}.entry UNION SELECT who, CAST(who AS BLOB) FROM {s}.audit"
        conn.executemany(f"INSERT INTO {n['who']} VALUES (?)", (r[1:] for r in conn.execute(whos) if type(r[0]) is not str))
        self.entry = (
            f"WHERE NOT (EXISTS (SELECT 1 FROM {n['slot']} AS t WHERE t.key = e.key AND t.department = e.department "
            f"AND NOT EXISTS (SELECT 1 FROM {n['value']} AS g WHERE g.type = t.type AND g.vtype = typeof(e.value) "
            "AND g.raw IS CAST(e.value AS BLOB))) "
            # SQLite finds -0.0 = 0.0 (DISTINCT keeps one of them): such a row is looked at alone
            "AND NOT (typeof(e.value) = 'real' AND e.value = 0) "
            f"AND CAST(e.changed_at AS BLOB) NOT IN (SELECT raw FROM {n['time']}) "
            f"AND CAST(e.changed_by AS BLOB) NOT IN (SELECT raw FROM {n['who']}))"
        )
        self.audit = (
            f"WHERE NOT (EXISTS (SELECT 1 FROM {n['slot']} AS t WHERE t.key = a.target AND t.department = a.department) "
            f"AND CAST(a.at AS BLOB) NOT IN (SELECT raw FROM {n['time']}) AND CAST(a.who AS BLOB) NOT IN (SELECT raw FROM {n['who']}))"
        )

    def drop(self) -> None:
        with _savepoint(self.conn):
            for name in self.names.values():
                self.conn.execute(f"DROP TABLE IF EXISTS {name}")


@contextlib.contextmanager
def _savepoint(conn: sqlite3.Connection):
    conn.execute("SAVEPOINT faaliyet_clean_rows")
    try:
        yield
    except BaseException:
        with contextlib.suppress(sqlite3.Error):
            conn.execute("ROLLBACK TO faaliyet_clean_rows")
            conn.execute("RELEASE faaliyet_clean_rows")
        raise
    conn.execute("RELEASE faaliyet_clean_rows")
