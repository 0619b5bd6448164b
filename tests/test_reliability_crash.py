"""Crash test: SIGKILL at random moments never loses an acknowledged edit nor corrupts the file.

The default run kills the edit child ~10 times; ``-m slow`` kills it 200+
times (see bench/crash.py for the design).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from bench import crash, crash_files
from desktop.store.file.workbook import Workbook


@pytest.fixture
def diskdir(tmp_path: Path) -> Path:
    """pytest's tmp_path: on the real disk here (tmpfs would make fsync free)."""
    return tmp_path


def _assert_clean(t: crash.CrashTally, kills: int) -> None:
    assert t.lost == 0, t.problems
    assert t.corrupt == 0, t.problems
    assert t.problems == []
    assert t.kills >= kills and t.survived == t.kills
    assert t.acked > 0


def test_ops_are_reproducible_and_cover_every_kind(definition):
    a = crash.ops(definition, 5, 400)
    assert a == crash.ops(definition, 5, 400)
    kinds = {(o.kind, len(o.values) > 1, None in o.values.values()) for o in a}
    assert ("indicator", True, False) in kinds or ("indicator", False, False) in kinds
    assert ("values", True, False) in kinds  # batches
    assert ("values", False, True) in kinds  # clears
    assert any(isinstance(v, str) and len(v) > 4096 for o in a for v in o.values.values())  # overflow pages


def test_simulated_state_matches_the_store(tmp_path, definition):
    """The oracle itself: applying the ops in-process gives exactly the predicted state."""
    path = tmp_path / "o.faaliyet"
    with Workbook.create(path, definition, crash.DEPARTMENT) as wb:
        state = crash.read_state(wb)
        for op in crash.ops(definition, 3, 60):
            crash.apply(wb, op)
            state = state.step(op, definition)
        assert crash.read_state(wb) == state


def test_ten_kills_lose_nothing(diskdir, definition):
    t = crash.crash_edits(diskdir, definition, kills=10, seed=11, max_delay=0.25)
    _assert_clean(t, 10)


@pytest.mark.slow
def test_two_hundred_kills_lose_nothing(diskdir, definition):
    t = crash.crash_edits(diskdir, definition, kills=200, seed=2020, max_delay=0.5)
    _assert_clean(t, 200)
    # the window between commit and acknowledgement was hit at least once
    assert t.in_flight_committed >= 1


def test_merge_killed_leaves_a_whole_prefix(diskdir, definition):
    t = crash_files.crash_merge(diskdir, definition, kills=3, seed=5, files=3)
    _assert_clean(t, 3)


def test_copy_killed_leaves_old_copy_or_whole_new_one(diskdir, definition):
    t = crash_files.crash_copy(diskdir, definition, kills=3, seed=5)
    _assert_clean(t, 3)


@pytest.mark.slow
def test_merge_two_hundred_kills(diskdir, definition):
    t = crash_files.crash_merge(diskdir, definition, kills=200, seed=2020)
    _assert_clean(t, 200)
    assert len(t.seen) >= 4  # kills landed between the per-file transactions, not only before the first


@pytest.mark.slow
def test_copy_two_hundred_kills(diskdir, definition):
    t = crash_files.crash_copy(diskdir, definition, kills=200, seed=2020)
    _assert_clean(t, 200)
    assert set(t.seen) >= {0, 1, 2}  # missing, the old copy and the whole new copy all occurred


@pytest.mark.slow
def test_pdf_export_killed_leaves_the_earlier_pdf_or_the_whole_new_one(diskdir, definition):
    t = crash_files.crash_pdf(diskdir, definition, kills=100, seed=2020)
    _assert_clean(t, 100)
    assert {0, 1} <= set(t.seen)  # missing and the earlier PDF (the new one only when the kill came late)


def test_stale_journal_from_a_kill_is_removed_on_open(workbook_path):
    """A kill before the journal's first sync leaves a journal whose header is zero.

    SQLite ignores it (not hot) but never deletes it, so the file could not be
    sent (incoming files with a -journal are refused). Opening it locally once
    must clear it, as the refusal message tells the clerk to do.
    """
    with Workbook.open(workbook_path) as wb:
        wb.set_value("itfaiye.makbuz.ocak.arac", 5)
    journal = Path(str(workbook_path) + "-journal")
    journal.write_bytes(b"\0" * 4096)
    with Workbook.open(workbook_path) as wb:
        assert wb.get("itfaiye.makbuz.ocak.arac") == 5
    assert not journal.exists()
    with Workbook.open(workbook_path, incoming=True) as wb:
        assert wb.get("itfaiye.makbuz.ocak.arac") == 5
    conn = sqlite3.connect(workbook_path)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
