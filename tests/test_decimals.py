"""Declared decimals and the year's percent style, in every layer (issue #13 item 5).

A copy of the second test municipality (``tests/data/ornek-2026``: percent sign
after the number, tolerance 10) where the transport department declares
``decimals: 1`` on its computed "passengers per trip" column and on a percent
field. Its findings, report, Excel export and window print those places and
"85,00 %", never "%85" or an unrounded ratio; the stored values keep every place.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from desktop.core import rates
from desktop.core.entries import Entries, IndicatorEntry
from desktop.core.forms import ColumnDef, FieldDef, InvalidData
from desktop.core.loader import DefinitionError, load_definition
from desktop.core.validation import validate
from desktop.core.values import display
from desktop.store.file.workbook import Workbook

SOURCE = Path(__file__).parent / "data" / "ornek-2026"

VALUES = {
    "ulasim.hat_yolcu.merkez.sefer": 3001,
    "ulasim.hat_yolcu.merkez.yolcu": 210000,  # 69,9767… per trip
    "ulasim.hat_yolcu.kuzey.sefer": 2000,
    "ulasim.hat_yolcu.kuzey.yolcu": 130001,  # 65,0005
    "ulasim.doluluk_orani": Decimal("92.35"),  # stored as entered; printed "92,4 %" (half up)
}
# total row: 340001 / 5001 = 67,9866… -> "68,0"


def _declare(folder: Path, old: str, new: str) -> None:
    path = folder / "birimler" / "ulasim.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("tanim") / "ornek"
    shutil.copytree(SOURCE, folder)
    _declare(folder, 'computed: "yolcu / sefer"}', 'computed: "yolcu / sefer", decimals: 1}')
    _declare(
        folder,
        'unit: "Durak"}',
        'unit: "Durak"}\n      - {kind: field, key: doluluk_orani, label: "Doluluk oranı", type: percent, decimals: 1}',
    )
    _declare(
        folder,
        "rules:\n",
        'rules:\n  - key: doluluk\n    severity: warning\n    check: "ulasim.doluluk_orani <= 90"\n'
        '    message: "Doluluk oranı çok yüksek."\n',
    )
    return folder


@pytest.fixture(scope="module")
def definition(folder):
    return load_definition(folder)


@pytest.fixture
def path(tmp_path, definition) -> Path:
    path = tmp_path / "ulasim.faaliyet"
    with Workbook.create(path, definition, "ulasim") as wb:
        wb.set_values(VALUES)
        wb.set_indicator("gosterge_yolcu", actual=340000)  # 85 % of 400.000, unexplained
    return path


# --- the definition ---------------------------------------------------------


@pytest.mark.parametrize("type_, places", [("money", 2), ("decimal", 2), ("percent", 2), ("count", 0), ("text", None)])
def test_places_default_by_type(type_, places):
    assert FieldDef.from_data({"key": "a", "label": "A", "type": type_}).places == places
    assert ColumnDef.from_data({"key": "a", "label": "A", "type": type_}).places == places


def test_declared_places_win(definition):
    table = next(i for i in definition.form("ulasim").sections[0].items if i.key == "hat_yolcu")
    assert table.column("doluluk").places == 1
    assert table.column("sefer").places == 0
    assert definition.slots["ulasim.hat_yolcu.toplam.doluluk"].places == 1


@pytest.mark.parametrize(
    "item",
    [
        {"type": "decimal", "decimals": 7},  # 0-6
        {"type": "decimal", "decimals": -1},
        {"type": "count", "decimals": 1},  # a count has no places
        {"type": "money", "decimals": 3},  # money is kept in kuruş
        {"type": "text", "decimals": 1},  # not a number
    ],
)
def test_impossible_decimals_are_refused(item):
    with pytest.raises(InvalidData):
        FieldDef.from_data({"key": "a", "label": "A", **item})
    with pytest.raises(InvalidData):
        ColumnDef.from_data({"key": "a", "label": "A", **item})


def test_a_wrong_decimals_is_named_with_file_and_line(tmp_path):
    folder = tmp_path / "ornek"
    shutil.copytree(SOURCE, folder)
    _declare(folder, 'type: count, unit: "Durak"}', 'type: count, unit: "Durak", decimals: 2}')
    with pytest.raises(DefinitionError) as exc:
        load_definition(folder)
    text = str(exc.value)
    assert "ulasim.yaml:7" in text and "'adet' türünde 'decimals' en çok 0 olabilir" in text


# --- display: rounded for print only -----------------------------------------


def test_print_rounds_half_up_to_the_places_and_editors_keep_every_place():
    ratio = Decimal(985) / Decimal("3.6")  # 273,6111…
    assert display("decimal", ratio, for_print=True) == "273,61"
    assert display("decimal", ratio, for_print=True, decimals=1) == "273,6"
    assert display("decimal", Decimal("2.345"), for_print=True) == "2,35"
    assert display("decimal", Decimal(5), for_print=True) == "5,00"
    assert display("decimal", Decimal("1234.5"), for_print=True, decimals=0) == "1.235"
    assert display("percent", Decimal("92.35"), "suffix", for_print=True, decimals=1) == "92,4 %"
    assert display("percent", Decimal("92.35"), "prefix", for_print=True, decimals=1) == "%92,4"
    assert display("percent", Decimal("92.345"), "suffix") == "92,345 %"  # an editor: every place, parses back
    assert display("decimal", Decimal("2.345")) == "2,345"


def test_rates_print_with_one_rule():
    # two places for every rate (issue #17: %76,7 beside %47,06 was two formats in one column)
    assert rates.rate_text(Decimal("47.0588"), "prefix") == "%47,06"
    assert rates.rate_text(Decimal("76.666"), "suffix") == "76,67 %"
    assert rates.rate_text(Decimal(100), "suffix") == "100,00 %"
    assert rates.rate_text(None) == "—"


# --- findings ------------------------------------------------------------------


def test_findings_use_the_percent_style_and_the_places(definition):
    entries = Entries()
    entries.values.update(VALUES)
    entries.indicators["gosterge_yolcu"] = IndicatorEntry(actual=Decimal(340000))
    messages = [f.message for f in validate(definition, entries, "ulasim")]
    deviation = next(m for m in messages if "gerçekleşme oranı" in m)
    assert "85,00 %" in deviation and "10 % toleransın" in deviation
    rule = next(m for m in messages if m.startswith("Doluluk oranı çok yüksek"))
    assert "= 92,4 %" in rule
    assert not any(re.search(r"%\d", m) for m in messages), messages


# --- the report ------------------------------------------------------------------


def test_the_report_prints_declared_places_and_suffix_percents(path, tmp_path):
    from desktop.report import build_report

    out = tmp_path / "rapor.pdf"
    with Workbook.open(path, readonly=True) as wb:
        build_report(wb, out, department="ulasim")
        assert wb.entries().values["ulasim.doluluk_orani"] == Decimal("92.35")  # kept as entered
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(out), "-"], capture_output=True, text=True, check=True).stdout
    text = text.replace("\u00a0", " ")  # a number and its unit are joined by a no-break space in print
    for shown in ("70,0", "65,0", "68,0", "92,4 %", "85,00 %"):
        assert shown in text, shown
    assert not re.search(r"\d,\d{4,}", text), "an unrounded number reached the report"
    assert not re.search(r"%\s?\d", text), "a prefix percent in a suffix year"


# --- Excel -------------------------------------------------------------------------


def test_the_excel_export_formats_declared_places_and_suffix(path, tmp_path):
    from desktop.store.exchange.excel_export import export_excel

    out = tmp_path / "tablolar.xlsx"
    with Workbook.open(path, readonly=True) as wb:
        export_excel(wb, out)
    book = load_workbook(out)
    formats = {}
    for ws in book.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, (int, float)):
                    formats.setdefault(cell.value, set()).add(cell.number_format)
    assert formats[210000 / 3001] == {"#,##0.0"}  # the full value, shown with the column's place
    assert formats[92.35] == {'#,##0.0" %"'}
    assert formats[85] == {'#,##0.00" %"'}  # the realization rate, with the rates' two places
    assert not any(f.startswith('"%"') for fs in formats.values() for f in fs)
