"""The year's definition inside a file: written as parts, read back verified (``core/form_parts.py``).

Schema 3 stores the definition's head in ``definition`` (its row's ``digest``
is the root digest, the file's ``meta.definition_digest``) and one row per form
in ``definition_form`` (its department, value count and digest: the summary the
root covers; its JSON, or NULL for a form the file does not carry).

A consolidated file carries every form. A department file carries only its own
form and the institution unit's (the report's chapters of the institution), and
every other form's summary: its root is still the year's digest and the rules
between forms still run, but it does not grow with the year's other forms, nor
does the year's merge, which reads one department file per department.

Opening hashes the head and the forms it carries (each against its summary's
digest when decoded) and the summaries against the root; nothing else. A file
whose parts do not hash to their digests, whose summaries do not hash to the
root, whose form disagrees with its summary, or a department file carrying
another department's form or missing its own is refused (``DamagedWorkbook``,
Turkish), the file left as it was.

Files of schema 2 stored the whole definition as one JSON row whose digest was
the SHA-256 of that text (``whole_digest``): ``read_whole`` reads them (a
read-only opening, a merged department file), ``schema`` migrates them in place.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Collection

from ...core.definition import Definition
from ...core.form_parts import PartSummary, root_digest
from ...core.i18n import _
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
    digest = root_digest(sha256_hex(head), [s for s, _data in parts])
    carry = carried(definition, department)
    for s, data in parts:
        if data is None and (carry is None or s.department in carry):
            try:
                definition.form(s.department)  # raises InvalidData: the form is not at hand
            except ValueError as exc:
                raise WorkbookError(str(exc)) from None
    conn.execute("DELETE FROM definition")
    conn.execute("DELETE FROM definition_form")
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


def read_parts(
    conn: sqlite3.Connection, digest: str, name: str, known_head: tuple[bytes, str] = (b"", "")
) -> tuple[bytes, list[PartSummary], list[bytes | None]]:
    """The stored head, every form's summary and each carried form's JSON (None: not carried),
    checked to be what they must be and the summaries against the root ``digest`` (the forms'
    JSON is hashed when each is decoded: ``FormParts``). ``known_head``: bytes and digest of a
    head already hashed (the merge's target's): the same bytes are compared, not hashed again."""
    row = conn.execute("SELECT typeof(json), CAST(json AS BLOB) FROM definition WHERE digest = ?", (digest,)).fetchone()
    if row is None or row[0] != "text":
        raise _missing(name)
    head = row[1]
    summaries, raws = [], []
    # the text columns as bytes (no text factory per row: a year has a row per department)
    for department, slots, form_digest, kind, data in conn.execute(
        "SELECT CAST(department AS BLOB), slots, CAST(digest AS BLOB), typeof(json), CAST(json AS BLOB) "
        "FROM definition_form ORDER BY position"
    ):
        if kind not in ("text", "null") or type(department) is not bytes or type(slots) is not int:
            raise changed(name)  # STRICT columns: only a hand-made file has other types
        try:
            summaries.append(PartSummary(department.decode("utf-8"), slots, form_digest.decode("ascii")))
        except (UnicodeDecodeError, AttributeError):
            raise changed(name) from None  # not what Faaliyet writes: the root cannot be its digest
        raws.append(data)
    head_digest = known_head[1] if known_head[0] and head == known_head[0] else sha256_hex(head)
    if root_digest(head_digest, summaries) != digest:
        raise changed(name)
    return head, summaries, raws  # the root is ``digest``: Definition.from_parts(..., digest=digest)


# Every summary as one text made by SQLite itself (each row a JSON array: no two lists of rows
# give the same text), in the table's order (``position`` is its rowid: a plain scan reads it so).
_SUMMARIES = (
    "SELECT CAST(group_concat(json_array(department, slots, digest), ',') AS BLOB), "
    "count(*), coalesce(sum(typeof(json) NOT IN ('text', 'null')), 0) FROM definition_form"
)


def summaries_text(conn: sqlite3.Connection) -> bytes:
    """The stored summaries as one text (``_SUMMARIES``): two files store the same summaries
    exactly when their texts are equal (compared, not hashed: ``same_parts``)."""
    row = conn.execute(_SUMMARIES).fetchone()
    return (row[0] or b"") if row[2] == 0 else b""


def same_parts(conn: sqlite3.Connection, digest: str, head: bytes, summaries: bytes) -> list[tuple[str, bytes]] | None:
    """The carried forms' (department, JSON) when the file stores exactly ``head`` under the root
    ``digest`` and exactly ``summaries`` (``summaries_text`` of a file whose root is ``digest``,
    already verified): then its root is ``digest`` without reading its summaries one by one.
    None when anything differs (the caller reads and verifies the parts: ``read_parts``)."""
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
    return out


def incomplete(name: str) -> DamagedWorkbook:
    return DamagedWorkbook(
        _("'{name}' eksik: birleşik dosyada bazı birimlerin formu yok. Dosyayı yedeğinden geri alın.").format(name=name)
    )


def own_missing(name: str) -> DamagedWorkbook:
    return DamagedWorkbook(
        _("'{name}' eksik: dosyada birimin kendi formu yok. Dosyayı strateji biriminden yeniden isteyin.").format(name=name)
    )


def carries_others(name: str, others: set[str]) -> DamagedWorkbook:
    return DamagedWorkbook(
        _(
            "'{name}' başka birimlerin formunu taşıyor ({others}); bir birim dosyası yalnızca kendi formunu taşır. "
            "Dosyayı strateji biriminden yeniden isteyin."
        ).format(name=name, others=", ".join(sorted(others)[:5]))
    )


def carried_by(summaries: list[PartSummary], raws: list[bytes | None]) -> tuple[set[str], set[str]]:
    """(every department of the summaries, the departments whose form the file carries)."""
    return {s.department for s in summaries}, {s.department for s, raw in zip(summaries, raws, strict=True) if raw is not None}


def check_carried(
    name: str, departments: Collection[str], carries: set[str], department: str | None, allowed: set[str] | None
) -> None:
    """The one rule of what a file carries: a consolidated file (``department`` None) every form of
    ``departments``; a department file its own (when it has one) and only those ``allowed``
    (``carried``; None: not checked yet); else DamagedWorkbook."""
    if department is None and len(carries) != len(departments):
        raise incomplete(name)
    if department is not None and department in departments and department not in carries:
        raise own_missing(name)
    others = carries - allowed if department is not None and allowed is not None else set()
    if others:
        raise carries_others(name, others)


def check_bytes(name: str, summaries: list[PartSummary], raws: list[bytes | None]) -> None:
    """Every carried form's JSON hashes to its summary's digest (of a file whose root is a known
    definition's: its forms need no decoding, only to be that definition's)."""
    for s, raw in zip(summaries, raws, strict=True):
        if raw is not None and sha256_hex(raw) != s.digest:
            raise changed(name)


def read(conn: sqlite3.Connection, digest: str, name: str, department: str | None) -> Definition:
    """The file's definition, verified (see the module's docstring); ``department``: a department
    file's, whose form and the institution unit's are decoded now, the others' never."""
    head, summaries, raws = read_parts(conn, digest, name)
    departments, carries = carried_by(summaries, raws)
    check_carried(name, departments, carries, department, None)
    try:
        definition = Definition.from_parts(head, summaries, raws, department, digest=digest)
    except ValueError as exc:  # Turkish, names the place or the limit
        raise _unreadable(name, exc) from None
    if department is not None:
        check_carried(name, departments, carries, department, carried(definition, department))
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
