"""The strategic plan: aims → goals → performance targets → indicators and activities."""

from decimal import Decimal
from typing import Literal

from msgspec import field

from .forms import Strict, Segment

Direction = Literal["increase", "decrease", "keep"]
DIRECTION_LABELS = {"increase": "artan", "decrease": "azalan", "keep": "korunacak"}


class IndicatorDef(Strict, kw_only=True):
    key: Segment  # stable identity; the printed code is not unique
    code: str  # as printed, e.g. "PG.1.1.2"
    name: str
    unit: str
    direction: Direction = "increase"
    baseline: Decimal | None = None  # A
    target: Decimal | None = None  # B (for the year)
    weight: Decimal | None = None  # "hedefe etkisi %", within its performance target
    department: Segment


class ActivityDef(Strict, kw_only=True):
    key: Segment
    code: str  # as printed, e.g. "F.1.1.1"
    name: str
    unit: str = "TL"
    planned_cost: Decimal | None = None  # TL
    department: Segment


class PerformanceTargetDef(Strict, kw_only=True):
    key: Segment
    name: str
    indicators: list[IndicatorDef] = field(default_factory=list)
    activities: list[ActivityDef] = field(default_factory=list)


class GoalDef(Strict, kw_only=True):
    code: str  # "H1.1"
    name: str
    targets: list[PerformanceTargetDef] = field(default_factory=list)


class AimDef(Strict, kw_only=True):
    code: str  # "SA1"
    name: str
    goals: list[GoalDef] = field(default_factory=list)


class PlanDef(Strict, kw_only=True):
    name: str = "Stratejik Plan"
    period: str = ""
    aims: list[AimDef] = field(default_factory=list)

    def indicators(self) -> list[IndicatorDef]:
        return [i for a in self.aims for g in a.goals for t in g.targets for i in t.indicators]

    def activities(self) -> list[ActivityDef]:
        return [x for a in self.aims for g in a.goals for t in g.targets for x in t.activities]

    def targets(self) -> list[PerformanceTargetDef]:
        return [t for a in self.aims for g in a.goals for t in g.targets]

    def __post_init__(self) -> None:
        seen: set[str] = set()
        for k in [i.key for i in self.indicators()] + [x.key for x in self.activities()] + [
            t.key for t in self.targets()
        ]:
            if k in seen:
                raise ValueError(f"'{k}' plan anahtarı birden fazla kez kullanılmış")
            seen.add(k)
