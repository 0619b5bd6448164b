"""The year's definition inside a file: written as parts, read back verified (``core/form_parts.py``).

Schema 4 stores the definition's head in ``definition`` (its row's ``digest``
is the root digest, the file's ``meta.definition_digest``; its plan is the
skeleton, ``core/plan_parts.py``), one row per form in ``definition_form`` (its
department, value count and digest: the summary the root covers; its JSON, or
NULL for a form the file does not carry) and one row per department with plan
items in ``definition_plan`` (its department and digest, covered by the root;
its slice's JSON, or NULL for a slice the file does not carry).

A consolidated file carries every form and every slice. A department file
carries only its own form and slice and the institution unit's (the report's
chapters of the institution), and every other one's summary: its root is still
the year's digest and the rules between forms still run, but it does not grow
with the year's other forms and plan items, nor does the year's merge, which
reads one department file per department.

Opening hashes the head and the parts it carries (a form against its summary's
digest when decoded, a slice when the plan is rebuilt) and the summaries against
the root; nothing else. A file whose parts do not hash to their digests, whose
summaries do not hash to the root, whose form or slice disagrees with its
summary, or a department file carrying another department's form or slice or
missing its own is refused (``DamagedWorkbook``, Turkish), the file left as it was.

Files of schema 3 stored the whole plan in the head and no slices (their root is
``form_parts.FORMAT_3``'s): ``read`` reads them (``plans`` None: a read-only
opening, a merged department file), ``schema`` migrates them in place. Files of
schema 2 stored the whole definition as one JSON row whose digest was the SHA-256
of that text (``whole_digest``): ``read_whole`` reads them, ``schema`` migrates them.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Collection, Sequence
from typing import NamedTuple

import msgspec

from ...core.definition import Definition
from ...core.form_parts import PartSummary, root_digest
from ...core.i18n import _
from ...core.plan_parts import PlanSummary
from ...core.sha import sha256_hex
from ..errors import DamagedWorkbook, WorkbookError


def carried(definition: Definition, department: str | None) -> set[str] | None:
    """The departments whose form a file of ``department`` carries (None: every form, a consolidated file)."""
    if department is None:
        return None
    institution = definition.institution_department
    return {department} | ({institution.key} if institution is not None else set())


def write(conn: sqlite3.Connection, definition: Definition, department: str | None) -> str:
    """Store ``definition`` as parts for a file of ``department`` (None: consolidated), in place of
    any stored one; returns its digest (the caller writes it to ``meta``). A definition read
    from a department file cannot make a file needing a form it does not carry (WorkbookError,
    the message saying so)."""
    head, parts = definition.stored_parts
    plan = definition.stored_plan
    digest = root_digest(sha256_hex(head), [s for s, _data in parts], [p for p, _data in plan])
    carry = carried(definition, department)
    try:
        for s, data in parts:
            if data is None and (carry is None or s.department in carry):
                definition.form(s.department)  # raises InvalidData: the form is not at hand
        for p, data in plan:
            if data is None and (carry is None or p.department in carry):
                definition.indicators_of(p.department)  # raises InvalidData: the slice is not at hand
    except ValueError as exc:
        raise WorkbookError(str(exc)) from None
    conn.execute("DELETE FROM definition")
    conn.execute("DELETE FROM definition_form")
    conn.execute("DELETE FROM definition_plan")
    conn.execute(
        "INSERT INTO definition (digest, id, version, json) VALUES (?, ?, ?, ?)",
        (digest, definition.id, definition.version, head.decode("utf-8")),
    )
    conn.executemany(
        "INSERT INTO definition_form (position, department, slots, digest, json) VALUES (?, ?, ?, ?, ?)",
        [
            (
                i,
                s.department,
                s.slots,
                s.digest,
                data.decode("utf-8") if data and (carry is None or s.department in carry) else None,
            )
            for i, (s, data) in enumerate(parts)
        ],
    )
    conn.executemany(
        "INSERT INTO definition_plan (position, department, digest, json) VALUES (?, ?, ?, ?)",
        [
            (i, p.department, p.digest, data.decode("utf-8") if data and (carry is None or p.department in carry) else None)
            for i, (p, data) in enumerate(plan)
        ],
    )
    return digest


def changed(name: str) -> DamagedWorkbook:
    return DamagedWorkbook(
        _("'{name}' içindeki form tanımı değiştirilmiş (özet tutmuyor). Dosyayı göndereninden yeniden isteyin.").format(name=name)
    )


def _missing(name: str) -> DamagedWorkbook:
    return DamagedWorkbook(_("'{name}' eksik: form tanımı dosyada yok. Dosyayı yeniden oluşturun.").format(name=name))


def _unreadable(name: str, exc: Exception) -> DamagedWorkbook:
    return DamagedWorkbook(
        _("'{name}' içindeki form tanımı okunamadı ({exc}). Dosyayı yeniden oluşturun.").format(name=name, exc=exc)
    )


class Parts(NamedTuple):
    """A stored definition's parts as read (``read_parts``): its head, every form's summary and
    each carried form's JSON (None: not carried), every plan slice's summary and each carried
    slice's JSON (``plans`` None: a file of schema 3, the whole plan in its head)."""

    head: bytes
    summaries: list[PartSummary]
    raws: list[bytes | None]
    plans: list[PlanSummary] | None
    plan_raws: list[bytes | None]


# Each table's summaries as one JSON text made by SQLite (a plain scan reads the rows in ``position``
# order: it is the rowid), decoded and type-checked in one call: a year has a row per department,
# and no Python runs per row. The carried JSON is read apart (a department file: two rows a table).
_TABLES = ("definition_form", "definition_plan")  # the forms' parts, the plan slices
_ROWS: dict[str, tuple[str, msgspec.json.Decoder]] = {
    "definition_form": ("json_array(department, slots, digest)", msgspec.json.Decoder(list[PartSummary])),
    "definition_plan": ("json_array(department, digest)", msgspec.json.Decoder(list[PlanSummary])),
}


def _rows(conn: sqlite3.Connection, tables: tuple[str, ...], name: str) -> list[tuple[list, list[bytes | None]]]:
    """Of each table: (every summary in order, each row's JSON or None), read by two statements for
    them all; or DamagedWorkbook: a row of another type than Faaliyet writes, or places that are
    not 0, 1, 2… (only a hand-made file)."""
    aggregates = conn.execute(
        " UNION ALL ".join(
            f"SELECT {n}, CAST('[' || coalesce(group_concat({_ROWS[t][0]}, ','), '') || ']' AS BLOB), count(*), "
            f"min(position), max(position), coalesce(sum(typeof(json) NOT IN ('text', 'null')), 0) FROM {t}"
            for n, t in enumerate(tables)
        )
    ).fetchall()
    out: list[tuple[list, list[bytes | None]]] = []
    for table, (_n, text, count, low, high, odd) in zip(tables, sorted(aggregates), strict=True):
        if odd or (count and (low != 0 or high != count - 1)):
            raise changed(name)
        try:
            out.append((_ROWS[table][1].decode(text), [None] * count))
        except msgspec.DecodeError:
            raise changed(name) from None  # not what Faaliyet writes: the root cannot be its digest
    carried = " UNION ALL ".join(
        f"SELECT {n}, position, CAST(json AS BLOB) FROM {t} WHERE json IS NOT NULL" for n, t in enumerate(tables)
    )
    for n, position, data in conn.execute(carried):
        out[n][1][position] = data
    return out


def read_parts(conn: sqlite3.Connection, digest: str, name: str, known_head: tuple[bytes, str] = (b"", "")) -> Parts:
    """The stored parts (``Parts``), checked to be what they must be and the summaries against the
    root ``digest`` (a form's JSON is hashed when it is decoded: ``FormParts``; a slice's when the
    plan is rebuilt). ``known_head``: bytes and digest of a head already hashed (the merge's
    target's): the same bytes are compared, not hashed again. A file of schema 3 (no
    ``definition_plan`` table) gives ``plans`` None, its root made the way of schema 3."""
    row = conn.execute("SELECT typeof(json), CAST(json AS BLOB) FROM definition WHERE digest = ?", (digest,)).fetchone()
    if row is None or row[0] != "text":
        raise _missing(name)
    head = row[1]
    v3 = conn.execute("PRAGMA user_version").fetchone()[0] == 3
    rows = _rows(conn, _TABLES[:1] if v3 else _TABLES, name)
    (summaries, raws), (plans, plan_raws) = rows[0], (rows[1] if not v3 else (None, []))
    head_digest = known_head[1] if known_head[0] and head == known_head[0] else sha256_hex(head)
    if root_digest(head_digest, summaries, plans) != digest:
        raise changed(name)
    return Parts(head, summaries, raws, plans, plan_raws)  # the root is ``digest``: Definition.from_parts(..., digest=digest)


# Every summary as one text made by SQLite itself (each row a JSON array: no two lists of rows
# give the same text), in the table's order (``position`` is its rowid: a plain scan reads it so).
# (the plan slices' the same way after the forms', the two lists apart: a form's row has three values)
_SUMMARIES = (
    "SELECT CAST(group_concat(json_array(department, slots, digest), ',') AS BLOB), "
    "count(*), coalesce(sum(typeof(json) NOT IN ('text', 'null')), 0) FROM definition_form"
)
_PLAN_SUMMARIES = (
    "SELECT CAST(group_concat(json_array(department, digest), ',') AS BLOB), "
    "count(*), coalesce(sum(typeof(json) NOT IN ('text', 'null')), 0) FROM definition_plan"
)


def summaries_text(conn: sqlite3.Connection) -> bytes:
    """The stored summaries (forms' and plan slices') as one text (``_SUMMARIES``): two files
    store the same summaries exactly when their texts are equal (compared, not hashed: ``same_parts``)."""
    forms, plans = conn.execute(_SUMMARIES).fetchone(), conn.execute(_PLAN_SUMMARIES).fetchone()
    if forms[2] != 0 or plans[2] != 0:
        return b""
    return b"[" + (forms[0] or b"") + b"],[" + (plans[0] or b"") + b"]"  # two JSON lists


def same_parts(
    conn: sqlite3.Connection, digest: str, head: bytes, summaries: bytes
) -> tuple[list[tuple[str, bytes]], list[tuple[str, bytes]]] | None:
    """The carried forms' and plan slices' (department, JSON) when the file stores exactly ``head``
    under the root ``digest`` and exactly ``summaries`` (``summaries_text`` of a file whose root is
    ``digest``, already verified): then its root is ``digest`` without reading its summaries one by
    one. None when anything differs (the caller reads and verifies the parts: ``read_parts``)."""
    if not head or not summaries:
        return None
    row = conn.execute(
        "SELECT typeof(json) = 'text' AND CAST(json AS BLOB) = ? FROM definition WHERE digest = ?", (head, digest)
    ).fetchone()
    if row is None or row[0] != 1 or summaries_text(conn) != summaries:
        return None
    out = []
    for department, data in conn.execute(
        "SELECT CAST(department AS BLOB), CAST(json AS BLOB) FROM definition_form WHERE json IS NOT NULL ORDER BY position"
    ):
        out.append((department.decode("utf-8", "replace"), data))
    plans = [
        (department.decode("utf-8", "replace"), data)
        for department, data in conn.execute(
            "SELECT CAST(department AS BLOB), CAST(json AS BLOB) FROM definition_plan WHERE json IS NOT NULL ORDER BY position"
        )
    ]
    return out, plans


def incomplete(name: str, plan: bool = False) -> DamagedWorkbook:
    if plan:
        return DamagedWorkbook(
            _(
                "'{name}' eksik: birleşik dosyada bazı birimlerin gösterge ve faaliyetleri yok. Dosyayı yedeğinden geri alın."
            ).format(name=name)
        )
    return DamagedWorkbook(
        _("'{name}' eksik: birleşik dosyada bazı birimlerin formu yok. Dosyayı yedeğinden geri alın.").format(name=name)
    )


def own_missing(name: str, plan: bool = False) -> DamagedWorkbook:
    if plan:
        return DamagedWorkbook(
            _(
                "'{name}' eksik: dosyada birimin kendi gösterge ve faaliyetleri yok. Dosyayı strateji biriminden yeniden isteyin."
            ).format(name=name)
        )
    return DamagedWorkbook(
        _("'{name}' eksik: dosyada birimin kendi formu yok. Dosyayı strateji biriminden yeniden isteyin.").format(name=name)
    )


def carries_others(name: str, others: set[str], plan: bool = False) -> DamagedWorkbook:
    if plan:
        return DamagedWorkbook(
            _(
                "'{name}' başka birimlerin gösterge ve faaliyetlerini taşıyor ({others}); bir birim dosyası yalnızca "
                "kendi gösterge ve faaliyetlerini taşır. Dosyayı strateji biriminden yeniden isteyin."
            ).format(name=name, others=", ".join(sorted(others)[:5]))
        )
    return DamagedWorkbook(
        _(
            "'{name}' başka birimlerin formunu taşıyor ({others}); bir birim dosyası yalnızca kendi formunu taşır. "
            "Dosyayı strateji biriminden yeniden isteyin."
        ).format(name=name, others=", ".join(sorted(others)[:5]))
    )


def carried_by(summaries: Sequence[PartSummary | PlanSummary], raws: list[bytes | None]) -> tuple[set[str], set[str]]:
    """(every department of the summaries, the departments whose part the file carries): of the
    forms (``PartSummary``) or of the plan slices (``PlanSummary``), each department first."""
    return {s.department for s in summaries}, {s.department for s, raw in zip(summaries, raws, strict=True) if raw is not None}


def check_carried(
    name: str,
    departments: Collection[str],
    carries: set[str],
    department: str | None,
    allowed: set[str] | None,
    plan: bool = False,
) -> None:
    """The one rule of what a file carries, of its forms and of its plan slices alike: a
    consolidated file (``department`` None) every part of ``departments``; a department file its
    own (when it has one) and only those ``allowed`` (``carried``; None: not checked yet); else
    DamagedWorkbook (``plan``: the message names the plan's items, not the forms)."""
    if department is None and len(carries) != len(departments):
        raise incomplete(name, plan)
    if department is not None and department in departments and department not in carries:
        raise own_missing(name, plan)
    others = carries - allowed if department is not None and allowed is not None else set()
    if others:
        raise carries_others(name, others, plan)


def check_bytes(name: str, summaries: Sequence[PartSummary | PlanSummary], raws: list[bytes | None]) -> None:
    """Every carried part's JSON (a form's or a plan slice's) hashes to its summary's digest (of a
    file whose root is a known definition's: its parts need no decoding, only to be that definition's)."""
    for s, raw in zip(summaries, raws, strict=True):
        if raw is not None and sha256_hex(raw) != s.digest:
            raise changed(name)


def read(conn: sqlite3.Connection, digest: str, name: str, department: str | None) -> Definition:
    """The file's definition, verified (see the module's docstring); ``department``: a department
    file's, whose form and the institution unit's are decoded now, the others' never."""
    parts = read_parts(conn, digest, name)
    carry = [(*carried_by(parts.summaries, parts.raws), False)]
    if parts.plans is not None:
        carry.append((*carried_by(parts.plans, parts.plan_raws), True))
    for departments, carries, plan in carry:
        check_carried(name, departments, carries, department, None, plan)
    try:
        definition = Definition.from_parts(
            parts.head, parts.summaries, parts.raws, department, plans=parts.plans, plan_raws=parts.plan_raws, digest=digest
        )
    except ValueError as exc:  # Turkish, names the place or the limit
        raise _unreadable(name, exc) from None
    if department is not None:
        for departments, carries, plan in carry:
            check_carried(name, departments, carries, department, carried(definition, department), plan)
    return definition


def whole_digest(text: str | bytes) -> str:
    """A schema-2 file's definition digest: the SHA-256 of its one JSON text."""
    return sha256_hex(text.encode("utf-8", "surrogatepass") if isinstance(text, str) else text)


def read_whole(conn: sqlite3.Connection, digest: str, name: str) -> Definition:
    """The definition of a schema-2 file (one JSON row hashing to ``digest``), decoded whole."""
    row = conn.execute("SELECT typeof(json), CAST(json AS BLOB) FROM definition WHERE digest = ?", (digest,)).fetchone()
    if row is None or row[0] != "text":
        raise _missing(name)
    if whole_digest(row[1]) != digest:
        raise changed(name)
    try:
        return Definition.from_json(row[1])
    except ValueError as exc:
        raise _unreadable(name, exc) from None
