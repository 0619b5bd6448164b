"""Turkish text: NFC and NFD, dotted and dotless i through every case operation the
application performs, and every Turkish letter in every font the PDF embeds."""

from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core import turkish
from desktop.core.values import coerce, parse_input
from desktop.store.file.workbook import Workbook

LETTERS = "çğıöşüÇĞİÖŞÜâîûÂÎÛ"
PAIRS = [("i", "İ"), ("ı", "I"), ("ç", "Ç"), ("ğ", "Ğ"), ("ö", "Ö"), ("ş", "Ş"), ("ü", "Ü"), ("â", "Â"), ("î", "Î"), ("û", "Û")]
WORDS = ["istanbul", "ılıca", "İĞDIR", "IĞDIR", "Çiğdem", "şişli", "Üsküdar", "hâkim", "Kırşehir", "İzmir", "ISPARTA", "Iğdır"]
# precomposed letters; the NFD forms are made with nfd() (stray combining marks such as
# 'İ' + U+0302 have no Turkish case mapping to preserve)
TEXT = st.text(alphabet="abcçdefgğhıijklmnoöprsştuüvyzABCÇDEFGĞHIİJKLMNOÖPRSŞTUÜVYZâîûÂÎÛ '-0123456789", max_size=25)


def nfd(s: str) -> str:
    return unicodedata.normalize("NFD", s)


def test_pairs_in_both_normal_forms():
    for low, up in PAIRS:
        for form in (low, nfd(low)):
            assert turkish.upper(form) == up
        for form in (up, nfd(up)):
            assert turkish.lower(form) == low
            assert turkish.casefold(form) == turkish.casefold(low)
    assert turkish.casefold("I") != turkish.casefold("i")  # dotless and dotted stay apart
    assert turkish.casefold("İ") != turkish.casefold("ı")


@pytest.mark.parametrize("word", WORDS)
def test_every_case_operation_on_nfc_and_nfd(word):
    for op in (turkish.upper, turkish.lower, turkish.title, turkish.casefold, turkish.nfc):
        assert op(nfd(word)) == op(word), (op.__name__, word)
        out = op(word)
        assert out == unicodedata.normalize("NFC", out)
    assert turkish.sort_key(nfd(word)) == turkish.sort_key(word)
    assert len(turkish.lower(word)) == len(word) == len(turkish.upper(word))  # 'İ'.lower() is not two characters


@settings(max_examples=300, deadline=None, database=None)
@given(TEXT)
def test_case_operations_are_stable_and_normal(s):
    up, low = turkish.upper(s), turkish.lower(s)
    assert turkish.upper(low) == up and turkish.lower(up) == low
    assert turkish.casefold(up) == turkish.casefold(low) == turkish.casefold(s) == turkish.casefold(nfd(s))
    for out in (up, low, turkish.title(s), turkish.casefold(s)):
        assert out == unicodedata.normalize("NFC", out)
    assert turkish.sort_key(s) == turkish.sort_key(nfd(s))


def test_alphabetical_order_is_turkish_in_both_forms():
    names = ["Zeytinburnu", "Üsküdar", "Şişli", "Sarıyer", "İzmir", "Ilgaz", "Çorum", "Cide", "Ödemiş", "Ordu", "Ğ", "Gebze"]
    expected = ["Cide", "Çorum", "Gebze", "Ğ", "Ilgaz", "İzmir", "Ordu", "Ödemiş", "Sarıyer", "Şişli", "Üsküdar", "Zeytinburnu"]
    assert sorted(names, key=turkish.sort_key) == expected
    assert [turkish.nfc(n) for n in sorted(map(nfd, names), key=turkish.sort_key)] == expected


def test_typed_text_is_stored_nfc_and_found_case_insensitively(workbook):
    typed = nfd("İTFAİYE eğitimi: Çığ, Şişli, Ilıca — hâkim")
    workbook.set_value("itfaiye.anlatim", typed)
    stored = workbook.get("itfaiye.anlatim")
    assert stored == unicodedata.normalize("NFC", typed) and stored != typed
    assert turkish.casefold("itfaiye") in turkish.casefold(stored)
    assert turkish.casefold("ILICA") in turkish.casefold(stored)
    assert turkish.casefold("ilica") not in turkish.casefold(stored)  # dotted i is another letter
    assert coerce("longtext", typed) == stored == parse_input("longtext", typed)


def test_value_set_import_normalizes_nfd(workbook):
    from desktop.store.exchange.valueset import import_values

    data = {
        "institution": "kars",
        "year": workbook.year,
        "department": "itfaiye",
        "values": [{"field": "itfaiye.anlatim", "value": nfd("Iğdır ve İstanbul")}],
    }
    import_values(workbook, data)
    assert workbook.get("itfaiye.anlatim") == "Iğdır ve İstanbul"


def test_excel_sheet_names_fold_the_turkish_way():
    from desktop.store.exchange import excel

    used: set[str] = set()
    first = excel.sheet_title("İşlemler", used)
    second = excel.sheet_title("işlemler", used)  # the same name to Excel and to a Turkish reader
    third = excel.sheet_title(nfd("İŞLEMLER"), used)
    assert len({first, second, third}) == 3


# --- fonts -------------------------------------------------------------------------
def _fonts():
    from desktop import resources
    from desktop.report import fonts

    return {name: resources.fonts() / file for name, file in fonts.FILES.items()}


def test_every_turkish_letter_in_every_report_font():
    from reportlab.pdfbase.ttfonts import TTFontFile

    fonts = _fonts()
    assert fonts
    for name, path in fonts.items():
        cmap = TTFontFile(str(path)).charToGlyph
        missing = [c for c in LETTERS + "₺" if ord(c) not in cmap or cmap[ord(c)] == 0]
        assert missing == [], (name, path.name, missing)


def test_pdf_embeds_only_report_fonts_and_keeps_every_letter(tmp_path, workbook_path):
    """A built report: only the DejaVu fonts are embedded, and text typed in NFD comes back
    out of the PDF with every Turkish letter; the cover upper-cases with a dotted İ."""
    pypdf = pytest.importorskip("pypdf")
    from desktop.report import build_report

    sentence = "Çığ İğne Işık ölçü şüphe ÜĞİŞÇÖ hâkim îmar ûmran"
    with Workbook.open(workbook_path) as wb:
        wb.set_value("itfaiye.anlatim", nfd(sentence))
        result = build_report(wb, tmp_path / "r.pdf")
    reader = pypdf.PdfReader(result.path)
    embedded = set()
    for page in reader.pages:
        for font in (page.get("/Resources", {}).get("/Font", {}) or {}).values():
            embedded.add(re.sub(r"^[A-Z]{6}\+", "", str(font.get_object()["/BaseFont"]).lstrip("/")))
    allowed = {p.stem for p in _fonts().values()}
    assert embedded and embedded <= allowed | {"ZapfDingbats"}, embedded - allowed
    text = "\n".join(page.extract_text() or "" for page in reader.pages)
    text = unicodedata.normalize("NFC", " ".join(text.split()))
    for word in sentence.split():
        assert word in text, word
    assert "BELEDİYESİ" in text  # Turkish upper case on the cover (not BELEDIYESI)
