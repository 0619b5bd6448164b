"""The window and another program writing into the same file (issue #12, requirement 8).

The command line refuses a file a window holds; a program that does not ask
(an older version, a script) still may write. The window then re-reads the
file before any undo, redo or edit, clears its undo history (an old step would
overwrite the other program's value) and says so in the status bar.
"""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from ui_support import focus, stored, widget

from desktop import cli
from desktop.store.file.workbook import Workbook

pytestmark = [pytest.mark.definition("small"), pytest.mark.usefixtures("private_settings")]


def _type(qtbot, window, key, text):
    edit = widget(window, key)
    focus(window, edit)
    edit.selectAll()
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    return edit


def _write_elsewhere(path, values):
    """Another program's connection commits to the file (the window's lock is not asked)."""
    with Workbook.open(path) as wb:
        wb.apply(values=values)


def test_undo_after_another_program_wrote_does_not_overwrite(window, qtbot, workbook_path):
    edit = _type(qtbot, window, "itfaiye.trafik_kazasi", "123")
    assert stored(workbook_path, "itfaiye.trafik_kazasi") == 123 and window.editor.stack.count() == 1
    _write_elsewhere(workbook_path, {"itfaiye.trafik_kazasi": 500, "itfaiye.kurtarilan_kisi": 9})
    window.act_undo.trigger()
    assert stored(workbook_path, "itfaiye.trafik_kazasi") == 500  # not set back to empty by the old step
    assert edit.text() == "500" and widget(window, "itfaiye.kurtarilan_kisi").text() == "9"
    assert window.editor.stack.count() == 0 and not window.act_undo.isEnabled()
    assert "başka bir programda" in window.statusBar().currentMessage()


def test_redo_after_another_program_wrote_does_not_overwrite(window, qtbot, workbook_path):
    _type(qtbot, window, "itfaiye.trafik_kazasi", "7")
    window.act_undo.trigger()
    assert stored(workbook_path, "itfaiye.trafik_kazasi") is None
    _write_elsewhere(workbook_path, {"itfaiye.trafik_kazasi": 40})
    window.act_redo.trigger()
    assert stored(workbook_path, "itfaiye.trafik_kazasi") == 40
    assert window.editor.stack.count() == 0


def test_an_edit_after_another_program_wrote_keeps_a_true_undo(window, qtbot, workbook_path):
    _type(qtbot, window, "itfaiye.trafik_kazasi", "1")
    _write_elsewhere(workbook_path, {"itfaiye.kurtarilan_kisi": 9})
    _type(qtbot, window, "itfaiye.trafik_kazasi", "2")
    assert window.editor.stack.count() == 1  # the history before the other program's write is gone
    window.act_undo.trigger()
    assert stored(workbook_path, "itfaiye.trafik_kazasi") == 1  # the value the file had, not a stale one
    assert stored(workbook_path, "itfaiye.kurtarilan_kisi") == 9


def test_own_edits_keep_the_undo_history(window, qtbot, workbook_path):
    _type(qtbot, window, "itfaiye.trafik_kazasi", "1")
    _type(qtbot, window, "itfaiye.kurtarilan_kisi", "2")
    window.act_undo.trigger()
    window.act_undo.trigger()
    assert stored(workbook_path, "itfaiye.trafik_kazasi") is None and window.editor.stack.count() == 2
    assert "başka bir programda" not in window.statusBar().currentMessage()


def test_the_cli_refuses_the_file_the_window_holds(window, workbook_path, tmp_path, capsys):
    vals = tmp_path / "d.json"
    vals.write_text(
        json.dumps(
            {
                "institution": "ornek",
                "year": 2020,
                "department": "itfaiye",
                "values": [{"field": "itfaiye.trafik_kazasi", "value": 3}],
            }
        ),
        encoding="utf-8",
    )
    assert cli.main(["values", "import", str(workbook_path), str(vals)]) == 2
    assert "Faaliyet penceresinde düzenlemeye açık" in capsys.readouterr().err
    assert stored(workbook_path, "itfaiye.trafik_kazasi") is None


def test_coming_back_to_the_window_shows_the_new_values(window, qtbot, workbook_path):
    from PySide6.QtGui import QGuiApplication

    _type(qtbot, window, "itfaiye.trafik_kazasi", "3")
    _write_elsewhere(workbook_path, {"itfaiye.trafik_kazasi": 30})
    QGuiApplication.instance().applicationStateChanged.emit(Qt.ApplicationState.ApplicationActive)
    assert widget(window, "itfaiye.trafik_kazasi").text() == "30"
    assert window.editor.stack.count() == 0 and "başka bir programda" in window.statusBar().currentMessage()
    QGuiApplication.instance().applicationStateChanged.emit(Qt.ApplicationState.ApplicationActive)
    assert widget(window, "itfaiye.trafik_kazasi").text() == "30"  # nothing new: nothing happens


def test_a_write_that_lands_between_the_check_and_the_undo_is_shown_not_overwritten(window, qtbot, workbook_path, monkeypatch):
    """Another program commits after the window's check but before the undo's transaction: the
    model refuses inside the transaction; the window then reads the file again and drops its
    undo stack, as if the write had come before the check."""
    from PySide6.QtCore import QCoreApplication

    edit = _type(qtbot, window, "itfaiye.trafik_kazasi", "123")
    begin, ran = Workbook.transaction, []

    def transaction(self):
        if not ran:
            ran.append(True)
            _write_elsewhere(workbook_path, {"itfaiye.trafik_kazasi": 500})
        return begin(self)

    monkeypatch.setattr(Workbook, "transaction", transaction)
    window.act_undo.trigger()
    assert ran and stored(workbook_path, "itfaiye.trafik_kazasi") == 500
    assert "başka bir programda" in window.statusBar().currentMessage()
    QCoreApplication.processEvents()  # the stack is dropped once the undo command has returned
    assert edit.text() == "500" and window.editor.stack.count() == 0 and not window.act_undo.isEnabled()
