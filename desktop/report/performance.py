"""III-B-2 Performans Sonuçları Tablosu: one table per performance target, with roll-up.

Every rate is computed here from A, B and C with ``core.rates``; the method
used is printed under each table.
"""

from __future__ import annotations

from decimal import Decimal

from reportlab.platypus import Spacer

from ..core import rates
from ..core.i18n import _, source
from ..core.numbers import format_money, format_number, format_percent
from ..core.plan import DIRECTION_LABELS, PerformanceTargetDef
from .context import Context
from .document import Heading
from .marks import anchor_name, mark_text, shade
from .paragraph import Paragraph
from .styles import sheet
from .tables import Col, RowTooTall, fit_table
from .text import checked, esc, flat, unfit
from .trends import trend_block

IND_HEADER = [
    "Hedefe Etkisi (%)",
    "Kod",
    "Performans Göstergesi",
    "Ölçü Birimi",
    "Başlangıç (A)",
    "Hedef (B)",
    "Gerçekleşme (C)",
    "Gerçekleşme Oranı",
    "Sapma Açıklaması",
]
IND_COLS = [
    Col("right"),
    Col("left"),
    Col("left", True, 110, 3),
    Col("center", True, 40, 0.3),
    Col("right"),
    Col("right"),
    Col("right"),
    Col("right"),
    Col("left", True, 120, 4),
]
PREVIOUS_AT = 6  # the previous year's actual goes before this year's (C)


def indicator_columns(ctx: Context) -> tuple[list[str], list[Col]]:
    """The indicator table's header and columns: with "Önceki Yıl" when the file holds the year before."""
    if ctx.previous is None:
        return IND_HEADER, IND_COLS
    at = PREVIOUS_AT
    return IND_HEADER[:at] + [f"Önceki Yıl ({ctx.year - 1})"] + IND_HEADER[at:], IND_COLS[:at] + [Col("right")] + IND_COLS[at:]


RATE_AT = IND_HEADER.index("Gerçekleşme Oranı")


def rate_column(ctx: Context) -> int:
    """Where the rate stands in a row (one further right when the previous year's actual is printed)."""
    return RATE_AT + (1 if ctx.previous is not None and RATE_AT >= PREVIOUS_AT else 0)


def previous_actual(ctx: Context, key: str):
    """An indicator's actual of the year before, or None."""
    entry = ctx.previous.indicators.get(key) if ctx.previous is not None else None
    return entry.actual if entry is not None else None


def _with_previous(ctx: Context, row: list, value: str) -> list:
    return row[:PREVIOUS_AT] + [value] + row[PREVIOUS_AT:] if ctx.previous is not None else row


ACT_HEADER = ["Kod", "Faaliyet / Proje", "Planlanan Maliyet (TL)", "Gerçekleşen Maliyet (TL)", "Açıklama"]
ACT_COLS = [Col("left"), Col("left", True, 160, 4), Col("right"), Col("right"), Col("left", True, 120, 3)]


def _n(v, places: int | None = None) -> str:
    return "" if v is None else format_number(v, places)


WEIGHT_PLACES = 2  # "Hedefe Etkisi (%)": one format for the column


def column_places(values) -> int:
    """The places one number column is printed with: the most any of its values needs, at most 2."""
    most = 0
    for v in values:
        if v is not None:
            exp = int(Decimal(v).normalize().as_tuple().exponent)
            most = max(most, min(-exp, 2)) if exp < 0 else most
    return most


IMPLAUSIBLE_MARK = "\u26a0"
IMPLAUSIBLE_NOTE = (
    "{mark}: gerçekleşme oranı {low} ile {high} aralığının dışında; hedef, gerçekleşme ve göstergenin yönü denetlenmeli."
)


def row_names(inds) -> dict[str, str]:
    """How a footnote names each indicator: its code, with its name where rows share the code."""
    codes = [i.code for i in inds]
    return {i.key: i.code if codes.count(i.code) == 1 else f"{i.code} ({i.name})" for i in inds}


def target_rows(ctx: Context, target: PerformanceTargetDef, department: str | None):
    """Indicator rows, the roll-up and the methods used (for printing and tests)."""
    rows, pairs, used = [], [], {}
    inds = [i for i in target.indicators if department is None or i.department == department]
    names = row_names(inds)
    entries = {i.key: ctx.entries.indicators.get(i.key) for i in inds}
    actuals = {k: (e.actual if e else None) for k, e in entries.items()}
    places = column_places([i.baseline for i in inds] + [i.target for i in inds] + list(actuals.values()))
    for ind in inds:
        entry = entries[ind.key]
        actual = actuals[ind.key]
        rate = rates.realization(ind.direction, ind.baseline, ind.target, actual)
        pairs.append((rate.value, ind.weight))
        used.setdefault(rate.method, []).append(names[ind.key])
        expl = flat(checked((entry.explanation if entry else "") or "", "note", _place(ind.code, _("sapma açıklaması"))))
        if rate.value is None and rate.reason:
            expl = f"({source(rate.reason)}) {expl}".strip()
        shown = rates.rate_text(rate.value, ctx.percent_style)
        if rates.outside_band(rate.value):
            shown = f"{shown} {IMPLAUSIBLE_MARK}"
        row = [
            _n(ind.weight, WEIGHT_PLACES),
            ind.code,
            ind.name if ind.direction == "increase" else f"{ind.name} ({DIRECTION_LABELS[ind.direction]})",
            ind.unit,
            _n(ind.baseline, places),
            _n(ind.target, places),
            _n(actual, places),
            shown,
            expl,
        ]
        rows.append(_with_previous(ctx, row, _n(previous_actual(ctx, ind.key), places)))
    # (a department file holds a shared target's own items only: its roll-up needs them all)
    complete = (department is None or all(i.department == department for i in target.indicators)) and (
        ctx.definition.plan_target_whole(target.key)
    )
    weights = rates.weights_total(i.weight for i in inds)
    roll = rates.rollup(pairs) if complete else None
    covered = rates.covered_weight(pairs)
    enough = rates.enough_data(pairs, weights)
    return rows, roll, weights, used, complete, covered, enough


def rollup_text(ctx: Context, roll, weights, covered, enough) -> str:
    """The weighted realization of a target as printed: the rate, or "yetersiz veri" with the weight covered."""
    if roll is None and not covered:
        return rates.rate_text(None)
    if not enough:
        share = covered * 100 / weights if weights else Decimal(0)
        return f"yetersiz veri (raporlanan ağırlık {rates.rate_text(share, ctx.percent_style)})"
    return rates.rate_text(roll, ctx.percent_style)


def _place(code: str, what: str) -> str:
    return _("Performans sonuçları tablosunda {code} satırının {what}").format(code=code, what=what)


def _fit(header: list, rows: list, cols: list, codes: list[str], ctx: Context, **kw):
    """``fit_table`` for a performance table; a row that fits no page is named by its code."""
    try:
        return fit_table(header, rows, cols, ctx.portrait_width, ctx.landscape_width, prefer_landscape=True, **kw)
    except RowTooTall as exc:
        code = (codes[exc.row] if exc.row < len(codes) else "") or "toplam"
        raise unfit(_place(code, _("'{header}' hücresi").format(header=header[exc.column])), _("bir sayfaya sığmıyor")) from None


def tolerance_note(tolerance, style: str = "prefix") -> str:
    """The year's deviation tolerance, as printed under every performance table."""
    tol = Decimal(tolerance or 0)
    if tol == 0:
        return f"Sapma toleransı {format_percent(tol, 1, style)}: hedeften her sapma açıklanır."
    return (
        f"Sapma toleransı {format_percent(tol, 1, style)}: gerçekleşme oranı {format_percent(100 - tol, 1, style)} ile "
        f"{format_percent(100 + tol, 1, style)} arasında kalan göstergelerde sapma açıklaması istenmez."
    )


def method_note(used: dict[str, list[str]], tolerance=None, style: str = "prefix") -> str:
    """Which formula gave each rate: the most used one for "the others"; then the tolerance."""
    # the plain ratio is "the others" when used: the rows named are the ones computed otherwise
    order = sorted(used, key=lambda m: (m != "ratio", -len(used[m])))
    if len(order) == 1:
        text = f"Gerçekleşme oranı = {rates.METHODS[order[0]]} ({rates.METHOD_NOTES[order[0]]})"
    else:
        parts = [f"{', '.join(dict.fromkeys(used[m]))}: {rates.METHODS[m]} ({rates.METHOD_NOTES[m]})" for m in order[1:]]
        parts.append(f"diğerleri: {rates.METHODS[order[0]]} ({rates.METHOD_NOTES[order[0]]})")
        text = "Gerçekleşme oranı – " + "; ".join(parts)
    text += f". A: başlangıç, B: hedef, C: gerçekleşme. Ağırlıklı oranda her göstergenin oranı en çok {format_percent(100, 0, style)}, en az {format_percent(0, 0, style)} sayılır."
    return text if tolerance is None else f"{text} {tolerance_note(tolerance, style)}"


def mark_rows(ctx: Context, target: PerformanceTargetDef, department: str | None, rows: list, complete: bool):
    """Mark the rate of every indicator a finding concerns, and the weights of a target whose weights
    are a finding: "⚠n" and a shaded cell. Returns the anchors of the marked rows and the shading."""
    anchors: dict[int, tuple[str, ...]] = {}
    shading: list = []
    if not ctx.marks:
        return anchors, shading
    inds = [i for i in target.indicators if department is None or i.department == department]
    at = rate_column(ctx)
    for i, ind in enumerate(inds):
        numbers = ctx.marks.numbers(ind.key)
        if numbers:
            rows[i][at] = rows[i][at].removesuffix(f" {IMPLAUSIBLE_MARK}") + mark_text(numbers)
            shading.append(shade(at, i))
            anchors[i] = tuple(anchor_name(n) for n in numbers)
    numbers = ctx.marks.numbers(target.key)
    if numbers and complete:
        rows[-1][0] += mark_text(numbers)
        shading.append(shade(0, len(rows) - 1))
        anchors[len(rows) - 1] = tuple(anchor_name(n) for n in numbers)
    return anchors, shading


def target_block(ctx: Context, target: PerformanceTargetDef, department: str | None = None) -> list:
    st = sheet()
    rows, roll, weights, used, complete, covered, enough = target_rows(ctx, target, department)
    flow = [Paragraph(esc(f"Performans Hedefi: {target.name}"), st["table_title"])]
    if rows:
        bold = set()
        if complete:
            roll_row = [
                _n(weights, WEIGHT_PLACES),
                "",
                "Performans hedefinin gerçekleşme oranı (ağırlıklı)",
                "",
                "",
                "",
                "",
                rollup_text(ctx, roll, weights, covered, enough),
                "" if weights == 100 else f"Ağırlıklar toplamı {format_number(weights, WEIGHT_PLACES)}; 100 olmalı.",
            ]
            rows.append(_with_previous(ctx, roll_row, ""))
            bold.add(len(rows) - 1)
        rate_at = rate_column(ctx)
        implausible = any(r[rate_at].endswith(IMPLAUSIBLE_MARK) for r in rows)
        anchors, shading = mark_rows(ctx, target, department, rows, complete)
        header, cols = indicator_columns(ctx)
        fitted = _fit(header, rows, cols, [r[1] for r in rows], ctx, bold_rows=bold, extra_style=shading, row_anchors=anchors)
        flow.append(fitted.table)
        flow.append(Paragraph(esc(method_note(used, ctx.settings.deviation_tolerance, ctx.percent_style)), st["note"]))
        if implausible and not anchors:  # marked: the findings annex says it, under the finding's number
            low, high = (format_percent(x, 0, ctx.percent_style) for x in rates.PLAUSIBLE)
            flow.append(Paragraph(esc(IMPLAUSIBLE_NOTE.format(mark=IMPLAUSIBLE_MARK, low=low, high=high)), st["note"]))
        flow += trend_block(ctx, [i for i in target.indicators if department is None or i.department == department])
    acts = [a for a in target.activities if department is None or a.department == department]
    if acts:
        arows = []
        planned_sum, actual_sum = Decimal(0), Decimal(0)
        any_planned = any_actual = False
        for a in acts:
            entry = ctx.entries.activities.get(a.key)
            cost = entry.actual_cost if entry else None
            if a.planned_cost is not None:
                planned_sum += a.planned_cost
                any_planned = True
            if cost is not None:
                actual_sum += cost
                any_actual = True
            expl = flat(checked((entry.explanation if entry else "") or "", "note", _place(a.code, _("açıklaması"))))
            arows.append(
                [
                    a.code,
                    a.name,
                    format_money(a.planned_cost) if a.planned_cost is not None else "",
                    format_money(cost) if cost is not None else "",
                    expl,
                ]
            )
        arows.append(
            ["", "Toplam", format_money(planned_sum) if any_planned else "", format_money(actual_sum) if any_actual else "", ""]
        )
        fitted = _fit(ACT_HEADER, arows, ACT_COLS, [r[0] for r in arows], ctx, bold_rows={len(arows) - 1})
        flow += [Spacer(1, 6), fitted.table]
    flow.append(Spacer(1, 12))
    return flow


def performance_flowables(ctx: Context, level: int, department: str | None = None) -> list:
    """Goal headings and target tables (landscape); none when the plan (``department``'s part of
    it) has no performance target: then ``no_targets`` says so on the page where the tables were."""
    st = sheet()
    out = []
    for aim in ctx.definition.plan.aims:
        for goal in aim.goals:
            targets = [
                t
                for t in goal.targets
                if department is None or any(x.department == department for x in list(t.indicators) + list(t.activities))
            ]
            if not targets:
                continue
            out.append(Heading(esc(f"{goal.code} – {goal.name}"), level, ctx.key(f"perf-{goal.code}"), style="h3"))
            out.append(Paragraph(esc(f"Stratejik Amaç {aim.code}: {aim.name}"), st["note"]))
            for t in targets:
                out += target_block(ctx, t, department)
    return out


def no_targets(department: str | None) -> Paragraph:
    """In place of the performance tables when there are none (a plan not written yet, a unit with none)."""
    if department is None:
        return Paragraph(esc(_("Bu yılın stratejik planında performans göstergesi yoktur.")), sheet()["empty"])
    return Paragraph(esc(_("Bu birime atanmış performans göstergesi yoktur.")), sheet()["empty"])


def summary_table(ctx: Context):
    """III-B-3: every performance target's weighted realization."""
    rows = []
    for aim in ctx.definition.plan.aims:
        for goal in aim.goals:
            for t in goal.targets:
                _, roll, weights, _, _, covered, enough = target_rows(ctx, t, None)
                rows.append([goal.code, t.name, str(len(t.indicators)), rollup_text(ctx, roll, weights, covered, enough)])
    if not rows:
        return None
    return fit_table(
        ["Hedef", "Performans Hedefi", "Gösterge Sayısı", "Gerçekleşme Oranı (ağırlıklı)"],
        rows,
        [Col("left"), Col("left", True, 160, 1), Col("right"), Col("right")],
        ctx.portrait_width,
        ctx.landscape_width,
    ).table
