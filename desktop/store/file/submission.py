"""A department's way through the year: submit, send a copy, accept or send back; the board.

* ``submit(wb)`` — the clerk's "Gönderildi": refused while errors remain;
  records who, when and the content hash; the file is then locked for edits
  (``Workbook._department_problem``) until the strategy unit sends it back.
* ``export_copy(wb, dest)`` — "Gönderilecek kopya": a single-file copy made
  with ``VACUUM INTO`` beside ``dest``, checked with the defensive open and a
  full integrity check, compared by content hash, synced and renamed into
  place. A half-written copy never carries the final name.
* ``accept(wb, dept)`` / ``send_back(wb, dept, note)`` — the strategy unit's
  decision on a department (in the consolidated file; ``send_back`` also
  works on a department file, which unlocks it for the clerk).
* ``board(wb)`` — one ``DepartmentStatus`` per department of the year.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from ...core.findings import Finding, count_by_severity
from ...core.i18n import _, lazy
from ...core.item_kinds import KINDS
from ..errors import ImportRejected, ReadOnlyWorkbook, WorkbookError
from ..merge.incoming import same_file
from . import fingerprint
from .states import STATES
from .tempfiles import publish, temp_beside
from .transaction import disk_error
from .workbook import Workbook

STATE_LABELS = {"eksik": lazy("Eksik"), **STATES}


@dataclass(frozen=True)
class ImportInfo:
    at: str
    by: str
    file_name: str
    clerk: str
    submitted_at: str
    content_hash: str
    changes: dict


@dataclass(frozen=True)
class DepartmentStatus:
    department: str
    name: str
    state: str  # eksik | taslak | gonderildi | kabul | geri
    completeness: int  # percent, 0–100 (100 only when everything is filled)
    filled: int
    total: int
    errors: int
    warnings: int
    last_import: ImportInfo | None
    note: str
    changed_at: str
    changed_by: str

    @property
    def state_label(self) -> str:
        return str(STATE_LABELS.get(self.state, self.state))


def _writable(wb: Workbook) -> None:
    if wb.readonly:
        raise ReadOnlyWorkbook(_("Dosya salt okunur açık: {readonly_reason}").format(readonly_reason=wb.readonly_reason))


def submit(wb: Workbook, errors: list[Finding] | None = None) -> str:
    """Mark a department file as submitted; returns the content hash recorded.

    ``errors``: the file's error findings as its open-file model holds them
    (``OpenFile.submit``); computed from the file when not given."""
    if not wb.department:
        raise WorkbookError(_("Birleşik dosya gönderilmez; 'Gönderildi' yalnızca birim dosyaları içindir."))
    _writable(wb)
    dept = wb.department
    state = wb.state()
    if state["state"] == "gonderildi":
        return state["content_hash"]
    if errors is None:
        errors = [f for f in wb.findings() if f.is_error]
    problems = [f"{f.place}: {f.message}" for f in errors if f.department == dept]
    if problems:
        raise ImportRejected(
            _("Dosya gönderilemedi: {n} hata var. Hataları düzeltip yeniden deneyin:").format(n=len(problems)), problems[:20]
        )
    digest = fingerprint.content_hash(wb.conn, dept)
    wb.set_state("gonderildi", content_hash=digest)
    return digest


def export_copy(wb: Workbook, dest: Path) -> Path:
    """Write a checked single-file copy of ``wb`` to ``dest`` (replacing it); returns ``dest``.

    SQLite's own snapshot of the file (``VACUUM INTO``, under its read lock), never its bytes: a
    file another program is writing has a change half on disk, with its journal beside it.
    While another program writes, the copy is refused and nothing is written."""
    dest = Path(dest)
    if dest.exists() and same_file(dest, wb.path) or dest.resolve() == wb.path.resolve():
        raise WorkbookError(_("Kopya, açık dosyanın üzerine yazılamaz. Başka bir ad ya da klasör seçin."))
    if not dest.parent.is_dir():
        raise WorkbookError(_("'{parent}' klasörü yok. Var olan bir klasör seçin.").format(parent=dest.parent))
    tmp = temp_beside(dest)
    tmp.unlink()
    try:
        try:
            wb.conn.execute("VACUUM INTO ?", (str(tmp),))
        except sqlite3.Error as exc:
            if "locked" in str(exc).lower() or "busy" in str(exc).lower():  # another program is writing it
                raise WorkbookError(
                    _(
                        "Kopya alınamadı: dosyaya şu anda başka bir program yazıyor. Biraz sonra yeniden deneyin; hiçbir yere bir şey yazılmadı."
                    )
                ) from None
            raise disk_error(exc) from None
        expected = {d: fingerprint.content_hash(wb.conn, d) for d in wb.departments}
        with Workbook.open(tmp, incoming=True) as copy:
            result = [r[0] for r in copy.conn.execute("PRAGMA integrity_check")]
            if result != ["ok"]:
                raise WorkbookError(
                    _("Kopya denetimden geçmedi ({join}); yeniden deneyin ya da başka bir disk seçin.").format(
                        join="; ".join(result[:3])
                    )
                )
            got = {d: fingerprint.content_hash(copy.conn, d) for d in copy.departments}
            if got != expected:
                raise WorkbookError(_("Kopyanın içeriği dosyayla tutmuyor; yeniden deneyin ya da başka bir disk seçin."))
        publish(tmp, dest)
    except OSError as exc:
        raise WorkbookError(
            _("Kopya yazılamadı ({strerror}). Diskte yer olduğunu ve yazılabilir olduğunu kontrol edin.").format(
                strerror=exc.strerror
            )
        ) from None
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()
    return dest


def _known(wb: Workbook, dept: str) -> None:
    if dept not in wb.departments:
        raise WorkbookError(_("'{dept}' birimi bu dosyada yok.").format(dept=dept))


def accept(wb: Workbook, dept: str) -> None:
    """The strategy unit accepts a submitted department (refused while it has errors)."""
    _known(wb, dept)
    _writable(wb)
    state = _state(wb, dept)
    if state != "gonderildi":
        raise WorkbookError(
            _("'{dept}' kabul edilemez: durumu '{state}'. Yalnızca gönderilmiş birimler kabul edilir.").format(
                dept=dept, state=STATE_LABELS.get(state, state)
            )
        )
    problems = [f"{f.place}: {f.message}" for f in wb.findings(dept) if f.is_error]
    if problems:
        raise ImportRejected(
            _("'{dept}' kabul edilemez: {n} hata var. Birimi notla geri gönderin:").format(dept=dept, n=len(problems)),
            problems[:20],
        )
    wb.set_state("kabul", department=dept, content_hash=fingerprint.content_hash(wb.conn, dept))


def send_back(wb: Workbook, dept: str, note: str, record: str = "") -> None:
    """Send a department back with a note; in a department file this unlocks it for the clerk.
    ``record``: the return file written for the clerk (``return_note``), kept in the same transaction."""
    _known(wb, dept)
    _writable(wb)
    note = (note or "").strip()
    if not note:
        raise WorkbookError(_("Geri gönderirken birime ne yapması gerektiğini bir notla yazın."))
    if _state(wb, dept) == "eksik":
        raise WorkbookError(_("'{dept}' biriminin dosyası henüz gelmedi; geri gönderilecek bir şey yok.").format(dept=dept))
    with wb.transaction() as conn:
        wb.write_state(conn, dept, "geri", note=note, content_hash=fingerprint.content_hash(wb.conn, dept))
        if record:
            wb._audit(conn, dept, dept, "return", None, record)


def _state(wb: Workbook, dept: str) -> str:
    if wb.is_consolidated and not _imported(wb, dept) and not _is_institution(wb, dept):
        return "eksik"
    return wb.state(dept)["state"]


def _is_institution(wb: Workbook, dept: str) -> bool:
    d = wb.definition.department(dept)
    return d is not None and d.role == "institution"


def _imported(wb: Workbook, dept: str) -> bool:
    return wb.conn.execute("SELECT 1 FROM import_log WHERE department = ? LIMIT 1", (dept,)).fetchone() is not None


def board(wb: Workbook, found: list[Finding] | None = None) -> list[DepartmentStatus]:
    """Every department of the year: state, completeness, open findings, last import.

    Linear in the number of departments: the entries are read once, the year's
    findings computed once (``Workbook.findings``; or given, as already computed)
    and every per-department count grouped in one pass over the definition.
    An open board follows edits without this (``file/board_live.py``).
    """
    entries = wb.entries()
    if found is None:
        found = wb.findings(entries=entries)
    return status_rows(wb, completeness(wb.definition, entries), severities(found), all_states(wb), last_imports(wb))


def completeness(definition, entries, departments=None) -> dict[str, tuple[int, int]]:
    """department → (filled, total) of what it has to fill: its entered fields and cells, its
    items' own counts (a photo list: one), its indicators' actuals, its activities' costs.

    ``departments`` None: every department, in one pass over the definition; else those
    departments only, through the definition's per-department indexes (an edit's update)."""
    filled: dict[str, int] = {}
    total: dict[str, int] = {}

    def count(dept: str, done: int, n: int = 1) -> None:
        total[dept] = total.get(dept, 0) + n
        filled[dept] = filled.get(dept, 0) + done

    if departments is None:
        slots = definition.slots.values()
        forms = definition.forms
        indicators, activities = definition.plan.indicators(), definition.plan.activities()
    else:
        slots = [s for d in departments for s in definition.slots_of(d)]
        forms = [definition.form(d) for d in departments]
        indicators = [i for d in departments for i in definition.indicators_of(d)]
        activities = [a for d in departments for a in definition.activities_of(d)]
    for slot in slots:
        if not slot.computed:
            count(slot.department, entries.values.get(slot.key) not in (None, ""))
    for form in forms:
        for section in form.sections:
            for item in section.items:
                item_filled, item_total = KINDS[item.kind].extra(form.department, item, entries)
                count(form.department, item_filled, item_total)
    for ind in indicators:
        count(ind.department, (e := entries.indicators.get(ind.key)) is not None and e.actual is not None)
    for act in activities:
        count(act.department, (ae := entries.activities.get(act.key)) is not None and ae.actual_cost is not None)
    out = {d: (filled[d], total[d]) for d in total}
    if departments is not None:
        out.update({d: (0, 0) for d in departments if d not in out})
    return out


def severities(found) -> dict[str, dict[str, int]]:
    """department → its findings counted by severity (one pass)."""
    by_department: dict[str, list] = {}
    for f in found:
        by_department.setdefault(f.department, []).append(f)
    return {d: count_by_severity(fs) for d, fs in by_department.items()}


def status_rows(wb: Workbook, counts, severity, states, last) -> list[DepartmentStatus]:
    """The board's rows from what was counted and read (linear in the departments)."""
    held = set(wb.departments)
    none = count_by_severity(())
    out = []
    for d in wb.definition.departments:
        if d.key not in held:
            continue
        status = states.get(d.key) or wb.state(d.key)
        missing = wb.is_consolidated and d.key not in last and d.role != "institution"
        done, n = counts.get(d.key, (0, 0))
        c = severity.get(d.key, none)
        out.append(
            DepartmentStatus(
                department=d.key,
                name=d.name,
                state="eksik" if missing else status["state"],
                completeness=(100 * done // n) if n else 100,
                filled=done,
                total=n,
                errors=c["error"],
                warnings=c["warning"],
                last_import=last.get(d.key),
                note=status["note"],
                changed_at=status["changed_at"],
                changed_by=status["changed_by"],
            )
        )
    return out


def last_imports(wb: Workbook) -> dict[str, ImportInfo]:
    """The newest import of each department, in one query (without the stored snapshot)."""
    out = {}
    sql = (
        "SELECT department, at, by, file_name, clerk, submitted_at, content_hash, "
        "CASE WHEN json_valid(summary) THEN json_extract(summary, '$.changes') END "
        "FROM import_log WHERE id IN (SELECT max(id) FROM import_log GROUP BY department)"
    )
    for dept, at, by, file_name, clerk, submitted_at, content_hash, changes in wb.conn.execute(sql):
        try:
            parsed = json.loads(changes) if changes else {}
        except ValueError:
            parsed = {}
        out[dept] = ImportInfo(at, by, file_name, clerk, submitted_at, content_hash, parsed if isinstance(parsed, dict) else {})
    return out


def all_states(wb: Workbook) -> dict[str, dict]:
    """``Workbook.state`` of every department with a status row, in one query."""
    cols = ("state", "changed_at", "changed_by", "content_hash", "note")
    return {row[0]: dict(zip(cols, row[1:])) for row in wb.conn.execute("SELECT department, " + ", ".join(cols) + " FROM status")}
