"""The year definition: everything the strategy unit prepares for one year.

A ``Definition`` bundles the institution, the year settings, the departments,
the strategic plan and every department's form. It is loaded from ``forms/``
(see ``loader.py``) and a snapshot of it is stored inside every workbook, so a
workbook can be read, checked and printed on its own.
"""

from functools import cached_property
from typing import Annotated

import msgspec
from msgspec import Meta, field

from . import limits, organisation, roles
from .forms import TYPE_LABELS, FormDef, InvalidData, SectionDef, Strict, forms_row_departments
from .i18n import _
from .institution import DepartmentDef, InstitutionDef, YearDef
from .plan import ActivityDef, IndicatorDef, PlanDef
from .sha import sha256_hex


class Slot(msgspec.Struct, frozen=True):
    """One addressable value of a department's form (a field or a table cell).

    A cell's label ("table / row / column") is joined when asked for, from the
    definition's own strings: a year of 150.000 cells held a joined label per
    cell, a third of the definition's memory, that only messages and lists read.
    """

    key: str
    type: str
    name: str  # a field's label; a cell's table title
    department: str
    section: str
    computed: bool = False  # totals and formula columns: never entered
    places: int | None = None  # printed with (declared ``decimals:`` or the type's default); None: not a number
    row: str | None = None  # a cell's row label (None: a field)
    column: str | None = None  # a cell's column label

    @property
    def label(self) -> str:
        """What the value is called in messages: the field's label, or "table / row / column"."""
        return self.name if self.row is None else f"{self.name} / {self.row} / {self.column}"


class Definition(Strict, dict=True, frozen=True, kw_only=True):  # dict: room for the cached look-ups below
    id: limits.Key  # e.g. "kars-2020"
    version: limits.Key = "1"
    institution: InstitutionDef
    year: YearDef
    departments: Annotated[list[DepartmentDef], Meta(min_length=1, max_length=limits.MAX_DEPARTMENTS)]
    plan: PlanDef = field(default_factory=PlanDef)
    forms: Annotated[list[FormDef], Meta(max_length=limits.MAX_DEPARTMENTS)] = field(default_factory=list)
    # the chapters that are plain text of the institution (foreword, mission…)
    # live in the form of the department whose role is "institution" (roles.py).

    def __post_init__(self) -> None:
        limits.at_most(sum(limits.form_slots(f) for f in self.forms), limits.MAX_SLOTS, _("tanımdaki toplam değer sayısı"))
        dept_keys = [d.key for d in self.departments]
        if len(set(dept_keys)) != len(dept_keys):
            raise ValueError(_("aynı birim anahtarı birden fazla kez tanımlanmış"))
        known = set(dept_keys)
        for f in self.forms:
            if f.department not in known:
                raise ValueError(_("'{department}' formu bilinmeyen bir birime ait").format(department=f.department))
        form_depts = [f.department for f in self.forms]
        if len(set(form_depts)) != len(form_depts):
            raise ValueError(_("bir birimin birden fazla formu var"))
        for f in self.forms:
            for unknown in forms_row_departments(f) - known:
                raise ValueError(
                    _("'{form}' formunda bir satır bilinmeyen '{dept}' birimine ait (department)").format(
                        form=f.department, dept=unknown
                    )
                )
        for x in list(self.plan.indicators()) + list(self.plan.activities()):
            if x.department not in known:
                raise ValueError(
                    _("'{key}' bilinmeyen '{department}' birimine atanmış").format(key=x.key, department=x.department)
                )
        for i in self.plan.indicators():
            if i.targets is not None and i.target != i.target_of(self.year.year):
                raise ValueError(target_conflict(i, self.year.year))
        for _place, message in roles.problems(self.departments, self.forms, complete=False)[:1]:
            raise ValueError(message)
        problem = organisation.reporting_problem(self.departments)
        if problem:
            raise ValueError(problem)

    # --- look-ups -------------------------------------------------------
    # Indexes built once per definition (a definition is not changed after loading): a year of
    # a thousand departments asks these a thousand times, and a scan each time would be quadratic.
    @cached_property
    def _by_key(self) -> dict[str, DepartmentDef]:
        return {d.key: d for d in self.departments}

    @cached_property
    def _forms(self) -> dict[str, FormDef]:
        return {f.department: f for f in self.forms}

    @cached_property
    def _plan_of(self) -> tuple[dict[str, list[IndicatorDef]], dict[str, list[ActivityDef]]]:
        indicators: dict[str, list[IndicatorDef]] = {}
        activities: dict[str, list[ActivityDef]] = {}
        for i in self.plan.indicators():
            indicators.setdefault(i.department, []).append(i)
        for a in self.plan.activities():
            activities.setdefault(a.department, []).append(a)
        return indicators, activities

    @cached_property
    def _plan_items(self) -> dict[str, IndicatorDef | ActivityDef]:
        items: list[IndicatorDef | ActivityDef] = [*self.plan.indicators(), *self.plan.activities()]
        return {x.key: x for x in items}

    def plan_item(self, key: str) -> IndicatorDef | ActivityDef | None:
        """The indicator or activity with ``key`` (plan keys are unique across both), or None."""
        return self._plan_items.get(key)

    @cached_property
    def _slots_of(self) -> dict[str, list[Slot]]:
        out: dict[str, list[Slot]] = {}
        for s in self.slots.values():
            out.setdefault(s.department, []).append(s)
        return out

    def department(self, key: str) -> DepartmentDef | None:
        return self._by_key.get(key)

    def department_name(self, key: str) -> str:
        """The department's name; its key when the definition has no such department."""
        d = self.department(key)
        return d.name if d is not None else key

    def form(self, department: str) -> FormDef:
        return self._forms.get(department) or FormDef(department=department)

    def indicators_of(self, department: str | None) -> list[IndicatorDef]:
        return list(self.plan.indicators()) if department is None else list(self._plan_of[0].get(department, ()))

    def activities_of(self, department: str | None) -> list[ActivityDef]:
        return list(self.plan.activities()) if department is None else list(self._plan_of[1].get(department, ()))

    @property
    def institution_department(self) -> DepartmentDef | None:
        return next((d for d in self.departments if d.role == "institution"), None)

    @property
    def finance_department(self) -> DepartmentDef | None:
        """The finance unit (``finance: true``), whose name the finance declaration prints."""
        return next((d for d in self.departments if d.finance), None)

    @property
    def foreword_section(self) -> SectionDef | None:
        """The institution unit's section printed as the foreword (``foreword: true``), or None."""
        return self._institution_section(lambda s: s.foreword)

    @property
    def settings_section(self) -> SectionDef | None:
        """The institution unit's year-settings section (``chapter: ayarlar``), or None."""
        return self._institution_section(lambda s: s.chapter == roles.SETTINGS_CHAPTER)

    def _institution_section(self, wanted) -> SectionDef | None:
        inst = self.institution_department
        return None if inst is None else next((s for s in self.form(inst.key).sections if wanted(s)), None)

    @cached_property
    def slots(self) -> dict[str, Slot]:
        """Every value key of every form, entered and computed."""
        from .item_kinds import item_slots  # local: the kinds build Slots of this module

        out: dict[str, Slot] = {}
        for form in self.forms:
            for section in form.sections:
                for item in section.items:
                    for slot in item_slots(form.department, section.key, item):
                        out[slot.key] = slot
        return out

    def slots_of(self, department: str) -> list[Slot]:
        return list(self._slots_of.get(department, ()))

    def item(self, department: str, item_key: str):
        for section in self.form(department).sections:
            for item in section.items:
                if item.key == item_key:
                    return item
        return None

    @cached_property
    def digest(self) -> str:
        """SHA-256 of the canonical JSON: identifies this exact definition."""
        return sha256_hex(self.canonical_json().encode("utf-8"))

    def canonical_json(self) -> str:
        # the same bytes as json.dumps(to_data(), ensure_ascii=False, sort_keys=True,
        # separators=(",", ":")) (test_definition checks), ~10x faster: it runs on every open
        return msgspec.json.encode(self, order="sorted").decode("utf-8")

    @classmethod
    def from_json(cls, text: str | bytes) -> "Definition":
        """Check and build from JSON (a workbook's snapshot, untrusted), or raise InvalidData.

        The same checks as a definition loaded from its folder (types, limits, rule
        expressions); the size is checked first, the limits while decoding, so an
        oversized definition is refused before anything is built from it. The
        message is Turkish and names the place (``forms[0].sections[1]...``).
        """
        try:
            limits.check_json_size(text)
            return msgspec.json.decode(text, type=cls)
        except limits.LimitExceeded as exc:
            raise InvalidData(str(exc)) from None
        except msgspec.MsgspecError as exc:
            from .loader import explain  # local: the loader builds definitions

            raise InvalidData(explain(str(exc))) from None
        except RecursionError:
            raise InvalidData(_("form tanımı çok derin iç içe")) from None


def target_conflict(indicator: IndicatorDef, year: int) -> str:
    """Why an indicator's ``target`` and its ``targets`` of the year disagree (Turkish)."""
    from .numbers import format_number

    wanted = indicator.target_of(year)
    return _(
        "'{key}' göstergesinin hedefi (target: {target}) {year} yılının hedefiyle (targets: {wanted}) uyuşmuyor; "
        "yalnızca 'targets' yazın ya da ikisini aynı yapın"
    ).format(
        key=indicator.key,
        target=format_number(indicator.target or 0),
        year=year,
        wanted=format_number(wanted) if wanted is not None else _("yok"),
    )


def describe_type(t: str) -> str:
    return str(TYPE_LABELS.get(t, t))
