"""An indicator counting things ("Adet", "Kişi"…) takes whole numbers; an implausible rate is a warning."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from desktop.core import rates, units
from desktop.core.entries import IndicatorEntry
from desktop.core.plan import IndicatorDef
from desktop.core.validation import indicator_findings_of
from desktop.store.errors import ImportRejected
from desktop.store.file import pending

pytestmark = pytest.mark.definition("small")


@pytest.mark.parametrize("unit", ["Adet", "adet", "ADET", " Adet ", "Ad.", "Sayı", "SAYI", "Kişi", "KİŞİ", "kez", "Tane"])
def test_count_units(unit):
    assert units.is_count_unit(unit)
    assert units.actual_type(IndicatorDef(key="g", code="G", name="n", unit=unit, department="d")) == "count"


@pytest.mark.parametrize("unit", ["Dk", "Km", "Ton", "Lt", "%", "TL", "Gün", "Da (dekar)", "Kişi/Gün", "Adet/Ay", "", None])
def test_other_units_take_decimals(unit):
    assert not units.is_count_unit(unit)


def _ind(unit="Adet", target=5, baseline=None):
    return IndicatorDef(
        key="pg", code="PG.1", name="Eğitim Sayısı", unit=unit, target=D(target), baseline=baseline, department="itfaiye"
    )


def test_a_fraction_in_a_count_indicator_is_an_error_finding():
    found = indicator_findings_of(_ind(), IndicatorEntry(D("1234.5"), "açıklama", "defter"), D(10))
    errors = [f for f in found if f.is_error]
    assert [f.place for f in errors] == ["pg.actual"]
    assert "tam sayı" in errors[0].message and "1.234,5" in errors[0].message
    assert not [f for f in indicator_findings_of(_ind("Km"), IndicatorEntry(D("4.5"), "x", "y"), D(10)) if f.is_error]


def test_an_implausible_rate_is_a_warning_naming_the_separators():
    # target 5, actual 1.234: %24.680, far beyond any real over-achievement
    found = indicator_findings_of(_ind(), IndicatorEntry(D("1234"), "açıklama", "defter"), D(10))
    odd = [f for f in found if f.rule == "olagan_disi_oran"]
    assert len(odd) == 1 and odd[0].severity == "warning" and odd[0].place == "pg.actual"
    assert "%24.680,0" in odd[0].message and "1.234" in odd[0].message and "binlik" in odd[0].message
    # at the limit: no warning
    assert not rates.implausible(D(1000)) and rates.implausible(D("1000.1")) and rates.implausible(D(-1001))
    fine = indicator_findings_of(_ind(), IndicatorEntry(D(50), "açıklama", "defter"), D(10))
    assert not [f for f in fine if f.rule == "olagan_disi_oran"]


def test_the_file_refuses_a_fraction_for_a_count_indicator_and_keeps_decimals_for_others(workbook):
    before = workbook.entries().indicators.get("pg_5_3_2")
    with pytest.raises(ImportRejected) as exc:
        workbook.set_indicator("pg_5_3_2", actual=D("1234.5"))  # "Adet"
    assert "tam sayı" in " ".join(exc.value.problems)
    assert workbook.entries().indicators.get("pg_5_3_2") == before
    workbook.set_indicator("pg_5_3_2", actual=D(12))
    assert workbook.entries().indicators["pg_5_3_2"].actual == 12
    workbook.set_indicator("pg_5_3_1", actual=D("7.5"))  # "Dk": decimals
    assert workbook.entries().indicators["pg_5_3_1"].actual == D("7.5")


def test_a_kept_text_is_read_as_its_place_reads_it(definition):
    adet = pending.place(definition, "pg_5_3_2.actual")
    assert adet.type == "count"
    message = pending.message(adet, "12.5")
    assert "'12.5'" in message and "tam sayı" in message and "Düzeltin ya da silin" in message
    assert pending.place(definition, "pg_5_3_1.actual").type == "decimal"
    assert pending.place(definition, "f_5_3_1.actual_cost").type == "money"
    # kept by an older reading rule, readable now: it waits to be saved, it is not called unreadable
    litre = pending.place(definition, "itfaiye.akaryakit.ocak.litre")
    assert "henüz kaydedilmedi" in pending.message(litre, "1.234")
