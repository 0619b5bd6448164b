"""Detecting a file that is already open in another Faaliyet window.

A lock file per workbook lives in the user's temporary folder (named after a
hash of the file's full path), so nothing is written beside the workbook and
read-only media work too. ``QLockFile`` records the process and the host and
takes over locks whose process has died (after a crash). The lock's path comes
from ``store.lockfile``, which the command line uses to refuse writing into a
file a window has open.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLockFile

from ..store.file.lockfile import lock_path


class FileLock:
    def __init__(self, path: Path):
        self.lock = QLockFile(str(lock_path(path)))
        self.lock.setStaleLockTime(0)  # only a dead process's lock is stale

    def acquire(self) -> bool:
        """True if this process now holds the file; False if another instance does."""
        if self.lock.tryLock(0):
            return True
        self.lock.removeStaleLockFile()
        return self.lock.tryLock(0)

    def holder(self) -> str:
        info = self.lock.getLockInfo()  # (pid, host, app) in PySide6; (ok, pid, host, app) in older bindings
        if len(info) == 4:
            if not info[0]:
                return ""
            info = info[1:]
        pid, host, _app = info
        return f"{host}, işlem {pid}" if pid else ""

    def release(self) -> None:
        if self.lock.isLocked():
            self.lock.unlock()


def open_locked(path: Path, readonly: bool, ask, inform):
    """Open a workbook for one window: take its lock, or offer read-only.

    ``ask(title, text) -> bool`` and ``inform(title, text, level)`` are the
    window's dialogs. Returns ``(workbook, lock)`` — ``lock`` is None when the
    file opened read-only because another window holds it — or None when the
    user declined or the file could not be opened (already said to the user).
    """
    from ..store.errors import WorkbookError
    from ..store.file.workbook import Workbook
    from .i18n import tr

    lock = FileLock(path)
    if not lock.acquire():
        text = tr(
            "'{0}' başka bir Faaliyet penceresinde açık ({1}). Aynı dosyayı iki pencerede düzenlemek "
            "değişikliklerin karışmasına yol açar.\n\nDosya bu pencerede salt okunur açılsın mı?"
        ).format(path.name, lock.holder())
        if not ask(tr("Dosya zaten açık"), text):
            return None
        readonly, lock = True, None
    try:
        return Workbook.open(path, readonly=readonly), lock
    except WorkbookError as exc:
        if lock:
            lock.release()
        inform(tr("Dosya açılamadı"), str(exc), "critical")
        return None
