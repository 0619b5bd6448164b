"""Kars 2020 and the years around it for the year-cycle report and window tests.

The definition folder is the shipped sample with a previous-year column (the
fire brigade's receipts: last year's amount beside this year's) and a
previous-year field (last year's traffic accidents), so that the report and the
window have something of every kind to show from the stored previous year.
"""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

from report_support import sample_consolidated

from desktop import resources
from desktop.core.definition import Definition
from desktop.core.entries import Entries, IndicatorEntry
from desktop.core.loader import load_definition
from desktop.store.file.workbook import Workbook

PREVIOUS_COLUMN = '          - {key: tutar, label: "Miktarı (TL)", type: money}\n'
PREVIOUS_FIELD = """      - kind: field
        key: kurtarilan_kisi
"""


def kars_folder(tmp_path: Path, year: int = 2020) -> Path:
    """The Kars sample for ``year`` with a previous-year column and field."""
    folder = tmp_path / f"kars-{year}"
    shutil.copytree(resources.default_definition(), folder)
    itfaiye = folder / "birimler" / "itfaiye.yaml"
    text = itfaiye.read_text(encoding="utf-8")
    assert PREVIOUS_COLUMN in text and PREVIOUS_FIELD in text
    text = text.replace(
        PREVIOUS_COLUMN,
        PREVIOUS_COLUMN
        + '          - {key: onceki_tutar, label: "Geçen Yıl (TL)", type: money, previous_year: true, of: tutar}\n',
    )
    text = text.replace(
        PREVIOUS_FIELD,
        """      - kind: field
        key: onceki_trafik_kazasi
        label: "Geçen yıl müdahale edilen trafik kazası"
        type: count
        unit: "Adet"
        previous_year: true
        of: trafik_kazasi
"""
        + PREVIOUS_FIELD,
    )
    itfaiye.write_text(text, encoding="utf-8")
    if year != 2020:
        tanim = folder / "tanim.yaml"
        t = tanim.read_text(encoding="utf-8")
        t = t.replace("id: kars-2020", f"id: kars-{year}").replace("  year: 2020", f"  year: {year}")
        tanim.write_text(t, encoding="utf-8")
    return folder


def kars(tmp_path: Path, year: int = 2020) -> Definition:
    return load_definition(kars_folder(tmp_path, year))


def kars_2020_file(tmp_path: Path) -> tuple[Definition, Path]:
    """A consolidated Kars 2020 file holding every sample value."""
    d = kars(tmp_path, 2020)
    return d, sample_consolidated(tmp_path / "kars-2020.faaliyet", d)


def actuals_of(entries: Entries, factor: Decimal) -> Entries:
    """The indicator actuals of ``entries`` times ``factor`` (another year's figures)."""
    return Entries(
        indicators={
            k: IndicatorEntry(actual=(e.actual * factor).quantize(Decimal(1))) for k, e in entries.indicators.items() if e.actual
        }
    )


def history_years(path: Path, years: dict[int, Entries]) -> None:
    with Workbook.open(path) as wb:
        for year, entries in sorted(years.items()):
            wb.add_history(year, entries)
