"""Turkish number parsing/formatting: strict, round-tripping, never silently wrong."""

from decimal import Decimal as D

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from desktop.core.numbers import (
    KINDS,
    NumberError,
    detect_style,
    format_money,
    format_number,
    format_percent,
    parse_number,
)

TURKISH_CHARS = set("çğıöşüÇĞİÖŞÜ")


def error(text, kind="decimal", style="tr") -> str:
    with pytest.raises(NumberError) as info:
        parse_number(text, kind, style)
    message = str(info.value)
    assert message.strip(), "empty error message"
    return message


# --- parsing, Turkish style -------------------------------------------------


@pytest.mark.parametrize(
    "text,kind,expected",
    [
        ("1.234.567,89", "decimal", D("1234567.89")),
        ("1234,5", "decimal", D("1234.5")),
        ("-12,5", "decimal", D("-12.5")),
        ("\u221212,5", "decimal", D("-12.5")),  # Unicode minus
        ("0,5", "decimal", D("0.5")),
        ("1.234.567", "decimal", D("1234567")),
        ("1234", "decimal", D("1234")),
        ("  42  ", "decimal", D("42")),
        ("1 234", "count", 1234),
        ("1\u00a0234", "count", 1234),  # NBSP
        ("1\u202f234,5", "decimal", D("1234.5")),  # narrow NBSP
        ("1.234", "count", 1234),
        ("1.234.567", "count", 1234567),
        ("0", "count", 0),
        ("007", "count", 7),
        ("1.234,5", "money", D("1234.50")),
        ("1.234,56 TL", "money", D("1234.56")),
        ("1.234,56 tl", "money", D("1234.56")),
        ("1234₺", "money", D("1234.00")),
        ("₺ 1.234,5", "money", D("1234.50")),
        ("-₺5", "money", D("-5.00")),
        ("%92", "percent", D("92")),
        ("% 92", "percent", D("92")),
        ("92 %", "percent", D("92")),
        ("92%", "percent", D("92")),
        ("87,5", "percent", D("87.5")),
        ("%87,5", "percent", D("87.5")),
        ("-%2,5", "percent", D("-2.5")),
        ("%120", "percent", D("120")),
    ],
)
def test_parse_valid(text, kind, expected):
    value = parse_number(text, kind)
    assert value == expected
    assert type(value) is (int if kind == "count" else D)


def test_money_is_quantized_to_cents():
    assert str(parse_number("5", "money")) == "5.00"
    assert str(parse_number("5,5", "money")) == "5.50"


def test_negative_zero_is_plain_zero():
    assert str(parse_number("-0", "decimal")) == "0"
    assert format_number(parse_number("-0,0", "decimal")) == "0"


@pytest.mark.parametrize(
    "text,kind,words",
    [
        ("12a", "decimal", ["'12a' bir sayı değil", "virgül", "1.234,56"]),
        ("abc", "count", ["bir sayı değil", "rakam"]),
        ("", "decimal", ["boş"]),
        ("   ", "count", ["boş"]),
        ("1,5", "count", ["Adet tam sayı olmalı"]),
        ("-3", "count", ["eksi"]),
        ("1.5", "count", ["tam sayı"]),
        ("12,345", "money", ["2 ondalık"]),
        ("1,2,3", "decimal", ["birden fazla virgül"]),
        ("1.2.3", "decimal", ["üçer rakam"]),
        ("12.34.567", "decimal", ["üçer rakam"]),
        ("1.234.56", "count", ["üçer rakam"]),
        ("0.234", "count", ["üçer rakam"]),
        ("1 234.567", "count", ["birlikte"]),
        ("5,", "decimal", ["virgülden sonra"]),
        ("1.234,", "decimal", ["virgülden sonra"]),
        ("--5", "decimal", ["bir sayı değil"]),
        ("%5", "decimal", ["bir sayı değil"]),
        ("5 TL", "decimal", ["bir sayı değil"]),
        ("%%5", "percent", ["bir sayı değil"]),
        ("1e5", "decimal", ["bir sayı değil"]),
        ("NaN", "decimal", ["bir sayı değil"]),
        ("٣", "count", ["bir sayı değil"]),  # Arabic-Indic digit: only 0-9
        ("1" * 101, "count", ["çok uzun"]),
    ],
)
def test_parse_errors_are_turkish_and_specific(text, kind, words):
    message = error(text, kind)
    for word in words:
        assert word.lower() in message.lower(), message


# --- the reading rule -------------------------------------------------------


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize(
    "text,number",
    [
        ("1.234", 1234),
        ("150.000", 150000),
        ("12.345", 12345),
        ("999.000", 999000),
        ("1.234.567", 1234567),
        ("1 234", 1234),
        ("1\u00a0234", 1234),
    ],
)
def test_dot_before_three_digit_groups_is_thousands_in_every_kind(text, number, kind):
    value = parse_number(text, kind)
    assert value == number
    assert type(value) is (int if kind == "count" else D)


def test_the_issues_examples():
    """Issue #16: what the clerk typed and what must be read."""
    assert parse_number("150.000", "money") == D("150000.00")
    assert parse_number("1.234.567,89", "money") == D("1234567.89")
    assert parse_number("1.234.567,5", "decimal") == D("1234567.5")
    assert parse_number("12.5", "decimal") == D("12.5")
    assert parse_number("12,5", "decimal") == D("12.5")
    assert parse_number("-3", "decimal") == D("-3")
    assert parse_number("1 234", "decimal") == D("1234")
    assert parse_number("-1.234", "money") == D("-1234.00")
    # "150,000" is 150 in Turkish: for money that is three decimals, refused with the fix
    message = error("150,000", "money")
    assert "2 ondalık" in message and "150.000" in message


@pytest.mark.parametrize("kind", ["decimal", "money", "percent"])
@pytest.mark.parametrize(
    "text,expected", [("1.5", "1.5"), ("12.25", "12.25"), ("12.5", "12.5"), ("-0.75", "-0.75"), (".5", "0.5")]
)
def test_english_decimal_point_is_read_where_it_cannot_be_turkish(text, expected, kind):
    assert parse_number(text, kind) == D(expected)


def test_english_decimal_point_keeps_the_kinds_limits():
    assert "2 ondalık" in error("1234.5678", "money")
    assert parse_number("1234.5678", "decimal") == D("1234.5678")
    assert "tam sayı" in error("12.5", "count")
    assert "tam sayı" in error("1.5", "count")


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("text,fix", [("0.234", "0,234"), ("1234.567", "1234,567"), ("-0.500", "0,500")])
def test_three_digits_after_a_dot_that_are_not_thousands_are_refused(text, fix, kind):
    message = error(text, kind)
    if kind == "count" and text.startswith("-"):
        assert "eksi" in message
        return
    assert "üçer rakam" in message and fix in message, message


@pytest.mark.parametrize("text,fix", [("1,234.5", "1.234,5"), ("1,234,567.89", "1.234.567,89"), ("1,234,567", "1.234.567")])
def test_english_format_is_named_in_tr(text, fix):
    message = error(text)
    assert "İngilizce" in message and fix in message


@given(st.from_regex(r"\A[1-9][0-9]{0,2}(\.[0-9]{3}){1,4}\Z"), st.sampled_from(KINDS))
def test_every_valid_thousands_grouping_is_read_as_thousands(text, kind):
    assert parse_number(text, kind) == int(text.replace(".", ""))


DIGITS = st.text(alphabet="0123456789", max_size=7)


@given(DIGITS, DIGITS, st.sampled_from(["", "-"]), st.sampled_from(["decimal", "percent"]))
def test_single_dot_without_comma_is_thousands_a_decimal_point_or_refused(left, right, sign, kind):
    text = f"{sign}{left}.{right}"
    try:
        value = parse_number(text, kind)
    except NumberError:
        thousands = len(right) == 3 and left[:1] not in ("", "0") and len(left) <= 3
        assert not thousands and (len(right) in (0, 3) or len(right) > 6), text  # > 6: too many places
        return
    if len(right) == 3:  # thousands: "1.234" is 1234, never 1,234
        assert value == D(sign + left + right)
    else:  # cannot be Turkish: an English decimal point
        assert value == D(f"{sign}{left or '0'}.{right}")


@given(st.text(alphabet="0123456789.,", min_size=1, max_size=14), st.sampled_from(KINDS))
def test_en_style_is_the_mirror_of_tr(text, kind):
    swapped = text.translate(str.maketrans(".,", ",."))
    try:
        tr = parse_number(text, kind, "tr")
    except NumberError:
        with pytest.raises(NumberError):
            parse_number(swapped, kind, "en")
    else:
        assert parse_number(swapped, kind, "en") == tr


# --- English style ----------------------------------------------------------


@pytest.mark.parametrize(
    "text,kind,expected",
    [
        ("1,234,567.89", "decimal", D("1234567.89")),
        ("1.5", "decimal", D("1.5")),
        ("-12.25", "decimal", D("-12.25")),
        ("1,234", "count", 1234),
        ("1,234.5 TL", "money", D("1234.50")),
        ("87.5%", "percent", D("87.5")),
        ("1 234.5", "decimal", D("1234.5")),
    ],
)
def test_parse_english(text, kind, expected):
    assert parse_number(text, kind, "en") == expected


@pytest.mark.parametrize(
    "text,kind,words",
    [
        ("0,234", "decimal", ["üçer rakam", "0.234"]),
        ("1.234,5", "decimal", ["Türkçe", "1,234.5"]),
        ("1.5", "count", ["tam sayı"]),
        ("1.234", "money", ["2 ondalık"]),
    ],
)
def test_english_errors(text, kind, words):
    message = error(text, kind, "en")
    for word in words:
        assert word in message, message


# --- detect_style -----------------------------------------------------------


@pytest.mark.parametrize(
    "cells,style",
    [
        (["1,5", "2"], "tr"),
        (["1.234,5"], "tr"),
        (["1.234.567"], "tr"),
        (["1.5", "2"], "en"),
        (["12", "1,234.5"], "en"),
        (["1,234,567"], "en"),
        (["-1.5 TL", ""], "en"),
        (["%12.5"], "en"),
        (["1.234"], "tr"),  # ambiguous -> default
        (["1,234"], "tr"),
        (["abc", "12"], "tr"),
        ([], "tr"),
        (["1.5", "1,5"], "tr"),  # mixed evidence -> tr, which rejects the English cell
    ],
)
def test_detect_style(cells, style):
    assert detect_style(cells) == style


@given(st.lists(st.decimals(min_value=-(10**9), max_value=10**9, places=2), min_size=1, max_size=8))
def test_detected_block_parses_to_the_same_values(values):
    cells = [format_number(v) for v in values]
    style = detect_style(cells)
    assert style == "tr"
    assert [parse_number(c, "decimal", style) for c in cells] == values


@given(st.lists(st.decimals(min_value=-(10**9), max_value=10**9, places=2), min_size=1, max_size=8))
def test_detected_english_block_never_misreads(values):
    cells = [f"{v:,f}" for v in values]  # English Excel text, e.g. "1,234.50"
    style = detect_style(cells)
    for cell, value in zip(cells, values):
        try:
            assert parse_number(cell, "decimal", style) == value
        except NumberError:
            pass  # rejecting is fine; a different number is not


# --- formatting -------------------------------------------------------------


@pytest.mark.parametrize(
    "value,decimals,text",
    [
        (0, None, "0"),
        (999, None, "999"),
        (1234, None, "1.234"),
        (1234567, None, "1.234.567"),
        (-1234, None, "-1.234"),
        (D("1234567.89"), None, "1.234.567,89"),
        (D("87.50"), None, "87,5"),
        (D("-1234.5"), None, "-1.234,5"),
        (D("1234.5"), 2, "1.234,50"),
        (D("0.125"), 2, "0,13"),  # half up
        (D("-0.001"), 2, "0,00"),  # no "-0,00"
        (D("2.5"), 0, "3"),
        (D("1234"), None, "1.234"),  # parses back: a dot before three digits is thousands
        (D("999999"), None, "999.999"),
        (D("1000000"), None, "1.000.000"),
        (D("1E+3"), None, "1.000"),
        (D("0.001"), None, "0,001"),
        (1234, 2, "1.234,00"),
    ],
)
def test_format_number(value, decimals, text):
    assert format_number(value, decimals) == text


def test_format_money():
    assert format_money(D("1234567.89")) == "1.234.567,89"
    assert format_money(D("5")) == "5,00"
    assert format_money(D("-1234.565")) == "-1.234,57"
    with pytest.raises(TypeError):
        format_money(1.5)


@pytest.mark.parametrize(
    "value,kwargs,text",
    [
        (D("87.5"), {}, "%87,5"),
        (D("87.5"), {"style": "suffix"}, "87,5 %"),
        (D("100"), {}, "%100"),
        (D("100.0"), {}, "%100"),
        (100.0, {}, "%100"),
        (87.25, {}, "%87,3"),
        (D("87.25"), {"decimals": 2}, "%87,25"),
        (D("-5"), {}, "-%5"),
        (D("-5"), {"style": "suffix"}, "-5 %"),
        (None, {}, ""),
    ],
)
def test_format_percent(value, kwargs, text):
    assert format_percent(value, **kwargs) == text


# --- round trips ------------------------------------------------------------

# everything the range rule allows: |x| < 10^15, at most 15 significant digits
DECIMALS = st.decimals(min_value=-(10**13) + 1, max_value=10**13 - 1, places=2)
BIG_DECIMALS = st.integers(-(10**15) + 1, 10**15 - 1).map(lambda n: D(n).scaleb(-2))


@given(st.integers(min_value=0, max_value=10**15 - 1))
@example(10**15 - 1)
@example(1234)
def test_count_round_trip(n):
    assert parse_number(format_number(n), "count") == n


@given(st.one_of(DECIMALS, BIG_DECIMALS))
@example(D("1234"))
@example(D("-0.5"))
@example(D("1000.00"))
def test_decimal_round_trip(x):
    for kind in ("decimal", "money", "percent"):
        assert parse_number(format_number(x), kind) == x


@given(st.one_of(DECIMALS, BIG_DECIMALS))
def test_money_round_trip(x):
    assert parse_number(format_money(x), "money") == x
    assert parse_number(format_number(x, 2), "money") == x


@given(DECIMALS, st.sampled_from(["prefix", "suffix"]))
def test_percent_round_trip(x, style):
    assert parse_number(format_percent(x, decimals=2, style=style), "percent") == x


@given(st.text(alphabet="0123456789.,-% ₺TL\u00a0", max_size=16), st.sampled_from(KINDS), st.sampled_from(["tr", "en"]))
def test_accepted_text_is_stable(text, kind, style):
    try:
        value = parse_number(text, kind, style)
    except NumberError:
        return
    assert parse_number(format_number(value), kind) == value


# --- robustness -------------------------------------------------------------


@given(st.text(), st.sampled_from(KINDS), st.sampled_from(["tr", "en"]))
@example("1" * 5000, "count", "tr")
@example("9" * 50 + ",99", "money", "tr")
def test_any_text_gives_a_value_or_number_error(text, kind, style):
    try:
        value = parse_number(text, kind, style)
    except NumberError as exc:
        message = str(exc)
        assert message.strip()
        assert any(c in TURKISH_CHARS for c in message) or "sayı" in message
    else:
        assert type(value) is (int if kind == "count" else D)


def test_bad_arguments_are_programming_errors():
    with pytest.raises(ValueError):
        parse_number("1", "gram")
    with pytest.raises(ValueError):
        parse_number("1", "decimal", "de")
    with pytest.raises(TypeError):
        parse_number(12)  # type: ignore[arg-type]


def test_number_error_is_a_value_error():
    assert issubclass(NumberError, ValueError)
