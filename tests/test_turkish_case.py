"""Turkish casing, case-insensitive comparison and alphabetical order."""

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.core.turkish import ALPHABET, casefold, lower, nfc, sort_key, title, upper

TR_LOWER = "abcçdefgğhıijklmnoöprsştuüvyz"
TR_UPPER = "ABCÇDEFGĞHIİJKLMNOÖPRSŞTUÜVYZ"
TR_TEXT = st.text(alphabet=TR_LOWER + TR_UPPER + " '-0123456789", max_size=30)


def test_dotted_and_dotless_i():
    assert upper("i") == "İ"
    assert upper("ı") == "I"
    assert lower("I") == "ı"
    assert lower("İ") == "i"
    assert len(lower("İ")) == 1
    assert upper("istanbul ılıca") == "İSTANBUL ILICA"
    assert lower("İSTANBUL ILICA") == "istanbul ılıca"
    assert upper("çğöşü") == "ÇĞÖŞÜ"
    assert lower("ÇĞÖŞÜ") == "çğöşü"


def test_title():
    assert title("istanbul ılıca") == "İstanbul Ilıca"
    assert title("İSTANBUL ILICA") == "İstanbul Ilıca"
    assert title("kars'ta ali-veli") == "Kars'ta Ali-Veli"
    assert title("2nci bölge") == "2nci Bölge"
    assert title("") == ""


def test_casefold():
    assert casefold("İSTANBUL") == casefold("istanbul")
    assert casefold("IĞDIR") == casefold("ığdır")
    assert casefold("I") == "ı"
    assert casefold("I") != casefold("i")
    assert casefold("ÇORUM") == "çorum"
    assert casefold("Çorum") != casefold("Corum")  # ç is its own letter


def test_nfd_input_is_normalized_before_casing():
    decomposed = "I\u0307STANBUL"  # İ written as I + combining dot above
    assert unicodedata.normalize("NFD", "İ") == "I\u0307"
    assert nfc(decomposed) == "İSTANBUL"
    assert lower(decomposed) == "istanbul"
    assert casefold(decomposed) == casefold("istanbul")
    assert title("i\u0307stanbul") == "İstanbul"  # what str.lower() makes of İ
    assert upper(unicodedata.normalize("NFD", "çiğdem")) == "ÇİĞDEM"
    assert sort_key(unicodedata.normalize("NFD", "Çorum"))[0] == sort_key("Çorum")[0]


def test_nfc():
    assert nfc("c\u0327") == "ç"
    assert nfc("ç") == "ç"


def test_province_order():
    names = [
        "Denizli",
        "Çorum",
        "Cide",
        "Şile",
        "Sinop",
        "İzmir",
        "Iğdır",
        "Ilgaz",
        "Ödemiş",
        "Ordu",
        "Zonguldak",
        "Ağrı",
        "Adana",
        "Uşak",
        "Ünye",
        "Giresun",
        "Gümüşhane",
        "Göksun",
    ]
    assert sorted(names, key=sort_key) == [
        "Adana",
        "Ağrı",
        "Cide",
        "Çorum",
        "Denizli",
        "Giresun",
        "Göksun",
        "Gümüşhane",
        "Iğdır",
        "Ilgaz",
        "İzmir",
        "Ordu",
        "Ödemiş",
        "Sinop",
        "Şile",
        "Uşak",
        "Ünye",
        "Zonguldak",
    ]


@pytest.mark.parametrize("a,b", list(zip(TR_LOWER, TR_LOWER[1:])))
def test_each_letter_after_the_previous(a, b):
    assert sort_key(a) < sort_key(b)
    assert sort_key(upper(a)) < sort_key(upper(b))
    assert sort_key(a + "z") < sort_key(upper(b) + "a")  # case does not decide


def test_case_insensitive_first_then_deterministic():
    assert sorted(["CİDE", "çorum", "Çorum", "cide"], key=sort_key) == ["cide", "CİDE", "çorum", "Çorum"]
    assert sort_key("CIDE") < sort_key("cide")  # Turkish: CIDE is "cıde", and ı comes before i
    assert sort_key("ali") != sort_key("Ali")
    assert sort_key("kar") < sort_key("kâr") < sort_key("kas")


def test_digits_before_letters_and_by_value():
    assert sort_key("9") < sort_key("a")
    assert sort_key("Mahalle 2") < sort_key("Mahalle 10")
    assert sort_key("Mahalle 10") < sort_key("Mahalle A")
    assert sort_key("Ak Şehir") < sort_key("Akşehir")


@given(TR_TEXT)
def test_upper_lower_round_trip(s):
    assert lower(upper(s)) == lower(s)
    assert upper(lower(s)) == upper(s)
    assert len(upper(s)) == len(s) == len(lower(s))


@given(TR_TEXT)
def test_casefold_ignores_case(s):
    assert casefold(upper(s)) == casefold(lower(s)) == casefold(title(s))
    assert sort_key(upper(s))[0] == sort_key(lower(s))[0]


@given(st.lists(st.text(max_size=12), max_size=12))
def test_sort_is_total_and_deterministic(xs):
    assert sorted(xs, key=sort_key) == sorted(reversed(xs), key=sort_key)


@given(st.text())
def test_any_text_is_accepted(s):
    assert isinstance(sort_key(s), tuple)
    assert casefold(unicodedata.normalize("NFD", s)) == casefold(s)
    assert isinstance(title(s), str) and isinstance(upper(s), str)


def test_alphabet_constant():
    assert [c for c in ALPHABET if c not in "qwx"] == list(TR_LOWER)
