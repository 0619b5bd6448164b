"""The window applies the same limits as every other entry path, and says why at the field."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from ui_support import cell_editor, focus, stored, stored_indicator, type_in_table, type_text, widget

from desktop.core.values import TEXT_LIMITS
from desktop.store.file.photos import list_photos
from desktop.store.file.workbook import Workbook

pytestmark = [pytest.mark.definition("small"), pytest.mark.usefixtures("private_settings")]


def test_a_number_past_the_range_shows_the_reason_and_the_file_keeps_the_old_value(window, qtbot, workbook_path):
    edit = widget(window, "itfaiye.trafik_kazasi")
    focus(window, edit)
    qtbot.keyClicks(edit, "12")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert stored(workbook_path, "itfaiye.trafik_kazasi") == 12
    focus(window, edit)
    edit.selectAll()
    qtbot.keyClicks(edit, "100000000000000000000")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert stored(workbook_path, "itfaiye.trafik_kazasi") == 12  # the old value, not a wrapped or rounded one
    assert edit.property("inputError") is True
    assert "999.999.999.999.999" in edit.toolTip()  # the allowed range, at the field
    assert "⚠" in window.statusBar().currentMessage()


def test_non_ascii_digits_are_refused_at_the_field(window, qtbot, workbook_path):
    edit = widget(window, "itfaiye.kurtarilan_kisi")
    focus(window, edit)
    edit.setText("١٢٣")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert stored(workbook_path, "itfaiye.kurtarilan_kisi") is None
    assert edit.property("inputError") is True and "0123456789" in edit.toolTip()


def test_a_cell_past_the_range_is_refused_and_kept_unchanged(window, qtbot, workbook_path):
    window.editor.set_values({"itfaiye.makbuz.ocak.tutar": Decimal("100.00")})
    table = widget(window, "itfaiye.makbuz")
    window.view.go_to("itfaiye.makbuz.ocak.tutar")
    QApplication.processEvents()
    m = table.model()
    table.setCurrentIndex(m.index(0, 1))
    type_in_table(table, "12345678901234567,89")
    qtbot.keyClick(cell_editor(table), Qt.Key.Key_Return)
    assert stored(workbook_path, "itfaiye.makbuz.ocak.tutar") == Decimal("100.00")
    assert "999.999.999.999.999" in window.statusBar().currentMessage()


def test_pasting_out_of_range_numbers_changes_nothing(window, workbook_path):
    table = widget(window, "itfaiye.makbuz")
    table.setCurrentIndex(table.model().index(0, 0))
    assert not table.paste_text("1e20\t5\n3\t1000000000000000000000\n")
    assert not table.paste_text("١\t2\n")
    assert stored(workbook_path, "itfaiye.makbuz.ocak.arac") is None
    assert stored(workbook_path, "itfaiye.makbuz.subat.tutar") is None


def test_a_long_text_too_long_is_marked_at_once_and_not_stored(window, qtbot, workbook_path):
    edit = widget(window, "itfaiye.anlatim")
    focus(window, edit)
    type_text(edit, "Kısa.")
    qtbot.keyClick(edit, Qt.Key.Key_Tab)
    assert stored(workbook_path, "itfaiye.anlatim") == "Kısa."
    focus(window, edit)
    edit.setPlainText("a" * (TEXT_LIMITS["longtext"] + 1))
    assert edit.property("inputError") is True  # while typing, before saving
    assert str(TEXT_LIMITS["longtext"]) in edit.toolTip()
    edit.setPlainText("a" * 10)
    assert not edit.property("inputError")
    edit.setPlainText("a" * (TEXT_LIMITS["longtext"] + 1))
    qtbot.keyClick(edit, Qt.Key.Key_Tab)
    assert stored(workbook_path, "itfaiye.anlatim") == "Kısa."
    assert edit.property("inputError") is True


def test_indicator_texts_have_the_note_limit(window, qtbot, workbook_path):
    source = widget(window, "pg_5_3_1.source")
    assert source.maxLength() == TEXT_LIMITS["note"]
    explanation = widget(window, "pg_5_3_1.explanation")
    focus(window, explanation)
    explanation.setPlainText("x" * (TEXT_LIMITS["note"] + 1))
    assert explanation.property("inputError") is True
    qtbot.keyClick(explanation, Qt.Key.Key_Tab)
    entry = stored_indicator(workbook_path, "pg_5_3_1")
    assert entry is None or entry.explanation == ""
    focus(window, explanation)
    explanation.setPlainText("Yeni istasyon\u202e açıldı.")
    qtbot.keyClick(explanation, Qt.Key.Key_Tab)
    assert stored_indicator(workbook_path, "pg_5_3_1").explanation == "Yeni istasyon açıldı."


def test_caption_editor_takes_no_more_than_the_caption_limit(window, qtbot, workbook_path, tmp_path):
    from PIL import Image

    window.view.navigator.select("fotograflar")
    photos = widget(window, "itfaiye.foto")
    Image.new("RGB", (40, 30), "red").save(tmp_path / "a.png", "PNG")
    assert photos.add_file(tmp_path / "a.png")
    caption = widget(window, "itfaiye.foto.0.caption")
    assert caption.maxLength() == TEXT_LIMITS["caption"]
    caption.setFocus()
    caption.setText("y" * (TEXT_LIMITS["caption"] + 50))
    qtbot.keyClick(caption, Qt.Key.Key_Return)
    with Workbook.open(workbook_path, readonly=True) as wb:
        assert [p.caption for p in list_photos(wb, "itfaiye.foto")] == ["y" * TEXT_LIMITS["caption"]]
