"""Merging department files into the consolidated file (store level, real files)."""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import shutil
import sqlite3
from decimal import Decimal as D
from pathlib import Path

import pytest
from merge_support import KEY, KEY2, dept_hash, edit, entered, rows, sha
from PIL import Image

from desktop import cli
from desktop.core.definition import Definition
from desktop.store.errors import WorkbookError
from desktop.store.file import fingerprint
from desktop.store.file.photos import add_photo, remove_photo
from desktop.store.file.submission import export_copy, submit
from desktop.store.file.workbook import Workbook
from desktop.store.merge import incoming as merge_incoming
from desktop.store.merge import private_copy
from desktop.store.merge import run as merge_run
from desktop.store.merge import write as merge_write
from desktop.store.merge.incoming import check_incoming
from desktop.store.merge.run import MergeConflict, merge_files

# the store's clock moves one minute per reading, so "newer" never depends on timing
pytestmark = [pytest.mark.definition("small"), pytest.mark.usefixtures("clock")]


@pytest.fixture
def target(consolidated_path) -> Path:
    return consolidated_path


def variant(definition: Definition, **changes) -> Definition:
    data = definition.to_data()
    for dotted, value in changes.items():
        node = data
        *path, last = dotted.split("__")
        for p in path:
            node = node[p]
        node[last] = value
    return Definition.from_data(data)


def statuses(result) -> dict[str, str]:
    return {f.path.name: f.status for f in result.files}


# --- importing ---------------------------------------------------------------


def test_merge_imports_every_department_and_logs_each_file(target, files):
    result = merge_files(target, list(files.values()))
    assert set(statuses(result).values()) == {"imported"} and not result.refused
    assert len(result.summary_lines()) == len(files)
    n = entered(files["itfaiye"])
    assert f"kars-2020-itfaiye.faaliyet: aktarıldı (itfaiye) — {n} eklenen" in "\n".join(result.summary_lines())
    for dept, path in files.items():
        assert dept_hash(target, dept) == dept_hash(path, dept)
    log = rows(target, "SELECT department, file_name, file_hash, content_hash, clerk, by FROM import_log ORDER BY id")
    assert [r[0] for r in log] == list(files)
    for dept, name, file_hash, content_hash, clerk, by in log:
        assert name == files[dept].name and file_hash == sha(files[dept])
        assert content_hash == dept_hash(files[dept], dept) and clerk == "ornek" and by == "test"
    audit = rows(target, "SELECT department, attribute, new FROM audit WHERE attribute = 'import'")
    assert len(audit) == len(files)
    with Workbook.open(target) as wb:
        assert wb.get(KEY) == 78
        expected = {}
        for path in files.values():
            with Workbook.open(path, readonly=True) as dept_wb:
                expected.update(dept_wb.entries().values)
        assert wb.entries().values == expected


def test_importing_the_same_file_again_changes_nothing(target, files):
    merge_files(target, list(files.values()))
    before = sha(target)
    result = merge_files(target, list(files.values()))
    assert set(statuses(result).values()) == {"unchanged"}
    assert "hiçbir şey değişmedi" in result.summary_lines()[0]
    assert sha(target) == before  # not even a log row


def _checked(monkeypatch) -> list[str]:
    """The files a merge checks from now on (by name), in order."""
    seen: list[str] = []
    real = merge_incoming.open_checked

    def open_checked(path, known=None, name="", checker=None, data=None):
        seen.append(name or path.name)
        return real(path, known, name, checker, data)

    monkeypatch.setattr(merge_incoming, "open_checked", open_checked)
    return seen


def test_the_very_file_last_imported_is_not_checked_again(target, files, monkeypatch):
    """The strategy unit drops the whole folder again as each new file arrives: a file byte for byte
    the one its department's data last came from is reported unchanged without being checked (each
    was checked in full, every time)."""
    merge_files(target, list(files.values()))
    edit(files["itfaiye"], {KEY: 91})
    before = sha(target)
    checked = _checked(monkeypatch)
    result = merge_files(target, list(files.values()))
    assert checked == [files["itfaiye"].name]  # only the changed file
    assert {f.path.name: f.status for f in result.files} == {
        p.name: "imported" if d == "itfaiye" else "unchanged" for d, p in files.items()
    }
    assert all(f.department == d for f, d in zip(result.files, files, strict=True))
    assert sha(target) != before and dept_hash(target, "itfaiye") == dept_hash(files["itfaiye"], "itfaiye")


def test_a_file_of_an_earlier_import_or_the_same_data_in_other_bytes_is_checked(target, files, monkeypatch, tmp_path):
    """Only the department's last imported file is known: the file of an earlier import is checked
    (and refused as older than the last), and a file holding the last import's data in other bytes
    (a change made and taken back) is checked before it is found unchanged."""
    first = tmp_path / "ilk.faaliyet"
    shutil.copy(files["itfaiye"], first)
    merge_files(target, [files["itfaiye"]])
    old = rows(files["itfaiye"], "SELECT value FROM entry WHERE key = ?", KEY)[0][0]
    edit(files["itfaiye"], {KEY: 91})
    merge_files(target, [files["itfaiye"]])
    checked = _checked(monkeypatch)
    refused = merge_files(target, [first]).files[0]
    assert checked == ["ilk.faaliyet"] and refused.status == "refused" and refused.stale
    edit(files["itfaiye"], {KEY: old})
    edit(files["itfaiye"], {KEY: 91})  # the last import's data again, in a file with more audit rows
    again = merge_files(target, [files["itfaiye"]]).files[0]
    assert checked == ["ilk.faaliyet", files["itfaiye"].name] and again.status == "unchanged"


def test_the_report_of_a_merge_says_first_what_needs_the_user(target, files, tmp_path):
    """The whole folder dropped again with one damaged file: the refused file was the last of the lines,
    under the ones that say nothing changed (the window's box shows the first lines, the rest under
    its details). The report opens with the counts, then the refused file."""
    merge_files(target, list(files.values()))
    damaged = tmp_path / "gelen" / "kars-2020-bozuk.faaliyet"
    damaged.parent.mkdir()
    damaged.write_bytes(files["itfaiye"].read_bytes()[:5000])
    result = merge_files(target, [*files.values(), damaged])
    lines = result.report_lines()
    n = len(files)
    assert lines[0] == f"{n + 1} dosya: 1 REDDEDİLDİ, {n} değişiklik yok"
    assert lines[2].startswith("kars-2020-bozuk.faaliyet: REDDEDİLDİ")
    assert [line.split(":")[0] for line in result.summary_lines()][-1] == "kars-2020-bozuk.faaliyet"  # as given


def test_a_newer_file_replaces_the_department_as_a_whole(target, files):
    merge_files(target, [files["itfaiye"]])
    edit(files["itfaiye"], {KEY: 80, KEY2: None})
    result = merge_files(target, [files["itfaiye"]])
    out = result.files[0]
    assert out.status == "imported" and out.changes == {"eklenen": 0, "degisen": 1, "silinen": 1}
    assert dept_hash(target, "itfaiye") == dept_hash(files["itfaiye"], "itfaiye")
    with Workbook.open(target) as wb:
        assert wb.get(KEY) == 80 and wb.get(KEY2) is None
    # rows of other departments are untouched
    assert rows(target, "SELECT count(*) FROM entry WHERE department != 'itfaiye'")[0][0] == 0


def test_preview_writes_nothing_and_progress_is_reported(target, files):
    before = sha(target)
    seen = []
    preview = merge_files(target, list(files.values()), dry_run=True, progress=lambda i, n, name: seen.append((i, n, name)))
    assert {f.status for f in preview.files} == {"planned"} and sha(target) == before
    assert "aktarılabilir (itfaiye)" in "\n".join(preview.summary_lines())
    seen.clear()
    merge_files(target, list(files.values()), progress=lambda i, n, name: seen.append((i, n, name)))
    n = len(files)
    # by phase: every file checked, each department's file compared, each import written, then the end
    assert [i for i, _, _ in seen] == list(range(3 * n + 1)) and {t for _, t, _ in seen} == {3 * n}
    phases = [text.split(": ")[0] for _, _, text in seen[:-1]]
    assert phases == ["denetleniyor"] * n + ["karşılaştırılıyor"] * n + ["yazılıyor"] * n
    assert {text.split(": ")[1] for _, _, text in seen[:n]} == {p.name for p in files.values()}
    assert seen[-1] == (3 * n, 3 * n, "")


def test_the_target_must_be_a_consolidated_file(files):
    with pytest.raises(WorkbookError) as info:
        merge_files(files["imar"], [files["itfaiye"]])
    assert "birleştirme hedefi birleşik dosya olmalı" in str(info.value)


def test_a_folder_stands_for_its_files(target, files):
    result = merge_files(target, [files["itfaiye"].parent])
    assert len(result.files) == len(files) and not result.refused


def test_a_folder_holding_the_target_skips_the_target(files, definition):
    target = files["itfaiye"].parent / "kars-2020-birlesik.faaliyet"
    Workbook.create(target, definition, None).close()
    result = merge_files(target, [target.parent])
    assert len(result.files) == len(files) and not result.refused


def test_stale_file_is_refused_unless_forced(target, files, tmp_path):
    old = tmp_path / "eski" / files["itfaiye"].name
    old.parent.mkdir()
    shutil.copy(files["itfaiye"], old)
    edit(files["itfaiye"], {"itfaiye.makbuz.ocak.arac": 81})
    merge_files(target, [files["itfaiye"]])
    before = sha(target)
    result = merge_files(target, [old])
    assert result.refused and result.files[0].status == "refused"
    assert "eldekinden eski" in result.files[0].message and "--force" in result.files[0].message
    assert result.files[0].stale  # the window offers "import anyway" by this flag, not by the wording
    assert sha(target) == before
    forced = merge_files(target, [old], force=True)
    assert forced.files[0].status == "imported"
    with Workbook.open(target) as wb:
        assert wb.get(KEY) == 78


def test_of_two_files_of_one_department_the_newest_is_imported(target, files, tmp_path):
    old = tmp_path / "kopya.faaliyet"
    shutil.copy(files["itfaiye"], old)
    edit(files["itfaiye"], {"itfaiye.makbuz.ocak.arac": 82})
    result = merge_files(target, [files["itfaiye"], old])
    assert statuses(result) == {files["itfaiye"].name: "imported", "kopya.faaliyet": "skipped"}
    with Workbook.open(target) as wb:
        assert wb.get(KEY) == 82


# --- refusals ------------------------------------------------------------------


def _refused(target, path) -> str:
    before = sha(target)
    result = merge_files(target, [path])
    assert result.refused and result.files[0].status == "refused", result.summary_lines()
    assert sha(target) == before
    return result.files[0].message


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"", "boş (0 bayt)"), (b"merhaba" * 100, "Faaliyet dosyası değil"), (b"SQLite format 3\x00" + bytes(84), "bozuk")],
)
def test_a_bad_header_is_refused_before_any_copy_is_made(target, tmp_path, content, message):
    """The header is checked on the first bytes the copy reads, before anything is written."""
    path = tmp_path / "kotu.faaliyet"
    path.write_bytes(content)
    copy = tmp_path / "kopya" / "0-kotu.faaliyet"
    copy.parent.mkdir()
    with Workbook.open(target) as wb, pytest.raises(WorkbookError) as info:
        check_incoming(path, wb, copy)
    assert message in str(info.value)
    assert list(copy.parent.iterdir()) == []


def test_the_target_itself_by_another_name_is_refused(target, tmp_path):
    link = tmp_path / "baska-ad.faaliyet"
    link.hardlink_to(target)
    result = merge_files(target, [link])
    assert result.files[0].status == "refused" and "birleşik dosyanın kendisi" in result.files[0].message


def test_wrong_year_is_refused(target, definition, tmp_path):
    other = variant(definition, year__year=2021)
    path = tmp_path / "itfaiye-2021.faaliyet"
    Workbook.create(path, other, "itfaiye").close()
    assert "yıl 2021, birleşik dosyanın yılı 2020" in _refused(target, path)


def test_wrong_institution_is_refused(target, definition, tmp_path):
    other = variant(definition, institution__key="ardahan", institution__name="Ardahan Belediyesi")
    path = tmp_path / "ardahan.faaliyet"
    Workbook.create(path, other, "itfaiye").close()
    assert "kurum 'Ardahan Belediyesi'" in _refused(target, path)


def test_unknown_department_is_refused(target, definition, tmp_path):
    data = definition.to_data()
    data["departments"].append({"key": "deneme_birimi", "name": "Deneme Müdürlüğü"})
    path = tmp_path / "deneme.faaliyet"
    Workbook.create(path, Definition.from_data(data), "deneme_birimi").close()
    assert "birim 'deneme_birimi' bu yılın tanımında yok" in _refused(target, path)


def test_consolidated_file_and_the_target_itself_are_refused(target, definition, tmp_path):
    other = tmp_path / "baska-birlesik.faaliyet"
    Workbook.create(other, definition, None).close()
    assert "birleşik dosya, birim dosyası değil" in _refused(target, other)
    assert "birleşik dosyanın kendisi" in _refused(target, target)


def test_other_definition_version_is_accepted_when_every_key_exists(target, definition, files, tmp_path):
    other = variant(definition, version="2")
    path = tmp_path / "itfaiye-v2.faaliyet"
    with Workbook.create(path, other, "itfaiye") as wb:
        wb.set_value(KEY, 5)
    assert merge_files(target, [path]).files[0].status == "imported"
    # a key the target's definition does not know: refused
    data = definition.to_data()
    form = next(f for f in data["forms"] if f["department"] == "itfaiye")
    form["sections"][0]["items"].append({"kind": "field", "key": "yeni_alan", "label": "Yeni", "type": "count"})
    path2 = tmp_path / "itfaiye-yeni.faaliyet"
    with Workbook.create(path2, Definition.from_data(data), "itfaiye") as wb:
        wb.set_value("itfaiye.yeni_alan", 3)
    assert "'itfaiye.yeni_alan' bu yılın tanımında itfaiye biriminin bir alanı değil" in _refused(target, path2)


def test_tampered_files_are_refused(target, files, tmp_path):
    trig = tmp_path / "tetik.faaliyet"
    shutil.copy(files["itfaiye"], trig)
    conn = sqlite3.connect(trig)
    conn.execute("CREATE TRIGGER t AFTER INSERT ON entry BEGIN DELETE FROM entry; END")
    conn.commit()
    conn.close()
    assert "beklenmeyen bir yapı" in _refused(target, trig)

    flipped = tmp_path / "bozuk.faaliyet"
    data = bytearray(files["itfaiye"].read_bytes())
    root = rows(files["itfaiye"], "SELECT rootpage FROM sqlite_master WHERE name = 'entry'")[0][0]
    page = rows(files["itfaiye"], "PRAGMA page_size")[0][0]
    start = (root - 1) * page
    for i in range(start, start + 12):  # the b-tree page header of the entry table
        data[i] ^= 0xFF
    flipped.write_bytes(bytes(data))
    assert "bozuk" in _refused(target, flipped)

    redefined = tmp_path / "tanim.faaliyet"
    shutil.copy(files["itfaiye"], redefined)
    conn = sqlite3.connect(redefined)
    conn.execute("UPDATE definition_form SET json = replace(json, 'Araç Sayısı', 'Araç')")  # its own form's part
    conn.commit()
    conn.close()
    assert "form tanımı değiştirilmiş" in _refused(target, redefined)

    typed = tmp_path / "tur.faaliyet"
    shutil.copy(files["itfaiye"], typed)
    conn = sqlite3.connect(typed)
    conn.execute("UPDATE entry SET value = 'yetmiş sekiz' WHERE key = ?", (KEY,))
    conn.execute("UPDATE entry SET value = -3 WHERE key = ?", (KEY2,))
    conn.execute("INSERT INTO entry VALUES ('imar.iskan_devam', 'imar', 1, 'x', 'y')")
    conn.commit()
    conn.close()
    msg = _refused(target, typed)
    assert "saklanan değer türü yanlış" in msg and "eksi olamaz" in msg and "başka bir birime ait" in msg


def test_submitted_file_changed_outside_faaliyet_is_refused(target, files, tmp_path):
    with Workbook.open(files["itfaiye"]) as wb:
        submit(wb)
    conn = sqlite3.connect(files["itfaiye"])
    conn.execute("UPDATE entry SET value = 99 WHERE key = ?", (KEY,))
    conn.commit()
    conn.close()
    assert "gönderildikten sonra Faaliyet dışında değiştirilmiş" in _refused(target, files["itfaiye"])


def test_hot_journal_or_wal_without_its_file_is_refused(target, files, tmp_path):
    path = files["itfaiye"]
    journal = Path(str(path) + "-journal")
    journal.write_bytes(b"\0" * 512)
    assert "yazılırken kopyalanmış" in _refused(target, path)
    journal.unlink()
    wal = tmp_path / "wal.faaliyet"
    shutil.copy(path, wal)
    conn = sqlite3.connect(wal)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.close()
    Path(str(wal) + "-wal").unlink(missing_ok=True)
    assert "WAL kipinde" in _refused(target, wal)


def test_the_incoming_file_is_never_written(target, files):
    before = {p: sha(p) for p in files.values()}
    merge_files(target, list(files.values()))
    assert {p: sha(p) for p in files.values()} == before


# --- conflicts -----------------------------------------------------------------


@pytest.fixture
def diverged(target, files):
    """itfaiye imported; then the strategy unit and the clerk change the same value differently."""
    merge_files(target, [files["itfaiye"]])
    with Workbook.open(target, user="strateji") as wb:
        wb.set_value(KEY, 100)  # here
        wb.set_value("itfaiye.makbuz.mart.arac", 7)  # only here: kept
    edit(files["itfaiye"], {"itfaiye.makbuz.ocak.arac": 90, "itfaiye.makbuz.nisan.arac": 11})  # there; nisan only there
    return target, files["itfaiye"]


def test_conflict_is_reported_side_by_side_and_nothing_is_written(diverged):
    target, path = diverged
    before = sha(target)
    with pytest.raises(MergeConflict) as info:
        merge_files(target, [path])
    assert sha(target) == before
    text = str(info.value)
    assert "1 çakışma var; birleşik dosya değiştirilmedi" in text
    line = next(ln for ln in text.splitlines() if KEY in ln)
    assert "burada 100 (strateji," in line and "gelen 90 (memur," in line
    assert "son aktarımda 78" in line  # the common origin both sides changed
    assert "--resolve ours" in text
    (c,) = info.value.conflicts
    assert c.id == f"itfaiye:{KEY}" and (c.here, c.there, c.here_who, c.there_who) == ("100", "90", "strateji", "memur")
    assert c.base == "78"
    # the window's preview: the same conflict, nothing written
    preview = merge_files(target, [path], dry_run=True)
    assert preview.files[0].status == "conflict" and [x.id for x in preview.conflicts] == [c.id]
    assert sha(target) == before


@pytest.mark.parametrize("choice,expected", [("ours", 100), ("theirs", 90)])
def test_conflict_resolved_both_ways(diverged, choice, expected):
    target, path = diverged
    result = merge_files(target, [path], resolve=choice)
    out = result.files[0]
    assert out.status == "imported" and out.resolved == {f"itfaiye:{KEY}": choice} and out.kept_here == 1
    with Workbook.open(target) as wb:
        assert wb.get(KEY) == expected
        assert wb.get("itfaiye.makbuz.mart.arac") == 7  # changed only here: kept
        assert wb.get("itfaiye.makbuz.nisan.arac") == 11  # changed only there: taken
    audit = rows(target, "SELECT attribute, old, new FROM audit WHERE attribute LIKE 'import.%'")
    assert audit == [(f"import.{choice}", 100, 90)]
    # importing the same file again: nothing to decide, nothing changes
    before = sha(target)
    assert merge_files(target, [path]).files[0].status == "unchanged"
    assert sha(target) == before


def test_per_conflict_resolution_mapping(diverged):
    target, path = diverged
    result = merge_files(target, [path], resolve={f"itfaiye:{KEY}": "theirs"})
    assert result.files[0].status == "imported"
    with Workbook.open(target) as wb:
        assert wb.get(KEY) == 90


def test_after_keeping_a_local_change_the_next_file_only_conflicts_on_new_changes(diverged):
    target, path = diverged
    merge_files(target, [path], resolve="ours")
    edit(path, {"itfaiye.makbuz.mayis.arac": 3})  # the clerk goes on; KEY unchanged there since the import
    result = merge_files(target, [path])
    assert result.files[0].status == "imported" and result.files[0].kept_here == 2
    with Workbook.open(target) as wb:
        assert wb.get(KEY) == 100 and wb.get("itfaiye.makbuz.mayis.arac") == 3


def test_indicator_attributes_merge_one_by_one(target, files):
    merge_files(target, [files["itfaiye"]])
    with Workbook.open(target, user="strateji") as wb:
        wb.set_indicator("pg_5_3_1", explanation="Yeni itfaiye istasyonu açıldı.", source="Strateji kaydı")
    with Workbook.open(files["itfaiye"], user="memur") as wb:
        wb.set_indicator("pg_5_3_1", actual=7, source="Olay kayıt sistemi")
    with pytest.raises(MergeConflict) as info:
        merge_files(target, [files["itfaiye"]])
    assert [c.id for c in info.value.conflicts] == ["itfaiye:pg_5_3_1.source"]
    assert "PG.5.3.1 Yangına Ulaşma Süresi – kaynak" in str(info.value)
    result = merge_files(target, [files["itfaiye"]], resolve="ours")
    assert result.files[0].kept_here == 1 and result.files[0].changes["degisen"] == 1
    with Workbook.open(target) as wb:
        e = wb.entries().indicators["pg_5_3_1"]
    assert (e.actual, e.explanation, e.source) == (7, "Yeni itfaiye istasyonu açıldı.", "Strateji kaydı")
    assert rows(target, "SELECT changed_by FROM indicator WHERE key = 'pg_5_3_1'") == [("memur",)]  # whose number it is


def test_a_photo_list_changed_on_both_sides_is_one_conflict(target, files):
    with Workbook.open(files["itfaiye"]) as wb:
        add_photo(wb, "itfaiye.foto", _jpeg("red"), "Tatbikat")
    merge_files(target, [files["itfaiye"]])
    with Workbook.open(target, user="strateji") as wb:
        add_photo(wb, "itfaiye.foto", _jpeg("blue"), "Strateji")
    with Workbook.open(files["itfaiye"], user="memur") as wb:
        add_photo(wb, "itfaiye.foto", _jpeg("green"), "Eğitim")
    with pytest.raises(MergeConflict) as info:
        merge_files(target, [files["itfaiye"]])
    (c,) = info.value.conflicts
    assert c.id == "itfaiye:itfaiye.foto" and (c.here, c.there) == ("2 fotoğraf", "2 fotoğraf")
    merge_files(target, [files["itfaiye"]], resolve="ours")
    assert rows(target, "SELECT caption FROM photo ORDER BY position") == [("Tatbikat",), ("Strateji",)]
    edit(files["itfaiye"], {KEY: 1})
    merge_files(target, [files["itfaiye"]], resolve="theirs")  # the list is still kept here: no new change there
    assert rows(target, "SELECT caption FROM photo ORDER BY position") == [("Tatbikat",), ("Strateji",)]


def test_same_change_on_both_sides_is_no_conflict(target, files):
    merge_files(target, [files["itfaiye"]])
    with Workbook.open(target, user="strateji") as wb:
        wb.set_value(KEY, 55)
    edit(files["itfaiye"], {"itfaiye.makbuz.ocak.arac": 55})
    assert merge_files(target, [files["itfaiye"]]).files[0].status == "imported"


def test_first_import_conflicts_with_values_entered_here(target, files):
    with Workbook.open(target, user="strateji") as wb:
        wb.set_value(KEY, 1)
    with pytest.raises(MergeConflict):
        merge_files(target, [files["itfaiye"]])


def test_cli_merge_exit_status_and_target_unchanged_on_conflict(diverged, capsys):
    target, path = diverged
    before = sha(target)
    assert cli.main(["merge", "--into", str(target), str(path)]) == 1
    assert "çakışma" in capsys.readouterr().err
    assert sha(target) == before
    assert cli.main(["merge", "--into", str(target), str(path), "--resolve", "theirs"]) == 0
    assert "aktarıldı (itfaiye)" in capsys.readouterr().out


def test_cli_merge_refused_file_exits_1(target, files, tmp_path, capsys):
    assert cli.main(["merge", "--into", str(target), str(files["itfaiye"]), str(target)]) == 1
    out = capsys.readouterr().out
    assert "aktarıldı" in out and "REDDEDİLDİ" in out


# --- crash safety ----------------------------------------------------------------


def test_a_crash_halfway_leaves_the_target_byte_identical(target, files, monkeypatch):
    merge_files(target, [files["imar"]])
    edit(files["imar"], {"imar.iskan_devam": 12})
    before = sha(target)

    def boom(*args, **kwargs):
        raise RuntimeError("elektrik kesildi")

    monkeypatch.setattr(merge_write, "insert_department", boom)  # after the delete
    with pytest.raises(RuntimeError):
        merge_files(target, [files["itfaiye"], files["imar"]])
    assert sha(target) == before
    assert not Path(str(target) + "-journal").exists()
    with Workbook.open(target) as wb:
        assert wb.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_a_concurrent_edit_between_check_and_write_refuses_that_file(target, files, monkeypatch):
    real = merge_write.write

    def meddle(wb, plan, *args):
        with Workbook.open(target, user="baska") as other:
            other.set_value(KEY, 3)
        return real(wb, plan, *args)

    monkeypatch.setattr(merge_write, "write", meddle)
    result = merge_files(target, [files["itfaiye"]])
    assert result.files[0].status == "refused" and "bu sırada değiştirildi" in result.files[0].message


def test_an_edit_through_the_open_file_between_check_and_write_refuses_that_file(target, files, monkeypatch):
    """The window's own connection edits (no other connection commits): still seen before writing."""
    real = merge_write.write

    def meddle(wb, plan, *args):
        wb.set_value(KEY, 3)
        return real(wb, plan, *args)

    monkeypatch.setattr(merge_write, "write", meddle)
    with Workbook.open(target, user="strateji") as wb:
        result = merge_files(wb, [files["itfaiye"]])
    assert result.files[0].status == "refused" and "bu sırada değiştirildi" in result.files[0].message


def test_an_edit_right_after_the_comparison_refuses_that_file(target, files, monkeypatch):
    """Another connection commits after the comparisons' read ends and before anything is written:
    the write must still see it (the merge's stamp is taken inside that read), not replace the
    department over it."""
    merge_files(target, [files["itfaiye"]])
    edit(files["itfaiye"], {KEY2: 40})
    real = merge_run._one_read

    @contextlib.contextmanager
    def then_edited(conn):
        with real(conn):
            yield
        with Workbook.open(target, user="baska") as other:
            other.set_value(KEY, 3)

    monkeypatch.setattr(merge_run, "_one_read", then_edited)
    result = merge_files(target, [files["itfaiye"]])
    assert result.files[0].status == "refused" and "bu sırada değiştirildi" in result.files[0].message
    assert rows(target, "SELECT value FROM entry WHERE key = ?", KEY) == [(3,)]


def test_an_edit_between_two_writes_refuses_the_second_file(target, files, monkeypatch):
    """Another connection commits after one file's write and before the next one's: the next write
    reads its department's hash again (each write's stamp is taken inside its own transaction) and
    refuses the file instead of replacing the department over the edit."""
    merge_files(target, [files["itfaiye"], files["imar"]])
    edit(files["itfaiye"], {KEY2: 40})
    edit(files["imar"], {"imar.ruhsat": 181})
    real = merge_write.write
    written: list[str] = []

    def then_edited(wb, plan, *args):
        written.append(plan.inc.department)
        stamp = real(wb, plan, *args)
        if len(written) == 1:
            other_key = "imar.iskan_devam" if plan.inc.department == "itfaiye" else KEY
            with Workbook.open(target, user="baska") as other:
                other.set_value(other_key, 3)
        return stamp

    monkeypatch.setattr(merge_write, "write", then_edited)
    result = merge_files(target, [files["itfaiye"], files["imar"]])
    first, second = (f for d in written for f in result.files if f.department == d)
    assert first.status == "imported"
    assert second.status == "refused" and "bu sırada değiştirildi" in second.message
    edited = "imar.iskan_devam" if written[0] == "itfaiye" else KEY
    assert rows(target, "SELECT value FROM entry WHERE key = ?", edited) == [(3,)]


def _change_private_copy(plan, sql: str) -> None:
    conn = sqlite3.connect(plan.inc.copy)
    conn.execute(sql)
    conn.commit()
    conn.close()


@pytest.mark.parametrize(
    "sql, imported",
    [
        (f"UPDATE entry SET value = 3 WHERE key = '{KEY}'", False),  # changed: read and hashed again, refused
        (f"UPDATE entry SET value = value WHERE key = '{KEY}'", True),  # touched only: the data still hashes as checked
    ],
    ids=["changed", "touched"],
)
def test_a_private_copy_written_after_its_check_breaks_the_seal(target, files, monkeypatch, sql, imported):
    """Any write to the copy breaks the seal (private_copy.seal): its data is read and hashed again, and
    the file is imported exactly when that data is still what was checked."""
    real = merge_write.write

    def meddle(wb, plan, *args):
        _change_private_copy(plan, sql)
        return real(wb, plan, *args)

    monkeypatch.setattr(merge_write, "write", meddle)
    result = merge_files(target, [files["itfaiye"]])
    if imported:
        assert result.files[0].status == "imported"
        assert dept_hash(target, "itfaiye") == dept_hash(files["itfaiye"], "itfaiye")
    else:
        assert result.files[0].status == "refused" and "geçici kopyası değişti" in result.files[0].message
        assert rows(target, "SELECT count(*) FROM entry WHERE department = 'itfaiye'") == [(0,)]


def test_a_spilled_text_changed_after_the_check_is_not_logged(target, files, monkeypatch):
    """The log's snapshot comes from the spill only while it hashes to the content hash; otherwise from
    the copy, read again: the next import's common origin is always the imported data."""
    real = merge_write.write

    def meddle(wb, plan, since, spill):
        offset, length = plan.inc.base
        spill._file.seek(offset)
        spill._file.write(b"x" * length)
        return real(wb, plan, since, spill)

    monkeypatch.setattr(merge_write, "write", meddle)
    result = merge_files(target, [files["itfaiye"]])
    assert result.files[0].status == "imported"
    (summary,) = rows(target, "SELECT summary FROM import_log WHERE department = 'itfaiye'")[0]
    base = json.loads(summary)["base"]
    assert hashlib.sha256(fingerprint.canonical(base).encode()).hexdigest() == dept_hash(files["itfaiye"], "itfaiye")


def test_the_seal_holds_until_the_copy_is_written(tmp_path):
    copy = tmp_path / "kopya.faaliyet"
    copy.write_bytes(b"a" * 4096)
    sealed = private_copy.seal(copy)
    assert sealed is not None and private_copy.unchanged(copy, sealed)
    with copy.open("r+b") as fh:
        fh.write(b"b")
    assert not private_copy.unchanged(copy, sealed)
    assert not private_copy.unchanged(copy, None)


# --- photos and submitted copies ---------------------------------------------------


def _jpeg(color) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (40, 30), color).save(buf, "JPEG")
    return buf.getvalue()


def test_photos_travel_with_the_department(target, files):
    with Workbook.open(files["itfaiye"]) as wb:
        add_photo(wb, "itfaiye.foto", _jpeg("red"), "Tatbikat")
        add_photo(wb, "itfaiye.foto", _jpeg("blue"), "Eğitim")
    merge_files(target, [files["itfaiye"]])
    assert dept_hash(target, "itfaiye") == dept_hash(files["itfaiye"], "itfaiye")
    with Workbook.open(files["itfaiye"]) as wb:
        first = wb.conn.execute("SELECT id FROM photo ORDER BY position").fetchone()[0]
        remove_photo(wb, first)
        add_photo(wb, "itfaiye.foto", _jpeg("green"), "Yangın")
    result = merge_files(target, [files["itfaiye"]])
    assert result.files[0].status == "imported" and result.files[0].changes["degisen"] == 1
    assert dept_hash(target, "itfaiye") == dept_hash(files["itfaiye"], "itfaiye")
    assert rows(target, "SELECT caption FROM photo ORDER BY position") == [("Eğitim",), ("Yangın",)]
    data = rows(target, "SELECT sha256, data FROM photo")
    assert all(hashlib.sha256(d).hexdigest() == h for h, d in data)


def test_submitted_copy_imports_with_clerk_and_time(target, files, tmp_path):
    (tmp_path / "gonder").mkdir()
    with Workbook.open(files["itfaiye"], user="ayse") as wb:
        submit(wb)
        copy = export_copy(wb, tmp_path / "gonder" / "itfaiye.faaliyet")
    result = merge_files(target, [copy])
    assert result.files[0].status == "imported"
    clerk, submitted_at = rows(target, "SELECT clerk, submitted_at FROM import_log")[0]
    assert clerk == "ayse" and submitted_at.startswith("2021-")
    with Workbook.open(target) as wb:
        assert wb.state("itfaiye")["state"] == "gonderildi"


def test_bad_resolve_value_is_an_error(target, files):
    with pytest.raises(WorkbookError):
        merge_files(target, [files["itfaiye"]], resolve="hepsi")


def test_money_and_decimals_keep_their_stored_type(target, files):
    edit(files["itfaiye"], {"itfaiye.makbuz.ocak.tutar": D("12115.50")})
    merge_files(target, [files["itfaiye"]])
    assert rows(target, "SELECT typeof(value), value FROM entry WHERE key = 'itfaiye.makbuz.ocak.tutar'") == [
        ("integer", 1211550)
    ]


def test_a_file_refused_for_another_reason_is_not_offered_as_stale(target, tmp_path):
    bad = tmp_path / "bozuk.faaliyet"
    bad.write_bytes(b"eldekinden eski bir dosya " * 200)  # the old wording, in a file that is not a workbook
    result = merge_files(target, [bad])
    assert result.files[0].status == "refused" and not result.files[0].stale


def test_a_merge_is_done_even_when_its_temporary_folder_cannot_be_removed(target, files, monkeypatch):
    """On an office PC an antivirus scanner holds a just-written file open for a moment, and Windows then
    refuses to delete it (WinError 32). The merge's private copies are written to a temporary folder: when
    that folder cannot be removed at the end, the merge has still been written and must say so (it said the
    merge failed, with the file merged)."""
    import os

    real_unlink = os.unlink

    def held_open(path, *args, **kwargs):
        # shutil.rmtree removes each file by its name within the folder (dir_fd) where it can
        if "faaliyet-birlestir-" in str(path) or str(path).endswith((".faaliyet", ".veri")):
            raise PermissionError(13, "The process cannot access the file because it is being used by another process", str(path))
        return real_unlink(path, *args, **kwargs)

    monkeypatch.setattr(os, "unlink", held_open)
    result = merge_files(target, list(files.values()))
    assert set(statuses(result).values()) == {"imported"}
    for dept, path in files.items():
        assert dept_hash(target, dept) == dept_hash(path, dept)


@pytest.mark.parametrize("how", ["commit", "journal"])
@pytest.mark.parametrize("again", [False, True], ids=["first", "again"])
def test_a_file_written_while_it_is_copied_is_refused(target, files, monkeypatch, how, again):
    """The strategy unit merges straight from the network share while a clerk's window there writes
    each change as it is typed: bytes copied across a change hold half of it. A commit during the copy
    (SQLite's commit counter in the header moved) or a write under way at its end (the journal beside
    the file) refuses the file with what to do; the others are merged, the target keeps its department."""
    path = files["itfaiye"]
    if again:  # a department imported before: its file is read whole into memory before it is copied
        merge_files(target, [path])
        edit(path, {KEY: 79})
    before = dept_hash(target, "itfaiye")

    def meanwhile():
        if how == "commit":
            conn = sqlite3.connect(path, isolation_level=None)
            conn.execute("UPDATE entry SET changed_by = changed_by || ' '")
            conn.close()
        else:
            Path(str(path) + "-journal").write_bytes(b"")

    for name in ("_write", "_copy_rest"):
        real = getattr(private_copy, name)

        def copying(*args, real=real, source=0 if name == "_write" else 2, **kwargs):
            out = real(*args, **kwargs)
            if "itfaiye" in str(args[source]):
                meanwhile()
            return out

        monkeypatch.setattr(private_copy, name, copying)
    result = merge_files(target, list(files.values()))
    refused = {f.path.name: f.message for f in result.files if f.status == "refused"}
    assert list(refused) == [path.name]
    assert "kopyalanırken değişti" in refused[path.name] and "Gönder…" in refused[path.name]
    assert dept_hash(target, "itfaiye") == before
    assert all(f.status == "imported" for f in result.files if f.path != path)


def test_what_a_killed_merge_left_is_removed_by_the_next_run(target, files, tmp_path, monkeypatch):
    """A merge killed (or a removal Windows refused) leaves private copies of department files in the
    system's temporary folder; the next run of the program removes those older than an hour, once."""
    import os
    import tempfile
    import time

    from desktop.store.file.tempfiles import STALE_SECONDS

    temp = tmp_path / "sistem-gecici"
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    old = temp / (merge_run.SCRATCH_PREFIX + "eski")
    young = temp / (merge_run.SCRATCH_PREFIX + "yeni")  # perhaps a merge under way in another window
    other = temp / "baska-program"
    for folder in (old, young, other):
        folder.mkdir()
        (folder / "0-kars-2020-itfaiye.faaliyet").write_bytes(b"x")
    then = time.time() - STALE_SECONDS - 60
    for folder in (old, other):
        os.utime(folder, (then, then))
    merge_run.sweep_once.cache_clear()
    merge_files(target, list(files.values()))
    assert not old.exists() and young.exists() and other.exists()
    assert sorted(p.name for p in temp.iterdir()) == sorted([young.name, other.name])  # its own folder gone too
    old.mkdir()
    os.utime(old, (then, then))
    merge_files(target, list(files.values()))
    assert old.exists()  # once per run of the program
    merge_run.sweep_once.cache_clear()
