"""Unreadable input: what the clerk typed that could not be read as a value.

"12a" in a count field or "1,234.5" (English) in a decimal field is never
turned into a value, but it is never lost either: it is written to the
workbook's audit log (the file's record of what the user did) as a row with
``attribute = 'okunamayan_giris'``, ``old`` = the value stored then and
``new`` = the text. It stays *pending* until a newer audit row about the same
place supersedes it: a value change or clearing of the key, or a discard (an
``okunamayan_giris`` row with ``new = NULL``). A pending input is an error
finding, so a file that holds one cannot be submitted; the finding says what
was typed, why it cannot be read and what to type.

Places are value keys (``itfaiye.trafik_kazasi``, ``itfaiye.makbuz.ocak.arac``)
or an attribute of an indicator/activity (``pg_5_3_1.actual``), as the
window names its editors. The audit log is local to the file: content hashes
and merges never read it (``fingerprint.newest_change`` skips these rows).
"""

from __future__ import annotations

import sqlite3

import msgspec

from ...core.definition import Definition
from ...core.findings import Finding
from ...core.i18n import _, lazy
from ...core.units import actual_type
from ...core.values import ValueProblem, parse_input
from ..errors import WorkbookError

ATTRIBUTE = "okunamayan_giris"
PLAN_ATTRS = {
    "actual": "gerçekleşme",
    "actual_cost": lazy("gerçekleşen maliyet"),
    "explanation": lazy("sapma açıklaması"),
    "source": "kaynak",
}
_ATTRS_OF = {"indicator": ("actual", "explanation", "source"), "activity": ("actual_cost", "explanation", "source")}


class Place(msgspec.Struct, frozen=True):
    key: str
    department: str
    label: str
    table: str  # "entry" | "indicator" | "activity"
    row_key: str  # the entry key, or the indicator/activity key
    column: str  # "value" or the plan attribute
    type: str  # the value type the text is read as (a field type, "money", "note")


def place(definition: Definition, key: str) -> Place:
    """What ``key`` addresses, or WorkbookError when it is not an enterable place."""
    slot = definition.slots.get(key)
    if slot is not None:
        if slot.computed:
            raise WorkbookError(_("'{key}' ({label}) hesaplanan bir değer; girilemez").format(key=key, label=slot.label))
        return Place(key, slot.department, slot.label, "entry", key, "value", slot.type)
    plan_key, _dot, attr = key.rpartition(".")
    if attr in PLAN_ATTRS:
        for table, items in (("indicator", definition.plan.indicators()), ("activity", definition.plan.activities())):
            item = next((x for x in items if x.key == plan_key), None)
            if item is not None and attr in _ATTRS_OF[table]:
                type_ = {"actual": actual_type(item), "actual_cost": "money"}.get(attr, "note")
                label = f"{item.code} {item.name} — {PLAN_ATTRS[attr]}"
                return Place(key, item.department, label, table, plan_key, attr, type_)
    raise WorkbookError(_("'{key}' diye bir alan yok. 'faaliyet fields' ile alan anahtarlarını listeleyin.").format(key=key))


def stored_raw(conn: sqlite3.Connection, p: Place):
    """The value stored at a place as the file holds it (for the audit row's ``old``)."""
    if p.table == "entry":
        row = conn.execute("SELECT value FROM entry WHERE key = ?", (p.key,)).fetchone()
    else:
        row = conn.execute(f"SELECT {p.column} FROM {p.table} WHERE key = ?", (p.row_key,)).fetchone()
    return row[0] if row else None


def read(conn: sqlite3.Connection, department: str | None = None) -> dict[str, str]:
    """Every pending input (place → text), oldest first.

    One plain scan of the log for these rows (a GROUP BY would walk the target
    index and visit every row at random: several times slower on a long log),
    then an indexed look for a newer row about each place.
    """
    sql = f"SELECT id, target, new FROM audit WHERE attribute = '{ATTRIBUTE}'"
    args: tuple = ()
    if department is not None:
        sql += " AND department = ?"
        args = (department,)
    latest: dict[str, tuple[int, object]] = {}
    for row_id, target, text in conn.execute(sql + " ORDER BY id", args):
        latest[target] = (row_id, text)
    out: dict[str, str] = {}
    for target, (row_id, text) in sorted(latest.items(), key=lambda kv: kv[1][0]):
        if isinstance(text, str) and not _superseded(conn, row_id, target):
            out[target] = text
    return out


def read_one(conn: sqlite3.Connection, key: str) -> str | None:
    """The pending text of one place, or None."""
    row = conn.execute(
        f"SELECT id, new FROM audit WHERE target = ? AND attribute = '{ATTRIBUTE}' ORDER BY id DESC LIMIT 1", (key,)
    ).fetchone()
    if row is None or not isinstance(row[1], str) or _superseded(conn, row[0], key):
        return None
    return row[1]


def _superseded(conn: sqlite3.Connection, row_id: int, target: str) -> bool:
    """A newer audit row about the same place: a value change, a clearing or a discard."""
    plan_key, _, attr = target.rpartition(".")
    return (
        conn.execute(
            "SELECT 1 FROM audit WHERE id > ? AND (target = ? OR (target = ? AND attribute = ?)) LIMIT 1",
            (row_id, target, plan_key, attr if attr in PLAN_ATTRS else "\x00"),
        ).fetchone()
        is not None
    )


def findings(definition: Definition, pending: dict[str, str]) -> list[Finding]:
    """One error per pending input: it blocks submitting until corrected or deleted."""
    out = []
    for key, text in pending.items():
        try:
            p = place(definition, key)
        except WorkbookError:
            continue  # a place the definition no longer has: nothing to correct
        out.append(Finding("error", key, message(p, text), ATTRIBUTE, p.department))
    return out


def message(p: Place, text: str) -> str:
    """What was typed at ``p``, why it cannot be read and what to type (the reading rule's own words)."""
    shown = text if len(text) <= 60 else text[:59].rstrip() + "…"
    try:
        parse_input(p.type, text)
    except ValueProblem as exc:
        reason = str(exc).rstrip(".")
    else:  # readable by now (kept by an older version): it still waits to be saved
        return _("'{label}' alanına yazılan '{text}' henüz kaydedilmedi: alana girip Enter'a basın ya da silin.").format(
            label=p.label, text=shown
        )
    if f"'{shown}'" not in reason:
        reason = f"'{shown}': {reason}"
    return _("'{label}' alanına yazılan değer okunamadı: {reason}. Düzeltin ya da silin.").format(label=p.label, reason=reason)
