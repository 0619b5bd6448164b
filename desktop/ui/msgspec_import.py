"""msgspec imported the way an installed Faaliyet imports it: without typing_extensions.

msgspec reads type hints through typing_extensions when that package is installed and
through the standard ``typing`` otherwise (msgspec/_utils.py); on Python 3.11 both give
the same hints for Faaliyet's structs (plain and ``Annotated[..., Meta(...)]`` fields).
Only the development tools (mypy, pytest-qt) install typing_extensions, so an installed
Faaliyet never loads it, while a development checkout paid ~2,5 ms of every window's
start for it (bench/bench_ui.py runs in the development environment).

``import_msgspec`` imports msgspec as installed when nothing has imported msgspec or
typing_extensions yet; typing_extensions is hidden only during that import, so anything
importing it later gets it as before. ``tests/test_ui_lazy.py`` checks that a window
process decodes a year's definition exactly as the tests' msgspec does.
"""

from __future__ import annotations

import sys

HIDDEN = "typing_extensions"


def import_msgspec() -> None:
    if "msgspec" in sys.modules or HIDDEN in sys.modules:
        return
    sys.modules[HIDDEN] = None  # type: ignore[assignment]  # its import fails: msgspec falls back to typing
    try:
        import msgspec  # noqa: F401
    finally:
        if HIDDEN in sys.modules and sys.modules[HIDDEN] is None:
            del sys.modules[HIDDEN]
