"""One committed transaction of a workbook file, and the Turkish message for a write the disk refused.

``committed`` is BEGIN IMMEDIATE … COMMIT (ROLLBACK on any exception); every write of a file
goes through it (``Workbook.transaction``, the merge, a new file), so a change is whole or
not at all. ``disk_error`` says what went wrong and what to do, and that the file is as it was.
"""

from __future__ import annotations

import contextlib
import sqlite3

from ...core.i18n import _
from ..errors import ReadOnlyWorkbook, WorkbookError


def disk_error(exc: sqlite3.Error) -> WorkbookError:
    """What a write the disk refused means for the clerk (full, read-only, locked by another program)."""
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


@contextlib.contextmanager
def committed(conn: sqlite3.Connection):
    """BEGIN IMMEDIATE, then COMMIT, or ROLLBACK when anything raised (and raise it again)."""
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
