"""Typed values to SQLite values and back.

count → INTEGER; money → INTEGER kuruş; decimal/percent → INTEGER when whole,
else REAL; text → TEXT (NFC); date → TEXT ISO 8601. Never localized text.

``encode`` stores only numbers inside the range rule of ``core.numbers``
(|x| < 10^15, digits a REAL holds exactly): values come through
``core.values.coerce``, which refuses the rest; should another number reach
``encode`` it raises ValueProblem instead of overflowing or rounding.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from ...core.i18n import _
from ...core.numbers import range_problem
from ...core.values import ValueProblem

HUNDRED = Decimal(100)


def encode(type_: str, value):
    if value is None:
        return None
    if type_ in ("money", "count", "decimal", "percent"):
        _check_range(type_, value)
    if type_ == "money":
        return int((Decimal(value) * HUNDRED).to_integral_value())
    if type_ == "count":
        return int(value)
    if type_ in ("decimal", "percent"):
        d = Decimal(value)
        return int(d) if d == d.to_integral_value() else float(d)
    if type_ == "date":
        return value.isoformat() if isinstance(value, dt.date) else str(value)
    return str(value)


def _check_range(type_: str, value) -> None:
    if isinstance(value, bool) or not isinstance(value, (int, Decimal, float)):
        raise ValueProblem(_("sayı bekleniyordu, {name} geldi").format(name=type(value).__name__))
    d = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    problem = range_problem(d, type_)
    if problem:
        raise ValueProblem(problem)


def decode(type_: str, raw):
    if raw is None:
        return None
    if type_ == "money":
        return (Decimal(int(raw)) / HUNDRED).quantize(Decimal("0.01"))
    if type_ == "count":
        return int(raw)
    if type_ in ("decimal", "percent"):
        return Decimal(raw) if isinstance(raw, int) else Decimal(repr(float(raw)))
    if type_ == "date":
        try:
            return dt.date.fromisoformat(str(raw))
        except ValueError:
            return None
    return str(raw)


def encode_number(value):
    """Indicator actuals: a Decimal as INTEGER when whole, else REAL."""
    return encode("decimal", value)
