"""The connection a merge checks its incoming files on (``Checker``), one per merge.

Each private copy is loaded into it in turn under ``CHECKED`` (``slot.py``); its settings are
those of every connection to a file from elsewhere (``safe_open.checking_connection``).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from ..errors import WorkbookError
from ..file.safe_open import checking_connection, connect, unreadable_database, verify
from ..file.stored_values import text_factory
from .slot import Slot, Tracked

# the name under which each private copy is loaded on the checking connection (``Checker``)
CHECKED = "inc"


class Checker:
    """The connection a merge checks its files on: each private copy is loaded into it in turn
    as ``CHECKED`` (``slot.Slot``: its bytes into an attached in-memory database, so that the
    checks' statements are prepared once per merge; a large file attached read-only), over an
    empty in-memory main database. Its settings (``safe_open.checking_connection``: those of every
    connection to a file from elsewhere) are made once per merge, not once per file; the copy's
    tables are reachable unqualified too (main and temp hold none). Each copy is read in one read
    transaction (each statement outside one took and dropped the copy's lock, looked for a hot
    journal and read its header again)."""

    def __init__(self) -> None:
        self.conn = checking_connection(Tracked)
        self.slot = Slot(self.conn, CHECKED)

    def attach(self, copy: Path, name: str, data: bytes | None = None) -> sqlite3.Connection:
        """The connection with ``copy`` loaded (``data``: its bytes, when read already), in a read
        transaction; ``name``: the user's file."""
        try:
            self.slot.free()
        except sqlite3.Error:  # a statement still reads the last file (an error left it unfinished)
            self._renew()
        try:
            self.slot.load(copy, data)
        except sqlite3.Error as exc:
            self.detach()
            raise _why_unreadable(copy, name, exc) from None
        self.conn.text_factory = text_factory
        try:
            self.conn.execute("BEGIN")
        except BaseException:
            self.detach()  # never left attached: the next file's copy takes its name
            raise
        return self.conn

    def detach(self) -> None:
        """The copy let go (its lock, and its pages when attached). A statement left unfinished by
        an error could keep it attached: then the connection is replaced by a fresh one."""
        try:
            if self.conn.in_transaction:  # an error may have ended it already
                self.conn.execute("ROLLBACK")  # a read transaction: nothing to keep
            self.slot.unload()
        except sqlite3.Error:
            self._renew()

    def _renew(self) -> None:
        self.conn.close()
        self.conn = checking_connection(Tracked)
        self.slot = Slot(self.conn, CHECKED)

    def close(self) -> None:
        self.conn.close()


def _why_unreadable(copy: Path, name: str, exc: sqlite3.Error) -> WorkbookError:
    """Why SQLite could not attach ``copy``, in the words of opening it alone (``connect``: it
    cannot be opened; ``verify``: not a database, a malformed schema, with SQLite's own reason;
    attaching says only "unable to open database" and the private copy's path)."""
    conn = connect(copy, readonly=True)  # a WorkbookError when it cannot be opened at all
    try:
        verify(conn, name)
    except WorkbookError as refused:
        return refused
    finally:
        conn.close()
    return unreadable_database(name, exc)
