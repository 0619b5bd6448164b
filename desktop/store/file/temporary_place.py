"""Is a file in a temporary folder? What is typed into it there is lost when the folder is cleared.

A clerk who double-clicks the department file in an e-mail, or inside a .zip, opens the copy
that the mail program or Windows put in a temporary folder: Outlook's attachment cache
(``Content.Outlook`` under ``INetCache``; the new Outlook's ``Olk\\Attachments``) or the
user's temporary folder (``%TEMP%``: Windows extracts a file opened inside a zip there, as
most mail programs save what they open). Every change goes into that copy, which is deleted
later and is not the file the clerk finds and sends. Such a file opens read-only, with the
offer to copy it to a lasting place first, as a file on a share does (``safe_open.writable_reason``).

Windows only (as the places are): elsewhere a file in ``/tmp`` is one the user put there.
The places are passed in for tests (``windows``, ``temp_dir``, ``resolve``); ``FAALIYET_TEMP_DIR``
names the temporary folder instead of the system's (the test suite's files lie in the system's).
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import PurePath, PureWindowsPath

# folder names that only a mail program's cache of opened attachments has (compared lower-case)
CACHES = ("content.outlook", "inetcache")
NEW_OUTLOOK = ("olk", "attachments")  # %LOCALAPPDATA%\Microsoft\Olk\Attachments


def in_temporary_folder(
    path: PurePath | str,
    windows: bool | None = None,
    temp_dir: str | None = None,
    resolve: Callable[[str], str] | None = None,
) -> bool:
    """True when ``path`` lies in the user's temporary folder or in a mail program's attachment cache."""
    if not (sys.platform == "win32" if windows is None else windows):
        return False
    resolve = resolve or os.path.realpath
    temp = temp_dir if temp_dir is not None else os.environ.get("FAALIYET_TEMP_DIR") or tempfile.gettempdir()
    try:  # a junction or a short (8.3) name gives the same folder another name
        real, temp = resolve(str(path)), resolve(temp)
    except (OSError, ValueError):
        real = str(path)
    parts = [p.lower() for p in PureWindowsPath(real).parts]
    inside = [p.lower() for p in PureWindowsPath(temp).parts]
    if inside and len(parts) > len(inside) and parts[: len(inside)] == inside:
        return True
    folders = parts[:-1]
    if any(name in CACHES for name in folders):
        return True
    return any(tuple(folders[i : i + 2]) == NEW_OUTLOOK for i in range(len(folders) - 1))
