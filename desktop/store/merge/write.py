"""Writing one planned import into the consolidated file (see ``run.py``).

One transaction per file on the target: the department's hash is checked
again, its rows are deleted and re-inserted from the attached private copy
(``ATTACH`` + ``INSERT … SELECT``; what is kept here is excluded from both),
indicator/activity rows with attributes from both sides are written from
Python, then the status, the ``import_log`` row and the audit rows.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
import urllib.parse
from dataclasses import dataclass, field

from ...core.i18n import _
from ..errors import WorkbookError
from ..file import fingerprint
from ..file.clock import now
from ..file.safe_open import absolute
from ..file.transaction import disk_error
from ..file.workbook import Workbook
from . import private_copy
from .conflicts import Decision, unit_id, units
from .incoming import Incoming
from .outcome import FileOutcome
from .private_copy import Spill


@dataclass
class Plan:
    outcome: FileOutcome
    inc: Incoming
    here_hash: str = ""
    last: dict | None = None
    data: bool = True  # False: only the status changes
    decision: Decision | None = None  # None: replace as a whole
    here_rows: dict = field(default_factory=dict)  # unit -> value in the target (for rows kept here)


# the content hash of a department without a single row (every table's rows are in its snapshot)
EMPTY_HASH = fingerprint.Snapshot().hash


def lists(snap: fingerprint.Snapshot) -> dict:
    return {"e": snap.entries, "i": snap.indicators, "a": snap.activities, "p": snap.photos}


def stamp(wb: Workbook) -> tuple[int, int]:
    """What has changed the file: commits of other connections (``data_version``) and rows this
    connection changed. Equal stamps: the file is as it was, no department's hash needs reading again."""
    return wb.conn.execute("PRAGMA data_version").fetchone()[0], wb.conn.total_changes


def write(wb: Workbook, plan: Plan, since: tuple[int, int] | None = None, spill: Spill | None = None) -> tuple[int, int]:
    """Write one plan; returns the ``stamp`` as of its commit (taken inside its transaction: a
    commit by anyone after it changes the stamp the next write compares). ``since``: the ``stamp``
    at which ``plan.here_hash`` was still the department's hash (None: read the hash again).
    ``spill``: where the check spilled the checked data's text (``private_copy``)."""
    inc, out = plan.inc, plan.outcome
    dept = inc.department
    uri = "file:" + urllib.parse.quote(absolute(inc.copy)) + "?mode=ro"
    try:
        wb.conn.execute("ATTACH DATABASE ? AS inc", (uri,))
    except sqlite3.Error as exc:  # the private copy could not be opened (I/O error, vanished)
        raise disk_error(exc) from None
    try:
        with wb.transaction() as conn:
            unchanged = since is not None and stamp(wb) == since
            if not unchanged and fingerprint.content_hash(conn, dept) != plan.here_hash:
                raise WorkbookError(
                    _("birleşik dosyada '{dept}' birimi bu sırada değiştirildi; birleştirmeyi yeniden başlatın.").format(
                        dept=dept
                    )
                )
            result_hash = plan.here_hash
            base = _checked_base(conn, inc, spill)
            if plan.data:
                keep = _keep_sets(plan)
                if plan.here_hash != EMPTY_HASH:  # proven above: the department holds no row to delete
                    _delete_department(conn, dept, keep)
                insert_department(conn, dept, keep)
                if plan.decision is not None:
                    _write_kept_rows(wb, conn, plan, keep, inc.read(conn, "inc"))
                result_hash = inc.content_hash if plan.decision is None else fingerprint.content_hash(conn, dept)
            _write_status(wb, conn, plan)
            _write_log(wb, conn, plan, result_hash, base)
            done = stamp(wb)
    finally:
        with contextlib.suppress(Exception):
            wb.conn.execute("DETACH DATABASE inc")
    wb._stored = None  # the department's rows were replaced: their problems are computed again when asked
    out.status = "imported" if plan.data else "status"
    return done


def _checked_base(conn: sqlite3.Connection, inc: Incoming, spill: Spill | None) -> str:
    """The checked data's canonical text, once it is proven that the attached private copy still
    holds that data: by the copy's seal and the spilled text's hash (``private_copy``), else by
    reading the copy's data again and comparing its hash (``Incoming.read`` refuses it)."""
    # the copy's read lock first: from here until COMMIT no writer can change what is imported
    conn.execute("SELECT count(*) FROM inc.sqlite_master").fetchone()
    if spill is not None and private_copy.unchanged(inc.copy, inc.sealed):
        text = spill.get(inc.base, inc.content_hash)
        if text is not None:
            return text
    return inc.read(conn, "inc").canonical()


def _keep_sets(plan: Plan) -> dict:
    """Keys excluded from the replace: entries and photo lists kept as they are here,
    indicator/activity rows rewritten from Python (some attributes here, some there)."""
    keep: dict[str, set] = {"e": set(), "p": set(), "i": set(), "a": set()}
    if plan.decision is None:
        return keep
    here_units = set(plan.decision.keep_here) | {
        u for u in plan.decision.conflicts if plan.outcome.resolved.get(unit_id(plan.inc.department, u)) == "ours"
    }
    for unit in here_units:
        keep[unit[0]].add(unit[1])
    return keep


def _delete_department(conn, dept: str, keep: dict) -> None:
    for table, col, kind in (
        ("entry", "key", "e"),
        ("indicator", "key", "i"),
        ("activity", "key", "a"),
        ("photo", "list_key", "p"),
    ):
        where = f"{fingerprint.ENTRY_RANGE} AND department = ?1" if table == "entry" else "department = ?1"
        kept, args = _kept(col, keep[kind], dept, ranged=table == "entry")
        conn.execute(f"DELETE FROM main.{table} WHERE {where}{kept}", args)


def insert_department(conn, dept: str, keep: dict) -> None:
    cols = {
        "entry": ("key", "e", "key, department, value, changed_at, changed_by"),
        "indicator": ("key", "i", "key, department, actual, explanation, source, changed_at, changed_by"),
        "activity": ("key", "a", "key, department, actual_cost, explanation, source, changed_at, changed_by"),
        "photo": (
            "list_key",
            "p",
            "department, list_key, position, caption, mime, width, height, sha256, data, changed_at, changed_by",
        ),
    }
    for table, (col, kind, names) in cols.items():
        order = " ORDER BY list_key, position, id" if table == "photo" else ""
        # the incoming file was checked (stored.py: every row its department's); the key range
        # is a second fence, so a field of another department can never be copied
        fence = f" AND {fingerprint.ENTRY_RANGE}" if table == "entry" else ""
        kept, args = _kept(col, keep[kind], dept, ranged=table == "entry")
        conn.execute(
            f"INSERT INTO main.{table} ({names}) SELECT {names} FROM inc.{table} WHERE department = ?1{kept}{fence}{order}",
            args,
        )


def _kept(col: str, keys: set, dept: str, ranged: bool) -> tuple[str, tuple]:
    """The condition leaving out the keys kept here, and the statement's parameters (the department,
    the key range when ``ranged``, then the kept keys as JSON); no condition when nothing is kept
    (the usual import: a lookup in an empty list per row was a tenth of copying the row)."""
    if not keys:
        return "", fingerprint.key_range(dept) if ranged else (dept,)
    return f" AND {col} NOT IN (SELECT value FROM json_each(?4))", (*fingerprint.key_range(dept), json.dumps(sorted(keys)))


def _write_kept_rows(wb: Workbook, conn, plan: Plan, keep: dict, snap: fingerprint.Snapshot) -> None:
    """Indicator/activity rows with at least one attribute kept here: the merged row."""
    if plan.decision is None:
        return
    dept = plan.inc.department
    there = units(lists(snap))
    kept = set(plan.decision.keep_here) | {
        u for u in plan.decision.conflicts if plan.outcome.resolved.get(unit_id(dept, u)) == "ours"
    }
    for kind, table, num in (("i", "indicator", "actual"), ("a", "activity", "actual_cost")):
        for key in sorted(keep[kind]):
            row = {}
            for attr in (num, "explanation", "source"):
                unit = (kind, key, attr)
                source = plan.here_rows if unit in kept else there
                row[attr] = source.get(unit, None if attr == num else "")
            # who/when of the row: where its number comes from
            who, at = fingerprint.who_changed(conn, (kind, key), "main" if (kind, key, num) in kept else "inc")
            conn.execute(f"DELETE FROM main.{table} WHERE key = ?", (key,))
            if row[num] is None and not row["explanation"] and not row["source"]:
                continue
            conn.execute(
                f"INSERT INTO main.{table} (key, department, {num}, explanation, source, changed_at, changed_by) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (key, dept, row[num], row["explanation"], row["source"], at, who),
            )
    for cid, choice in sorted(plan.outcome.resolved.items()):
        c = next(x for x in plan.outcome.conflicts if x.id == cid)
        scalar = c.unit[0] != "p"
        wb._audit(conn, dept, c.key, f"import.{choice}", c.here_raw if scalar else c.here, c.there_raw if scalar else c.there)


def _write_status(wb: Workbook, conn, plan: Plan) -> None:
    inc = plan.inc
    state = "gonderildi" if inc.state == "gonderildi" else "taslak"
    old = conn.execute("SELECT state FROM status WHERE department = ?", (inc.department,)).fetchone()
    # a submission taken back shows its reason on the board until the next state
    note = plan.outcome.reopened["reason"] if plan.outcome.reopened and state == "taslak" else ""
    conn.execute(
        "INSERT INTO status (department, state, changed_at, changed_by, content_hash, note) VALUES (?, ?, ?, ?, ?, ?) "
        "ON CONFLICT(department) DO UPDATE SET state = excluded.state, changed_at = excluded.changed_at, "
        "changed_by = excluded.changed_by, content_hash = excluded.content_hash, note = excluded.note",
        (inc.department, state, now(), wb.user, inc.content_hash, note),
    )
    if old is None or old[0] != state:
        wb._audit(conn, inc.department, inc.department, "state", old[0] if old else None, state)


def _write_log(wb: Workbook, conn, plan: Plan, result_hash: str, base: str) -> None:
    inc, out = plan.inc, plan.outcome
    summary = {
        "state": inc.state,
        "newest": inc.newest,
        "result_hash": result_hash,
        "definition_digest": inc.definition_digest,
        "changes": out.changes if plan.data else {"eklenen": 0, "degisen": 0, "silinen": 0},
        "kept_here": out.kept_here,
        "resolved": out.resolved,
        "reopen_seen": inc.reopened,  # compared at the next import: a taking back is reported once
        "reopened": out.reopened,
    }
    # the imported snapshot (the next import's common origin), as hashed (``base``); when only the
    # status changes it is the last import's base, whose hash is the same content hash
    text = fingerprint.canonical(summary)[:-1] + ',"base":' + base + "}"
    conn.execute(
        "INSERT INTO import_log (at, by, department, file_name, file_hash, content_hash, clerk, submitted_at, summary) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (now(), wb.user, inc.department, inc.path.name, inc.file_hash, inc.content_hash, inc.clerk, inc.submitted_at, text),
    )
    # only a department's newest import is ever compared against: the older rows keep
    # their hashes and counts but not their snapshot, or the file would grow by the
    # department's whole data at every import
    # (that is the last import's row, which the comparison read: found by its id, as the log has
    # no index by department and a scan of the whole log for every file grows with the year)
    last_id = (plan.last or {}).get("id")
    if last_id is not None:
        conn.execute(
            "UPDATE import_log SET summary = json_remove(summary, '$.base') WHERE id = ? AND department = ? "
            "AND json_valid(summary) AND json_type(summary, '$.base') IS NOT NULL",
            (last_id, inc.department),
        )
    previous = (plan.last or {}).get("content_hash")
    wb._audit(conn, inc.department, inc.department, "import", previous, inc.content_hash)
