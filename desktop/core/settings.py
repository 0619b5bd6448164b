"""The year settings in force: the definition's ``year`` block with the strategy unit's overrides.

The definition (``tanim.yaml`` → ``year``) is the default. The strategy unit
may override the deviation tolerance and the declaration signers in the
consolidated file, as ordinary values of its own (``institution``) form's
section of year settings (``chapter: ayarlar``, see roles.py); they are therefore
stored, audited, merged and undone like every other value. A department file
holds no values of that form, so it keeps the definition's settings.

The fields of that section are the application's words (``FIELD_TYPES``), as
chapter codes are: the loader refuses any other key (``section_problems``), and
a field is read only where that section declares it.

``lookup(key)`` gives an entered value (``Entries.values.get`` or
``ValueView.get``); an empty, missing or out-of-range value leaves the
definition's setting in force.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal, InvalidOperation

from .definition import Definition
from .forms import FieldDef, SectionDef, TableDef
from .i18n import _
from .institution import SignerDef, SignerRole, YearDef
from .roles import SETTINGS_CHAPTER  # noqa: F401 (settings.SETTINGS_CHAPTER, as before)

Lookup = Callable[[str], object]

# field key (in the institution form) → what it overrides
TOLERANCE = "sapma_toleransi"
CHANGE_FACTOR = "degisim_katsayisi"  # the year's change factor (YearDef.change_factor)
SIGNER_FIELDS: dict[SignerRole, tuple[str, str]] = {
    "ust_yonetici": ("ust_yonetici_adi", "ust_yonetici_unvani"),
    "mali_hizmetler": ("mali_yonetici_adi", "mali_yonetici_unvani"),
}
PLACE = "beyan_yeri"
DATE = "beyan_tarihi"
SPENDING_TABLE = "harcama_yetkilileri"  # rows: department keys; columns below
SPENDING_NAME, SPENDING_TITLE = "adi", "unvani"
DEFAULT_SPENDING_TITLE = "Harcama Yetkilisi"

# every key the year-settings section may hold → the field types it may have
FIELD_TYPES = {
    TOLERANCE: ("percent", "decimal"),
    CHANGE_FACTOR: ("decimal",),
    **{k: ("text",) for pair in SIGNER_FIELDS.values() for k in pair},
    PLACE: ("text",),
    DATE: ("date",),
}
SPENDING_COLUMNS = (SPENDING_NAME, SPENDING_TITLE)


def _prefix(definition: Definition) -> str | None:
    """The institution unit's key, when its form has a year-settings section."""
    inst = definition.institution_department
    return inst.key if inst is not None and definition.settings_section is not None else None


def _reader(definition: Definition, lookup: Lookup | None) -> Callable[..., object]:
    """``read(field, *rest)``: the entered value of a field the settings section declares, else None."""
    p = _prefix(definition)
    section = definition.settings_section
    declared = {i.key for i in section.items} if section is not None and lookup is not None else set()

    def read(name: str, *rest: str) -> object:
        return lookup(".".join((p, name, *rest))) if lookup is not None and p is not None and name in declared else None

    return read


def _text(v) -> str:
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
    v = _reader(definition, lookup)(TOLERANCE)
    if v is None or isinstance(v, bool):
        return None
    try:
        d = Decimal(str(v)) if not isinstance(v, Decimal) else v
    except (InvalidOperation, ValueError):
        return None
    return d if d.is_finite() and 0 <= d <= 100 else None


def change_factor_override(definition: Definition, lookup: Lookup) -> Decimal | None:
    """The entered change factor if it is a usable one (above 1), else None."""
    v = _reader(definition, lookup)(CHANGE_FACTOR)
    if not isinstance(v, (int, Decimal)) or isinstance(v, bool):
        return None
    d = Decimal(v)
    return d if d.is_finite() and 1 < d <= 1_000_000 else None


def year_settings(definition: Definition, lookup: Lookup | None) -> YearDef:
    """The definition's ``YearDef`` with the entered overrides applied."""
    base = definition.year
    if lookup is None or _prefix(definition) is None:
        return base
    read = _reader(definition, lookup)
    changes: dict = {}
    tol = tolerance_override(definition, lookup)
    if tol is not None and tol != base.deviation_tolerance:
        changes["deviation_tolerance"] = tol
    factor = change_factor_override(definition, lookup)
    if factor is not None and factor != base.change_factor:
        changes["change_factor"] = factor
    place = _text(read(PLACE))
    date = _iso(read(DATE))
    signers = list(base.signers)
    changed = False
    for role, (name_key, title_key) in SIGNER_FIELDS.items():
        name, title = _text(read(name_key)), _text(read(title_key))
        if not (name or title or place or date):
            continue
        i = next((n for n, s in enumerate(signers) if s.role == role), None)
        if i is None and not (name or title):
            continue  # a place or date alone names no one: the declaration keeps its blanks
        old = signers[i] if i is not None else SignerDef(role=role, name="", title="")
        new = SignerDef(
            role=role, name=name or old.name, title=title or old.title, place=place or old.place, date=date or old.date
        )
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
    read = _reader(definition, lookup)
    name = _text(read(SPENDING_TABLE, department, SPENDING_NAME))
    title = _text(read(SPENDING_TABLE, department, SPENDING_TITLE))
    fallback = signer(year_settings(definition, lookup), "harcama_yetkilisi")
    if dept is not None and dept.manager:
        base_name, base_title = dept.manager, dept.manager_title or DEFAULT_SPENDING_TITLE
    elif fallback is not None:
        base_name, base_title = fallback.name, fallback.title
    else:
        base_name, base_title = "", ""
    if not (name or title or base_name):
        return fallback
    return SignerDef(
        role="harcama_yetkilisi",
        name=name or base_name,
        title=title or base_title or DEFAULT_SPENDING_TITLE,
        place=fallback.place if fallback else "",
        date=fallback.date if fallback else None,
    )


def definition_values(definition: Definition) -> dict[str, str]:
    """The definition's value of every override field, for display ("tanımdaki değer: …").

    Keys are full value keys; values are plain texts (numbers and dates in Turkish).
    """
    from .dates import format_date
    from .numbers import format_number, format_percent

    p = _prefix(definition)
    if p is None:
        return {}
    y = definition.year
    out = {f"{p}.{TOLERANCE}": format_percent(y.deviation_tolerance, None, y.percent_style)}
    out[f"{p}.{CHANGE_FACTOR}"] = format_number(y.change_factor)
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
    return {k: v for k, v in out.items() if is_settings_key(definition, k)}


def settings_section(definition: Definition) -> SectionDef | None:
    """The institution form's year-settings section (``SectionDef``), or None."""
    return definition.settings_section


def is_settings_key(definition: Definition, key: str) -> bool:
    """A value key of the year-settings section (changing it changes the year's settings)."""
    p, section = _prefix(definition), definition.settings_section
    return (
        p is not None
        and section is not None
        and any(key == f"{p}.{i.key}" or key.startswith(f"{p}.{i.key}.") for i in section.items)
    )


def section_problems(section: SectionDef, departments: set[str]) -> list[tuple[tuple, str]]:
    """(place inside the section, Turkish message) for each item of the year-settings section
    that the application would not read: its keys are the application's (``FIELD_TYPES``, the
    table ``SPENDING_TABLE`` with a row per department), never the definition's own."""
    out: list[tuple[tuple, str]] = []
    known = ", ".join([*FIELD_TYPES, SPENDING_TABLE])
    for n, item in enumerate(section.items):
        at = ("items", n)
        expected = _SETTING_ITEMS.get(item.key)
        if expected is not None and expected[0] == item.kind:
            out += expected[1](item, at, departments)
        else:
            out.append(
                (
                    at + ("key",),
                    _(
                        "yıl ayarları bölümünde '{key}' diye bir ayar yok; ayar anahtarları uygulamanındır: {known}. Başka bir alan bu bölümde değil, kurumun başka bir bölümünde olmalı"
                    ).format(key=item.key, known=known),
                )
            )
    return out


def _setting_field_problems(item: FieldDef, at: tuple, departments: set[str]) -> list[tuple[tuple, str]]:
    if item.type in FIELD_TYPES[item.key]:
        return []
    return [
        (
            at + ("type",),
            _("'{key}' ayarının türü {join} olmalı").format(key=item.key, join=" ya da ".join(FIELD_TYPES[item.key])),
        )
    ]


def _spending_table_problems(item: TableDef, at: tuple, departments: set[str]) -> list[tuple[tuple, str]]:
    out: list[tuple[tuple, str]] = []
    if not isinstance(item.rows, list):
        out.append((at + ("rows",), _("satırlar birim anahtarları olmalı (her birim için bir satır)")))
    else:
        for r, row in enumerate(item.rows):
            if row.key not in departments:
                out.append(
                    (
                        at + ("rows", r, "key"),
                        _("'{key}' tanımlı bir birim değil; satır anahtarları birim anahtarları olmalı").format(key=row.key),
                    )
                )
    for c, col in enumerate(item.columns):
        if col.key not in SPENDING_COLUMNS or col.type != "text":
            out.append(
                (
                    at + ("columns", c),
                    _("sütunlar '{spending_name}' ve '{spending_title}' (type: text) olmalı").format(
                        spending_name=SPENDING_NAME, spending_title=SPENDING_TITLE
                    ),
                )
            )
    return out


# the items the year-settings section may hold: setting key -> (item kind, its checks)
_SETTING_ITEMS: dict[str, tuple[str, Callable]] = {
    **{key: ("field", _setting_field_problems) for key in FIELD_TYPES},
    SPENDING_TABLE: ("table", _spending_table_problems),
}
