"""A department file changes nothing but its own department's rows, and its clock is not trusted blindly.

Every table of an incoming file is checked against the department's own keys
(desktop/store/file/stored.py); ``faaliyet check`` applies the same rules, so it
refuses exactly what the merge refuses.
"""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import sqlite3
from pathlib import Path

import pytest
from merge_support import KEY, KEY2, sha

from desktop import cli
from desktop.store.file.workbook import Workbook
from desktop.store.merge.run import merge_files

pytestmark = pytest.mark.definition("small")

NOW = "2021-02-01T10:00:00+00:00"

# (name, SQL run on a copy of İtfaiye's file, words the refusal must contain)
FORGED = [
    (
        "entry-other-department-key",
        "INSERT INTO entry VALUES ('strateji.sunus', 'itfaiye', 'Sahte sunuş', '" + NOW + "', 'x')",
        "'strateji.sunus' başka bir birime ait (strateji)",
    ),
    (
        "entry-other-department-column",
        "UPDATE entry SET department = 'imar' WHERE key = '" + KEY + "'",
        "itfaiye birimine ait, ama kaydı 'imar' birimi adına",
    ),
    (
        "entry-unknown-key",
        "INSERT INTO entry VALUES ('itfaiye.yok', 'itfaiye', 1, '" + NOW + "', 'x')",
        "'itfaiye.yok' bu yılın tanımında itfaiye biriminin bir alanı değil",
    ),
    (
        "indicator-other-department",
        "INSERT INTO indicator VALUES ('pg_7_1_1', 'itfaiye', 999, '', '', '" + NOW + "', 'x')",
        "'pg_7_1_1' başka bir birime ait (imar)",
    ),
    (
        "activity-unknown",
        "INSERT INTO activity VALUES ('f_9_9_9', 'itfaiye', 100, '', '', '" + NOW + "', 'x')",
        "'f_9_9_9' bu yılın tanımında itfaiye biriminin bir faaliyeti değil",
    ),
    (
        "activity-other-column",
        "INSERT INTO activity VALUES ('f_5_3_1', 'zabita', 100, '', '', '" + NOW + "', 'x')",
        "'f_5_3_1' itfaiye birimine ait, ama kaydı 'zabita' birimi adına",
    ),
    (
        "photo-other-list",
        "INSERT INTO photo (department, list_key, position, mime, width, height, sha256, data, changed_at, changed_by) "
        "VALUES ('itfaiye', 'imar.foto', 0, 'image/png', 1, 1, '', x'00', '" + NOW + "', 'x')",
        "'imar.foto' bu yılın tanımında itfaiye biriminin bir fotoğraf listesi değil",
    ),
    (
        "status-other-department",
        "INSERT INTO status VALUES ('imar', 'kabul', '" + NOW + "', 'x', '', '')",
        "'imar' başka bir birime ait (imar)",
    ),
    (
        "audit-other-department",
        "INSERT INTO audit (at, who, department, target, attribute, old, new) "
        "VALUES ('" + NOW + "', 'x', 'itfaiye', 'strateji.sunus', 'value', NULL, 'x')",
        "'strateji.sunus' başka bir birime ait (strateji)",
    ),
    (
        "import-log-in-department-file",
        "INSERT INTO import_log (at, by, department, file_name, file_hash, content_hash) "
        "VALUES ('" + NOW + "', 'x', 'itfaiye', 'a', 'b', 'c')",
        "birim dosyasında 1 birleştirme kaydı var",
    ),
    ("meta-unknown-key", "INSERT INTO meta VALUES ('sapma_toleransi', '50')", "tanınmayan bir kayıt var ('sapma_toleransi')"),
    ("definition-second-row", "INSERT INTO definition VALUES ('x', 'y', '1', '{}')", "dosyada 2 form tanımı var"),
    ("count-as-text", "UPDATE entry SET value = 'yetmiş' WHERE key = '" + KEY + "'", "saklanan değer türü yanlış (metin)"),
    ("count-fraction", "UPDATE entry SET value = 1.5 WHERE key = '" + KEY + "'", "saklanan değer türü yanlış (ondalıklı sayı)"),
    ("count-infinite", "UPDATE entry SET value = 9e999 WHERE key = '" + KEY + "'", "saklanan değer türü yanlış"),
    ("text-as-blob", "UPDATE entry SET value = x'00ff' WHERE key = 'itfaiye.anlatim'", "saklanan değer türü yanlış (ikili veri)"),
    (
        "text-invalid-utf8",
        "UPDATE entry SET value = CAST(x'4bc328' AS TEXT) WHERE key = 'itfaiye.anlatim'",
        "geçerli UTF-8 değil",
    ),
    (
        "explanation-invalid-utf8",
        "UPDATE indicator SET explanation = CAST(x'c328' AS TEXT) WHERE key = 'pg_5_3_1'",
        "sapma açıklaması",
    ),
    (
        "computed-cell",
        "INSERT INTO entry VALUES ('itfaiye.makbuz.toplam.arac', 'itfaiye', 5, '" + NOW + "', 'x')",
        "hesaplanan bir değer",
    ),
]

TIMED = [
    ("future-value", "UPDATE entry SET changed_at = '2999-01-01T00:00:00+00:00' WHERE key = '" + KEY + "'"),
    (
        "future-audit-row",
        "INSERT INTO audit (at, who, department, target, attribute, old, new) "
        "VALUES ('2999-01-01T00:00:00+00:00', 'x', 'itfaiye', '" + KEY + "', 'value', NULL, 1)",
    ),
    ("before-the-year", "UPDATE entry SET changed_at = '2019-06-01T00:00:00+00:00' WHERE key = '" + KEY2 + "'"),
]


def forge(source: Path, folder: Path, name: str, *sql: str) -> Path:
    path = folder / f"{name}.faaliyet"
    shutil.copy(source, path)
    conn = sqlite3.connect(path)
    for s in sql:
        conn.execute(s)
    conn.commit()
    conn.close()
    return path


def run_cli(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        rc = cli.main(list(args))
    return rc, out.getvalue(), err.getvalue()


@pytest.fixture
def target(tmp_path, definition) -> Path:
    path = tmp_path / "birlesik.faaliyet"
    Workbook.create(path, definition, None).close()
    return path


# ``check`` of the department file itself: it carries only its own plan items (and the institution
# unit's), so another department's indicator is not one of its own; the merge names the owner (the
# target's whole plan)
CHECK_WORDS = {
    "indicator-other-department": "'pg_7_1_1' bu yılın tanımında itfaiye biriminin bir göstergesi değil",
    # nor does it carry another department's definition (only its own and those its parts name)
    "status-other-department": "'imar' bu yılın tanımında itfaiye biriminin bir birimi değil",
}


@pytest.mark.parametrize("name,sql,words", FORGED, ids=[f[0] for f in FORGED])
def test_a_row_the_department_does_not_own_refuses_the_file(name, sql, words, target, files, tmp_path):
    path = forge(files["itfaiye"], tmp_path, name, sql)
    before, source = sha(target), sha(path)
    outcome = merge_files(target, [path]).files[0]
    assert outcome.status == "refused" and words in outcome.message, outcome.message
    assert sha(target) == before and sha(path) == source
    # check says the same, at the field, in Turkish, with exit 1 (and never crashes)
    rc, out, err = run_cli("check", str(path))
    assert rc == 1 and CHECK_WORDS.get(name, words) in out, (rc, out, err)
    assert sha(path) == source


def test_the_real_owner_imports_after_a_refused_forgery(target, files, tmp_path, definition):
    forged = forge(
        files["itfaiye"], tmp_path, "sahte", "INSERT INTO entry VALUES ('imar.ruhsat', 'itfaiye', 1, '" + NOW + "', 'x')"
    )
    result = merge_files(target, [forged, files["imar"]])
    assert [f.status for f in result.files] == ["refused", "imported"]
    with Workbook.open(target) as wb:
        assert wb.get("imar.ruhsat") == 180
        assert wb.conn.execute("SELECT department FROM entry WHERE key = 'imar.ruhsat'").fetchone() == ("imar",)


def test_a_clean_file_passes_check_and_merge_alike(target, files):
    rc, out, _ = run_cli("check", str(files["itfaiye"]))
    assert "saklanan" not in out and "başka bir birime" not in out
    assert merge_files(target, [files["itfaiye"]]).files[0].status == "imported"


@pytest.mark.parametrize("name,sql", TIMED, ids=[t[0] for t in TIMED])
def test_untrusted_time_refuses_unless_accepted(name, sql, target, files, tmp_path):
    path = forge(files["itfaiye"], tmp_path, name, sql)
    before = sha(target)
    outcome = merge_files(target, [path]).files[0]
    assert outcome.status == "refused" and outcome.untrusted_time and not outcome.stale
    assert "değişiklik zamanları güvenilir değil" in outcome.message and "--accept-time" in outcome.message
    assert sha(target) == before
    rc, out, _ = run_cli("check", str(path))
    assert rc == 1 and "değişiklik zamanı" in out
    rc, out, err = run_cli("merge", "--into", str(target), str(path))
    assert rc == 1 and sha(target) == before
    # the strategy unit accepts it explicitly
    rc, out, err = run_cli("merge", "--into", str(target), "--accept-time", str(path))
    assert rc == 0 and "aktarıldı" in out, (out, err)


def test_an_accepted_future_file_does_not_stale_the_genuine_ones(target, files, tmp_path):
    forged = forge(
        files["itfaiye"],
        tmp_path,
        "gelecek",
        "UPDATE entry SET changed_at = '2999-01-01T00:00:00+00:00'",
        "UPDATE entry SET value = 1 WHERE key = '" + KEY + "'",
    )
    assert merge_files(target, [forged], accept_time=True).files[0].status == "imported"
    with Workbook.open(files["itfaiye"], user="memur") as wb:
        wb.set_value(KEY, 99)
    outcome = merge_files(target, [files["itfaiye"]]).files[0]
    assert outcome.status == "imported", outcome.message


def test_the_summary_lists_what_an_import_deleted(target, files, tmp_path):
    merge_files(target, [files["itfaiye"]])
    with Workbook.open(files["itfaiye"], user="memur") as wb:
        wb.set_values({KEY: None, "itfaiye.trafik_kazasi": None})
    rc, out, _ = run_cli("merge", "--into", str(target), str(files["itfaiye"]))
    assert rc == 0 and "2 silinen değer" in out
    assert "silinen: Müdahale edilen trafik kazası = 63 [itfaiye.trafik_kazasi]" in out
    assert f"[{KEY}]" in out


def test_a_symlink_loop_among_the_inputs_is_refused_and_the_rest_imported(target, files, tmp_path):
    loop = tmp_path / "dongu.faaliyet"
    os.symlink(loop, loop)
    result = merge_files(target, [loop, files["imar"]])
    assert [f.status for f in result.files] == ["refused", "imported"]
    assert "dongu.faaliyet" in result.files[0].message and "Traceback" not in result.files[0].message


def test_a_huge_file_is_refused_before_it_is_copied(target, files, tmp_path):
    huge = tmp_path / "buyuk.faaliyet"
    shutil.copy(files["itfaiye"], huge)
    with huge.open("r+b") as fh:
        fh.truncate(2 * 1024**3)  # sparse: costs no disk here, but a copy would write 2 GB
    outcome = merge_files(target, [huge]).files[0]
    assert outcome.status == "refused" and "olağan dışı büyük" in outcome.message


def test_a_file_whose_year_is_not_a_year_is_refused_clearly(files, tmp_path):
    path = forge(files["itfaiye"], tmp_path, "yil", "UPDATE meta SET value = 'iki bin' WHERE key = 'year'")
    rc, _, err = run_cli("check", str(path))
    assert rc == 2 and "yıl 'iki bin'" in err and "Traceback" not in err


def test_bad_stored_values_do_not_stop_any_reader(files, tmp_path, definition):
    """Unreadable stored values are findings; export, Excel and the PDF still work without them."""
    path = forge(
        files["itfaiye"],
        tmp_path,
        "bozuk",
        "UPDATE entry SET value = CAST(x'4bc328' AS TEXT) WHERE key = 'itfaiye.anlatim'",
        "UPDATE entry SET value = 'yetmiş' WHERE key = '" + KEY + "'",
        "UPDATE indicator SET actual = x'00' WHERE key = 'pg_5_3_1'",
    )
    with Workbook.open(path, readonly=True) as wb:
        entries = wb.entries()
        assert "itfaiye.anlatim" not in entries.values and KEY not in entries.values
        assert entries.indicators["pg_5_3_1"].actual is None
        places = {f.place for f in wb.findings() if f.rule == "saklanan_kayit"}
        assert {"itfaiye.anlatim", KEY, "pg_5_3_1"} <= places
    rc, out, err = run_cli("values", "export", str(path))
    assert rc == 0 and '"pg_5_3_1"' in out and KEY not in out, err
    rc, _, err = run_cli("excel", "export", str(path), "--out", str(tmp_path / "x.xlsx"))
    assert rc == 0, err
    rc, _, err = run_cli("build", str(path), "--out", str(tmp_path / "x.pdf"))
    assert rc in (0, 1) and (tmp_path / "x.pdf").stat().st_size > 1000, err


@pytest.mark.parametrize(
    "data,mime",
    [
        (b"%!PS-Adobe-3.0 EPSF-3.0\n", "image/jpeg"),
        (b"GIF89a" + bytes(40), "image/png"),
        (b"\xff\xd8\xff\xe0" + bytes(60), "image/jpeg"),
    ],
    ids=["eps", "gif", "cut-jpeg"],
)
def test_a_photo_that_is_no_jpeg_or_png_refuses_the_file(data, mime, target, files, tmp_path):
    import hashlib

    path = forge(files["itfaiye"], tmp_path, "foto")
    conn = sqlite3.connect(path)
    conn.execute(
        "INSERT INTO photo (department, list_key, position, mime, width, height, sha256, data, changed_at, changed_by) "
        "VALUES ('itfaiye', 'itfaiye.foto', 0, ?, 10, 10, ?, ?, ?, 'x')",
        (mime, hashlib.sha256(data).hexdigest(), data, NOW),
    )
    conn.commit()
    conn.close()
    before = sha(target)
    outcome = merge_files(target, [path]).files[0]
    assert outcome.status == "refused" and "Eğitim ve tatbikat fotoğrafları" in outcome.message, outcome.message
    assert sha(target) == before
    rc, out, _ = run_cli("check", str(path))
    assert rc == 1 and "fotoğraf" in out
