"""An indicator's unit: whether its actual value counts things (the one place for this rule).

An indicator measured in "Adet", "Sayı", "Kişi"… counts whole things: its
actual value is a count, typed and checked as one (``actual_type``), so
"1.234,5" is refused instead of becoming a rate of %24.690. Decided by the
unit's text alone, compared the Turkish way (``turkish.casefold``) after
trimming spaces and a closing dot ("Ad." is "ad"): the whole text must be one
of ``COUNT_UNITS``. A rate per something ("Kişi/Gün", "Adet/Ay"), a measure
("Dk", "Km", "Ton", "m²", "TL") or a percent is not a count; nor is an unknown
word: such an indicator takes decimals as before.
"""

from __future__ import annotations

from .turkish import casefold

COUNT_UNITS = frozenset(
    casefold(word)
    for word in (
        "Adet",
        "Ad",
        "Sayı",
        "Kişi",
        "Kez",
        "Kere",
        "Defa",
        "Tane",
        "Hane",
        "Araç",
        "Kurs",
        "Etkinlik",
        "Başvuru",
        "İşlem",
        "Dosya",
        "Proje",
        "Toplantı",
        "Ruhsat",
        "Eğitim",
        "Öğrenci",
        "Personel",
        "Üye",
    )
)


def is_count_unit(unit: str | None) -> bool:
    """True when ``unit`` counts whole things ("Adet", "kişi", "Ad.")."""
    if not unit:
        return False
    return casefold(unit.strip().rstrip(".").strip()) in COUNT_UNITS


def actual_type(indicator) -> str:
    """The value type of an indicator's actual value: "count" for a count unit, else "decimal"."""
    return "count" if is_count_unit(getattr(indicator, "unit", None)) else "decimal"
