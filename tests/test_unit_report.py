"""A department's own report follows the regulation's unit report: general information, the
unit's budget lines, activities, performance, its own parts IV and V, numbered annexes."""

from __future__ import annotations

import msgspec
import pytest
from report_support import pdf_pages, sample_consolidated

from desktop.core.definition import Definition
from desktop.report import build_report
from desktop.store.file.workbook import Workbook


def _clean(pages: list[str]) -> str:
    """The text without the TASLAK watermark's single letters."""
    return "\n".join(line for p in pages for line in p.split("\n") if len(line.strip()) > 1)


@pytest.fixture(scope="module")
def unit_pdf(tmp_path_factory, definitions):
    folder = tmp_path_factory.mktemp("birim")
    path = sample_consolidated(folder / "birlesik.faaliyet", definitions("kars"))
    out = folder / "itfaiye.pdf"
    with Workbook.open(path, readonly=True) as wb:
        build_report(wb, out, department="itfaiye")
    return _clean(pdf_pages(out)[2:])  # after the cover and the contents


def test_parts_in_the_regulation_order(unit_pdf):
    heads = [
        "I. GENEL BİLGİLER",
        "II. AMAÇ VE HEDEFLER",
        "III. FAALİYETLERE İLİŞKİN BİLGİ VE",
        "A. Mali Bilgiler",
        "B. Performans Bilgileri",
        "1. Faaliyet ve Proje Bilgileri",
        "2. Performans Sonuçları Tablosu",
        "IV. KURUMSAL KABİLİYET VE KAPASİTENİN",
        "V. ÖNERİ VE TEDBİRLER",
        "EKLER",
        "Ek 1",
        "HARCAMA YETKİLİSİNİN İÇ KONTROL GÜVENCE BEYANI",
    ]
    at = [unit_pdf.find(h) for h in heads]
    assert -1 not in at, [h for h, i in zip(heads, at) if i < 0]
    assert at == sorted(at)


def test_general_information_names_the_unit_and_its_manager_in_force(unit_pdf, definitions):
    """The manager is the one the declaration prints: the strategy unit's entry for the year
    (the sample overrides the definition's), not a stale name from the definition."""
    dept = definitions("kars").department("itfaiye")
    general = unit_pdf[: unit_pdf.find("II. AMAÇ VE HEDEFLER")]
    declaration = unit_pdf[unit_pdf.find("HARCAMA YETKİLİSİNİN") :]
    assert dept.name in general
    names = [line for line in general.split("\n") if line.startswith("Birim yöneticisi ")]
    assert len(names) == 1
    person = names[0].removeprefix("Birim yöneticisi ").split(",")[0]
    assert person and person in declaration


def test_the_unit_budget_line_is_printed_from_the_finance_table(unit_pdf):
    finance = unit_pdf[unit_pdf.find("A. Mali Bilgiler") : unit_pdf.find("B. Performans Bilgileri")]
    assert "Birimler Bazında Bütçe Gider Kesin Hesabı" in finance
    assert "İtfaiye Müdürlüğü 1.660.000,00 1.660.000,00 1.351.504,63" in finance
    assert "Zabıta Müdürlüğü" not in finance  # only the unit's own row
    assert "Kaynak: Mali Hizmetler Müdürlüğü verisi" in finance


def test_empty_parts_iv_and_v_say_so(unit_pdf):
    tail = unit_pdf[unit_pdf.find("IV. KURUMSAL") : unit_pdf.find("EKLER")]
    assert tail.count("Bu başlık altında bildirilecek bilgi yoktur.") == 2


def test_a_row_of_an_unknown_department_is_refused(definitions):
    data = msgspec.to_builtins(definitions("small"))
    table = next(
        i
        for f in data["forms"]
        for s in f["sections"]
        for i in s["items"]
        if i["kind"] == "table" and isinstance(i["rows"], list)
    )
    table["rows"][0]["department"] = "boyle_bir_birim_yok"
    with pytest.raises(msgspec.ValidationError, match="boyle_bir_birim_yok"):
        msgspec.convert(data, Definition)
