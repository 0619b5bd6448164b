"""One stored value: whether it is what Faaliyet would have stored, and how it is read.

The value rules every reader of a file shares (``stored.py`` names the rest of the rule set):
a value has its type's storage class and survives ``core.values.coerce`` and back unchanged;
text is valid UTF-8 (``text_factory`` reads the bytes that are not as ``BadText``, never an
exception). A value that breaks a rule is read as empty (``decoded``, ``text_or_empty``), so
no reader crashes on it; its finding comes from the row check (``row_check.py``).
"""

from __future__ import annotations

from functools import lru_cache

from ...core.i18n import _
from ...core.values import ValueProblem, coerce
from . import codec

_NUMBER_TYPES = {"count": (int,), "money": (int,), "decimal": (int, float), "percent": (int, float)}


class BadText(str):
    """Stored text whose bytes are not UTF-8, read with U+FFFD in place of the bad bytes."""


def text_factory(data: bytes) -> str:
    """sqlite3's text factory for every workbook connection: invalid UTF-8 becomes BadText, never an exception."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return BadText(data.decode("utf-8", "replace"))


def value_problem(type_: str, raw) -> str | None:
    """Why a stored value is not what Faaliyet would have stored, or None."""
    if type(raw) is BadText:
        return _("saklanan metin geçerli UTF-8 değil (dosya Faaliyet dışında değiştirilmiş ya da bozulmuş)")
    allowed = _NUMBER_TYPES.get(type_, (str,))
    kind = type(raw)
    if kind not in allowed:
        return _("saklanan değer türü yanlış ({type_name})").format(type_name=_type_name(raw))
    if kind is not str or len(raw) <= _MEMO_TEXT:
        return _round_trip(type_, kind.__name__, raw)  # the type is part of the key: 1 and 1.0 differ
    return _round_trip.__wrapped__(type_, kind.__name__, raw)


_MEMO_TEXT = 200  # texts longer than this are checked each time, not remembered


@lru_cache(maxsize=1 << 16)
def _round_trip(type_: str, kind: str, raw) -> str | None:
    """The value through ``coerce`` and back: what Faaliyet would store (memoised: a file is read by
    ``entries()`` and checked by ``problems()``, and many values repeat)."""
    try:
        again = codec.encode(type_, coerce(type_, codec.decode(type_, raw)))
    except (ValueProblem, ValueError, ArithmeticError, OverflowError) as exc:
        return str(exc) or _("saklanan değer okunamadı")
    if not (again == raw and type(again) is type(raw)):
        return _("saklanan değer Faaliyet'in saklayacağı biçimde değil")
    return None


def decoded(type_: str, raw):
    """The typed value of a stored value, or None when it breaks a rule (its finding says why)."""
    if raw is None or value_problem(type_, raw) is not None:
        return None
    return codec.decode(type_, raw)


def text_or_empty(raw) -> str:
    """An explanation or source as read: '' when it breaks a rule (its finding says why)."""
    return raw if type(raw) is str and text_problem(raw) is None else ""


def text_problem(raw, kind: str = "note") -> str | None:
    """An explanation, source or note (``note``), or a caption (``caption``): text, may be empty."""
    return None if raw == "" and type(raw) is str else value_problem(kind, raw)


def _type_name(raw) -> str:
    return {bytes: _("ikili veri"), str: _("metin"), int: _("tam sayı"), float: _("ondalıklı sayı"), type(None): _("boş")}.get(
        type(raw), _("bilinmeyen")
    )


def show(value) -> str:
    """A stored value for a message: short, printable."""
    text = value if type(value) in (str, BadText) else repr(value)
    text = "".join(ch if ch.isprintable() else "?" for ch in text)
    return text if len(text) <= 60 else text[:57] + "…"
