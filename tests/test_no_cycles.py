"""A closed year is freed by reference counting alone: nothing of it is left for the cycle collector.

A year's objects (the definition and its forms, the live checks, the board's rows) hold no reference
cycle, so closing a file frees them at once; the cycle collector, paused while a year is built
(``core/gc_pause.py``), has nothing of them to find later.
"""

from __future__ import annotations

import gc
from collections import Counter
from collections.abc import Callable

import pytest
from merge_support import ITFAIYE

from desktop.store.file.document import OpenFile
from desktop.store.file.workbook import Workbook
from desktop.store.year_board import YearBoard, create_consolidated

pytestmark = pytest.mark.usefixtures("clock")


def garbage_of(action: Callable[[], None]) -> list:
    """What ``action`` leaves as cyclic garbage (objects only the cycle collector would free)."""
    gc.collect()
    flags = gc.get_debug()
    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        action()
        gc.collect()
        return list(gc.garbage)
    finally:
        gc.set_debug(flags)
        gc.garbage.clear()


def ours(garbage: list) -> Counter[str]:
    return Counter(f"{type(o).__module__}.{type(o).__qualname__}" for o in garbage if type(o).__module__.startswith("desktop."))


def test_a_closed_year_leaves_no_cycles(tmp_path, definition):
    path = create_consolidated(tmp_path / "birlesik", definition)
    with Workbook.open(path, user="strateji") as wb:
        wb.apply(values=ITFAIYE)

    def open_and_close() -> None:
        with Workbook.open(path, user="strateji") as wb:
            doc = OpenFile(wb)
            assert doc.findings  # the whole year's checks ran
            board = YearBoard(wb)
            assert board.rows()
            for dept in ("itfaiye", "imar"):
                assert OpenFile(wb, dept).findings is not None  # a department's chapters, as the window opens them

    garbage = garbage_of(open_and_close)
    assert not ours(garbage), ours(garbage).most_common(10)
    assert len(garbage) < 50, Counter(type(o).__name__ for o in garbage).most_common(10)


@pytest.mark.definition("small")  # the year the ``files`` fixture fills
def test_a_closed_department_file_leaves_no_cycles(files):
    def open_and_close() -> None:
        with Workbook.open(files["itfaiye"], user="itfaiye") as wb:
            doc = OpenFile(wb)
            assert doc.value(next(iter(ITFAIYE))) is not None
            assert doc.definition.slots  # a department file's slots: looked up form by form
            assert doc.findings is not None

    garbage = garbage_of(open_and_close)
    assert not ours(garbage), ours(garbage).most_common(10)
    assert len(garbage) < 50, Counter(type(o).__name__ for o in garbage).most_common(10)
