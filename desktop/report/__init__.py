"""The report PDF (ReportLab). ``build_report`` is the public entry point.

This module stays light: ReportLab is imported only when a report is built,
so the command line starts quickly.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from ..store.file.workbook import Workbook


class ReportCancelled(Exception):
    """The caller's ``cancelled()`` returned True; no file was written."""


@dataclass(frozen=True)
class ReportResult:
    path: Path
    pages: int
    draft: bool  # validation errors remain: every page says TASLAK
    fingerprint: str  # SHA-256 (hex) of the data, printed on the last page


def build_report(
    wb: Workbook,
    out: Path,
    *,
    department: str | None = None,
    progress: Callable[[int, int, str], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ReportResult:
    """Build the consolidated report (or one department's report) into ``out``.

    Written to a temporary file beside ``out`` and renamed into place, so an
    earlier PDF at the same path stays whole if the build fails or is
    cancelled (``ReportCancelled``). The same workbook always gives a
    byte-identical PDF. ``progress(done, total, message)`` is called from the
    building thread.
    """
    from ..core.heap import existing_objects_frozen
    from .build import build

    with existing_objects_frozen():
        return build(wb, Path(out), department=department, progress=progress, cancelled=cancelled)


__all__ = ["ReportCancelled", "ReportResult", "build_report"]
