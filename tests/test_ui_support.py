"""Support in the window: the error dialog, About (version, licence, notices) and one running program."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QLabel

from desktop import app_log, resources
from desktop.version import version

pytestmark = [pytest.mark.definition("small"), pytest.mark.usefixtures("private_settings")]

ROOT = Path(__file__).resolve().parent.parent


def _menu_texts(win, title: str) -> list[str]:
    for menu_action in win.menuBar().actions():
        if menu_action.text().replace("&", "") == title:
            return [a.text() for a in menu_action.menu().actions()]
    raise AssertionError(f"no menu {title}")


@pytest.fixture
def strategy(qtbot, consolidated_path):
    from desktop.ui.app import application
    from desktop.ui.strategy.window import StrategyWindow

    application()
    win = StrategyWindow()
    qtbot.addWidget(win)
    assert win.open_file(consolidated_path)
    yield win
    win.close()


def test_the_help_menu_of_both_windows_has_about(window, strategy):
    assert "Faaliyet hakkında…" in _menu_texts(window, "Yardım")
    assert "Faaliyet hakkında…" in _menu_texts(strategy, "Yardım")


def test_about_shows_version_licence_and_third_party_notices(qtbot, window, tmp_path, monkeypatch):
    from desktop.ui.support import AboutDialog

    notices = tmp_path / "THIRD-PARTY-NOTICES.txt"
    notices.write_text("pyside6-essentials 6.11: LGPL-3.0\nGNU LESSER GENERAL PUBLIC LICENSE", encoding="utf-8")
    monkeypatch.setattr(resources, "notices_file", lambda: notices)
    dialog = AboutDialog(window)
    qtbot.addWidget(dialog)
    texts = [dialog.license_view.toPlainText(), dialog.notices_view.toPlainText()]
    tabs = [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())]
    assert tabs == ["Lisans", "Üçüncü taraf bildirimleri"]
    assert texts[0].startswith("MIT License") and "Permission is hereby granted" in texts[0]
    assert "LGPL-3.0" in texts[1]
    shown = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert f"Faaliyet {version()}" in shown and "MIT" in shown and str(app_log.log_file()) in shown


def test_about_in_a_source_checkout_says_where_the_notices_come_from(qtbot, window, tmp_path, monkeypatch):
    from desktop.ui.support import AboutDialog

    monkeypatch.setattr(resources, "notices_file", lambda: tmp_path / "yok.txt")
    dialog = AboutDialog(window)
    qtbot.addWidget(dialog)
    assert "packaging/notices.py" in dialog.notices_view.toPlainText()


def test_the_version_is_pyprojects():
    import tomllib

    assert version() == tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    result = subprocess.run([sys.executable, "-m", "desktop", "--version"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0 and result.stdout.strip() == f"faaliyet {version()}"


def test_the_error_dialog_says_what_happened_where_the_log_is_and_copies_the_details(qtbot, window):
    from desktop.ui.support import ErrorDialog

    dialog = ErrorDialog("ValueError: bozuk değer", "Traceback (most recent call last):\n  ...\nValueError: bozuk değer", window)
    qtbot.addWidget(dialog)
    dialog.show()
    text = dialog.text() + "\n" + dialog.informativeText()
    assert "Beklenmeyen bir hata" in text and "ValueError: bozuk değer" in text
    assert str(app_log.log_file()) in text and "Ayrıntıları kopyala" in text
    assert "Traceback" in dialog.detailedText()
    QGuiApplication.clipboard().clear()
    dialog.copy_button.click()
    copied = QGuiApplication.clipboard().text()
    assert copied.startswith(f"Faaliyet {version()}") and str(app_log.log_file()) in copied and "Traceback" in copied
    assert dialog.isVisible()  # copying does not close the dialog
    assert dialog.copy_button.text() == "Kopyalandı"
    dialog.close_button.click()
    assert not dialog.isVisible()


def test_an_uncaught_error_in_the_window_is_logged_and_shown_once(qtbot, window, monkeypatch, tmp_path):
    from desktop.ui import support

    shown = []

    def fake_exec(dialog):
        shown.append(dialog.informativeText())
        sys.excepthook(ValueError, ValueError("ikinci hata, pencere açıkken"), None)  # logged, no second dialog
        return 0

    monkeypatch.setattr(support.ErrorDialog, "exec", fake_exec)
    app_log.uninstall()
    try:
        app_log.install(version(), folder=tmp_path)
        app_log.set_reporter(support.show_error)
        try:
            raise KeyError("kayıp anahtar")
        except KeyError:
            sys.excepthook(*sys.exc_info())
        log_text = (tmp_path / app_log.LOG_NAME).read_text(encoding="utf-8")
    finally:
        app_log.uninstall()
    assert len(shown) == 1 and "kayıp anahtar" in shown[0]
    assert "KeyError: 'kayıp anahtar'" in log_text and "ikinci hata, pencere açıkken" in log_text


# --- one running program ---------------------------------------------------------------------


def _unique_name(monkeypatch) -> str:
    name = f"faaliyet-test-{uuid.uuid4().hex[:12]}"
    monkeypatch.setenv("FAALIYET_INSTANCE_NAME", name)
    return name


def _child_env() -> dict:
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen", "LANG": "C.UTF-8"}


def test_a_second_start_hands_its_file_to_the_first(qtbot, monkeypatch, tmp_path):
    from desktop.ui.app import application
    from desktop.ui.single_instance import start

    application()
    name = _unique_name(monkeypatch)
    received = []
    listener = start(received.append, name)
    assert listener is not None
    assert start(received.append, name) is None  # a second listener of the same name steps back
    target = tmp_path / "ikinci başlatma.faaliyet"
    code = (
        "import sys; from PySide6.QtCore import QCoreApplication; app = QCoreApplication([]);"
        "from desktop.ui.single_instance import hand_off; sys.exit(0 if hand_off([sys.argv[1]]) else 3)"
    )
    child = subprocess.Popen([sys.executable, "-c", code, str(target)], cwd=tmp_path, env=_child_env())
    qtbot.waitUntil(lambda: bool(received), timeout=20000)
    assert child.wait(timeout=30) == 0
    assert received == [target.absolute()]
    listener.server.close()


def test_with_nobody_listening_the_handoff_says_so(monkeypatch):
    from desktop.ui.app import application
    from desktop.ui.single_instance import hand_off

    application()
    _unique_name(monkeypatch)
    assert hand_off([Path("a.faaliyet")], timeout_ms=200) is False


def test_a_garbled_request_is_refused_and_opens_nothing(qtbot, monkeypatch):
    from desktop.ui.single_instance import _parse

    assert _parse(b'{"open": ["/a/b.faaliyet"]}\n') == [Path("/a/b.faaliyet")]
    for bad in (b"not json\n", b'{"open": "/a"}\n', b'{"open": [1]}\n', b"{}\n", b'{"open": [""]}\n'):
        assert _parse(bad) is None


def test_a_double_clicked_file_opens_in_the_running_window(qtbot, monkeypatch, workbook_path):
    """The whole path: `faaliyet open FILE` while a window runs ends at once; the window shows FILE."""
    from desktop.ui import app as app_module
    from desktop.ui.main_window import MainWindow

    app_module.application()
    _unique_name(monkeypatch)
    win = MainWindow()
    qtbot.addWidget(win)
    win.show()
    app_module._listen(win)
    try:
        child = subprocess.Popen([sys.executable, "-m", "desktop", "open", str(workbook_path)], cwd=ROOT, env=_child_env())
        qtbot.waitUntil(lambda: win.view is not None, timeout=30000)
        assert child.wait(timeout=30) == 0
        assert win.shown_path() == workbook_path
        # the same file again: the window showing it comes forward, no second window
        again = subprocess.Popen([sys.executable, "-m", "desktop", "open", str(workbook_path)], cwd=ROOT, env=_child_env())
        qtbot.waitUntil(lambda: again.poll() is not None, timeout=30000)
        assert again.returncode == 0
        assert [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()] == [win]
    finally:
        win.close()
        _stop_listening()


def _stop_listening() -> None:
    app = QApplication.instance()
    listener = getattr(app, "_faaliyet_listener", None)
    if listener is not None:
        listener.server.close()
        app._faaliyet_listener = None


def test_a_second_file_handed_over_opens_in_a_window_of_its_own(qtbot, monkeypatch, window, tmp_path, definition):
    """The running window keeps its file; the handed-over one gets a new window."""
    from desktop.store.file.workbook import Workbook
    from desktop.ui import app as app_module
    from desktop.ui.main_window import MainWindow

    other = tmp_path / "ikinci" / "itfaiye.faaliyet"
    other.parent.mkdir()
    Workbook.create(other, definition, "itfaiye").close()
    _unique_name(monkeypatch)
    first_path = window.shown_path()
    app_module._listen(window)
    try:
        child = subprocess.Popen([sys.executable, "-m", "desktop", "open", str(other)], cwd=ROOT, env=_child_env())
        qtbot.waitUntil(lambda: len(app_module._windows) == 1 and app_module._windows[0].view is not None, timeout=30000)
        qtbot.waitUntil(lambda: child.poll() is not None, timeout=30000)
        assert child.returncode == 0
        second = app_module._windows[0]
        assert isinstance(second, MainWindow) and second.isVisible() and second is not window
        assert second.shown_path() == other and window.shown_path() == first_path
        second.close()
    finally:
        _stop_listening()
