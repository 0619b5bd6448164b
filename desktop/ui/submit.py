"""Submitting a department file and writing the copy to send.

The rules live in ``desktop.store.file.submission`` (``submit``: refused while
errors remain, records who/when/content hash, locks; ``export_copy``: VACUUM
INTO, verified, renamed into place). This module only asks and reports.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from ..core.dates import format_datetime
from ..store.errors import WorkbookError
from .i18n import tr
from .model import Document


def when(iso: str) -> str:
    """An audit timestamp (UTC, ISO) as the clerk reads it: 25.02.2021 14:05, local time."""
    try:
        return format_datetime(dt.datetime.fromisoformat(iso).astimezone())
    except ValueError:
        return iso


def refusal_text(doc: Document) -> str:
    errors = doc.errors
    lines = "\n".join("• " + (f.message if len(f.message) <= 160 else f.message[:159].rstrip() + "…") for f in errors[:10])
    more = "\n" + tr("… ve {0} hata daha.").format(len(errors) - 10) if len(errors) > 10 else ""
    return (
        tr(
            "Dosya gönderildi olarak işaretlenemedi: {0} hata düzeltilmeli.\nDenetim panelinde hataya tıklayınca ilgili alana gidilir.\n\n"
        ).format(len(errors))
        + lines
        + more
    )


def submit(doc: Document, parent: QWidget, confirm=None) -> tuple[bool, str]:
    """Mark the file "Gönderildi". Returns (done, message for the clerk)."""
    if doc.locked:
        return False, tr("Dosya zaten kilitli ({0}).").format(doc.state_label if doc.submitted else doc.wb.readonly_reason)
    if doc.errors:
        return False, refusal_text(doc)
    ask = confirm or (
        lambda text: QMessageBox.question(parent, tr("Gönderildi olarak işaretle"), text) == QMessageBox.StandardButton.Yes
    )
    if not ask(
        tr(
            'Dosya "Gönderildi" olarak işaretlenecek ve düzenlemeye kapanacak. Değişiklik için Strateji Geliştirme\'nin '
            "dosyayı geri göndermesi gerekir. Devam edilsin mi?"
        )
    ):
        return False, ""
    try:
        doc.apply(doc.model.submit)
    except WorkbookError as exc:
        doc.reload_state()
        return False, str(exc)
    st = doc.state()
    return True, tr(
        'Dosya gönderildi olarak işaretlendi ({0}, {1}). Şimdi "Gönderilecek kopya" ile gönderilecek dosyayı oluşturun.'
    ).format(st.get("changed_by", ""), when(st.get("changed_at", "")))


def export_copy(doc: Document, parent: QWidget, dest: Path | None = None) -> tuple[bool, str]:
    """Write a verified clean copy wherever the clerk chooses; says where it went."""
    if dest is None:
        suggested = Path.home() / doc.path.name
        if suggested.resolve() == doc.path.resolve():  # never offer the open file itself
            suggested = suggested.with_name(f"{doc.path.stem}-gonderilecek{doc.path.suffix}")
        name, _ = QFileDialog.getSaveFileName(
            parent,
            tr("Gönderilecek kopyayı nereye kaydedeyim? (USB bellek, ağ klasörü…)"),
            str(suggested),
            tr("Faaliyet dosyası (*.faaliyet)"),
        )
        if not name:
            return False, ""
        dest = Path(name)
    from ..store.file import submission

    try:
        written = submission.export_copy(doc.wb, dest)
    except WorkbookError as exc:
        return False, str(exc)
    except OSError as exc:
        return False, tr("Kopya yazılamadı ({0}). Hedef diskin takılı ve yazılabilir olduğunu kontrol edin.").format(
            exc.strerror or exc
        )
    note = "" if doc.submitted else "\n\n" + tr('Not: dosya henüz "Gönderildi" olarak işaretlenmedi.')
    return True, tr("Gönderilecek kopya yazıldı ve denetlendi:\n{0}").format(written) + note
