"""The year's definition inside a file: written as parts, read back verified (``core/form_parts.py``).

Schema 4 stores the definition's head in ``definition`` (its row's ``digest`` is
the root digest, the file's ``meta.definition_digest``), the year's leaves in
``definition_leaves`` (one value: every part's digest and each department's
flags, ``form_parts.pack_leaves``), and one row per part the file carries in
``definition_form``, ``definition_plan`` (a department's plan slice),
``definition_department`` and ``definition_aim`` (an aim of the plan without its
items): its place among the leaves of its kind (``position``), its digest (its
leaf) and its JSON.

A consolidated file carries every part. A department file carries only what a
file of its department needs (``carried``, ``needed``): its own form, slice and
department, the institution unit's form and slice, the institution and finance
units, the department it reports to, those its forms' rows name, and the aims
its slices fill. Its root is still the year's digest, but it does not grow with
the year's other departments (32 bytes of leaves each), nor does the year's
merge, which reads one department file per department.

Opening hashes the head and the leaves into the root (one read, one SHA-256 of
each) and each carried part against its leaf, found at the part's place; no
other part is read. The rules between departments run where every department
is (a consolidated file, ``Definition``); a department file checks what it
carries: each part against its leaf, its own department present, its own form
and slice present when its flags say it has them, nothing it should not carry.
A file breaking any of this is refused (``DamagedWorkbook``, Turkish), the file
left as it was. The merge compares a file of the target's root in place
(``read_parts`` with the target's head and leaves: equal bytes are not hashed
again) and requires it to carry exactly what a file of its department carries.

Files of schema 3 stored the whole plan and the departments in the head and a
summary row per form (their root is ``form_parts.FORMAT_3``'s): ``read`` reads
them (a read-only opening, a merged department file), ``schema`` migrates them
in place. Files of schema 2 stored the whole definition as one JSON row whose
digest was the SHA-256 of that text (``whole_digest``): ``read_whole`` reads
them, ``schema`` migrates them.
"""

from __future__ import annotations

import sqlite3
from typing import NamedTuple

import msgspec

from ...core.definition import Definition
from ...core.form_parts import (
    AIMS,
    DEPARTMENTS,
    FORMS,
    HAS_FORM,
    HAS_SLICE,
    PLAN,
    FormParts,
    Leaves,
    PartSummary,
    Row,
    Stored,
    root_digest,
    root_digest_3,
)
from ...core.forms import forms_row_departments
from ...core.i18n import _
from ...core.plan_parts import changed_slice
from ...core.sha import sha256_hex
from ..errors import DamagedWorkbook, WorkbookError

KINDS = (FORMS, PLAN, DEPARTMENTS, AIMS)
_TABLE = {FORMS: "definition_form", PLAN: "definition_plan", DEPARTMENTS: "definition_department", AIMS: "definition_aim"}


def carried(definition: Definition, department: str | None) -> set[str] | None:
    """The departments whose form and plan slice a file of ``department`` carries (None: every one,
    a consolidated file)."""
    if department is None:
        return None
    institution = definition.institution_department
    return {department} | ({institution.key} if institution is not None else set())


def needed(definition: Definition, department: str) -> tuple[set[str], set[int]]:
    """What else a file of ``department`` carries: the departments (its own, the institution and
    finance units, the one it reports to, those its carried forms' rows name) and the plan's aims
    (by their place in the definition's) holding a performance target its carried slices fill."""
    carry = carried(definition, department) or set()
    own = definition.department(department)
    departments = set(carry)
    for unit in (definition.institution_department, definition.finance_department):
        if unit is not None:
            departments.add(unit.key)
    if own is not None and own.reports_to:
        departments.add(own.reports_to)
    for key in carry:
        if definition.carries(key):
            departments |= forms_row_departments(definition.form(key))
    aims: set[int] = set()
    for key in carry:
        aims |= definition.aims_of(key)
    return departments, aims


def _carried(definition: Definition, department: str | None) -> Stored:
    """What a file of ``department`` stores of ``definition``: the head, the leaves, and the parts it
    carries; WorkbookError (saying so) when a needed part is not at hand (a definition read from a
    department file cannot make another department's file, nor a consolidated one)."""
    stored = definition.stored
    carry = carried(definition, department)
    try:
        if carry is None:
            if not definition.forms_complete or not definition.plan_complete:
                for d in definition.form_departments:
                    definition.form(d)  # raises InvalidData: not every form is at hand
                definition.indicators_of(None)  # raises InvalidData: not every slice is at hand
            return stored
        for d in carry:
            definition.form(d)  # raises InvalidData: the form is not at hand
            definition.indicators_of(d)  # raises InvalidData: the slice is not at hand
        departments, aims = needed(definition, department or "")
        for d in departments:
            definition.department(d)  # raises InvalidData: the department is not at hand
    except ValueError as exc:
        raise WorkbookError(str(exc)) from None
    return stored._replace(
        forms=[r for r in stored.forms if r.department in carry],
        plan=[r for r in stored.plan if r.department in carry],
        departments=[r for r in stored.departments if r.department in departments],
        aims=[r for i, r in enumerate(stored.aims) if i in aims],  # in the definition's order, as ``needed`` counts
    )


def write(conn: sqlite3.Connection, definition: Definition, department: str | None) -> str:
    """Store ``definition`` as parts for a file of ``department`` (None: consolidated), in place of
    any stored one; returns its digest (the caller writes it to ``meta``). A definition read
    from a department file cannot make a file needing a part it does not carry (WorkbookError,
    the message saying so)."""
    stored = _carried(definition, department)
    digest = root_digest(sha256_hex(stored.head), stored.leaves)
    for table in ("definition", "definition_leaves", *_TABLE.values()):
        conn.execute(f"DELETE FROM {table}")
    conn.execute(
        "INSERT INTO definition (digest, id, version, json) VALUES (?, ?, ?, ?)",
        (digest, definition.id, definition.version, stored.head.decode("utf-8")),
    )
    conn.execute("INSERT INTO definition_leaves (digest, data) VALUES (?, ?)", (digest, stored.leaves))
    conn.executemany(
        "INSERT INTO definition_form (position, department, slots, digest, json) VALUES (?, ?, ?, ?, ?)",
        [(r.position, r.department, r.slots, r.digest, r.data.decode("utf-8")) for r in stored.forms],
    )
    for kind in (PLAN, DEPARTMENTS):
        conn.executemany(
            f"INSERT INTO {_TABLE[kind]} (position, department, digest, json) VALUES (?, ?, ?, ?)",
            [(r.position, r.department, r.digest, r.data.decode("utf-8")) for r in stored.of(kind)],
        )
    conn.executemany(
        "INSERT INTO definition_aim (position, digest, json) VALUES (?, ?, ?)",
        [(r.position, r.digest, r.data.decode("utf-8")) for r in stored.aims],
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


_PARTS = " UNION ALL ".join(
    f"SELECT {kind}, position, {'department' if kind != AIMS else chr(39) * 2}, {'slots' if kind == FORMS else 0}, "
    f"digest, typeof(json), CAST(json AS BLOB) FROM {_TABLE[kind]}"
    for kind in KINDS
)


def read_parts(conn: sqlite3.Connection, digest: str, name: str, known: tuple[bytes, bytes, str] | None = None) -> Stored:
    """The stored parts (``form_parts.Stored``), checked to be the root ``digest``'s: the head and the leaves
    hash to it (one read, one SHA-256 of each), and every stored part hashes to its leaf (found
    at its place in the leaves, not by reading the others). Nothing is decoded. ``known``: head,
    leaves and root of a definition already verified (the merge's target's): when the file stores
    these very bytes they are compared, not hashed again."""
    row = conn.execute(
        "SELECT typeof(d.json), CAST(d.json AS BLOB), typeof(l.data), l.data FROM definition d "
        "LEFT JOIN definition_leaves l ON l.digest = d.digest WHERE d.digest = ?",
        (digest,),
    ).fetchone()
    if row is None or row[0] != "text" or row[2] != "blob":
        raise _missing(name)
    head, data = row[1], row[3]
    if known is None or known[2] != digest or head != known[0] or data != known[1]:
        if root_digest(sha256_hex(head), data) != digest:
            raise changed(name)
    try:
        leaves = Leaves(data)
    except ValueError:
        raise changed(name) from None  # not what Faaliyet writes: the root cannot be its digest
    out: tuple[list[Row], ...] = ([], [], [], [])
    for kind, position, department, slots, stored_digest, text_type, text in conn.execute(_PARTS):
        leaf = leaves.digest(kind, position)
        if text_type != "text" or leaf is None or stored_digest != leaf:
            raise changed(name)
        if sha256_hex(text) != leaf:  # a slice: its own words (the plan's items, not the form)
            raise _unreadable(name, changed_slice(position, department)) if kind == PLAN else changed(name)
        out[kind].append(Row(position, department, leaf, slots, text))
    forms, plan, departments, aims = (sorted(rows) for rows in out)
    return Stored(head, data, forms, plan, departments, aims)


def read_parts_3(conn: sqlite3.Connection, digest: str, name: str) -> tuple[bytes, list[PartSummary], list[bytes | None]]:
    """A schema-3 file's head, every form's summary and each carried form's JSON (None: not
    carried), the summaries checked against the root ``digest`` (schema 3's)."""
    row = conn.execute("SELECT typeof(json), CAST(json AS BLOB) FROM definition WHERE digest = ?", (digest,)).fetchone()
    if row is None or row[0] != "text":
        raise _missing(name)
    head = row[1]
    text, count, low, high, odd = conn.execute(
        "SELECT CAST('[' || coalesce(group_concat(json_array(department, slots, digest), ','), '') || ']' AS BLOB), "
        "count(*), min(position), max(position), coalesce(sum(typeof(json) NOT IN ('text', 'null')), 0) FROM definition_form"
    ).fetchone()
    if odd or (count and (low != 0 or high != count - 1)):
        raise changed(name)
    try:
        summaries = _SUMMARIES_3.decode(text)
    except msgspec.DecodeError:
        raise changed(name) from None
    raws: list[bytes | None] = [None] * count
    for position, data in conn.execute("SELECT position, CAST(json AS BLOB) FROM definition_form WHERE json IS NOT NULL"):
        raws[position] = data
    if root_digest_3(sha256_hex(head), summaries) != digest:
        raise changed(name)
    return head, summaries, raws


_SUMMARIES_3 = msgspec.json.Decoder(list[PartSummary])


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


def own_department_missing(name: str) -> DamagedWorkbook:
    return DamagedWorkbook(
        _("'{name}' eksik: dosyada birimin kendi tanımı yok. Dosyayı strateji biriminden yeniden isteyin.").format(name=name)
    )


def parts_missing(name: str) -> DamagedWorkbook:
    return DamagedWorkbook(
        _(
            "'{name}' eksik: dosyada birimin taşıması gereken tanım parçaları yok. Dosyayı strateji biriminden yeniden isteyin."
        ).format(name=name)
    )


class Expected(NamedTuple):
    """What a file of one department of a definition carries (``expected``)."""

    allowed: tuple[set[str], set[str], set[int]]  # ``allowed_of``
    own: int  # its flags
    forms: set[str]
    plan: set[str]


def expected(definition: Definition, department: str) -> Expected:
    """What a file of ``department`` of ``definition`` (a whole one: the merge's target's) carries."""
    allowed = allowed_of(definition, department)
    return Expected(
        allowed,
        flags_of(definition, department)[0],
        {d for d in allowed[0] if definition.has_form(d)},
        {d for d in allowed[0] if definition.has_plan_items(d)},
    )


def check_whole_set(name: str, parts: Stored, wanted: Expected) -> None:
    """A department file of the merge's target's root carries every part a file of its department
    carries (``expected``): none missing, none more."""
    if (
        {r.department for r in parts.forms} != wanted.forms
        or {r.department for r in parts.plan} != wanted.plan
        or {r.department for r in parts.departments} != wanted.allowed[1]
        or {r.position for r in parts.aims} != wanted.allowed[2]
    ):
        raise parts_missing(name)


def check_carried(
    name: str, parts: Stored, department: str | None, allowed: tuple[set[str], set[str], set[int]] | None, own: int | None = None
) -> None:
    """The one rule of what a file carries, of each kind of part alike: a consolidated file
    (``department`` None) every part the leaves list; a department file its own department, only the
    forms, slices, departments and aims (by place) ``allowed`` (``carried`` and ``needed``; None: not
    checked yet) and its own form and slice when its department has them (``own``: its flags,
    ``form_parts.HAS_FORM``/``HAS_SLICE``; None: not checked yet); else DamagedWorkbook naming them."""
    if department is None:
        for kind in KINDS:
            if len(parts.of(kind)) != parts.table.count(kind):
                raise incomplete(name, kind == PLAN)
        return
    units = {r.department for r in parts.departments}
    if department not in units:
        raise own_department_missing(name)
    if own is not None:
        for kind, rows in ((FORMS, parts.forms), (PLAN, parts.plan)):
            wanted = bool(own & (HAS_SLICE if kind == PLAN else HAS_FORM))
            if wanted and department not in {r.department for r in rows}:
                raise own_missing(name, kind == PLAN)
    for kind, rows in ((FORMS, parts.forms), (PLAN, parts.plan)):
        others = {r.department for r in rows} - units  # (a form or slice of a department not here: another's)
        if others:
            raise carries_others(name, others, kind == PLAN)
    if allowed is not None:
        for kind, rows in ((FORMS, parts.forms), (PLAN, parts.plan)):
            others = {r.department for r in rows} - allowed[0]
            if others:
                raise carries_others(name, others, kind == PLAN)
        others = {r.department for r in parts.departments} - allowed[1]
        if others or {r.position for r in parts.aims} - allowed[2]:
            raise carries_others(name, others or {_("planın başka amaçları")})


def allowed_of(definition: Definition, department: str) -> tuple[set[str], set[str], set[int]]:
    """What a file of ``department`` may carry of ``definition`` (``check_carried``): the forms' and
    slices' departments, the departments, and the aims by their place in the year's."""
    departments, aims = needed(definition, department)
    places = definition.forms.places if isinstance(definition.forms, FormParts) else {}
    return carried(definition, department) or set(), departments, {places.get(("aim", i), i) for i in aims}


def flags_of(definition: Definition, department: str | None) -> bytes:
    """What the leaves must say of each department (``pack_leaves``), of those the definition names."""
    keys = [department] if department is not None else [d.key for d in definition.departments]
    return bytes((HAS_FORM if definition.has_form(d) else 0) | (HAS_SLICE if definition.has_plan_items(d) else 0) for d in keys)


def check_flags(name: str, parts: Stored, definition: Definition, department: str | None) -> None:
    """The leaves' flags name every department, and say of each department whose parts are here
    (every one; a department file's own) exactly what it has; else DamagedWorkbook."""
    flags = parts.table.flags
    if len(flags) != parts.table.count(DEPARTMENTS):
        raise changed(name)
    if department is None:
        if flags != flags_of(definition, None):
            raise changed(name)
        return
    own = flags[next(r.position for r in parts.departments if r.department == department)]
    check_carried(name, parts, department, allowed_of(definition, department), own)
    if definition.has_form(department) != bool(own & HAS_FORM) or (department in {r.department for r in parts.plan}) != bool(
        own & HAS_SLICE
    ):
        raise changed(name)


def read(conn: sqlite3.Connection, digest: str, name: str, department: str | None, version: int | None = None) -> Definition:
    """The file's definition, verified (see the module's docstring); ``department``: a department
    file's, whose form and the institution unit's are decoded now, the others never (it has no
    other). A file of schema 3 is read as that schema stored it (read-only, or to be migrated).
    ``version``: the file's schema version, as its opening verified it (a merge's checking
    connection holds the file attached: an unqualified PRAGMA would read its empty main)."""
    if version is None:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version == 3:
        return _read_3(conn, digest, name, department)
    parts = read_parts(conn, digest, name)
    if department is not None and department not in {r.department for r in parts.departments}:
        if parts.forms or parts.plan:
            raise own_department_missing(name)
        department = None  # (no department of its own: reported by the opening, as a file of another year's)
    check_carried(name, parts, department, None)
    try:
        definition = Definition.from_stored(parts, department)
    except ValueError as exc:  # Turkish, names the place or the limit
        raise _unreadable(name, exc) from None
    definition.__dict__["digest"] = digest  # a cached_property: the root just verified
    check_flags(name, parts, definition, department)
    own = definition.department(department) if department is not None else None
    if own is not None and own.reports_to and not definition.knows(own.reports_to):
        raise parts_missing(name)  # the department it reports to (its unit report names it)
    return definition


def _read_3(conn: sqlite3.Connection, digest: str, name: str, department: str | None) -> Definition:
    head, summaries, raws = read_parts_3(conn, digest, name)
    departments = {s.department for s in summaries}
    carries = {s.department for s, raw in zip(summaries, raws, strict=True) if raw is not None}
    if department is None and len(carries) != len(summaries):
        raise incomplete(name)
    if department is not None and department in departments and department not in carries:
        raise own_missing(name)
    try:
        definition = Definition.from_parts(head, summaries, raws, department, digest)
    except ValueError as exc:
        raise _unreadable(name, exc) from None
    if department is not None:
        others = carries - (carried(definition, department) or set())
        if others:
            raise carries_others(name, others)
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
