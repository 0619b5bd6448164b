"""Turkish dates: "31.12.2020" in, "31.12.2020" / "31 Aralık 2020" out."""

from __future__ import annotations

import datetime as dt

from .i18n import _, lazy
from .lazy_pattern import lazy_pattern

MONTHS = ["Ocak", "Şubat", "Mart", "Nisan", "Mayıs", "Haziran", "Temmuz", "Ağustos", "Eylül", "Ekim", "Kasım", "Aralık"]
MONTH_KEYS = ["ocak", "subat", "mart", "nisan", "mayis", "haziran", "temmuz", "agustos", "eylul", "ekim", "kasim", "aralik"]
BIMONTHS = [
    ("ocak_subat", "Ocak-Şubat"),
    ("mart_nisan", "Mart-Nisan"),
    ("mayis_haziran", "Mayıs-Haziran"),
    ("temmuz_agustos", "Temmuz-Ağustos"),
    ("eylul_ekim", "Eylül-Ekim"),
    ("kasim_aralik", "Kasım-Aralık"),
]

_DMY = lazy_pattern(r"([0-9]{1,2})([./-])([0-9]{1,2})\2([0-9]+)")
_ISO = lazy_pattern(r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})")
_HINT = lazy("Gün.ay.yıl biçiminde yazın, ör. 31.12.2020")


class DateError(ValueError):
    """Text that is not a valid date; ``str()`` is a Turkish message."""


def parse_date(text: str) -> dt.date:
    """Accepts 31.12.2020, 31/12/2020, 31-12-2020, 1.2.2020 and ISO 2020-12-31."""
    if not isinstance(text, str):
        raise TypeError(f"parse_date metin bekler, {type(text).__name__} geldi")
    s = text.strip()
    shown = s if len(s) <= 40 else s[:39] + "…"
    if not s:
        raise DateError(_("Tarih boş. {hint}").format(hint=_HINT))
    if m := _ISO().fullmatch(s):
        year, month, day = m.group(1), m.group(2), m.group(3)
    elif m := _DMY().fullmatch(s):
        day, month, year = m.group(1), m.group(3), m.group(4)
    else:
        raise DateError(_("'{shown}' bir tarih değil. {hint}").format(shown=shown, hint=_HINT))
    if len(year) != 4:
        raise DateError(_("'{shown}' geçersiz: yılı dört haneli yazın, ör. 31.12.2020").format(shown=shown))
    y, mo, d = int(year), int(month), int(day)
    if y < 1:
        raise DateError(_("'{shown}' geçersiz: yıl 0 olamaz. {hint}").format(shown=shown, hint=_HINT))
    if not 1 <= mo <= 12:
        raise DateError(_("'{shown}' geçersiz: ay 1 ile 12 arasında olmalı. {hint}").format(shown=shown, hint=_HINT))
    last = _days_in(y, mo)
    if not 1 <= d <= last:
        raise DateError(
            _("'{shown}' geçersiz: {months} {y} {last} gün çeker.").format(shown=shown, months=MONTHS[mo - 1], y=y, last=last)
        )
    return dt.date(y, mo, d)


def _days_in(year: int, month: int) -> int:
    """Days of a month: the day before the next month's first (calendar costs ~1 ms at start-up)."""
    if month == 12:
        return 31
    return (dt.date(year, month + 1, 1) - dt.timedelta(days=1)).day


def format_date(d: dt.date) -> str:
    """31.12.2020"""
    return f"{d.day:02d}.{d.month:02d}.{d.year:04d}"


def format_date_long(d: dt.date) -> str:
    """31 Aralık 2020"""
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


def format_datetime(value: dt.datetime) -> str:
    """31.12.2020 14:05"""
    return f"{format_date(value)} {value.hour:02d}:{value.minute:02d}"
