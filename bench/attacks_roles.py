"""Attacks through the roles of a file's stored definition (issue #13, item 4).

A file from another PC can carry a definition whose roles break the rules the
loader enforces (core/roles.py): two finance units, a second institution unit,
a foreword or a year-settings section in a department's form. Each reader must
refuse it with a clear Turkish message and leave every file as it was. A stored
definition that declares no role at all (no institution unit, no finance unit,
no foreword, no year settings) is not an attack on anything: every reader must still work, and
the report must simply leave those parts out.
"""

from __future__ import annotations

from pathlib import Path

from bench.attacks import Attack, clear_message, cli
from bench.attacks_definition import definition_attack, definition_data, forge, own_form
from desktop.core.definition import Definition


def _second_finance_unit(data: dict) -> None:
    depts = [d for d in data["departments"] if d["role"] == "department"]
    for d in depts[:2]:
        d["finance"] = True


def _second_institution_unit(data: dict) -> None:
    next(d for d in data["departments"] if d["role"] == "department")["role"] = "institution"


def _finance_institution(data: dict) -> None:
    for d in data["departments"]:
        d["finance"] = d["role"] == "institution"


def _foreword_in_department_form(data: dict) -> None:
    own_form(data)["sections"][0]["foreword"] = True


def _settings_in_department_form(data: dict) -> None:
    own_form(data)["sections"][0]["chapter"] = "ayarlar"


def _no_roles(data: dict) -> None:
    for d in data["departments"]:
        d["role"], d["finance"] = "department", False
    for form in data["forms"]:
        for s in form["sections"]:
            s["foreword"] = False
            if s["chapter"] == "ayarlar":  # only the institution unit's form may have one
                s["chapter"] = "I.D"


def no_roles_still_work(definition: Definition, work: Path) -> list[str]:
    """A stored definition without any role: check, export and build work as for any definition."""
    data = definition_data(definition)
    _no_roles(data)
    path = forge(definition, work, data)
    problems = []
    for argv in (["check", str(path)], ["values", "export", str(path)]):
        code, out, err = cli(*argv)
        if code not in (0, 1) or (err and clear_message(err)):
            problems.append(f"{argv[0]}: exit {code} {(err or out)[-200:]!r}")
    out_pdf = work / "rapor.pdf"
    code, out, err = cli("build", path, "--out", out_pdf)
    if code != 0 or not out_pdf.exists():
        problems.append(f"build: exit {code} {(err or out)[-200:]!r}")
    return problems


ATTACKS: list[Attack] = [
    # rules between departments: judged where every department is (a department file holds only its own
    # and those its parts name), so the forged file is a consolidated one
    definition_attack("roles-two-finance-units", _second_finance_unit, "mali hizmetler birimi bir tane", consolidated=True),
    definition_attack("roles-two-institution-units", _second_institution_unit, "kurum birimi bir tane", consolidated=True),
    definition_attack("roles-finance-institution", _finance_institution, "mali hizmetler birimi olamaz"),
    definition_attack("roles-foreword-in-department-form", _foreword_in_department_form, "sunuş bölümü"),
    definition_attack("roles-settings-in-department-form", _settings_in_department_form, "yıl ayarları bölümü"),
    Attack("definition/roles-none-declared", "definition", no_roles_still_work),
]
