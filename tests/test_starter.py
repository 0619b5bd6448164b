"""A new municipality's starting definition (core/starter.py, `faaliyet init`) and the commands around it."""

from __future__ import annotations

import pytest

from desktop import cli
from desktop.commands import definition as definition_commands
from desktop.core import settings
from desktop.core.loader import load_definition
from desktop.core.starter import StarterError, institution_key, starter_files
from desktop.core.turkish import slug
from desktop.store.errors import WorkbookError
from desktop.store.file.workbook import Workbook


def faaliyet(capsys, *args) -> tuple[int, str, str]:
    status = cli.main([str(a) for a in args])
    out, err = capsys.readouterr()
    assert "Traceback" not in err, err
    return status, out, err


@pytest.mark.parametrize(
    "text, key",
    [
        ("Şırnak İlçe Özel", "sirnak_ilce_ozel"),
        ("IĞDIR", "igdir"),
        ("Çağlayancerit  -  Gölbaşı", "caglayancerit_golbasi"),
        ("Âşık Veysel", "asik_veysel"),
        ("!!!", ""),
    ],
)
def test_slug_is_turkish_aware(text, key):
    assert slug(text) == key


@pytest.mark.parametrize(
    "name, key",
    [
        ("Ad Belediyesi", "ad"),
        ("İĞDIR BELEDİYESİ", "igdir"),
        ("Yenişehir İlçe Belediyesi", "yenisehir_ilce"),
        ("Belediyesi", "belediyesi"),
        ("1. Organize Sanayi Bölgesi", "k_1_organize_sanayi_bolgesi"),
    ],
)
def test_the_institution_key_comes_from_the_name(name, key):
    assert institution_key(name) == key


@pytest.mark.parametrize(
    "name, year, words",
    [
        ("", 2026, "boş"),
        ("   ", 2026, "boş"),
        ("???", 2026, "harf"),
        ("Ad Belediyesi", 1999, "2000 ile 2100"),
        ("Ad Belediyesi", 2101, "2000 ile 2100"),
    ],
)
def test_a_name_or_year_no_definition_can_be_made_from_is_refused(name, year, words):
    with pytest.raises(StarterError, match=words):
        starter_files(name, year)


def test_init_writes_a_small_valid_definition(tmp_path, capsys):
    out = tmp_path / "tanim"
    status, text, err = faaliyet(capsys, "init", "--institution", "Işıklı Belediyesi", "--year", 2026, "--out", out)
    assert status == 0, err
    d = load_definition(out)
    assert d.id == "isikli-2026" and d.institution.key == "isikli" and d.institution.name == "Işıklı Belediyesi"
    assert d.institution.full_name == "T.C. IŞIKLI BELEDİYE BAŞKANLIĞI"
    assert d.year.year == 2026 and d.year.deviation_tolerance == 0
    institution = d.institution_department
    assert institution is not None
    others = [x for x in d.departments if x.role != "institution"]
    assert len(others) == 1  # one example department
    assert not d.plan.indicators() and not d.plan.activities()  # an empty plan
    chapters = {s.chapter for s in d.form(institution.key).sections}
    assert {"I.A", "I.B", "I.C.1", "I.C.6", "I.D", "II.B", "III.B.3", "III.B.4", "IV.A", "IV.B", "IV.C", "V"} <= chapters
    assert settings.settings_section(d) is not None  # the year settings the strategy unit edits
    assert f"{institution.key}.{settings.SPENDING_TABLE}.{others[0].key}.{settings.SPENDING_NAME}" in d.slots
    assert d.form(others[0].key).sections  # the example department has a form to copy


def test_init_refuses_a_folder_that_is_not_empty(tmp_path, capsys):
    out = tmp_path / "tanim"
    out.mkdir()
    (out / "notlar.txt").write_text("benim")
    status, text, err = faaliyet(capsys, "init", "--institution", "Ad Belediyesi", "--year", 2026, "--out", out)
    assert status == 2
    assert "boş bir klasör değil" in err
    assert sorted(p.name for p in out.iterdir()) == ["notlar.txt"]


def test_init_refuses_a_bad_name_in_turkish(tmp_path, capsys):
    status, text, err = faaliyet(capsys, "init", "--institution", "...", "--year", 2026, "--out", tmp_path / "t")
    assert status == 2 and "kurum anahtarı çıkarılamadı" in err
    assert not (tmp_path / "t").exists()


def test_from_init_to_handed_out_files(tmp_path, capsys):
    """init → new --consolidated → distribute → the department file is the clerk's."""
    folder, consolidated = tmp_path / "tanim", tmp_path / "birlesik.faaliyet"
    assert faaliyet(capsys, "init", "--institution", "Ad Belediyesi", "--year", 2027, "--out", folder)[0] == 0
    assert faaliyet(capsys, "new", "--definition", folder, "--consolidated", "--year", 2030, "--out", consolidated)[0] == 2
    assert not consolidated.exists()  # a wrong year creates nothing
    status, out, err = faaliyet(capsys, "new", "--definition", folder, "--consolidated", "--out", consolidated)
    assert status == 0, err
    with Workbook.open(consolidated, readonly=True) as wb:
        assert wb.is_consolidated and wb.year == 2027 and wb.definition.institution.key == "ad"
    status, out, err = faaliyet(capsys, "distribute", consolidated, "--out-dir", tmp_path / "dagit")
    assert status == 0, err
    assert [p.name for p in (tmp_path / "dagit").iterdir()] == ["ad-2027-ornek_mudurluk.faaliyet"]
    # the commands that need a definition take it from the file
    status, out, err = faaliyet(capsys, "departments", "--from", tmp_path / "dagit" / "ad-2027-ornek_mudurluk.faaliyet")
    assert status == 0 and out.splitlines() == ["kurum\tStrateji Geliştirme (Kurum Bölümleri)", "ornek_mudurluk\tÖrnek Müdürlüğü"]
    status, out, err = faaliyet(capsys, "fields", "ornek_mudurluk", "--from", consolidated)
    assert status == 0 and "ornek_mudurluk.isler.toplam.tutar\thesaplanan" in out
    status, out, err = faaliyet(capsys, "distribute", consolidated, "--out-dir", tmp_path / "dagit")
    assert status == 1 and "zaten var" in err  # a second run replaces nothing


def test_fields_of_a_department_file_as_a_new_municipality_types_it(tmp_path, capsys):
    """A new municipality's clerk asks for the keys (or the Excel template) of their own file:
    ``faaliyet fields FILE`` lists its department's keys from the file's definition. It was read as a department key and refused with the
    sample's (Kars') departments, which a new municipality has never heard of."""
    folder, consolidated = tmp_path / "tanim", tmp_path / "birlesik.faaliyet"
    assert faaliyet(capsys, "init", "--institution", "Ad Belediyesi", "--year", 2027, "--out", folder)[0] == 0
    assert faaliyet(capsys, "new", "--definition", folder, "--consolidated", "--out", consolidated)[0] == 0
    assert faaliyet(capsys, "distribute", consolidated, "--out-dir", tmp_path / "d")[0] == 0
    own = tmp_path / "d" / "ad-2027-ornek_mudurluk.faaliyet"
    status, out, err = faaliyet(capsys, "fields", own)
    assert status == 0, err
    assert "ornek_mudurluk.isler.toplam.tutar\thesaplanan" in out
    assert faaliyet(capsys, "fields", "--from", own)[1] == out  # the same with --from and no department
    # the consolidated file holds every department: it asks which one
    status, out, err = faaliyet(capsys, "fields", consolidated)
    assert status == 2 and "birleşik dosya" in err and "--from" in err
    # a key the sample does not know: the message says it looked in the sample and how to name one's own year
    status, out, err = faaliyet(capsys, "fields", "ornek_mudurluk")
    assert status == 2 and "örnek tanımda" in err and "--from" in err and "--definition" in err
    status, out, err = faaliyet(capsys, "fields", tmp_path / "yok.faaliyet")
    assert status == 2 and "bulunamadı" in err
    status, out, err = faaliyet(capsys, "fields")
    assert status == 2 and "faaliyet departments" in err
    # the Excel template likewise: the clerk's own file in place of the department
    status, out, err = faaliyet(capsys, "excel", "template", own, "--out", tmp_path / "sablon.xlsx")
    assert status == 0 and (tmp_path / "sablon.xlsx").exists(), err
    status, out, err = faaliyet(capsys, "excel", "template", consolidated, "--out", tmp_path / "s2.xlsx")
    assert status == 2 and "hangi birim" in err and not (tmp_path / "s2.xlsx").exists()
    status, out, err = faaliyet(capsys, "excel", "template", "ornek_mudurluk", "--out", tmp_path / "s3.xlsx")
    assert status == 2 and "örnek tanımda" in err


def test_demo_without_sample_data_says_so(tmp_path, capsys):
    folder = tmp_path / "tanim"
    assert faaliyet(capsys, "init", "--institution", "Ad Belediyesi", "--year", 2026, "--out", folder)[0] == 0
    status, out, err = faaliyet(capsys, "demo", "--definition", folder, "--workdir", tmp_path / "demo")
    assert status == 2
    assert "örnek verisi yok" in err
    assert not (tmp_path / "demo").exists()


def test_merge_into_a_missing_file_says_how_to_create_it(tmp_path, capsys):
    status, out, err = faaliyet(capsys, "merge", "--into", tmp_path / "yok.faaliyet", tmp_path / "x.faaliyet")
    assert status == 2
    assert "--consolidated" in err and not (tmp_path / "yok.faaliyet").exists()


def test_definition_and_from_together_are_refused(tmp_path, capsys):
    status, out, err = faaliyet(capsys, "departments", "--definition", tmp_path, "--from", tmp_path / "x.faaliyet")
    assert status == 2 and "birlikte verilemez" in err


def test_a_name_with_control_characters_is_refused(tmp_path, capsys):
    status, text, err = faaliyet(capsys, "init", "--institution", "Zil\x07 Belediyesi", "--year", 2026, "--out", tmp_path / "t")
    assert status == 2 and "U+0007" in err
    assert not (tmp_path / "t").exists()


def test_init_that_fails_half_way_leaves_nothing_behind(tmp_path, capsys, monkeypatch):
    written = []

    def full_disk(path, data):
        if len(written) == 2:
            raise WorkbookError("Disk dolu: dosya yazılamadı. Diskte yer açıp yeniden deneyin.")
        path.write_text(data, encoding="utf-8")
        written.append(path)
        return path

    monkeypatch.setattr(definition_commands, "write_atomic", full_disk)  # what init writes with
    existing = tmp_path / "bos"
    existing.mkdir()
    status, text, err = faaliyet(capsys, "init", "--institution", "Ad Belediyesi", "--year", 2026, "--out", existing)
    assert status == 2 and "Disk dolu" in err and "eski haline" in err
    assert len(written) == 2 and existing.is_dir() and not any(existing.iterdir())  # the empty folder it was given stays
    status, text, err = faaliyet(capsys, "init", "--institution", "Ad Belediyesi", "--year", 2026, "--out", tmp_path / "yeni")
    assert status == 2 and not (tmp_path / "yeni").exists()  # a folder it made is gone


def test_a_year_whose_plan_has_no_target_yet_says_so_on_a_portrait_page(tmp_path, capsys):
    """A new municipality's first report, before its plan is written: the performance results were a
    landscape page of their own holding one line, 'Bu birime atanmış…' ("to this unit") in the
    institution's report. Now the line says the plan has none, under its heading, and no page turns."""
    import pypdf

    folder, consolidated = tmp_path / "tanim", tmp_path / "birlesik.faaliyet"
    assert faaliyet(capsys, "init", "--institution", "Ad Belediyesi", "--year", 2027, "--out", folder)[0] == 0
    assert faaliyet(capsys, "new", "--definition", folder, "--consolidated", "--out", consolidated)[0] == 0
    for args, wanted, unwanted in (
        ([], "stratejik planında performans göstergesi yoktur", "Bu birime"),
        (["--department", "ornek_mudurluk"], "Bu birime atanmış performans göstergesi yoktur", "stratejik planında"),
    ):
        pdf = tmp_path / f"rapor{len(args)}.pdf"
        status, out, err = faaliyet(capsys, "build", consolidated, "--out", pdf, *args)
        assert status == 0, err
        pages = pypdf.PdfReader(str(pdf)).pages
        assert all(p.mediabox.width < p.mediabox.height for p in pages)  # no landscape page
        text = " ".join(" ".join((p.extract_text() or "").split()) for p in pages)
        assert wanted in text and unwanted not in text
        assert "aşağıdaki tablolardadır" not in text  # no tables to point to
