"""Typed values: checking machine input (value sets) and parsing what a user types.

In memory a value is ``int`` (count), ``Decimal`` (decimal, money with two
places, percent points), ``str`` (text, long text; NFC) or ``datetime.date``.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation

from .characters import CharacterProblem, check_characters, strip_bidi
from .dates import DateError, format_date, parse_date
from .forms import TYPE_LABELS
from .i18n import _, lazy
from .numbers import (
    DEFAULT_DECIMALS,
    MAX_DIGITS,
    NumberError,
    format_money,
    format_number,
    format_percent,
    other_digit,
    other_digit_message,
    parse_number,
    range_problem,
)
from .turkish import nfc

# The longest text of each kind, in characters: the one place for these limits.
# A text kind is a field type ("text", "longtext") or one of the texts that are
# not fields: a photo's caption, an indicator's explanation or source ("note").
# The short kinds are printed in table cells and beside photos, where a row
# cannot continue on the next page: their limits are chosen so that the
# report can always lay them out, with room to spare. Measured with the
# widest letter as one word with no spaces: a caption lays out up to about
# 1.800 characters, a table's only text cell up to about 16.000, an
# explanation up to about 10.000, and a table of 20 text columns of 500
# characters each still lays out (tests/test_limits_report.py). A long text
# flows over pages.
TEXT_LIMITS = {
    "text": 500,  # one-line fields and table text cells
    "caption": 300,  # photo captions
    "note": 1_000,  # explanation and source of an indicator's actual value
    "longtext": 100_000,  # paragraphs of a long text field
}
MULTILINE_KINDS = ("longtext", "note")
TEXT_KINDS = tuple(TEXT_LIMITS)
TEXT_LABELS = {"caption": lazy("fotoğraf açıklaması"), "note": lazy("açıklama")}
MAX_TEXT = TEXT_LIMITS["longtext"]  # the longest text of any kind
CENT = Decimal("0.01")


class ValueProblem(ValueError):
    """A value that does not fit its field; the message is Turkish."""


def coerce(type_: str, raw):
    """A value from a value set (JSON/CSV/Excel) to its typed form, or ValueProblem.

    Numbers must be JSON numbers or canonical strings ("1234.5"); localized
    text is only accepted where a person typed it (see ``parse_input``).
    The one rule set for every entry path: numbers within the range rule of
    ``core.numbers`` (|x| < 10^15, digits a REAL holds exactly, ASCII digits
    only), texts of a kind in ``TEXT_LIMITS`` within its length and with the
    characters ``core.characters`` allows (direction controls removed).
    """
    if raw is None:
        return None
    label = str(TYPE_LABELS.get(type_) or TEXT_LABELS.get(type_) or type_)
    if type_ in TEXT_LIMITS:
        if not isinstance(raw, str):
            raise ValueProblem(_("{label} bekleniyordu, {what} geldi").format(label=label, what=_what(raw)))
        return _text(type_, raw)
    if type_ == "date":
        if isinstance(raw, dt.date):
            return raw
        if not isinstance(raw, str):
            raise ValueProblem(_("tarih bekleniyordu (2020-12-31), {what} geldi").format(what=_what(raw)))
        try:
            return parse_date(raw)
        except DateError as exc:
            raise ValueProblem(str(exc)) from None
    if type_ not in ("count", "money", "decimal", "percent"):
        raise ValueProblem(_("bilinmeyen alan türü: {type}").format(type=type_))
    number = _number(raw, label)
    if type_ == "count":
        if isinstance(raw, str) and "." in raw:
            # "12.000" is twelve thousand to whoever wrote it by hand, and 12 as a number's text: never read as either
            raise ValueProblem(
                _(
                    "adet tam sayı olmalı, '{raw}' geldi (metin olarak verilen sayıda nokta ondalık ayırıcıdır; binlik ayırıcı yazmayın, ör. 12000)"
                ).format(raw=_shown(raw))
            )
        if number != number.to_integral_value():
            raise ValueProblem(_("adet tam sayı olmalı, {raw} geldi").format(raw=_shown(raw)))
        if number < 0:
            raise ValueProblem(_("adet eksi olamaz, {raw} geldi").format(raw=_shown(raw)))
    problem = range_problem(number, type_)
    if problem:
        raise ValueProblem(_("{raw} olmaz: {problem}").format(raw=_shown(raw), problem=problem))
    if type_ == "count":
        return int(number)
    if type_ == "money":
        return number.quantize(CENT)
    return number


def text_limit(kind: str) -> int:
    """The longest text of ``kind`` (a text field type, "caption" or "note")."""
    return TEXT_LIMITS[kind]


def _text(kind: str, raw: str) -> str:
    """A text of ``kind`` as stored (NFC, no direction controls), or ValueProblem."""
    limit = TEXT_LIMITS[kind]
    if len(raw) > 4 * limit:  # far too long: refused before any work on it
        raise ValueProblem(_too_long(len(raw), limit))
    try:
        check_characters(raw, kind in MULTILINE_KINDS)
    except CharacterProblem as exc:
        raise ValueProblem(str(exc)) from None
    text = nfc(strip_bidi(raw))
    if len(text) > limit:
        raise ValueProblem(_too_long(len(text), limit))
    return text


def _too_long(length: int, limit: int) -> str:
    return _("metin çok uzun ({length} karakter; en çok {limit}). Metni kısaltın.").format(length=length, limit=limit)


def _shown(raw) -> str:
    """``raw`` for a message: short, and never a 5000-digit int converted in full."""
    if isinstance(raw, int) and abs(raw) >= 10**40:
        return _("çok büyük bir sayı")
    if isinstance(raw, Decimal) and raw.is_finite() and abs(raw.adjusted()) > 40:
        return f"{raw:.3E}"
    text = str(raw)
    return text if len(text) <= 40 else text[:39] + "…"


def _number(raw, label: str) -> Decimal:
    if isinstance(raw, bool):
        raise ValueProblem(_("{label} bekleniyordu, {what} geldi").format(label=label, what=_what(raw)))
    if isinstance(raw, int):
        return Decimal(raw)
    if isinstance(raw, float):
        if raw != raw or raw in (float("inf"), float("-inf")):
            raise ValueProblem(_("{label} bekleniyordu, geçersiz sayı geldi").format(label=label))
        return Decimal(repr(raw))  # the shortest decimal that is this double
    if isinstance(raw, Decimal):
        if not raw.is_finite():
            raise ValueProblem(_("{label} bekleniyordu, geçersiz sayı geldi").format(label=label))
        return raw
    if isinstance(raw, str):
        text = raw.strip()
        digit = other_digit(text)
        if digit:
            raise ValueProblem(other_digit_message(text, digit))
        if len(text) > MAX_DIGITS + 2:
            raise ValueProblem(
                _("{label} bekleniyordu, çok uzun bir metin geldi ({n} karakter)").format(label=label, n=len(text))
            )
        try:
            value = Decimal(text)
        except InvalidOperation:
            raise ValueProblem(
                _("{label} bekleniyordu, '{raw}' geldi (sayıyı 1234.5 biçiminde verin)").format(label=label, raw=raw)
            ) from None
        if not value.is_finite() or not text.replace(".", "", 1).lstrip("-").isdigit():
            raise ValueProblem(
                _("{label} bekleniyordu, '{raw}' geldi (sayıyı 1234.5 biçiminde verin)").format(label=label, raw=raw)
            )
        return value
    raise ValueProblem(_("{label} bekleniyordu, {what} geldi").format(label=label, what=_what(raw)))


def _what(raw) -> str:
    if isinstance(raw, bool):
        return _("doğru/yanlış değeri")
    if isinstance(raw, (int, float, Decimal)):
        return _("sayı ({raw})").format(raw=raw)
    if isinstance(raw, str):
        return _("metin ('{text}')").format(text=raw[:40])
    if isinstance(raw, (list, tuple)):
        return _("liste")
    if isinstance(raw, dict):
        return _("nesne")
    return type(raw).__name__


def parse_input(type_: str, text: str):
    """What a person typed (Turkish format) to a typed value; '' clears."""
    if text is None or not text.strip():
        return None
    if type_ in TEXT_LIMITS:
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


READ_TYPES = ("count", "decimal", "money", "percent", "date")  # typed text that is read as something else


def reading(type_: str, text: str, percent_style: str = "prefix") -> str:
    """What ``text`` typed into a ``type_`` field is read as: "= 150.000,00 TL", "= 12,5".

    Shown under the field before it is saved, so that a reading (THE READING
    RULE of ``core.numbers``) is never a surprise. "" for empty text and for
    texts (a text is stored as typed); ValueProblem when it cannot be read.
    """
    if type_ not in READ_TYPES:
        return ""
    value = parse_input(type_, text)
    if value is None:
        return ""
    shown = display(type_, value, percent_style)
    return _("= {value} TL").format(value=shown) if type_ == "money" else _("= {value}").format(value=shown)


def display(type_: str, value, percent_style: str = "prefix", for_print: bool = False, decimals: int | None = None) -> str:
    """A typed value as a Turkish string; percents in the year's ``percent_style``.

    For editors (default) the text parses back to the same value: every place
    is kept. With ``for_print`` (the report, messages, read-only views) a number
    is grouped ("6.000") and rounded half up to exactly ``decimals`` places (the
    field's or column's declared places; None: the type's default, money 2,
    decimal 2, percent 2, count 0): display only, the value itself is unchanged.
    """
    if value is None:
        return ""
    if type_ in DEFAULT_DECIMALS and for_print:
        places = DEFAULT_DECIMALS[type_] if decimals is None else decimals
        number = value if isinstance(value, (int, Decimal)) else Decimal(str(value))
        if type_ == "percent":
            return format_percent(number, places, percent_style, fixed=True)
        return format_number(number, places)
    if type_ == "money":
        return format_money(Decimal(value))
    if type_ == "percent":
        return format_percent(Decimal(value), decimals=None, style=percent_style)
    if type_ in ("count", "decimal"):
        return format_number(value)
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
