"""Narrative texts: hygiene (broken encoding, table debris), references to figures, typed amounts."""

from __future__ import annotations

import json
from decimal import Decimal
from decimal import Decimal as D

import pytest
from report_support import clean_workbook, pdf_pages

from desktop import resources
from desktop.core import characters, references
from desktop.core.entries import Entries
from desktop.core.live_checks import LiveChecks
from desktop.core.numbers import NBSP, bind_units
from desktop.core.validation import validate
from desktop.report import build_report
from desktop.store.file.workbook import Workbook

pytestmark = pytest.mark.definition("small")

BROKEN = "Karla Mcadele alıřmaları\n\nKars Belediyesi Fen İřleri Mdrlę bnyesinde ekip oluřturulmuř."
DEBRIS = "Alt başlıklar:\n\n- -----------------------------\n- --\n- 1. Eğitim\n| a | b |\n**kalın**"


def test_broken_encoding_is_named():
    problems = characters.hygiene_problems(BROKEN)
    assert len(problems) == 1
    assert "ř" in problems[0] and "ę" in problems[0] and "Mcadele" in problems[0]


@pytest.mark.parametrize("text", ["Ã¼rÃ¼n", "kÄ±ÅŸ", "Đorđe", "Őrs", "a\ufffdb"])
def test_mojibake_letters_are_foreign(text):
    assert characters.hygiene_problems(text)


@pytest.mark.parametrize("text", ["Çağrı ŞİMŞEK ılık öğüt", "Kâtip, hâkim, İmâr", "x-y: 3 | 4", "- madde\n- ikinci"])
def test_turkish_text_is_clean(text):
    assert characters.hygiene_problems(text) == []


def test_table_debris_lines_are_counted():
    (problem,) = characters.hygiene_problems(DEBRIS)
    assert problem.startswith("4 satır") and "3, 4, 6, 7" in problem


def test_check_warns_naming_the_field(definition):
    e = Entries(values={"itfaiye.anlatim": BROKEN, "strateji.sunus": DEBRIS})
    found = [f for f in validate(definition, e) if f.rule == "metin"]
    assert {f.place for f in found} == {"itfaiye.anlatim", "strateji.sunus"}
    assert all(f.severity == "warning" for f in found)
    anlatim = next(f for f in found if f.place == "itfaiye.anlatim")
    label = definition.item("itfaiye", "anlatim").label
    assert anlatim.message.startswith(f"'{label}': Türkçede olmayan karakterler")


def test_live_checks_follow_an_edit(definition):
    e = Entries(values={"itfaiye.anlatim": "Temiz metin."})
    live = LiveChecks(definition, e)
    assert not [f for f in live.findings() if f.rule == "metin"]
    e.values["itfaiye.anlatim"] = BROKEN
    _, added, _ = live.update(["itfaiye.anlatim"])
    assert [f.rule for f in added] == ["metin"]
    assert live.findings() == validate(definition, e)


def test_unknown_reference_is_an_error(definition):
    e = Entries(values={"itfaiye.anlatim": "Gelir {{mali_hizmetler.gelir.toplam.tahsilat}} TL, {{yok.boyle.bir}}."})
    (f,) = [f for f in validate(definition, e) if f.rule == "gonderme"]
    assert f.severity == "error" and f.place == "itfaiye.anlatim"
    assert "{{yok.boyle.bir}}" in f.message and "gelir.toplam" not in f.message


def test_reference_expands_to_the_printed_figure(definition):
    e = Entries(values={"mali_hizmetler.gelir.vergi.tahsilat": Decimal("800000"), "mali_hizmetler.gelir.diger.tahsilat": 700000})
    live = LiveChecks(definition, e)
    text = "Tahsilat {{mali_hizmetler.gelir.toplam.tahsilat}} TL; {{ yok }}."
    shown = references.expand(text, lambda k: references.value_text(definition, live.get, k))
    assert shown == "Tahsilat 1.500.000,00 TL; —."


def test_typed_amount_equal_to_no_figure_is_a_warning(definition):
    values = {
        "mali_hizmetler.gelir.vergi.tahsilat": Decimal("800000"),
        "itfaiye.anlatim": "Vergi geliri 800.000,00-TL, toplam 1.500.000 TL, bir kalem 67.892.756,94 TL oldu; bilet 5 TL.",
    }
    e = Entries(values=values)
    (f,) = [f for f in validate(definition, e) if f.rule == "tutar"]
    assert f.severity == "warning" and f.place == "itfaiye.anlatim"
    assert "67.892.756,94" in f.message and "800.000" not in f.message and "1.500.000" in f.message
    # the figure appears in a table: the warning goes, edit by edit
    live = LiveChecks(definition, e)
    e.values["mali_hizmetler.gelir.diger.tahsilat"] = Decimal("700000")
    live.update(["mali_hizmetler.gelir.diger.tahsilat"])
    (f,) = [f for f in live.findings() if f.rule == "tutar"]
    assert "1.500.000" not in f.message
    assert live.findings() == validate(definition, e)


def test_number_and_unit_never_break():
    assert bind_units("toplam 645.146,14 TL ve 87,5 % oldu; 12 mart") == f"toplam 645.146,14{NBSP}TL ve 87,5{NBSP}% oldu; 12 mart"


def test_report_prints_the_figure_not_the_reference(tmp_path):
    path = clean_workbook(tmp_path / "k.faaliyet")
    with Workbook.open(path) as wb:
        wb.apply({"itfaiye.anlatim": "Yılın net tahsilatı {{mali_hizmetler.gelir.toplam.tahsilat}} TL oldu."})
    out = tmp_path / "r.pdf"
    with Workbook.open(path, readonly=True) as wb:
        build_report(wb, out)
    text = "\n".join(pdf_pages(out))
    assert "{{" not in text and "gelir.toplam" not in text
    assert "net tahsilatı 1.500.000,00" in " ".join(text.split())


def test_sample_texts_are_clean_and_the_finance_narrative_refers(definitions):
    kars = definitions("kars")
    folder = resources.sample(kars.id)
    texts = {}
    for f in sorted(folder.glob("*.json")):
        for v in json.loads(f.read_text(encoding="utf-8"))["values"]:
            if isinstance(v["value"], str):
                texts[v["field"]] = v["value"]
    assert {k: p for k, t in texts.items() if (p := characters.hygiene_problems(t))} == {}
    narrative = texts["mali_hizmetler.gider_aciklama"]
    assert "mali_hizmetler.gider_ekonomik.toplam.gerceklesme" in references.names_in(narrative)
    assert "67.892.756" not in narrative


def test_indicator_explanations_are_checked_too(definition):
    from desktop.core.entries import IndicatorEntry

    e = Entries(indicators={"pg_5_3_1": IndicatorEntry(actual=D(9), explanation="Kar yaęan gnler", source="Kayıt")})
    (f,) = [f for f in validate(definition, e) if f.rule == "metin"]
    assert f.place == "pg_5_3_1.explanation" and f.message.startswith("PG.5.3.1 Yangına Ulaşma Süresi (sapma açıklaması): ")


def test_text_cells_of_tables_are_checked_by_their_labels(definitions):
    kars = definitions("kars")
    key = "bilgi_islem.yazilimlar.netcad.durum"
    e = Entries(values={key: "GÃ¼ncel"})
    (f,) = [f for f in validate(kars, e, "bilgi_islem") if f.rule == "metin"]
    assert f.place == key
    assert f.message.startswith("'Yazılım Kaynakları Listesi / Netcad / Durumu': Türkçede olmayan karakterler")
