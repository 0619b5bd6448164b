"""The clerk's one "Gönder" step, the labelled draft copy, and taking a submission back.

* ``send(wb, dest)`` — check, mark as sent (``submission.submit``: refused while
  errors remain) and write the checked copy (``submission.export_copy``) in
  one action. If the copy cannot be written, the state the file had before is
  written back (with its audit row): a file is never left "sent" without the
  copy that was to be sent.
* ``labelled_copy(wb, dest)`` — a copy of a file that is not sent carries
  ``-TASLAK`` in its name, whatever name was chosen.
* Either copy given a folder (a USB stick, a network share) goes into it under the
  file's own name (``destination``).
* ``reopen(wb, reason)`` — the clerk takes a submission back with a reason:
  draft again, the reason in the status note and in a ``reopen`` audit row,
  which the next import shows to the strategy unit (``merge/incoming.py``).
"""

from __future__ import annotations

from pathlib import Path

from ...core.findings import Finding
from ...core.i18n import _
from ..errors import ReadOnlyWorkbook, WorkbookError
from . import submission
from .stored_values import text_problem
from .workbook import SUFFIX, Workbook

DRAFT = "-TASLAK"
REOPEN = "reopen"  # the audit attribute of a submission taken back


def send(wb: Workbook, dest: Path, errors: list[Finding] | None = None) -> tuple[str, Path]:
    """Mark the department file as sent and write the copy to ``dest``; (content hash, path written).
    ``errors``: the file's error findings as its open-file model holds them (``OpenFile.send``)."""
    dest = destination(wb, dest)
    before = wb.state()
    digest = submission.submit(wb, errors)  # a department file (refused otherwise)
    dept = str(wb.department)
    try:
        written = submission.export_copy(wb, dest)
    except BaseException:
        if before["state"] != "gonderildi":
            with wb.transaction() as conn:  # the copy did not go: neither did the file
                wb.write_state(conn, dept, before["state"], note=before["note"], content_hash=before["content_hash"])
        raise
    return digest, written


def destination(wb: Workbook, dest: Path) -> Path:
    """Where a copy of ``wb`` goes: ``dest``, or the file's own name inside ``dest`` when that is a folder."""
    dest = Path(dest)
    return dest / wb.path.name if dest.is_dir() else dest


def is_draft_name(path: Path) -> bool:
    return Path(path).name.removesuffix(SUFFIX).endswith(DRAFT)


def draft_name(path: Path) -> Path:
    """``x.faaliyet`` -> ``x-TASLAK.faaliyet`` (unchanged when it already says so)."""
    path = Path(path)
    if is_draft_name(path):
        return path
    stem = path.name.removesuffix(SUFFIX)
    return path.with_name(stem + DRAFT + SUFFIX)


def labelled_copy(wb: Workbook, dest: Path) -> Path:
    """A checked copy (``export_copy``); a file that is not sent gets a ``-TASLAK`` name."""
    dest = destination(wb, dest)
    if wb.department is not None and wb.state()["state"] != "gonderildi":
        dest = draft_name(dest)
    return submission.export_copy(wb, dest)


def reopen(wb: Workbook, reason: str) -> None:
    """Take a submission back: draft again, with the reason recorded for the strategy unit."""
    if not wb.department:
        raise WorkbookError(_("Gönderim yalnızca birim dosyasında geri alınır."))
    if wb.readonly:
        raise ReadOnlyWorkbook(_("Dosya salt okunur açık: {r}").format(r=wb.readonly_reason))
    if wb.state()["state"] != "gonderildi":
        raise WorkbookError(_("Dosya gönderilmiş değil; geri alınacak bir gönderim yok."))
    reason = (reason or "").strip()
    if not reason:
        raise WorkbookError(_("Gönderimi neden geri aldığınızı yazın; Strateji Geliştirme bir sonraki aktarımda görür."))
    if (p := text_problem(reason)) is not None:
        raise WorkbookError(_("Gerekçe çok uzun ya da okunamıyor: {p}.").format(p=p))
    with wb.transaction() as conn:
        wb.write_state(conn, wb.department, "taslak", note=reason)
        wb._audit(conn, wb.department, wb.department, REOPEN, None, reason)
