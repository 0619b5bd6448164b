"""Attacks: hostile inputs that are valid files (or value files, spreadsheets, exports) with hostile contents.

``bench/hostile.py`` holds files that must not *open*; an attack is an input
that opens (a valid SQLite file, JSON, .xlsx) but carries something a
department file from another PC must never be able to do: write another
department's rows, forge time, inject spreadsheet formulas, exhaust memory
through a stored definition, break the report, crash a reader. Each attack
runs in a fresh folder of its own and returns the problems it found:
``[]`` means the application handled it cleanly (refused with a clear Turkish
message, or neutralised it, and left every file as it was).

Each area keeps its attacks in its own module (``bench/attacks_*.py``) with a
module-level ``ATTACKS`` list; ``all_attacks()`` collects them, and
``bench.reliability`` and ``tests/test_attacks.py`` run every one.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib
import io
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from desktop.core.definition import Definition


@dataclass(frozen=True)
class Attack:
    name: str  # unique, e.g. "rows/entry-outside-range"
    kind: str  # the class of the issue it belongs to: rows, time, csv, excel, definition, photo, text, decode, number, lock, misc
    run: Callable[[Definition, Path], list[str]]  # (sample definition, empty work folder) -> problems; [] = handled


def all_attacks() -> list[Attack]:
    import bench  # noqa: PLC0415

    found: list[Attack] = []
    for info in sorted(pkgutil.iter_modules(bench.__path__), key=lambda i: i.name):
        if info.name.startswith("attacks_"):
            found += importlib.import_module(f"bench.{info.name}").ATTACKS
    names = [a.name for a in found]
    assert len(names) == len(set(names)), "attack names must be unique"
    return found


def run_attack(attack: Attack, definition: Definition, work: Path) -> list[str]:
    """The attack's problems; a crash of the attack itself is a problem too."""
    work.mkdir(parents=True, exist_ok=True)
    try:
        return attack.run(definition, work)
    except BaseException as exc:  # noqa: BLE001 - a crash is what we look for
        return [f"crash {type(exc).__name__}: {str(exc)[:300]}"]


TURKISH_LETTERS = set("çğıöşüÇĞİÖŞÜ")


def clear_message(message: str) -> str | None:
    """None when ``message`` is a clear Turkish message (no traceback), else why not."""
    if not message.strip():
        return "empty message"
    if "Traceback" in message or 'File "' in message:
        return "traceback in message"
    if not TURKISH_LETTERS & set(message):
        return f"message not Turkish: {message[:80]!r}"
    return None


def cli(*args) -> tuple[int | str, str, str]:
    """(exit status, or 'crash …', stdout, stderr) of ``faaliyet ARGS`` run in this process."""
    from desktop import cli as cli_module  # noqa: PLC0415

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            rc = cli_module.main([str(a) for a in args])
        except SystemExit as exc:
            rc = exc.code if isinstance(exc.code, int) else 2
        except BaseException as exc:  # noqa: BLE001 - a crash is what we look for
            rc = f"crash {type(exc).__name__}: {str(exc)[:200]}"
    return rc, out.getvalue(), err.getvalue()


def sha(path: Path) -> str:
    """The file's SHA-256, '' when there is no file."""
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else ""
