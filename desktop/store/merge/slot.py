"""The name under which a merge checks each department file in turn, on its checking connection.

A file attached with ``ATTACH`` costs SQLite more than opening it: ``DETACH`` expires
every prepared statement of the connection, so each of the thirty-odd statements that
check the next file is parsed and planned again (a third of checking a small file,
measured). A ``Slot`` instead keeps an in-memory database attached for the whole merge
and loads each file's bytes into it (``sqlite3_deserialize``): statements prepared for
one file stay prepared for the next.

Two things make that safe:

* **One layout.** A prepared statement has its tables' root pages and columns built in,
  and SQLite prepares it again only when the file's schema cookie differs; a file with
  the cookie of the last one but its tables at other pages (whatever made it) would be
  read through the last one's pages. So each loaded file's layout (``layout``: its
  header's schema cookie, schema format and text encoding, and every row of its
  ``sqlite_master`` with its root page, read from the file itself) is compared with the
  layout the prepared statements were made for; when it differs, the in-memory database
  is detached and attached again (which expires every statement) and the file loaded into
  the fresh one. Files made by Faaliyet from one schema share one layout.
* **No statement left reading.** Loading replaces the database under any statement still
  reading it, and SQLite 3.40 does not refuse that (``DETACH`` does: "database is
  locked"). The connection is a ``Tracked`` one, which keeps a weak reference to every
  cursor it makes; when any is still alive at the next load, the database is detached
  instead (refused while a statement reads it: the caller then replaces the connection).

A file larger than ``IN_MEMORY_BYTES``, or a connection that is not ``Tracked`` or an
SQLite without ``deserialize``, is attached read-only from its private copy and
detached after (memory stays bounded by the largest file either way: one file at a time).
"""

from __future__ import annotations

import sqlite3
import urllib.parse
import weakref
from pathlib import Path

from ..file.safe_open import absolute

IN_MEMORY_BYTES = 32 << 20  # larger files are attached from their private copy
_HEADER = (slice(40, 48), slice(56, 60))  # schema cookie, schema format; text encoding


class Tracked(sqlite3.Connection):
    """A connection that knows whether a cursor it made may still hold a statement (``busy``)."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._made: list[weakref.ref] = []

    def cursor(self, *args, **kwargs):
        made = super().cursor(*args, **kwargs)
        self._made.append(weakref.ref(made))
        return made

    def execute(self, sql, parameters=(), /):
        made = super().execute(sql, parameters)
        self._made.append(weakref.ref(made))
        return made

    def executemany(self, sql, parameters, /):
        made = super().executemany(sql, parameters)
        self._made.append(weakref.ref(made))
        return made

    def busy(self) -> bool:
        """Whether a cursor made since the last call is still alive (its statement may be unfinished)."""
        alive = any(ref() is not None for ref in self._made)
        self._made.clear()
        return alive


def layout(conn: sqlite3.Connection, name: str, data: bytes) -> tuple:
    """What a prepared statement over the file loaded as ``name`` has built in (see the module)."""
    rows = conn.execute(f"SELECT type, name, tbl_name, rootpage, sql FROM {name}.sqlite_master ORDER BY rowid").fetchall()
    return (*(bytes(data[s]) for s in _HEADER), tuple(rows))


class Slot:
    """The database ``name`` on ``conn`` into which each file is loaded (``load``)."""

    def __init__(self, conn: sqlite3.Connection, name: str):
        self.conn, self.name = conn, name
        self.in_memory = isinstance(conn, Tracked) and hasattr(conn, "deserialize")
        self._memory = False  # the in-memory database is attached
        self._file = False  # a file is attached (the large-file way)
        self._layout: tuple | None = None  # the layout the prepared statements were made for

    def free(self) -> None:
        """The last file let go where it must be: an attached one detached; a loaded one when a
        cursor that read it is still alive. Raises sqlite3.Error while a statement still reads it
        (then the connection must be replaced)."""
        self.unload()
        if isinstance(self.conn, Tracked) and self.conn.busy():
            self._detach_memory()

    def load(self, copy: Path, data: bytes | None = None) -> None:
        """The file (``data``: its bytes, when read already; else read from ``copy``) as ``name``,
        after ``free``. Raises sqlite3.Error when SQLite cannot read it."""
        if self.in_memory and data is None:
            data = _read(copy)
        if not self.in_memory or data is None or len(data) > IN_MEMORY_BYTES:
            self._detach_memory()
            uri = "file:" + urllib.parse.quote(absolute(copy)) + "?mode=ro"
            self.conn.execute(f"ATTACH DATABASE ? AS {self.name}", (uri,))
            self._file = True
            return
        if not self._memory:
            self._attach_memory()
        self.conn.deserialize(data, name=self.name)
        found = layout(self.conn, self.name, data)
        if self._layout is not None and found != self._layout:
            self._detach_memory()  # every statement prepared for the last layout expires
            self._attach_memory()
            self.conn.deserialize(data, name=self.name)
            found = layout(self.conn, self.name, data)
        self._layout = found

    def unload(self) -> None:
        """An attached file let go; a loaded one stays until the next ``load`` or ``close``."""
        if self._file:
            self._file = False
            self.conn.execute(f"DETACH DATABASE {self.name}")

    def close(self) -> None:
        self.unload()
        self._detach_memory()

    def _attach_memory(self) -> None:
        self.conn.execute(f"ATTACH DATABASE ':memory:' AS {self.name}")
        self._memory, self._layout = True, None

    def _detach_memory(self) -> None:
        if self._memory:
            self.conn.execute(f"DETACH DATABASE {self.name}")
            self._memory, self._layout = False, None


def _read(path: Path) -> bytes | None:
    """The file's bytes; None when larger than ``IN_MEMORY_BYTES`` or unreadable (then it is
    attached, and SQLite says why it cannot be read)."""
    try:
        with path.open("rb") as f:
            data = f.read(IN_MEMORY_BYTES + 1)
    except OSError:
        return None
    return data if len(data) <= IN_MEMORY_BYTES else None
