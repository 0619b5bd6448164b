"""The strategy unit's window: the board, merging by drop, accept / send back, conflicts."""

from __future__ import annotations

from pathlib import Path

import pytest
from merge_support import ITFAIYE, KEY, edit
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from ui_support import outlook_drag

from desktop.store.file.submission import submit
from desktop.store.file.workbook import Workbook

pytestmark = [pytest.mark.definition("small"), pytest.mark.usefixtures("private_settings")]

BASE_SHOWN = str(ITFAIYE[KEY])  # KEY as the department file brought it at the first import


@pytest.fixture
def consolidated(tmp_path, definition) -> Path:
    path = tmp_path / "birlesik.faaliyet"
    Workbook.create(path, definition, None).close()
    return path


class Answers:
    """Answers the window's prompts (no modal dialogs in tests)."""

    def __init__(self):
        self.messages: list[tuple[str, str, str]] = []
        self.asked: list[str] = []
        self.note = ("Ruhsat sayısını belgeyle karşılaştırın.", True)
        self.decide = None  # set per test
        self.answer = True

    def inform(self, title, text, kind="information"):
        self.messages.append((title, text, kind))

    def ask(self, title, text):
        self.asked.append(text)
        return self.answer


@pytest.fixture
def window(qtbot, consolidated):
    from desktop.ui.app import application
    from desktop.ui.strategy.window import StrategyWindow

    application()
    win = StrategyWindow()
    answers = win.answers = Answers()
    win.inform, win.ask = answers.inform, answers.ask
    win.ask_note = lambda title, label: answers.note
    win.choose_return_path = lambda suggested: str(suggested)  # beside the consolidated file
    win.decide = lambda conflicts: answers.decide(conflicts)
    qtbot.addWidget(win)
    assert win.open_file(consolidated), answers.messages
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()


def rows(win) -> dict:
    return {s.department: (win.board.model.state_of(s), s) for s in win.board.model.rows}


def merge(qtbot, win, paths, **kw):
    run = win.merge(paths, **kw)
    assert run is not None
    with qtbot.waitSignal(run.finished, timeout=30000) as blocker:
        pass
    return blocker.args[0]


def drop(board, paths: list[Path]) -> None:
    """A real drop event with file URLs, as the file manager sends it."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    board.dropEvent(event)


def test_board_lists_every_department_missing_and_institution(window, definition):
    got = rows(window)
    assert list(got) == [d.key for d in definition.departments]
    assert got["strateji"][0] == "kurum"  # edited in this file, never "missing"
    assert {k for k, (state, _) in got.items() if state == "eksik"} == {"itfaiye", "imar", "zabita", "mali_hizmetler"}
    model = window.board.model
    r = model.row_of("itfaiye")
    assert model.text(r, 1).startswith("Eksik") and model.text(r, 5) == "–"
    assert "4 eksik" in window.board.summary.text()
    assert window.tabs.count() == 5  # board, institution chapters, import log, year settings, report
    assert window.history.table.rowCount() == 0


def test_dropping_a_folder_merges_every_file_and_updates_the_board(qtbot, window, files):
    folder = files["itfaiye"].parent
    with qtbot.waitSignal(window.board.filesDropped):
        pass_through = []
        window.board.filesDropped.connect(pass_through.append)
        drop(window.board, [folder])
    assert pass_through == [[folder]]
    with qtbot.waitSignal(window.merge_run.finished, timeout=30000) as blocker:
        pass
    result = blocker.args[0]
    assert {f.status for f in result.files} == {"imported"}
    got = rows(window)
    assert got["itfaiye"][0] == "taslak" and got["imar"][0] == "taslak" and got["zabita"][0] == "taslak"
    it = got["itfaiye"][1]
    assert 0 < it.completeness < 100 and it.last_import.file_name == files["itfaiye"].name
    model = window.board.model
    assert files["itfaiye"].name in model.text(model.row_of("itfaiye"), 5)
    assert "ornek" in model.text(model.row_of("itfaiye"), 5)  # who sent it
    tip = model.data(model.index(model.row_of("itfaiye"), 5), Qt.ItemDataRole.ToolTipRole)
    assert "eklenen" in tip and "test" in tip  # imported by
    title, text, _kind = window.answers.messages[-1]
    assert title == "Aktarım sonucu" and text.startswith(f"{len(files)} dosya: {len(files)} aktarıldı\n\n")
    # the import log: one row per imported file, newest first, with who/when/what changed
    log = window.history
    assert log.table.rowCount() == 3
    assert {log.table.item(r, 1).text() for r in range(3)} == {
        "İtfaiye Müdürlüğü",
        "İmar ve Şehircilik Müdürlüğü",
        "Zabıta Müdürlüğü",
    }
    row = next(r for r in range(3) if log.table.item(r, 1).text() == "İtfaiye Müdürlüğü")
    assert log.table.item(row, 3).text() == "ornek" and log.table.item(row, 2).text() == "Taslak — gönderilmedi"
    assert log.table.item(row, 4).text().startswith(f"{it.last_import.changes['eklenen']} eklenen")
    log.table.selectRow(row)  # the rest of the record under the table: the file, who imported it, its hashes
    detail = log.detail.text()
    assert (
        files["itfaiye"].name in detail
        and "aktaran: test" in detail
        and next(r for r in log.records if r.department == "itfaiye").file_hash in detail
    )
    other = next(r for r in (2, 1) if r != row)  # not the newest: the one a refresh fell back to
    log.table.selectRow(other)
    chosen = log.detail.text()
    window._show()  # the rows made again, as after any change the model reports: the choice stays
    assert log.detail.text() == chosen and log.table.selectionModel().selectedRows()[0].row() == other
    # the same files again: nothing changes, and the board says so
    again = merge(qtbot, window, [folder])
    assert {f.status for f in again.files} == {"unchanged"}


def test_accept_and_send_back_change_the_state_and_keep_the_note(qtbot, window, files, consolidated):
    with Workbook.open(files["itfaiye"], user="ayse") as wb:
        submit(wb)
    merge(qtbot, window, [files["itfaiye"], files["imar"]])
    board = window.board
    board.select("imar")
    assert not board.accept_button.isEnabled()  # a draft is not accepted
    board.select("itfaiye")
    assert rows(window)["itfaiye"][0] == "gonderildi" and board.accept_button.isEnabled()
    qtbot.mouseClick(board.accept_button, Qt.MouseButton.LeftButton)
    assert rows(window)["itfaiye"][0] == "kabul"
    board.select("imar")
    qtbot.mouseClick(board.send_back_button, Qt.MouseButton.LeftButton)
    state, status = rows(window)["imar"]
    assert state == "geri" and status.note == "Ruhsat sayısını belgeyle karşılaştırın."
    returned = consolidated.parent / "imar-2020.geri.json"  # the file the clerk gets
    assert returned.exists() and str(returned) in window.answers.messages[-1][1]
    history = window.history  # the history records it, the note whole under the table
    assert history.table.item(0, 2).text() == "Geri gönderildi" and status.note in history.table.item(0, 4).text()
    assert "geri gönderme notu" in history.detail.text() and status.note in history.detail.text()
    assert board.model.text(board.model.row_of("imar"), 6) == status.note
    with Workbook.open(consolidated, readonly=True) as wb:  # stored, not only shown
        assert wb.state("itfaiye")["state"] == "kabul"
        assert wb.state("imar")["state"] == "geri" and wb.state("imar")["note"] == status.note
    # an empty note is refused: nothing changes
    board.select("itfaiye")
    window.answers.note = ("  ", True)
    assert not window.send_back("itfaiye") and rows(window)["itfaiye"][0] == "kabul"
    assert "notla" in window.answers.messages[-1][1]


def test_a_submission_taken_back_shows_on_the_board_and_in_the_history(qtbot, window, files):
    from desktop.store.file.sending import reopen

    with Workbook.open(files["itfaiye"], user="ayse") as wb:
        submit(wb)
    merge(qtbot, window, [files["itfaiye"]])
    reason = "Aralık verisi eksik gitti."
    with Workbook.open(files["itfaiye"], user="ayse") as wb:
        reopen(wb, reason)
    result = merge(qtbot, window, [files["itfaiye"]])
    assert reason in result.summary_lines()[0]
    board = window.board
    row = board.model.row_of("itfaiye")
    assert board.model.text(row, 1).startswith("Taslak — gönderilmedi")
    assert reason in board.model.text(row, 6) and "geri aldı" in board.model.text(row, 6)
    table = window.history.table
    assert reason in table.item(0, 4).text() and table.item(0, 2).text() == "Taslak — gönderilmedi"


def conflict_setup(qtbot, window, files):
    """İtfaiye imported; then KEY changed here (100) and there (200) differently."""
    merge(qtbot, window, [files["itfaiye"]])
    window.wb.set_value(KEY, 100)
    edit(files["itfaiye"], {KEY: 200}, user="memur")


@pytest.mark.parametrize("choice, expected", [("ours", 100), ("theirs", 200)])
def test_a_conflict_opens_the_conflict_view_and_is_resolved_both_ways(qtbot, window, files, choice, expected):
    from desktop.ui.strategy.conflicts import COL_BASE, COL_CHOICE, COL_HERE, COL_HERE_WHO, COL_THERE, ConflictDialog

    conflict_setup(qtbot, window, files)
    seen = {}

    def decide(conflicts):
        seen["board"] = rows(window)["itfaiye"][1].department in window.board.model.pending
        seen["state"] = window.board.model.text(window.board.model.row_of("itfaiye"), 1)
        dlg = ConflictDialog(conflicts, {"itfaiye": "İtfaiye Müdürlüğü"}, window)
        seen["cells"] = (
            dlg.table.item(0, COL_HERE).text(),
            dlg.table.item(0, COL_THERE).text(),
            dlg.table.item(0, COL_HERE_WHO).text(),
            dlg.table.item(0, COL_BASE).text(),
        )
        seen["apply_before"] = dlg.apply_button.isEnabled()
        (dlg.all_ours if choice == "ours" else dlg.all_theirs).click()
        seen["apply_after"] = dlg.apply_button.isEnabled()
        assert isinstance(dlg.table.cellWidget(0, COL_CHOICE), type(dlg.combos[0]))
        return dlg.resolution()

    window.answers.decide = decide
    result = merge(qtbot, window, [files["itfaiye"]])
    assert seen["board"] and "çakışma" in seen["state"]
    assert seen["cells"][:2] == ("100", "200") and "test" in seen["cells"][2]  # who changed it here
    assert seen["cells"][3] == BASE_SHOWN  # what both sides started from: the last import
    assert not seen["apply_before"] and seen["apply_after"]  # never decided silently
    assert result.files[0].status == "imported" and list(result.files[0].resolved.values()) == [choice]
    assert (
        window.history.table.item(0, 4)
        .text()
        .endswith("; çakışma kararları: " + ("1 birleşikteki, 0 gelen" if choice == "ours" else "0 birleşikteki, 1 gelen"))
    )
    window.history.table.selectRow(0)  # the pane names the value decided, as the conflict view did
    label = window.wb.definition.slots[KEY].label
    kept = "birleşikteki değer korundu" if choice == "ours" else "gelen değer alındı"
    assert f"  • {label}: {kept}" in window.history.detail.text()
    assert window.wb.get(KEY) == expected
    assert window.board.model.pending == {}


def test_leaving_the_conflict_view_writes_nothing(qtbot, window, files, consolidated):
    conflict_setup(qtbot, window, files)
    window.answers.decide = lambda conflicts: None
    before = consolidated.read_bytes()
    assert merge(qtbot, window, [files["itfaiye"]]) is None
    assert consolidated.read_bytes() == before and window.wb.get(KEY) == 100
    assert "itfaiye" in window.board.model.pending  # still marked on the board
    assert "karar bekliyor" in window.board.model.text(window.board.model.row_of("itfaiye"), 1)


def test_an_older_file_is_refused_and_can_be_forced(clock, qtbot, window, files, tmp_path):
    import shutil

    old = tmp_path / "eski" / files["imar"].name
    old.parent.mkdir()
    shutil.copy(files["imar"], old)
    clock.advance(hours=1)  # the department edits it later
    edit(files["imar"], {"imar.ruhsat": 181})
    merge(qtbot, window, [files["imar"]])
    window.answers.answer = False
    result = merge(qtbot, window, [old])
    assert result.files[0].status == "refused" and window.answers.asked  # asked whether to force
    assert window.wb.get("imar.ruhsat") == 181
    window.answers.answer = True
    merge(qtbot, window, [old])  # asked again, answered yes: the forced run starts
    with qtbot.waitSignal(window.merge_run.finished, timeout=30000):
        pass
    assert window.wb.get("imar.ruhsat") == 180


def test_a_file_with_untrusted_times_is_imported_only_when_accepted(qtbot, window, files, tmp_path):
    import shutil
    import sqlite3

    future = tmp_path / "gelecek" / files["imar"].name
    future.parent.mkdir()
    shutil.copy(files["imar"], future)
    conn = sqlite3.connect(future)
    conn.execute("UPDATE entry SET changed_at = '2999-01-01T00:00:00+00:00'")
    conn.commit()
    conn.close()
    window.answers.answer = False
    result = merge(qtbot, window, [future])
    assert result.files[0].status == "refused" and result.files[0].untrusted_time
    assert any("saati yanlış" in q for q in window.answers.asked)
    assert window.wb.get("imar.ruhsat") is None
    window.answers.answer = True
    merge(qtbot, window, [future])  # asked again, answered yes: the accepting run starts
    with qtbot.waitSignal(window.merge_run.finished, timeout=30000):
        pass
    assert window.merge_run.accept_time and window.wb.get("imar.ruhsat") == 180


def test_the_institution_chapters_are_edited_with_the_clerks_editors(qtbot, window, consolidated):
    from ui_support import type_text

    from desktop.ui.editors.fields import LongTextEdit

    view = window.institution_view
    assert view is not None and window.doc.department == "strateji"
    w = view.editor_widget("strateji.sunus")
    assert isinstance(w, LongTextEdit)
    window.tabs.setCurrentWidget(view)
    view.go_to("strateji.sunus")
    type_text(w, "Değerli meclis üyeleri")
    view.commit_pending()
    with Workbook.open(consolidated, readonly=True) as wb:
        assert wb.get("strateji.sunus") == "Değerli meclis üyeleri"
    assert window.act_undo.isEnabled()
    window.act_undo.trigger()
    with Workbook.open(consolidated, readonly=True) as wb:
        assert wb.get("strateji.sunus") is None


def test_year_settings_are_shown(window):
    text = window.year.text()
    assert "Sapma toleransı" in text and "%0" in text and "2020" in text


def test_excel_export_from_the_window(window, tmp_path):
    from openpyxl import load_workbook

    out = window.export_excel(tmp_path / "yil.xlsx")
    assert out is not None and out.exists()
    assert len(load_workbook(out).sheetnames) >= 1


def test_new_consolidated_file_from_the_start_page(qtbot, tmp_path, monkeypatch, definition):
    from PySide6.QtWidgets import QFileDialog
    from ui_support import make_window

    from desktop.ui.strategy import window as strategy

    main = make_window(qtbot)
    target = tmp_path / "yeni-birlesik"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    button = main.start.create_consolidated_button
    assert button.isEnabled()
    chosen = []
    main.start.createConsolidatedRequested.connect(chosen.append)
    button.click()
    assert chosen and chosen[0].year.year == 2020
    path = target.with_suffix(".faaliyet")
    assert path.exists()
    with Workbook.open(path, readonly=True) as wb:
        assert wb.is_consolidated
    opened = [w for w in strategy._open_windows if w.wb is not None and w.wb.path == path]
    assert opened and opened[0].isVisible() and main.view is None
    opened[0].close()
    main.close()


def test_a_file_of_another_year_is_refused_with_the_reason(qtbot, window, tmp_path, definition):
    from small_year import SMALL_YEAR

    from desktop.core.definition import Definition

    other = Definition.from_data({**SMALL_YEAR, "year": {"year": 2021, "deviation_tolerance": 0}})
    path = tmp_path / "baska-yil.faaliyet"
    Workbook.create(path, other, "itfaiye").close()
    not_a_workbook = tmp_path / "not.faaliyet"
    not_a_workbook.write_bytes(b"SQLite format 3\x00" + b"x" * 200)
    result = merge(qtbot, window, [path, not_a_workbook])
    assert [f.status for f in result.files] == ["refused", "refused"]
    title, text, kind = window.answers.messages[-1]
    assert kind == "warning" and "REDDEDİLDİ" in text and "2021" in text
    assert rows(window)["itfaiye"][0] == "eksik" and window.history.table.rowCount() == 0


def test_a_read_only_consolidated_file_offers_no_changes(qtbot, consolidated, files):
    from desktop.store.merge.run import merge_files
    from desktop.ui.app import application
    from desktop.ui.strategy.window import StrategyWindow

    with Workbook.open(files["itfaiye"]) as wb:
        submit(wb)
    merge_files(consolidated, [files["itfaiye"]])
    application()
    win = StrategyWindow()
    qtbot.addWidget(win)
    assert win.open_file(consolidated, readonly=True)
    win.board.select("itfaiye")
    assert not win.board.accept_button.isEnabled() and not win.board.send_back_button.isEnabled()
    assert not win.board.acceptDrops() and not win.board.add_files.isEnabled() and not win.act_files.isEnabled()
    assert "salt okunur" in win.windowTitle()
    assert win.saved.text() == "Salt okunur — değişiklik yapılamaz"
    win.close()


def test_the_status_bar_says_every_change_is_in_the_file(window):
    """The strategy unit writes the institution chapters and the year settings here: as in the clerk's
    window, the status bar says that every change is in the file (it said nothing)."""
    assert window.statusBar().isVisible() and window.saved.isVisible()
    assert window.saved.text() == "✓ Tüm değişiklikler dosyaya kaydedildi"


def test_the_merge_dialog_says_which_phase_and_file(qtbot, window, files):  # noqa: F811
    from desktop.ui.strategy.merging import phase_text

    run = window.merge(list(files.values()))
    shown = []
    run.worker.progressed.connect(lambda *_: shown.append(run.dialog.labelText() if run.dialog else run.last_progress))
    with qtbot.waitSignal(run.finished, timeout=30000):
        pass
    names = {p.name for p in files.values()}
    for phase in ("Denetleniyor", "Karşılaştırılıyor", "Yazılıyor"):
        assert {t.partition(": ")[2] for t in shown if t.startswith(phase + ": ")} == names, shown
    assert shown[-1] == "Tamamlanıyor…"
    assert phase_text("yazılıyor: imar.faaliyet") == "Yazılıyor: imar.faaliyet"


@pytest.mark.parametrize("width", [1366, 910])  # 1366 px, and 1366 px at 150 % (910 logical)
def test_the_decision_column_is_never_cut_off(qtbot, window, width):
    from desktop.store.merge.conflicts import Conflict
    from desktop.ui.strategy.conflicts import COL_CHOICE, ConflictDialog

    long = "Aylara Göre Makbuz Gelirleri / Şubat / Miktarı (TL) — bir tablonun uzun bir hücre adı"
    conflicts = [
        Conflict("itfaiye", "itfaiye.faaliyet", ("e", f"itfaiye.k{i}"), long, "1.234,00", "5.678,00", "ayse", "", "mehmet", "")
        for i in range(3)
    ]
    dlg = ConflictDialog(conflicts, {"itfaiye": "İtfaiye Müdürlüğü"}, window)
    qtbot.addWidget(dlg)
    dlg.resize(int(width * 0.9), 500)
    dlg.show()
    qtbot.waitExposed(dlg)
    table = dlg.table
    right = table.columnViewportPosition(COL_CHOICE) + table.columnWidth(COL_CHOICE)
    assert table.columnViewportPosition(COL_CHOICE) >= 0 and right <= table.viewport().width()
    assert right >= table.viewport().width() * 0.9  # the columns share the width: none squeezed for nothing
    combo = table.cellWidget(0, COL_CHOICE)
    assert table.columnWidth(COL_CHOICE) >= combo.sizeHint().width()  # its text whole
    assert dlg.width() <= width


def test_attachments_dragged_out_of_outlook_are_not_refused_in_silence(qtbot, window):
    """The strategy unit gets the files by e-mail and drags the attachment from Outlook onto the board.
    Outlook drags no file, only its name (a virtual file): the drop was refused with a no-entry cursor and
    nothing said. Now it is taken, and the window says to save the attachment first, naming it."""
    from PySide6.QtGui import QDragEnterEvent

    mime = outlook_drag("kars-2020-itfaiye.faaliyet", "kars-2020-imar.faaliyet")
    enter = QDragEnterEvent(
        QPoint(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    window.board.dragEnterEvent(enter)
    assert enter.isAccepted()
    dropped = []
    window.board.filesDropped.connect(dropped.append)
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    window.board.dropEvent(event)
    assert dropped == []  # nothing to merge
    title, text, _kind = window.answers.messages[-1]
    assert "kars-2020-itfaiye.faaliyet" in text and "kars-2020-imar.faaliyet" in text
    assert "Farklı Kaydet" in text and "Dosya ekle" in text


def test_a_descriptor_that_cannot_be_read_gives_no_names():
    from ui_support import outlook_descriptor

    from desktop.ui.dropped_attachments import names

    assert names(b"") == [] and names(b"\x05\x00\x00\x00" + b"\x00" * 100) == []  # five items announced, none there
    assert names(outlook_descriptor("a.faaliyet")) == ["a.faaliyet"]


def test_a_zip_dropped_on_the_board_merges_the_files_in_it(qtbot, window, files, tmp_path):
    import zipfile

    arc = tmp_path / "gelen.zip"
    with zipfile.ZipFile(arc, "w") as z:
        for p in files.values():
            z.write(p, p.name)
    drop(window.board, [arc])
    with qtbot.waitSignal(window.merge_run.finished, timeout=30000) as blocker:
        pass
    result = blocker.args[0]
    assert {f.path.name: f.status for f in result.files} == {p.name: "imported" for p in files.values()}
    assert rows(window)["itfaiye"][0] == "taslak"
