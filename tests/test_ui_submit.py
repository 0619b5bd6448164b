"""The clerk's way out and back: one "Gönder" step, the draft copy, taking a submission back,
and the strategy unit's return file (opened, dropped, or found beside the file)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from ui_support import focus, make_window, stored, widget

from desktop.store.file import return_note
from desktop.store.file.workbook import Workbook
from desktop.store.merge.run import merge_files

pytestmark = [pytest.mark.definition("small"), pytest.mark.usefixtures("private_settings")]

CLEAN = {"itfaiye.anlatim": "Yıl boyunca eğitimler sürdü."}
NOTE = "Ocak ayındaki araç sayısını makbuzlarla karşılaştırın."


def _state(path):
    with Workbook.open(path, readonly=True) as wb:
        return wb.state()


@pytest.fixture
def usb(tmp_path):
    folder = tmp_path / "usb"
    folder.mkdir()
    return folder


def test_send_is_refused_while_errors_remain_and_lists_them(window, workbook_path, usb):
    assert window.act_send.isEnabled() and window.act_send.text() == "Gönder…"
    assert not window.send(usb / "kopya.faaliyet")
    title, text, kind = window.prompts.messages[-1]
    assert kind == "warning"
    assert "hata düzeltilmeli" in text and "zorunlu" in text
    assert window.prompts.asked == []  # not even asked to confirm
    assert _state(workbook_path)["state"] == "taslak"
    assert not window.doc.locked and list(usb.iterdir()) == []


def test_send_checks_marks_locks_and_writes_the_copy_in_one_step(window, qtbot, workbook_path, usb):
    window.editor.set_values(CLEAN)
    dest = usb / "itfaiye.faaliyet"
    assert window.send(dest)
    assert window.prompts.asked and str(dest) in window.prompts.asked[-1]
    title, text, kind = window.prompts.messages[-1]
    assert kind == "information" and str(dest) in text
    state = _state(workbook_path)
    assert state["state"] == "gonderildi" and state["changed_by"] == "test" and len(state["content_hash"]) == 64
    assert _state(dest)["state"] == "gonderildi"  # the copy that goes says sent too
    assert "Gönderildi" in window.windowTitle() and "kilitli" in window.windowTitle()
    assert window.view.banner.isVisible() and "gönderildi" in window.view.banner.label.text()
    assert window.act_reopen.isEnabled() and window.act_send.text() == "Kopyayı yeniden yaz…"
    edit = widget(window, "itfaiye.trafik_kazasi")
    assert edit.isReadOnly()
    focus(window, edit)
    qtbot.keyClicks(edit, "3")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert stored(workbook_path, "itfaiye.trafik_kazasi") is None
    m = widget(window, "itfaiye.makbuz").model()
    assert not (m.flags(m.index(0, 0)) & Qt.ItemFlag.ItemIsEditable)
    assert not window.act_undo.isEnabled()


def test_declining_the_confirmation_changes_nothing(window, workbook_path, usb):
    window.editor.set_values(CLEAN)
    window.prompts.answer = False
    assert not window.send(usb / "kopya.faaliyet")
    assert _state(workbook_path)["state"] == "taslak" and list(usb.iterdir()) == []


def test_a_copy_that_cannot_be_written_leaves_the_file_a_draft(window, workbook_path, tmp_path):
    window.editor.set_values(CLEAN)
    assert not window.send(tmp_path / "cikarilmis-usb" / "kopya.faaliyet")
    title, text, kind = window.prompts.messages[-1]
    assert kind == "warning" and "eskisi gibi" in text and "klasörü yok" in text
    assert _state(workbook_path)["state"] == "taslak"
    assert not window.doc.locked and not widget(window, "itfaiye.trafik_kazasi").isReadOnly()
    assert "Taslak" in window.windowTitle()


def test_a_draft_copy_says_draft_in_its_name_and_its_banner(qtbot, window, workbook_path, usb):
    window.editor.set_values({"itfaiye.trafik_kazasi": 12})
    window.draft_copy(usb / "itfaiye.faaliyet")
    title, text, kind = window.prompts.messages[-1]
    draft = usb / "itfaiye-TASLAK.faaliyet"
    assert kind == "information" and str(draft) in text and "TASLAK" in text
    assert stored(draft, "itfaiye.trafik_kazasi") == 12 and not (usb / "itfaiye.faaliyet").exists()
    window.close_file()
    other = make_window(qtbot, draft)
    try:
        assert other.view.banner.isVisible() and "TASLAK" in other.view.banner.label.text()
        assert "TASLAK" in other.windowTitle()
    finally:
        other.close()


def test_a_copy_onto_the_open_file_is_refused(window, workbook_path, usb):
    window.editor.set_values(CLEAN)
    assert window.send(usb / "kopya.faaliyet")
    window.draft_copy(workbook_path)  # a sent file's copy keeps the name chosen: the open file itself
    title, text, kind = window.prompts.messages[-1]
    assert kind == "critical" and "üzerine yazılamaz" in text


def test_taking_a_submission_back_needs_a_reason_and_unlocks(window, workbook_path, usb):
    window.editor.set_values(CLEAN)
    assert window.send(usb / "kopya.faaliyet")
    window.ask_text = lambda title, label: ("   ", True)
    window.reopen()
    assert window.prompts.messages[-1][2] == "warning" and _state(workbook_path)["state"] == "gonderildi"
    window.ask_text = lambda title, label: ("Aralık verisini eksik gönderdim.", True)
    window.reopen()
    state = _state(workbook_path)
    assert state["state"] == "taslak" and state["note"] == "Aralık verisini eksik gönderdim."
    assert not window.doc.locked and not window.act_reopen.isEnabled()
    assert "Aralık verisini eksik gönderdim." in window.view.banner.label.text()


@pytest.fixture
def returned(files, consolidated_path, tmp_path):
    """İtfaiye sent and imported, then sent back by the strategy unit with a return file (one field named)."""
    usb = tmp_path / "usb"
    usb.mkdir()
    from desktop.store.file import sending

    with Workbook.open(files["itfaiye"], user="ayse") as wb:
        sending.send(wb, usb / "itfaiye.faaliyet")
    merge_files(consolidated_path, [usb / "itfaiye.faaliyet"])
    out = tmp_path / "gelen" / "itfaiye-2020.geri.json"
    with Workbook.open(consolidated_path, user="strateji") as wb:
        return_note.write(wb, return_note.make(wb, "itfaiye", NOTE, ["itfaiye.makbuz.ocak.arac"]), out)
    return out


def _check_returned(win):
    banner = win.view.banner
    assert banner.isVisible() and NOTE in banner.label.text() and "1 alan" in banner.label.text()
    assert not win.doc.locked and not widget(win, "itfaiye.trafik_kazasi").isReadOnly()
    marked = [f for f in win.doc.findings if f.rule == "geri_gonderildi"]
    assert [f.place for f in marked] == ["itfaiye.makbuz.ocak.arac"]
    panel = win.view.findings.list
    assert any(NOTE[:30] in panel.item(i).text() or NOTE[:30] in (panel.item(i).toolTip() or "") for i in range(panel.count()))


def test_opening_the_return_file_unlocks_with_the_note_and_marks_the_field(qtbot, files, returned):
    win = make_window(qtbot, files["itfaiye"])
    try:
        assert win.doc.locked
        assert win.receive_return(returned)
        _check_returned(win)
        assert _state(files["itfaiye"])["state"] == "geri"
    finally:
        win.close()


def test_a_dropped_return_file_is_received(qtbot, files, returned):
    win = make_window(qtbot, files["itfaiye"])
    try:
        mime = QMimeData()
        mime.setUrls([QUrl.fromLocalFile(str(returned))])
        event = QDropEvent(
            QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
        )
        win.dropEvent(event)
        _check_returned(win)
    finally:
        win.close()


def test_a_return_file_beside_the_file_is_received_when_it_opens(qtbot, files, returned):
    returned.rename(files["itfaiye"].parent / returned.name)
    win = make_window(qtbot, files["itfaiye"])
    try:
        _check_returned(win)
        assert "geri gönderdi" in win.prompts.messages[-1][1]
    finally:
        win.close()


def test_a_return_file_for_another_department_is_refused_and_changes_nothing(qtbot, files, returned):
    from merge_support import sha

    win = make_window(qtbot, files["imar"])
    try:
        before = sha(files["imar"])
        assert not win.receive_return(returned)
        title, text, kind = win.prompts.messages[-1]
        assert kind == "warning" and "ait değil" in text
        assert sha(files["imar"]) == before
    finally:
        win.close()


def test_file_open_on_a_return_note_opens_the_recent_file_it_answers(qtbot, files, returned):
    from desktop.ui import settings

    for path in (files["itfaiye"], files["imar"]):  # the clerk's recent files; İmar's is the last opened
        settings.add_recent(path)
    win = make_window(qtbot)
    try:
        assert win.open_file(returned)  # File → open, the note chosen
        assert win.doc is not None and win.doc.path == files["itfaiye"].resolve()
        _check_returned(win)
        # opened again: nothing more happens, and the clerk is told
        assert win.open_file(returned)
        assert "daha önce" in win.prompts.messages[-1][1]
    finally:
        win.close()


@pytest.mark.parametrize("count", [1, 7, 40])
def test_the_refusal_fits_a_150_percent_screen_with_its_button(qapp, count):
    """A 1366×768 screen at 150 % is 512 px high: the sample's seven errors of up to 160 characters
    made the box taller than that, its button below the screen. It names the first few, cut short;
    the checks panel holds them all."""
    from types import SimpleNamespace

    from PySide6.QtWidgets import QApplication, QMessageBox

    from desktop.ui import submit

    long = (
        "Yangın çizelgesi, Bina Yangınları (Kamu): malzemeye göre toplam yanma derecesine göre toplama eşit olmalı. "
        "(Kısmen veya Tamamen Yanan Yapılar ile Diğer Yangınlara Ait İstatistik Çizelgesi)"
    )
    doc = SimpleNamespace(errors=[SimpleNamespace(message=f"{i}. {long}") for i in range(count)])
    text = submit.refusal_text(doc)
    assert f"{count} hata düzeltilmeli" in text and "0. Yangın" in text
    assert ("hepsi Denetim panelinde" in text) == (count > submit.REFUSAL_LISTED)
    box = QMessageBox(QMessageBox.Icon.Warning, "Gönder", text, QMessageBox.StandardButton.Ok)
    box.show()
    QApplication.processEvents()
    try:
        assert box.height() <= 460, box.size()  # the offscreen screen makes it narrower, so taller, than at 150 %
    finally:
        box.close()
