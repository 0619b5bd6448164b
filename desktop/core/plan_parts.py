"""A strategic plan stored as parts: each aim of its skeleton a part, each department's items a part.

A year's plan grows with its departments (their indicators and activities); a
department's file needs its own items (and the institution unit's), not the
year's thousands. So a stored plan is its **skeleton** (name, period, aims →
goals → performance targets with their keys and names, no indicator nor
activity: each aim a part of its own, ``form_parts``) and one **slice per department**
with items: its indicators and activities, each with where it sits (its
performance target's key and its place ``at`` in that target's list), so the
whole plan is rebuilt in exactly its order, and the size of each target it
fills (``sizes``), so a file carrying some slices knows which targets it holds
whole (a target's weights and roll-up need every item; ``CarriedPlan.whole``). A slice's leaf
(the SHA-256 of its canonical JSON) is covered by the root digest
(``form_parts.root_digest``), as a form's is.

A slice is checked when it is decoded (``rebuild``): its digest, its own rules
(every item its department's, placed in a target of the skeleton, no place
taken twice). The rules over the whole plan (unique keys, counts, targets
within the period, every department known, ``target`` against ``targets``) run
on the plan rebuilt from the slices at hand: the whole plan for a consolidated
file (there ``rebuild`` also requires each target's places to be 0, 1, 2… with
no gap), the carried aims and items for a department file, whose plan is a
``CarriedPlan``: asking it for another department's items raises
``InvalidData`` (``Definition.indicators_of``), as asking for another form does.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Annotated

import msgspec
from msgspec import Meta, field

from .forms import InvalidData, Segment, Strict
from .i18n import _
from .limits import MAX_PLAN_ENTRIES
from .plan import ActivityDef, IndicatorDef, PerformanceTargetDef, PlanDef
from .sha import sha256_hex

if TYPE_CHECKING:
    from .form_parts import Row

Place = Annotated[int, Meta(ge=0, lt=MAX_PLAN_ENTRIES)]
Count = Annotated[int, Meta(ge=0, le=MAX_PLAN_ENTRIES)]


class PlacedIndicator(Strict, frozen=True, kw_only=True):
    target: Segment  # the performance target's key
    at: Place  # its place among the target's indicators
    item: IndicatorDef


class PlacedActivity(Strict, frozen=True, kw_only=True):
    target: Segment
    at: Place
    item: ActivityDef


class PlanSlice(Strict, frozen=True, kw_only=True):
    """One department's indicators and activities, each with where it sits in the plan, and the size
    of each target it places items in (``sizes``: its indicators and activities in the whole plan,
    every department's: a file carrying some slices knows which targets it holds whole)."""

    indicators: Annotated[list[PlacedIndicator], Meta(max_length=MAX_PLAN_ENTRIES)] = field(default_factory=list)
    activities: Annotated[list[PlacedActivity], Meta(max_length=MAX_PLAN_ENTRIES)] = field(default_factory=list)
    sizes: Annotated[dict[Segment, tuple[Count, Count]], Meta(max_length=MAX_PLAN_ENTRIES)] = field(default_factory=dict)


class CarriedPlan(PlanDef, frozen=True, kw_only=True, dict=True):
    """A department file's plan: the skeleton with the carried departments' items only.

    ``rows``: the carried slices as stored (``form_parts.Row``: their places in the year's leaves,
    their JSON), written back as they were; ``sure``: the departments whose slice, had they one,
    the file would carry (its own and the institution unit's)."""

    @property
    def rows(self) -> list[Row]:
        return self.__dict__["rows"]

    def carries(self, department: str) -> bool:
        """Whether the department's items are here (or it has none)."""
        return department in self.__dict__["index"] or department in self.__dict__["sure"]

    def whole(self, target: str) -> bool:
        """Whether every item of the performance target is here (no other department's is in it)."""
        return target in self.__dict__["held"]


_SLICE = msgspec.json.Decoder(PlanSlice)


def _with_items(plan: PlanDef, items: dict[str, tuple[list[IndicatorDef], list[ActivityDef]]], kind: type[PlanDef]) -> PlanDef:
    """``plan`` (a skeleton or a whole plan) with each target's items replaced by ``items[key]``
    (a target not in ``items`` gets none); a new ``kind``, its rules run."""

    def target(t: PerformanceTargetDef) -> PerformanceTargetDef:
        found = items.get(t.key)
        if found is None:
            return t if not (t.indicators or t.activities) else t.replace(indicators=[], activities=[])
        return t.replace(indicators=found[0], activities=found[1])

    def unchanged(t: PerformanceTargetDef) -> bool:
        return t.key not in items and not (t.indicators or t.activities)

    # an aim whose targets stay as they are is the same object (a department file fills a few
    # targets of a year's hundreds: the others are not built again)
    aims = [
        a
        if all(unchanged(t) for g in a.goals for t in g.targets)
        else a.replace(goals=[g.replace(targets=[target(t) for t in g.targets]) for g in a.goals])
        for a in plan.aims
    ]
    return kind(name=plan.name, period=plan.period, aims=aims)


def skeleton(plan: PlanDef) -> PlanDef:
    """The plan without its indicators and activities (what a definition's head stores)."""
    return _with_items(plan, {}, PlanDef)


def split(plan: PlanDef, departments: Iterable[str]) -> list[tuple[str, PlanSlice]]:
    """Each department's slice, in ``departments``' order, of those with items."""
    by_dept: dict[str, tuple[list[PlacedIndicator], list[PlacedActivity], dict[str, tuple[int, int]]]] = {}
    for t in plan.targets():
        size = (len(t.indicators), len(t.activities))
        for at, i in enumerate(t.indicators):
            found = by_dept.setdefault(i.department, ([], [], {}))
            found[0].append(PlacedIndicator(target=t.key, at=at, item=i))
            found[2][t.key] = size
        for at, a in enumerate(t.activities):
            found = by_dept.setdefault(a.department, ([], [], {}))
            found[1].append(PlacedActivity(target=t.key, at=at, item=a))
            found[2][t.key] = size
    return [
        (d, PlanSlice(indicators=by_dept[d][0], activities=by_dept[d][1], sizes=by_dept[d][2]))
        for d in departments
        if d in by_dept
    ]


def check_skeleton(plan: PlanDef) -> None:
    """A stored head's plan holds no indicator nor activity (they are the departments' slices)."""
    for t in plan.targets():
        if t.indicators or t.activities:
            raise InvalidData(
                _("plan.{target}: tanımın başında gösterge ya da faaliyet var; bunlar birimlerin plan parçalarında olur").format(
                    target=t.key
                )
            )


def changed_slice(i: int, department: str) -> InvalidData:
    return InvalidData(
        _("plan[{i}]: '{department}' biriminin plan parçası değiştirilmiş (özeti tutmuyor)").format(i=i, department=department)
    )


def _decode(i: int, row: Row) -> PlanSlice:
    from .form_parts import decode_stored  # local: form_parts builds on this module's summaries

    if sha256_hex(row.data) != row.digest:
        raise changed_slice(i, row.department)
    return decode_stored(_SLICE.decode, row.data, f"plan[{i}]")


def _size_problem(i: int, target: str) -> str:
    return _("plan[{i}]: '{target}' performans hedefinin kalem sayısı parçada yok ya da tutmuyor").format(i=i, target=target)


def rebuild(skeleton_plan: PlanDef, rows: Sequence[Row], whole: bool, sure: Iterable[str] = ()) -> PlanDef:
    """The plan of the skeleton and the stored slices (``rows``: every slice of the year when
    ``whole``, else those a department file carries; each row's digest its leaf, covered by the
    root), each slice checked as it is decoded (see the module's docstring): a ``PlanDef`` when
    ``whole``, else a ``CarriedPlan`` (``sure``: as it says); InvalidData (Turkish) else."""
    check_skeleton(skeleton_plan)
    index = {r.department: i for i, r in enumerate(rows)}
    if len(index) != len(rows):
        raise InvalidData(_("plan: bir birimin birden fazla plan parçası var"))
    targets: set[str] | None = None  # the skeleton's target keys, made when a slice has items
    placed: dict[str, tuple[dict[int, IndicatorDef], dict[int, ActivityDef]]] = {}
    sizes: dict[str, tuple[int, int]] = {}  # each filled target's size, as the slices say (they must agree)
    for i, summary in enumerate(rows):
        part = _decode(i, summary)
        for key, size in part.sizes.items():
            if sizes.setdefault(key, size) != size:
                raise InvalidData(_size_problem(i, key))
        placed_items: tuple[list[PlacedIndicator] | list[PlacedActivity], ...] = (part.indicators, part.activities)
        for kind, in_part in enumerate(placed_items):
            for p in in_part:
                if targets is None:
                    targets = {t.key for t in skeleton_plan.targets()}
                if p.target not in targets:
                    raise InvalidData(
                        _("plan[{i}]: '{key}' planda olmayan '{target}' performans hedefine yerleştirilmiş").format(
                            i=i, key=p.item.key, target=p.target
                        )
                    )
                places = placed.setdefault(p.target, ({}, {}))
                if p.at >= part.sizes.get(p.target, (0, 0))[kind]:
                    raise InvalidData(_size_problem(i, p.target))
                if p.item.department != summary.department:
                    raise InvalidData(
                        _(
                            "plan[{i}]: '{department}' biriminin plan parçasında başka bir birimin ('{other}') '{key}' kalemi var"
                        ).format(i=i, department=summary.department, other=p.item.department, key=p.item.key)
                    )
                if p.at in places[kind]:
                    raise InvalidData(
                        _("plan[{i}]: '{target}' performans hedefinde {at}. sıra iki kez kullanılmış ('{key}')").format(
                            i=i, target=p.target, at=p.at + 1, key=p.item.key
                        )
                    )
                places[kind][p.at] = p.item  # type: ignore[assignment]
    items: dict[str, tuple[list[IndicatorDef], list[ActivityDef]]] = {}
    held: set[str] = set()  # the targets every item of which is here
    for key, (indicators, activities) in placed.items():
        if (len(indicators), len(activities)) == sizes[key]:  # each place below its size, none twice: 0, 1, 2…
            held.add(key)
        elif whole:
            raise InvalidData(_("plan: '{target}' performans hedefindeki kalemlerin sırası eksik").format(target=key))
        items[key] = ([indicators[n] for n in sorted(indicators)], [activities[n] for n in sorted(activities)])
    try:
        plan = _with_items(skeleton_plan, items, PlanDef if whole else CarriedPlan)
    except ValueError as exc:  # a rule of the (carried) plan, worded in Turkish
        raise InvalidData(str(exc)) from None
    if isinstance(plan, CarriedPlan):
        plan.__dict__.update(rows=list(rows), index=index, held=held, sure=set(sure))
    return plan
