"""The heap that is there before a build is left out of the collector's walks while the build runs.

A build makes and drops hundreds of thousands of small objects (paragraph
fragments, table cells, text operators). Python's cycle collector runs every
few hundred allocations, and its older generations walk every object that
lives in them: the open workbook, the year's definition, the findings, the
fonts, and in the windows all of Qt's wrappers. Measured on the sample, these
walks were a tenth of the build. ``gc.freeze`` moves the objects that exist
when the build starts to a generation the collector does not walk; the build's
own objects are collected as usual, and ``gc.unfreeze`` gives the others back
when it ends (a cycle among them that became garbage meanwhile is collected
then). Builds in two threads at once freeze once and unfreeze when the last
one ends.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_builds = 0


@contextmanager
def existing_objects_frozen() -> Iterator[None]:
    global _builds
    with _lock:
        _builds += 1
        if _builds == 1:
            gc.freeze()
    try:
        yield
    finally:
        with _lock:
            _builds -= 1
            if _builds == 0:
                gc.unfreeze()
