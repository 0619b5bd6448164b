"""The workbook file: one department (or the consolidated year) in one SQLite file.

Every change is one committed transaction with its audit rows (journal DELETE,
synchronous FULL): a crash, a kill or a full disk loses at most the change in
flight. Nothing is cached that the file does not hold.
"""

from __future__ import annotations

import contextlib
import functools
import sqlite3
import unicodedata
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

from ...core import gc_pause
from ...core.definition import Definition, Slot
from ...core.entries import ActivityEntry, Entries, IndicatorEntry
from ...core.findings import Finding
from ...core.i18n import _, lazy
from ...core.live_checks import LiveChecks
from ...core.units import actual_type
from ...core.values import ValueProblem, coerce
from ..errors import DamagedWorkbook, ImportRejected, ReadOnlyWorkbook, WorkbookError
from . import codec, definition_store, earlier_years, found, pending, returned, stored, stored_values
from .clock import current_user, now
from .row_check import Problem
from .safe_open import check_header, connect, verify, writable_reason
from .schema import SCHEMA_VERSION, migrate
from .tempfiles import publish, temp_beside

SUFFIX = ".faaliyet"
HISTORY_ATTRIBUTE = "gecmis_yil"  # the audit row of ``add_history``: "<year>: <rows>" before and after
UNSET = object()
STATES = {
    "taslak": lazy("Taslak"),
    "gonderildi": lazy("Gönderildi"),
    "kabul": lazy("Kabul edildi"),
    "geri": lazy("Geri gönderildi"),
}
"""The states a department's file goes through, as the window names them (``str()`` gives the current language)."""


def state_label(state: str) -> str:
    """A state's name in the window's language; an unknown state as it is stored."""
    return str(STATES.get(state, state))


def _disk_error(exc: sqlite3.Error) -> WorkbookError:
    text = str(exc).lower()
    if "full" in text:
        return WorkbookError(_("Disk dolu: son değişiklik kaydedilemedi. Diskte yer açıp yeniden deneyin; dosyanız bozulmadı."))
    if "readonly" in text or "read-only" in text:
        return ReadOnlyWorkbook(_("Dosya yazmaya kapalı: değişiklik kaydedilemedi. Dosyayı yerel diske kopyalayıp oradan açın."))
    if "locked" in text or "busy" in text:
        return WorkbookError(
            _(
                "Dosya başka bir program tarafından kullanılıyor: değişiklik kaydedilemedi. Diğer programı kapatıp yeniden deneyin."
            )
        )
    return WorkbookError(_("Değişiklik kaydedilemedi ({exc}). Dosyanız bozulmadı; yeniden deneyin.").format(exc=exc))


class Workbook:
    """An open workbook. Use ``Workbook.open`` or ``Workbook.create``."""

    def __init__(self, path: Path, conn: sqlite3.Connection, readonly_reason: str | None, user: str | None):
        self.path = path
        self.conn = conn
        self.readonly_reason = readonly_reason
        self._user = user or None  # asked of the system when first needed (see ``user``)
        self.meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
        for needed in ("kind", "institution", "year", "definition_digest"):
            if needed not in self.meta:
                raise DamagedWorkbook(
                    _("'{name}' eksik: '{needed}' bilgisi yok. Dosyayı yeniden oluşturun.").format(name=path.name, needed=needed)
                )
        digest = self.meta["definition_digest"]
        # a department's file: its form and the institution unit's are decoded; the others are not
        # in the file, only their digests and summaries (definition_store, core.form_parts)
        department = self.meta.get("department") if self.meta["kind"] == "department" else None
        with gc_pause.paused():  # the definition's objects hold no cycle (core/gc_pause.py)
            if conn.execute("PRAGMA user_version").fetchone()[0] < 3:  # schema 2, opened read-only
                self.definition = definition_store.read_whole(conn, digest, path.name)
            else:
                self.definition = definition_store.read(conn, digest, path.name, department if type(department) is str else None)
        self._check_identity(path.name)
        self._stored: list[Problem] | None = None  # computed when first asked (see stored_problems)
        self._history: dict[int, Entries] | None = None  # read when first asked (see history)
        self._stored_images = False  # whether _stored decoded every photo

    @property
    def user(self) -> str:
        """Who writes (the audit rows): the system is asked at the first write, not when opening
        (getpass and its terminal module are ~0,5 ms of a window's start)."""
        if self._user is None:
            self._user = current_user()
        return self._user

    def _check_identity(self, name: str) -> None:
        """The identity rows must make sense before anything is built on them."""
        meta, problems = self.meta, []
        if meta["kind"] not in ("department", "consolidated"):
            problems.append(_("dosya türü '{show}' tanınmıyor").format(show=stored_values.show(meta["kind"])))
        elif meta["kind"] == "department" and self.definition.department(meta.get("department") or "") is None:
            problems.append(
                _("birim '{show}' dosyanın form tanımında yok").format(show=stored_values.show(meta.get("department")))
            )
        if meta["year"] != str(self.definition.year.year):
            problems.append(
                _("yıl '{show}', form tanımının yılı {year}").format(
                    show=stored_values.show(meta["year"]), year=self.definition.year.year
                )
            )
        if problems:
            raise DamagedWorkbook(
                _("'{name}' bozuk ya da Faaliyet dışında değiştirilmiş: ").format(name=name)
                + "; ".join(problems)
                + _(". Dosyayı göndereninden yeniden isteyin ya da yedeğini kullanın.")
            )

    # --- opening ----------------------------------------------------------
    @classmethod
    def open(cls, path: Path | str, *, readonly: bool = False, incoming: bool = False, user: str | None = None) -> Workbook:
        """Open an existing workbook after every safety check.

        ``incoming`` marks a file from elsewhere (merge): a hot journal beside
        it is refused instead of rolled back, and it is always read-only.
        """
        path = Path(path)
        check_header(path, incoming)
        reason = (
            _("Dışarıdan gelen dosya yalnızca okunur.")
            if incoming
            else (writable_reason(path) if not readonly else _("Salt okunur açıldı."))
        )
        if reason is None and Path(str(path) + "-journal").exists():
            # a crash left a hot journal: SQLite rolls it back on first read
            conn = connect(path, readonly=False)
            with contextlib.suppress(sqlite3.DatabaseError):
                conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            conn.close()
        conn = connect(path, readonly=reason is not None)
        try:
            version = verify(conn, path.name)
            if version < SCHEMA_VERSION:
                if reason is not None and version in (2, 3):
                    pass  # read as it is (definition_store): schema 2's definition is one JSON row, 3's parts hold the whole plan in the head
                elif reason is not None:
                    raise ReadOnlyWorkbook(
                        _("'{name}' eski bir sürümde; güncellemek için yazılabilir bir konumda açın.").format(name=path.name)
                    )
                else:
                    with _tx(conn):
                        migrate(conn, version, path.name)
            if reason is None:
                conn.execute("PRAGMA journal_mode = DELETE")
                conn.execute("PRAGMA synchronous = FULL")
                if Path(str(path) + "-journal").exists():
                    # A kill before the journal's first sync leaves one SQLite ignores (not
                    # hot) but never deletes; a no-op write lets SQLite replace and delete it,
                    # so the file can travel alone (incoming files with a -journal are refused).
                    with contextlib.suppress(sqlite3.Error), _tx(conn):
                        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            return cls(path, conn, reason, user)
        except BaseException:
            conn.close()
            raise

    @classmethod
    def create(
        cls,
        path: Path | str,
        definition: Definition,
        department: str | None,
        *,
        user: str | None = None,
        history: dict[int, Entries] | None = None,
    ) -> Workbook:
        """A new, empty workbook for one department (or consolidated when None).

        ``history``: earlier years' values the file is born with (year → Entries, keyed like
        this definition; of the department only, for a department file), checked as
        ``add_history`` checks them. Written to a temporary file beside the target and
        renamed into place, so a half-written file never carries the final name.
        """
        path = Path(path)
        if department is not None and definition.department(department) is None:
            known = ", ".join(d.key for d in definition.departments)
            raise WorkbookError(
                _("'{department}' diye bir birim yok. Bilinen birimler: {known}").format(department=department, known=known)
            )
        if path.exists():
            raise WorkbookError(
                _("'{name}' zaten var; üzerine yazılmaz. Başka bir ad seçin ya da önce eski dosyayı taşıyın.").format(
                    name=path.name
                )
            )
        owned = {department} if department else {d.key for d in definition.departments}
        history_rows: list[tuple] = []
        for year, entries in sorted((history or {}).items()):
            if not 2000 <= year < definition.year.year:
                raise WorkbookError(
                    _("{year} yılı dosyanın yılından ({own}) önce değil; geçmiş yıl olarak eklenemez.").format(
                        year=year, own=definition.year.year
                    )
                )
            rows, problems = earlier_years.history_rows(definition, entries, year, owned)
            if problems:
                raise ImportRejected(_("Geçmiş yıl eklenmedi; dosya yazılmadı:"), problems)
            history_rows += rows
        user = user or current_user()
        tmp_path = temp_beside(path)
        try:
            tmp_path.unlink()
            conn = sqlite3.connect(str(tmp_path), isolation_level=None)
            conn.execute("PRAGMA journal_mode = DELETE")
            conn.execute("PRAGMA synchronous = FULL")
            with _tx(conn):
                migrate(conn, 0)
                digest = definition_store.write(conn, definition, department)
                meta = {
                    "kind": "department" if department else "consolidated",
                    "department": department or "",
                    "institution": definition.institution.key,
                    "institution_name": definition.institution.name,
                    "year": str(definition.year.year),
                    "definition_id": definition.id,
                    "definition_version": definition.version,
                    "definition_digest": digest,
                    "created_at": now(),
                    "created_by": user,
                }
                conn.executemany("INSERT INTO meta (key, value) VALUES (?, ?)", meta.items())
                for dept in [department] if department else [d.key for d in definition.departments]:
                    conn.execute(
                        "INSERT INTO status (department, state, changed_at, changed_by) VALUES (?, 'taslak', ?, ?)",
                        (dept, now(), user),
                    )
                conn.executemany(
                    "INSERT INTO history (year, department, target, attribute, value) VALUES (?, ?, ?, ?, ?)", history_rows
                )
            conn.close()
            publish(tmp_path, path)
        except sqlite3.Error as exc:
            tmp_path.unlink(missing_ok=True)
            raise _disk_error(exc) from None
        except BaseException:
            tmp_path.unlink(missing_ok=True)
            raise
        return cls.open(path, user=user)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Workbook:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @functools.cached_property
    def db(self):
        """The file as a sqlite_utils Database (dict rows, table helpers).

        Created on first use: sqlite-utils (and click, which it imports) is
        not needed to open a file and show a form.
        """
        import sqlite_utils

        return sqlite_utils.Database(self.conn)

    # --- identity -------------------------------------------------------
    @property
    def department(self) -> str | None:
        return self.meta.get("department") or None

    @property
    def is_consolidated(self) -> bool:
        return self.meta.get("kind") == "consolidated"

    @property
    def year(self) -> int:
        return int(self.meta["year"])

    @property
    def readonly(self) -> bool:
        return self.readonly_reason is not None

    @property
    def departments(self) -> list[str]:
        """Departments whose data this file holds."""
        if self.department:
            return [self.department]
        return [d.key for d in self.definition.departments]

    # --- reading --------------------------------------------------------
    def slot(self, key: str) -> Slot:
        slot = self.definition.slots.get(key)
        if slot is None:
            raise WorkbookError(
                _("'{key}' diye bir alan yok. 'faaliyet fields' ile alan anahtarlarını listeleyin.").format(key=key)
            )
        return slot

    def get(self, key: str):
        row = self.conn.execute("SELECT value FROM entry WHERE key = ?", (key,)).fetchone()
        return codec.decode(self.slot(key).type, row[0]) if row else None

    def entries(self) -> Entries:
        """What the file holds, typed. A stored value that breaks a rule of ``stored.py`` is
        left out (read as empty): its finding says why, and no reader meets it."""
        out = Entries()
        slots = self.definition.slots
        for key, value in self.conn.execute("SELECT key, value FROM entry"):
            slot = slots.get(key)
            if slot is not None and (v := stored_values.decoded(slot.type, value)) is not None:
                out.values[slot.key] = v  # the definition's key string, not a second copy of it per value
        text = stored_values.text_or_empty
        for key, actual, expl, src in self.conn.execute("SELECT key, actual, explanation, source FROM indicator"):
            out.indicators[key] = IndicatorEntry(stored_values.decoded("decimal", actual), text(expl), text(src))
        for key, cost, expl, src in self.conn.execute("SELECT key, actual_cost, explanation, source FROM activity"):
            out.activities[key] = ActivityEntry(stored_values.decoded("money", cost), text(expl), text(src))
        for list_key, n in self.conn.execute("SELECT list_key, count(*) FROM photo GROUP BY list_key"):
            out.photos[list_key] = n
        return out

    # --- earlier years (the year cycle) -----------------------------------
    def history(self) -> dict[int, Entries]:
        """Earlier years' values the file holds (year → Entries), keyed like this year's.

        Read once per open file and decoded with the stored-value rules: a row that breaks one
        is left out (its problem is among ``stored_problems``, like any other table's)."""
        if self._history is None:
            self._history = earlier_years.history(self.conn, self.definition, self.department, self.year)
        return self._history

    def previous(self) -> Entries | None:
        """The year before the file's year, or None when the file holds none."""
        return self.history().get(self.year - 1)

    def add_history(self, year: int, entries: Entries, department: str | None = None) -> int:
        """Hold ``entries`` as the values of the earlier ``year`` (of ``department``, else of every
        department of the file), replacing what the file held for that year: one transaction
        with its audit row. Every key must be one of this year's definition (map renamed keys
        first); one bad value refuses the whole batch and the file is unchanged. Returns the
        count of rows written."""
        if self.readonly:
            raise ReadOnlyWorkbook(_("Dosya salt okunur açık: {reason}").format(reason=self.readonly_reason))
        if not isinstance(year, int) or not 2000 <= year < self.year:
            raise WorkbookError(
                _("{year} yılı bu dosyanın yılından ({own}) önce değil; geçmiş yıl olarak eklenemez.").format(
                    year=year, own=self.year
                )
            )
        departments = [department] if department else self.departments
        if any(d not in self.departments for d in departments):
            raise WorkbookError(
                _("Bu dosya '{own}' birimine ait; başka bir birimin geçmiş yılı eklenemez.").format(own=self.department)
            )
        rows, problems = earlier_years.history_rows(self.definition, entries, year, set(departments))
        if problems:
            raise ImportRejected(_("Geçmiş yıl eklenmedi; dosya olduğu gibi kaldı:"), problems)
        owner = self.department or self._history_owner()
        marks = ",".join("?" * len(departments))
        with self.transaction() as conn:
            before = conn.execute(
                f"SELECT count(*) FROM history WHERE year = ? AND department IN ({marks})", (year, *departments)
            ).fetchone()[0]
            conn.execute(f"DELETE FROM history WHERE year = ? AND department IN ({marks})", (year, *departments))
            conn.executemany("INSERT INTO history (year, department, target, attribute, value) VALUES (?, ?, ?, ?, ?)", rows)
            self._audit(conn, owner, owner, HISTORY_ATTRIBUTE, f"{year}: {before}", f"{year}: {len(rows)}")
        self._history = None
        return len(rows)

    def _history_owner(self) -> str:
        """The department a consolidated file's history audit row is written in: the institution unit's."""
        inst = self.definition.institution_department
        return inst.key if inst is not None else self.definition.departments[0].key

    def findings(self, department: str | None = None, *, images: bool = False, entries: Entries | None = None) -> list[Finding]:
        """Every finding of this file (or of one department of it), computed at once and composed
        as the open-file model composes them (``found.py``). ``images``: decode every stored photo
        as a merge does (``check``); ``entries``: as already read by the caller."""
        dept = department or self.department
        entries = self.entries() if entries is None else entries
        return found.compose(
            LiveChecks(self.definition, entries, dept, self.previous()).findings(),
            pending.findings(self.definition, self.pending_inputs(dept)),
            found.stored_findings(self, dept, images),
            found.returned_findings(self, dept),
        )

    def returned_findings(self) -> list[Finding]:
        """A warning per field the strategy unit named when it sent this department file back."""
        if not self.department or self.state()["state"] != "geri":
            return []
        return returned.findings(self.conn, self.definition, self.department)

    def stored_problems(self, images: bool = False) -> list[Problem]:
        """The problems of the stored rows (``stored.py``), computed once per open file.

        Edits through this class are checked before they are written, so they add none;
        an edit of a place with a problem replaces the bad row, and its problems go
        (``_replaced``). A consolidated file's timestamps were accepted when imported.
        """
        if self._stored is None or (images and not self._stored_images):
            found = stored.problems(self.conn, self.definition, self.department, self.year, images=images)
            self._stored = [p for p in found if self.department is not None or p.kind != "time"]
            self._stored_images = images
        return self._stored

    def forget_cached(self) -> None:
        """Forget what was read once per open file (the stored rows' problems, the earlier
        years): another connection changed the file in a way its audit rows do not describe."""
        self._stored = None
        self._history = None

    def _replaced(self, places) -> None:
        if self._stored:
            places = set(places)
            self._stored = [p for p in self._stored if p.place not in places]

    def pending_inputs(self, department: str | None = None, keys=None) -> dict[str, str]:
        """Unreadable text typed and not yet corrected or discarded: place → text (see ``pending.py``).

        ``keys`` limits the answer to those places (indexed: cheap after an edit;
        the whole log is read otherwise).
        """
        if keys is not None:
            return {k: t for k in keys if (t := pending.read_one(self.conn, k)) is not None}
        return pending.read(self.conn, department)

    def state(self, department: str | None = None) -> dict:
        dept = department or self.department
        row = self.conn.execute(
            "SELECT state, changed_at, changed_by, content_hash, note FROM status WHERE department = ?", (dept,)
        ).fetchone()
        if row is None:
            return {"state": "eksik", "changed_at": "", "changed_by": "", "content_hash": "", "note": ""}
        return dict(zip(("state", "changed_at", "changed_by", "content_hash", "note"), row))

    def audit_log(self, limit: int = 200) -> list[dict]:
        return list(self.db.query("SELECT * FROM audit ORDER BY id DESC LIMIT ?", [limit]))

    # --- writing --------------------------------------------------------
    @contextlib.contextmanager
    def transaction(self):
        try:
            with _tx(self.conn):
                yield self.conn
        except sqlite3.Error as exc:
            raise _disk_error(exc) from None

    def _audit(self, conn, department: str, target: str, attribute: str, old, new) -> None:
        conn.execute(
            "INSERT INTO audit (at, who, department, target, attribute, old, new) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (now(), self.user, department, target, attribute, old, new),
        )

    def set_value(self, key: str, value) -> bool:
        """Set one field or cell; ``None`` clears it. Returns False if unchanged."""
        return self.apply(values={key: value}) > 0

    def set_values(self, values: dict) -> int:
        """Set several values in one transaction (all or nothing). Returns the count changed."""
        return self.apply(values=values)

    def set_indicator(self, key: str, *, actual=UNSET, explanation=UNSET, source=UNSET) -> bool:
        row = {k: v for k, v in (("actual", actual), ("explanation", explanation), ("source", source)) if v is not UNSET}
        return self.apply(indicators={key: row}) > 0

    def set_activity(self, key: str, *, actual_cost=UNSET, explanation=UNSET, source=UNSET) -> bool:
        row = {
            k: v for k, v in (("actual_cost", actual_cost), ("explanation", explanation), ("source", source)) if v is not UNSET
        }
        return self.apply(activities={key: row}) > 0

    def apply(
        self,
        values: dict | None = None,
        indicators: dict | None = None,
        activities: dict | None = None,
        *,
        precondition: Callable[[sqlite3.Connection], None] | None = None,
    ) -> int:
        """Check every change, then write them all in one transaction.

        ``values`` maps field keys to values; ``indicators``/``activities`` map
        keys to dicts of the attributes to set. One bad change rejects the
        whole batch (ImportRejected, with a line per problem) and the file is
        unchanged. Returns the number of attributes that changed.
        ``precondition``: see ``write_prepared``.
        """
        cells, plan_rows, problems = self.prepare(values, indicators, activities)
        if problems:
            raise ImportRejected(_("Değişiklik kaydedilmedi; dosya olduğu gibi kaldı:"), problems)
        return self.write_prepared(cells, plan_rows, precondition=precondition)

    def write_prepared(
        self, cells: list, plan_rows: list, *, precondition: Callable[[sqlite3.Connection], None] | None = None
    ) -> int:
        """Write what ``prepare`` returned without problems, in one transaction; the number changed.
        (A caller that checks a batch with ``prepare`` to report its own problems writes it with
        this, instead of ``apply`` checking and converting every value a second time.)

        ``precondition`` is called with the transaction's connection right after the transaction
        began (no other connection can write until it ends), before anything is written: what
        it reads is what the write replaces. It raises to refuse; nothing is written then (an
        undo checks there that every place still holds what its step left: ``document.py``)."""
        changed = 0
        with self.transaction() as conn:
            if precondition is not None:
                precondition(conn)
            for key, department, encoded in cells:
                changed += self._write_cell(conn, key, department, encoded)
            for table, key, department, new in plan_rows:
                changed += self._write_plan_row(conn, table, key, department, new)
        self._replaced([c[0] for c in cells])
        return changed

    def prepare(self, values: dict | None = None, indicators: dict | None = None, activities: dict | None = None):
        """Check a batch without writing: (cells, plan rows, problems)."""
        if self.readonly:
            raise ReadOnlyWorkbook(_("Dosya salt okunur açık: {readonly_reason}").format(readonly_reason=self.readonly_reason))
        problems: list[str] = []
        department_problems: dict[str, str | None] = {}  # one look at the file's state per batch, not per value
        cells = self._prepare_values(values or {}, problems, department_problems)
        plan_rows = self._prepare_plan("indicator", indicators or {}, problems, department_problems)
        plan_rows += self._prepare_plan("activity", activities or {}, problems, department_problems)
        return cells, plan_rows, problems

    def _prepare_values(self, values: dict, problems: list[str], department_problems: dict) -> list:
        out = []
        for key, value in values.items():
            slot = self.definition.slots.get(key)
            if slot is None:
                problems.append(_("'{key}' diye bir alan yok").format(key=key))
                continue
            if slot.computed:
                problems.append(_("'{key}' ({label}) hesaplanan bir değer; girilemez").format(key=key, label=slot.label))
                continue
            problem = self._department_problem(slot.department, department_problems)
            if problem:
                problems.append(f"'{key}': {problem}")
                continue
            try:
                out.append((key, slot.department, codec.encode(slot.type, coerce(slot.type, value))))
            except ValueProblem as exc:
                problems.append(f"'{key}' ({slot.label}): {exc}")
        return out

    def _prepare_plan(self, table: str, rows: dict, problems: list[str], department_problems: dict) -> list:
        defs = self.definition.plan.indicators() if table == "indicator" else self.definition.plan.activities()
        by_key = {d.key: d for d in defs}
        num_col = "actual" if table == "indicator" else "actual_cost"
        what = "gösterge" if table == "indicator" else "faaliyet"
        out = []
        for key, attrs in rows.items():
            d = by_key.get(key)
            if d is None:
                problems.append(_("'{key}' diye bir {what} yok").format(key=key, what=what))
                continue
            problem = self._department_problem(d.department, department_problems)
            if problem:
                problems.append(f"'{key}': {problem}")
                continue
            new = {}
            try:
                for attr, value in attrs.items():
                    if attr == num_col and table == "activity":
                        new[attr] = codec.encode("money", coerce("money", value))
                    elif attr == num_col:  # an indicator counting things takes whole numbers only
                        number = coerce(actual_type(d), value)
                        new[attr] = codec.encode_number(None if number is None else Decimal(number))
                    elif attr in ("explanation", "source"):
                        new[attr] = coerce("note", value or "")
                    else:
                        problems.append(_("'{key}': bilinmeyen alan '{attr}'").format(key=key, attr=attr))
            except ValueProblem as exc:
                problems.append(f"'{key}' ({getattr(d, 'code', '')} {d.name}): {exc}")
                continue
            out.append((table, key, d.department, new))
        return out

    def _department_problem(self, department: str, known: dict | None = None) -> str | None:
        if known is None:
            return self._problem_of(department)
        if department not in known:
            known[department] = self._problem_of(department)
        return known[department]

    def _problem_of(self, department: str) -> str | None:
        if self.department and department != self.department:
            return _("bu dosya '{department}' birimine ait, alan '{department2}' biriminin").format(
                department=self.department, department2=department
            )
        if self.department and self.state()["state"] == "gonderildi":
            return _("dosya gönderildi olarak kilitli; değişiklik için Strateji Geliştirme'nin dosyayı geri göndermesi gerekir")
        return None

    def _write_cell(self, conn, key: str, department: str, encoded) -> int:
        row = conn.execute("SELECT value FROM entry WHERE key = ?", (key,)).fetchone()
        old = row[0] if row else None
        if row is not None and old == encoded and type(old) is type(encoded):
            return 0
        if encoded is None:
            if row is None:
                return 0
            conn.execute("DELETE FROM entry WHERE key = ?", (key,))
        else:
            conn.execute(
                "INSERT INTO entry (key, department, value, changed_at, changed_by) VALUES (?, ?, ?, ?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value, changed_at = excluded.changed_at, "
                "changed_by = excluded.changed_by",
                (key, department, encoded, now(), self.user),
            )
        self._audit(conn, department, key, "value", old, encoded)
        return 1

    def _write_plan_row(self, conn, table: str, key: str, department: str, new: dict) -> int:
        num_col = "actual" if table == "indicator" else "actual_cost"
        row = conn.execute(f"SELECT {num_col}, explanation, source FROM {table} WHERE key = ?", (key,)).fetchone()
        old = dict(zip((num_col, "explanation", "source"), row)) if row else {num_col: None, "explanation": "", "source": ""}
        diff = {k: v for k, v in new.items() if not (old[k] == v and type(old[k]) is type(v))}
        if not diff:
            return 0
        merged = {**old, **diff}
        conn.execute(
            f"INSERT INTO {table} (key, department, {num_col}, explanation, source, changed_at, changed_by) "
            f"VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(key) DO UPDATE SET {num_col} = excluded.{num_col}, "
            "explanation = excluded.explanation, source = excluded.source, changed_at = excluded.changed_at, "
            "changed_by = excluded.changed_by",
            (key, department, merged[num_col], merged["explanation"], merged["source"], now(), self.user),
        )
        for attr, value in diff.items():
            self._audit(conn, department, key, attr, old[attr], value)
        return len(diff)

    def record_unparsed(self, key: str, text: str) -> bool:
        """Keep text that could not be read as the value of ``key`` (one audit row); False if already kept."""
        return self._write_unparsed(key, unicodedata.normalize("NFC", text))

    def discard_unparsed(self, key: str) -> bool:
        """The clerk dropped the unreadable text of ``key``; False if none was pending."""
        return self._write_unparsed(key, None)

    def _write_unparsed(self, key: str, text: str | None) -> bool:
        if self.readonly:
            raise ReadOnlyWorkbook(_("Dosya salt okunur açık: {readonly_reason}").format(readonly_reason=self.readonly_reason))
        where = pending.place(self.definition, key)
        problem = self._department_problem(where.department)
        if problem:
            raise WorkbookError(f"'{key}': {problem}")
        with self.transaction() as conn:
            if pending.read_one(conn, key) == text:
                return False
            self._audit(conn, where.department, key, pending.ATTRIBUTE, pending.stored_raw(conn, where), text)
        return True

    def set_state(self, state: str, *, department: str | None = None, note: str = "", content_hash: str = "") -> None:
        dept = department or self.department
        if state not in STATES:
            raise WorkbookError(_("Bilinmeyen durum: {state}").format(state=state))
        if dept is None:
            raise WorkbookError(_("Birleşik dosyada durum bir birimin durumudur: hangi birimin durumunun değişeceğini seçin."))
        if self.readonly:
            raise ReadOnlyWorkbook(_("Dosya salt okunur açık: {readonly_reason}").format(readonly_reason=self.readonly_reason))
        with self.transaction() as conn:
            self.write_state(conn, dept, state, note=note, content_hash=content_hash)

    def write_state(self, conn, dept: str, state: str, *, note: str = "", content_hash: str = "") -> None:
        """The status row and its audit row, inside the caller's transaction (``set_state``, or an
        action that records more in the same transaction: a return note, a reopening)."""
        old = self.state(dept)["state"]
        conn.execute(
            "INSERT INTO status (department, state, changed_at, changed_by, content_hash, note) VALUES (?, ?, ?, ?, ?, ?) "
            "ON CONFLICT(department) DO UPDATE SET state = excluded.state, changed_at = excluded.changed_at, "
            "changed_by = excluded.changed_by, content_hash = excluded.content_hash, note = excluded.note",
            (dept, state, now(), self.user, content_hash, note),
        )
        self._audit(conn, dept, dept, "state", old, state)


@contextlib.contextmanager
def _tx(conn: sqlite3.Connection):
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        with contextlib.suppress(sqlite3.Error):
            conn.execute("ROLLBACK")
        raise
    else:
        try:
            conn.execute("COMMIT")
        except BaseException:
            with contextlib.suppress(sqlite3.Error):
                conn.execute("ROLLBACK")
            raise
