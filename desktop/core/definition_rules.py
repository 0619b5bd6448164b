"""The rules a year's definition keeps, whoever builds it (a definition folder, a stored file).

Checked when a ``Definition`` is made (``check_definition``) and, of a stored definition, on each
form as it is decoded (``check_form``): the total value count, unique department keys, every
form, table row and plan item belonging to a known department, one form a department, each
indicator's ``target`` agreeing with its ``targets`` of the year, the roles (``roles.py``) and,
where every department is, who reports to whom (``organisation.py``). A broken rule raises
ValueError worded in Turkish (the stored form turns it into InvalidData; the loader reports the
same rules first, with their file and line).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from . import limits, organisation, roles
from .form_parts import FormParts
from .forms import FormDef, forms_row_departments
from .i18n import _
from .institution import DepartmentDef
from .plan import IndicatorDef

if TYPE_CHECKING:
    from .definition import Definition


def check_definition(definition: Definition, parts: FormParts | None, known: Mapping[str, DepartmentDef]) -> None:
    """Raise ValueError (Turkish) at the first rule ``definition`` breaks. ``parts``: its stored
    forms (each checked as it is decoded: ``check_form``), None: its forms are all here and
    checked now; ``known``: its departments by key."""
    forms: list[FormDef] = [] if parts is not None else list(definition.forms)
    slot_count = parts.slot_count if parts is not None else sum(limits.form_slots(f) for f in forms)
    limits.at_most(slot_count, limits.MAX_SLOTS, _("tanımdaki toplam değer sayısı"))
    dept_keys = [d.key for d in definition.departments]
    if len(set(dept_keys)) != len(dept_keys):
        raise ValueError(_("aynı birim anahtarı birden fazla kez tanımlanmış"))
    form_depts = parts.departments if parts is not None else [f.department for f in forms]
    for department in form_depts:
        if department not in known:
            raise ValueError(_("'{department}' formu bilinmeyen bir birime ait").format(department=department))
    if len(set(form_depts)) != len(form_depts):
        raise ValueError(_("bir birimin birden fazla formu var"))
    for f in forms:
        check_rows(known, f)
    for x in list(definition.plan.indicators()) + list(definition.plan.activities()):
        if x.department not in known:
            raise ValueError(_("'{key}' bilinmeyen '{department}' birimine atanmış").format(key=x.key, department=x.department))
    for i in definition.plan.indicators():
        if i.targets is not None and i.target != i.target_of(definition.year.year):
            raise ValueError(target_conflict(i, definition.year.year))
    for _place, message in roles.problems(definition.departments, forms, complete=False)[:1]:
        raise ValueError(message)
    if parts is not None and not parts.whole:
        return  # a department file's: who reports to whom is judged where every department is
    problem = organisation.reporting_problem(definition.departments)
    if problem:
        raise ValueError(problem)


def check_rows(departments: Mapping[str, DepartmentDef], form: FormDef) -> None:
    """Every row of ``form`` belongs to a department of the year (``departments``: by key)."""
    for unknown in forms_row_departments(form) - departments.keys():
        raise ValueError(
            _("'{form}' formunda bir satır bilinmeyen '{dept}' birimine ait (department)").format(
                form=form.department, dept=unknown
            )
        )


def check_form(departments: Mapping[str, DepartmentDef], institution: str | None, form: FormDef) -> None:
    """The definition's rules about one form (its department's own are checked by ``FormParts``);
    ``institution``: the institution unit's key, or None."""
    check_rows(departments, form)
    for _place, message in roles.form_problems([form], institution)[:1]:
        raise ValueError(message)


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
