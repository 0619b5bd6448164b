"""Typed values: checking machine input (value sets) and parsing what a user types.

In memory a value is ``int`` (count), ``Decimal`` (decimal, money with two
places, percent points), ``str`` (text, long text; NFC) or ``datetime.date``.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation

from .dates import DateError, format_date, parse_date
from .forms import TYPE_LABELS
from .numbers import NumberError, format_money, format_number, format_percent, parse_number
from .turkish import nfc

MAX_TEXT = 100_000  # characters in one long text
CENT = Decimal("0.01")


class ValueProblem(ValueError):
    """A value that does not fit its field; the message is Turkish."""


def coerce(type_: str, raw):
    """A value from a value set (JSON/CSV/Excel) to its typed form, or ValueProblem.

    Numbers must be JSON numbers or canonical strings ("1234.5"); localized
    text is only accepted where a person typed it (see ``parse_input``).
    """
    if raw is None:
        return None
    label = TYPE_LABELS.get(type_, type_)
    if type_ in ("text", "longtext"):
        if not isinstance(raw, str):
            raise ValueProblem(f"{label} bekleniyordu, {_what(raw)} geldi")
        if len(raw) > MAX_TEXT:
            raise ValueProblem(f"metin çok uzun ({len(raw)} karakter; en çok {MAX_TEXT})")
        return nfc(raw)
    if type_ == "date":
        if isinstance(raw, dt.date):
            return raw
        if not isinstance(raw, str):
            raise ValueProblem(f"tarih bekleniyordu (2020-12-31), {_what(raw)} geldi")
        try:
            return parse_date(raw)
        except DateError as exc:
            raise ValueProblem(str(exc)) from None
    number = _number(raw, label)
    if type_ == "count":
        if number != number.to_integral_value():
            raise ValueProblem(f"adet tam sayı olmalı, {raw} geldi")
        if number < 0:
            raise ValueProblem(f"adet eksi olamaz, {raw} geldi")
        return int(number)
    if type_ == "money":
        if number != number.quantize(CENT):
            raise ValueProblem(f"tutarın en çok iki ondalığı olabilir, {raw} geldi")
        return number.quantize(CENT)
    if type_ in ("decimal", "percent"):
        return number
    raise ValueProblem(f"bilinmeyen alan türü: {type_}")


def _number(raw, label: str) -> Decimal:
    if isinstance(raw, bool):
        raise ValueProblem(f"{label} bekleniyordu, {_what(raw)} geldi")
    if isinstance(raw, int):
        return Decimal(raw)
    if isinstance(raw, float):
        if raw != raw or raw in (float("inf"), float("-inf")):
            raise ValueProblem(f"{label} bekleniyordu, geçersiz sayı geldi")
        return Decimal(repr(raw))
    if isinstance(raw, Decimal):
        if not raw.is_finite():
            raise ValueProblem(f"{label} bekleniyordu, geçersiz sayı geldi")
        return raw
    if isinstance(raw, str):
        text = raw.strip()
        try:
            value = Decimal(text)
        except InvalidOperation:
            raise ValueProblem(f"{label} bekleniyordu, '{raw}' geldi (sayıyı 1234.5 biçiminde verin)") from None
        if not value.is_finite() or not text.replace(".", "", 1).lstrip("-").isdigit():
            raise ValueProblem(f"{label} bekleniyordu, '{raw}' geldi (sayıyı 1234.5 biçiminde verin)")
        return value
    raise ValueProblem(f"{label} bekleniyordu, {_what(raw)} geldi")


def _what(raw) -> str:
    if isinstance(raw, bool):
        return "doğru/yanlış değeri"
    if isinstance(raw, (int, float, Decimal)):
        return f"sayı ({raw})"
    if isinstance(raw, str):
        return f"metin ('{raw[:40]}')"
    if isinstance(raw, (list, tuple)):
        return "liste"
    if isinstance(raw, dict):
        return "nesne"
    return type(raw).__name__


def parse_input(type_: str, text: str):
    """What a person typed (Turkish format) to a typed value; '' clears."""
    if text is None or not text.strip():
        return None
    if type_ in ("text", "longtext"):
        return coerce(type_, text)
    if type_ == "date":
        try:
            return parse_date(text)
        except DateError as exc:
            raise ValueProblem(str(exc)) from None
    try:
        return parse_number(text, type_)
    except NumberError as exc:
        raise ValueProblem(str(exc)) from None


def display(type_: str, value, percent_style: str = "prefix", for_print: bool = False) -> str:
    """A typed value as a Turkish string.

    For editors (default) the text parses back to the same value; with
    ``for_print`` every number is grouped ("6.000") as a reader expects.
    """
    if value is None:
        return ""
    if type_ == "money":
        return format_money(Decimal(value))
    if type_ == "percent":
        return format_percent(Decimal(value), decimals=2, style=percent_style)
    if type_ in ("count", "decimal"):
        return format_number(value, always_group=for_print)
    if type_ == "date":
        return format_date(value) if isinstance(value, dt.date) else str(value)
    return str(value)


def to_json(type_: str, value):
    """A typed value for a value-set file: numbers as JSON numbers, dates ISO."""
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() and type_ != "money" else float(value)
    return value
