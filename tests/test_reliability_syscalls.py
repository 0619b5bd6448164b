"""Real I/O errors below SQLite: strace fails each write-side system call on the workbook
(and its journal) in turn; every run ends clean and the file holds the old or the new
state, whole (bench/syscall_faults.py). Slow: one process per injected call."""

from __future__ import annotations

import pytest

from bench import syscall_faults as sf

pytestmark = pytest.mark.slow


@pytest.fixture(autouse=True)
def _strace():
    reason = sf.available()
    if reason:
        pytest.skip(reason)


def _clean(t: sf.SyscallTally) -> None:
    assert t.problems == []
    assert t.counts.get("pwrite64", 0) > 5 and t.counts.get("fdatasync", 0) + t.counts.get("fsync", 0) >= 2, t.counts
    assert t.runs == t.refused + t.absorbed and t.refused > 0


def test_edit_under_injected_io_errors(tmp_path, definition):
    _clean(sf.edit_case(tmp_path, definition, every=2))  # every 2nd pwrite, every sync/open/unlink


def test_merge_under_injected_io_errors(tmp_path, definition):
    _clean(sf.merge_case(tmp_path, definition, every=2))
