"""Roles: the parts of a definition the application finds by a declared role, never by a key.

A municipality names its departments and sections as it likes; the application
finds the few parts it treats specially by what the definition declares:

- the institution unit: the department with ``role: institution``; its form holds
  the institution-level chapters and it is never a department file. A definition
  folder declares exactly one (a definition built in code may have none).
- the finance unit (Mali Hizmetler): the department with ``finance: true``; the
  finance declaration of the consolidated report names it. At most one, and not
  the institution unit. Without one the report leaves that declaration out and
  the year's check says so (``findings``).
- the foreword (Sunuş): the section with ``foreword: true``, printed before the
  table of contents. At most one, in the institution unit's form.
- the year settings: the section with ``chapter: ayarlar`` (tolerance, signers),
  never printed. At most one, in the institution unit's form; its field keys are
  the application's own words (``settings.py`` checks them at load).

``problems`` is the one rule set: the loader reports each with its file and line,
``Definition`` refuses a stored definition that breaks one.
"""

from __future__ import annotations

from collections.abc import Sequence

from .findings import Finding
from .forms import FormDef
from .i18n import _
from .institution import DepartmentDef

SETTINGS_CHAPTER = "ayarlar"  # SectionDef.chapter of the year-settings section (never printed)

Place = tuple  # ("departments", 3, "finance") or ("forms", 0, "sections", 2, "foreword")


def problems(departments: Sequence[DepartmentDef], forms: Sequence[FormDef], *, complete: bool) -> list[tuple[Place, str]]:
    """(place, Turkish message) for every broken role rule; ``complete``: a definition folder,
    which must also declare its institution unit."""
    institution = next((d.key for d in departments if d.role == "institution"), None)
    return department_problems(departments, complete=complete) + form_problems(forms, institution)


def department_problems(departments: Sequence[DepartmentDef], *, complete: bool) -> list[tuple[Place, str]]:
    """The rules of the departments' roles: one institution unit (``complete``: declared), one finance unit."""
    out: list[tuple[Place, str]] = []
    institution = [(i, d) for i, d in enumerate(departments) if d.role == "institution"]
    if complete and not institution:
        out.append(
            (
                ("departments",),
                _(
                    "kurum birimi tanımlanmamış: kurum düzeyindeki bölümleri (sunuş, misyon, IV, V…) dolduracak birime 'role: institution' yazın (ör. Strateji Geliştirme)"
                ),
            )
        )
    for i, _d in institution[1:]:
        out.append(
            (
                ("departments", i, "role"),
                _("kurum birimi bir tane olmalı: '{key}' zaten 'role: institution'; bu birimden kaldırın").format(
                    key=institution[0][1].key
                ),
            )
        )
    first_finance = None
    for i, d in enumerate(departments):
        if not d.finance:
            continue
        if d.role == "institution":
            out.append(
                (
                    ("departments", i, "finance"),
                    _("kurum birimi mali hizmetler birimi olamaz; 'finance: true' satırını mali hizmetler müdürlüğüne taşıyın"),
                )
            )
        elif first_finance is not None:
            out.append(
                (
                    ("departments", i, "finance"),
                    _(
                        "mali hizmetler birimi bir tane olmalı: '{first_finance}' zaten 'finance: true'; bu birimden kaldırın"
                    ).format(first_finance=first_finance),
                )
            )
        else:
            first_finance = d.key
    return out


def form_problems(forms: Sequence[FormDef], inst_key: str | None) -> list[tuple[Place, str]]:
    """The rules of the sections only the institution unit's form may hold (foreword, year settings),
    each once; ``inst_key``: the institution unit's key (None: none declared). Checked per form as a
    stored form is decoded: it does not look at the year's departments (a year of a thousand)."""
    out: list[tuple[Place, str]] = []
    owner = _("kurum biriminin ('{key}')").format(key=inst_key) if inst_key else _("kurum biriminin (role: institution)")
    seen: dict[str, str] = {}
    for f, form in enumerate(forms):
        for s, section in enumerate(form.sections):
            marks = [("foreword", _("sunuş bölümü ('foreword: true')"))] if section.foreword else []
            if section.chapter == SETTINGS_CHAPTER:
                marks.append(
                    (
                        "chapter",
                        _("yıl ayarları bölümü ('chapter: {settings_chapter}')").format(settings_chapter=SETTINGS_CHAPTER),
                    )
                )
            for field, what in marks:
                place = ("forms", f, "sections", s, field)
                if form.department != inst_key:
                    out.append(
                        (place, _("{what} yalnız {owner} formunda olabilir; bu bölümden kaldırın").format(what=what, owner=owner))
                    )
                elif field in seen:
                    out.append(
                        (
                            place,
                            _("{what} bir tane olmalı: '{seen}' bölümü zaten öyle; bu bölümden kaldırın").format(
                                what=what, seen=seen[field]
                            ),
                        )
                    )
                else:
                    seen[field] = section.key
            if len(marks) == 2:
                out.append(
                    (
                        ("forms", f, "sections", s, "foreword"),
                        _("yıl ayarları bölümü sunuş olarak basılamaz; sunuş için ayrı bir bölüm tanımlayın"),
                    )
                )
    return out


def findings(departments: Sequence[DepartmentDef], department: str | None) -> list[Finding]:
    """The year's (``department`` None) warning when no finance unit is declared."""
    if department is not None or any(d.finance for d in departments):
        return []
    return [
        Finding(
            "warning",
            "",
            _(
                "Tanımda mali hizmetler birimi belirtilmemiş; raporun eklerinde Mali Hizmetler Birim Yöneticisinin Beyanı yer almayacak. Tanımın tanim.yaml dosyasında mali hizmetler müdürlüğüne 'finance: true' yazıp birleşik dosyayı yeniden oluşturun."
            ),
            "mali_birim",
            "",
        )
    ]
