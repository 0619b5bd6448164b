"""The workbook schema, its version and the allow-list of schema objects.

A workbook is an SQLite file with ``PRAGMA application_id`` = APPLICATION_ID
and ``PRAGMA user_version`` = the schema version. Version 1 is created by
``MIGRATIONS[1]``; later versions add a function to ``MIGRATIONS``.
"""

from __future__ import annotations

import sqlite3

from ...core.i18n import _

APPLICATION_ID = 0x46414131  # "FAA1"
SCHEMA_VERSION = 4

_V1 = """
CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;
CREATE TABLE definition (
    digest TEXT PRIMARY KEY,
    id TEXT NOT NULL,
    version TEXT NOT NULL,
    json TEXT NOT NULL
) STRICT;
CREATE TABLE entry (
    key TEXT PRIMARY KEY,
    department TEXT NOT NULL,
    value ANY,
    changed_at TEXT NOT NULL,
    changed_by TEXT NOT NULL
) STRICT;
CREATE TABLE indicator (
    key TEXT PRIMARY KEY,
    department TEXT NOT NULL,
    actual ANY,
    explanation TEXT NOT NULL DEFAULT '',
    source TEXT NOT NULL DEFAULT '',
    changed_at TEXT NOT NULL,
    changed_by TEXT NOT NULL
) STRICT;
CREATE TABLE activity (
    key TEXT PRIMARY KEY,
    department TEXT NOT NULL,
    actual_cost INTEGER,
    explanation TEXT NOT NULL DEFAULT '',
    source TEXT NOT NULL DEFAULT '',
    changed_at TEXT NOT NULL,
    changed_by TEXT NOT NULL
) STRICT;
CREATE TABLE photo (
    id INTEGER PRIMARY KEY,
    department TEXT NOT NULL,
    list_key TEXT NOT NULL,
    position INTEGER NOT NULL,
    caption TEXT NOT NULL DEFAULT '',
    mime TEXT NOT NULL,
    width INTEGER NOT NULL,
    height INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    data BLOB NOT NULL,
    changed_at TEXT NOT NULL,
    changed_by TEXT NOT NULL
) STRICT;
CREATE INDEX photo_list ON photo (list_key, position);
CREATE TABLE status (
    department TEXT PRIMARY KEY,
    state TEXT NOT NULL,
    changed_at TEXT NOT NULL,
    changed_by TEXT NOT NULL,
    content_hash TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE TABLE audit (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    who TEXT NOT NULL,
    department TEXT NOT NULL,
    target TEXT NOT NULL,
    attribute TEXT NOT NULL,
    old ANY,
    new ANY
) STRICT;
CREATE INDEX audit_target ON audit (target);
CREATE TABLE import_log (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    by TEXT NOT NULL,
    department TEXT NOT NULL,
    file_name TEXT NOT NULL,
    file_hash TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    clerk TEXT NOT NULL DEFAULT '',
    submitted_at TEXT NOT NULL DEFAULT '',
    summary TEXT NOT NULL DEFAULT ''
) STRICT;
"""


def _v1(conn: sqlite3.Connection, name: str = "") -> None:
    for statement in _V1.split(";"):
        if statement.strip():
            conn.execute(statement)


# Version 2: the year cycle. ``history`` holds earlier years' values, keyed like this year's
# (``faaliyet year next`` / ``year history`` map renamed keys): ``attribute`` is ``value`` (target
# a value key), ``actual`` or ``explanation`` (an indicator key) or ``actual_cost`` (an activity
# key). Never edited by typing. The definition snapshot is written again in this version's
# canonical form (new settings with their defaults), so its digest stays its own.
_V2 = """
CREATE TABLE history (
    year INTEGER NOT NULL,
    department TEXT NOT NULL,
    target TEXT NOT NULL,
    attribute TEXT NOT NULL,
    value ANY,
    PRIMARY KEY (year, target, attribute)
) STRICT
"""


def _v2(conn: sqlite3.Connection, name: str = "") -> None:
    conn.execute(_V2)
    _recanonical(conn)


def _recanonical(conn: sqlite3.Connection) -> None:
    """The definition snapshot in schema 2's canonical JSON, and its digest (of that one text) in ``meta``.

    A snapshot that no longer decodes is left as it was: opening the file then reports it."""
    from ...core.definition import Definition  # noqa: PLC0415 - only when an old file is migrated
    from .definition_store import whole_digest  # noqa: PLC0415

    rows = conn.execute("SELECT digest, json FROM definition").fetchall()
    for digest, text in rows:
        try:
            definition = Definition.from_json(text)
        except ValueError:
            continue
        canonical = definition.canonical_json()
        new = whole_digest(canonical)
        if new == digest:
            continue
        conn.execute("UPDATE definition SET digest = ?, json = ? WHERE digest = ?", (new, canonical, digest))
        conn.execute("UPDATE meta SET value = ? WHERE key = 'definition_digest' AND value = ?", (new, digest))


# Version 3: the definition stored as parts (``definition_store.py``): ``definition`` holds its head
# and the root digest, ``definition_form`` one row per form (its summary, and its JSON when the file
# carries it: a department file carries its own form and the institution unit's).
_V3 = """
CREATE TABLE definition_form (
    position INTEGER PRIMARY KEY,
    department TEXT NOT NULL UNIQUE,
    slots INTEGER NOT NULL,
    digest TEXT NOT NULL,
    json TEXT
) STRICT
"""


def _v3(conn: sqlite3.Connection, name: str = "") -> None:
    conn.execute(_V3)


# Version 4: the plan stored as parts too (``core/plan_parts.py``): the head keeps its skeleton,
# ``definition_plan`` one row per plan slice the file carries (a department file: its own and the
# institution unit's); ``definition_department`` one row per department and ``definition_aim`` one
# per aim of the plan (without its items) the file carries (the head keeps only what does not grow
# with the departments); ``definition_leaves`` every part's digest of the year, in one value
# (``form_parts.pack_leaves``), which the root digest covers: a department file stores and verifies
# the year's definition without a row per other department (``definition_form`` holds only the
# forms the file carries too).
_V4 = (
    """
CREATE TABLE definition_plan (
    position INTEGER PRIMARY KEY,
    department TEXT NOT NULL UNIQUE,
    digest TEXT NOT NULL,
    json TEXT NOT NULL
) STRICT
""",
    """
CREATE TABLE definition_leaves (
    digest TEXT PRIMARY KEY,
    data BLOB NOT NULL
) STRICT
""",
    """
CREATE TABLE definition_department (
    position INTEGER PRIMARY KEY,
    department TEXT NOT NULL UNIQUE,
    digest TEXT NOT NULL,
    json TEXT NOT NULL
) STRICT
""",
    """
CREATE TABLE definition_aim (
    position INTEGER PRIMARY KEY,
    digest TEXT NOT NULL,
    json TEXT NOT NULL
) STRICT
""",
)


def _v4(conn: sqlite3.Connection, name: str = "") -> None:
    for statement in _V4:
        conn.execute(statement)


def _restore(conn: sqlite3.Connection, name: str, current: int) -> None:
    """The definition of a file of schema ``current`` (one JSON row before 3, parts with the whole
    plan in the head in 3) read, verified and written again as this schema's parts, its new
    digest in ``meta``; refused (DamagedWorkbook, the file left as it was) when it is not sound."""
    rows = conn.execute("SELECT digest FROM definition").fetchall()
    if not rows:
        return  # a new file (or the schema's expected objects): nothing stored yet
    from . import definition_store  # noqa: PLC0415 - only when an old file is migrated

    meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
    digest = meta.get("definition_digest")
    if len(rows) != 1 or rows[0][0] != digest:
        raise definition_store.DamagedWorkbook(
            _("'{name}' eksik: form tanımı dosyada yok. Dosyayı yeniden oluşturun.").format(name=name)
        )
    department = (meta.get("department") or None) if meta.get("kind") == "department" else None
    if current < 3:
        definition = definition_store.read_whole(conn, digest, name)  # refused (and the file left as it was) when bad
    else:  # schema 3's parts: read as that schema stored them (``user_version`` is still 3 here)
        definition = definition_store.read(conn, digest, name, department)
    if department is not None and definition.department(department) is None:
        department = None  # reported by the opening (the file's department is not the definition's): nothing dropped
    new = definition_store.write(conn, definition, department)
    conn.execute("UPDATE meta SET value = ? WHERE key = 'definition_digest'", (new,))


MIGRATIONS = {1: _v1, 2: _v2, 3: _v3, 4: _v4}


def migrate(conn: sqlite3.Connection, current: int, name: str = "") -> None:
    """Bring a schema from ``current`` to SCHEMA_VERSION inside one transaction (``name``: the
    file's, in the message of a definition that cannot be migrated). A stored definition is
    written again as this schema's parts once every table is there (``_restore``)."""
    for version in range(current + 1, SCHEMA_VERSION + 1):
        MIGRATIONS[version](conn, name)
    if 0 < current < SCHEMA_VERSION:
        _restore(conn, name, current)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
