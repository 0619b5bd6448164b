"""Rates as the performance-program guide defines them: baselines, plausible band, weight covered,
footnotes and the tolerance that follow the data and the year's settings (issue #17, item 5)."""

from __future__ import annotations

import copy
import re
from decimal import Decimal as D

import pytest
from report_support import annex_pages, clean_workbook, layout_pages, pdf_pages
from small_year import SMALL_YEAR

from desktop.core import rates
from desktop.core.definition import Definition
from desktop.core.entries import Entries, IndicatorEntry
from desktop.core.validation import validate
from desktop.report import build_report
from desktop.store.file.workbook import Workbook

pytestmark = pytest.mark.definition("small")


def test_rates_print_with_two_places_and_the_band():
    assert rates.rate_text(D("47.0588")) == "%47,06"
    assert rates.rate_text(D(10000)) == "%10.000,00"
    assert rates.outside_band(D(-1)) and rates.outside_band(D("300.01"))
    assert not rates.outside_band(D(0)) and not rates.outside_band(D(300)) and not rates.outside_band(None)


def test_weight_covered_decides_if_the_rollup_means_anything():
    pairs = [(D(80), D(9)), (None, D(91))]
    assert rates.covered_weight(pairs) == 9
    assert not rates.enough_data(pairs, D(100))
    assert rates.enough_data([(D(80), D(50)), (None, D(50))], D(100))


def _with(definition, **changes) -> Definition:
    data = copy.deepcopy(SMALL_YEAR)
    ind = data["plan"]["aims"][0]["goals"][0]["targets"][0]["indicators"][0]  # PG.5.3.1, decreasing
    ind.update(changes)
    return Definition.from_data(data)


def test_decreasing_without_baseline_is_a_finding(definition):
    inds = {i.key: i for i in definition.plan.indicators()}
    assert inds["pg_5_3_1"].direction == "decrease" and inds["pg_5_3_1"].baseline is not None
    assert not [f for f in validate(definition, Entries()) if f.rule == "baslangic"]
    stripped = _with(definition, baseline=None)
    (f,) = [f for f in validate(stripped, Entries()) if f.rule == "baslangic"]
    assert f.place == "pg_5_3_1" and f.severity == "warning" and "PG.5.3.1" in f.message and "azalan" in f.message


def test_a_rate_outside_the_band_is_a_warning(definition):
    e = Entries(indicators={"pg_5_3_2": IndicatorEntry(actual=D(40), explanation="Okullarla ek eğitim.", source="Defter")})
    (f,) = [f for f in validate(definition, e) if f.rule == "oran_bandi"]
    assert f.place == "pg_5_3_2.actual" and f.severity == "warning" and "%400,00" in f.message
    e.indicators["pg_5_3_2"].actual = D(12)
    assert not [f for f in validate(definition, e) if f.rule == "oran_bandi"]


def _report(tmp_path, **indicators) -> str:
    data = copy.deepcopy(SMALL_YEAR)
    data["year"]["deviation_tolerance"] = 15  # the year's setting, not the 0 of the small year
    path = tmp_path / "k.faaliyet"
    with Workbook.create(path, Definition.from_data(data), None) as wb:
        wb.set_indicator("pg_5_3_1", actual=D(9), explanation="Yeni istasyon yıl sonunda açıldı.", source="Kayıt")
        for key, actual in indicators.items():
            wb.set_indicator(key, actual=actual, explanation="Açıklama.", source="Kayıt")
    out = tmp_path / "r.pdf"
    with Workbook.open(path, readonly=True) as wb:
        build_report(wb, out)
    return " ".join(" ".join(pdf_pages(out)).split())


def test_report_marks_the_band_names_only_decreasing_rows_and_prints_the_years_tolerance(tmp_path):
    text = _report(tmp_path, pg_5_3_2=D(40))  # a draft: the rate carries its finding's number
    n = re.search(r"%400,00 \u26a0(\d+)", text).group(1)
    annex = text[text.index("AÇIK BULGULAR Bu rapor") :]
    assert "%400,00;" in annex and "arasında olmalı" in annex
    page = annex_pages(tmp_path / "r.pdf")[int(n)]  # the annex names the page the marked rate stands on
    assert f"%400,00 \u26a0{n}" in layout_pages(tmp_path / "r.pdf")[int(page) - 1]
    # the footnote names the one decreasing row, by its code; the other row falls under "diğerleri"
    assert "PG.5.3.1: (C − A) / (B − A) × 100" in text and "PG.5.3.2:" not in text
    # the tolerance entered for the year, not the definition's 0
    assert "Sapma toleransı %15" in text and "Sapma toleransı %0" not in text


def test_a_clean_report_marks_the_band_and_says_why(tmp_path):
    path = clean_workbook(tmp_path / "k.faaliyet")
    with Workbook.open(path) as wb:
        wb.set_indicator("pg_5_3_2", actual=D(40), explanation="Okullarla ek eğitim.", source="Eğitim defteri")
    out = tmp_path / "r.pdf"
    with Workbook.open(path, readonly=True) as wb:
        assert not build_report(wb, out).draft
    text = " ".join(" ".join(pdf_pages(out)).split())
    assert "%400,00 \u26a0 " in text
    assert "\u26a0: gerçekleşme oranı %0 ile %300 aralığının dışında" in text


def test_too_little_weight_reported_prints_yetersiz_veri(tmp_path):
    path = clean_workbook(tmp_path / "k.faaliyet")
    with Workbook.open(path) as wb:
        wb.set_indicator("pg_5_3_1", actual=None, explanation="Ölçülemedi.", source="")
        wb.set_indicator("pg_5_3_2", actual=D(10), source="Eğitim defteri")  # 40 of 100: not enough
    out = tmp_path / "r.pdf"
    with Workbook.open(path, readonly=True) as wb:
        build_report(wb, out)
    text = " ".join(" ".join(pdf_pages(out)).split())
    assert "yetersiz veri (raporlanan ağırlık %40,00)" in text
