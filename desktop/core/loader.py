"""Load a year definition from a folder of YAML files.

Layout of a definition folder (see ``forms/README.md``)::

    forms/kars-2020/
        tanim.yaml          id, version, institution, year settings, departments
        plan.yaml           the strategic plan
        birimler/*.yaml     one form per department

Every problem is reported with the file, the line and the place in the data
(``aims[0].goals[1].code``) and a Turkish message; loading stops only after
every file has been read, so one run shows every problem.

The files are read by ``yaml_reader``, each part checked by ``part_validation``; this module
puts the parts together, checks what no single part can (the departments named across files,
the rules' names, the roles, the year's targets, the logo) and builds the ``Definition``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from . import limits
from .definition import Definition
from .definition_folder import file_inside, form_files
from .definition_problem import DefinitionError, Problem
from .forms import FormDef, InvalidData
from .i18n import _
from .institution import DepartmentDef, InstitutionDef, YearDef
from .part_validation import place_text, turkish_message, validate_part
from .plan import PlanDef
from .yaml_reader import line_of, plain, read_yaml


def load_definition(folder: Path | str) -> Definition:
    """Load and validate a definition folder, or raise DefinitionError."""
    folder = Path(folder)
    name = folder.name
    problems: list[Problem] = []

    head_label = f"{name}/tanim.yaml"
    head_raw, p = read_yaml(folder / "tanim.yaml", head_label)
    problems += p
    head = plain(head_raw) if head_raw is not None else None
    if head_raw is None and not p:  # an empty file: nothing below would report it
        problems.append(Problem(head_label, None, "", _("dosya boş; kurum, yıl ve birimler tanımlanmalı")))
    if head is not None and not isinstance(head, dict):
        problems.append(Problem(head_label, 1, "", _("anahtar: değer biçiminde olmalı")))
        head = None

    parts: dict[str, Any] = {}
    if head is not None and isinstance(head.get("institution"), dict) and "logo" in head["institution"]:
        logo, p = _embed_logo(folder, head["institution"]["logo"], head_raw, head_label)
        problems += p
        head["institution"] = {**head["institution"], "logo": logo}
    if head is not None:
        for field, model in (("institution", InstitutionDef), ("year", YearDef)):
            parts[field], p = validate_part(model, head.get(field), head_raw, head_label, (field,))
            if field not in head:
                p = [Problem(head_label, None, field, _("zorunlu bölüm eksik"))]
            problems += p
        depts = []
        for i, d in enumerate(head.get("departments") or []):
            dept, p = validate_part(DepartmentDef, d, head_raw, head_label, ("departments", i))
            problems += p
            depts.append(dept)
        if not head.get("departments"):
            problems.append(Problem(head_label, None, "departments", _("en az bir birim tanımlanmalı")))
        parts["departments"] = depts
        for field in ("id", "version"):
            if field in head:
                parts[field] = str(head[field])
        if "id" not in head:
            problems.append(Problem(head_label, None, "id", _("zorunlu alan eksik")))
        unknown = set(head) - {"id", "version", "institution", "year", "departments"}
        for k in sorted(unknown):
            problems.append(Problem(head_label, line_of(head_raw, (k,)), k, _("bilinmeyen alan (yazımı kontrol edin)")))

    plan_label = f"{name}/plan.yaml"
    plan = PlanDef()
    if (folder / "plan.yaml").exists():
        plan_raw, p = read_yaml(folder / "plan.yaml", plan_label)
        problems += p
        if plan_raw is not None:
            plan, p = validate_part(PlanDef, plain(plan_raw), plan_raw, plan_label)
            problems += p
    if plan is not None and isinstance(parts.get("year"), YearDef):
        plan, p = _year_targets(plan, parts["year"].year, plan_label)
        problems += p
    parts["plan"] = plan

    forms = []
    for path in form_files(folder):
        label = f"{name}/birimler/{path.name}"
        raw, p = read_yaml(path, label)
        problems += p
        if raw is None:
            continue
        form, p = validate_part(FormDef, plain(raw), raw, label)
        problems += p
        if form is not None:
            forms.append((label, form, raw))
    parts["forms"] = [f for _label, f, _raw in forms]

    if not problems:
        problems += _cross_check(parts, forms, (head_label, head_raw), plan_label)
    if problems:
        raise DefinitionError(problems)
    try:
        return Definition.from_data(parts)
    except InvalidData as exc:  # safety net: cross checks above should catch these
        loc, message = turkish_message(str(exc), Definition, parts)
        raise DefinitionError([Problem(name, None, place_text(loc), message)]) from None


def _year_targets(plan: PlanDef, year: int, label: str) -> tuple[PlanDef, list[Problem]]:
    """The plan with each indicator's ``target`` the one of ``year`` in its ``targets`` (when given):
    no entry for the year means no target; a plain ``target`` that disagrees is a problem."""
    from .definition_rules import target_conflict

    problems = [
        Problem(label, None, i.key, target_conflict(i, year))
        for i in plan.indicators()
        if i.targets is not None and i.target is not None and i.target != i.target_of(year)
    ]
    if problems:
        return plan, problems
    return plan.map_items(indicator=lambda i: i if i.targets is None else i.replace(target=i.target_of(year))), []


def _embed_logo(folder: Path, name: Any, raw: Any, label: str) -> tuple[dict | None, list[Problem]]:
    """The logo file named in tanim.yaml, checked and embedded (see EmbeddedImage), or a problem
    (only a file inside the definition folder: ``file_inside``)."""
    from .images import ImageProblem, embeddable  # Pillow: only when a logo is named
    from .institution import EmbeddedImage

    place = ("institution", "logo")

    def problem(message: str) -> tuple[None, list[Problem]]:
        return None, [Problem(label, line_of(raw, place), place_text(place), message)]

    if name is None:
        return None, []
    path = file_inside(folder, name)
    if isinstance(path, str):
        return problem(path)
    try:
        with path.open("rb") as f:
            data = f.read(limits.MAX_LOGO_BYTES + 1)
    except FileNotFoundError:
        return problem(_("'{name}' dosyası tanım klasöründe yok").format(name=name))
    except OSError as exc:
        return problem(_("'{name}' okunamadı ({strerror})").format(name=name, strerror=exc.strerror))
    try:
        image = embeddable(data, name)
    except ImageProblem as exc:
        return problem(str(exc))
    return EmbeddedImage.of(name, image.data, image.mime, image.width, image.height), []


def _cross_check(parts: dict, forms: list, head: tuple[str, Any], plan_label: str) -> list[Problem]:
    from . import expressions

    head_label = head[0]
    problems = _role_problems(parts, forms, head)
    known = {d.key for d in parts["departments"] if d is not None}
    seen = set()
    for d in parts["departments"]:
        if d.key in seen:
            problems.append(Problem(head_label, None, f"departments.{d.key}", _("aynı birim anahtarı iki kez tanımlanmış")))
        seen.add(d.key)
    plan: PlanDef = parts["plan"]
    for x in list(plan.indicators()) + list(plan.activities()):
        if x.department not in known:
            problems.append(
                Problem(
                    plan_label,
                    None,
                    x.key,
                    _("'{department}' tanımlı bir birim değil ({join})").format(
                        department=x.department, join=", ".join(sorted(known))
                    ),
                )
            )
    owners: dict[str, str] = {}
    for label, form, _raw in forms:
        if form.department not in known:
            problems.append(
                Problem(label, None, "department", _("'{department}' tanımlı bir birim değil").format(department=form.department))
            )
        if form.department in owners:
            problems.append(
                Problem(
                    label,
                    None,
                    "department",
                    _("bu birimin formu zaten {owners} dosyasında").format(owners=owners[form.department]),
                )
            )
        owners[form.department] = label
    # rules may only name keys that exist
    try:
        probe = Definition.from_data(parts)
    except InvalidData:
        return problems
    valid = set(probe.slots) | {f"{i.key}.actual" for i in plan.indicators()}
    for label, form, _raw in forms:
        for i, rule in enumerate(form.rules):
            try:
                names = expressions.names_in(rule.check)
            except expressions.ExpressionError as exc:
                problems.append(Problem(label, None, f"rules[{i}].check", str(exc)))
                continue
            for n in sorted(names - valid):
                problems.append(Problem(label, None, f"rules[{i}].check", _("'{n}' diye bir değer yok").format(n=n)))
    return problems


def _role_problems(parts: dict, forms: list, head: tuple[str, Any]) -> list[Problem]:
    """The roles' rules (roles.py) and the year-settings section's keys (settings.py), each
    with the file and line that declares it."""
    from . import roles, settings

    def at(place: tuple, message: str) -> Problem:
        if place[0] == "forms":
            label, _, raw = forms[place[1]]
            return Problem(label, line_of(raw, place[2:]), place_text(place[2:]), message)
        return Problem(head[0], line_of(head[1], place), place_text(place), message)

    out = [at(place, message) for place, message in roles.problems(parts["departments"], parts["forms"], complete=True)]
    units = {d.key for d in parts["departments"] if d.role == "department"}
    institution = {d.key for d in parts["departments"] if d.role == "institution"}
    for f, (_label, form, _raw) in enumerate(forms):
        for s, section in enumerate(form.sections):
            if section.chapter == roles.SETTINGS_CHAPTER and form.department in institution:
                out += [
                    at(("forms", f, "sections", s) + place, message)
                    for place, message in settings.section_problems(section, units)
                ]
    return out
