"""Report layout: measured table columns, no stranded headings, the build command."""

from __future__ import annotations

from pathlib import Path

import pytest
from report_support import clean_workbook

from desktop.report import fonts
from desktop.report.tables import PAD, Col, LazyTable, fit_table, make_table
from desktop.store.file.workbook import Workbook


@pytest.fixture(autouse=True, scope="module")
def _fonts():
    fonts.register()


def _cell_lines(cell) -> list[str]:
    return cell.split("\n") if isinstance(cell, str) else []


def test_columns_are_wide_enough_for_every_number():
    header = ["Gelirin Kodu ve Açıklaması", "Bütçe Tahmini (TL)", "Yılı Tahsilatı (TL)", "Oran (%)"]
    rows = [
        [
            "1 Vergi Gelirleri ve uzun bir açıklama metni ki sütuna sığmasın diye yazıldı",
            "1.234.567.890,12",
            "987.654.321,00",
            "%101,32",
        ],
        ["Toplam", "9.999.999.999,99", "9.999.999.999,99", "%100"],
    ]
    cols = [Col("left", True, 70, 3), Col("right"), Col("right"), Col("right")]
    t = make_table(header, rows, cols, 300, 8.5, bold_rows={1})
    assert isinstance(t, LazyTable)
    assert abs(sum(t.widths) - 300) < 0.5
    for r, row in enumerate(t.body[1:]):
        font = fonts.SANS_BOLD if r == 1 else fonts.SANS
        for i, cell in enumerate(row):
            for line in _cell_lines(cell):
                assert fonts.width(line, font, 8.5) <= t.widths[i] - 2 * PAD + 0.01, (line, t.widths[i])
    # the long label was wrapped, the numbers were not
    assert "\n" in t.body[1][0]
    assert all("\n" not in c for c in t.body[1][1:])


def test_too_wide_for_portrait_goes_landscape_then_turns_headers():
    header = ["Tür"] + [f"Uzun sütun başlığı {i}" for i in range(22)]
    rows = [["Bina yangınları"] + ["2.059.500,00"] * 22]
    cols = [Col("left", True, 60)] + [Col("right")] * 22
    fitted = fit_table(header, rows, cols, 470, 770)
    assert fitted.landscape
    t = fitted.table
    assert sum(t.widths) <= 770.5
    for i, cell in enumerate(t.body[1]):
        for line in _cell_lines(cell):
            assert "\n" not in cell or i == 0
            assert fonts.width(line, fonts.SANS, fitted.size) <= t.widths[i] - 2 * PAD + 0.01


def test_headings_never_end_a_page(tmp_path):
    """No page's last line of text (above the footer) is a heading (a line of the table of
    contents, with its leader dots, is an entry, not a heading)."""
    import pdfplumber

    from desktop.report import build_report

    path = clean_workbook(tmp_path / "t.faaliyet")
    out = tmp_path / "t.pdf"
    with Workbook.open(path, readonly=True) as wb:
        build_report(wb, out)
    with pdfplumber.open(str(out)) as pdf:
        for number, page in enumerate(pdf.pages[1:], start=2):
            words = [
                w
                for w in page.extract_words(extra_attrs=["fontname", "size"])
                if 60 < w["top"] < page.height - 60 and w["size"] < 60
            ]
            if not words:
                continue
            last = max(w["top"] for w in words)
            line = [w for w in words if abs(w["top"] - last) < 2]
            entry = any(w["text"] == "." for w in line)
            heading = not entry and all("Bold" in w["fontname"] and w["size"] >= 10.4 for w in line)
            assert not heading, (number, " ".join(w["text"] for w in line))


def test_build_command_writes_the_pdf(tmp_path, capsys):
    from desktop.cli import main

    path = clean_workbook(tmp_path / "itfaiye.faaliyet", "itfaiye")
    out = tmp_path / "birim.pdf"
    assert main(["build", str(path), "--out", str(out)]) == 0
    assert out.read_bytes().startswith(b"%PDF")
    assert "birim.pdf" in capsys.readouterr().out


def test_unwritable_folder_is_a_clear_error(tmp_path):
    import os

    from desktop.report import build_report
    from desktop.store.errors import WorkbookError

    if os.geteuid() == 0:
        target = Path("/proc/faaliyet-yok/rapor.pdf")  # root may write anywhere else
    else:
        folder = tmp_path / "kilitli"
        folder.mkdir()
        folder.chmod(0o500)
        target = folder / "rapor.pdf"
    path = clean_workbook(tmp_path / "t.faaliyet", "itfaiye")
    with Workbook.open(path, readonly=True) as wb, pytest.raises(WorkbookError, match="yazılamadı"):
        build_report(wb, target)
