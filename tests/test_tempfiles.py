"""Leftovers of a killed write are swept by the next write to the same file."""

import os
import time

import pytest

from bench.attacks_exchange import disk_full  # a full disk, as the attacks make it
from desktop.store.errors import WorkbookError
from desktop.store.file.tempfiles import STALE_SECONDS, sweep_stale, temp_beside, write_atomic
from desktop.store.file.workbook import Workbook


def _leftover(folder, name, age):
    p = folder / f".{name}.{int(age)}x.tmp"
    p.write_bytes(b"half a file")
    t = time.time() - age
    os.utime(p, (t, t))
    return p


def test_old_leftovers_go_young_ones_and_other_files_stay(tmp_path):
    dest = tmp_path / "rapor.pdf"
    old = _leftover(tmp_path, "rapor.pdf", STALE_SECONDS + 60)
    young = _leftover(tmp_path, "rapor.pdf", 10)  # maybe a write under way in another window
    other = _leftover(tmp_path, "baska.pdf", STALE_SECONDS + 60)
    assert sweep_stale(dest) == 1
    assert not old.exists() and young.exists() and other.exists()


def test_names_with_glob_characters(tmp_path):
    dest = tmp_path / "rapor[1].pdf"
    old = _leftover(tmp_path, "rapor[1].pdf", STALE_SECONDS + 60)
    assert sweep_stale(dest) == 1 and not old.exists()


def test_temp_is_hidden_beside_the_destination(tmp_path):
    t = temp_beside(tmp_path / "x.faaliyet")
    assert t.parent == tmp_path and t.name.startswith(".x.faaliyet.") and t.name.endswith(".tmp")


def test_creating_a_workbook_sweeps_a_killed_creation(tmp_path, definition):
    dest = tmp_path / "itfaiye.faaliyet"
    old = _leftover(tmp_path, "itfaiye.faaliyet", STALE_SECONDS + 60)
    Workbook.create(dest, definition, "itfaiye").close()
    assert not old.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["itfaiye.faaliyet"]


# --- write_atomic: the one safe write of bytes/text made in memory --------------
def test_write_atomic_writes_whole_file(tmp_path):
    dest = tmp_path / "d.csv"
    write_atomic(dest, "ğüş\n")
    assert dest.read_bytes() == "ğüş\n".encode()
    assert [p.name for p in tmp_path.iterdir()] == ["d.csv"]


def test_write_atomic_on_a_full_disk_keeps_the_old_file(tmp_path):
    dest = tmp_path / "d.csv"
    dest.write_text("eski", encoding="utf-8")
    with disk_full(tmp_path), pytest.raises(WorkbookError) as err:
        write_atomic(dest, "yeni" * 1000)
    assert "disk dolu" in str(err.value) and "eski dosya" in str(err.value)
    assert dest.read_text(encoding="utf-8") == "eski"
    assert [p.name for p in tmp_path.iterdir()] == ["d.csv"]


def test_write_atomic_on_a_full_disk_leaves_no_partial_file(tmp_path):
    with disk_full(tmp_path), pytest.raises(WorkbookError, match="disk dolu"):
        write_atomic(tmp_path / "yeni.xlsx", b"x" * 100)
    assert list(tmp_path.iterdir()) == []


def _refusing(times: int):
    """``os.replace`` refused ``times`` times with a sharing violation (a scanner holding the file), then done."""
    real, calls = os.replace, []

    def replace(src, dst):
        calls.append(dst)
        if len(calls) <= times:
            raise PermissionError(13, "The process cannot access the file because it is being used by another process")
        real(src, dst)

    return replace, calls


def test_a_rename_refused_for_a_moment_is_tried_again(tmp_path, monkeypatch):
    """On Windows a virus scanner opens a file just written for a moment; the rename that publishes it
    then fails once or twice. The write goes through: the user is not told Excel has it open."""
    from desktop.store.file import tempfiles

    dest = tmp_path / "degerler.json"
    dest.write_text("eski", encoding="utf-8")
    replace, calls = _refusing(2)
    monkeypatch.setattr(tempfiles.os, "replace", replace)
    monkeypatch.setattr(tempfiles, "RENAME_RETRIES", (0.0, 0.0, 0.0, 0.0))
    write_atomic(dest, "yeni")
    assert dest.read_text(encoding="utf-8") == "yeni" and len(calls) == 3
    assert [p.name for p in tmp_path.iterdir()] == ["degerler.json"]  # no temporary file left


def test_a_file_that_stays_open_is_still_refused_and_kept(tmp_path, monkeypatch):
    from desktop.store.file import tempfiles

    dest = tmp_path / "tablo.xlsx"
    dest.write_bytes(b"eski")
    replace, calls = _refusing(100)
    monkeypatch.setattr(tempfiles.os, "replace", replace)
    monkeypatch.setattr(tempfiles, "RENAME_RETRIES", (0.0, 0.0, 0.0, 0.0))
    with pytest.raises(WorkbookError, match="başka bir programda"):
        write_atomic(dest, b"yeni")
    assert dest.read_bytes() == b"eski" and len(calls) == 5
    assert [p.name for p in tmp_path.iterdir()] == ["tablo.xlsx"]
