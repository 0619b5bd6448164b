"""Is a path on a network share? SQLite on SMB loses locks and writes, so such files open read-only.

Three ways a Windows path reaches a share:
- a UNC path (``\\\\server\\share\\...``, also ``\\\\?\\UNC\\...``, or ``//server/share`` as Qt writes it);
- a mapped drive (``H:``, ``Z:``) whose drive type is DRIVE_REMOTE (``GetDriveTypeW``);
- a redirected folder: Documents or Desktop redirected to a share by group policy, reached
  through a local-looking name (a junction, a symlink, or a ``subst`` drive); resolving the
  path (``os.path.realpath``) gives the UNC target, which is then checked as above.

The Windows call is passed in (``drive_type``), so tests run everywhere with it replaced.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import PurePath, PureWindowsPath

DRIVE_REMOTE = 4  # winbase.h
LONG_UNC = "\\\\?\\UNC\\"
DriveType = Callable[[str], int]  # "H:\\" -> GetDriveTypeW's answer


def _windows_drive_type(root: str) -> int:
    import ctypes

    return int(ctypes.windll.kernel32.GetDriveTypeW(ctypes.c_wchar_p(root)))  # type: ignore[attr-defined]


def is_unc(text: str) -> bool:
    return text.startswith("\\\\") or text.startswith("//")


def _is_remote_drive(text: str, drive_type: DriveType) -> bool:
    drive = PureWindowsPath(text).drive
    if len(drive) == 2 and drive[1] == ":":
        return drive_type(drive.upper() + "\\") == DRIVE_REMOTE
    return False


def on_network(
    path: PurePath | str,
    windows: bool | None = None,
    drive_type: DriveType | None = None,
    resolve: Callable[[str], str] | None = None,
) -> bool:
    """True when ``path`` is on a network share: UNC, a remote drive, or a name that resolves to either."""
    text = str(path)
    if is_unc(text):
        return True
    if not (sys.platform == "win32" if windows is None else windows):
        return False
    drive_type = drive_type or _windows_drive_type
    resolve = resolve or os.path.realpath
    if _is_remote_drive(text, drive_type):
        return True
    try:
        real = resolve(text)
    except (OSError, ValueError):
        return False
    if real.startswith(LONG_UNC):  # realpath's long form of \\server\share
        real = "\\\\" + real.removeprefix(LONG_UNC)
    real = real.removeprefix("\\\\?\\")
    return real != text and (is_unc(real) or _is_remote_drive(real, drive_type))
