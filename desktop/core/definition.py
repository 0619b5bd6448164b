"""The year definition: everything the strategy unit prepares for one year.

A ``Definition`` bundles the institution, the year settings, the departments,
the strategic plan and every department's form. It is loaded from ``forms/``
(see ``loader.py``) and a snapshot of it is stored inside every workbook, so a
workbook can be read, checked and printed on its own.

This module is the definition and its look-ups (departments, forms, slots, plan items by
department; of a department file's definition, which of them it carries). The rules it keeps
are ``definition_rules.py``; its stored form (canonical parts, digest, decoding) is
``definition_stored.py``; one value's slot is ``slot.py``.
"""

from collections.abc import Callable, Iterator, Mapping
from functools import cached_property, partial
from typing import Annotated

import msgspec
from msgspec import Meta, field

from . import definition_rules, limits, roles
from .form_parts import (
    FormParts,
    PartSummary,
    Stored,
)
from .forms import FormDef, InvalidData, SectionDef, Strict, as_builtin
from .i18n import _
from .institution import DepartmentDef, InstitutionDef, YearDef
from .plan import ActivityDef, IndicatorDef, PlanDef
from .plan_parts import CarriedPlan
from .slot import Slot


class DefinitionHead(Strict, frozen=True, kw_only=True):
    """Every part of a definition but the forms (a schema-3 file's head; schema 4 stores ``YearHead``
    and each department and aim as a part of its own)."""

    id: limits.Key  # e.g. "kars-2020"
    version: limits.Key = "1"
    institution: InstitutionDef
    year: YearDef
    departments: Annotated[list[DepartmentDef], Meta(min_length=1, max_length=limits.MAX_DEPARTMENTS)]
    plan: PlanDef = field(default_factory=PlanDef)


class Definition(DefinitionHead, dict=True, frozen=True, kw_only=True):  # dict: room for the cached look-ups below
    # the chapters that are plain text of the institution (foreword, mission…)
    # live in the form of the department whose role is "institution" (roles.py).
    # A stored definition (``from_parts``) holds ``FormParts`` here: a sequence of the same
    # forms, each decoded and checked (``definition_rules.check_form``) when first asked for.
    forms: Annotated[list[FormDef], Meta(max_length=limits.MAX_DEPARTMENTS)] = field(default_factory=list)

    def __post_init__(self) -> None:
        parts = self.forms if isinstance(self.forms, FormParts) else None
        if parts is not None and not parts.bind(self._form_check()):
            parts = None  # another definition's parts (``replace``): every form is checked here
        definition_rules.check_definition(self, parts, self._by_key)

    # --- the rules about forms (``definition_rules``; run on every form: at once, or as each stored part is decoded)
    def _form_check(self) -> Callable[[FormDef], None]:
        """``definition_rules.check_form`` bound to what it reads of this definition (its departments), not to the
        definition itself: the parts keep it, and a definition they pointed back to would be a
        reference cycle, freed only by the cycle collector."""
        institution = self.institution_department
        return partial(definition_rules.check_form, self._by_key, institution.key if institution is not None else None)

    # --- look-ups -------------------------------------------------------
    # Indexes built once per definition (a definition is not changed after loading): a year of
    # a thousand departments asks these a thousand times, and a scan each time would be quadratic.
    @cached_property
    def _by_key(self) -> dict[str, DepartmentDef]:
        return {d.key: d for d in self.departments}

    @cached_property
    def _forms(self) -> dict[str, FormDef] | FormParts:
        forms = self.forms
        if isinstance(forms, FormParts) and not (forms.complete and forms.decoded == len(forms)):
            return forms  # a department file's: each form decoded when first asked for
        return {f.department: f for f in forms}

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
    def _slot_maps(self) -> dict[str, dict[str, Slot]]:
        return {}

    def _slots_of_form(self, department: str) -> dict[str, Slot]:
        """The value keys of the department's form (built once; every key starts with
        ``<department>.``, see ``item_kinds``), empty for a department without a form."""
        found = self._slot_maps.get(department)
        if found is None:
            from .item_kinds import item_slots  # local: the kinds bring the tables' formulas, needed only now

            form = self._forms.get(department)
            if form is None:
                return {}
            found = self._slot_maps[department] = {
                slot.key: slot
                for section in form.sections
                for item in section.items
                for slot in item_slots(department, section.key, item)
            }
        return found

    def department(self, key: str) -> DepartmentDef | None:
        """The department ``key``, or None: no such department. A department file's definition
        carries its own department and those its parts name (``definition_store.needed``): asking
        it for another raises InvalidData saying so (``knows`` asks without raising)."""
        found = self._by_key.get(key)
        if found is None and not self.departments_complete and type(key) is str:
            raise InvalidData(
                _(
                    "'{department}' birimi bu dosyada yok: bir birim dosyası yalnızca kendi birimini ve "
                    "formunun andığı birimleri taşır. Bu iş için strateji biriminin birleşik dosyasını kullanın."
                ).format(department=key)
            )
        return found

    def knows(self, key: str) -> bool:
        """Whether ``key`` is a department this definition holds (of a department file: carries)."""
        return type(key) is str and key in self._by_key

    @property
    def departments_complete(self) -> bool:
        """Whether every department of the year is here (not a department file's)."""
        forms = self.forms
        return not isinstance(forms, FormParts) or forms.whole

    @property
    def form_departments(self) -> list[str]:
        """The departments with a form, in the forms' order (of stored parts: no form decoded)."""
        forms = self.forms
        return list(forms.departments) if isinstance(forms, FormParts) else [f.department for f in forms]

    def forms_at_hand(self) -> list[FormDef]:
        """The forms this definition carries: every form, but of a department file's only its own and
        the institution unit's (the only forms whose values the file can hold)."""
        return [self.form(d) for d in self.form_departments if self.carries(d)]

    def carries(self, department: str) -> bool:
        """Whether the department's form is at hand (a department file's definition carries its
        own and the institution unit's; ``form`` of another raises ``InvalidData`` saying so).
        True for a department without a form."""
        forms = self.forms
        return not isinstance(forms, FormParts) or forms.carries(department)

    def department_index(self, key: str) -> int:
        """The department's place in ``departments`` (ValueError: none)."""
        return self._department_keys.index(key)

    @cached_property
    def _department_keys(self) -> list[str]:
        return [d.key for d in self.departments]

    def has_plan_items(self, department: str) -> bool:
        """Whether the department has indicators or activities (of a department file: among those it carries)."""
        plan = self.plan
        if isinstance(plan, CarriedPlan):
            return department in plan.__dict__["index"]
        return department in self._plan_of[0] or department in self._plan_of[1]

    def form_slots(self, department: str) -> int:
        """The count of values of the department's form (as its stored part says; 0: none)."""
        return self._form_slots.get(department, 0)

    @cached_property
    def _form_slots(self) -> dict[str, int]:
        forms = self.forms
        if isinstance(forms, FormParts):  # as stored, without making the stored parts again
            return dict(zip(forms.departments, forms.slots, strict=True))
        return {r.department: r.slots for r in self.stored.forms}

    def aims_of(self, department: str) -> set[int]:
        """The places (in ``plan.aims``) of the aims holding the department's indicators or activities."""
        return self._aims_by_department.get(department, set())

    @cached_property
    def _aims_by_department(self) -> dict[str, set[int]]:
        out: dict[str, set[int]] = {}
        for i, aim in enumerate(self.plan.aims):
            for t in (t for g in aim.goals for t in g.targets):
                for key in [x.department for x in t.indicators] + [x.department for x in t.activities]:
                    out.setdefault(key, set()).add(i)
        return out

    def has_form(self, department: str) -> bool:
        """Whether the department has a form (of a department file: among the forms it carries)."""
        forms = self._forms
        return department in (forms.departments_set if isinstance(forms, FormParts) else forms)

    @property
    def forms_complete(self) -> bool:
        """Whether every form of the year is here (not a department file's)."""
        forms = self.forms
        return not isinstance(forms, FormParts) or forms.complete

    def department_name(self, key: str) -> str:
        """The department's name; its key when the definition has no such department."""
        d = self._by_key.get(key)
        return d.name if d is not None else key

    def form(self, department: str) -> FormDef:
        return self._forms.get(department) or FormDef(department=department)

    def indicators_of(self, department: str | None) -> list[IndicatorDef]:
        """The department's indicators (None: the whole plan's); of a department file, only of the
        departments it carries (``plan_carries``), else InvalidData saying so."""
        self._plan_at_hand(department)
        return list(self.plan.indicators()) if department is None else list(self._plan_of[0].get(department, ()))

    def activities_of(self, department: str | None) -> list[ActivityDef]:
        """The department's activities (None: the whole plan's); as ``indicators_of``."""
        self._plan_at_hand(department)
        return list(self.plan.activities()) if department is None else list(self._plan_of[1].get(department, ()))

    def plan_carries(self, department: str) -> bool:
        """Whether the department's indicators and activities are at hand (a department file's plan
        carries its own and the institution unit's: ``plan_parts.CarriedPlan``), or it has none."""
        plan = self.plan
        return not isinstance(plan, CarriedPlan) or plan.carries(department)

    def plan_target_whole(self, target: str) -> bool:
        """Whether every indicator and activity of the performance target is at hand (of a department
        file: a target no other department has items in); a target's weights and roll-up need them all."""
        plan = self.plan
        return not isinstance(plan, CarriedPlan) or plan.whole(target)

    @property
    def plan_complete(self) -> bool:
        """Whether the whole plan is here (not a department file's ``CarriedPlan``)."""
        return not isinstance(self.plan, CarriedPlan)

    def _plan_at_hand(self, department: str | None) -> None:
        if department is None and not self.plan_complete:
            raise InvalidData(
                _(
                    "Planın tamamı bu dosyada yok: bir birim dosyası yalnızca kendi gösterge ve faaliyetlerini taşır. "
                    "Bu iş için strateji biriminin birleşik dosyasını kullanın."
                )
            )
        if department is not None and not self.plan_carries(department):
            raise InvalidData(
                _(
                    "'{department}' biriminin gösterge ve faaliyetleri bu dosyada yok: bir birim dosyası yalnızca kendi "
                    "gösterge ve faaliyetlerini taşır. Bu iş için strateji biriminin birleşik dosyasını kullanın."
                ).format(department=department)
            )

    @cached_property
    def institution_department(self) -> DepartmentDef | None:
        return next((d for d in self.departments if d.role == "institution"), None)

    @cached_property
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

    @property
    def slots(self) -> Mapping[str, Slot]:
        """Every value key of every form, entered and computed (of stored parts: a key is looked
        up in its department's form alone, and the forms are those the file carries: a department
        file's are its own and the institution unit's, the only values it can hold)."""
        # a small view made per call, not kept: kept here it would point back to its definition,
        # a reference cycle that only the cycle collector frees
        return _SlotsByForm(self) if self._slots_by_form else self._all_slots

    @cached_property
    def _slots_by_form(self) -> bool:
        forms = self.forms
        return isinstance(forms, FormParts) and not forms.complete

    @cached_property
    def _all_slots(self) -> dict[str, Slot]:
        out: dict[str, Slot] = {}
        for department in self.form_departments:
            if self.carries(department):
                out.update(self._slots_of_form(department))
        return out

    def slots_of(self, department: str) -> list[Slot]:
        return list(self._slots_of_form(department).values())

    def item(self, department: str, item_key: str):
        """The item ``item_key`` of the department's form (keys are unique in a form), or None
        (of a form the file does not carry: a row naming it is not this file's)."""
        found = self._item_maps.get(department)
        if found is None:
            if not self.carries(department):
                return None
            found = {item.key: item for section in self.form(department).sections for item in section.items}
            if department in self._by_key:  # an unknown department (a stored row's) is not remembered
                self._item_maps[department] = found
        return found.get(item_key)

    @cached_property
    def _item_maps(self) -> dict[str, dict]:
        return {}

    @cached_property
    def digest(self) -> str:
        """Identifies this exact definition: the root over its head and every part's leaf
        (``definition_stored.digest_of``); of stored parts, as stored (no form decoded)."""
        from . import definition_stored  # local: the stored form builds on this module

        return definition_stored.digest_of(self)

    def head_json(self) -> bytes:
        """The canonical JSON of a stored definition's head (``definition_stored.YearHead``)."""
        from . import definition_stored

        return definition_stored.head_json(self)

    @cached_property
    def stored(self) -> Stored:
        """What a file stores (``definition_stored.stored_of``); made once: distributing a year writes
        it into every department's file."""
        from . import definition_stored

        return definition_stored.stored_of(self)

    def canonical_json(self) -> str:
        # the same bytes as json.dumps(to_data(), ensure_ascii=False, sort_keys=True,
        # separators=(",", ":")) (test_definition checks), ~10x faster
        return msgspec.json.encode(self, order="sorted", enc_hook=as_builtin).decode("utf-8")

    @classmethod
    def from_json(cls, text: str | bytes) -> "Definition":
        """Check and build from JSON (untrusted), or raise InvalidData (``definition_stored.from_json``)."""
        from . import definition_stored

        return definition_stored.from_json(text)

    @classmethod
    def from_parts(
        cls,
        head: bytes,
        summaries: list[PartSummary],
        raws: list[bytes | None],
        department: str | None = None,
        digest: str | None = None,
    ) -> "Definition":
        """Check and build the definition of a file of schema 3, or raise InvalidData (``definition_stored.from_parts``)."""
        from . import definition_stored

        return definition_stored.from_parts(head, summaries, raws, department, digest)

    @classmethod
    def from_stored(cls, stored: Stored, department: str | None = None) -> "Definition":
        """Check and build a definition stored as parts (untrusted), or raise InvalidData
        (``definition_stored.from_stored``; ``department``: of a department's file, None: every part)."""
        from . import definition_stored

        return definition_stored.from_stored(stored, department)


class _SlotsByForm(Mapping[str, Slot]):
    """``Definition.slots`` of stored parts: a key is looked up in its own department's form."""

    def __init__(self, definition: Definition):
        self._d = definition

    def _form_of(self, key: str) -> dict[str, Slot]:
        department = key.partition(".")[0]
        # a form the file does not carry: none of its keys is this file's (a row naming one is reported)
        return self._d._slots_of_form(department) if self._d.carries(department) else {}

    def __getitem__(self, key: str) -> Slot:
        if type(key) is not str:
            raise KeyError(key)
        return self._form_of(key)[key]

    def __contains__(self, key: object) -> bool:
        return type(key) is str and key in self._form_of(key)

    def __iter__(self) -> Iterator[str]:
        return iter(self._d._all_slots)

    def __len__(self) -> int:
        return len(self._d._all_slots)
