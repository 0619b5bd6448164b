"""The cycle collector is off while a year is built and back on after (``core/gc_pause.py``)."""

from __future__ import annotations

import gc

import pytest

from desktop.core import gc_pause
from desktop.store.file import board_live, definition_store, document
from desktop.store.file.document import OpenFile
from desktop.store.file.workbook import Workbook
from desktop.store.year_board import YearBoard, create_consolidated

pytestmark = [pytest.mark.definition("small"), pytest.mark.usefixtures("clock")]


@pytest.fixture(autouse=True)
def collector_on():
    """Every test starts with the collector on and leaves it on."""
    was = gc.isenabled()
    gc.enable()
    yield
    assert gc.isenabled()
    if not was:
        gc.disable()


def test_paused_turns_the_collector_off_and_back_on():
    with gc_pause.paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_pauses_nest_and_the_outermost_turns_it_back_on():
    with gc_pause.paused():
        with gc_pause.paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the inner pause's end does not turn it on
    assert gc.isenabled()


def test_an_exception_turns_it_back_on():
    with pytest.raises(ValueError), gc_pause.paused(), gc_pause.paused():
        raise ValueError("kötü")
    assert gc.isenabled()


def test_a_collector_that_was_off_stays_off():
    gc.disable()
    try:
        with gc_pause.paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def spy(monkeypatch, module, name: str) -> list[bool]:
    """Record whether the collector was on each time ``module.name`` is called."""
    seen: list[bool] = []
    real = getattr(module, name)

    def wrapped(*args, **kwargs):
        seen.append(gc.isenabled())
        return real(*args, **kwargs)

    monkeypatch.setattr(module, name, wrapped)
    return seen


def test_a_year_is_built_with_the_collector_off(tmp_path, definition, monkeypatch):
    path = create_consolidated(tmp_path / "birlesik", definition)
    read = spy(monkeypatch, definition_store, "read")  # Workbook's definition read
    checks = spy(monkeypatch, document, "LiveChecks")  # OpenFile._load
    rows = spy(monkeypatch, board_live, "status_rows")  # the board's first rows
    with Workbook.open(path, user="strateji") as wb:
        assert gc.isenabled()
        OpenFile(wb)
        assert gc.isenabled()
        assert YearBoard(wb).rows()
        assert gc.isenabled()
    assert read == [False]
    assert checks and not any(checks)
    assert rows == [False]


def test_a_failed_open_turns_it_back_on(tmp_path, definition, monkeypatch):
    path = create_consolidated(tmp_path / "birlesik", definition)

    def broken(*args, **kwargs):
        assert not gc.isenabled()
        raise ValueError("bozuk tanım")

    monkeypatch.setattr(definition_store, "read", broken)
    with pytest.raises(ValueError, match="bozuk tanım"):
        Workbook.open(path, user="strateji")
    assert gc.isenabled()
