"""A new, empty file does not open with "1 hata": a required field still empty is named as what to fill."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from ui_support import focus, widget

pytestmark = [pytest.mark.definition("small"), pytest.mark.usefixtures("private_settings")]


def _rows(win):
    lst = win.view.findings.list
    return [lst.item(i).text() for i in range(lst.count())]


def test_an_empty_new_file_names_its_required_field_as_missing_not_as_an_error(window):
    summary = window.view.findings.summary.text()
    assert "1 zorunlu alan boş" in summary and "gönderilemez" in summary
    assert "hata" not in summary.lower()
    assert any(t.startswith("Eksik: ") and "zorunlu" in t for t in _rows(window))
    assert not any(t.startswith("Hata: ") for t in _rows(window))
    # it still blocks sending: it is an error finding
    assert [f.rule for f in window.doc.errors] == ["zorunlu"]


def test_a_real_error_is_counted_apart_from_the_missing_field(window, qtbot):
    edit = widget(window, "itfaiye.trafik_kazasi")
    focus(window, edit)
    qtbot.keyClicks(edit, "12a")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    summary = window.view.findings.summary.text()
    assert summary.startswith("1 hata:") and "1 zorunlu alan boş." in summary
    rows = _rows(window)
    assert rows[0].startswith("Hata: ") and "'12a' bir sayı değil" in rows[0]  # errors first, with the reason
    assert rows[1].startswith("Eksik: ")
