"""The strategic plan: aims → goals → performance targets → indicators and activities."""

from decimal import Decimal
from typing import Annotated, Literal

from msgspec import Meta, field

from .forms import Segment, Strict
from .i18n import _, lazy
from .limits import MAX_PLAN_ENTRIES, MAX_PLAN_LIST, Short, at_most, check_number

Direction = Literal["increase", "decrease", "keep"]
DIRECTION_LABELS = {"increase": "artan", "decrease": "azalan", "keep": "korunacak"}
"""The direction words of documents and Excel files (Turkish; the Excel reader accepts them back)."""
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
    target: Decimal | None = None  # B (for the year)
    weight: Decimal | None = None  # "hedefe etkisi %", within its performance target
    department: Segment

    def __post_init__(self) -> None:
        for what, value in ((_("başlangıç"), self.baseline), (_("hedef"), self.target), (_("etki"), self.weight)):
            check_number(value, _("'{key}' göstergesinin {what} değeri").format(key=self.key, what=what))


class ActivityDef(Strict, frozen=True, kw_only=True):
    key: Segment
    code: Short  # as printed, e.g. "F.1.1.1"
    name: Short
    unit: Short = "TL"
    planned_cost: Decimal | None = None  # TL
    department: Segment

    def __post_init__(self) -> None:
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

    def indicators(self) -> list[IndicatorDef]:
        return [i for a in self.aims for g in a.goals for t in g.targets for i in t.indicators]

    def activities(self) -> list[ActivityDef]:
        return [x for a in self.aims for g in a.goals for t in g.targets for x in t.activities]

    def targets(self) -> list[PerformanceTargetDef]:
        return [t for a in self.aims for g in a.goals for t in g.targets]

    def __post_init__(self) -> None:
        at_most(len(self.targets()), MAX_PLAN_ENTRIES, _("planın performans hedefi sayısı"))
        at_most(len(self.indicators()), MAX_PLAN_ENTRIES, _("planın gösterge sayısı"))
        at_most(len(self.activities()), MAX_PLAN_ENTRIES, _("planın faaliyet sayısı"))
        seen: set[str] = set()
        for k in [i.key for i in self.indicators()] + [x.key for x in self.activities()] + [t.key for t in self.targets()]:
            if k in seen:
                raise ValueError(_("'{k}' plan anahtarı birden fazla kez kullanılmış").format(k=k))
            seen.add(k)
