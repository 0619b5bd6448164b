"""Building the report from the strategy window: off the GUI thread, progress, cancel, the PDF shown."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from desktop.store.file.workbook import Workbook

pytestmark = [pytest.mark.definition("small"), pytest.mark.usefixtures("private_settings")]


@pytest.fixture
def window(qtbot, tmp_path, definition, files):
    from desktop.store.merge.run import merge_files
    from desktop.ui.app import application
    from desktop.ui.strategy.window import StrategyWindow

    path = tmp_path / "birlesik.faaliyet"
    Workbook.create(path, definition, None).close()
    merge_files(path, [files["itfaiye"], files["imar"]])
    application()
    win = StrategyWindow()
    win.messages = []
    win.inform = lambda title, text, kind="information": win.messages.append((title, text, kind))
    qtbot.addWidget(win)
    assert win.open_file(path), win.messages
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()


def test_the_build_runs_off_the_gui_thread_with_progress_and_shows_page_one(qtbot, window, tmp_path):
    out = tmp_path / "rapor" / "faaliyet-raporu.pdf"
    out.parent.mkdir()
    steps = []
    job = window.build(out)
    job.progressed.connect(lambda done, total, text: steps.append((done, total, text)))
    assert job.dialog is not None and job.dialog.isVisible()  # the progress dialog with its cancel button
    with qtbot.waitSignal(job.finished, timeout=60000) as blocker:
        pass
    result = blocker.args[0]
    assert job.worker.thread_ident is not None and job.worker.thread_ident != threading.get_ident()
    assert steps and all(0 <= d <= t for d, t, _ in steps) and any(text for _, _, text in steps)
    assert out.exists() and out.read_bytes().startswith(b"%PDF") and result.pages >= 1
    assert not job.dialog.isVisible()
    # shown inside the window: page 1 of N, rendered
    pdf = window.pdf
    assert window.tabs.currentWidget() is pdf
    assert pdf.pages == result.pages and pdf.page == 0 and pdf.page_box.value() == 1
    image = pdf.current_image()
    assert image is not None and image.width() > 300 and image.height() > image.width()
    colors = {image.pixelColor(x, y).name() for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)}
    assert len(colors) > 2  # something is drawn, not a blank page
    pdf.show_page(pdf.pages - 1)
    assert pdf.page_box.value() == pdf.pages and not pdf.next_button.isEnabled()
    assert f"/ {pdf.pages}" == pdf.page_count.text()


def test_a_departments_report_from_the_board(qtbot, window, tmp_path):
    out = tmp_path / "itfaiye.pdf"
    window.choose_pdf = lambda suggested: str(out)
    window.board.select("itfaiye")
    assert window.board.report_button.isEnabled()
    window.board.report_button.click()
    with qtbot.waitSignal(window.report_build.finished, timeout=60000) as blocker:
        pass
    assert blocker.args[0].path == out and window.pdf.path == out and window.pdf.pages >= 1
    window.board.select("zabita")  # no file yet: nothing to report
    assert not window.board.report_button.isEnabled()


@pytest.fixture
def gated_build(monkeypatch):
    """The build waits at its start until the test has pressed "Durdur".

    A small report can finish before a queued progress signal or a click
    reaches the worker; holding the build at its start makes the cancel land
    deterministically, through the real report code and the real signals.
    """
    from desktop.ui.strategy import build as build_module

    gate = threading.Event()
    real = build_module.build_report

    def held(*args, **kwargs):
        gate.wait(30)
        return real(*args, **kwargs)

    monkeypatch.setattr(build_module, "build_report", held)
    return gate


def test_cancelling_the_build_leaves_no_file(qtbot, window, tmp_path, gated_build):
    out = tmp_path / "iptal" / "rapor.pdf"
    out.parent.mkdir()
    job = window.build(out)
    job.cancel()  # "Durdur" while the build is under way
    gated_build.set()
    with qtbot.waitSignal(job.cancelled, timeout=60000):
        pass
    assert not out.exists() and list(out.parent.iterdir()) == []
    assert window.pdf.doc is None


def test_pressing_cancel_in_the_progress_dialog_stops_the_build(qtbot, window, tmp_path, gated_build):
    out = tmp_path / "rapor.pdf"
    job = window.build(out)
    from PySide6.QtWidgets import QPushButton

    button = job.dialog.findChild(QPushButton)
    assert button.text() == "Durdur"
    button.click()
    gated_build.set()
    with qtbot.waitSignal(job.cancelled, timeout=60000):
        pass
    assert not out.exists()


def test_the_pdf_prints_every_page(qtbot, window, tmp_path):
    from PySide6.QtPrintSupport import QPrinter

    out = tmp_path / "rapor.pdf"
    job = window.build(out)
    with qtbot.waitSignal(job.finished, timeout=60000):
        pass
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printed = tmp_path / "yazdirilan.pdf"
    printer.setOutputFileName(str(printed))
    assert window.pdf.print_to(printer) == window.pdf.pages
    from pypdf import PdfReader

    assert len(PdfReader(str(printed)).pages) == window.pdf.pages


def test_a_consolidated_file_opened_from_the_clerks_window_opens_the_strategy_window(qtbot, tmp_path, definition):
    from ui_support import make_window

    from desktop.ui.strategy import window as strategy

    path = tmp_path / "birlesik.faaliyet"
    Workbook.create(path, definition, None).close()
    main = make_window(qtbot)
    assert main.open_file(path), main.prompts.messages
    assert main.view is None  # the clerk's window stays on its start page
    opened = [w for w in strategy._open_windows if w.wb is not None and w.wb.path == path]
    assert opened and opened[0].isVisible()
    opened[0].close()
    main.close()
    Path(path).unlink()
