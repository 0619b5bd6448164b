"""Department files filled from the embedded sample, for the reliability runs and tests."""

from __future__ import annotations

from pathlib import Path

from desktop.core.definition import Definition
from desktop.store.file.workbook import Workbook

DEPARTMENT = "itfaiye"


def department_files(definition: Definition, folder: Path, n: int) -> list[Path]:
    """``n`` department files filled from the sample where it has values (İtfaiye first)."""
    from desktop import resources  # noqa: PLC0415
    from desktop.store.exchange.valueset import import_values, read_json  # noqa: PLC0415

    folder.mkdir(parents=True, exist_ok=True)
    depts = sorted((d.key for d in definition.departments), key=lambda k: (k != DEPARTMENT, k))[:n]
    out = []
    for dept in depts:
        path = folder / f"{dept}.faaliyet"
        path.unlink(missing_ok=True)
        with Workbook.create(path, definition, dept, user="ornek") as wb:
            sample = resources.sample(definition.id) / f"{dept}.json"
            if sample.exists():
                import_values(wb, _known_only(wb, read_json(sample)))
        out.append(path)
    return out


def _known_only(wb: Workbook, data: dict) -> dict:
    """The sample's rows the definition still knows (forms and sample evolve separately)."""
    d = wb.definition
    inds = {i.key for i in d.plan.indicators()}
    acts = {a.key for a in d.plan.activities()}
    return {
        **data,
        "values": [r for r in data.get("values", []) if r.get("field") in d.slots and not d.slots[r["field"]].computed],
        "indicators": [r for r in data.get("indicators", []) if r.get("key") in inds],
        "activities": [r for r in data.get("activities", []) if r.get("key") in acts],
    }
