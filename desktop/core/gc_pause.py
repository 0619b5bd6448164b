"""The cycle collector paused while a year's objects are built.

Opening a year builds hundreds of thousands of objects (the definition's forms, the live checks,
the board's rows). Python's cycle collector runs every few hundred new objects and walks the
younger generations, and now and then the whole heap: on a big year that walk, not the building, is
what grows faster than the year. A year's objects hold no reference cycle
(``tests/test_no_cycles.py``), so they are freed by reference counting when the year is closed and
the collector has nothing of theirs to find: ``paused`` turns it off while they are built and back
on after (also after an exception). Pauses nest (and may be taken by several threads at once): the
collector is turned back on when the outermost ends, and only if it was on when that began: a
window's start, which pauses it until its first window is shown (``desktop/collector.py``), keeps
its own pause. (A report's build and a merge leave the heap out of the walks instead, ``core/heap.py``:
they make and drop objects in cycles, which must still be collected.)
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_depth = 0  # pauses taken and not yet ended
_was_on = False  # whether the collector was on when the outermost pause began


@contextmanager
def paused() -> Iterator[None]:
    """The cycle collector off while the block runs."""
    global _depth, _was_on
    with _lock:
        if _depth == 0:
            _was_on = gc.isenabled()
            gc.disable()
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _was_on:
                gc.enable()
