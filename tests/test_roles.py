"""Roles, not keys: the institution unit, the finance unit, the foreword and the year settings
are found by what a definition declares (core/roles.py), checked at load with file:line."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path

import pytest
from report_support import pdf_pages
from roles_support import FOREWORD, OTHER_VALUES, other_definition_data, write_folder

from desktop import resources
from desktop.core import loader, settings
from desktop.core.definition import Definition
from desktop.core.forms import FieldDef, InvalidData, TableDef
from desktop.core.loader import DefinitionError, load_definition
from desktop.report import build_report
from desktop.store.file.workbook import Workbook

FINANCE_TITLE = "MALİ HİZMETLER BİRİM YÖNETİCİSİNİN BEYANI"


def own_keys(d: Definition) -> set[str]:
    """Every key and code a definition names itself (the year-settings section's are the application's)."""
    out = {d.id, d.institution.key} | {x.key for x in d.departments}
    for form in d.forms:
        for section in form.sections:
            out.add(section.key)
            if section is d.settings_section:
                continue
            for item in section.items:
                out.add(item.key)
                if isinstance(item, TableDef):
                    out |= {r.key for r in item.row_defs} | {c.key for c in item.columns}
        out |= {r.key for r in form.rules}
    for aim in d.plan.aims:
        out.add(aim.code)
        for goal in aim.goals:
            out.add(goal.code)
            for t in goal.targets:
                out |= {t.key} | {i.key for i in t.indicators} | {i.code for i in t.indicators}
                out |= {a.key for a in t.activities} | {a.code for a in t.activities}
    return out


def build(definition: Definition, folder: Path, values: dict) -> list[str]:
    path = folder / "birlesik.faaliyet"
    with Workbook.create(path, definition, None) as wb:
        wb.apply(values)
        wb.set_indicator("onarilan_yol", actual=38, source="Yol bakım defteri")
    out = folder / "rapor.pdf"
    with Workbook.open(path, readonly=True) as wb:
        build_report(wb, out)
    return pdf_pages(out)


@pytest.fixture(scope="module")
def other(tmp_path_factory):
    folder = tmp_path_factory.mktemp("yesilova")
    definition = load_definition(write_folder(folder / "yesilova-2026", other_definition_data()))
    return definition, build(definition, folder, OTHER_VALUES)


def test_the_kars_sample_declares_its_roles(definition):
    assert definition.institution_department is not None
    assert definition.finance_department is not None and definition.finance_department.role == "department"
    assert definition.foreword_section is not None and definition.foreword_section.foreword
    assert definition.settings_section is not None


def test_the_other_municipality_shares_no_key_with_kars(definition, other):
    d, _ = other
    assert own_keys(d) and not own_keys(d) & own_keys(definition)
    assert (d.year.year, d.year.deviation_tolerance, d.year.percent_style) != (
        definition.year.year,
        definition.year.deviation_tolerance,
        definition.year.percent_style,
    )


def test_its_finance_declaration_names_its_finance_unit(other):
    d, pages = other
    page = next(p for p in pages if FINANCE_TITLE in p and ". . ." not in p)
    assert "(Yeşilova Belediyesi Hesap İşleri Müdürlüğü" in page
    assert "Can ÖZER" in page  # entered in its own year-settings section, over the definition's signer
    assert "2026 Yılı Faaliyet Raporunun" in page


def test_its_foreword_is_printed_before_the_contents_under_its_own_title(other):
    _, pages = other
    toc = next(i for i, p in enumerate(pages) if "\nİçindekiler\n" in p)
    foreword = next(i for i, p in enumerate(pages) if FOREWORD in p)
    assert foreword < toc
    assert "Başkanın Mesajı" in pages[foreword] and "Deniz KAYA" in pages[foreword]
    assert "Başkanın Mesajı" in pages[toc]
    assert sum(p.count(FOREWORD) for p in pages) == 1  # not printed again in its chapter (I.A)


def test_no_kars_name_or_year_reaches_its_pdf(other):
    _, pages = other
    text = "\n".join(pages)
    assert "Yeşilova Belediyesi" in text and "2026" in text
    for word in ("Kars", "KARS", "2020", "Strateji Geliştirme", "Mali Hizmetler Müdürlüğü"):
        assert word not in text, word


def test_the_report_reads_no_definition_folder(other, tmp_path, monkeypatch):
    """Once a file exists, its report comes from the file: not the app's forms/, nor a definition folder."""
    d, pages = other

    def refuse(*_a, **_k):
        raise AssertionError("the report read a definition folder")

    for name in ("forms", "definitions", "default_definition", "sample"):
        monkeypatch.setattr(resources, name, refuse)
    monkeypatch.setattr(loader, "load_definition", refuse)
    assert build(d, tmp_path, OTHER_VALUES) == pages


def test_without_a_finance_unit_the_declaration_is_left_out_and_the_check_says_so(tmp_path):
    data = other_definition_data()
    data["departments"][1]["finance"] = False
    d = Definition.from_data(data)
    pages = build(d, tmp_path, OTHER_VALUES)
    text = "\n".join(pages)
    assert FINANCE_TITLE not in text
    assert "İÇ KONTROL GÜVENCE BEYANI" in text  # the top executive's declaration stays
    with Workbook.open(tmp_path / "birlesik.faaliyet", readonly=True) as wb:
        warned = [f for f in wb.findings() if f.rule == "mali_birim"]
        assert len(warned) == 1 and not warned[0].is_error and "finance: true" in warned[0].message
        assert not [f for f in wb.findings(department="yollar") if f.rule == "mali_birim"]
    with Workbook.create(tmp_path / "yollar.faaliyet", d, "yollar") as wb:
        assert not [f for f in wb.findings() if f.rule == "mali_birim"]


def test_settings_are_read_only_from_the_settings_section():
    data = other_definition_data()
    d = Definition.from_data(data)
    assert settings.year_settings(d, {"kurum_genel.sapma_toleransi": Decimal(0)}.get).deviation_tolerance == 0
    assert settings.is_settings_key(d, "kurum_genel.mali_yonetici_adi")
    del data["forms"][0]["sections"][2]  # no settings section: a field of that name elsewhere overrides nothing
    data["forms"][0]["sections"][1]["items"].append(
        {"kind": "field", "key": "sapma_toleransi", "label": "Bir sayı", "type": "percent"}
    )
    d = Definition.from_data(data)
    assert settings.year_settings(d, {"kurum_genel.sapma_toleransi": Decimal(0)}.get) == d.year
    assert not settings.is_settings_key(d, "kurum_genel.sapma_toleransi")
    assert settings.definition_values(d) == {}


# --- checked at load, with file:line ----------------------------------------------------


def _set(path: tuple, value):
    def change(data):
        node = data
        for part in path[:-1]:
            node = node[part]
        node[path[-1]] = value

    return change


def _add_settings_item(item: dict):
    def change(data):
        data["forms"][0]["sections"][2]["items"].append(item)

    return change


DEPT_FORM = ("forms", 1, "sections", 0)
CASES = [
    # (change, file, place, words of the message)
    (_set(("departments", 2, "role"), "department"), "tanim.yaml", "departments", "kurum birimi tanımlanmamış"),
    (
        _set(("departments", 0, "role"), "institution"),
        "tanim.yaml",
        "departments[2].role",
        "kurum birimi bir tane olmalı: 'yollar'",
    ),
    (
        _set(("departments", 2, "finance"), True),
        "tanim.yaml",
        "departments[2].finance",
        "kurum birimi mali hizmetler birimi olamaz",
    ),
    (
        _set(("departments", 0, "finance"), True),
        "tanim.yaml",
        "departments[1].finance",
        "mali hizmetler birimi bir tane olmalı: 'yollar'",
    ),
    (
        _set(DEPT_FORM + ("foreword",), True),
        "birimler/yollar.yaml",
        "sections[0].foreword",
        "yalnız kurum biriminin ('kurum_genel')",
    ),
    (
        _set(("forms", 0, "sections", 1, "foreword"), True),
        "birimler/kurum_genel.yaml",
        "sections[1].foreword",
        "bir tane olmalı: 'baskanin_mesaji'",
    ),
    (
        _set(DEPT_FORM + ("chapter",), "ayarlar"),
        "birimler/yollar.yaml",
        "sections[0].chapter",
        "yıl ayarları bölümü ('chapter: ayarlar') yalnız",
    ),
    (
        _set(("forms", 0, "sections", 2, "foreword"), True),
        "birimler/kurum_genel.yaml",
        "sections[2].foreword",
        "yıl ayarları bölümü sunuş olarak basılamaz",
    ),
    (
        _add_settings_item({"kind": "field", "key": "tolerans", "label": "T", "type": "percent"}),
        "birimler/kurum_genel.yaml",
        "sections[2].items[3].key",
        "'tolerans' diye bir ayar yok",
    ),
    (
        _set(("forms", 0, "sections", 2, "items", 0, "type"), "text"),
        "birimler/kurum_genel.yaml",
        "sections[2].items[0].type",
        "türü percent ya da decimal olmalı",
    ),
    (
        _add_settings_item(
            {
                "kind": "table",
                "key": "harcama_yetkilileri",
                "title": "H",
                "rows": [{"key": "imar", "label": "İ"}],
                "columns": [{"key": "adi", "label": "A", "type": "text"}],
            }
        ),
        "birimler/kurum_genel.yaml",
        "sections[2].items[3].rows[0].key",
        "'imar' tanımlı bir birim değil",
    ),
    # a setting's key on an item of another kind: not the setting
    (
        _add_settings_item({"kind": "photos", "key": "harcama_yetkilileri", "title": "H"}),
        "birimler/kurum_genel.yaml",
        "sections[2].items[3].key",
        "'harcama_yetkilileri' diye bir ayar yok",
    ),
]


@pytest.mark.parametrize("change,file,place,words", CASES, ids=[c[3][:40] for c in CASES])
def test_a_broken_role_is_refused_at_load_with_file_and_line(tmp_path, change, file, place, words):
    data = other_definition_data()
    change(data)
    folder = write_folder(tmp_path / "yesilova-2026", data)
    with pytest.raises(DefinitionError) as err:
        load_definition(folder)
    found = [p for p in err.value.problems if p.file == f"yesilova-2026/{file}" and p.place == place and words in p.message]
    assert found, "\n".join(str(p) for p in err.value.problems)
    problem = found[0]
    assert problem.line is not None
    line = (folder / file).read_text(encoding="utf-8").splitlines()[problem.line - 1]
    assert f'"{place.rpartition(".")[2].split("[")[0]}"' in line, line  # the line that declares it
    assert re.search(r"[çğıöşüÇĞİÖŞÜ]", problem.message)  # Turkish


def test_the_other_definition_loads_as_written(other):
    d, _ = other
    assert d.finance_department.key == "hesap_isleri"
    assert d.foreword_section.key == "baskanin_mesaji"
    assert all(isinstance(i, FieldDef) for i in d.settings_section.items)


def test_a_stored_definition_that_breaks_a_role_is_refused():
    data = other_definition_data()
    data["departments"][0]["finance"] = True
    with pytest.raises(InvalidData, match="mali hizmetler birimi bir tane olmalı"):
        Definition.from_json(json.dumps(data, ensure_ascii=False))
    data = other_definition_data()
    data["forms"][1]["sections"][0]["foreword"] = True
    with pytest.raises(InvalidData, match="sunuş bölümü"):
        Definition.from_json(json.dumps(data, ensure_ascii=False))


def test_a_stored_form_is_checked_without_scanning_the_years_departments(definition, monkeypatch):
    """Decoding a stored form checks its own role rules (``roles.form_problems``), not the departments'
    (checked once with the head): a year of a thousand forms would scan its departments a thousand times."""
    from desktop.core import roles

    stored_parts = definition.stored
    calls = {"departments": 0, "forms": 0}
    department_problems, form_problems = roles.department_problems, roles.form_problems

    def counted(name, fn):
        def wrapped(*args, **kwargs):
            calls[name] += 1
            return fn(*args, **kwargs)

        return wrapped

    monkeypatch.setattr(roles, "department_problems", counted("departments", department_problems))
    monkeypatch.setattr(roles, "form_problems", counted("forms", form_problems))
    stored = Definition.from_stored(stored_parts)
    assert len(stored.forms) == len(definition.forms) > 2
    assert calls == {"departments": 1, "forms": len(definition.forms) + 1}


def test_a_stored_form_with_a_foreword_outside_the_institution_unit_is_refused(definition):
    from desktop.core import limits
    from desktop.core.form_parts import part_json
    from desktop.core.sha import sha256_hex

    stored = definition.stored
    institution = definition.institution_department
    assert institution is not None
    position, form = next((i, f) for i, f in enumerate(definition.forms) if f.department != institution.key)
    broken = form.replace(sections=[form.sections[0].replace(foreword=True), *form.sections[1:]])
    data = part_json(broken)
    rows = list(stored.forms)
    rows[position] = rows[position]._replace(digest=sha256_hex(data), slots=limits.form_slots(broken), data=data)
    with pytest.raises(InvalidData, match="sunuş"):
        Definition.from_stored(stored._replace(forms=rows))
