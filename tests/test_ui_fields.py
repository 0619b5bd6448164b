"""Typing into field editors writes the file; Turkish numbers and text; nothing becomes another number."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from ui_support import focus, stored, type_text, widget

pytestmark = [pytest.mark.definition("small"), pytest.mark.usefixtures("private_settings")]


def test_every_field_editor_is_named_by_its_key(window, definition):
    definition = definition
    for slot in definition.slots_of("itfaiye"):
        if not slot.computed and slot.key.count(".") == 1:
            assert window.view.editor_widget(slot.key) is not None, slot.key
    for key in ("itfaiye.makbuz", "itfaiye.akaryakit", "itfaiye.foto"):
        assert window.view.editor_widget(key) is not None
    for ind in definition.indicators_of("itfaiye"):
        for attr in ("actual", "explanation", "source"):
            assert window.view.editor_widget(f"{ind.key}.{attr}") is not None
    for act in definition.activities_of("itfaiye"):
        for attr in ("actual_cost", "explanation", "source"):
            assert window.view.editor_widget(f"{act.key}.{attr}") is not None


def test_typing_a_turkish_number_and_enter_writes_the_file(window, qtbot, workbook_path):
    edit = widget(window, "itfaiye.trafik_kazasi")
    focus(window, edit)
    qtbot.keyClicks(edit, "1.234")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert stored(workbook_path, "itfaiye.trafik_kazasi") == 1234
    assert edit.text() == "1.234"
    # Enter moved on to the next field
    assert widget(window, "itfaiye.kurtarilan_kisi").hasFocus()


def test_unreadable_number_is_marked_and_never_stored(window, qtbot, workbook_path):
    edit = widget(window, "itfaiye.kurtarilan_kisi")
    focus(window, edit)
    qtbot.keyClicks(edit, "1,5")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert stored(workbook_path, "itfaiye.kurtarilan_kisi") is None
    assert edit.property("inputError") is True
    assert edit.text() == "1,5"  # what was typed is kept for correcting
    assert "tam sayı" in edit.toolTip() or "sayı" in edit.toolTip()
    assert "⚠" in window.statusBar().currentMessage()
    edit.selectAll()
    qtbot.keyClicks(edit, "15")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert stored(workbook_path, "itfaiye.kurtarilan_kisi") == 15
    assert not edit.property("inputError")


def test_leaving_a_field_with_tab_commits(window, qtbot, workbook_path):
    edit = widget(window, "itfaiye.trafik_kazasi")
    focus(window, edit)
    qtbot.keyClicks(edit, "9")
    qtbot.keyClick(edit, Qt.Key.Key_Tab)
    assert stored(workbook_path, "itfaiye.trafik_kazasi") == 9


def test_turkish_long_text_is_stored_when_leaving(window, qtbot, workbook_path):
    edit = widget(window, "itfaiye.anlatim")
    focus(window, edit)
    text = "Yangın eğitimi düzenlendi.\n\n- İtfaiye araçları ŞUBAT ayında ığdır"
    type_text(edit, text)
    assert stored(workbook_path, "itfaiye.anlatim") is None  # not yet: still typing
    qtbot.keyClick(edit, Qt.Key.Key_Tab)
    assert stored(workbook_path, "itfaiye.anlatim") == text


def test_date_field_parses_turkish_dates(window, qtbot, workbook_path):
    import datetime as dt

    edit = widget(window, "itfaiye.tatbikat_tarihi")
    focus(window, edit)
    qtbot.keyClicks(edit, "31.12.2020")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert stored(workbook_path, "itfaiye.tatbikat_tarihi") == dt.date(2020, 12, 31)
    assert edit.text() == "31.12.2020"
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, "31.02.2020")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert stored(workbook_path, "itfaiye.tatbikat_tarihi") == dt.date(2020, 12, 31)
    assert edit.property("inputError") is True


def test_value_written_elsewhere_in_the_window_updates_every_view(window, workbook_path):
    window.editor.set_values({"itfaiye.makbuz.ocak.arac": 5, "itfaiye.makbuz.subat.arac": 7})
    table = widget(window, "itfaiye.makbuz")
    m = table.model()
    total_row = m.rowCount() - 1
    assert m.data(m.index(total_row, 0)) == "12"
