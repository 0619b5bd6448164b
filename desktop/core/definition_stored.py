"""A definition's stored form: its canonical parts and digest, and a definition built back from them.

A file stores its year's definition as parts (``form_parts``): the head (``YearHead``: what does
not grow with the departments), each form, plan slice, department and aim as canonical JSON, and
the leaves (every part's digest) hashed into the root, the definition's ``digest``. This module
makes those parts of a ``Definition`` (``stored``) and checks and builds a ``Definition`` of them,
or of a whole definition's JSON (``from_json``), as untrusted input. ``Definition`` asks it for
these (its ``stored``, ``digest``, ``from_stored``…); this module builds on ``definition.py``.
"""

from typing import cast

import msgspec
from msgspec import field

from . import limits
from .definition import Definition, DefinitionHead
from .form_parts import (
    HAS_FORM,
    HAS_SLICE,
    FormParts,
    Leaves,
    PartSummary,
    Row,
    Stored,
    decode_stored,
    pack_leaves,
    part_json,
    root_digest,
)
from .forms import FormDef, InvalidData, Strict
from .i18n import _
from .institution import DepartmentDef, InstitutionDef, YearDef
from .plan import AimDef, PlanDef
from .plan_parts import CarriedPlan, rebuild, skeleton, split
from .sha import sha256_hex


class YearHead(Strict, frozen=True, kw_only=True):
    """A stored definition's head: what does not grow with the departments (its plan: the name and
    period only; each department and each of the plan's aims is a part of its own)."""

    id: limits.Key
    version: limits.Key = "1"
    institution: InstitutionDef
    year: YearDef
    plan: PlanDef = field(default_factory=PlanDef)


def digest_of(definition: Definition) -> str:
    """Identifies this exact definition: the root over its head and every form's and plan
    slice's leaf (``form_parts.root_digest``); of stored parts, as stored (no form decoded)."""
    stored = definition.stored  # made once (a cached property of the definition)
    return root_digest(sha256_hex(stored.head), stored.leaves)


def head_json(definition: Definition) -> bytes:
    """The canonical JSON of a stored definition's head (``YearHead``: what does not grow with
    the departments; the plan's name and period without its aims)."""
    plan = PlanDef(name=definition.plan.name, period=definition.plan.period)
    return part_json(
        YearHead(
            id=definition.id, version=definition.version, institution=definition.institution, year=definition.year, plan=plan
        )
    )


def stored_of(definition: Definition) -> Stored:
    """What a file stores (``form_parts.Stored``): the head's canonical JSON, the leaves of every
    part of the year, and the parts at hand (every one; of a department file's definition, those
    it carries) with their places. Made once per definition (its ``stored``): distributing a year
    writes them into every department's file."""
    forms, plan = definition.forms, definition.plan
    whole = not isinstance(forms, FormParts) or forms.whole
    rows = []
    if isinstance(forms, FormParts):
        for i, department in enumerate(forms.departments):
            data = forms.data(i) if forms.carries(department) else None
            if data is not None:
                rows.append(Row(forms.positions[i], department, forms.digests[i], forms.slots[i], data))
    else:
        for i, form in enumerate(forms):
            data = part_json(form)
            rows.append(Row(i, form.department, sha256_hex(data), limits.form_slots(form), data))
    if isinstance(plan, CarriedPlan):
        slices = list(plan.rows)
    else:
        slices = []
        for i, (department, part) in enumerate(split(plan, [d.key for d in definition.departments])):
            data = part_json(part)
            slices.append(Row(i, department, sha256_hex(data), 0, data))
    places = forms.places if isinstance(forms, FormParts) and not whole else {}
    departments = []
    for i, d in enumerate(definition.departments):
        data = part_json(d)
        departments.append(Row(places.get(("department", i), i), d.key, sha256_hex(data), 0, data))
    aims = []
    for i, aim in enumerate(skeleton(plan).aims):
        data = part_json(aim)
        aims.append(Row(places.get(("aim", i), i), "", sha256_hex(data), 0, data))
    if isinstance(forms, FormParts) and not whole:  # a department file's: the year's leaves, its parts' own
        leaves = Leaves(forms.leaves).with_rows([rows, slices, departments, aims])
    else:
        has = {d: HAS_FORM for d in (forms.departments if isinstance(forms, FormParts) else [r.department for r in rows])}
        for r in slices:
            has[r.department] = has.get(r.department, 0) | HAS_SLICE
        flags = bytes(has.get(d.key, 0) for d in definition.departments)
        form_leaves = forms.digests if isinstance(forms, FormParts) else [r.digest for r in rows]
        kinds = [form_leaves, [r.digest for r in slices], [r.digest for r in departments], [r.digest for r in aims]]
        leaves = pack_leaves(kinds, flags)
    return Stored(head_json(definition), leaves, rows, slices, departments, aims)


def from_json(text: str | bytes) -> Definition:
    """Check and build from JSON (a cache entry, a file of the old format: untrusted), or raise InvalidData.

    The same checks as a definition loaded from its folder (types, limits, rule
    expressions); the size is checked first, the limits while decoding, so an
    oversized definition is refused before anything is built from it. The
    message is Turkish and names the place (``forms[0].sections[1]...``).
    """
    return decode_stored(_DEFINITION.decode, text)


def from_parts(
    head: bytes,
    summaries: list[PartSummary],
    raws: list[bytes | None],
    department: str | None = None,
    digest: str | None = None,
) -> Definition:
    """Check and build the definition of a file of schema 3 (its head holding the whole plan,
    every form's summary, the carried forms' JSON: None for one not carried), or InvalidData.
    ``digest``: the file's root (schema 3's), kept as this definition's (it is written again
    as this schema's parts, with a root of their own, when the file is migrated). As
    ``from_stored`` otherwise."""
    try:
        limits.check_json_bytes(len(head) + sum(len(r) for r in raws if r is not None))
    except limits.LimitExceeded as exc:
        raise InvalidData(str(exc)) from None
    stored = decode_stored(_HEAD.decode, head)
    fields = {name: getattr(stored, name) for name in DefinitionHead.__struct_fields__}
    definition = _of_parts(fields, FormParts.of_summaries(summaries, raws), department)
    if digest is not None:
        definition.__dict__["digest"] = digest  # a cached_property
    return definition


def from_stored(stored: Stored, department: str | None = None) -> Definition:
    """Check and build a definition stored as parts (``form_parts``; untrusted), or raise InvalidData.

    ``stored``: the head, the leaves and the parts at hand, each row's digest its leaf (the
    caller has checked both against the root: ``definition_store.read``). ``department`` None:
    every part is here (a consolidated file), each form decoded and checked now; else the file
    of one department, which carries its own form and slice and the institution unit's, its
    own department and those its parts name, the plan's aims its slices fill: those forms are
    decoded now, and asking for any other part raises InvalidData saying so. The head, the
    departments and the aims are decoded, the plan rebuilt of them and the slices (each
    checked), the rules of the definition run on what is here."""
    everything = [*stored.forms, *stored.plan, *stored.departments, *stored.aims]
    try:
        limits.check_json_bytes(len(stored.head) + sum(len(r.data) for r in everything))
    except limits.LimitExceeded as exc:
        raise InvalidData(str(exc)) from None
    head = decode_stored(_YEAR_HEAD.decode, stored.head)
    if head.plan.aims:
        raise InvalidData(_("plan: tanımın başında amaç var; amaçlar ayrı parçalarda olur"))
    departments = [decode_stored(_DEPARTMENT.decode, r.data, f"departments[{r.position}]") for r in stored.departments]
    aims = [decode_stored(_AIM.decode, r.data, f"plan.aims[{r.position}]") for r in stored.aims]
    whole = department is None
    sure: set[str] = set()
    if department is not None:
        sure = {department} | {d.key for d in departments if d.role == "institution"}
    try:
        plan_skeleton = PlanDef(name=head.plan.name, period=head.plan.period, aims=aims)
    except ValueError as exc:
        raise InvalidData(str(exc)) from None
    fields = {
        "id": head.id,
        "version": head.version,
        "institution": head.institution,
        "year": head.year,
        "departments": departments,
        "plan": rebuild(plan_skeleton, stored.plan, whole, sure),  # each carried slice checked
    }
    forms = stored.forms
    parts = FormParts(
        [r.department for r in forms],
        [r.digest for r in forms],
        [r.slots for r in forms],
        [r.data for r in forms],
        whole=whole,
        positions=[r.position for r in forms],
        leaves=stored.leaves,
        sure=sure,
    )
    parts.places = {("department", i): r.position for i, r in enumerate(stored.departments)} | {
        ("aim", i): r.position for i, r in enumerate(stored.aims)
    }
    # ``stored`` is not kept: its rows hold every form's JSON, which the forms drop once decoded
    # (a year of 680 departments: 7 MiB kept for nothing while its report is built); asked for
    # (writing a file, distributing), it is made again from the parts, the same bytes
    return _of_parts(fields, parts, department)


def _of_parts(fields: dict, parts: FormParts, department: str | None) -> Definition:
    try:
        definition = Definition(**fields, forms=cast(list[FormDef], parts))
    except InvalidData:
        raise
    except ValueError as exc:  # a rule of __post_init__, worded in Turkish
        raise InvalidData(str(exc)) from None
    if department is None:
        list(parts)
        return definition
    definition.form(department)
    if definition.institution_department is not None:
        definition.form(definition.institution_department.key)
    return definition


_DEFINITION = msgspec.json.Decoder(Definition)
_HEAD = msgspec.json.Decoder(DefinitionHead)
_YEAR_HEAD = msgspec.json.Decoder(YearHead)
_DEPARTMENT = msgspec.json.Decoder(DepartmentDef)
_AIM = msgspec.json.Decoder(AimDef)
