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
"""

from __future__ import annotations

import contextlib
import datetime as dt
import sqlite3
from functools import lru_cache
from typing import NamedTuple

import msgspec

from ...core.definition import Definition
from ...core.entries import ActivityEntry, Entries, IndicatorEntry
from ...core.forms import PhotoListDef
from ...core.i18n import _, lazy
from ...core.plan import ActivityDef, IndicatorDef
from ...core.values import ValueProblem, coerce
from . import codec
from .clock import now
from .department_rows import SAFE_INTEGERS, DepartmentRows

CLOCK_ALLOWANCE = dt.timedelta(days=1)  # clocks of office PCs differ; a day more is no clock error
STATES = ("taslak", "gonderildi", "kabul", "geri")
META_KEYS = frozenset(
    {
        "kind",
        "department",
        "institution",
        "institution_name",
        "year",
        "definition_id",
        "definition_version",
        "definition_digest",
        "created_at",
        "created_by",
    }
)
_NUMBER_TYPES = {"count": (int,), "money": (int,), "decimal": (int, float), "percent": (int, float)}
_PLAN_ATTRS = ("actual", "actual_cost", "explanation", "source")
_WORDS = {"alan": lazy("alan"), "gösterge": lazy("gösterge"), "faaliyet": lazy("faaliyet"), "birim": lazy("birim")}
_POSSESSIVE = {"alan": lazy("alanı"), "gösterge": lazy("göstergesi"), "faaliyet": lazy("faaliyeti"), "birim": lazy("birimi")}


class BadText(str):
    """Stored text whose bytes are not UTF-8, read with U+FFFD in place of the bad bytes."""


def text_factory(data: bytes) -> str:
    """sqlite3's text factory for every workbook connection: invalid UTF-8 becomes BadText, never an exception."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return BadText(data.decode("utf-8", "replace"))


class Problem(msgspec.Struct, frozen=True):
    place: str  # a key the user can go to, or the department
    department: str
    message: str  # Turkish, names the field
    kind: str = "row"  # "row" | "time"


def value_problem(type_: str, raw) -> str | None:
    """Why a stored value is not what Faaliyet would have stored, or None."""
    if type(raw) is BadText:
        return _("saklanan metin geçerli UTF-8 değil (dosya Faaliyet dışında değiştirilmiş ya da bozulmuş)")
    allowed = _NUMBER_TYPES.get(type_, (str,))
    kind = type(raw)
    if kind not in allowed:
        return _("saklanan değer türü yanlış ({type_name})").format(type_name=_type_name(raw))
    if kind is not str or len(raw) <= _MEMO_TEXT:
        return _round_trip(type_, kind.__name__, raw)  # the type is part of the key: 1 and 1.0 differ
    return _round_trip.__wrapped__(type_, kind.__name__, raw)


_MEMO_TEXT = 200  # texts longer than this are checked each time, not remembered


@lru_cache(maxsize=1 << 16)
def _round_trip(type_: str, kind: str, raw) -> str | None:
    """The value through ``coerce`` and back: what Faaliyet would store (memoised: a file is read by
    ``entries()`` and checked by ``problems()``, and many values repeat)."""
    try:
        again = codec.encode(type_, coerce(type_, codec.decode(type_, raw)))
    except (ValueProblem, ValueError, ArithmeticError, OverflowError) as exc:
        return str(exc) or _("saklanan değer okunamadı")
    if not (again == raw and type(again) is type(raw)):
        return _("saklanan değer Faaliyet'in saklayacağı biçimde değil")
    return None


def decoded(type_: str, raw):
    """The typed value of a stored value, or None when it breaks a rule (its finding says why)."""
    if raw is None or value_problem(type_, raw) is not None:
        return None
    return codec.decode(type_, raw)


def text_or_empty(raw) -> str:
    """An explanation or source as read: '' when it breaks a rule (its finding says why)."""
    return raw if type(raw) is str and text_problem(raw) is None else ""


def text_problem(raw, kind: str = "note") -> str | None:
    """An explanation, source or note (``note``), or a caption (``caption``): text, may be empty."""
    return None if raw == "" and type(raw) is str else value_problem(kind, raw)


def _type_name(raw) -> str:
    return {bytes: _("ikili veri"), str: _("metin"), int: _("tam sayı"), float: _("ondalıklı sayı"), type(None): _("boş")}.get(
        type(raw), _("bilinmeyen")
    )


def problems(
    conn: sqlite3.Connection,
    definition: Definition,
    department: str | None,
    year: int,
    schema: str = "main",
    clock_now: str | None = None,
    images: bool = True,
    content_hash: str | None = None,
) -> list[Problem]:
    """Every problem of the rows in ``schema``; ``department`` None: a consolidated file.

    ``content_hash``: the department's content hash (``fingerprint``) of these very rows,
    when the caller has computed it already (the merge has): not computed a second time.

    ``images``: decode every photo (JPEG/PNG only, bounded; ``core.images``). The merge
    and ``faaliyet check`` do; a window opening its own file checks only hashes and
    types (decoding a year's photos would delay every opening; the report and the
    thumbnails decode each photo defensively themselves)."""
    check = _Check(definition, department, year, clock_now or now())
    check.images = images
    s = schema
    check.meta(conn.execute(f"SELECT key, value FROM {s}.meta").fetchall())
    shape = _Shape(*conn.execute(_shape_sql(s)).fetchone())
    if shape.definitions != 1:
        check.add("", _("dosyada {n} form tanımı var (bir olmalı)").format(n=shape.definitions))
    clean = _prefilter(conn, check, s, shape.rows, bool(shape.negative))
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


# Rows (entries and audit rows, about) from which the SQL pre-filter of a consolidated file
# (``_CleanRows``) pays for setting itself up; below, every row goes through the per-row rules.
# A department file's pre-filter (``department_rows.py``) sets nothing up and is used from
# ``DEPARTMENT_FILTER_FROM_ROWS``. Either way the findings are the same.
FILTER_FROM_ROWS = 4000
DEPARTMENT_FILTER_FROM_ROWS = 1


def _prefilter(conn: sqlite3.Connection, check: _Check, schema: str, rows: int, negative: bool | None = None):
    if check.dept is not None:
        return DepartmentRows(conn, check, schema, negative) if rows >= DEPARTMENT_FILTER_FROM_ROWS else _AllRows()
    return _CleanRows(conn, check, schema) if rows >= FILTER_FROM_ROWS else _AllRows()


class _AllRows:
    """No pre-filter: every row through ``_Check``."""

    entry = audit = ""
    args: dict = {}

    def drop(self) -> None:
        pass


class _CleanRows:
    """The entry and audit rows that need no look in Python, proven so in SQL.

    A file holds a value per row and an audit row per change, each checked in
    Python (measured: ~20 ms for a file of 5.000 values and 5.000 audit rows,
    ~14 ms with this filter; below ``FILTER_FROM_ROWS`` the filter's setup costs
    more than it saves, so it is not used). The rules stay ``_Check``'s alone: they
    run here once per DISTINCT stored value (with its slot type), time and
    author (``value_problem``, ``good_time``), and only the ones with a problem
    are written to small temporary tables. A row whose key is one of the
    department's own entered slots (its department column the slot's) and whose
    value, time and author are none of those is left out of the Python loop;
    every other row (an unknown key, another department's, a computed cell, a
    value, time or author with any problem) still goes through ``_Check`` row by
    row, in table order, so the findings are the same ones. ``entry``/``audit``
    are the WHERE clauses that keep only those rows.
    """

    _TABLES = ("slot", "value", "time", "who")
    args: dict = {}

    def __init__(self, conn: sqlite3.Connection, check: _Check, schema: str):
        self.conn = conn
        self.names = {t: f"temp._faaliyet_clean_{t}_{id(self)}" for t in self._TABLES}
        # one savepoint: outside a transaction every INSERT would be a transaction of its own
        with _savepoint(conn):
            self._fill(check, schema)

    def _fill(self, check: _Check, s: str) -> None:
        conn, n = self.conn, self.names
        conn.execute(f"CREATE TABLE {n['slot']} (key TEXT PRIMARY KEY, department TEXT, type TEXT) WITHOUT ROWID")
        # stored bytes (CAST AS BLOB), not values: a text that is not UTF-8 reads into Python
        # changed (``BadText``) and would not find itself again
        conn.execute(f"CREATE TABLE {n['value']} (type TEXT, vtype TEXT, raw BLOB)")
        conn.execute(f"CREATE TABLE {n['time']} (raw BLOB)")
        conn.execute(f"CREATE TABLE {n['who']} (raw BLOB)")
        slots = check.d.slots_of(check.dept) if check.dept is not None else check.d.slots.values()
        rows = [(x.key, x.department, x.type) for x in slots if not x.computed]
        conn.execute(  # one statement: SQLite unpacks the list (binding row by row costs more than the check)
            f"INSERT INTO {n['slot']} SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]'), "
            "json_extract(value, '$[2]') FROM json_each(?)",
            (msgspec.json.encode(rows).decode(),),  # msgspec: the stdlib json module is not on the start-up path
        )
        # every value of a row with an entered slot's key, once per (type, storage class, value);
        # whole numbers SAFE_INTEGERS proves need no look
        values = (
            f"SELECT DISTINCT t.type, typeof(e.value), e.value, CAST(e.value AS BLOB) "
            f"FROM {s}.entry AS e JOIN {n['slot']} AS t ON t.key = e.key WHERE NOT {SAFE_INTEGERS}"
        )
        conn.executemany(
            f"INSERT INTO {n['value']} VALUES (?, ?, ?)",
            (r[:2] + r[3:] for r in conn.execute(values) if value_problem(r[0], r[2])),
        )
        times = f"SELECT changed_at, CAST(changed_at AS BLOB) FROM {s}.entry UNION SELECT at, CAST(at AS BLOB) FROM {s}.audit"
        conn.executemany(f"INSERT INTO {n['time']} VALUES (?)", (r[1:] for r in conn.execute(times) if not check.good_time(r[0])))
        whos = f"SELECT changed_by, CAST(changed_by AS BLOB) FROM {s}.entry UNION SELECT who, CAST(who AS BLOB) FROM {s}.audit"
        conn.executemany(f"INSERT INTO {n['who']} VALUES (?)", (r[1:] for r in conn.execute(whos) if type(r[0]) is not str))
        self.entry = (
            f"WHERE NOT (EXISTS (SELECT 1 FROM {n['slot']} AS t WHERE t.key = e.key AND t.department = e.department "
            f"AND NOT EXISTS (SELECT 1 FROM {n['value']} AS g WHERE g.type = t.type AND g.vtype = typeof(e.value) "
            "AND g.raw IS CAST(e.value AS BLOB))) "
            # SQLite finds -0.0 = 0.0 (DISTINCT keeps one of them): such a row is looked at alone
            "AND NOT (typeof(e.value) = 'real' AND e.value = 0) "
            f"AND CAST(e.changed_at AS BLOB) NOT IN (SELECT raw FROM {n['time']}) "
            f"AND CAST(e.changed_by AS BLOB) NOT IN (SELECT raw FROM {n['who']}))"
        )
        self.audit = (
            f"WHERE NOT (EXISTS (SELECT 1 FROM {n['slot']} AS t WHERE t.key = a.target AND t.department = a.department) "
            f"AND CAST(a.at AS BLOB) NOT IN (SELECT raw FROM {n['time']}) AND CAST(a.who AS BLOB) NOT IN (SELECT raw FROM {n['who']}))"
        )

    def drop(self) -> None:
        with _savepoint(self.conn):
            for name in self.names.values():
                self.conn.execute(f"DROP TABLE IF EXISTS {name}")


@contextlib.contextmanager
def _savepoint(conn: sqlite3.Connection):
    conn.execute("SAVEPOINT faaliyet_clean_rows")
    try:
        yield
    except BaseException:
        with contextlib.suppress(sqlite3.Error):
            conn.execute("ROLLBACK TO faaliyet_clean_rows")
            conn.execute("RELEASE faaliyet_clean_rows")
        raise
    conn.execute("RELEASE faaliyet_clean_rows")


class _Check:
    def __init__(self, definition: Definition, department: str | None, year: int, clock_now: str):
        self.d = definition
        self.dept = department
        self.found: list[Problem] = []
        self.slots = definition.slots  # the definition's indexes, built once per definition (not per file)
        self.latest = (_parse_time(clock_now) or dt.datetime.now(dt.UTC)) + CLOCK_ALLOWANCE  # the clock gives ISO times
        self.start = dt.datetime(year, 1, 1, tzinfo=dt.UTC)
        self.images = True

    def add(self, place: str, message: str, department: str | None = None, kind: str = "row") -> None:
        self.found.append(Problem(place, department or self.dept or "", message, kind))

    # --- ownership ---------------------------------------------------------
    def owned(self, key, what: str, column, owner: str | None) -> str | None:
        """The department a row with ``key`` belongs to, or None after adding why it may not be here."""
        if owner is not None and column == owner and (self.dept is None or owner == self.dept):
            return owner
        place = show(key)
        if owner is None:
            if self.dept:
                message = _("'{place}' bu yılın tanımında {dept} biriminin bir {what} değil").format(
                    place=place, dept=self.dept, what=_POSSESSIVE.get(what, what)
                )
            else:
                message = _("'{place}' bu yılın tanımında bir {what} değil").format(place=place, what=_WORDS.get(what, what))
            self.add(place, message)
            return None
        if self.dept is not None and owner != self.dept:
            self.add(
                place,
                _(
                    "'{place}' başka bir birime ait ({owner}); bu dosya {dept} biriminin ve yalnızca kendi verilerini taşıyabilir"
                ).format(place=place, owner=owner, dept=self.dept),
            )
            return None
        if column != owner:
            self.add(
                place,
                _("'{place}' {owner} birimine ait, ama kaydı '{show}' birimi adına").format(
                    place=place, owner=owner, show=show(column)
                ),
                owner,
            )
            return None
        return owner

    def target_owner(self, target: str) -> str | None:
        slot = self.slots.get(target)
        if slot is not None:
            return slot.department
        if self.d.knows(target):
            return target
        plan_key, _, attr = target.rpartition(".")
        for key in (target, plan_key if attr in _PLAN_ATTRS else None):
            item = self.d.plan_item(key) if key is not None else None
            if item is not None:
                return item.department
        head = target.partition(".")[0]
        return head if self.d.knows(head) else None

    # --- tables --------------------------------------------------------------
    def meta(self, rows) -> None:
        for key, value in rows:
            if key not in META_KEYS:
                self.add("", _("dosyanın kimlik bilgilerinde tanınmayan bir kayıt var ('{show}')").format(show=show(key)))
            elif key == "created_at":
                self.time("", value, _("dosyanın oluşturulma zamanı"), data=False)

    def entry(self, key, column, value, changed_at, changed_by) -> None:
        slot = self.slots.get(key) if type(key) is str else None
        dept = self.owned(key, "alan", column, slot.department if slot else None)
        if slot is None or dept is None:
            return
        if slot.computed:
            self.add(key, _("'{label}' hesaplanan bir değer; dosyada saklanamaz").format(label=slot.label), dept)
        elif (p := value_problem(slot.type, value)) is not None:
            self.add(key, f"'{slot.label}': {p}", dept)
        self.row_time(key, dept, changed_at, changed_by, slot.label)

    def plan_row(self, table, type_, key, column, number, explanation, source, changed_at, changed_by) -> None:
        item = self.d.plan_item(key) if type(key) is str else None
        if not isinstance(item, IndicatorDef if table == "indicator" else ActivityDef):
            item = None  # an activity's key in the indicator table, or the other way round
        what = "gösterge" if table == "indicator" else "faaliyet"
        dept = self.owned(key, what, column, item.department if item else None)
        if item is None or dept is None:
            return
        label = f"{item.code} {item.name}"
        if number is not None and (p := value_problem(type_, number)) is not None:
            self.add(key, f"'{label}': {p}", dept)
        for attr, text in ((_("sapma açıklaması"), explanation), ("kaynak", source)):
            if (p := text_problem(text)) is not None:
                self.add(key, f"'{label}' ({attr}): {p}", dept)
        self.row_time(key, dept, changed_at, changed_by, label)

    def photo_list(self, list_key) -> PhotoListDef | None:
        if type(list_key) is not str:
            return None
        d, _, item_key = list_key.partition(".")
        item = self.d.item(d, item_key) if self.d.knows(d) else None
        return item if item is not None and item.kind == "photos" else None

    def photo(self, counts, pid, column, list_key, caption, mime, width, height, sha, data, changed_at, changed_by) -> None:
        item = self.photo_list(list_key)
        dept = self.owned(list_key, _("fotoğraf listesi"), column, list_key.partition(".")[0] if item else None)
        if item is None or dept is None:
            return
        counts[list_key] = counts.get(list_key, 0) + 1
        label = _("'{title}' fotoğraf {pid}").format(title=item.title, pid=pid)
        import hashlib  # noqa: PLC0415 - OpenSSL (fast for megabytes of photos) only when a file has photos

        if type(data) is not bytes or type(sha) is not str or hashlib.sha256(data).hexdigest() != sha:
            self.add(list_key, _("{label}: içeriği kayıtlı özetiyle tutmuyor").format(label=label), dept)
        if self.images:
            from ...core.images import image_problem  # noqa: PLC0415 - Pillow only when photos are decoded

            if (p := image_problem(data, mime, width, height)) is not None:
                self.add(list_key, f"{label}: {p}", dept)
        elif mime not in ("image/jpeg", "image/png") or type(width) is not int or type(height) is not int:
            self.add(list_key, _("{label}: resim türü ya da boyutu geçersiz").format(label=label), dept)
        if (p := text_problem(caption, "caption")) is not None:
            self.add(list_key, _("{label} (açıklama): {p}").format(label=label, p=p), dept)
        self.row_time(list_key, dept, changed_at, changed_by, item.title)

    def status(self, department, state, changed_at, changed_by, content_hash, note) -> None:
        known = department if self.d.knows(department) else None
        dept = self.owned(department, "birim", department, known)
        if dept is None:
            return
        if state not in STATES:
            self.add(dept, _("birimin durumu tanınmıyor ('{show}')").format(show=show(state)), dept)
        if type(content_hash) is not str or text_problem(note) is not None:
            self.add(dept, _("birimin durum kaydı okunamıyor"), dept)
        self.row_time(dept, dept, changed_at, changed_by, _("birimin durumu"))

    def audit(self, rid, at, who, department, target) -> None:
        owner = self.target_owner(target) if type(target) is str else None
        if owner is None:
            owner = department if self.d.knows(department) else None
        dept = self.owned(target, _("kayıt yeri"), department, owner)
        if dept is None:
            return
        place = target if type(target) is str else show(target)
        if type(who) is not str or type(at) is not str:
            self.add(place, _("değişiklik kaydı {rid} okunamıyor").format(rid=rid), dept)
            return
        self.time(place, at, _("değişiklik kaydı {rid} ({place})").format(rid=rid, place=place), dept=dept)

    def history(self, year, column, target, attribute, value) -> None:
        year_ok = type(year) is int and 2000 <= year < self.start.year
        type_ = history_type(self.d, target, attribute) if type(target) is str and type(attribute) is str else None
        place = target if type(target) is str else show(target)
        if type_ is None:
            self.add(
                place,
                _("geçmiş yıl kaydı '{place}' ({attribute}) bu yılın tanımında bir değer değil").format(
                    place=place, attribute=show(attribute)
                ),
            )
            return
        dept = self.owned(target, _("geçmiş yıl kaydı"), column, history_owner(self.d, target, attribute))
        if dept is None:
            return
        if not year_ok:
            self.add(
                place,
                _("'{place}': geçmiş yıl kaydının yılı ({year}) bu yıldan önce değil").format(place=place, year=show(year)),
                dept,
            )
        elif value is not None and (p := value_problem(type_, value)) is not None:
            self.add(place, _("'{place}' ({year} yılı): {problem}").format(place=place, year=year, problem=p), dept)

    # --- time ------------------------------------------------------------------
    def row_time(self, place: str, dept: str, changed_at, changed_by, label: str) -> None:
        if type(changed_by) is not str:
            self.add(place, _("'{label}': kaydı yapanın adı okunamıyor").format(label=label), dept)
        self.time(place, changed_at, f"'{label}'", dept=dept)

    def good_time(self, value) -> bool:
        """A data row's time ``time`` finds nothing to say about."""
        when = _parse_time(value) if type(value) is str else None
        return when is not None and self.start <= when <= self.latest

    def time(self, place: str, value, what: str, dept: str | None = None, data: bool = True) -> None:
        when = _parse_time(value) if type(value) is str else None
        if when is None:
            self.add(place, _("{what}: değişiklik zamanı okunamıyor ('{show}')").format(what=what, show=show(value)), dept)
        elif when > self.latest:
            self.add(
                place,
                _(
                    "{what}: değişiklik zamanı gelecekte ({value}); gönderen bilgisayarın saati yanlış olabilir ya da dosya Faaliyet dışında değiştirilmiş"
                ).format(what=what, value=value),
                dept,
                kind="time",
            )
        elif data and when < self.start:
            self.add(
                place,
                _("{what}: değişiklik zamanı ({value}) yılın başından ({year}) önce").format(
                    what=what, value=value, year=self.start.year
                ),
                dept,
                kind="time",
            )


def _parse_time(value: str) -> dt.datetime | None:
    try:
        when = dt.datetime.fromisoformat(value)
    except ValueError:
        return None
    return when if when.tzinfo is not None else when.replace(tzinfo=dt.UTC)


def show(value) -> str:
    """A stored value for a message: short, printable."""
    text = value if type(value) in (str, BadText) else repr(value)
    text = "".join(ch if ch.isprintable() else "?" for ch in text)
    return text if len(text) <= 60 else text[:57] + "…"


# --- earlier years (the ``history`` table) -------------------------------------------------
HISTORY_PLAN = {"actual": ("indicator", "decimal"), "explanation": ("indicator", "note"), "actual_cost": ("activity", "money")}


def history_type(definition: Definition, target: str, attribute: str) -> str | None:
    """The stored type of a history row's value (``codec``'s), or None when the target and
    attribute name nothing of this year's definition."""
    if attribute == "value":
        slot = definition.slots.get(target)
        return slot.type if slot is not None and not slot.computed else None
    table, type_ = HISTORY_PLAN.get(attribute, ("", ""))
    item = definition.plan_item(target) if table else None
    wanted = IndicatorDef if table == "indicator" else ActivityDef
    return type_ if isinstance(item, wanted) else None


def history_owner(definition: Definition, target: str, attribute: str) -> str | None:
    if attribute == "value":
        slot = definition.slots.get(target)
        return slot.department if slot is not None else None
    item = definition.plan_item(target)
    return item.department if item is not None else None


def history(conn: sqlite3.Connection, definition: Definition, department: str | None, year: int) -> dict[int, Entries]:
    """The earlier years a file holds (year → Entries); a row that breaks a rule is left out."""
    out: dict[int, Entries] = {}
    for y, column, target, attribute, value in conn.execute(
        "SELECT year, department, target, attribute, value FROM history ORDER BY year, target, attribute"
    ):
        if type(y) is not int or not 2000 <= y < year or type(target) is not str or type(attribute) is not str:
            continue
        type_ = history_type(definition, target, attribute)
        owner = history_owner(definition, target, attribute)
        if type_ is None or owner != column or (department is not None and owner != department):
            continue
        if attribute == "explanation":
            text = text_or_empty(value)
            if text:
                out.setdefault(y, Entries()).indicators.setdefault(target, IndicatorEntry()).explanation = text
            continue
        v = decoded(type_, value)
        if v is None:
            continue
        entries = out.setdefault(y, Entries())
        if attribute == "value":
            entries.values[target] = v
        elif attribute == "actual":
            entries.indicators.setdefault(target, IndicatorEntry()).actual = v
        else:
            entries.activities.setdefault(target, ActivityEntry()).actual_cost = v
    return out


def history_rows(definition: Definition, entries: Entries, year: int, departments: set[str]) -> tuple[list[tuple], list[str]]:
    """The ``history`` rows of ``entries`` as the values of ``year``, only of ``departments``,
    checked as a typed-in value is; or the problems (Turkish), one per bad value."""
    rows: list[tuple] = []
    problems: list[str] = []

    known = {d.key for d in definition.departments}

    def add(target: str, attribute: str, value) -> None:
        head = target.partition(".")[0]
        if attribute == "value" and (head in known or not definition.departments_complete) and head not in departments:
            return  # another department's value: not held here (a department file carries neither its form nor it)
        if attribute != "value" and not definition.plan_complete and definition.plan_item(target) is None:
            return  # not one of the plan items a department file carries: another department's (plan_parts)
        type_, owner = history_type(definition, target, attribute), history_owner(definition, target, attribute)
        if type_ is None or owner is None:
            problems.append(_("'{key}' bu yılın tanımında yok; önce yeni anahtarına eşleyin (renamed_from)").format(key=target))
            return
        if owner not in departments:
            return
        if value is None or (attribute == "explanation" and value == ""):
            return
        try:
            encoded = (
                codec.encode_number(coerce("decimal", value))
                if attribute == "actual"
                else codec.encode(type_, coerce(type_, value))
            )
        except ValueProblem as exc:
            problems.append(f"'{target}': {exc}")
            return
        rows.append((year, owner, target, attribute, encoded))

    for key, value in entries.values.items():
        add(key, "value", value)
    for key, e in entries.indicators.items():
        add(key, "actual", e.actual)
        add(key, "explanation", e.explanation)
    for key, a in entries.activities.items():
        add(key, "actual_cost", a.actual_cost)
    return rows, problems
