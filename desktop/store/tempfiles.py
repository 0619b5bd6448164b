"""Temporary files beside a destination, renamed into place when complete.

Every file Faaliyet writes for someone else (a new workbook, a copy to send, a
PDF, an .xlsx) is first written as a hidden ``.NAME.XXXXXXXX.tmp`` beside it
and renamed when whole, so a half-written file never carries the final name.
A kill or a power cut leaves such a file behind; the next write to the same
destination removes the ones older than an hour (a younger one may belong to
a write still under way in another window).
"""

from __future__ import annotations

import contextlib
import os
import tempfile
import time
from pathlib import Path

STALE_SECONDS = 3600


def sweep_stale(dest: Path, now: float | None = None) -> int:
    """Remove leftovers of interrupted writes to ``dest``; returns how many."""
    now = time.time() if now is None else now
    removed = 0
    with contextlib.suppress(OSError):
        for leftover in Path(dest).parent.glob("." + glob_escape(Path(dest).name) + ".*.tmp"):
            with contextlib.suppress(OSError):
                if now - leftover.stat().st_mtime > STALE_SECONDS and leftover.is_file():
                    leftover.unlink()
                    removed += 1
    return removed


def glob_escape(name: str) -> str:
    return "".join(f"[{c}]" if c in "*?[]" else c for c in name)


def temp_beside(dest: Path) -> Path:
    """A new, empty, hidden temporary file in ``dest``'s folder (OSError if it can't be made)."""
    dest = Path(dest)
    sweep_stale(dest)
    fd, name = tempfile.mkstemp(prefix="." + dest.name + ".", suffix=".tmp", dir=dest.parent)
    os.close(fd)
    return Path(name)
