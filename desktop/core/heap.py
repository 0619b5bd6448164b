"""The heap that is there before a long job is left out of the collector's walks while it runs.

A report's build makes and drops hundreds of thousands of small objects (paragraph
fragments, table cells, text operators); a merge checks and writes one file after
another. Python's cycle collector runs every few hundred allocations, and its older
generations walk every object that lives in them: the open workbook, the year's
definition, the findings, the fonts, and in the windows all of Qt's wrappers.
Measured on the sample, these walks were a tenth of a build; merging every file of
a year 50× the sample's, they made the merge grow faster than the year. ``gc.freeze``
moves the objects that exist when the job starts to a generation the collector does
not walk; the job's own objects are collected as usual, and ``gc.unfreeze`` gives the
others back when it ends (a cycle among them that became garbage meanwhile is
collected then). Jobs in two threads at once freeze once and unfreeze when the last
one ends. (Building a year's objects pauses the collector instead, ``gc_pause``: they
hold no cycle; a job makes and drops objects in cycles, which must still be collected.)
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
