"""Form definitions: every folder in forms/ loads; bad files give clear, located errors."""

import shutil
from pathlib import Path

import pytest

from desktop import resources
from desktop.core.loader import DefinitionError, load_definition


@pytest.mark.parametrize("folder", resources.definitions(), ids=lambda p: p.name)
def test_every_definition_in_forms_loads(folder):
    d = load_definition(folder)
    assert d.departments and d.forms
    assert len(d.digest) == 64
    # every key is unique and every form belongs to a known department
    assert len(d.slots) == len(set(d.slots))


def test_feature_coverage_of_the_format(definition):
    """The shipped definition exercises every feature of the format."""
    types = {s.type for s in definition.slots.values()}
    assert {"count", "decimal", "money", "percent", "text", "longtext", "date"} <= types
    items = [i for f in definition.forms for s in f.sections for i in s.items]
    tables = [i for i in items if i.kind == "table"]
    assert any(t.rows == "months" for t in tables)
    assert any(t.rows == "bimonths" for t in tables)
    assert any(isinstance(t.rows, list) for t in tables)
    assert any(c.computed for t in tables for c in t.columns)
    assert any(t.total_row for t in tables)
    assert any(i.kind == "photos" for i in items)
    rules = [r for f in definition.forms for r in f.rules]
    assert {r.severity for r in rules} == {"error", "warning"}
    directions = {i.direction for i in definition.plan.indicators()}
    assert {"increase", "decrease"} <= directions
    assert definition.institution_department is not None
    assert definition.year.signers


def test_digest_is_stable_and_changes_with_content(definition):
    again = load_definition(resources.default_definition())
    assert again.digest == definition.digest


@pytest.fixture
def folder(tmp_path):
    dst = tmp_path / "kars-2020"
    shutil.copytree(resources.default_definition(), dst)
    return dst


def _problems(folder: Path) -> str:
    with pytest.raises(DefinitionError) as info:
        load_definition(folder)
    return str(info.value)


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_unknown_field_type_names_file_line_and_place(folder):
    form = folder / "birimler" / "imar.yaml"
    _edit(form, "type: count", "type: sayı")
    text = _problems(folder)
    assert "birimler/imar.yaml:" in text
    assert "type" in text and "şunlardan biri olmalı" in text


def test_yaml_syntax_error_is_located(folder):
    (folder / "plan.yaml").write_text("aims:\n  - code: SA1\n   name: [bozuk\n", encoding="utf-8")
    text = _problems(folder)
    assert "plan.yaml:" in text and "YAML" in text


def test_ambiguous_number_is_refused(folder):
    plan = folder / "plan.yaml"
    text = plan.read_text(encoding="utf-8")
    import re

    m = re.search(r"target: (\d+)", text)
    plan.write_text(text.replace(m.group(0), "target: 425.000", 1), encoding="utf-8")
    assert "425.000" in _problems(folder) and "belirsiz" in _problems(folder)


def test_unknown_department_in_plan(folder):
    plan = folder / "plan.yaml"
    text = plan.read_text(encoding="utf-8")
    plan.write_text(text.replace("department: imar", "department: yok_boyle", 1), encoding="utf-8")
    assert "yok_boyle" in _problems(folder)


def test_rule_naming_a_missing_value(folder):
    form = folder / "birimler" / "imar.yaml"
    form.write_text(
        form.read_text(encoding="utf-8")
        + "\nrules:\n  - key: bozuk\n    check: imar.ruhsat.toplam.adet == imar.olmayan.alan\n    message: x\n",
        encoding="utf-8",
    ) if "rules:" not in form.read_text(encoding="utf-8") else _edit(
        form, "rules:", "rules:\n  - key: bozuk\n    check: imar.ruhsat.toplam.adet == imar.olmayan.alan\n    message: x"
    )
    assert "imar.olmayan.alan" in _problems(folder)


def test_formula_with_unsafe_code_is_refused(folder):
    form = folder / "birimler" / "insan_kaynaklari.yaml"
    text = form.read_text(encoding="utf-8")
    import re

    m = re.search(r"computed: ([^}\n]+)", text)
    form.write_text(text.replace(m.group(0), "computed: __import__('os')", 1), encoding="utf-8")
    assert "izin verilmeyen" in _problems(folder)


def test_missing_file_and_bad_encoding(folder):
    (folder / "tanim.yaml").write_bytes("id: x\nname: \xff\xfe".encode("latin-1"))
    assert "UTF-8" in _problems(folder)
    (folder / "tanim.yaml").unlink()
    assert "tanim.yaml" in _problems(folder) and "bulunamadı" in _problems(folder)


def test_problems_of_several_files_are_all_reported(folder):
    _edit(folder / "birimler" / "imar.yaml", "type: count", "type: yanlis")
    (folder / "plan.yaml").write_text("aims: 5\n", encoding="utf-8")
    text = _problems(folder)
    assert "imar.yaml" in text and "plan.yaml" in text


def test_check_only_fields_are_marked_not_to_print(definition):
    """Declared control totals exist for the rules, not for the council's copy."""
    control = [i for f in definition.forms for s in f.sections for i in s.items if i.kind == "field" and "kontrol" in i.key]
    assert control and all(not i.print for i in control)


def test_every_problem_of_one_file_is_reported_with_its_line(folder):
    """msgspec stops at the first problem; the loader checks list elements one by one."""
    form = folder / "birimler" / "itfaiye.yaml"
    _edit(form, "key: anlatim", "key: Anlatım")
    _edit(form, 'label: "Trafik', 'etiket: "Trafik')
    _edit(form, "kind: table", "kind: tablo")
    text = _problems(folder)
    lines = [line for line in text.splitlines() if "itfaiye.yaml" in line]
    assert len(lines) == 3, text
    assert any("'Anlatım' geçerli bir anahtar değil" in line for line in lines)
    assert any("etiket: bilinmeyen alan" in line for line in lines)
    assert any("'kind' alanı field, table ya da photos olmalı" in line for line in lines)
    assert all(line.split(":")[1].strip().isdigit() for line in lines), "every problem has its line"


@pytest.mark.parametrize(
    "old,new,expected",
    [
        ("deviation_tolerance: 0", "deviation_tolerance: 150", "sapma toleransı 0 ile 100 arasında olmalı"),
        ("percent_style: prefix", "percent_style: [1]", "metin olmalı"),
    ],
)
def test_year_settings_problems_are_worded_in_turkish(folder, old, new, expected):
    _edit(folder / "tanim.yaml", old, new)
    assert expected in _problems(folder)


def test_snapshot_json_round_trips_to_the_same_digest(definition):
    from desktop.core.definition import Definition

    again = Definition.from_json(definition.canonical_json())
    assert again == definition and again.digest == definition.digest
    with pytest.raises(ValueError):
        Definition.from_json(definition.canonical_json().replace('"type":"count"', '"type":"sayi"', 1))


def test_an_empty_key_is_named_as_an_unknown_field(folder):
    """Found by the loader fuzzer: `'': x` in a form."""
    form = folder / "birimler" / "imar.yaml"
    form.write_text(form.read_text(encoding="utf-8") + "\n'': 5\n", encoding="utf-8")
    text = _problems(folder)
    assert "bilinmeyen alan" in text and "Object" not in text


def test_canonical_json_is_the_plain_json_of_the_data(definition):
    """Digests stored in files stay valid: the canonical text is what json.dumps writes."""
    import json

    plain = json.dumps(definition.to_data(), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    assert definition.canonical_json() == plain
