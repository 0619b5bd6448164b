"""The window's lock on a workbook, read without Qt (for the command line).

A Faaliyet window holds a ``QLockFile`` per open workbook. The lock file lives
in the user's temporary folder, named after a hash of the workbook's full
path (``lock_path``: the one place both the window and the command line
compute it), so nothing is written beside the workbook. QLockFile writes::

    pid\\napplication name\\nhost name\\nmachine id\\nboot id\\n

A lock whose process is gone (killed window, power cut, another boot) is
stale and ignored, as QLockFile itself does.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import NamedTuple

from ...core.i18n import _
from ...core.sha import sha256_hex
from ..errors import WorkbookError

FOLDER = "faaliyet-kilit"
MAX_BYTES = 4096  # a real lock file is ~100 bytes


class FileHeld(WorkbookError):
    """The workbook is open for editing in a Faaliyet window."""


class Holder(NamedTuple):
    pid: int
    app: str
    host: str
    user: str  # the lock file's owner ("" when unknown)

    def describe(self) -> str:
        who = f"{self.user}, " if self.user else ""
        return _("{who}{host}, işlem {pid}").format(who=who, host=self.host or _("bilinmeyen bilgisayar"), pid=self.pid)


def lock_path(path: Path | str) -> Path:
    """The lock file of the workbook at ``path`` (its folder is made if missing)."""
    digest = sha256_hex(str(Path(path).resolve()).encode("utf-8"))[:24]
    folder = Path(tempfile.gettempdir()) / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    return folder / f"{digest}.lock"


def holder(path: Path | str) -> Holder | None:
    """Who holds the window's lock on the workbook at ``path``; None if nobody (or only a stale lock)."""
    try:
        lock = lock_path(path)
        with lock.open("rb") as fh:
            raw = fh.read(MAX_BYTES)
        owner = _owner(lock)
    except OSError:
        return None  # no lock (or no temporary folder): nobody holds the file
    lines = raw.decode("utf-8", "replace").split("\n")
    try:
        pid = int(lines[0].strip())
    except ValueError:
        return None  # not written by QLockFile (or half written by a killed process)
    app = lines[1].strip() if len(lines) > 1 else ""
    host = lines[2].strip() if len(lines) > 2 else ""
    boot = lines[4].strip() if len(lines) > 4 else ""
    import socket  # noqa: PLC0415 - only when a lock exists (socket costs ~3 ms at start-up)

    if host == socket.gethostname():
        if pid <= 0 or not _alive(pid) or (boot and _boot_id() not in ("", boot)) or _other_program(pid, app):
            return None
    return Holder(pid, app, host, owner)


def refuse_if_held(path: Path | str) -> None:
    """FileHeld (Turkish) when a live Faaliyet window has the workbook at ``path`` open."""
    h = holder(path)
    if h is not None:
        raise FileHeld(
            _(
                "'{name}' şu anda bir Faaliyet penceresinde düzenlemeye açık ({describe}). Komut satırından yazmak penceredeki değişikliklerle karışır: pencerede dosyayı kapatıp yeniden deneyin. Dosya değişmedi."
            ).format(name=Path(path).name, describe=h.describe())
        )


def _owner(lock: Path) -> str:
    try:
        import pwd  # noqa: PLC0415 - POSIX only

        return pwd.getpwuid(lock.stat().st_uid).pw_name
    except (ImportError, KeyError, OSError):
        return ""


def _other_program(pid: int, app: str) -> bool:
    """The pid now belongs to another program (reused after the window died), where the system tells (Linux)."""
    if not app:
        return False
    try:
        name = os.path.basename(os.readlink(f"/proc/{pid}/exe"))
    except OSError:
        return False  # no /proc, or another user's process: cannot tell, so the lock stands
    return name.removesuffix(" (deleted)") != app


def _boot_id() -> str:
    try:
        return Path("/proc/sys/kernel/random/boot_id").read_text().strip()
    except OSError:
        return ""


def _alive(pid: int) -> bool:
    if os.name == "nt":
        return _alive_windows(pid)
    try:
        os.kill(pid, 0)  # signal 0: only asks whether the process exists
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # exists, belongs to another user
    except OSError:
        return False
    return True


def _alive_windows(pid: int) -> bool:  # pragma: no cover - Windows only
    # os.kill(pid, 0) would send CTRL_C_EVENT on Windows; ask the kernel instead
    import ctypes  # noqa: PLC0415

    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]  # Windows only; mypy checks as on Linux
    handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
    if not handle:
        return ctypes.GetLastError() == 5  # type: ignore[attr-defined]  # Windows only  # access denied: it exists
    try:
        code = ctypes.c_ulong()
        if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
            return True
        return code.value == 259  # STILL_ACTIVE
    finally:
        kernel32.CloseHandle(handle)
