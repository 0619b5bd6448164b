"""The `faaliyet` command: Turkish help, exit codes, never a traceback."""

import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pytest

from desktop import cli

ROOT = Path(__file__).resolve().parent.parent


def run(*args, cwd=None):
    result = subprocess.run([sys.executable, "-m", "desktop", *map(str, args)], cwd=cwd or ROOT, capture_output=True, text=True)
    assert "Traceback" not in result.stderr, result.stderr
    return result


def test_help_is_turkish_for_every_command():
    parser = cli.build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    assert {"departments", "new", "fields", "values", "check", "demo", "build", "merge"} <= set(sub.choices)
    for name, sp in sub.choices.items():
        text = sp.format_help()
        assert "kullanım:" in text and "bu yardımı gösterir" in text, name
        assert "usage:" not in text and "show this help" not in text, name


def test_departments_lists_key_and_name(definition):
    r = run("departments")
    assert r.returncode == 0
    lines = r.stdout.strip().splitlines()
    assert len(lines) == len(definition.departments)
    assert "imar\tİmar ve Şehircilik Müdürlüğü" in lines


def test_fields_lists_stable_keys_with_type_and_label():
    r = run("fields", "itfaiye")
    assert r.returncode == 0
    rows = [line.split("\t") for line in r.stdout.strip().splitlines()]
    assert all(len(row) == 3 for row in rows)
    keys = {row[0]: row[1] for row in rows}
    assert keys["itfaiye.makbuz.ocak.arac"] == "adet"
    assert keys["itfaiye.makbuz.toplam.tutar"] == "hesaplanan"
    assert any(k.endswith(".actual") for k in keys)
    assert run("fields", "yok_boyle").returncode == 2


def test_new_import_export_check_cycle(tmp_path):
    f = tmp_path / "itfaiye.faaliyet"
    assert run("new", "--department", "itfaiye", "--year", 2020, "--out", f).returncode == 0
    assert run("new", "--department", "itfaiye", "--year", 2020, "--out", f).returncode == 2  # exists
    values = tmp_path / "v.json"
    values.write_text(
        json.dumps(
            {
                "institution": "kars",
                "year": 2020,
                "department": "itfaiye",
                "values": [{"field": "itfaiye.makbuz.ocak.arac", "value": 78}, {"field": "itfaiye.anlatim", "value": "Metin"}],
            }
        ),
        encoding="utf-8",
    )
    r = run("values", "import", f, values)
    assert r.returncode == 0, r.stderr
    exported = json.loads(run("values", "export", f).stdout)
    assert {"field": "itfaiye.makbuz.ocak.arac", "value": 78} in exported["values"]
    csv = run("values", "export", f, "--format", "csv").stdout
    assert csv.startswith("tur;anahtar;deger")
    r = run("check", f)
    assert r.returncode in (0, 1) and "hata" in r.stderr


def test_bad_import_exits_1_and_leaves_file(tmp_path):
    f = tmp_path / "itfaiye.faaliyet"
    run("new", "--department", "itfaiye", "--year", 2020, "--out", f)
    before = hashlib.sha256(f.read_bytes()).hexdigest()
    bad = tmp_path / "bad.json"
    bad.write_text(
        json.dumps(
            {
                "institution": "kars",
                "year": 2020,
                "department": "itfaiye",
                "values": [{"field": "itfaiye.makbuz.ocak.arac", "value": -1}],
            }
        ),
        encoding="utf-8",
    )
    r = run("values", "import", f, bad)
    assert r.returncode == 1 and "eksi" in r.stderr
    assert hashlib.sha256(f.read_bytes()).hexdigest() == before


@pytest.mark.parametrize("content", [b"", b"not a database at all", b"SQLite format 3\x00" + b"\x00" * 10])
def test_check_unopenable_file_exits_2(tmp_path, content):
    f = tmp_path / "x.faaliyet"
    f.write_bytes(content)
    r = run("check", f)
    assert r.returncode == 2 and r.stderr.strip()


def test_wrong_year_for_new(tmp_path):
    r = run("new", "--department", "itfaiye", "--year", 2031, "--out", tmp_path / "x.faaliyet")
    assert r.returncode == 2 and "2031" in r.stderr
    assert not (tmp_path / "x.faaliyet").exists()


def test_demo_builds_every_department_and_summarizes(tmp_path, definition):
    r = run("demo", "--workdir", tmp_path / "demo", "--out", tmp_path / "rapor.pdf")
    assert r.returncode == 0, r.stderr
    files = sorted((tmp_path / "demo").glob("*-*.faaliyet"))
    assert len([f for f in files if not f.name.endswith("birlesik.faaliyet")]) == len(definition.departments)
    assert "gösterge" in r.stdout and "bulgular" in r.stdout


def test_output_into_a_closed_pipe_ends_quietly():
    """`faaliyet fields BİRİM | head`: the reader goes away; no BrokenPipeError, no traceback."""
    for args in (["fields", "itfaiye"], ["departments"]):
        p = subprocess.Popen([sys.executable, "-m", "desktop", *args], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        p.stdout.close()  # like head after its lines
        err = p.stderr.read().decode()
        assert p.wait() == 141, args
        assert err == "", err


def test_values_export_on_a_full_disk_keeps_the_old_file(workbook_path, tmp_path, capsys):
    from bench.attacks_exchange import disk_full

    out = tmp_path / "cikti"
    out.mkdir()
    (out / "d.json").write_text("eski", encoding="utf-8")
    for args in (["--out", out / "d.json"], ["--format", "csv", "--out", out / "yeni.csv"]):
        with disk_full(out):
            assert cli.main(["values", "export", str(workbook_path), *map(str, args)]) == 2
        err = capsys.readouterr().err
        assert "disk dolu" in err and "Traceback" not in err
    assert sorted(p.name for p in out.iterdir()) == ["d.json"]
    assert (out / "d.json").read_text(encoding="utf-8") == "eski"
    assert cli.main(["values", "export", str(workbook_path), "--out", str(out / "d.json")]) == 0
    assert json.loads((out / "d.json").read_text(encoding="utf-8"))["department"] == "itfaiye"


def test_an_output_never_replaces_its_input(workbook_path, tmp_path, capsys):
    before = workbook_path.read_bytes()
    link = tmp_path / "baglanti.faaliyet"
    link.hardlink_to(workbook_path)
    for args in (
        ["values", "export", str(workbook_path), "--out", str(workbook_path)],
        ["values", "export", str(workbook_path), "--out", str(link)],
        ["excel", "export", str(workbook_path), "--out", str(workbook_path)],
        ["excel", "template", "itfaiye", "--from", str(workbook_path), "--out", str(workbook_path)],
        ["build", str(workbook_path), "--out", str(workbook_path)],
    ):
        assert cli.main(args) == 2, args
        assert "okunan dosyanın kendisi" in capsys.readouterr().err
    assert workbook_path.read_bytes() == before


def test_an_output_that_is_a_folder_is_refused_in_turkish(workbook_path, tmp_path, capsys):
    folder = tmp_path / "klasor"
    folder.mkdir()
    assert cli.main(["values", "export", str(workbook_path), "--out", str(folder)]) == 2
    assert "bir dosya adı değil" in capsys.readouterr().err
    assert folder.is_dir() and list(folder.iterdir()) == []


def test_values_export_to_a_csv_file_opens_in_turkish_excel(workbook_path, tmp_path):
    """The file starts with a UTF-8 BOM (else Excel reads it in the PC's code page: "Ä°tfaiye")."""
    from desktop.store.exchange.valueset import import_values
    from desktop.store.file.workbook import Workbook

    with Workbook.open(workbook_path) as wb:
        field = next(s for s in wb.definition.slots_of(wb.department) if s.type == "text" and not s.computed)
        import_values(
            wb,
            {
                "format": "faaliyet-degerler",
                "format_version": 1,
                "institution": wb.definition.institution.key,
                "year": wb.year,
                "department": wb.department,
                "values": [{"field": field.key, "value": "İtfaiye Müdürlüğü"}],
            },
        )
    out = tmp_path / "degerler.csv"
    assert cli.main(["values", "export", str(workbook_path), "--format", "csv", "--out", str(out)]) == 0
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert '"İtfaiye Müdürlüğü"' in data.decode("utf-8-sig")
