"""The workbook file: one department (or the consolidated year) in one SQLite file.

Every change is one committed transaction with its audit rows (journal DELETE,
synchronous FULL): a crash, a kill or a full disk loses at most the change in
flight. Nothing is cached that the file does not hold.

``Workbook`` is the open file: its identity, reading, and every write as one transaction.
Opening and creating a file are ``opening.py``; checking an edit batch and writing its rows
``edits.py``; the transaction and its disk errors ``transaction.py``; the states a
department's file goes through ``states.py``.
"""

from __future__ import annotations

import contextlib
import functools
import sqlite3
import unicodedata
from collections.abc import Callable
from pathlib import Path

from ...core import gc_pause
from ...core.definition import Definition
from ...core.entries import ActivityEntry, Entries, IndicatorEntry
from ...core.findings import Finding
from ...core.i18n import _
from ...core.live_checks import LiveChecks
from ...core.slot import Slot
from ..errors import DamagedWorkbook, ImportRejected, ReadOnlyWorkbook, WorkbookError
from . import codec, definition_store, earlier_years, edits, found, opening, pending, returned, stored, stored_values
from .clock import current_user, now
from .row_check import Problem
from .states import STATES
from .transaction import committed, disk_error

SUFFIX = ".faaliyet"
HISTORY_ATTRIBUTE = "gecmis_yil"  # the audit row of ``add_history``: "<year>: <rows>" before and after
UNSET = object()


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
        opening.check_identity(self.meta, self.definition, path.name)
        self._stored: list[Problem] | None = None  # computed when first asked (see stored_problems)
        # what a merge into this file made of its definition, for the next one (``merge/incoming.stored_definition``)
        self.merge_cache: object | None = None
        self._history: dict[int, Entries] | None = None  # read when first asked (see history)
        self._stored_images = False  # whether _stored decoded every photo

    @property
    def user(self) -> str:
        """Who writes (the audit rows): the system is asked at the first write, not when opening
        (getpass and its terminal module are ~0,5 ms of a window's start)."""
        if self._user is None:
            self._user = current_user()
        return self._user

    # --- opening ----------------------------------------------------------
    @classmethod
    def open(cls, path: Path | str, *, readonly: bool = False, incoming: bool = False, user: str | None = None) -> Workbook:
        """Open an existing workbook after every safety check (``opening.connect_checked``).

        ``incoming`` marks a file from elsewhere (merge): a hot journal beside
        it is refused instead of rolled back, and it is always read-only.
        """
        path = Path(path)
        conn, reason = opening.connect_checked(path, readonly=readonly, incoming=incoming)
        try:
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
        user = opening.write_new(Path(path), definition, department, user=user, history=history)
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
            with committed(self.conn):
                yield self.conn
        except sqlite3.Error as exc:
            raise disk_error(exc) from None

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
        undo checks there that every place still holds what its step left: ``undo.py``)."""
        changed = 0
        with self.transaction() as conn:
            if precondition is not None:
                precondition(conn)
            for key, department, encoded in cells:
                changed += edits.write_cell(self, conn, key, department, encoded)
            for table, key, department, new in plan_rows:
                changed += edits.write_plan_row(self, conn, table, key, department, new)
        self._replaced([c[0] for c in cells])
        return changed

    def prepare(self, values: dict | None = None, indicators: dict | None = None, activities: dict | None = None):
        """Check a batch without writing: (cells, plan rows, problems) (``edits.py``)."""
        return edits.prepare(self, values, indicators, activities)

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
