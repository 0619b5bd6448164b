"""What a department file keeps of the strategy unit's return (``return_note``), read without it.

A received return is one ``return`` audit row (its JSON); while the file is sent
back (state ``geri``), every place it names is a warning (rule
``geri_gonderildi``) carrying the note, so the clerk finds what to fix in the
findings panel. ``labels``: every place of a department a return may name.
"""

from __future__ import annotations

import sqlite3

from ...core.definition import Definition
from ...core.findings import Finding
from ...core.i18n import _
from ...core.item_kinds import KINDS

RULE = "geri_gonderildi"
AUDIT = "return"  # the audit attribute of a received (clerk) or written (strategy unit) return


def last_return(conn: sqlite3.Connection, department: str) -> dict:
    """The last return received by ``department`` (its JSON body), {} when none."""
    row = conn.execute(
        "SELECT new FROM audit WHERE target = ? AND attribute = ? ORDER BY id DESC LIMIT 1", (department, AUDIT)
    ).fetchone()
    return loads(row[0]) if row else {}


def findings(conn: sqlite3.Connection, definition: Definition, department: str) -> list[Finding]:
    """A warning per field named by the department's last return (call while it is sent back)."""
    body = last_return(conn, department)
    fields, note = body.get("fields"), body.get("note")
    if not isinstance(fields, list) or not isinstance(note, str):
        return []
    known = labels(definition, department)
    message = _("Strateji Geliştirme düzeltilmesini istedi: {note}")
    short = note if len(note) <= 160 else note[:159].rstrip() + "…"
    return [
        Finding("warning", key, f"{known[key]}: " + message.format(note=short), RULE, department)
        for key in dict.fromkeys(f for f in fields if isinstance(f, str))
        if key in known
    ]


def labels(definition: Definition, department: str) -> dict[str, str]:
    """Every place of a department the strategy unit may name: fields and cells, items, plan rows."""
    out = {s.key: s.label for s in definition.slots_of(department)}
    for section in definition.form(department).sections:
        for item in section.items:
            out.setdefault(f"{department}.{item.key}", KINDS[item.kind].title(item))  # a table, a photo list
    for ind in definition.indicators_of(department):
        for attr in ("", ".actual", ".explanation", ".source"):
            out[ind.key + attr] = f"{ind.code} {ind.name}"
    for act in definition.activities_of(department):
        for attr in ("", ".actual_cost", ".explanation", ".source"):
            out[act.key + attr] = f"{act.code} {act.name}"
    return out


def loads(text) -> dict:
    import json  # local: most files have no return note, and opening one need not import json

    try:
        value = json.loads(text) if isinstance(text, str) else {}
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}
