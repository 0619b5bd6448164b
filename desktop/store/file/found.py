"""What an open file's findings are made of, in one place.

A file's findings are, in this order:

1. the definition's checks (``core/live_checks.py``: forms, rules, indicators, plan);
2. an error per unreadable input kept in the file (``pending.py``);
3. an error per stored row that breaks a rule of ``stored.py`` (what a merge refuses);
4. a warning per field the strategy unit named when it sent the file back (``returned.py``).

``compose`` puts the parts together; the open-file model (``document.OpenFile``)
keeps each part and recomputes only the parts an edit reaches, ``Workbook.findings``
computes them all at once. Both compose here, so they cannot disagree (the draft
mark of the report, ``check``, submit, the board and the windows all read them).
This module imports neither of them.
"""

from __future__ import annotations

from ...core.findings import Finding

STORED_RULE = "saklanan_kayit"


def compose(checks: list[Finding], pending: list[Finding], stored: list[Finding], returned: list[Finding]) -> list[Finding]:
    return checks + pending + stored + returned


def stored_findings(wb, department: str | None, images: bool = False) -> list[Finding]:
    """An error per problem of the stored rows (of one department, or all when None)."""
    return [
        Finding("error", p.place, p.message, STORED_RULE, p.department)
        for p in wb.stored_problems(images)
        if department is None or p.department == department
    ]


def returned_findings(wb, department: str | None) -> list[Finding]:
    """The send-back warnings: only in a department file, for its own department."""
    return wb.returned_findings() if department == wb.department else []
