"""The year settings in force: the definition's ``year`` block with the strategy unit's overrides.

The definition (``tanim.yaml`` → ``year``) is the default. The strategy unit
may override the deviation tolerance and the declaration signers in the
consolidated file, as ordinary values of its own (``institution``) form's
section of year settings (``SETTINGS_SECTION``); they are therefore stored,
audited, merged and undone like every other value. A department file holds no
values of that form, so it keeps the definition's settings.

``lookup(key)`` gives an entered value (``Entries.values.get`` or
``ValueView.get``); an empty, missing or out-of-range value leaves the
definition's setting in force.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation
from typing import Callable

from .definition import Definition
from .institution import SignerDef, YearDef

Lookup = Callable[[str], object]

SETTINGS_CHAPTER = "ayarlar"  # SectionDef.chapter of a section that is never printed
SETTINGS_SECTION = "yil_ayarlari"

# field key (in the institution form) → what it overrides
TOLERANCE = "sapma_toleransi"
SIGNER_FIELDS = {
    "ust_yonetici": ("ust_yonetici_adi", "ust_yonetici_unvani"),
    "mali_hizmetler": ("mali_yonetici_adi", "mali_yonetici_unvani"),
}
PLACE = "beyan_yeri"
DATE = "beyan_tarihi"
SPENDING_TABLE = "harcama_yetkilileri"  # rows: department keys; columns below
SPENDING_NAME, SPENDING_TITLE = "adi", "unvani"
DEFAULT_SPENDING_TITLE = "Harcama Yetkilisi"


def _prefix(definition: Definition) -> str | None:
    inst = definition.institution_department
    return inst.key if inst is not None else None


def _text(lookup: Lookup, key: str) -> str:
    v = lookup(key)
    return v.strip() if isinstance(v, str) else ""


def _iso(v) -> str:
    if isinstance(v, dt.date):
        return v.isoformat()
    if isinstance(v, str):
        try:
            return dt.date.fromisoformat(v.strip()).isoformat()
        except ValueError:
            return ""
    return ""


def tolerance_override(definition: Definition, lookup: Lookup) -> Decimal | None:
    """The entered tolerance if it is a usable one (0–100), else None."""
    p = _prefix(definition)
    if p is None:
        return None
    v = lookup(f"{p}.{TOLERANCE}")
    if v is None or isinstance(v, bool):
        return None
    try:
        d = Decimal(str(v)) if not isinstance(v, Decimal) else v
    except (InvalidOperation, ValueError):
        return None
    return d if d.is_finite() and 0 <= d <= 100 else None


def year_settings(definition: Definition, lookup: Lookup | None) -> YearDef:
    """The definition's ``YearDef`` with the entered overrides applied."""
    base = definition.year
    p = _prefix(definition)
    if lookup is None or p is None:
        return base
    changes: dict = {}
    tol = tolerance_override(definition, lookup)
    if tol is not None and tol != base.deviation_tolerance:
        changes["deviation_tolerance"] = tol
    place = _text(lookup, f"{p}.{PLACE}")
    date = _iso(lookup(f"{p}.{DATE}"))
    signers = list(base.signers)
    changed = False
    for role, (name_key, title_key) in SIGNER_FIELDS.items():
        name, title = _text(lookup, f"{p}.{name_key}"), _text(lookup, f"{p}.{title_key}")
        if not (name or title or place or date):
            continue
        i = next((n for n, s in enumerate(signers) if s.role == role), None)
        if i is None and not (name or title):
            continue  # a place or date alone names no one: the declaration keeps its blanks
        old = signers[i] if i is not None else SignerDef(role=role, name="", title="")
        new = SignerDef(role=role, name=name or old.name, title=title or old.title,
                        place=place or old.place, date=date or old.date)
        if new != old:
            changed = True
            if i is None:
                signers.append(new)
            else:
                signers[i] = new
    if changed:
        changes["signers"] = signers
    return base.replace(**changes) if changes else base


def signer(settings: YearDef, role: str) -> SignerDef | None:
    return next((s for s in settings.signers if s.role == role), None)


def spending_officer(definition: Definition, lookup: Lookup | None, department: str) -> SignerDef | None:
    """Who signs a department report's harcama yetkilisi declaration.

    The strategy unit's entry for the department if any, else the department's
    manager, else a year-level ``harcama_yetkilisi`` signer, else None.
    """
    dept = definition.department(department)
    p = _prefix(definition)
    name = title = ""
    if lookup is not None and p is not None:
        name = _text(lookup, f"{p}.{SPENDING_TABLE}.{department}.{SPENDING_NAME}")
        title = _text(lookup, f"{p}.{SPENDING_TABLE}.{department}.{SPENDING_TITLE}")
    fallback = signer(year_settings(definition, lookup), "harcama_yetkilisi")
    if dept is not None and dept.manager:
        base_name, base_title = dept.manager, dept.manager_title or DEFAULT_SPENDING_TITLE
    elif fallback is not None:
        base_name, base_title = fallback.name, fallback.title
    else:
        base_name, base_title = "", ""
    if not (name or title or base_name):
        return fallback
    return SignerDef(role="harcama_yetkilisi", name=name or base_name, title=title or base_title or DEFAULT_SPENDING_TITLE,
                     place=fallback.place if fallback else "", date=fallback.date if fallback else None)


def definition_values(definition: Definition) -> dict[str, str]:
    """The definition's value of every override field, for display ("tanımdaki değer: …").

    Keys are full value keys; values are plain texts (numbers and dates in Turkish).
    """
    from .dates import format_date
    from .numbers import format_number

    p = _prefix(definition)
    if p is None:
        return {}
    y = definition.year
    out = {f"{p}.{TOLERANCE}": f"%{format_number(y.deviation_tolerance)}"}
    places, dates = [], []
    for role, (name_key, title_key) in SIGNER_FIELDS.items():
        s = signer(y, role)
        out[f"{p}.{name_key}"] = s.name if s else ""
        out[f"{p}.{title_key}"] = s.title if s else ""
        if s and s.place:
            places.append(s.place)
        if s and s.date:
            dates.append(s.date)
    out[f"{p}.{PLACE}"] = places[0] if places else ""
    try:
        out[f"{p}.{DATE}"] = format_date(dt.date.fromisoformat(dates[0])) if dates else ""
    except ValueError:
        out[f"{p}.{DATE}"] = dates[0]
    fallback = signer(y, "harcama_yetkilisi")
    for d in definition.departments:
        if d.role != "department":
            continue
        name = d.manager or (fallback.name if fallback else "")
        title = (d.manager_title or DEFAULT_SPENDING_TITLE) if d.manager else (fallback.title if fallback else "")
        out[f"{p}.{SPENDING_TABLE}.{d.key}.{SPENDING_NAME}"] = name
        out[f"{p}.{SPENDING_TABLE}.{d.key}.{SPENDING_TITLE}"] = title
    return out


def settings_section(definition: Definition):
    """The institution form's year-settings section (``SectionDef``), or None."""
    p = _prefix(definition)
    if p is None:
        return None
    return next((s for s in definition.form(p).sections if s.chapter == SETTINGS_CHAPTER), None)


def is_settings_key(definition: Definition, key: str) -> bool:
    """A value key of the year-settings section (changing it changes the year's settings)."""
    p = _prefix(definition)
    return p is not None and key.startswith(f"{p}.") and any(
        key == f"{p}.{k}" or key.startswith(f"{p}.{k}.")
        for k in (TOLERANCE, PLACE, DATE, SPENDING_TABLE, *[f for pair in SIGNER_FIELDS.values() for f in pair]))
