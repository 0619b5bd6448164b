"""Opening a workbook file after every safety check, and writing a new one.

Before a ``Workbook`` is built on a file: its header, a journal left beside it, its schema
version (migrated, or read as it is when read-only) and its identity rows are checked
(``connect_checked``, ``check_identity``). A new file is written whole beside its final name
and renamed into place (``write_new``).
"""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

from ...core.definition import Definition
from ...core.i18n import _
from ..errors import DamagedWorkbook, ImportRejected, ReadOnlyWorkbook, WorkbookError
from . import definition_store, earlier_years
from .clock import current_user, now
from .safe_open import check_header, connect, verify, writable_reason
from .schema import SCHEMA_VERSION, migrate
from .stored_values import show
from .tempfiles import publish, temp_beside
from .transaction import committed, disk_error


def connect_checked(path: Path, *, readonly: bool, incoming: bool) -> tuple[sqlite3.Connection, str | None]:
    """The file's connection after every safety check, and why it is read-only (None: writable).

    ``incoming`` marks a file from elsewhere (merge): a hot journal beside it is refused
    instead of rolled back, and it is always read-only. An older schema is migrated in a
    writable file and read as it is in a read-only one (2 and 3), else refused.
    """
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
                with committed(conn):
                    migrate(conn, version, path.name)
        if reason is None:
            conn.execute("PRAGMA journal_mode = DELETE")
            conn.execute("PRAGMA synchronous = FULL")
            if Path(str(path) + "-journal").exists():
                # A kill before the journal's first sync leaves one SQLite ignores (not
                # hot) but never deletes; a no-op write lets SQLite replace and delete it,
                # so the file can travel alone (incoming files with a -journal are refused).
                with contextlib.suppress(sqlite3.Error), committed(conn):
                    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        return conn, reason
    except BaseException:
        conn.close()
        raise


def check_identity(meta: dict, definition: Definition, name: str) -> None:
    """The identity rows must make sense before anything is built on them."""
    problems: list[str] = []
    if meta["kind"] not in ("department", "consolidated"):
        problems.append(_("dosya türü '{show}' tanınmıyor").format(show=show(meta["kind"])))
    elif meta["kind"] == "department" and definition.department(meta.get("department") or "") is None:
        problems.append(_("birim '{show}' dosyanın form tanımında yok").format(show=show(meta.get("department"))))
    if meta["year"] != str(definition.year.year):
        problems.append(_("yıl '{show}', form tanımının yılı {year}").format(show=show(meta["year"]), year=definition.year.year))
    if problems:
        raise DamagedWorkbook(
            _("'{name}' bozuk ya da Faaliyet dışında değiştirilmiş: ").format(name=name)
            + "; ".join(problems)
            + _(". Dosyayı göndereninden yeniden isteyin ya da yedeğini kullanın.")
        )


def write_new(path: Path, definition: Definition, department: str | None, *, user: str | None, history) -> str:
    """Write a new, empty workbook file for one department (or consolidated when None) and return
    who wrote it. ``history``: see ``Workbook.create``. Written to a temporary file beside the
    target and renamed into place, so a half-written file never carries the final name."""
    if department is not None and definition.department(department) is None:
        known = ", ".join(d.key for d in definition.departments)
        raise WorkbookError(
            _("'{department}' diye bir birim yok. Bilinen birimler: {known}").format(department=department, known=known)
        )
    if path.exists():
        raise WorkbookError(
            _("'{name}' zaten var; üzerine yazılmaz. Başka bir ad seçin ya da önce eski dosyayı taşıyın.").format(name=path.name)
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
        with committed(conn):
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
        raise disk_error(exc) from None
    except BaseException:
        tmp_path.unlink(missing_ok=True)
        raise
    return user
