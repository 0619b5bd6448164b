"""PySide6's import hook, answered without re-reading every module's source.

PySide6 watches every import to know which modules use it (for its ``__feature__``
switches, PYSIDE-2029): for each new module it calls ``inspect.getsource`` (which
tokenizes the file to find its encoding and splits it into lines) only to search the
text for "PySide6". Faaliyet never selects a feature, yet the window's start-up
imports about a hundred modules after PySide6: ~10 ms of a 200 ms cold start.

``quick_feature_check`` gives PySide6 the same answer from the file's bytes, read
with the operating system's calls (no buffered file object: ~40 % less time). A
module without a ``.py`` file, or one that cannot be read, goes to PySide6's own
check, so the answer never differs (``tests/test_ui_lazy.py``). If a PySide6
release drops or renames the hook, nothing is changed. The ``desktop.ui`` package
installs it when it is imported, before any window module (these were checked the
slow way before: ``desktop.ui``, ``resources`` and the two modules before the call).
"""

from __future__ import annotations

import os
import sys

NAME = b"PySide6"
CHUNK = 1 << 16


def quick_feature_check() -> None:
    import PySide6.QtCore  # noqa: F401  (the hook comes with it)

    feature = sys.modules.get("shibokensupport.feature")
    original = getattr(feature, "_mod_uses_pyside", None)
    if original is None or getattr(original, "quick", False):
        return

    def uses_pyside(module) -> bool:
        path = getattr(module, "__file__", None)
        if not isinstance(path, str) or not path.endswith(".py"):
            return original(module)
        try:
            return _mentions(path)
        except OSError:
            return original(module)

    uses_pyside.quick = True  # type: ignore[attr-defined]
    uses_pyside.original = original  # type: ignore[attr-defined]
    feature._mod_uses_pyside = uses_pyside  # type: ignore[union-attr]


def _mentions(path: str) -> bool:
    """Whether the file's bytes hold "PySide6" (what PySide6 looks for in the source text)."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    try:
        tail = b""
        while chunk := os.read(fd, CHUNK):
            if NAME in tail + chunk:
                return True
            tail = chunk[-(len(NAME) - 1) :]
        return False
    finally:
        os.close(fd)
