"""Turkish date parsing and formatting."""

import datetime as dt

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from desktop.core.dates import (
    BIMONTHS,
    MONTH_KEYS,
    MONTHS,
    DateError,
    format_date,
    format_date_long,
    format_datetime,
    parse_date,
)


@pytest.mark.parametrize(
    "text,expected",
    [
        ("31.12.2020", dt.date(2020, 12, 31)),
        ("31/12/2020", dt.date(2020, 12, 31)),
        ("31-12-2020", dt.date(2020, 12, 31)),
        ("2020-12-31", dt.date(2020, 12, 31)),
        ("1.2.2020", dt.date(2020, 2, 1)),
        ("01.02.2020", dt.date(2020, 2, 1)),
        ("2020-1-5", dt.date(2020, 1, 5)),
        ("29.02.2020", dt.date(2020, 2, 29)),
        ("\u00a0 31.12.2020 ", dt.date(2020, 12, 31)),
    ],
)
def test_parse_valid(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    "text,words",
    [
        ("31.02.2020", ["Şubat 2020", "29 gün"]),
        ("29.02.2021", ["Şubat 2021", "28 gün"]),
        ("31.04.2020", ["Nisan", "30 gün"]),
        ("0.1.2020", ["gün"]),
        ("1.13.2020", ["ay 1 ile 12"]),
        ("31.12.20", ["dört haneli"]),
        ("31.12.020", ["dört haneli"]),
        ("1.1.0000", ["yıl"]),
        ("31.12-2020", ["bir tarih değil"]),
        ("12/31/2020", ["ay 1 ile 12"]),
        ("2020/12/31", ["bir tarih değil"]),
        ("yarın", ["bir tarih değil", "31.12.2020"]),
        ("", ["boş"]),
        ("٣١.١٢.٢٠٢٠", ["bir tarih değil"]),  # only ASCII digits
    ],
)
def test_parse_errors(text, words):
    with pytest.raises(DateError) as info:
        parse_date(text)
    message = str(info.value)
    for word in words:
        assert word.lower() in message.lower(), message


def test_format():
    d = dt.date(2020, 12, 31)
    assert format_date(d) == "31.12.2020"
    assert format_date(dt.date(2020, 2, 1)) == "01.02.2020"
    assert format_date_long(d) == "31 Aralık 2020"
    assert format_date_long(dt.date(2021, 2, 1)) == "1 Şubat 2021"
    assert format_datetime(dt.datetime(2020, 12, 31, 14, 5, 59)) == "31.12.2020 14:05"
    assert format_datetime(dt.datetime(2020, 1, 2, 3, 4)) == "02.01.2020 03:04"


def test_month_constants():
    assert MONTHS[0] == "Ocak" and MONTHS[1] == "Şubat" and MONTHS[11] == "Aralık"
    assert len(MONTHS) == len(MONTH_KEYS) == 12
    assert MONTH_KEYS == [
        "ocak",
        "subat",
        "mart",
        "nisan",
        "mayis",
        "haziran",
        "temmuz",
        "agustos",
        "eylul",
        "ekim",
        "kasim",
        "aralik",
    ]
    assert all(k.isascii() and k.isidentifier() for k in MONTH_KEYS)
    assert BIMONTHS[0] == ("ocak_subat", "Ocak-Şubat")
    assert BIMONTHS[-1] == ("kasim_aralik", "Kasım-Aralık")
    for i, (key, label) in enumerate(BIMONTHS):
        assert key == f"{MONTH_KEYS[2 * i]}_{MONTH_KEYS[2 * i + 1]}"
        assert label == f"{MONTHS[2 * i]}-{MONTHS[2 * i + 1]}"


DATES = st.dates(min_value=dt.date(1000, 1, 1))


@given(DATES)
def test_round_trip(d):
    assert parse_date(format_date(d)) == d
    assert parse_date(d.isoformat()) == d
    assert parse_date(f"{d.day}/{d.month}/{d.year}") == d
    assert parse_date(f"{d.day}-{d.month:02d}-{d.year}") == d


@given(st.text())
@example("99.99.9999")
@example("31.12.99999")
def test_any_text_gives_a_date_or_date_error(text):
    try:
        value = parse_date(text)
    except DateError as exc:
        assert str(exc).strip()
    else:
        assert isinstance(value, dt.date)


def test_days_of_a_month_follow_the_gregorian_calendar():
    import calendar

    from desktop.core.dates import _days_in

    for year in (1, 4, 100, 400, 1900, 2000, 2020, 2021, 2024, 2100, 9999):
        for month in range(1, 13):
            assert _days_in(year, month) == calendar.monthrange(year, month)[1], (year, month)
