"""Fault injection: an I/O error at the N-th write step of an operation.

A *write step* is every SQL statement that changes a file (BEGIN, INSERT,
UPDATE, DELETE, COMMIT, VACUUM, ATTACH, PRAGMA … = …) on the workbook's
connection (ATTACH too: it opens a file), and every file-system call that writes (opening a file for
writing, ``write``, ``fsync``, ``os.replace``/``os.rename``). ``run_all`` runs
an operation with the error injected at step 1, 2, 3 … until the operation
gets through without reaching the injected step, checking after every failed
run that the operation raised a clean, Turkish ``WorkbookError`` (or reported
the file as refused) and that every file involved is byte-identical to
before, with no journal or temporary file left behind.

The SQL steps fail as SQLite reports an I/O error
(``sqlite3.OperationalError("disk I/O error")``), the file steps as the OS
does (``OSError(EIO)``).
"""

from __future__ import annotations

import builtins
import contextlib
import errno
import hashlib
import io
import os
import re
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

WRITE_SQL = re.compile(r"\s*(BEGIN|INSERT|UPDATE|DELETE|REPLACE|COMMIT|VACUUM|ATTACH|CREATE|DROP|PRAGMA\s+\w+\s*=)", re.I)


class Injected(Exception):
    pass


@dataclass
class FaultPlan:
    at: int  # the step that fails (1-based)
    count: int = 0
    fired: str = ""  # what failed
    steps: list = field(default_factory=list)

    def step(self, what: str, sql: bool) -> None:
        self.count += 1
        self.steps.append(what)
        if self.count == self.at:
            self.fired = what
            if sql:
                raise sqlite3.OperationalError("disk I/O error")
            raise OSError(errno.EIO, "Input/output error (injected)")


class FaultyConnection:
    """A sqlite3.Connection whose write statements count as steps."""

    def __init__(self, conn: sqlite3.Connection, plan: FaultPlan):
        self._conn = conn
        self._plan = plan

    def execute(self, sql: str, *args):
        if WRITE_SQL.match(sql):
            self._plan.step("sql " + " ".join(sql.split())[:40], True)
        return self._conn.execute(sql, *args)

    def executemany(self, sql: str, *args):
        if WRITE_SQL.match(sql):
            self._plan.step("sql " + " ".join(sql.split())[:40], True)
        return self._conn.executemany(sql, *args)

    def __getattr__(self, name):
        return getattr(self._conn, name)


class _FaultyFile:
    def __init__(self, fh, plan: FaultPlan, name: str):
        self._fh = fh
        self._plan = plan
        self._name = name

    def write(self, data):
        self._plan.step(f"write {self._name}", False)
        return self._fh.write(data)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self._fh.close()

    def __iter__(self):
        return iter(self._fh)

    def __getattr__(self, name):
        return getattr(self._fh, name)


@contextlib.contextmanager
def inject(plan: FaultPlan, watch: Path):
    """Count file-system write steps on paths under ``watch`` (and every fsync/replace)."""
    real_open, real_replace, real_rename, real_fsync = builtins.open, os.replace, os.rename, os.fsync
    watch = str(watch)

    def watched(p) -> bool:
        return isinstance(p, (str, os.PathLike)) and os.fspath(p).startswith(watch)

    def open_(file, mode="r", *a, **kw):
        if watched(file) and any(c in mode for c in "wax+"):
            name = Path(os.fspath(file)).name
            plan.step(f"open {name}", False)
            return _FaultyFile(real_open(file, mode, *a, **kw), plan, name)
        return real_open(file, mode, *a, **kw)

    def replace_(src, dst, *a, **kw):
        plan.step(f"replace {Path(os.fspath(dst)).name}", False)
        return real_replace(src, dst, *a, **kw)

    def rename_(src, dst, *a, **kw):
        plan.step(f"rename {Path(os.fspath(dst)).name}", False)
        return real_rename(src, dst, *a, **kw)

    def fsync_(fd):
        plan.step("fsync", False)
        return real_fsync(fd)

    builtins.open, io.open = open_, open_
    os.replace, os.rename, os.fsync = replace_, rename_, fsync_
    try:
        yield plan
    finally:
        builtins.open, io.open = real_open, real_open
        os.replace, os.rename, os.fsync = real_replace, real_rename, real_fsync


def digest(path: Path) -> str:
    if not path.is_file():
        return ""
    with path.open("rb") as fh:
        return hashlib.file_digest(fh, "sha256").hexdigest()


def snapshot(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` (name -> sha256), journals and temporary files included."""
    return {str(p.relative_to(folder)): digest(p) for p in sorted(folder.rglob("*")) if p.is_file()}


@dataclass
class FaultTally:
    operation: str
    steps: int = 0  # write steps the successful run makes
    injected: int = 0  # runs with an injected error
    clean: int = 0  # of those: a clean message and every file as before
    absorbed: list = field(default_factory=list)  # steps whose error was rightly ignored (directory fsync after the rename)
    problems: list = field(default_factory=list)


TURKISH = set("çğıöşüÇĞİÖŞÜ")


def run_all(
    name: str,
    folder: Path,
    setup: Callable[[], None],
    operation: Callable[[FaultPlan], object],
    refused: Callable[[object], str | None] = lambda result: None,
    limit: int = 500,
) -> FaultTally:
    """Inject at every step of ``operation`` until it succeeds.

    ``setup()`` restores ``folder`` to the state before the operation;
    ``operation(plan)`` runs it (wrapping its connection with ``FaultyConnection``);
    ``refused(result)`` returns the message when the operation reported the
    failure in its result instead of raising (merge), else None.
    """
    from desktop.store.errors import WorkbookError  # noqa: PLC0415

    tally = FaultTally(name)
    for n in range(1, limit + 1):
        setup()
        before = snapshot(folder)
        plan = FaultPlan(at=n)
        message = None
        try:
            with inject(plan, folder):
                result = operation(plan)
        except WorkbookError as exc:
            message = str(exc)
        except Exception as exc:  # noqa: BLE001 - a crash is what we look for
            tally.injected += 1
            tally.problems.append(f"step {n} ({plan.fired}): {type(exc).__name__}: {exc}")
            continue
        else:
            message = refused(result)
        if not plan.fired:
            tally.steps = plan.count
            if message is not None:
                tally.problems.append(f"no fault injected, yet refused: {message[:120]}")
            return tally
        tally.injected += 1
        after = snapshot(folder)
        problem = None
        if message is None and plan.fired == "fsync" and plan.steps[-2:-1] and plan.steps[-2].startswith(("replace", "rename")):
            tally.absorbed.append(n)  # best-effort sync of the folder once the file is in place
            tally.clean += 1
            continue
        if message is None:
            problem = "the injected error went unnoticed (reported success)"
        elif "Traceback" in message or not TURKISH & set(message):
            problem = f"unclear message: {message[:120]!r}"
        elif after != before:
            changed = sorted(k for k in set(before) | set(after) if before.get(k) != after.get(k))
            problem = f"files changed: {changed}"
        if problem:
            tally.problems.append(f"step {n} ({plan.fired}): {problem}")
        else:
            tally.clean += 1
    tally.problems.append(f"still failing after {limit} steps")
    return tally
