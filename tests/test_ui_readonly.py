"""Read-only media and network paths open read-only with a banner; a file open twice is detected."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from ui_support import Prompts, focus, make_window, stored, widget

from desktop.store.file import opening

pytestmark = [pytest.mark.definition("small"), pytest.mark.usefixtures("private_settings")]

REASON = "Dosya ya da bulunduğu klasör yazmaya kapalı (salt okunur disk, CD ya da kilitli USB bellek)."


@pytest.fixture
def readonly_media(monkeypatch, workbook_path):
    """The workbook behaves as if it were on a write-protected USB stick."""
    original = opening.writable_reason
    monkeypatch.setattr(opening, "writable_reason", lambda p: REASON if Path(p) == workbook_path else original(p))
    return workbook_path


def test_file_on_readonly_media_opens_readonly_with_banner(qtbot, readonly_media):
    win = make_window(qtbot, readonly_media)
    assert win.doc.readonly
    assert win.view.banner.isVisible()
    assert "Salt okunur" in win.view.banner.label.text() and "USB" in win.view.banner.label.text()
    assert "kopyala" in win.view.banner.button.text().lower()
    assert "salt okunur" in win.windowTitle()
    edit = widget(win, "itfaiye.trafik_kazasi")
    assert edit.isReadOnly()
    focus(win, edit)
    qtbot.keyClicks(edit, "5")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert stored(readonly_media, "itfaiye.trafik_kazasi") is None
    table = widget(win, "itfaiye.makbuz")
    m = table.model()
    assert not (m.flags(m.index(0, 0)) & Qt.ItemFlag.ItemIsEditable)
    assert not table.paste_text("5\t10,00\n")
    assert not win.act_send.isEnabled() and not win.act_reopen.isEnabled()
    win.close()


def test_network_path_is_readonly():
    from desktop.store.file.safe_open import writable_reason

    assert "ağ" in writable_reason(Path("//sunucu/paylasim/itfaiye.faaliyet"))


def test_copy_to_local_disk_opens_the_copy_for_editing(qtbot, readonly_media, tmp_path, monkeypatch):
    win = make_window(qtbot, readonly_media)
    dest = tmp_path / "yerel" / "itfaiye.faaliyet"
    dest.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(dest), ""))
    win.view.banner.button.click()
    assert win.doc.path == dest
    assert not win.doc.readonly
    assert not win.view.banner.isVisible()
    edit = widget(win, "itfaiye.trafik_kazasi")
    focus(win, edit)
    qtbot.keyClicks(edit, "5")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert stored(dest, "itfaiye.trafik_kazasi") == 5
    assert stored(readonly_media, "itfaiye.trafik_kazasi") is None
    win.close()


def test_file_open_in_another_window_is_detected(qtbot, workbook_path):
    first = make_window(qtbot, workbook_path)
    no = Prompts(answer=False)
    second = make_window(qtbot, None, no)
    assert not second.open_file(workbook_path)
    assert no.asked and "başka bir Faaliyet penceresinde açık" in no.asked[0]
    assert second.doc is None
    yes = Prompts(answer=True)
    third = make_window(qtbot, None, yes)
    assert third.open_file(workbook_path)
    assert third.doc.readonly
    first.close()
    # once the first window is closed the file can be opened for editing again
    fourth = make_window(qtbot, workbook_path)
    assert not fourth.doc.readonly
    for w in (second, third, fourth):
        w.close()


def test_damaged_file_is_refused_with_a_turkish_message(qtbot, tmp_path):
    bad = tmp_path / "bozuk.faaliyet"
    bad.write_bytes(b"bu bir faaliyet dosyasi degil" * 100)
    win = make_window(qtbot)
    assert not win.open_file(bad)
    title, text, kind = win.prompts.messages[-1]
    assert kind == "critical" and "Faaliyet dosyası değil" in text
    assert win.doc is None
    win.close()


def test_copy_to_send_from_readonly_media(qtbot, readonly_media, tmp_path):
    win = make_window(qtbot, readonly_media)
    dest = tmp_path / "usb-kopya.faaliyet"
    win.draft_copy(dest)  # not sent: a draft, and named so
    dest = dest.with_name("usb-kopya-TASLAK.faaliyet")
    title, text, kind = win.prompts.messages[-1]
    assert kind == "information" and str(dest) in text and "TASLAK" in text
    from desktop.store.file.workbook import Workbook

    with Workbook.open(dest, readonly=True) as wb:
        assert wb.department == "itfaiye"
    win.close()


def test_a_copy_to_local_disk_is_never_taken_half_written(qtbot, readonly_media, tmp_path, monkeypatch):
    """The file opened read-only is often one another program is writing (the clerk's own window on the
    share, another PC). Copying its bytes while a change is half on disk gave a copy with that half
    change and without its journal; the clerk then went on typing into it. The copy is SQLite's own
    consistent snapshot, checked: while the other program writes, it is refused with a message, and
    nothing is written at the chosen place."""
    import sqlite3

    win = make_window(qtbot, readonly_media)
    dest = tmp_path / "yerel.faaliyet"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(dest), ""))
    other = sqlite3.connect(readonly_media, isolation_level=None)
    other.executemany(
        "INSERT INTO audit (at, who, department, target, attribute, old, new) "
        "VALUES ('2020-05-01T10:00:00', 'x', 'itfaiye', ?, 'value', NULL, ?)",
        [(f"itfaiye.a{i}", "y" * 300) for i in range(2000)],
    )
    other.execute("PRAGMA cache_size = 1")  # the change spills into the file before its commit
    other.execute("BEGIN IMMEDIATE")
    other.execute("UPDATE audit SET new = 'YARIM' || new || new WHERE target LIKE 'itfaiye.a%'")
    try:
        win.view.banner.button.click()
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert win.doc.path == readonly_media  # still the file it was
    assert not dest.exists()
    assert win.prompts.messages and "başka bir program" in win.prompts.messages[-1][1]
    win.close()


def test_an_attachment_dragged_out_of_outlook_onto_the_window_is_told_what_to_do(qtbot, workbook_path):
    """The clerk drags the e-mailed file from Outlook onto the window: Outlook gives a name, no file. The
    drop was refused in silence; now the window says to save the attachment to a lasting folder first."""
    from PySide6.QtCore import QPoint, QPointF
    from PySide6.QtGui import QDragEnterEvent, QDropEvent
    from ui_support import outlook_drag

    win = make_window(qtbot, workbook_path)
    mime = outlook_drag("kars-2020-itfaiye.faaliyet")
    enter = QDragEnterEvent(
        QPoint(5, 5), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    win.dragEnterEvent(enter)
    assert enter.isAccepted()
    win.dropEvent(
        QDropEvent(QPointF(5, 5), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    )
    assert win.doc.path == workbook_path  # the open file stays open
    _title, text, _kind = win.prompts.messages[-1]
    assert "'kars-2020-itfaiye.faaliyet'" in text and "Farklı Kaydet" in text and "Belgeler" in text
    win.close()
