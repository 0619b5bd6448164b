"""Realization rates (gerçekleşme oranı) and the roll-up of a performance target.

Method (printed in the report next to the table):

* increase / decrease with a baseline A different from the target B:
  ``(C − A) / (B − A) × 100``. For a decreasing indicator A > B, so reaching
  the target gives 100 and getting worse than the baseline gives a negative
  rate (accidents A=2400, B=1600, C=1800 → 75).
* increase with no baseline (or A = 0): ``C / B × 100``.
* decrease with no baseline: ``B / C × 100`` (the less, the better).
* keep (B = A): ``C / B × 100``.

The roll-up of a performance target is Σ min(rate, 100) × weight / 100 over its
indicators that have a rate; rates below 0 count as 0.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

import msgspec

from .i18n import lazy
from .numbers import format_number, format_percent

HUNDRED = Decimal(100)
# Places every realization rate, roll-up and deviation is shown with: in the
# findings, the report's performance tables, the Excel export and the window.
DECIMALS = 2
# A rate outside this band is almost always a wrong value or a wrong direction (a decreasing
# indicator entered as increasing, a target of 200 days met with 2): a warning, and a mark in print.
PLAUSIBLE = (Decimal(0), Decimal(300))
# A goal whose indicators with a rate carry less than this share of its weight has no meaningful
# weighted realization: the report prints "yetersiz veri" with the weight covered.
ENOUGH_WEIGHT = Decimal(50)
# directions whose rate needs the baseline A: without it the guide's formula cannot be applied
NEEDS_BASELINE = ("decrease", "keep")
# A rate beyond this (in percent points, either sign) is almost always a typing slip: a
# thousands separator read as intended, a decimal comma forgotten, the wrong unit.
# It is a warning to check the value, never a refusal.
IMPLAUSIBLE = Decimal(1000)

METHODS = {
    "delta": "(C − A) / (B − A) × 100",
    "ratio": "C / B × 100",
    "inverse": "B / C × 100",
}
METHOD_NOTES = {
    "delta": "başlangıç değerinden hedefe ilerleme",
    "ratio": "gerçekleşmenin hedefe oranı",
    "inverse": "azalan gösterge: hedefin gerçekleşmeye oranı",
}


class Rate(msgspec.Struct, frozen=True):
    value: Decimal | None  # None when it cannot be computed
    method: str  # a key of METHODS
    # why value is None: str() in the window's language; i18n.source() for a Turkish document
    reason: str | lazy = ""


def _d(x) -> Decimal | None:
    if x is None:
        return None
    return x if isinstance(x, Decimal) else Decimal(str(x))


def method_for(direction: str, baseline, target) -> str:
    a, b = _d(baseline), _d(target)
    if direction == "keep":
        return "ratio"
    if a is not None and a != 0 and b is not None and a != b:
        return "delta"
    return "inverse" if direction == "decrease" else "ratio"


def implausible(rate: Decimal | None) -> bool:
    """True when a realization rate is too far out to be believed without a check (``IMPLAUSIBLE``)."""
    return rate is not None and abs(rate) > IMPLAUSIBLE


def realization(direction: str, baseline, target, actual) -> Rate:
    a, b, c = _d(baseline), _d(target), _d(actual)
    method = method_for(direction, a, b)
    if c is None:
        return Rate(None, method, lazy("gerçekleşme değeri girilmemiş"))
    if b is None:
        return Rate(None, method, lazy("hedef tanımlanmamış"))
    if method == "delta" and a is not None:  # method_for chose delta: a baseline is given
        return Rate((c - a) / (b - a) * HUNDRED, method)
    if method == "inverse":
        if c == 0:
            return Rate(None, method, lazy("azalan göstergede gerçekleşme 0: oran hesaplanamaz"))
        return Rate(b / c * HUNDRED, method)
    if b == 0:
        return Rate(None, method, lazy("hedef 0: oran hesaplanamaz"))
    return Rate(c / b * HUNDRED, method)


def rate_text(rate: Decimal | None, style: str = "prefix", missing: str = "—") -> str:
    """A realization rate or roll-up as printed everywhere: "%76,7" / "76,7 %" (``DECIMALS`` places)."""
    return missing if rate is None else format_percent(rate, DECIMALS, style, fixed=True)


def deviation_text(rate: Decimal | None) -> str:
    """Distance from full realization in percentage points, with ``DECIMALS`` places."""
    d = deviation(rate)
    return "" if d is None else format_number(d, DECIMALS)


def deviation(rate: Decimal | None) -> Decimal | None:
    """Distance from full realization, in percentage points."""
    return None if rate is None else abs(rate - HUNDRED)


def needs_explanation(rate: Decimal | None, tolerance) -> bool:
    d = deviation(rate)
    return d is not None and d > (_d(tolerance) or Decimal(0))


def rollup(pairs: Iterable[tuple[Decimal | None, Decimal | None]]) -> Decimal | None:
    """Goal realization from (rate, weight) pairs; None if nothing is known."""
    total = Decimal(0)
    any_rate = False
    for rate, weight in pairs:
        if rate is None or weight is None:
            continue
        any_rate = True
        capped = min(max(rate, Decimal(0)), HUNDRED)
        total += capped * weight / HUNDRED
    return total if any_rate else None


def outside_band(rate: Decimal | None) -> bool:
    """Is a realization rate outside ``PLAUSIBLE`` (below 0 % or above 300 %)? Printed with a mark."""
    return rate is not None and not (PLAUSIBLE[0] <= rate <= PLAUSIBLE[1])


def covered_weight(pairs: Iterable[tuple[Decimal | None, Decimal | None]]) -> Decimal:
    """The weight carried by the indicators that have a rate."""
    return sum((w for r, w in pairs if r is not None and w is not None), Decimal(0))


def enough_data(pairs: Iterable[tuple[Decimal | None, Decimal | None]], total_weight: Decimal) -> bool:
    """Do the indicators with a rate carry at least ``ENOUGH_WEIGHT`` % of the goal's weight?"""
    if not total_weight:
        return False
    return covered_weight(pairs) * HUNDRED / total_weight >= ENOUGH_WEIGHT


def weights_total(weights: Iterable[Decimal | None]) -> Decimal:
    return sum((w for w in weights if w is not None), Decimal(0))


def weights_complete(weights: Iterable[Decimal | None]) -> bool:
    """Do the weights of one performance target total 100?

    Weights are printed rounded to the plan's k decimals (33 for 33,33…, 3,61
    for 3,6111…; k is the most decimals any weight of the target is written
    with, so a "0" beside 44,98 is exact): each may be off by half a unit of
    the k-th decimal, so n weights may miss 100 by n such halves (33/33/33:
    ±1,5; 12 weights with two decimals: ±0,06). A larger gap is a real error
    in the plan.
    """
    given = [Decimal(w) for w in weights if w is not None]
    if not given:
        return False
    places = max(-min(int(w.as_tuple().exponent), 0) for w in given)
    slack = len(given) * Decimal(1).scaleb(-places) / 2
    return abs(sum(given, Decimal(0)) - 100) <= slack
