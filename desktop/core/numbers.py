"""Turkish numbers: parsing what people type, formatting what they read.

In memory a count is an ``int``; decimals, money and percent points are
``decimal.Decimal``. Never ``float`` for money.

Styles. Turkish ("tr", the default): '.' groups thousands, ',' is the decimal
separator: 1.234.567,89. English ("en", for blocks pasted from an English
Excel): ',' groups, '.' is the decimal point: 1,234,567.89. A space (also
NBSP, narrow NBSP) may group thousands in both. Grouping must be valid: 1-3
digits, then groups of exactly 3.

THE READING RULE - one rule for every editor, table cell, paste and Excel
import (described for "tr"; "en" is the mirror image with '.' and ',' swapped):

* ',' is the decimal separator: "12,5" is 12,5; "1.234.567,89" is 1234567,89.
* '.' followed by groups of exactly three digits, the first group 1-3 digits
  not starting with 0, is a thousands separator, in every kind: "150.000" is
  150000, "1.234" is 1234, "1.234.567" is 1234567 (also for money: "150.000"
  is 150.000,00 TL). A space (NBSP, narrow NBSP) groups the same way: "1 234".
* An English decimal point is read only where the text cannot be Turkish:
  a single '.', no ',' and no space, digits after it, and NOT exactly three of
  them: "12.5" is 12,5, "0.75" is 0,75, "1234.5678" is 1234,5678. A count
  refuses it like any fraction ("adet tam sayı olmalı").
* Everything else with a '.' and no ',' is refused with the reason, never
  guessed: "0.234" and "1234.567" (three digits after the dot but not valid
  thousands), "1.2.3", "12.34.567".
* Both separators: the order must be Turkish ("1.234,5"); "1,234.5" and
  "1,234,567" are refused as English format, naming the Turkish spelling.
* The field shows what it read before it is saved ("= 150.000,00 TL",
  ``desktop.core.values.reading``), so a reading is never a surprise.

THE RANGE RULE - every number fits what the file stores, exactly:

* |x| < 10^15 (``LIMIT``) for every kind: money is kept as integer kuruş and
  counts as SQLite INTEGER (64-bit), decimals as REAL (a double);
* at most ``MAX_DECIMALS`` places (money 2, count 0, decimal/percent 6) and
  at most ``MAX_SIGNIFICANT`` (15) significant digits, which a double holds
  exactly: nothing is ever rounded or turned into 0 on the way to the file;
* only the ASCII digits 0-9: Arabic-Indic, fullwidth and other Unicode digits
  (which Python's ``int``/``Decimal`` would accept) are refused.

``range_problem`` states this once; ``parse_number`` (typed) and
``desktop.core.values.coerce`` (machine input) both apply it.

Formatting mirrors this: every number is grouped ("1.234", "1.234,5"), and
what ``format_number`` prints parses back to the same number. Rounding is
ROUND_HALF_UP.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Context, Decimal
from typing import Any

from .i18n import _, lazy
from .lazy_pattern import lazy_pattern

KINDS = ("count", "decimal", "money", "percent")
STYLES = ("tr", "en")
MAX_DIGITS = 100  # longer input is rejected before anything else (it is always a mistake)
LIMIT = 10**15  # |x| < LIMIT for every kind (see THE RANGE RULE)
MAX_SIGNIFICANT = 15  # digits a double (REAL) holds exactly
MAX_DECIMALS = {"count": 0, "money": 2, "decimal": 6, "percent": 6}
# Places a number is printed with when its field or column declares no ``decimals:``
# (display only: stored values and computations keep full precision).
DEFAULT_DECIMALS = {"count": 0, "money": 2, "decimal": 2, "percent": 2}
_RANGE_TEXT = lazy("-999.999.999.999.999 ile 999.999.999.999.999")

_SIGNS = {"-": True, "\u2212": True, "+": False}  # '-', Unicode minus, '+'
_BODY = lazy_pattern(r"[0-9., ]*[0-9][0-9., ]*")
_GROUPED = lazy_pattern(r"[1-9][0-9]{0,2}(?:([. ,])[0-9]{3})(?:\1[0-9]{3})*")

_WORDS: dict[str, dict[str, Any]] = {  # words lazy: str() in the current language
    "tr": dict(
        style="tr",
        g=".",
        d=",",
        gname=lazy("nokta"),
        dname=lazy("virgül"),
        dis=lazy("virgüldür"),
        dabl=lazy("virgülden"),
        gabl=lazy("noktadan"),
        ex="1.234,56",
        other=lazy("İngilizce"),
        this=lazy("Türkçe"),
    ),
    "en": dict(
        style="en",
        g=",",
        d=".",
        gname=lazy("virgül"),
        dname=lazy("nokta"),
        dis=lazy("noktadır"),
        dabl=lazy("noktadan"),
        gabl=lazy("virgülden"),
        ex="1,234.56",
        other=lazy("Türkçe"),
        this=lazy("İngilizce"),
    ),
}


class NumberError(ValueError):
    """Text that is not a valid number; ``str()`` is a Turkish message."""


def _show(text: str) -> str:
    text = text.strip()
    return text if len(text) <= 40 else text[:39] + "…"


def _example(kind: str, w: dict) -> str:
    return {"count": "1234", "money": f"{w['ex']} TL", "percent": f"%87{w['d']}5"}.get(kind, w["ex"])


def _not_a_number(text: str, kind: str, w: dict) -> NumberError:
    if kind == "count":
        return NumberError(_("'{text}' bir sayı değil. Yalnızca rakam girin, ör. 1234").format(text=_show(text)))
    return NumberError(
        _("'{text}' bir sayı değil. Rakam girin, ondalık için {dname} kullanın: {example}").format(
            text=_show(text), dname=w["dname"], example=_example(kind, w)
        )
    )


def other_digit(text: str) -> str | None:
    """The first digit in ``text`` that is not one of ASCII 0-9 (Arabic-Indic, fullwidth...), or None."""
    return next((c for c in text if not c.isascii() and c.isnumeric()), None)


def other_digit_message(text: str, digit: str) -> str:
    return _(
        "'{text}' bir sayı değil: içindeki '{digit}' (U+{code:04X}) 0-9 rakamlarından biri değil. Sayıyı yalnızca 0123456789 rakamlarıyla yazın."
    ).format(text=_show(text), digit=digit, code=ord(digit))


def range_problem(value: Decimal, kind: str) -> str | None:
    """Why ``value`` cannot be stored as a ``kind`` exactly (THE RANGE RULE), or None."""
    if not value.is_finite():
        return _("geçersiz sayı (sonsuz ya da tanımsız)")
    if value.copy_abs() >= LIMIT:
        return _("sayı izin verilen aralığın dışında: {range_text} arasında bir sayı girin").format(range_text=_RANGE_TEXT)
    if not value:
        return None
    sign, digits, exponent = value.normalize(Context(prec=MAX_DIGITS + 10)).as_tuple()
    decimals = max(0, -exponent) if isinstance(exponent, int) else 0  # finite: checked above
    allowed = MAX_DECIMALS.get(kind, MAX_DECIMALS["decimal"])
    if decimals > allowed:
        if kind == "count":
            return _("adet tam sayı olmalı")
        if kind == "money":
            return _("tutarda en fazla 2 ondalık basamak (kuruş) olabilir")
        return _("en fazla {allowed} ondalık basamak yazılabilir; sayıyı yuvarlayarak girin").format(allowed=allowed)
    if len(digits) > MAX_SIGNIFICANT:
        return _(
            "sayıda {n} anlamlı rakam var; en fazla {max_significant} rakam olduğu gibi saklanabilir. Sayıyı yuvarlayarak girin"
        ).format(n=len(digits), max_significant=MAX_SIGNIFICANT)
    return None


def _take_sign(s: str) -> tuple[bool | None, str]:
    if s[:1] in _SIGNS:
        return _SIGNS[s[0]], s[1:].lstrip()
    return None, s


def _strip_markers(s: str, kind: str) -> tuple[bool, str]:
    """Remove one currency/percent marker; returns (negative, rest)."""
    prefix = {"money": "₺", "percent": "%"}.get(kind)
    suffixes = {"money": ("TL", "₺"), "percent": ("%",)}.get(kind, ())
    neg, s = _take_sign(s)
    if prefix and s.startswith(prefix):
        s = s[1:].lstrip()
        if neg is None:
            neg, s = _take_sign(s)
        return bool(neg), s
    for suffix in suffixes:
        if s[-len(suffix) :].upper() == suffix:
            s = s[: -len(suffix)].rstrip()
            break
    return bool(neg), s


def _ungroup(part: str, text: str, kind: str, w: dict) -> str:
    """Digits of an integer part that may be grouped; validates the groups."""
    if part.isdigit() or part == "":
        return part
    if " " in part and w["g"] in part:
        raise NumberError(
            _("'{text}' geçersiz: binlikleri ya {gname} ya da boşlukla ayırın, ikisini birlikte kullanmayın: {ex}").format(
                text=_show(text), gname=w["gname"], ex=w["ex"]
            )
        )
    if not _GROUPED().fullmatch(part):
        extra = (
            _(" Adet tam sayı olmalı.")
            if kind == "count"
            else _(" Ondalık için {dname} kullanın: 1{d}5").format(dname=w["dname"], d=w["d"])
        )
        raise NumberError(
            _(
                "'{text}' geçersiz: binlik grupları üçer rakamlı olmalı (ör. 1{g}234{g}567) ya da ayırıcı hiç kullanılmamalı (1234567).{extra}"
            ).format(text=_show(text), g=w["g"], extra=extra)
        )
    return part.replace(" ", "").replace(w["g"], "")


def _swapped(body: str, kind: str, w: dict) -> str:
    """The body with '.' and ',' swapped if that is valid, else an example."""
    swapped = body.translate(str.maketrans(".,", ",."))
    try:
        parse_number(swapped, kind, w["style"])
    except NumberError:
        return w["ex"]
    return swapped


def _split(body: str, text: str, kind: str, w: dict) -> tuple[str, str]:
    """(integer digits, fraction digits) of a body made of [0-9., ]."""
    g, d = w["g"], w["d"]
    looks_other = g in body and d in body and body.rfind(g) > body.rfind(d)
    if looks_other or (body.count(d) > 1 and _GROUPED().fullmatch(body)):  # "1,234.5", "1,234,567"
        raise NumberError(
            _(
                "'{text}' {other} biçime benziyor. {this} biçimde binlik ayırıcı {gname}, ondalık ayırıcı {dis}: {swapped} yazın."
            ).format(
                text=_show(text),
                other=w["other"],
                this=w["this"],
                gname=w["gname"],
                dis=w["dis"],
                swapped=_swapped(body, kind, w),
            )
        )
    if body.count(d) > 1:
        raise NumberError(
            _(
                "'{text}' içinde birden fazla {dname} var. {this} biçimde {dname} yalnızca ondalık ayırıcıdır, binlikler {gname} ile ayrılır: {ex}"
            ).format(text=_show(text), dname=w["dname"], this=w["this"], gname=w["gname"], ex=w["ex"])
        )
    if d in body:
        whole, frac = body.split(d)
        if kind == "count":
            raise NumberError(_("'{text}' olmaz: Adet tam sayı olmalı; ondalık yazmayın, ör. 12").format(text=_show(text)))
        if not frac.isdigit():
            raise NumberError(
                _("'{text}' geçersiz: {dabl} sonra yalnızca rakam gelmeli, ör. {ex}").format(
                    text=_show(text), dabl=w["dabl"], ex=w["ex"]
                )
            )
        return _ungroup(whole, text, kind, w), frac
    if body.count(g) == 1 and " " not in body and not _GROUPED().fullmatch(body):
        left, right = body.split(g)
        if right.isdigit() and len(right) != 3:  # "12.5": cannot be thousands, so a decimal point
            if kind == "count":
                raise NumberError(_("'{text}' olmaz: Adet tam sayı olmalı; ondalık yazmayın, ör. 12").format(text=_show(text)))
            return left, right
        if right.isdigit():  # "0.234", "1234.567": three digits, but not valid thousands
            raise NumberError(
                _(
                    "'{text}' okunamıyor: {gabl} sonra üç rakam binlik ayırıcı demektir, ama binlik grupları "
                    "üçer rakamlı olmalı (ör. 1{g}234{g}567). Ondalık için {dname} kullanın: {fix}"
                ).format(text=_show(text), gabl=w["gabl"], g=g, dname=w["dname"], fix=f"{left or '0'}{d}{right}")
            )
    return _ungroup(body, text, kind, w), ""


def parse_number(text: str, kind: str = "decimal", style: str = "tr") -> int | Decimal:
    """Parse typed text (see the module docstring); raises NumberError.

    kind: "count" -> int >= 0; "decimal" -> Decimal; "money" -> Decimal with
    2 places (accepts ₺ / TL); "percent" -> Decimal percent points (accepts %).
    Empty text is an error too; callers decide what an empty cell means.
    """
    if kind not in KINDS:
        raise ValueError(_("bilinmeyen sayı türü: {kind!r}").format(kind=kind))
    if style not in STYLES:
        raise ValueError(_("bilinmeyen biçim: {style!r}").format(style=style))
    if not isinstance(text, str):
        raise TypeError(f"parse_number metin bekler, {type(text).__name__} geldi")
    w = _WORDS[style]
    s = re.sub(r"\s+", " ", text).strip()
    digit = other_digit(s)
    if digit:
        raise NumberError(other_digit_message(text, digit))
    if not s:
        raise NumberError(_("Değer boş. Bir sayı yazın, ör. {example}").format(example=_example(kind, w)))
    neg, s = _strip_markers(s, kind)
    if not _BODY().fullmatch(s):
        raise _not_a_number(text, kind, w)
    if neg and kind == "count":
        raise NumberError(_("'{text}' olmaz: adet eksi olamaz. 0 ya da daha büyük bir tam sayı girin.").format(text=_show(text)))
    whole, frac = _split(s, text, kind, w)
    if len(whole) + len(frac) > MAX_DIGITS:
        raise NumberError(
            _("'{text}' çok uzun: en fazla {max_digits} rakam yazılabilir.").format(text=_show(text), max_digits=MAX_DIGITS)
        )
    if kind == "money":
        if len(frac) > 2:
            message = _("'{text}' geçersiz: tutarda en fazla 2 ondalık basamak (kuruş) olabilir, ör. {ex}").format(
                text=_show(text), ex=w["ex"]
            )
            if len(frac) == 3 and w["d"] in s and w["g"] not in s and 0 < len(whole) <= 3:  # "150,000" meant 150 thousand
                message += _(". Binlik demek istediyseniz {gname} ile ayırın: {fix}").format(
                    gname=w["gname"], fix=f"{whole}{w['g']}{frac}"
                )
            raise NumberError(message)
        frac = frac.ljust(2, "0")
    value = Decimal(f"{whole or '0'}.{frac}" if frac else whole or "0")
    value = value.copy_negate() if neg and value else value
    problem = range_problem(value, kind)
    if problem:
        raise NumberError(_("'{text}' olmaz: {problem}.").format(text=_show(text), problem=problem))
    return int(value) if kind == "count" else value


def detect_style(cells: list[str]) -> str:
    """ "tr" or "en" for a pasted block of cells.

    English only if some cell can only be English ("1.5", "1,234.5",
    "1,234,567") and none can only be Turkish ("1,5", "1.234,5",
    "1.234.567"); otherwise (also for mixed evidence) "tr", whose strict
    parser then rejects the English-looking cells instead of misreading them.
    """
    votes = {_vote(cell) for cell in cells if isinstance(cell, str)}
    return "en" if "en" in votes and "tr" not in votes else "tr"


def _vote(cell: str) -> str | None:
    s = re.sub(r"[\s%₺+\-\u2212]|TL|tl", "", cell)
    if not re.fullmatch(r"[0-9.,]*[0-9]", s):
        return None
    if "." in s and "," in s:
        return "tr" if s.rfind(",") > s.rfind(".") else "en"
    for sep, single, several in ((".", "en", "tr"), (",", "tr", "en")):
        n = s.count(sep)
        if n == 1:
            return None if _GROUPED().fullmatch(s) else single
        if n > 1:
            return several if _GROUPED().fullmatch(s) else None
    return None


def _decimal(value) -> Decimal:
    if isinstance(value, bool):
        raise TypeError(_("doğru/yanlış değeri sayı olarak biçimlenmez"))
    if isinstance(value, int):
        value = Decimal(value)
    elif isinstance(value, float):
        value = Decimal(repr(value))
    elif not isinstance(value, Decimal):
        raise TypeError(_("sayı bekleniyordu, {name} geldi").format(name=type(value).__name__))
    if not value.is_finite():
        raise ValueError(_("sonlu bir sayı değil: {value}").format(value=value))
    return value


def _round(value: Decimal, decimals: int) -> Decimal:
    if decimals < 0:
        raise ValueError("decimals negatif olamaz")
    prec = max(28, value.adjusted() + decimals + 3)
    return value.quantize(Decimal(1).scaleb(-decimals), ROUND_HALF_UP, Context(prec=prec))


def _group(digits: str) -> str:
    head = len(digits) % 3 or 3
    return ".".join([digits[:head]] + [digits[i : i + 3] for i in range(head, len(digits), 3)])


def format_number(value: int | Decimal, decimals: int | None = None) -> str:
    """Turkish text: 1234567.89 -> "1.234.567,89", -1234.5 -> "-1.234,5", 1234 -> "1.234".

    ``decimals=None``: ints without decimals, Decimals with their significant
    decimals (no trailing zeros). Otherwise rounded (half up) to exactly
    ``decimals`` places. Always grouped; the text parses back to the same
    number (THE READING RULE).
    """
    d = _decimal(value)
    if decimals is not None:
        d = _round(d, decimals)
    whole, _point, frac = format(d.copy_abs(), "f").partition(".")
    if decimals is None:
        frac = frac.rstrip("0")
    sign = "-" if d < 0 and (whole.strip("0") or frac.strip("0")) else ""
    whole = _group(whole)
    return f"{sign}{whole},{frac}" if frac else f"{sign}{whole}"


def format_money(value: Decimal) -> str:
    """Money with 2 decimals: Decimal("1234567.891") -> "1.234.567,89"."""
    if isinstance(value, float):
        raise TypeError(_("para float olamaz; Decimal kullanın"))
    return format_number(value, 2)


def format_percent(
    value: Decimal | float | None,
    decimals: int | None = 1,
    style: str = "prefix",
    fixed: bool = False,
) -> str:
    """Percent points as text: "%87,5" (prefix, Turkish) or "87,5 %" (suffix).

    THE one place that writes a percent sign, for every layer (findings, report,
    window). Rounded (half up) to at most ``decimals`` places, trailing zeros
    dropped ("%100"); ``fixed=True`` keeps exactly ``decimals`` places
    ("%100,0"), as a printed column does; ``decimals=None`` keeps every place.
    None -> "". Negative: "-%5" / "-5 %".
    """
    if value is None:
        return ""
    if style not in ("prefix", "suffix"):
        raise ValueError(_("bilinmeyen yüzde biçimi: {style!r}").format(style=style))
    d = _decimal(value)
    if fixed and decimals is not None:
        text = format_number(d, decimals)
    else:
        text = format_number(_round(d, decimals) if decimals is not None else d)
    if style == "suffix":
        return f"{text} %"
    return f"-%{text[1:]}" if text.startswith("-") else f"%{text}"


NBSP = "\u00a0"
# units a printed number is followed by; the space before them must not break a line ("645.146,14 TL")
UNITS = (
    "TL",
    "₺",
    "%",
    "m²",
    "m³",
    "m2",
    "m3",
    "km",
    "Km",
    "KM",
    "kg",
    "Kg",
    "Ton",
    "ton",
    "Lt",
    "lt",
    "m",
    "Da",
    "da",
    "Adet",
    "adet",
    "Gün",
    "gün",
    "kişi",
    "Kişi",
    "saat",
    "ay",
    "yıl",
)
_UNIT_SPACE = lazy_pattern(
    r"(?<=\d)[ \t]+(?=(?:"
    + "|".join(re.escape(u) for u in sorted(UNITS, key=len, reverse=True))
    + r")(?![0-9A-Za-zÇĞİÖŞÜçğıöşüâîû]))"
)


def bind_units(text: str) -> str:
    """``text`` with a non-breaking space between a number and its unit (the year's print rule:
    "645.146,14 TL" never breaks between the number and "TL"; "87,5 %" neither)."""
    if not isinstance(text, str) or " " not in text:  # most table cells: a bare number
        return text
    return _UNIT_SPACE().sub(NBSP, text)
