"""The strategic plan: aims → goals → performance targets → indicators and activities."""

import re
from decimal import Decimal
from typing import Annotated, Literal

from msgspec import Meta, field

from .forms import Segment, Strict, check_factor
from .i18n import _, lazy
from .limits import MAX_PLAN_ENTRIES, MAX_PLAN_LIST, Short, at_most, check_number, fine_number

MAX_PLAN_YEARS = 30  # years of one plan's targets
Year = Annotated[str, Meta(pattern=r"^20\d\d$")]  # a year of ``targets`` (2000-2099), as YAML's 2021 reads

Direction = Literal["increase", "decrease", "keep"]
DIRECTION_LABELS = {"increase": "artan", "decrease": "azalan", "keep": "korunacak"}
"""The direction words of documents and Excel files (Turkish; the Excel reader accepts them back)."""
_BASELINE, _TARGET, _WEIGHT = lazy("başlangıç"), lazy("hedef"), lazy("etki")
_DIRECTION_SHOWN = {"increase": lazy("artan"), "decrease": lazy("azalan"), "keep": lazy("korunacak")}


def direction_word(direction: str) -> str:
    """The direction as the window shows it, in the window's language."""
    word = _DIRECTION_SHOWN.get(direction)
    return str(word) if word is not None else direction


class IndicatorDef(Strict, frozen=True, kw_only=True):
    key: Segment  # stable identity; the printed code is not unique
    code: Short  # as printed, e.g. "PG.1.1.2"
    name: Short
    unit: Short
    direction: Direction = "increase"
    baseline: Decimal | None = None  # A
    target: Decimal | None = None  # B (for the year; the loader takes it from ``targets``)
    # the target of every year of the plan period (``targets: {2020: 20, 2021: 22}``); the
    # baseline is the value at the plan's start. The definition's year picks ``target``.
    # (keys are the years as text: a definition's canonical JSON has text keys only; ``yearly``)
    targets: Annotated[dict[Year, Decimal], Meta(max_length=MAX_PLAN_YEARS)] | None = None
    weight: Decimal | None = None  # "hedefe etkisi %", within its performance target
    department: Segment
    renamed_from: Segment | None = None  # its key in the year before (the year cycle)
    change_factor: Decimal | None = None  # warn when the actual is this many times last year's (or less)

    def __post_init__(self) -> None:
        # the message is worded only for a number that breaks the rule: a year's plan holds
        # thousands of indicators, decoded at every opening of a file
        for what, value in ((_BASELINE, self.baseline), (_TARGET, self.target), (_WEIGHT, self.weight)):
            if not fine_number(value):
                check_number(value, _("'{key}' göstergesinin {what} değeri").format(key=self.key, what=what))
        for year, value in self.yearly.items() if self.targets else ():
            if not fine_number(value):
                check_number(value, _("'{key}' göstergesinin {year} hedefi").format(key=self.key, year=year))
        if self.change_factor is not None:
            check_factor(self.change_factor, _("'{key}' göstergesinin değişim katsayısı (change_factor)").format(key=self.key))

    @property
    def yearly(self) -> dict[int, Decimal]:
        """The targets by year (``targets``), in year order; empty when the plan gives one target."""
        return {int(y): v for y, v in sorted((self.targets or {}).items())}

    def target_of(self, year: int) -> Decimal | None:
        """The target for ``year``: from ``targets`` when given, else the one ``target``."""
        return self.targets.get(str(year)) if self.targets is not None else self.target


class ActivityDef(Strict, frozen=True, kw_only=True):
    key: Segment
    code: Short  # as printed, e.g. "F.1.1.1"
    name: Short
    unit: Short = "TL"
    planned_cost: Decimal | None = None  # TL
    department: Segment
    renamed_from: Segment | None = None  # its key in the year before (the year cycle)

    def __post_init__(self) -> None:
        if not fine_number(self.planned_cost):
            check_number(self.planned_cost, _("'{key}' faaliyetinin planlanan maliyeti").format(key=self.key))


class PerformanceTargetDef(Strict, frozen=True, kw_only=True):
    key: Segment
    name: Short
    indicators: Annotated[list[IndicatorDef], Meta(max_length=MAX_PLAN_ENTRIES)] = field(default_factory=list)
    activities: Annotated[list[ActivityDef], Meta(max_length=MAX_PLAN_ENTRIES)] = field(default_factory=list)


class GoalDef(Strict, frozen=True, kw_only=True):
    code: Short  # "H1.1"
    name: Short
    targets: Annotated[list[PerformanceTargetDef], Meta(max_length=MAX_PLAN_LIST)] = field(default_factory=list)


class AimDef(Strict, frozen=True, kw_only=True):
    code: Short  # "SA1"
    name: Short
    goals: Annotated[list[GoalDef], Meta(max_length=MAX_PLAN_LIST)] = field(default_factory=list)


class PlanDef(Strict, frozen=True, kw_only=True):
    name: Short = "Stratejik Plan"
    period: Short = ""
    aims: Annotated[list[AimDef], Meta(max_length=MAX_PLAN_LIST)] = field(default_factory=list)

    def years(self) -> tuple[int, int] | None:
        """The plan period's first and last year ("2020-2024"), or None when it names none."""
        found = re.fullmatch(r"\s*(\d{4})\s*[-–]\s*(\d{4})\s*", self.period)
        if found is None:
            return None
        first, last = int(found.group(1)), int(found.group(2))
        return (first, last) if first <= last else None

    def indicators(self) -> list[IndicatorDef]:
        return [i for a in self.aims for g in a.goals for t in g.targets for i in t.indicators]

    def activities(self) -> list[ActivityDef]:
        return [x for a in self.aims for g in a.goals for t in g.targets for x in t.activities]

    def targets(self) -> list[PerformanceTargetDef]:
        return [t for a in self.aims for g in a.goals for t in g.targets]

    def map_items(self, indicator=None, activity=None) -> "PlanDef":
        """The plan with each indicator (and activity) replaced by ``indicator(i)`` (``activity(a)``)."""

        def target(t: PerformanceTargetDef) -> PerformanceTargetDef:
            return t.replace(
                indicators=[indicator(i) if indicator else i for i in t.indicators],
                activities=[activity(a) if activity else a for a in t.activities],
            )

        return self.replace(
            aims=[a.replace(goals=[g.replace(targets=[target(t) for t in g.targets]) for g in a.goals]) for a in self.aims]
        )

    def __post_init__(self) -> None:
        targets = self.targets()  # each list made once: a year's plan is checked at every opening
        indicators = [i for t in targets for i in t.indicators]
        activities = [x for t in targets for x in t.activities]
        at_most(len(targets), MAX_PLAN_ENTRIES, _("planın performans hedefi sayısı"))
        at_most(len(indicators), MAX_PLAN_ENTRIES, _("planın gösterge sayısı"))
        at_most(len(activities), MAX_PLAN_ENTRIES, _("planın faaliyet sayısı"))
        first, last = self.years() or (2000, 2100) if any(i.targets for i in indicators) else (2000, 2100)
        for i in indicators:
            outside = sorted(y for y in i.yearly if not first <= y <= last) if i.targets else ()
            if outside:
                raise ValueError(
                    _(
                        "'{key}' göstergesinin {year} hedefi planın dönemi ({period}) dışında; "
                        "hedefler yalnızca dönemin yılları için yazılır"
                    ).format(key=i.key, year=outside[0], period=self.period or f"{first}-{last}")
                )
        seen: set[str] = set()
        for k in [i.key for i in indicators] + [x.key for x in activities] + [t.key for t in targets]:
            if k in seen:
                raise ValueError(_("'{k}' plan anahtarı birden fazla kez kullanılmış").format(k=k))
            seen.add(k)
