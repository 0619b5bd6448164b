"""Submitting: refused while errors remain (with the list), locks without; the copy to send."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from ui_support import focus, stored, widget

from desktop.store.file.workbook import Workbook

pytestmark = [pytest.mark.definition("small"), pytest.mark.usefixtures("private_settings")]


def _state(path):
    with Workbook.open(path, readonly=True) as wb:
        return wb.state()


def test_submit_is_refused_while_errors_remain_and_lists_them(window, workbook_path):
    assert window.act_submit.isEnabled()
    window.submit()
    title, text, kind = window.prompts.messages[-1]
    assert kind == "warning"
    assert "hata düzeltilmeli" in text and "zorunlu" in text
    assert window.prompts.asked == []  # not even asked to confirm
    assert _state(workbook_path)["state"] == "taslak"
    assert not window.doc.locked


def test_submit_without_errors_records_and_locks(window, qtbot, workbook_path):
    window.editor.set_values({"itfaiye.anlatim": "Yıl boyunca eğitimler sürdü."})
    assert window.doc.errors == []
    window.submit()
    assert window.prompts.asked and "Gönderildi" in window.prompts.asked[-1]
    state = _state(workbook_path)
    assert state["state"] == "gonderildi" and state["changed_by"] == "test" and len(state["content_hash"]) == 64
    assert "Gönderildi" in window.windowTitle() and "kilitli" in window.windowTitle()
    assert window.view.banner.isVisible() and "gönderildi" in window.view.banner.label.text()
    assert not window.act_submit.isEnabled()
    edit = widget(window, "itfaiye.trafik_kazasi")
    assert edit.isReadOnly()
    focus(window, edit)
    qtbot.keyClicks(edit, "3")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert stored(workbook_path, "itfaiye.trafik_kazasi") is None
    m = widget(window, "itfaiye.makbuz").model()
    assert not (m.flags(m.index(0, 0)) & Qt.ItemFlag.ItemIsEditable)
    assert not window.act_undo.isEnabled()


def test_declining_the_confirmation_changes_nothing(window, workbook_path):
    window.editor.set_values({"itfaiye.anlatim": "Yıl boyunca eğitimler sürdü."})
    window.prompts.answer = False
    window.submit()
    assert _state(workbook_path)["state"] == "taslak"


def test_copy_to_send_is_written_verified_and_says_where(window, tmp_path, workbook_path):
    window.editor.set_values({"itfaiye.trafik_kazasi": 12})
    dest_dir = tmp_path / "usb"
    dest_dir.mkdir()
    dest = dest_dir / "itfaiye-2020.faaliyet"
    window.export_copy(dest)
    title, text, kind = window.prompts.messages[-1]
    assert kind == "information" and str(dest) in text
    assert "henüz" in text  # not yet submitted: the clerk is told
    assert stored(dest, "itfaiye.trafik_kazasi") == 12
    assert not list(dest_dir.glob("*.tmp"))


def test_copy_onto_the_open_file_is_refused(window, workbook_path):
    window.export_copy(workbook_path)
    title, text, kind = window.prompts.messages[-1]
    assert kind == "critical" and "üzerine yazılamaz" in text
