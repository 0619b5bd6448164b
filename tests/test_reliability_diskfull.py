"""Disk full: edits, imports, merges, copies and PDF exports fail with a clear message
and leave every file as it was.

Each test mounts a small, size-limited tmpfs (CI runs as root). Where mounting
is forbidden (a container without CAP_SYS_ADMIN) the tests are skipped with
that reason.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from bench import sample_files
from desktop.store.errors import WorkbookError
from desktop.store.exchange.valueset import export_values, import_values
from desktop.store.file import fingerprint
from desktop.store.file.workbook import Workbook

TURKISH_LETTERS = set("çğıöşüÇĞİÖŞÜ")


def _mount(folder: Path, size: str) -> str | None:
    if os.name != "posix" or not shutil.which("mount"):
        return "no mount command on this machine"
    proc = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size},mode=0777", "tmpfs", str(folder)], capture_output=True, text=True
    )
    if proc.returncode != 0:
        return f"mounting a small tmpfs is not permitted here: {proc.stderr.strip() or proc.returncode}"
    return None


@pytest.fixture
def small_disk(tmp_path):
    """A 4 MiB filesystem of its own; filled by ``fill``."""
    folder = tmp_path / "disk"
    folder.mkdir()
    reason = _mount(folder, "4m")
    if reason:
        pytest.skip(reason)
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def fill(folder: Path) -> Path:
    """Write a filler file until the disk refuses another byte; returns it (delete it to free space)."""
    filler = folder / "dolgu.bin"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT | os.O_APPEND)
    try:
        for chunk in (1 << 16, 1 << 12, 1 << 9, 1):
            try:
                while True:
                    os.write(fd, b"\0" * chunk)
            except OSError:
                pass
    finally:
        os.close(fd)
    probe = folder / "bir-bayt"
    with pytest.raises(OSError):
        probe.write_bytes(b"x")
    probe.unlink()
    return filler


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def clear(message: str) -> None:
    assert message and "Traceback" not in message
    assert TURKISH_LETTERS & set(message), message


def whole(path: Path) -> dict:
    with Workbook.open(path) as wb:
        assert wb.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return {d: fingerprint.content_hash(wb.conn, d) for d in wb.departments}


@pytest.fixture
def itfaiye_on_disk(small_disk, definition) -> Path:
    return sample_files.department_files(definition, small_disk, 1)[0]


def test_edit_on_a_full_disk_says_disk_full_and_keeps_earlier_edits(itfaiye_on_disk):
    path = itfaiye_on_disk
    with Workbook.open(path) as wb:
        wb.set_value("itfaiye.makbuz.ocak.arac", 41)
        wb.set_value("itfaiye.trafik_kazasi", 12)
        before = whole_in(wb)
        filler = fill(path.parent)
        with pytest.raises(WorkbookError) as info:
            wb.set_value("itfaiye.anlatim", "Yangın söndürme eğitimi, İstanbul ılıca. " * 500)
        clear(str(info.value))
        assert "Disk dolu" in str(info.value)
        with pytest.raises(WorkbookError):
            wb.set_value("itfaiye.makbuz.ocak.arac", 42)  # even a small edit needs journal space
        assert wb.get("itfaiye.makbuz.ocak.arac") == 41
    # still full: the file opens and holds every earlier edit
    assert whole(path) == before
    with Workbook.open(path) as wb:
        assert wb.get("itfaiye.makbuz.ocak.arac") == 41 and wb.get("itfaiye.trafik_kazasi") == 12
    filler.unlink()
    with Workbook.open(path) as wb:  # space again: editing works
        assert wb.set_value("itfaiye.makbuz.ocak.arac", 42)
    assert not Path(str(path) + "-journal").exists()


def whole_in(wb: Workbook) -> dict:
    return {d: fingerprint.content_hash(wb.conn, d) for d in wb.departments}


def test_value_set_import_on_a_full_disk_fails_whole(itfaiye_on_disk):
    path = itfaiye_on_disk
    with Workbook.open(path) as wb:
        data = export_values(wb)
        for row in data["values"]:
            if row["field"] == "itfaiye.anlatim":
                row["value"] = "Tatbikat ve eğitim çalışmaları; Çığ, Şişli, Ilgaz. " * 1500
            elif isinstance(row["value"], int):
                row["value"] += 1000
        before = whole_in(wb)
        fill(path.parent)
        with pytest.raises(WorkbookError) as info:
            import_values(wb, data)
        clear(str(info.value))
        assert "Disk dolu" in str(info.value)
        assert whole_in(wb) == before
    assert whole(path) == before


def test_copy_to_a_full_stick_fails_cleanly_and_leaves_no_file(tmp_path, small_disk, definition):
    src = sample_files.department_files(definition, tmp_path / "yerel", 1)[0]
    dest = small_disk / "gonder.faaliyet"
    from desktop.store.file.submission import export_copy

    with Workbook.open(src) as wb:
        export_copy(wb, dest)  # last week's copy
        old = digest(dest)
        wb.set_value("itfaiye.anlatim", "Yeni metin: çğıöşü ÇĞİÖŞÜ " * 3000)
        fill(small_disk)
        with pytest.raises(WorkbookError) as info:
            export_copy(wb, dest)
        clear(str(info.value))
    assert digest(dest) == old
    assert sorted(p.name for p in small_disk.iterdir()) == ["dolgu.bin", "gonder.faaliyet"]  # no temp left


def test_merge_into_a_file_on_a_full_disk_is_refused_and_changes_nothing(tmp_path, small_disk, definition):
    from desktop.store.merge.run import merge_files

    files = sample_files.department_files(definition, tmp_path / "birimler", 2)
    target = small_disk / "birlesik.faaliyet"
    Workbook.create(target, definition, None).close()
    merge_files(target, files[1:])
    before = whole(target)
    before_bytes = digest(target)
    fill(small_disk)
    try:
        result = merge_files(target, files[:1])
    except WorkbookError as exc:
        clear(str(exc))
    else:
        assert result.refused
        text = "\n".join(result.summary_lines())
        clear(text)
        assert "Disk dolu" in text, text
    assert digest(target) == before_bytes
    assert whole(target) == before


def test_merge_with_a_full_temporary_folder_is_refused_clearly(tmp_path, small_disk, definition, monkeypatch):
    """The private copy of each incoming file goes to the temporary folder; when that disk is full
    the file is refused with a message about space, and the target is unchanged."""
    from desktop.store.merge.run import merge_files

    files = sample_files.department_files(definition, tmp_path / "birimler", 1)
    target = tmp_path / "birlesik.faaliyet"
    Workbook.create(target, definition, None).close()
    before = digest(target)
    monkeypatch.setattr(tempfile, "tempdir", str(small_disk))
    fill(small_disk)
    try:
        result = merge_files(target, files)
    except WorkbookError as exc:
        text = str(exc)
    else:
        assert result.refused
        text = "\n".join(result.summary_lines())
    clear(text)
    assert "Disk dolu" in text, text  # says the disk is full, not that the file is unreadable
    assert digest(target) == before


def test_pdf_export_on_a_full_disk_fails_and_the_earlier_pdf_stays_whole(tmp_path, small_disk, definition):
    from desktop.report import build_report

    src = sample_files.department_files(definition, tmp_path / "yerel", 1)[0]
    out = small_disk / "itfaiye.pdf"
    with Workbook.open(src) as wb:
        build_report(wb, out)
        earlier = digest(out)
        wb.set_value("itfaiye.anlatim", "Rapor metni değişti: çğıöşü ÇĞİÖŞÜ. " * 200)
        fill(small_disk)
        with pytest.raises(WorkbookError) as info:
            build_report(wb, out)
        clear(str(info.value))
    assert digest(out) == earlier
    assert out.read_bytes().rstrip().endswith(b"%%EOF")
    assert sorted(p.name for p in small_disk.iterdir()) == ["dolgu.bin", "itfaiye.pdf"]
