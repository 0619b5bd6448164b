"""The Kars 2020 configuration covers the reference report.

The reference text is parsed independently of the configuration
(``sample_reference.py``): every row of the Performans Sonuçları Tablosu
must be in ``plan.yaml`` with the printed target and weight, its printed
actual and explanation in the responsible department's value set, and every
table title of the reference must be mapped in ``forms/kars-2020/kapsam.yaml``.
"""

from __future__ import annotations

import json
import re
from decimal import Decimal

import pytest
import sample_reference as ref
from ruamel.yaml import YAML

from desktop import resources

SAMPLE = resources.sample("kars-2020")
FOLDER = resources.default_definition()


def _value_sets() -> dict[str, dict]:
    return {p.stem: json.loads(p.read_text(encoding="utf-8"), parse_float=Decimal) for p in SAMPLE.glob("*.json")}


@pytest.fixture(scope="module")
def rows():
    return ref.performance_rows()


@pytest.fixture(scope="module")
def value_sets():
    return _value_sets()


def _d(x) -> Decimal | None:
    return None if x is None else Decimal(str(x))


def test_reference_has_161_indicator_rows_with_89_codes_and_87_activity_rows(rows):
    indicators, activities = rows
    assert len(indicators) == 161
    assert len({i.norm for i in indicators}) == 89
    assert len(activities) == 87
    # 90 lines of the table carry an activity code: the other 3 are header rows
    # ("Hedef / Gerçekleşme") into which the extraction copied two stray codes.
    lines = ref.reference_lines()
    start, end = lines.index(ref.PERF_START), lines.index(ref.PERF_END)
    coded = [line for line in lines[start:end] if re.search(r"^[^\t]*\tF\.\d", line)]
    headers = [line for line in coded if "Hedef\tGerçekleşme" in line]
    assert len(coded) == 90 and len(headers) == 3


def test_every_indicator_row_is_in_the_plan_with_target_and_weight(definition, rows):
    indicators, _ = rows
    plan = definition.plan.indicators()
    assert len(plan) == len(indicators)
    for printed, ind in zip(indicators, plan):
        where = f"satır {printed.line} ({printed.code} {printed.name})"
        assert ind.code == printed.code, where
        assert ind.name == printed.name, where
        assert ind.unit == printed.unit, where
        assert ind.target == ref.number(printed.target), where
        assert ind.weight == ref.number(printed.weight), where
        assert ind.key.startswith("pg_" + printed.norm.replace(".", "_")), where
        goal = next(g for a in definition.plan.aims for g in a.goals for t in g.targets if ind in t.indicators)
        assert goal.code == "H" + printed.goal, where


def test_every_activity_row_is_in_the_plan_with_planned_cost(definition, rows):
    _, activities = rows
    plan = definition.plan.activities()
    assert len(plan) == len(activities)
    for printed, act in zip(activities, plan):
        where = f"satır {printed.line} ({printed.code})"
        assert act.code == printed.code, where
        assert act.name == printed.name, where
        assert act.planned_cost == ref.number(printed.planned), where
        assert act.key == f"f_{printed.goal.replace('.', '_')}_{printed.number}", where


def test_indicator_actuals_and_explanations_are_in_the_responsible_department(definition, rows, value_sets):
    indicators, _ = rows
    entered = {}
    for dept, data in value_sets.items():
        for e in data["indicators"]:
            assert definition.plan and next(i for i in definition.plan.indicators() if i.key == e["key"]).department == dept
            entered[e["key"]] = e
    for printed, ind in zip(indicators, definition.plan.indicators()):
        e = entered.get(ind.key)
        actual = ref.number(printed.actual)
        where = f"satır {printed.line} ({printed.code} {printed.name})"
        if actual is None and not printed.explanation:
            assert e is None, where
            continue
        assert e is not None, where
        assert _d(e.get("actual")) == actual, where  # a blank actual stays absent
        assert e["explanation"] == printed.explanation, where


def test_activity_actual_costs_are_in_the_value_sets(definition, rows, value_sets):
    _, activities = rows
    entered = {e["key"]: e for data in value_sets.values() for e in data["activities"]}
    for printed, act in zip(activities, definition.plan.activities()):
        e = entered.get(act.key)
        actual = ref.number(printed.actual)
        if actual is None and not printed.explanation:
            assert e is None
            continue
        assert _d(e.get("actual_cost")) == actual and e["explanation"] == printed.explanation


def test_no_rate_is_entered(value_sets):
    """Realization rates are computed: a value set has no place for them."""
    for data in value_sets.values():
        for e in data["indicators"]:
            assert set(e) <= {"key", "actual", "explanation", "source"}


def _coverage() -> dict:
    return YAML(typ="safe").load((FOLDER / "kapsam.yaml").read_text(encoding="utf-8"))


def _target_exists(definition, target: str) -> bool:
    if target in ("plan.yaml", "tanim.yaml"):
        return (FOLDER / target).is_file()
    dept, _, item = target.partition(".")
    return definition.item(dept, item) is not None


def test_every_table_title_of_the_reference_is_mapped_or_left_out_with_a_reason(definition):
    cover = _coverage()
    entries = cover["tablolar"]
    used = set()
    missing = []
    for line, title in ref.table_titles():
        entry = next((e for e in entries if title.startswith(e["baslik"])), None)
        if entry is None:
            missing.append(f"satır {line}: {title}")
            continue
        used.add(entry["baslik"])
        assert ("hedef" in entry) != ("disarida" in entry), entry
        for target in entry.get("hedef", []):
            assert _target_exists(definition, target), f"{title}: {target} tanımda yok"
        if "disarida" in entry:
            assert len(entry["disarida"]) > 10
    assert not missing, "kapsam.yaml'da olmayan tablolar:\n" + "\n".join(missing)
    assert used == {e["baslik"] for e in entries}, "raporda bulunmayan kapsam kayıtları"
    for entry in cover["resimler"]:
        for target in entry.get("hedef", []):
            assert _target_exists(definition, target)


def test_every_form_table_is_named_in_the_coverage_file(definition):
    """The other direction: no table of the forms is unaccounted for."""
    named = {t for e in _coverage()["tablolar"] for t in e.get("hedef", [])}
    derived = {  # tables made from a sentence of the narrative, not a printed table
        "isletme_istirakler.yeni_abone",
        "park_bahceler.cenaze_nakil",
        "temizlik.mezar_kazim",
        "kadin_aile.bakim_alan",
    }
    for form in definition.forms:
        for section in form.sections:
            if section.chapter == "ayarlar":
                continue  # the year settings (e.g. spending officers) are never printed
            for item in section.items:
                if item.kind == "table":
                    key = f"{form.department}.{item.key}"
                    assert key in named or key in derived, key
