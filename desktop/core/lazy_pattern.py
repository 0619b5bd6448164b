"""Regular expressions compiled when first used.

Compiling a pattern is Python work (the ``re`` parser), a few tenths of a millisecond for
a long one. A module constant that opening a file never needs (the print rule binding
units, the parsing of typed numbers and dates, key making) is a ``lazy_pattern``: the
window's start does not compile it; its first use does, once.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache


def lazy_pattern(pattern: str, flags: int = 0) -> Callable[[], re.Pattern[str]]:
    """A function returning ``re.compile(pattern, flags)``, compiled at its first call."""

    @cache
    def compiled() -> re.Pattern[str]:
        return re.compile(pattern, flags)

    return compiled
