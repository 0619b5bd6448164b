"""A definition is untrusted input: its size is bounded (desktop/core/limits.py), from its folder and from a file."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bench.attacks_definition import add_rule, add_section, definition_data, forge, own_form, table
from desktop import resources
from desktop.core import limits
from desktop.core.definition import Definition
from desktop.core.forms import InvalidData
from desktop.core.loader import DefinitionError, load_definition
from desktop.store.errors import DamagedWorkbook
from desktop.store.file.workbook import Workbook


def _json(data: dict) -> str:
    import msgspec

    return msgspec.json.encode(data, order="sorted").decode("utf-8")


def _refused(data: dict) -> str:
    with pytest.raises(InvalidData) as info:
        Definition.from_json(_json(data))
    return str(info.value)


def test_the_sample_is_far_below_every_limit(definition):
    from desktop.core.forms import TableDef

    tables = [i for f in definition.forms for s in f.sections for i in s.items if isinstance(i, TableDef)]
    assert max(limits.table_cells(t) for t in tables) * 10 < limits.MAX_TABLE_CELLS
    assert max(len(t.row_defs) for t in tables) * 10 < limits.MAX_ROWS
    assert max(len(t.columns) for t in tables) * 2 < limits.MAX_COLUMNS
    assert len(definition.slots) * 100 < limits.MAX_SLOTS
    assert max(limits.form_slots(f) for f in definition.forms) * 100 < limits.MAX_DEPARTMENT_SLOTS
    assert len(definition.canonical_json().encode()) * 10 < limits.MAX_JSON_BYTES
    # the count without building the slots is the count of the slots
    assert sum(limits.form_slots(f) for f in definition.forms) == len(definition.slots)


@pytest.mark.parametrize(
    "rows,columns,expected",
    [
        (2000, 10, "rows: çok uzun: en çok 1.000 öğe olabilir"),
        (10, 2000, "columns: çok uzun: en çok 60 öğe olabilir"),
        (999, 60, "'dev' tablosunun hücre sayısı 59.940; en çok 20.000 olabilir"),
    ],
)
def test_a_stored_table_over_the_limits_is_refused_naming_the_limit(definition, rows, columns, expected):
    data = definition_data(definition)
    add_section(data, [table("dev", rows, columns)])
    assert expected in _refused(data)


def test_total_values_of_a_department_and_of_the_definition_are_bounded(definition):
    data = definition_data(definition)
    add_section(data, [table(f"t{i}", 999, 20) for i in range(3)])
    message = _refused(data)
    assert "'itfaiye' formunun değer sayısı" in message and "en çok 50.000 olabilir" in message
    data = definition_data(definition)
    for form in data["forms"][:11]:
        add_section(data, [table("t", 999, 20)], form)
    assert "tanımdaki toplam değer sayısı" in _refused(data)


@pytest.mark.parametrize(
    "edit,expected",
    [
        (lambda d: own_form(d)["sections"][0].update(title="x" * 1001), "çok uzun: en çok 1.000 karakter"),
        (lambda d: own_form(d)["sections"][0].update(intro="x" * 10_001), "çok uzun: en çok 10.000 karakter"),
        (
            lambda d: d["departments"].extend({"key": f"b{i}", "name": "B"} for i in range(limits.MAX_DEPARTMENTS)),
            "departments: çok uzun",
        ),
        (
            lambda d: own_form(d)["sections"].extend(
                {"key": f"s{i}", "title": "S", "items": [{"kind": "field", "key": f"f{i}", "label": "F", "type": "count"}]}
                for i in range(100)
            ),
            "sections: çok uzun",
        ),
        (
            lambda d: d["plan"]["aims"][0]["goals"][0]["targets"][0]["indicators"][0].update(target="Infinity"),
            "geçerli bir sayı değil",
        ),
        (lambda d: d["year"].update(deviation_tolerance="NaN"), "geçerli bir sayı değil"),
    ],
)
def test_texts_lists_and_numbers_are_bounded(definition, edit, expected):
    data = definition_data(definition)
    edit(data)
    assert expected in _refused(data)


def test_an_oversized_json_is_refused_before_decoding(definition):
    text = definition.canonical_json()
    big = text[:-1] + ',"x":"' + "a" * limits.MAX_JSON_BYTES + '"}'
    with pytest.raises(InvalidData, match="form tanımı çok büyük"):
        Definition.from_json(big)


@pytest.mark.parametrize(
    "check",
    [
        "__import__('os')",
        "-" * 1990 + "1",
        "(" * 900 + "1" + ")" * 900,
        "+".join(["1"] * 900),
        "1e999 - 1e999",
        "round(1, 999999999)",
        "round(1, itfaiye.x)",
        "x" * 2001,
    ],
)
def test_a_stored_rule_is_checked_again_on_read(definition, check):
    data = definition_data(definition)
    add_rule(data, check)
    message = _refused(data)
    assert "formül" in message or "çok uzun" in message
    assert "rules[" in message  # the place


def test_a_file_over_a_limit_is_refused_with_the_limit_and_left_as_it_was(definition, tmp_path):
    data = definition_data(definition)
    add_section(data, [table("dev", 2000, 2000)])
    path = forge(definition, tmp_path, data)
    before = path.read_bytes()
    with pytest.raises(DamagedWorkbook) as info:
        Workbook.open(path)
    assert "form tanımı okunamadı" in str(info.value) and "en çok" in str(info.value)
    assert path.read_bytes() == before


# --- the same limits when loading a definition folder ----------------------------


@pytest.fixture
def folder(tmp_path):
    dst = tmp_path / "kars-2020"
    shutil.copytree(resources.default_definition(), dst)
    return dst


def _problems(folder: Path) -> str:
    with pytest.raises(DefinitionError) as info:
        load_definition(folder)
    return str(info.value)


def test_the_loader_names_file_line_and_limit(folder):
    form = folder / "birimler" / "itfaiye.yaml"
    text = form.read_text(encoding="utf-8")
    columns = "".join(f"      - {{key: c{i}, label: C{i}}}\n" for i in range(61))
    extra = f"  - key: dev\n    title: Dev\n    items:\n    - kind: table\n      key: dev\n      title: Dev\n      rows: months\n      columns:\n{columns}"
    form.write_text(text.replace("sections:\n", "sections:\n" + extra, 1), encoding="utf-8")
    lines = [line for line in _problems(folder).splitlines() if "itfaiye.yaml" in line]
    assert any("columns: çok uzun: en çok 60 öğe olabilir" in line for line in lines), lines
    assert all(line.split(":")[1].strip().isdigit() for line in lines), "every problem has its line"


def test_the_loader_refuses_a_rule_too_deep(folder):
    form = folder / "birimler" / "itfaiye.yaml"
    text = form.read_text(encoding="utf-8")
    assert "rules:\n" in text
    form.write_text(
        text.replace("rules:\n", "rules:\n  - key: derin\n    check: " + "+".join(["1"] * 200) + " > 0\n    message: x\n", 1),
        encoding="utf-8",
    )
    assert "formül çok karmaşık" in _problems(folder)


@pytest.mark.parametrize(
    "edit,expected",
    [
        (lambda d: own_form(d)["sections"][0].update(key="Büyük"), "sections[0].key: geçerli bir anahtar değil"),
        (lambda d: own_form(d)["sections"][0].update(chapter="X"), "chapter: şunlardan biri olmalı: I.A"),
        (lambda d: own_form(d)["sections"][0].update(bilinmeyen=1), "bilinmeyen: bilinmeyen alan"),
        (lambda d: d["year"].update(year="2020"), "year.year: tam sayı olmalı"),
    ],
)
def test_any_problem_of_a_stored_definition_is_worded_in_turkish_with_its_place(definition, edit, expected):
    data = definition_data(definition)
    edit(data)
    message = _refused(data)
    assert expected in message and "Expected" not in message and "None" not in message
