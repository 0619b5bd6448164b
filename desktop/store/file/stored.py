"""What a file may hold: the one rule set for every stored row.

A file is SQLite: anything can be written into it with another tool, and a
department file arrives from another PC. Nothing in it is trusted until these
rules have passed. They are used in three places, so that every reader agrees:

* ``merge/incoming.py``: a department file with any problem is refused by the merge
  (a ``time`` problem only unless the strategy unit accepts it explicitly);
* ``Workbook.findings``: ``faaliyet check`` and the windows show every problem
  as an error at its field, so ``check`` refuses exactly what merge refuses;
* ``Workbook.entries``: a value that breaks a rule is never read as a value
  (it is shown as empty, with its finding), so no reader crashes on it.

The rules, for a department file (``department`` given) — a consolidated file
is checked the same way with each row's own department:

* every row of ``entry``, ``indicator``, ``activity``, ``photo``, ``status``
  and ``audit`` belongs to the department: its department column, and the
  owner of its key in the year's definition (a field key lies in the
  department's key range), are the department; ``import_log`` is empty;
  ``meta`` holds only the keys Faaliyet writes; ``definition`` one row;
* every key exists in the definition, no computed cell is stored, every value
  has the stored type and passes the same checks as a typed-in value
  (``core.values.coerce``), text is valid UTF-8;
* photos: a known list of the department, at most its count, bytes that match
  their hash, a JPEG or PNG of the declared size that decodes within limits;
* time: every timestamp is an ISO time, none lies beyond the present (with
  ``CLOCK_ALLOWANCE``) nor, for the data and its log, before the year's start;
* history (earlier years' values, ``history``): an earlier year, a key of this
  year's definition with one of its attributes (``value``; ``actual`` or
  ``explanation`` of an indicator; ``actual_cost`` of an activity) owned by the
  row's department (a department file: its own), a value of the stored type.

``problems`` (here) runs them over every table of a file. The rules of one value are
``stored_values.py``; the per-row rules ``row_check.py``; the SQL pre-filters that prove rows
clean without a look in Python ``clean_rows.py`` and ``department_rows.py``; the earlier
years' rows ``earlier_years.py``.
"""

from __future__ import annotations

import sqlite3
from functools import lru_cache
from typing import NamedTuple

from ...core.definition import Definition
from ...core.i18n import _
from .clean_rows import prefilter
from .clock import now
from .department_rows import Proven
from .row_check import Problem, RowCheck


def problems(
    conn: sqlite3.Connection,
    definition: Definition,
    department: str | None,
    year: int,
    schema: str = "main",
    clock_now: str | None = None,
    images: bool = True,
    content_hash: str | None = None,
    proven: dict[str, Proven] | None = None,
) -> list[Problem]:
    """Every problem of the rows in ``schema``; ``department`` None: a consolidated file.

    ``content_hash``: the department's content hash (``fingerprint``) of these very rows,
    when the caller has computed it already (the merge has): not computed a second time.
    ``proven``: what the department pre-filter made of this definition before (``DepartmentRows``).

    ``images``: decode every photo (JPEG/PNG only, bounded; ``core.images``). The merge
    and ``faaliyet check`` do; a window opening its own file checks only hashes and
    types (decoding a year's photos would delay every opening; the report and the
    thumbnails decode each photo defensively themselves)."""
    check = RowCheck(definition, department, year, clock_now or now())
    check.images = images
    s = schema
    check.meta(conn.execute(f"SELECT key, value FROM {s}.meta").fetchall())
    shape = _Shape(*conn.execute(_shape_sql(s)).fetchone())
    if shape.definitions != 1:
        check.add("", _("dosyada {n} form tanımı var (bir olmalı)").format(n=shape.definitions))
    clean = prefilter(conn, check, s, shape.rows, bool(shape.negative), proven)
    try:
        entries = f"SELECT key, department, value, changed_at, changed_by FROM {s}.entry AS e {clean.entry}"
        for row in conn.execute(entries, clean.args):
            check.entry(*row)
        audit_rows = conn.execute(
            f"SELECT id, at, who, department, target FROM {s}.audit AS a {clean.audit}", clean.args
        ).fetchall()
    finally:
        clean.drop()
    for table, type_, any_rows in (("indicator", "decimal", shape.indicators), ("activity", "money", shape.activities)):
        num = "actual" if table == "indicator" else "actual_cost"
        if not any_rows:
            continue
        for row in conn.execute(f"SELECT key, department, {num}, explanation, source, changed_at, changed_by FROM {s}.{table}"):
            check.plan_row(table, type_, *row)
    counts: dict[str, int] = {}
    photos = f"SELECT id, department, list_key, caption, mime, width, height, sha256, data, changed_at, changed_by FROM {s}.photo"
    for row in conn.execute(photos) if shape.photos else ():
        check.photo(counts, *row)
    for list_key, n in counts.items():
        item = check.photo_list(list_key)
        if item is not None and n > item.max_count:
            check.add(
                list_key,
                _("'{title}' listesinde {n} fotoğraf var (en çok {max_count})").format(
                    title=item.title, n=n, max_count=item.max_count
                ),
            )
    submitted = []  # the department's status rows (read here, in the table's own order, not looked up again)
    for row in conn.execute(f"SELECT department, state, changed_at, changed_by, content_hash, note FROM {s}.status"):
        check.status(*row)
        if row[0] == department:
            submitted.append(row)
    for row in audit_rows:
        check.audit(*row)
    history = f"SELECT year, department, target, attribute, value FROM {s}.history"
    for row in conn.execute(history) if shape.history else ():
        check.history(*row)
    if department is not None:
        if shape.imports:
            check.add(
                department,
                _("birim dosyasında {n} birleştirme kaydı var; birim dosyası birleştirme kaydı taşımaz").format(n=shape.imports),
            )
        for _dept, state, _at, _by, submitted_hash, _note in submitted:
            if state == "gonderildi" and submitted_hash:
                from . import fingerprint  # noqa: PLC0415 - only a submitted file is hashed

                content_hash = content_hash or fingerprint.content_hash(conn, department, s)
                if submitted_hash != content_hash:
                    check.add(
                        department, _("dosya gönderildikten sonra Faaliyet dışında değiştirilmiş (gönderim özeti tutmuyor)")
                    )
    return check.found


class _Shape(NamedTuple):
    """What ``problems`` asks of a file before its rows, in one statement (``_shape_sql``)."""

    definitions: int  # rows of ``definition`` (one)
    rows: int  # about how many entry and audit rows (which pre-filter pays)
    negative: int  # 1: a whole number below zero among the values (``DepartmentRows``)
    indicators: int  # 1: the table has a row (else its statement is not run)
    activities: int
    photos: int
    history: int
    imports: int  # rows of ``import_log``


@lru_cache(maxsize=8)
def _shape_sql(s: str) -> str:
    # NOT INDEXED: counted and probed on the tables themselves; quick_check does not hold an
    # index to its table, so a forged index could hide a row from a count through it
    return (
        f"SELECT (SELECT count(*) FROM {s}.definition NOT INDEXED), "
        f"coalesce((SELECT max(rowid) FROM {s}.entry), 0) + coalesce((SELECT max(id) FROM {s}.audit), 0), "
        f"EXISTS (SELECT 1 FROM {s}.entry NOT INDEXED WHERE typeof(value) = 'integer' AND value < 0), "
        + ", ".join(f"EXISTS (SELECT 1 FROM {s}.{t} NOT INDEXED)" for t in ("indicator", "activity", "photo", "history"))
        + f", (SELECT count(*) FROM {s}.import_log NOT INDEXED)"
    )
