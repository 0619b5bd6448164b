"""The window's lock read without Qt: the CLI refuses to write into a file a window has open."""

from __future__ import annotations

import hashlib
import json
import os
import socket
import subprocess
import sys

import pytest

from desktop import cli
from desktop.store.file.lockfile import FileHeld, holder, lock_path, refuse_if_held
from desktop.ui.lock import FileLock


def _dead_pid() -> int:
    done = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True, check=True)
    return int(done.stdout)


def _fake_lock(path, pid, host=None):
    lock_path(path).write_text(f"{pid}\nfaaliyet\n{host or socket.gethostname()}\n\n\n", encoding="utf-8")


@pytest.fixture
def window(workbook_path):
    """The lock a Faaliyet window takes on the workbook (the real QLockFile)."""
    lock = FileLock(workbook_path)
    assert lock.acquire()
    yield lock
    lock.release()


def test_window_and_cli_use_the_same_lock_file(workbook_path, window):
    assert window.lock.fileName() == str(lock_path(workbook_path))


def test_a_live_window_is_named(workbook_path, window):
    h = holder(workbook_path)
    assert h is not None and h.pid == os.getpid() and h.host == socket.gethostname()
    with pytest.raises(FileHeld) as err:
        refuse_if_held(workbook_path)
    assert str(os.getpid()) in str(err.value) and "Faaliyet penceresinde" in str(err.value)


def test_no_lock_stale_lock_and_garbage_do_not_block(workbook_path):
    assert holder(workbook_path) is None
    _fake_lock(workbook_path, _dead_pid())
    assert holder(workbook_path) is None
    lock_path(workbook_path).write_bytes(b"\xff\xfe garbage")
    assert holder(workbook_path) is None
    lock_path(workbook_path).unlink()


def test_a_lock_from_another_host_is_respected(workbook_path):
    _fake_lock(workbook_path, 1, host="baska-pc")
    try:
        h = holder(workbook_path)
        assert h is not None and h.host == "baska-pc"
    finally:
        lock_path(workbook_path).unlink()


def _digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_cli_writers_refuse_a_file_open_in_a_window(workbook_path, consolidated_path, tmp_path, capsys):
    vals = tmp_path / "d.json"
    vals.write_text(
        json.dumps(
            {
                "format": "faaliyet-degerler",
                "format_version": 1,
                "institution": "kars",
                "year": 2020,
                "department": "itfaiye",
                "values": [{"field": "itfaiye.makbuz.ocak.arac", "value": 78}],
            }
        ),
        encoding="utf-8",
    )
    locks = [FileLock(workbook_path), FileLock(consolidated_path)]
    assert all(lock.acquire() for lock in locks)
    try:
        before = _digest(workbook_path), _digest(consolidated_path)
        for args in (
            ["values", "import", str(workbook_path), str(vals)],
            ["excel", "import", str(workbook_path), str(tmp_path / "yok.xlsx")],
            ["merge", "--into", str(consolidated_path), str(workbook_path)],
        ):
            assert cli.main(args) == 2, args
            err = capsys.readouterr().err
            assert "Faaliyet penceresinde düzenlemeye açık" in err and str(os.getpid()) in err, err
        assert (_digest(workbook_path), _digest(consolidated_path)) == before
        # reading is fine while the window has the file
        assert cli.main(["values", "export", str(workbook_path)]) == 0
    finally:
        for lock in locks:
            lock.release()
    capsys.readouterr()
    assert cli.main(["values", "import", str(workbook_path), str(vals)]) == 0  # the window closed
    assert "1 değer kaydedildi" in capsys.readouterr().out


def test_a_pid_reused_by_another_program_is_stale(workbook_path):
    """Where the system names a process's program (/proc), a lock whose pid now runs another program is stale;
    elsewhere the lock stands (refusing is the safe side)."""
    lock_path(workbook_path).write_text(f"{os.getpid()}\nbaska-program\n{socket.gethostname()}\n\n\n", encoding="utf-8")
    try:
        tells = os.path.exists(f"/proc/{os.getpid()}/exe")
        assert (holder(workbook_path) is None) == tells
    finally:
        lock_path(workbook_path).unlink()


def test_demo_does_not_recreate_a_file_a_window_has_open(definition, tmp_path, capsys):
    from desktop.store.sample import department_file

    work = tmp_path / "demo"
    work.mkdir()
    held = department_file(work, definition, definition.departments[0].key)
    held.write_bytes(b"pencerede acik")
    lock = FileLock(held)
    assert lock.acquire()
    try:
        assert cli.main(["demo", "--workdir", str(work)]) == 2
    finally:
        lock.release()
    assert "Faaliyet penceresinde düzenlemeye açık" in capsys.readouterr().err
    assert held.read_bytes() == b"pencerede acik" and sorted(p.name for p in work.iterdir()) == [held.name]
