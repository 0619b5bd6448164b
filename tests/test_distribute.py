"""Handing out department files from the consolidated file (store/distribute.py)."""

from __future__ import annotations

import errno
from decimal import Decimal
from pathlib import Path

import pytest

from desktop.core.definition import Definition
from desktop.core.loader import load_definition
from desktop.store import distribute as distribute_module
from desktop.store.distribute import distribute, file_name
from desktop.store.errors import WorkbookError
from desktop.store.file.workbook import Workbook
from desktop.store.merge.run import merge_files

DEFINITION = Path(__file__).parent / "data" / "ornek-2026"
RECEIVERS = ["cevre", "ulasim", "butce_finans"]


@pytest.fixture(scope="module")
def ornek() -> Definition:
    return load_definition(DEFINITION)


@pytest.fixture
def consolidated(tmp_path, ornek) -> Path:
    path = tmp_path / "birlesik.faaliyet"
    Workbook.create(path, ornek, None).close()
    return path


def _hand_out(path: Path, out: Path, departments=None):
    with Workbook.open(path, readonly=True) as wb:
        return distribute(wb, out, departments)


def test_one_empty_file_per_department_but_the_institution_unit(tmp_path, consolidated, ornek):
    results = _hand_out(consolidated, tmp_path / "out")
    assert [r.department for r in results] == RECEIVERS
    assert all(r.written and r.problem == "" for r in results)
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(f"yesilova-2026-{d}.faaliyet" for d in RECEIVERS)
    for r in results:
        assert r.path.name == file_name(ornek, r.department)
        with Workbook.open(r.path, readonly=True) as wb:
            assert wb.department == r.department and not wb.is_consolidated
            entries = wb.entries()
            assert not entries.values and not entries.indicators and not entries.activities
            assert wb.definition.digest == ornek.digest  # nothing entered: the definition as it is


def test_the_year_settings_in_force_travel_in_the_definition(tmp_path, consolidated, ornek):
    with Workbook.open(consolidated) as wb:
        wb.apply(
            values={
                "kurumsal.sapma_toleransi": Decimal("15"),
                "kurumsal.ust_yonetici_adi": "Mert KILIÇ",
                "kurumsal.beyan_tarihi": "2027-04-05",
                "kurumsal.harcama_yetkilileri.cevre.adi": "Ece ŞAHİN",
            }
        )
    results = _hand_out(consolidated, tmp_path / "out")
    files = {r.department: r.path for r in results}
    for dept, path in files.items():
        with Workbook.open(path, readonly=True) as wb:
            year = wb.definition.year
            assert year.deviation_tolerance == 15
            top = next(s for s in year.signers if s.role == "ust_yonetici")
            assert (top.name, top.title, top.date) == ("Mert KILIÇ", "Belediye Başkanı", "2027-04-05")
            assert year.percent_style == "suffix" and year.year == 2026
            # the spending officer the strategy unit entered: in the cevre file only (another department's
            # file carries cevre's definition only when its parts name it, and then as it was)
            if wb.definition.knows("cevre"):
                manager = wb.definition.department("cevre")
                assert manager is not None and (manager.manager, manager.manager_title) == (
                    ("Ece ŞAHİN", "Çevre Koruma ve Kontrol Müdürü")
                    if dept == "cevre"
                    else ("Deniz ARSLAN", "Çevre Koruma ve Kontrol Müdürü")
                )
            assert wb.definition.knows("cevre") or dept != "cevre"
            assert wb.definition.digest != ornek.digest


def test_an_existing_file_is_not_overwritten_and_the_others_are_written(tmp_path, consolidated):
    out = tmp_path / "out"
    out.mkdir()
    kept = out / "yesilova-2026-ulasim.faaliyet"
    kept.write_bytes(b"the clerk's work")
    results = _hand_out(consolidated, out)
    by = {r.department: r for r in results}
    assert not by["ulasim"].written
    assert "zaten var; üzerine yazılmadı" in by["ulasim"].problem
    assert kept.read_bytes() == b"the clerk's work"
    assert by["cevre"].written and by["butce_finans"].written
    assert sorted(p.name for p in out.iterdir()) == sorted(f"yesilova-2026-{d}.faaliyet" for d in RECEIVERS)  # no temporary left


def test_a_file_that_cannot_be_written_is_reported_and_the_others_are_written(tmp_path, consolidated, monkeypatch):
    real = Workbook.create

    def full_disk(path, definition, department, **kw):
        if department == "cevre":
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(path, definition, department, **kw)

    monkeypatch.setattr(distribute_module.Workbook, "create", full_disk)
    by = {r.department: r for r in _hand_out(consolidated, tmp_path / "out")}
    assert not by["cevre"].written and "yazılamadı" in by["cevre"].problem and "diskte yer" in by["cevre"].problem
    assert by["ulasim"].written and by["butce_finans"].written


def test_only_a_consolidated_file_hands_out_files(tmp_path, consolidated):
    _hand_out(consolidated, tmp_path / "out", ["cevre"])
    with pytest.raises(WorkbookError, match="bir birim dosyası"):
        _hand_out(tmp_path / "out" / "yesilova-2026-cevre.faaliyet", tmp_path / "again")
    assert not (tmp_path / "again").exists()


def test_an_output_that_is_a_file_is_refused(tmp_path, consolidated):
    target = tmp_path / "not-a-folder"
    target.write_text("x")
    with pytest.raises(WorkbookError):
        _hand_out(consolidated, target)
    assert target.read_text() == "x"


def test_merge_accepts_a_department_file_whose_definition_carries_other_settings(tmp_path, consolidated):
    with Workbook.open(consolidated) as wb:
        wb.apply(values={"kurumsal.sapma_toleransi": Decimal("25")})
    path = _hand_out(consolidated, tmp_path / "out", ["ulasim"])[0].path
    with Workbook.open(consolidated, readonly=True) as wb:
        year_digest = wb.definition.digest
    with Workbook.open(path) as wb:
        assert wb.definition.digest != year_digest
        wb.apply(values={"ulasim.yeni_durak": 9}, indicators={"gosterge_hat": {"actual": 12, "source": "Ruhsat"}})
    result = merge_files(consolidated, [path])
    assert not result.refused
    with Workbook.open(consolidated, readonly=True) as wb:
        assert wb.get("ulasim.yeni_durak") == 9
        assert wb.entries().indicators["gosterge_hat"].actual == 12


def test_merge_refuses_a_department_file_with_a_key_the_year_does_not_know(tmp_path, consolidated, ornek):
    """The department file's definition may differ; its keys may not."""
    data = ornek.to_data()
    form = next(f for f in data["forms"] if f["department"] == "ulasim")
    form["sections"][0]["items"].append({"kind": "field", "key": "ek_alan", "label": "Tanımda olmayan", "type": "count"})
    other = Definition.from_data(data)
    path = tmp_path / "ulasim.faaliyet"
    with Workbook.create(path, other, "ulasim") as wb:
        wb.apply(values={"ulasim.ek_alan": 3})
    result = merge_files(consolidated, [path])
    assert result.refused
    assert "ulasim.ek_alan" in "\n".join(result.summary_lines())
    with Workbook.open(consolidated, readonly=True) as wb:
        assert not wb.entries().values


def test_a_setting_the_file_holds_against_the_rules_is_not_carried(tmp_path, consolidated):
    """Typed in, a 1.800-character name is refused at the field; written with plain SQL it is
    left out (store/file/stored.py), named by check, and never reaches a department file."""
    import sqlite3

    key = "kurumsal.harcama_yetkilileri.cevre.adi"
    conn = sqlite3.connect(consolidated)
    with conn:
        conn.execute("INSERT INTO entry VALUES (?, 'kurumsal', ?, '2026-01-05T10:00:00+00:00', 'x')", (key, "Ad " * 600))
    conn.close()
    with Workbook.open(consolidated, readonly=True) as wb:
        assert any(f.place == key and "metin çok uzun" in f.message for f in wb.findings() if f.rule == "saklanan_kayit")
    by = {r.department: r for r in _hand_out(consolidated, tmp_path / "out")}
    assert by["cevre"].written and by["ulasim"].written and by["butce_finans"].written
    with Workbook.open(by["cevre"].path, readonly=True) as wb:  # the settings travel in the head
        assert "Ad Ad Ad" not in wb.definition.head_json().decode()
        assert all("Ad Ad Ad" not in str(f.to_data()) for f in wb.definition.forms_at_hand())
