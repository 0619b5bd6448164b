"""PySide6's import hook, answered without re-reading every module's source.

PySide6 watches every import to know which modules use it (for its ``__feature__``
switches, PYSIDE-2029): for each new module it calls ``inspect.getsource`` (which
tokenizes the file to find its encoding and splits it into lines) only to search the
text for "PySide6". Faaliyet never selects a feature, yet the window's start-up
imports about a hundred modules after PySide6: ~10 ms of a 200 ms cold start.

``quick_feature_check`` gives PySide6 the same answer from the file's bytes. A
module without a ``.py`` file, or one that cannot be read, goes to PySide6's own
check, so the answer never differs (``tests/test_ui_lazy.py``). If a PySide6
release drops or renames the hook, nothing is changed.
"""

from __future__ import annotations

import sys


def quick_feature_check() -> None:
    feature = sys.modules.get("shibokensupport.feature")
    original = getattr(feature, "_mod_uses_pyside", None)
    if original is None or getattr(original, "quick", False):
        return

    def uses_pyside(module) -> bool:
        path = getattr(module, "__file__", None)
        if not isinstance(path, str) or not path.endswith(".py"):
            return original(module)
        try:
            with open(path, "rb") as source:
                return b"PySide6" in source.read()
        except OSError:
            return original(module)

    uses_pyside.quick = True  # type: ignore[attr-defined]
    uses_pyside.original = original  # type: ignore[attr-defined]
    feature._mod_uses_pyside = uses_pyside  # type: ignore[union-attr]
