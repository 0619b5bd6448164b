"""Temporary files beside a destination, renamed into place when complete.

Every file Faaliyet writes for someone else (a new workbook, a copy to send, a
PDF, an .xlsx) is first written as a hidden ``.NAME.XXXXXXXX.tmp`` beside it
and renamed when whole, so a half-written file never carries the final name.
``write_atomic`` is that whole
sequence for bytes or text made in memory (value files, .xlsx). A kill or a power cut leaves such a file behind; the next write to the same
destination removes the ones older than an hour (a younger one may belong to
a write still under way in another window).
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import tempfile
import time
from pathlib import Path

from ...core.i18n import _
from ..errors import WorkbookError

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


def sweep_stale_folders(prefix: str, now: float | None = None) -> int:
    """Remove the system temporary folder's ``prefix*`` folders older than ``STALE_SECONDS``: what a
    killed run left (a merge's private copies of department files), or a removal Windows refused
    then (a scanner holding a file). Best effort; returns how many went."""
    now = time.time() if now is None else now
    removed = 0
    with contextlib.suppress(OSError):
        for folder in Path(tempfile.gettempdir()).glob(glob_escape(prefix) + "*"):
            with contextlib.suppress(OSError):
                if folder.is_dir() and not folder.is_symlink() and now - folder.stat().st_mtime > STALE_SECONDS:
                    shutil.rmtree(folder, ignore_errors=True)
                    removed += not folder.exists()
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


def write_atomic(path: Path | str, data: bytes | str) -> Path:
    """Write ``data`` (text as UTF-8) to ``path`` through a temporary file beside it, fsync'd, then renamed.

    On any failure (a full disk, a folder closed to writing, the file open in
    Excel) the temporary file is removed, an existing ``path`` is left as it
    was, and a Turkish ``WorkbookError`` says what to do.
    """
    path = Path(path)
    if isinstance(data, str):
        data = data.encode("utf-8")
    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = temp_beside(path)
        with open(tmp, "wb") as fh:
            fh.write(data)
        publish(tmp, path)
    except OSError as exc:
        if tmp is not None:
            with contextlib.suppress(OSError):
                tmp.unlink()
        raise write_error(path, exc) from None
    return path


def publish(tmp: Path, dest: Path) -> None:
    """The last step of every safe write (value files, .xlsx, the PDF, a new workbook, the copy to
    send): the temporary file's data on disk, the usual mode (mkstemp makes 0600; a file for others
    gets 0644, or the old file's mode), renamed over ``dest``, and the rename itself durable."""
    fsync_file(tmp)
    os.chmod(tmp, dest.stat().st_mode & 0o777 if dest.exists() else 0o644)
    replace(tmp, dest)
    fsync_dir(dest.parent)


# seconds waited before each further try of a rename refused with PermissionError (0,75 s in all)
RENAME_RETRIES = (0.05, 0.1, 0.2, 0.4)


def replace(tmp: Path, dest: Path) -> None:
    """``os.replace``, tried again for a moment when refused with PermissionError: on Windows a
    virus scanner or the search indexer opens a file just written (or the file it replaces) for a
    moment, and a rename then fails with a sharing violation although nothing is wrong. A file that
    stays open (the PDF in a viewer, the .xlsx in Excel) is still refused, a moment later."""
    for delay in RENAME_RETRIES:
        try:
            os.replace(tmp, dest)
            return
        except PermissionError:
            time.sleep(delay)
    os.replace(tmp, dest)


def fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_dir(path: Path) -> None:
    """Make a rename in ``path`` durable (POSIX; Windows has no directory handle to sync)."""
    if os.name == "nt":
        return
    with contextlib.suppress(OSError):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def write_error(path: Path, exc: OSError) -> WorkbookError:
    """A Turkish message for a failed write of ``path``."""
    kept = _(" Varsa eski dosya olduğu gibi duruyor.") if path.exists() else ""
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return WorkbookError(
            _("'{name}' yazılamadı: disk dolu. Diskte yer açıp yeniden deneyin.{kept}").format(name=path.name, kept=kept)
        )
    # FileExistsError: making the folder for it found a file of that name (a path under a file)
    if isinstance(exc, (IsADirectoryError, NotADirectoryError, FileExistsError)):
        return WorkbookError(
            _("'{path}' bir dosya adı değil (bir klasör ya da yolunda bir dosya var). Çıktı için bir dosya adı verin.").format(
                path=path
            )
        )
    if getattr(exc, "winerror", None) == 32 or isinstance(exc, PermissionError):
        return WorkbookError(
            _(
                "'{name}' yazılamadı: dosya başka bir programda (Excel?) açık ya da klasör yazmaya kapalı. Dosyayı kapatıp ya da başka bir klasör seçip yeniden deneyin.{kept}"
            ).format(name=path.name, kept=kept)
        )
    reason = exc.strerror or type(exc).__name__
    return WorkbookError(
        _("'{name}' yazılamadı ({reason}). Klasörün var ve yazılabilir, diskte yer olduğunu kontrol edin.{kept}").format(
            name=path.name, reason=reason, kept=kept
        )
    )
