"""Department files that arrive in a zip archive are merged from it (store level, real files)."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from merge_support import dept_hash, rows

from desktop.store.merge import archive
from desktop.store.merge.run import merge_files

pytestmark = [pytest.mark.definition("small"), pytest.mark.usefixtures("clock")]


@pytest.fixture
def target(consolidated_path) -> Path:
    return consolidated_path


def zipped(path: Path, members: dict[str, Path | bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, content in members.items():
            z.writestr(name, content if isinstance(content, bytes) else content.read_bytes())
    return path


def outcomes(result) -> dict[str, tuple[str, str]]:
    return {str(f.path): (f.status, f.message) for f in result.files}


def test_the_department_files_in_a_zip_are_merged(target, files, tmp_path):
    """A clerk zips the file to e-mail it; the strategy unit drops the zip: each department file in it
    is merged, named as a file in the archive; the log keeps the file's own name."""
    arc = zipped(
        tmp_path / "gelen.zip",
        {
            "kars-2020-itfaiye.faaliyet": files["itfaiye"],
            "alt/kars-2020-imar.faaliyet": files["imar"],  # a folder in the archive
            "okubeni.txt": b"not a department file",
        },
    )
    result = merge_files(target, [arc])
    assert outcomes(result) == {
        str(arc / "kars-2020-itfaiye.faaliyet"): ("imported", ""),
        str(arc / "alt" / "kars-2020-imar.faaliyet"): ("imported", ""),
    }
    for dept in ("itfaiye", "imar"):
        assert dept_hash(target, dept) == dept_hash(files[dept], dept)
    assert sorted(r[0] for r in rows(target, "SELECT file_name FROM import_log")) == [
        "kars-2020-imar.faaliyet",
        "kars-2020-itfaiye.faaliyet",
    ]
    # given again by that name (as the window does to take a file refused as older): the same file
    again = merge_files(target, [arc / "kars-2020-itfaiye.faaliyet"])
    assert outcomes(again) == {str(arc / "kars-2020-itfaiye.faaliyet"): ("unchanged", again.files[0].message)}


def test_a_name_in_the_archive_is_never_used_as_a_path(target, files, tmp_path):
    outside = tmp_path / "disari"
    outside.mkdir()
    arc = zipped(tmp_path / "gelen.zip", {"../disari/../../kars-2020-itfaiye.faaliyet": files["itfaiye"]})
    result = merge_files(target, [arc])
    assert [f.status for f in result.files] == ["imported"]
    assert list(outside.iterdir()) == [] and not (tmp_path.parent / "kars-2020-itfaiye.faaliyet").exists()


@pytest.mark.parametrize(
    "make, said",
    [
        (lambda p, f: zipped(p, {"okubeni.txt": b"x"}), "içinde Faaliyet dosyası (.faaliyet) yok"),
        (lambda p, f: p.write_bytes(b"PK\x03\x04" + b"\x00" * 200) and p, "sıkıştırılmış klasör bozuk"),
        (lambda p, f: _encrypted(zipped(p, {"kars-2020-itfaiye.faaliyet": f})), "parolalı"),
        (lambda p, f: _garbled(zipped(p, {"kars-2020-itfaiye.faaliyet": f})), "sıkıştırılmış klasör bozuk"),
    ],
    ids=["no-department-file", "damaged", "encrypted", "damaged-data"],
)
def test_an_archive_that_cannot_be_merged_says_why_and_nothing_is_written(target, files, tmp_path, make, said):
    arc = tmp_path / "gelen.zip"
    make(arc, files["itfaiye"])
    before = target.read_bytes()
    result = merge_files(target, [arc, files["imar"]])
    refused = [f for f in result.files if f.status == "refused"]
    assert len(refused) == 1 and said in refused[0].message, [f.message for f in result.files]
    assert dept_hash(target, "itfaiye") == dept_hash(target, "zabita")  # nothing of İtfaiye's
    assert [f.status for f in result.files if f.path == files["imar"]] == ["imported"]  # the others go on
    assert before != target.read_bytes()


def _garbled(arc: Path) -> Path:
    """The member's compressed bytes damaged, its headers whole (zlib, not the archive, finds it)."""
    data = bytearray(arc.read_bytes())
    start = data.find(b"kars-2020-itfaiye.faaliyet") + len("kars-2020-itfaiye.faaliyet")
    for i in range(start + 10, start + 400):
        data[i] ^= 0x5A
    arc.write_bytes(bytes(data))
    return arc


def _encrypted(arc: Path) -> Path:
    """The archive with its member marked encrypted (zipfile cannot write one; readers trust the flag)."""
    data = bytearray(arc.read_bytes())
    for signature, at in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):  # local header, central directory
        i = data.find(signature)
        data[i + at] |= 0x1
    arc.write_bytes(bytes(data))
    return arc


def test_a_member_larger_than_a_department_file_can_be_is_not_read_out(target, files, tmp_path, monkeypatch):
    """What the archive says of a member's size is not believed: the bytes are counted as they come."""
    monkeypatch.setattr(archive, "MAX_INCOMING_BYTES", 4096)
    arc = zipped(tmp_path / "gelen.zip", {"kars-2020-itfaiye.faaliyet": files["itfaiye"]})
    result = merge_files(target, [arc])
    assert result.files[0].status == "refused" and "olağan dışı büyük" in result.files[0].message


def test_a_folder_does_not_open_the_archives_in_it(target, files, tmp_path):
    """A folder given stands for its department files only: an old backup zip beside them stays shut."""
    zipped(files["itfaiye"].parent / "eski-yedek.zip", {"kars-2020-imar.faaliyet": files["imar"]})
    result = merge_files(target, [files["itfaiye"].parent])
    assert sorted(f.path.name for f in result.files) == sorted(p.name for p in files.values())


@pytest.mark.parametrize(
    "member, name",
    [
        ("kars-2020-itfaiye.faaliyet", "kars-2020-itfaiye.faaliyet"),
        ("alt/kars-2020-itfaiye.faaliyet", "kars-2020-itfaiye.faaliyet"),
        ("..\\..\\kars-2020-itfaiye.faaliyet", "kars-2020-itfaiye.faaliyet"),  # made on Windows
        ("C:kars-2020-itfaiye.faaliyet", "kars-2020-itfaiye.faaliyet"),
        ("../a\\..\\b/kars-2020-itfaiye.faaliyet", "kars-2020-itfaiye.faaliyet"),
    ],
)
def test_a_member_s_own_name_holds_no_path(member, name):
    assert archive.file_name(member) == name


def test_the_command_merges_a_zip(target, files, tmp_path, capsys):
    from desktop import cli

    arc = zipped(tmp_path / "gelen.zip", {p.name: p for p in files.values()})
    assert cli.main(["merge", "--into", str(target), str(arc)]) == 0
    out = capsys.readouterr().out
    assert all(f"{p.name}: aktarıldı" in out for p in files.values()), out


def test_a_file_read_out_of_an_archive_is_gone_once_checked(target, files, tmp_path, monkeypatch):
    """Only its private copy stays until it is written: a large archive never fills the temporary folder twice."""
    from desktop.store.merge import incoming, run

    seen = []
    real = incoming.check_incoming

    def checking(path, *args, **kwargs):
        seen.append(path)
        return real(path, *args, **kwargs)

    monkeypatch.setattr(run, "check_incoming", checking)
    arc = zipped(tmp_path / "gelen.zip", {p.name: p for p in files.values()})
    writes = []
    real_write = run.merge_write.write

    def write(wb, plan, *args):
        writes.append([p.exists() for p in seen])
        return real_write(wb, plan, *args)

    monkeypatch.setattr(run.merge_write, "write", write)
    result = merge_files(target, [arc])
    assert {f.status for f in result.files} == {"imported"} and len(seen) == 3
    assert writes[0] == [False, False, False]


class _LegacyName(zipfile.ZipInfo):
    """A member named as Windows' own zip tool (or an older one) writes it: the name's bytes in a
    code page, without the flag that says UTF-8."""

    encoding = "cp857"

    def _encodeFilenameFlags(self):  # noqa: N802 - zipfile's own name
        return self.filename.encode(self.encoding), self.flag_bits & ~0x800


def legacy_zipped(path: Path, members: dict[str, bytes], encoding: str = "cp857") -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, content in members.items():
            info = _LegacyName(name)
            info.encoding = encoding
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, content)
    return path


def test_a_turkish_name_zipped_on_a_turkish_windows_is_shown_as_written(target, files, tmp_path):
    """Windows' "Compressed folder" writes names in code page 857 without the UTF-8 flag; read as the
    zip default (437) "İtfaiye Şubat" came out "─░tfaiye ┼₧ubat" in the report and the import log."""
    name = "Faaliyet Raporu - İtfaiye/itfaiye-şubat-ğüöç-ı.faaliyet"
    arc = legacy_zipped(tmp_path / "gelen.zip", {name: files["itfaiye"].read_bytes()})
    with zipfile.ZipFile(arc) as z:
        assert z.infolist()[0].filename != name  # what any zip reader makes of it without knowing
    result = merge_files(target, [arc])
    assert outcomes(result) == {str(arc / name): ("imported", "")}
    assert rows(target, "SELECT file_name FROM import_log") == [("itfaiye-şubat-ğüöç-ı.faaliyet",)]
    # given again by the name the report showed: the same member
    again = merge_files(target, [arc / name])
    assert again.files[0].status == "unchanged"


def test_a_name_in_utf8_without_the_flag_is_read_as_utf8(tmp_path):
    """A Linux or macOS tool may write UTF-8 bytes without the flag: they are not taken for code page 857."""
    arc = legacy_zipped(tmp_path / "gelen.zip", {"itfaiye-şubat.faaliyet": b"x"}, encoding="utf-8")
    assert archive.members(arc) == [arc / "itfaiye-şubat.faaliyet"]
    flagged = zipped(tmp_path / "utf8.zip", {"itfaiye-şubat.faaliyet": b"x"})  # zipfile flags a UTF-8 name
    assert archive.members(flagged) == [flagged / "itfaiye-şubat.faaliyet"]
