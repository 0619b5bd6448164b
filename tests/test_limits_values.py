"""One rule for every entry path: number range, non-ASCII digits, text lengths and characters.

``core.values.coerce`` (machine input: value files, Excel, paste, merge) and
``parse_input`` (what a clerk types) give the same answers, and a workbook
stores exactly what they accept.
"""

from __future__ import annotations

from decimal import Decimal as D

import pytest
from report_support import clean_workbook, jpeg

from bench.attacks import clear_message
from desktop.core.numbers import LIMIT, MAX_SIGNIFICANT, NumberError, parse_number, range_problem
from desktop.core.values import TEXT_LIMITS, ValueProblem, coerce, parse_input
from desktop.store.errors import ImportRejected, WorkbookError
from desktop.store.file import codec
from desktop.store.file.photos import add_photo, list_photos, set_caption
from desktop.store.file.workbook import Workbook

# --- numbers -----------------------------------------------------------------


def _id(value) -> str:
    if isinstance(value, int) and value.bit_length() > 1000:
        return "huge-int"
    return repr(value)[:20]


TYPED_OUT_OF_RANGE = [
    ("count", "100000000000000000000"),
    ("count", "1" + "0" * 39),
    ("decimal", "12345678901234567,89"),
    ("money", "12345678901234567,89"),
    ("money", "1.000.000.000.000.000"),
    ("percent", "-1000000000000000"),
    ("decimal", "0,0000001"),  # would be rounded
    ("decimal", "123456789,1234567"),  # 16 significant digits: a double cannot hold them
]


@pytest.mark.parametrize("type_,text", TYPED_OUT_OF_RANGE)
def test_typed_numbers_out_of_range_are_refused_with_the_range(type_, text):
    with pytest.raises(ValueProblem) as info:
        parse_input(type_, text)
    message = str(info.value)
    assert clear_message(message) is None
    assert "999.999.999.999.999" in message or "ondalık" in message or "anlamlı" in message


MACHINE_OUT_OF_RANGE = [
    ("count", 10**20),
    ("count", "9" * 40),
    ("count", 1e20),  # an Excel cell holding 1e20
    ("count", 10**5000),
    ("decimal", float("1e300")),
    ("decimal", D("1e400")),
    ("decimal", D("1e-400")),  # would be stored as 0
    ("decimal", "1e-400"),
    ("money", "12345678901234567.89"),  # would be rounded
    ("money", D("0.001")),
    ("percent", D("-1e15")),
    ("decimal", 0.1 + 0.2),  # 0.30000000000000004: 17 significant digits
]


@pytest.mark.parametrize("type_,raw", MACHINE_OUT_OF_RANGE, ids=_id)
def test_machine_numbers_out_of_range_are_refused(type_, raw):
    with pytest.raises(ValueProblem) as info:
        coerce(type_, raw)
    assert clear_message(str(info.value)) is None


@pytest.mark.parametrize(
    "type_,raw,expected",
    [
        ("count", 10**15 - 1, 10**15 - 1),
        ("money", "999999999999.99", D("999999999999.99")),  # 14 digits: kuruş fit
        ("money", D("-12.5"), D("-12.50")),
        ("decimal", "0.000001", D("0.000001")),
        ("decimal", 0.1, D("0.1")),
        ("percent", "-999999999999999", D("-999999999999999")),
    ],
)
def test_numbers_inside_the_range_are_kept_exactly(type_, raw, expected):
    assert coerce(type_, raw) == expected


@pytest.mark.parametrize(
    "type_,text",
    [
        ("count", "999.999.999.999.999"),
        ("decimal", "-999999999,999999"),
        ("money", "9.999.999.999.999,99"),
    ],
)
def test_largest_typed_numbers_parse(type_, text):
    value = parse_input(type_, text)
    assert abs(value) < LIMIT and range_problem(D(value), type_) is None


def test_range_rule_is_one_statement():
    assert range_problem(D(LIMIT), "count") and range_problem(D(-LIMIT), "decimal")
    assert range_problem(D(LIMIT - 1), "count") is None
    assert range_problem(D("1." + "1" * MAX_SIGNIFICANT), "decimal")  # 16 digits
    assert range_problem(D("0.1234567"), "percent")
    assert range_problem(D("0.123"), "money")


NON_ASCII_DIGITS = ["١٢٣", "۱۲۳", "１２３", "१२३", "12٣", "𝟏𝟐", "٣,٥", "²"]


@pytest.mark.parametrize("text", NON_ASCII_DIGITS)
@pytest.mark.parametrize("type_", ["count", "decimal", "money", "percent"])
def test_non_ascii_digits_are_refused_everywhere(text, type_):
    with pytest.raises(ValueProblem) as typed:
        parse_input(type_, text)
    with pytest.raises(ValueProblem) as machine:
        coerce(type_, text)
    for message in (str(typed.value), str(machine.value)):
        assert clear_message(message) is None
    if text != "²":
        assert "0123456789" in str(typed.value) and "0123456789" in str(machine.value)


def test_parse_number_refuses_other_digits_directly():
    with pytest.raises(NumberError, match="0-9"):
        parse_number("１２３", "count")


@pytest.mark.parametrize(
    "type_,value",
    [
        ("count", 10**20),
        ("money", D("1e16")),
        ("decimal", D("1e-400")),
        ("percent", float("inf")),
        ("count", True),
    ],
)
def test_codec_never_overflows(type_, value):
    with pytest.raises(ValueProblem):
        codec.encode(type_, value)


# --- a workbook keeps the old value ----------------------------------------------

BAD_FOR_A_WORKBOOK = [10**20, "9" * 40, 1e20, float("1e400"), D("1e-400"), "١٢", "12345678901234567.89"]


@pytest.mark.parametrize("raw", BAD_FOR_A_WORKBOOK, ids=_id)
def test_workbook_refuses_and_keeps_the_old_value(tmp_path, raw):
    path = clean_workbook(tmp_path / "itfaiye.faaliyet", "itfaiye")
    with Workbook.open(path) as wb:
        before = wb.get("itfaiye.makbuz.ocak.arac")
        assert before == 1300
        with pytest.raises(ImportRejected) as info:
            wb.set_value("itfaiye.makbuz.ocak.arac", raw)
        assert clear_message(str(info.value)) is None
        with pytest.raises(ImportRejected):
            wb.set_value("itfaiye.makbuz.ocak.tutar", raw)
    with Workbook.open(path) as wb:
        assert wb.get("itfaiye.makbuz.ocak.arac") == before
        assert wb.get("itfaiye.makbuz.ocak.tutar") == D("1234567.00")


def test_workbook_round_trip_of_the_largest_values(tmp_path):
    path = clean_workbook(tmp_path / "itfaiye.faaliyet", "itfaiye")
    with Workbook.open(path) as wb:
        wb.set_value("itfaiye.makbuz.ocak.arac", 10**15 - 1)
        wb.set_value("itfaiye.makbuz.ocak.tutar", D("9999999999999.99"))
        wb.set_indicator("pg_5_3_1", actual=D("-123456789.123456"))
    with Workbook.open(path) as wb:
        assert wb.get("itfaiye.makbuz.ocak.arac") == 10**15 - 1
        assert wb.get("itfaiye.makbuz.ocak.tutar") == D("9999999999999.99")
        assert wb.entries().indicators["pg_5_3_1"].actual == D("-123456789.123456")


def test_indicator_actual_out_of_range_is_refused(tmp_path):
    path = clean_workbook(tmp_path / "itfaiye.faaliyet", "itfaiye")
    with Workbook.open(path) as wb:
        for raw in (10**20, D("1e-400"), "٩"):
            with pytest.raises(ImportRejected):
                wb.set_indicator("pg_5_3_1", actual=raw)
        with pytest.raises(ImportRejected):
            wb.set_activity("f_5_3_1", actual_cost=D("1e16"))
        assert wb.entries().indicators["pg_5_3_1"].actual == 9


# --- texts -----------------------------------------------------------------------


@pytest.mark.parametrize("kind", list(TEXT_LIMITS))
def test_each_text_kind_has_its_limit(kind):
    limit = TEXT_LIMITS[kind]
    assert coerce(kind, "a" * limit) == "a" * limit
    with pytest.raises(ValueProblem) as info:
        coerce(kind, "a" * (limit + 1))
    assert str(limit) in str(info.value) and clear_message(str(info.value)) is None
    with pytest.raises(ValueProblem):
        parse_input(kind, "a" * (limit + 1))


def test_short_kinds_are_short():
    assert TEXT_LIMITS["text"] <= 1000 and TEXT_LIMITS["caption"] <= 500 and TEXT_LIMITS["note"] <= 2000


def test_ten_megabytes_are_refused_quickly():
    import time

    start = time.perf_counter()
    with pytest.raises(ValueProblem):
        coerce("caption", "x" * 10_000_000)
    assert time.perf_counter() - start < 0.5


@pytest.mark.parametrize("kind", list(TEXT_LIMITS))
@pytest.mark.parametrize("text", ["a\ud800b", "\udfff", "a\x00b", "a\x1bb", "a\x85b", "a\ufffe"])
def test_surrogates_and_control_characters_are_refused(kind, text):
    with pytest.raises(ValueProblem) as info:
        coerce(kind, text)
    assert clear_message(str(info.value)) is None
    assert "karakter" in str(info.value)


@pytest.mark.parametrize("kind", list(TEXT_LIMITS))
@pytest.mark.parametrize("control", ["\u202e", "\u202a", "\u202d", "\u2066", "\u2067", "\u2068", "\u2069", "\u200f"])
def test_direction_controls_are_removed(kind, control):
    assert coerce(kind, f"fatura{control}gpj.exe") == "faturagpj.exe"
    assert parse_input(kind, f"{control}ab") == "ab"


def test_line_breaks_only_where_a_text_has_lines():
    assert coerce("longtext", "a\r\nb\tc") == "a\r\nb\tc"
    assert coerce("note", "a\nb") == "a\nb"
    for kind in ("text", "caption"):
        with pytest.raises(ValueProblem, match="tek satır"):
            coerce(kind, "a\nb")


def test_texts_are_nfc():
    assert coerce("text", "I\u0307zmir") == "İzmir"


def test_workbook_text_limits_and_characters(tmp_path):
    path = clean_workbook(tmp_path / "itfaiye.faaliyet", "itfaiye")
    with Workbook.open(path) as wb:
        before = wb.get("itfaiye.anlatim")
        for bad in ("a\ud800", "a\x00", "x" * (TEXT_LIMITS["longtext"] + 1)):
            with pytest.raises(ImportRejected):
                wb.set_value("itfaiye.anlatim", bad)
        with pytest.raises(ImportRejected):
            wb.set_indicator("pg_5_3_1", explanation="x" * (TEXT_LIMITS["note"] + 1))
        with pytest.raises(ImportRejected):
            wb.set_indicator("pg_5_3_1", source="kaynak\ud800")
        wb.set_value("itfaiye.anlatim", "Yangın\u202e raporu")
        assert wb.get("itfaiye.anlatim") == "Yangın raporu"
        assert before
        assert wb.entries().indicators["pg_5_3_1"].explanation == "Yeni istasyon yıl sonunda açıldı."


def test_captions_follow_the_caption_rule(tmp_path):
    path = clean_workbook(tmp_path / "itfaiye.faaliyet", "itfaiye")
    with Workbook.open(path) as wb:
        photo = list_photos(wb, "itfaiye.foto")[0]
        for bad in ("x" * (TEXT_LIMITS["caption"] + 1), "x" * 10_000_000, "a\ud800", "iki\nsatır"):
            with pytest.raises(WorkbookError) as info:
                set_caption(wb, photo.id, bad)
            assert clear_message(str(info.value)) is None
        with pytest.raises(WorkbookError):
            add_photo(wb, "itfaiye.foto", jpeg(), "y" * (TEXT_LIMITS["caption"] + 1))
        assert len(list_photos(wb, "itfaiye.foto")) == 1
        set_caption(wb, photo.id, "Tatbikat\u202e alanı")
        assert list_photos(wb, "itfaiye.foto")[0].caption == "Tatbikat alanı"
