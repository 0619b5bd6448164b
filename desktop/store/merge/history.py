"""The import log as a list: every department file imported into the consolidated file.

``run.py`` writes one ``import_log`` row per imported file (name, hash,
clerk, submitted at, imported at, by whom, what changed); this module reads
them back for the strategy unit's window, newest first, without loading the
stored snapshot (``summary.base``) that the next merge compares against.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from ..file.workbook import Workbook


@dataclass(frozen=True)
class ImportRecord:
    id: int
    at: str
    by: str
    department: str
    file_name: str
    file_hash: str
    content_hash: str
    clerk: str
    submitted_at: str
    state: str  # the incoming file's state (taslak | gonderildi | …)
    changes: dict = field(default_factory=dict)  # {"eklenen": n, "degisen": n, "silinen": n}
    kept_here: int = 0  # changes made in the consolidated file and kept
    resolved: dict = field(default_factory=dict)  # conflict id -> "ours" | "theirs"
    reopened: dict = field(default_factory=dict)  # the clerk took the submission back: {"at", "by", "reason"}


def history(wb: Workbook, department: str | None = None, limit: int = 1000) -> list[ImportRecord]:
    """Imports, newest first (of one department when given)."""
    sql = (
        "SELECT id, at, by, department, file_name, file_hash, content_hash, clerk, submitted_at, "
        "json_extract(summary, '$.state'), json_extract(summary, '$.changes'), "
        "json_extract(summary, '$.kept_here'), json_extract(summary, '$.resolved'), json_extract(summary, '$.reopened') "
        "FROM import_log WHERE json_valid(summary) AND (?1 IS NULL OR department = ?1) ORDER BY id DESC LIMIT ?2"
    )
    out = []
    for row in wb.conn.execute(sql, (department, limit)):
        out.append(
            ImportRecord(  # type: ignore[misc]  # mypy cannot count the fields of a sqlite row
                *row[:9],
                state=row[9] or "",
                changes=_obj(row[10]),
                kept_here=int(row[11] or 0),
                resolved=_obj(row[12]),
                reopened=_obj(row[13]),
            )
        )
    return out


def _obj(text) -> dict:
    try:
        value = json.loads(text) if text else {}
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}
