"""SHA-256 of the data a report is built from, printed on its last page."""

from __future__ import annotations

import hashlib
import json

from ..core.values import to_json
from ..store.workbook import Workbook


def fingerprint(wb: Workbook, entries, department: str | None = None) -> str:
    """Same data → same fingerprint, whatever file or order it came from."""
    definition = wb.definition

    def mine(dept: str) -> bool:
        return department is None or dept == department

    values = {}
    for key, v in entries.values.items():
        slot = definition.slots.get(key)
        if slot is not None and mine(slot.department) and v is not None and v != "":
            values[key] = to_json(slot.type, v)
    plan_dept = {i.key: i.department for i in definition.plan.indicators()}
    plan_dept.update({a.key: a.department for a in definition.plan.activities()})
    indicators = {
        k: [to_json("decimal", e.actual), e.explanation or "", e.source or ""]
        for k, e in entries.indicators.items() if mine(plan_dept.get(k, ""))
    }
    activities = {
        k: [to_json("money", e.actual_cost), e.explanation or "", e.source or ""]
        for k, e in entries.activities.items() if mine(plan_dept.get(k, ""))
    }
    photos = [
        list(r) for r in wb.conn.execute(
            "SELECT list_key, position, caption, sha256 FROM photo ORDER BY list_key, position, id")
        if mine(r[0].partition(".")[0])
    ]
    doc = {
        "definition": definition.digest,
        "department": department or "",
        "values": values,
        "indicators": indicators,
        "activities": activities,
        "photos": photos,
    }
    text = json.dumps(doc, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
