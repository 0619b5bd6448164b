"""The content hash of a department's data, and the snapshot it is computed from.

The hash is SHA-256 over a canonical JSON serialization of what was entered
for one department: its entries, indicators, activities and photo lists, never
timestamps, authors, row ids or photo positions (only their order). The same
data gives the same hash in a department file, in its "Gönderilecek kopya" and
in the consolidated file it was merged into.

Canonical form (version 1), compact JSON with ``ensure_ascii=False``::

    {"v":1,
     "e":[[key, value], ...],                         # entry, by key
     "i":[[key, actual, explanation, source], ...],   # indicator, by key
     "a":[[key, actual_cost, explanation, source], ...],
     "p":[[list_key, [[sha256, caption, mime, w, h], ...]], ...]}  # by list, in order

Values are the stored SQLite values: an INTEGER is a JSON integer, a REAL a
JSON number with a point (``2.0``), so a changed storage type changes the
hash. A BLOB (never written by Faaliyet) is serialized as ``{"blob": hex}``.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from itertools import chain

import msgspec

from ...core.sha import sha256_hex

VERSION = 1


def _default(obj):
    if isinstance(obj, (bytes, bytearray, memoryview)):
        return {"blob": bytes(obj).hex()}
    raise TypeError(type(obj))


def canonical(obj) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"), default=_default)


# The kinds of value msgspec writes exactly as ``canonical`` (the stdlib's json) does: the same
# digits for an integer, null, and for text the same escapes (\" \\ \b \f \n \r \t, \u00xx for
# the other control characters, every other character as it is; tests/test_fingerprint.py
# compares every code point). A float (msgspec writes 1e16 where json writes 1e+16), a blob (base64
# there, ``{"blob": hex}`` here) or a str subclass (``BadText``) makes the whole text go through json.
_EXACT = frozenset({int, str, type(None)})


def _rows_canonical(rows: list) -> str:
    """``canonical`` of a list of flat rows (tuples of stored values), by msgspec when every value
    is one of ``_EXACT``'s kinds (a tenth of the time: the rows are a department's whole data)."""
    if set(map(type, chain.from_iterable(rows))) <= _EXACT:
        return msgspec.json.encode(rows).decode("utf-8")
    return canonical(rows)


# A department's value keys all start with "<department>." (see Definition.slots):
# this range lets SQLite use the primary key instead of scanning every department.
ENTRY_RANGE = "key >= ?2 AND key < ?3"


def key_range(department: str) -> tuple[str, str, str]:
    """(department, first key, end) for ENTRY_RANGE; '/' is the character after '.'."""
    return department, department + ".", department + "/"


@dataclass
class Snapshot:
    """One department's data as rows (no timestamps, no authors)."""

    entries: list = field(default_factory=list)  # (key, value)
    indicators: list = field(default_factory=list)  # (key, actual, explanation, source)
    activities: list = field(default_factory=list)  # (key, actual_cost, explanation, source)
    photos: list = field(default_factory=list)  # (list_key, [(sha256, caption, mime, w, h), ...])
    _text: str = field(default="", repr=False, compare=False)

    def canonical(self) -> str:
        """The canonical JSON (computed once: a snapshot is not changed after reading). Written by
        parts, each as ``canonical`` writes it inside the whole (compact: the whole is the parts
        joined)."""
        if not self._text:
            parts = (_rows_canonical(self.entries), _rows_canonical(self.indicators), _rows_canonical(self.activities))
            self._text = f'{{"v":{VERSION},"e":{parts[0]},"i":{parts[1]},"a":{parts[2]},"p":{canonical(self.photos)}}}'
        return self._text

    @property
    def hash(self) -> str:
        return sha256_hex(self.canonical().encode("utf-8"))

    def counts(self) -> dict[str, int]:
        """The units a merge counts, by kind: values, indicators' actuals, activities' costs (set
        ones), photo lists."""
        return {
            "e": len(dict(self.entries)),
            "i": len({r[0] for r in self.indicators if r[1] is not None}),
            "a": len({r[0] for r in self.activities if r[1] is not None}),
            "p": len(dict(self.photos)),
        }

    @property
    def empty(self) -> bool:
        return not (self.entries or self.indicators or self.activities or self.photos)


def read(conn: sqlite3.Connection, department: str, schema: str = "main") -> Snapshot:
    """The department's rows from ``schema`` (``main`` or an attached name)."""
    s = schema
    snap = Snapshot()
    snap.entries = conn.execute(
        f"SELECT key, value FROM {s}.entry WHERE {ENTRY_RANGE} AND department = ?1 ORDER BY key", key_range(department)
    ).fetchall()
    snap.indicators = conn.execute(
        f"SELECT key, actual, explanation, source FROM {s}.indicator WHERE department = ? ORDER BY key", (department,)
    ).fetchall()
    snap.activities = conn.execute(
        f"SELECT key, actual_cost, explanation, source FROM {s}.activity WHERE department = ? ORDER BY key", (department,)
    ).fetchall()
    photos: dict[str, list] = {}
    for list_key, sha, caption, mime, w, h in conn.execute(
        f"SELECT list_key, sha256, caption, mime, width, height FROM {s}.photo WHERE department = ? ORDER BY list_key, position, id",
        (department,),
    ):
        photos.setdefault(list_key, []).append((sha, caption, mime, w, h))
    snap.photos = [(k, v) for k, v in photos.items()]
    return snap


def who_changed(conn: sqlite3.Connection, unit: tuple, schema: str = "main") -> tuple[str, str]:
    """(who, when) of the last change of a unit (see ``conflicts.py``): its row, else its audit rows."""
    kind, key, s = unit[0], unit[1], schema
    sql = {
        "e": f"SELECT changed_by, changed_at FROM {s}.entry WHERE key = ?",
        "i": f"SELECT changed_by, changed_at FROM {s}.indicator WHERE key = ?",
        "a": f"SELECT changed_by, changed_at FROM {s}.activity WHERE key = ?",
        "p": f"SELECT changed_by, changed_at FROM {s}.photo WHERE list_key = ? ORDER BY changed_at DESC LIMIT 1",
    }[kind]
    row = conn.execute(sql, (key,)).fetchone()
    if row is None:
        row = conn.execute(
            f"SELECT who, at FROM {s}.audit WHERE target = ? AND attribute != 'okunamayan_giris' ORDER BY id DESC LIMIT 1", (key,)
        ).fetchone()
    return (row[0], row[1]) if row else ("?", "")


def content_hash(conn: sqlite3.Connection, department: str, schema: str = "main") -> str:
    return read(conn, department, schema).hash


def newest_change(conn: sqlite3.Connection, department: str, schema: str = "main") -> str:
    """The latest changed_at/audit time of the department's data and status ('' if none)."""
    s = schema
    row = conn.execute(
        f"SELECT max(t) FROM (SELECT max(changed_at) AS t FROM {s}.entry WHERE department = ?1 "
        f"UNION ALL SELECT max(changed_at) FROM {s}.indicator WHERE department = ?1 "
        f"UNION ALL SELECT max(changed_at) FROM {s}.activity WHERE department = ?1 "
        f"UNION ALL SELECT max(changed_at) FROM {s}.photo WHERE department = ?1 "
        f"UNION ALL SELECT max(changed_at) FROM {s}.status WHERE department = ?1 "
        f"UNION ALL SELECT max(at) FROM {s}.audit WHERE department = ?1 AND attribute != 'okunamayan_giris')",
        (department,),
    ).fetchone()
    return row[0] or ""


def history_hash(conn: sqlite3.Connection, department: str | None = None) -> str | None:
    """SHA-256 over the earlier years a file holds (its ``history`` rows, of ``department`` or of
    all), in the canonical JSON above: ``[[year, target, attribute, value], ...]`` by year, target
    and attribute. None when it holds none (a file without history keeps the hash it had)."""
    where, args = ("WHERE department = ?", (department,)) if department else ("", ())
    rows = conn.execute(
        f"SELECT year, target, attribute, value FROM history {where} ORDER BY year, target, attribute", args
    ).fetchall()
    if not rows:
        return None
    return sha256_hex(canonical({"v": VERSION, "h": [list(r) for r in rows]}).encode("utf-8"))
