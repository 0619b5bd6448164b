"""Validation: the form rules, required fields, indicators and the plan's weights."""

from __future__ import annotations

from collections.abc import Callable, Container
from decimal import Decimal

from . import characters, expressions, rates, references, settings, units
from .definition import Definition
from .entries import Entries, ValueView
from .findings import MISSING_RULE, Finding
from .i18n import _
from .item_kinds import KINDS
from .numbers import format_number, format_percent
from .plan import IndicatorDef
from .values import display


def validate(
    definition: Definition, entries: Entries, department: str | None = None, previous: Entries | None = None
) -> list[Finding]:
    """Every finding of the definition's checks for one department (or for the whole year when
    None); ``previous``: last year's entries (the file's history), for the previous-year cells and
    the change check. The checks are composed in one place, ``LiveChecks`` (which keeps them up
    to date edit by edit); this is its answer for entries read at once."""
    from .live_checks import LiveChecks  # it builds on this module's checks

    return LiveChecks(definition, entries, department, previous).findings()


def required_findings(view: ValueView, dept: str, item) -> list[Finding]:
    """The finding of one required field (none when it has a value)."""
    key = f"{dept}.{item.key}"
    v = view.get(key)
    if v is None or (isinstance(v, str) and not v.strip()):
        return [
            Finding(
                "error", key, _("'{field}' zorunlu; doldurun.").format(field=KINDS[item.kind].title(item)), MISSING_RULE, dept
            )
        ]
    return []


def text_findings(
    definition: Definition, view: ValueView, dept: str, key: str, figures: Callable[[], Container[Decimal]]
) -> list[Finding]:
    """The findings of one text a clerk writes (a text field or a text cell of a table): broken
    encoding, table debris, references to unknown keys, and money amounts typed in it that equal no
    figure of the file (``figures``: every figure, asked only when the text holds an amount)."""
    text = view.get(key)
    if not isinstance(text, str) or not text.strip():
        return []
    label = label_of(definition, key)
    out = [
        Finding("warning", key, _("'{label}': {problem}").format(label=label, problem=p), "metin", dept)
        for p in characters.hygiene_problems(text)
    ]
    unknown = [n for n in references.names_in(text) if not known_key(definition, n)]
    if unknown:
        out.append(Finding("error", key, references.unknown_message(label, unknown), "gonderme", dept))
    typed = references.typed_amounts(text)
    if typed:
        known = figures()
        stray = list(dict.fromkeys(t for t, v in typed if v not in known))
        if stray:
            out.append(Finding("warning", key, references.amount_message(label, stray), "tutar", dept))
    return out


def known_key(definition: Definition, key: str) -> bool:
    """Can a narrative refer to ``key``: a value slot, or an indicator's actual (of the forms and
    plan items the file carries: a department file's are its own and the institution unit's)."""
    if key in definition.slots:
        return True
    ind, _dot, attr = key.rpartition(".")
    return attr == "actual" and isinstance(definition.plan_item(ind), IndicatorDef)


FIGURE_TYPES = ("money", "decimal", "count")


def figure(v) -> Decimal | None:
    """A number as a figure of the file is compared: to two places (None for anything else)."""
    if isinstance(v, (int, Decimal)) and not isinstance(v, bool):
        return Decimal(v).quantize(Decimal("0.01"))
    return None


def figures_of(definition: Definition, view: ValueView, entries: Entries) -> dict[str, Decimal]:
    """Every figure of the file by where it stands: values entered and computed (by value key),
    actuals (``<indicator>.actual``), costs, and the plan's targets, baselines and planned costs."""
    out: dict[str, Decimal | None] = {}
    # a value key shows a number only when it is computed or entered (``ValueView.get`` gives
    # None for every other slot): only those are looked up, so a department's file does not
    # build every other department's form (``Definition.slots``) to find figures it cannot hold
    slots = definition.slots
    for key in (*view.computed, *entries.values):
        slot = slots.get(key)
        if slot is not None and slot.type in FIGURE_TYPES:
            out[key] = figure(view.get(key))
    for k, e in entries.indicators.items():
        out[f"{k}.actual"] = figure(e.actual)
    for k, a in entries.activities.items():
        out[f"{k}.actual_cost"] = figure(a.actual_cost)
    # the plan's items the file carries (a department file: its own and the institution unit's,
    # as its values are; the figures of a text it holds)
    for ind in definition.plan.indicators():
        out[f"{ind.key}.target"], out[f"{ind.key}.baseline"] = figure(ind.target), figure(ind.baseline)
    for act in definition.plan.activities():
        out[f"{act.key}.planned_cost"] = figure(act.planned_cost)
    return {k: v for k, v in out.items() if v is not None}


def rule_findings(definition: Definition, view: ValueView, dept: str, rule) -> list[Finding]:
    """The finding of one form rule (none when it holds)."""
    try:
        ok = expressions.evaluate(rule.check, view.get, strict=True)
    except expressions.Incalculable as exc:  # inf, nan or a number too big: say so, never crash
        ok, problem = False, str(exc)
    else:
        problem = ""
    if ok is not False:
        return []
    names = sorted(expressions.names_in(rule.check))
    detail = "; ".join(f"{_short(definition, n)} = {_fmt(definition, n, view.get(n))}" for n in names)
    place = names[0] if names else dept
    return [Finding(rule.severity, place, f"{rule.message} ({detail}){'; ' + problem if problem else ''}", rule.key, dept)]


def _short(definition: Definition, key: str) -> str:
    """A value named in a message by its printed labels (never its key)."""
    return label_of(definition, key)


def label_of(definition: Definition, key: str) -> str:
    """What the report calls the value at ``key``: "table / row / column", a field's label, or an
    indicator's code and name; the key itself only when the definition does not know it."""
    slot = definition.slots.get(key)
    if slot:
        return slot.label
    ind_key, _dot, attr = key.rpartition(".")
    ind = definition.plan_item(ind_key or key)
    if isinstance(ind, IndicatorDef):
        what = {"actual": _("gerçekleşme"), "explanation": _("sapma açıklaması"), "source": _("kaynak")}.get(attr, "")
        return f"{ind.code} {ind.name}" + (f" – {what}" if what and ind_key else "")
    target = next((t for t in definition.plan.targets() if t.key == key), None)
    if target is not None:
        return _("Performans hedefi: {name}").format(name=target.name)
    return key


def _fmt(definition: Definition, key: str, v) -> str:
    """A value named in a rule's message: as printed (the slot's places, the year's percent style)."""
    if v is None:
        return _("boş")
    slot = definition.slots.get(key)
    if slot and isinstance(v, (int, Decimal)):
        # as printed: the slot's places, else its type's (money always 2: "104.810.943,10")
        return display(slot.type, v, definition.year.percent_style, for_print=True, decimals=slot.places)
    if isinstance(v, (int, Decimal)):
        return format_number(v)
    return str(v)


# --- last year's value: a slipped digit (rule ``onceki_yil_farki``) ------------------------
CHANGE_RULE = "onceki_yil_farki"


def year_factor(definition: Definition, entries: Entries) -> Decimal:
    """The change factor in force (the settings entered, else the definition's year setting)."""
    return settings.year_settings(definition, entries.values.get).change_factor


def changed_too_much(now, last, factor: Decimal) -> bool | None:
    """True: ``now`` is more than ``factor`` times ``last``; False: ``last`` is more than
    ``factor`` times ``now``; None: neither (or not two non-zero numbers)."""
    if not (_number(now) and _number(last)) or now == 0 or last == 0:
        return None
    a, b = abs(Decimal(now)), abs(Decimal(last))
    return True if a > b * factor else False if b > a * factor else None


def _number(v) -> bool:
    return isinstance(v, (int, Decimal)) and not isinstance(v, bool)


def change_message(label: str, now: str, last: str, factor: Decimal, more: bool) -> str:
    text = (
        _(
            "{label}: bu yılın değeri ({now}) geçen yılın değerinin ({last}) {factor} katından fazla; yazım hatası olabilir, kontrol edin."
        )
        if more
        else _(
            "{label}: bu yılın değeri ({now}) geçen yılın değerinin ({last}) {factor} kat altında; yazım hatası olabilir, kontrol edin."
        )
    )
    return text.format(label=label, now=now, last=last, factor=format_number(factor))


def entered_numbers(dept: str, item) -> list[str]:
    """The value keys of an item the change check compares: its entered number cells."""
    return [s.key for s in KINDS[item.kind].slots(dept, "", item) if not s.computed and s.places is not None]


def change_findings(definition: Definition, view: ValueView, dept: str, item, factor: Decimal) -> list[Finding]:
    """A warning at each number of ``item`` that is more than its factor times last year's, or that many times less."""
    previous = view.previous
    if previous is None:
        return []
    factor = getattr(item, "change_factor", None) or factor
    out = []
    for key in entered_numbers(dept, item):
        now, last = view.entries.values.get(key), previous.values.get(key)
        more = changed_too_much(now, last, factor)
        if more is not None:
            message = change_message(
                _short(definition, key), _fmt(definition, key, now), _fmt(definition, key, last), factor, more
            )
            out.append(Finding("warning", key, message, CHANGE_RULE, dept))
    return out


def indicator_change_findings(ind, entries: Entries, previous: Entries | None, factor: Decimal) -> list[Finding]:
    """The change warning of one indicator's actual against last year's."""
    if previous is None:
        return []
    e, p = entries.indicators.get(ind.key), previous.indicators.get(ind.key)
    now, last = (e.actual if e else None), (p.actual if p else None)
    factor = ind.change_factor or factor
    more = changed_too_much(now, last, factor)
    if more is None or now is None or last is None:
        return []
    label = f"{ind.code} {ind.name}"
    message = change_message(label, format_number(now), format_number(last), factor, more)
    return [Finding("warning", f"{ind.key}.actual", message, CHANGE_RULE, ind.department)]


def year_rules(definition: Definition, entries: Entries) -> tuple[Decimal, str]:
    """The deviation tolerance and the percent style in force (the settings entered, else the definition's)."""
    year = settings.year_settings(definition, entries.values.get)
    return year.deviation_tolerance, year.percent_style


def indicator_findings_of(ind, e, tol: Decimal, style: str = "prefix") -> list[Finding]:
    """The findings of one indicator given its entry (``e``, may be None) and the year's tolerance."""
    out = []
    actual = e.actual if e else None
    where = f"{ind.key}.actual"
    label = f"{ind.code} {ind.name}"
    if e:
        for attr, what in (("explanation", _("sapma açıklaması")), ("source", _("kaynak"))):
            for problem in characters.hygiene_problems(getattr(e, attr)):
                out.append(Finding("warning", f"{ind.key}.{attr}", f"{label} ({what}): {problem}", "metin", ind.department))
    if actual is None:
        if not (e and e.explanation.strip()):
            out.append(
                Finding(
                    "warning",
                    where,
                    _("{label}: gerçekleşme değeri girilmemiş.").format(label=label),
                    "gerceklesme",
                    ind.department,
                )
            )
        return out
    if units.is_count_unit(ind.unit) and actual != actual.to_integral_value():
        out.append(
            Finding(
                "error",
                where,
                _("{label}: birimi '{unit}', gerçekleşme tam sayı olmalı; {value} girilmiş. Tam sayı girin.").format(
                    label=label, unit=ind.unit, value=format_number(actual)
                ),
                "tam_sayi",
                ind.department,
            )
        )
    rate = rates.realization(ind.direction, ind.baseline, ind.target, actual)
    if rates.implausible(rate.value):
        out.append(
            Finding(
                "warning",
                where,
                _(
                    "{label}: gerçekleşme oranı {rate}, {limit} sınırının dışında; bu çoğunlukla yazım hatasıdır. "
                    "Gerçekleşme değerini ({value}) kontrol edin: binlik ayırıcı nokta, ondalık ayırıcı virgüldür."
                ).format(
                    label=label,
                    rate=rates.rate_text(rate.value, style),
                    limit=format_percent(rates.IMPLAUSIBLE, None, style),
                    value=format_number(actual),
                ),
                "olagan_disi_oran",
                ind.department,
            )
        )
    elif rates.outside_band(rate.value):
        out.append(
            Finding(
                "warning",
                where,
                _(
                    "{label}: gerçekleşme oranı {rate}; {low} ile {high} arasında olmalı. Hedefi, gerçekleşmeyi ve "
                    "göstergenin yönünü (artan/azalan) denetleyin."
                ).format(
                    label=label,
                    rate=rates.rate_text(rate.value, style),
                    low=format_percent(rates.PLAUSIBLE[0], 0, style),
                    high=format_percent(rates.PLAUSIBLE[1], 0, style),
                ),
                "oran_bandi",
                ind.department,
            )
        )
    if rate.value is not None and rates.needs_explanation(rate.value, tol) and not (e and e.explanation.strip()):
        out.append(
            Finding(
                "error",
                f"{ind.key}.explanation",
                _("{label}: gerçekleşme oranı {rate}; {tolerance} toleransın dışındaki sapma açıklanmalı.").format(
                    label=label, rate=rates.rate_text(rate.value, style), tolerance=format_percent(tol or 0, None, style)
                ),
                "sapma",
                ind.department,
            )
        )
    if e and not e.source.strip():
        out.append(
            Finding(
                "warning",
                f"{ind.key}.source",
                _("{label}: gerçekleşmenin kaynağı (belge/kayıt) belirtilmemiş.").format(label=label),
                "kaynak",
                ind.department,
            )
        )
    return out


def plan_findings(definition: Definition, department: str | None = None) -> list[Finding]:
    """The plan's weights: each target's indicator weights must total 100. A department file carries
    only its own indicators and the institution unit's: it judges the targets it holds whole
    (``Definition.plan_target_whole``), not one shared with other departments (the consolidated file does)."""
    out: list[Finding] = []
    for target in definition.plan.targets():
        if department and not any(i.department == department for i in target.indicators):
            continue
        if not definition.plan_target_whole(target.key):
            continue
        weights = [i.weight for i in target.indicators]
        if not target.indicators:
            continue
        total = rates.weights_total(weights)
        if not rates.weights_complete(weights):
            out.append(
                Finding(
                    "error",
                    target.key,
                    _("'{target}' performans hedefindeki göstergelerin hedefe etkileri toplamı {total}; {full} olmalı.").format(
                        target=target.name,
                        total=format_percent(total, None, definition.year.percent_style),
                        full=format_percent(100, 0, definition.year.percent_style),
                    ),
                    "agirlik",
                    "",
                )
            )
    return out


def baseline_findings(definition: Definition, department: str | None = None) -> list[Finding]:
    """A decreasing or keep indicator without a baseline: the guide's rate (C − A) / (B − A) needs A."""
    out = []
    for ind in definition.indicators_of(department):
        if ind.direction in rates.NEEDS_BASELINE and ind.baseline is None:
            what = _("azalan") if ind.direction == "decrease" else _("korunacak")
            out.append(
                Finding(
                    "warning",
                    ind.key,
                    _(
                        "{code} {name}: {what} bir göstergenin başlangıç değeri (A) planda yok; gerçekleşme oranı "
                        "(C − A) / (B − A) ile hesaplanamıyor, yaklaşık bir oranla basılıyor. Plana başlangıç "
                        "değerini yazın."
                    ).format(code=ind.code, name=ind.name, what=what),
                    "baslangic",
                    ind.department,
                )
            )
    return out
