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
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from ..core.findings import count_by_severity
from ..core.item_kinds import KINDS
from . import fingerprint
from .errors import ImportRejected, ReadOnlyWorkbook, WorkbookError
from .incoming import same_file
from .tempfiles import temp_beside
from .tempfiles import fsync_dir as _fsync_dir, fsync_file as _fsync
from .workbook import STATES, Workbook, _disk_error

STATE_LABELS = {"eksik": "Eksik", **STATES}


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
        return STATE_LABELS.get(self.state, self.state)


def _writable(wb: Workbook) -> None:
    if wb.readonly:
        raise ReadOnlyWorkbook(f"Dosya salt okunur açık: {wb.readonly_reason}")


def _errors_of(wb: Workbook, dept: str) -> list[str]:
    return [f"{f.place}: {f.message}" for f in wb.findings() if f.is_error and f.department == dept]


def submit(wb: Workbook) -> str:
    """Mark a department file as submitted; returns the content hash recorded."""
    if not wb.department:
        raise WorkbookError("Birleşik dosya gönderilmez; 'Gönderildi' yalnızca birim dosyaları içindir.")
    _writable(wb)
    dept = wb.department
    state = wb.state()
    if state["state"] == "gonderildi":
        return state["content_hash"]
    problems = _errors_of(wb, dept)
    if problems:
        raise ImportRejected(
            f"Dosya gönderilemedi: {len(problems)} hata var. Hataları düzeltip yeniden deneyin:", problems[:20]
        )
    digest = fingerprint.content_hash(wb.conn, dept)
    wb.set_state("gonderildi", content_hash=digest)
    return digest


def export_copy(wb: Workbook, dest: Path) -> Path:
    """Write a checked single-file copy of ``wb`` to ``dest`` (replacing it); returns ``dest``."""
    dest = Path(dest)
    if dest.exists() and same_file(dest, wb.path) or dest.resolve() == wb.path.resolve():
        raise WorkbookError("Kopya, açık dosyanın üzerine yazılamaz. Başka bir ad ya da klasör seçin.")
    if not dest.parent.is_dir():
        raise WorkbookError(f"'{dest.parent}' klasörü yok. Var olan bir klasör seçin.")
    tmp = temp_beside(dest)
    tmp.unlink()
    try:
        try:
            wb.conn.execute("VACUUM INTO ?", (str(tmp),))
        except sqlite3.Error as exc:
            raise _disk_error(exc) from None
        expected = {d: fingerprint.content_hash(wb.conn, d) for d in wb.departments}
        with Workbook.open(tmp, incoming=True) as copy:
            result = [r[0] for r in copy.conn.execute("PRAGMA integrity_check")]
            if result != ["ok"]:
                raise WorkbookError(f"Kopya denetimden geçmedi ({'; '.join(result[:3])}); yeniden deneyin ya da başka bir disk seçin.")
            got = {d: fingerprint.content_hash(copy.conn, d) for d in copy.departments}
            if got != expected:
                raise WorkbookError("Kopyanın içeriği dosyayla tutmuyor; yeniden deneyin ya da başka bir disk seçin.")
        _fsync(tmp)
        os.replace(tmp, dest)
        _fsync_dir(dest.parent)
    except OSError as exc:
        raise WorkbookError(f"Kopya yazılamadı ({exc.strerror}). Diskte yer olduğunu ve yazılabilir olduğunu kontrol edin.") from None
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()
    return dest


def _known(wb: Workbook, dept: str) -> None:
    if dept not in wb.departments:
        raise WorkbookError(f"'{dept}' birimi bu dosyada yok.")


def accept(wb: Workbook, dept: str) -> None:
    """The strategy unit accepts a submitted department (refused while it has errors)."""
    _known(wb, dept)
    _writable(wb)
    state = _state(wb, dept)
    if state != "gonderildi":
        raise WorkbookError(
            f"'{dept}' kabul edilemez: durumu '{STATE_LABELS.get(state, state)}'. Yalnızca gönderilmiş birimler kabul edilir."
        )
    problems = _errors_of(wb, dept)
    if problems:
        raise ImportRejected(f"'{dept}' kabul edilemez: {len(problems)} hata var. Birimi notla geri gönderin:", problems[:20])
    wb.set_state("kabul", department=dept, content_hash=fingerprint.content_hash(wb.conn, dept))


def send_back(wb: Workbook, dept: str, note: str) -> None:
    """Send a department back with a note; in a department file this unlocks it for the clerk."""
    _known(wb, dept)
    _writable(wb)
    note = (note or "").strip()
    if not note:
        raise WorkbookError("Geri gönderirken birime ne yapması gerektiğini bir notla yazın.")
    if _state(wb, dept) == "eksik":
        raise WorkbookError(f"'{dept}' biriminin dosyası henüz gelmedi; geri gönderilecek bir şey yok.")
    wb.set_state("geri", department=dept, note=note, content_hash=fingerprint.content_hash(wb.conn, dept))


def _state(wb: Workbook, dept: str) -> str:
    if wb.is_consolidated and not _imported(wb, dept) and not _is_institution(wb, dept):
        return "eksik"
    return wb.state(dept)["state"]


def _is_institution(wb: Workbook, dept: str) -> bool:
    d = wb.definition.department(dept)
    return d is not None and d.role == "institution"


def _imported(wb: Workbook, dept: str) -> bool:
    return wb.conn.execute("SELECT 1 FROM import_log WHERE department = ? LIMIT 1", (dept,)).fetchone() is not None


def board(wb: Workbook) -> list[DepartmentStatus]:
    """Every department of the year: state, completeness, open findings, last import."""
    definition = wb.definition
    entries = wb.entries()
    findings = wb.findings()
    last = {}
    for row in wb.db.query("SELECT * FROM import_log WHERE id IN (SELECT max(id) FROM import_log GROUP BY department)"):
        try:
            changes = json.loads(row["summary"]).get("changes", {}) if row["summary"] else {}
        except ValueError:
            changes = {}
        last[row["department"]] = ImportInfo(
            row["at"], row["by"], row["file_name"], row["clerk"], row["submitted_at"], row["content_hash"], changes
        )
    out = []
    for d in definition.departments:
        if d.key not in wb.departments:
            continue
        filled = total = 0
        for slot in definition.slots_of(d.key):
            if not slot.computed:
                total += 1
                filled += entries.values.get(slot.key) not in (None, "")
        for section in definition.form(d.key).sections:
            for item in section.items:
                item_filled, item_total = KINDS[item.kind].extra(d.key, item, entries)
                filled, total = filled + item_filled, total + item_total
        for ind in definition.indicators_of(d.key):
            total += 1
            filled += (e := entries.indicators.get(ind.key)) is not None and e.actual is not None
        for act in definition.activities_of(d.key):
            total += 1
            filled += (e := entries.activities.get(act.key)) is not None and e.actual_cost is not None
        counts = count_by_severity(f for f in findings if f.department == d.key)
        status = wb.state(d.key)
        missing = wb.is_consolidated and d.key not in last and d.role != "institution"
        out.append(
            DepartmentStatus(
                department=d.key,
                name=d.name,
                state="eksik" if missing else status["state"],
                completeness=(100 * filled // total) if total else 100,
                filled=filled,
                total=total,
                errors=counts["error"],
                warnings=counts["warning"],
                last_import=last.get(d.key),
                note=status["note"],
                changed_at=status["changed_at"],
                changed_by=status["changed_by"],
            )
        )
    return out
