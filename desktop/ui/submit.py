"""The clerk's way out and back: "Gönder", a draft copy, taking a submission back, a return file.

The rules live in the store (``store.file.sending``: ``send`` checks, marks as
sent and writes the copy in one step, and leaves the file as it was when the
copy fails; ``labelled_copy`` names a copy of an unsent file ``-TASLAK``;
``reopen`` takes a submission back with a reason. ``store.file.return_note``:
the strategy unit's return file, checked and received). This module only asks,
reports and says what the banner shows.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtWidgets import QWidget

from ..core.dates import format_datetime
from ..store.errors import WorkbookError
from .i18n import tr
from .model import Document

RETURN_SUFFIX = ".geri.json"  # store.file.return_note.SUFFIX (the store's modules load when first used)
DRAFT = "-TASLAK"  # store.file.sending.DRAFT


def when(iso: str) -> str:
    """An audit timestamp (UTC, ISO) as the clerk reads it: 25.02.2021 14:05, local time."""
    try:
        return format_datetime(dt.datetime.fromisoformat(iso).astimezone())
    except ValueError:
        return iso


# errors the refusal names (each cut as before): the box must fit a 1366×768 screen at 150 %
# (512 px high); ten of up to 160 characters made it taller than that, its button below the screen.
# Every error is in the checks panel beside, each taking the clerk to its field.
REFUSAL_LISTED = 3
REFUSAL_CHARS = 160


def refusal_text(doc: Document) -> str:
    errors = doc.errors
    lines = "\n".join(
        "• " + (f.message if len(f.message) <= REFUSAL_CHARS else f.message[: REFUSAL_CHARS - 1].rstrip(" .,;:") + "…")
        for f in errors[:REFUSAL_LISTED]
    )
    more = len(errors) - REFUSAL_LISTED
    return (
        tr("Dosya gönderilemedi: {0} hata düzeltilmeli.\nDenetim panelinde hataya tıklayınca ilgili alana gidilir.\n\n").format(
            len(errors)
        )
        + lines
        + ("\n" + tr("… ve {0} hata daha: hepsi Denetim panelinde.").format(more) if more > 0 else "")
    )


def _choose(parent: QWidget, title: str, suggested: Path) -> Path | None:
    from PySide6.QtWidgets import QFileDialog  # local: opening a file imports this module, not the dialog

    name, _ = QFileDialog.getSaveFileName(parent, title, str(suggested), tr("Faaliyet dosyası (*.faaliyet)"))
    return Path(name) if name else None


def _suggested(doc: Document, draft: bool) -> Path:
    from ..store.file.sending import draft_name

    suggested = Path.home() / doc.path.name
    if suggested.resolve() == doc.path.resolve():  # never offer the open file itself
        suggested = suggested.with_name(f"{doc.path.stem}-gonderilecek{doc.path.suffix}")
    return draft_name(suggested) if draft else suggested


def send(doc: Document, parent: QWidget, dest: Path | None = None, confirm=None) -> tuple[bool, str]:
    """The one "Gönder" step: refused while errors remain; asks where the copy goes; marks as sent
    and writes it. Returns (done, message for the clerk)."""
    if doc.readonly:
        return False, tr("Dosya salt okunur açık ({0}); gönderilemez.").format(doc.wb.readonly_reason)
    if doc.errors:
        return False, refusal_text(doc)
    again = doc.submitted
    if dest is None:
        dest = _choose(parent, tr("Gönderilecek kopyayı nereye kaydedeyim? (USB bellek, ağ klasörü…)"), _suggested(doc, False))
        if dest is None:
            return False, ""
    if (
        not again
        and confirm is not None
        and not confirm(
            tr(
                "Dosya denetlendi, hata yok. Gönderildi olarak işaretlenecek, düzenlemeye kapanacak ve kopyası şuraya "
                "yazılacak:\n{0}\n\nDeğişiklik gerekirse 'Gönderimi geri al…' ile gerekçe yazarak geri alabilirsiniz. Gönderilsin mi?"
            ).format(dest)
        )
    ):
        return False, ""
    try:
        change = doc.apply(doc.model.send, dest)
    except WorkbookError as exc:
        doc.reload_state()
        return False, tr("Gönderilemedi; dosya eskisi gibi duruyor.") + "\n\n" + str(exc)
    written = change.copy
    st = doc.state()
    return True, tr(
        "Gönderildi ({0}, {1}). Denetlenmiş kopya yazıldı:\n{2}\n\nBu kopyayı Strateji Geliştirme'ye iletin (USB bellek, ağ klasörü, e-posta)."
    ).format(st.get("changed_by", ""), when(st.get("changed_at", "")), written)


def draft_copy(doc: Document, parent: QWidget, dest: Path | None = None) -> tuple[bool, str]:
    """A checked copy without sending; an unsent file's copy is named ``-TASLAK`` and said to be a draft."""
    draft = not doc.submitted
    if dest is None:
        dest = _choose(parent, tr("Taslak kopyayı nereye kaydedeyim?"), _suggested(doc, draft))
        if dest is None:
            return False, ""
    from ..store.file import sending

    try:
        written = sending.labelled_copy(doc.wb, dest)
    except WorkbookError as exc:
        return False, str(exc)
    if not draft:
        return True, tr("Gönderilmiş dosyanın kopyası yazıldı:\n{0}").format(written)
    return True, tr(
        "TASLAK kopya yazıldı:\n{0}\n\nBu dosya gönderilmedi; Strateji Geliştirme'de de taslak görünür. Göndermek için 'Gönder…'."
    ).format(written)


def reopen(doc: Document, ask_reason) -> tuple[bool, str]:
    """Take the submission back with a reason (asked through ``ask_reason(title, label) -> (text, ok)``)."""
    if not doc.submitted or doc.readonly:
        return False, ""
    reason, ok = ask_reason(
        tr("Gönderimi geri al"),
        tr("Gönderimi neden geri alıyorsunuz? (Gerekçe, dosyayı bir sonraki aktarımda Strateji Geliştirme'ye görünür.)"),
    )
    if not ok:
        return False, ""
    from ..store.file import sending

    try:
        sending.reopen(doc.wb, reason)
    except WorkbookError as exc:
        return False, str(exc)
    doc.reload_state()
    return True, tr("Gönderim geri alındı; dosya yeniden taslak. Düzeltip yeniden 'Gönder…'.")


def receive_return(doc: Document, path: Path) -> tuple[bool, str]:
    """Receive a return file: checked, then the file is unlocked with the note (or refused, unchanged)."""
    from ..store.file import return_note

    try:
        ret = return_note.read(path)
        changed = return_note.receive(doc.wb, ret, Path(path).name)
    except WorkbookError as exc:
        return False, str(exc)
    doc.reload_state()
    if not changed:
        return True, tr("Bu geri gönderme notu dosyaya daha önce işlenmiş.")
    return True, tr("Strateji Geliştirme dosyayı notla geri gönderdi; dosya düzenlemeye açıldı. Not ve işaretli alanlar ekranda.")


def answers(doc: Document, path: Path) -> bool:
    """Is ``path`` a return note for this file (its department; checked only that far)?"""
    from ..store.file import return_note

    try:
        return return_note.read(path).department == doc.wb.department
    except WorkbookError:
        return True  # unreadable: receiving it says why


def received(doc: Document, path: Path) -> bool:
    """Was this very return note received by the file already (and the file is still sent back)?"""
    from ..store.file import return_note

    try:
        last = return_note.received(doc.wb)
        return last is not None and doc.state().get("state") == "geri" and last.digest == return_note.read(path).digest
    except WorkbookError:
        return False


def recent_file_for(path: Path, recent: list[Path]) -> Path | None:
    """The recently opened department file that the return note ``path`` answers (checked), or None."""
    from ..store.file import return_note
    from ..store.file.workbook import Workbook

    try:
        ret = return_note.read(path)
    except WorkbookError:
        return None
    for candidate in recent[:10]:
        try:
            with Workbook.open(candidate, readonly=True) as wb:
                if wb.department != ret.department:
                    continue
                return_note.check(wb, ret, Path(path).name)
                return candidate
        except WorkbookError:
            continue
    return None


def returns_beside(doc: Document) -> str:
    """A return file for this submitted file lying beside it is received; the message, or ''."""
    if not doc.submitted or doc.readonly:
        return ""
    from ..store.file import return_note

    for path in return_note.beside(doc.path):
        try:
            ret = return_note.read(path)
            if ret.department != doc.wb.department:
                continue
            return_note.check(doc.wb, ret, path.name)
        except WorkbookError:
            continue  # another department's, an older round's, or damaged: not this file's
        done, message = receive_return(doc, path)
        if done:
            return message
    return ""


def is_draft(doc: Document) -> bool:
    """A copy of a file that was not sent (``-TASLAK`` in its name, ``store.file.sending.is_draft_name``)."""
    return doc.path.name.removesuffix(".faaliyet").endswith(DRAFT) and not doc.submitted


def banner(doc: Document) -> tuple[str, str] | None:
    """What the banner says about the file's state: (text, kind), or None (no banner)."""
    st = doc.state()
    state = st.get("state")
    if state == "gonderildi":
        return (
            tr(
                "Bu dosya {0} tarihinde {1} tarafından gönderildi; düzenlemeye kapalıdır. Değişiklik gerekirse "
                "Dosya → 'Gönderimi geri al…' ile gerekçe yazın ya da Strateji Geliştirme'nin geri göndermesini bekleyin."
            ).format(when(st.get("changed_at", "")), st.get("changed_by", "")),
            "info",
        )
    if is_draft(doc):  # a copy of an unsent file says so first, whatever else it carries
        return (
            tr("TASLAK kopya: bu, gönderilmemiş bir dosyanın kopyasıdır; Strateji Geliştirme'ye gönderilmiş sayılmaz."),
            "warning",
        )
    if state == "geri":
        from ..store.file.returned import last_return

        marked = sum(1 for f in doc.findings if f.rule == "geri_gonderildi")
        fields = tr(" Düzeltilecek {0} alan denetim panelinde işaretli.").format(marked) if marked else ""
        sender = last_return(doc.wb.conn, doc.wb.department or "")  # who wrote the note, not who opened it
        by = str(sender.get("by") or st.get("changed_by", ""))
        at = str(sender.get("at") or st.get("changed_at", ""))
        return (
            tr("Strateji Geliştirme dosyayı geri gönderdi ({0}, {1}): “{2}”").format(by, when(at), st.get("note", ""))
            + fields
            + " "
            + tr("Düzeltip yeniden 'Gönder…'."),
            "warning",
        )
    if state == "taslak" and st.get("note"):
        return tr("Gönderimi geri aldınız: “{0}”. Düzeltip yeniden 'Gönder…'.").format(st.get("note", "")), "info"
    return None
