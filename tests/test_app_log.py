"""The program's log (desktop/app_log.py): where it is, what reaches it, and crashes."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from desktop import app_log

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def installed(tmp_path):
    app_log.uninstall()
    yield tmp_path
    app_log.uninstall()


def test_the_log_folder_follows_each_platforms_convention(monkeypatch, tmp_path):
    monkeypatch.delenv(app_log.ENV, raising=False)
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setenv("LOCALAPPDATA", r"C:\Users\memur\AppData\Local")
    assert str(app_log.log_folder()).replace("\\", "/").endswith("AppData/Local/Faaliyet/logs")
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    assert app_log.log_folder() == tmp_path / "state" / "faaliyet"
    monkeypatch.delenv("XDG_STATE_HOME")
    assert app_log.log_folder() == Path.home() / ".local" / "state" / "faaliyet"
    monkeypatch.setenv(app_log.ENV, str(tmp_path / "elsewhere"))  # tests and portable installs
    assert app_log.log_folder() == tmp_path / "elsewhere"


def test_an_uncaught_error_is_logged_with_its_traceback_then_reported(installed):
    path = app_log.install("9.9", folder=installed)
    seen = []
    app_log.set_reporter(lambda summary, details: seen.append((summary, details)))
    try:
        raise ValueError("bozuk değer")
    except ValueError:
        sys.excepthook(*sys.exc_info())
    for handler in logging.getLogger("faaliyet").handlers:
        handler.flush()
    text = path.read_text(encoding="utf-8")
    assert "Faaliyet 9.9 başladı" in text
    assert "ValueError: bozuk değer" in text and "Traceback" in text
    assert seen and seen[0][0] == "ValueError: bozuk değer" and "Traceback" in seen[0][1]


def test_an_error_in_another_thread_is_logged_not_shown(installed):
    path = app_log.install(folder=installed)
    seen = []
    app_log.set_reporter(lambda *a: seen.append(a))

    def fail():
        raise RuntimeError("iş parçacığı düştü")

    worker = threading.Thread(target=fail, name="yazıcı")
    worker.start()
    worker.join()
    for handler in logging.getLogger("faaliyet").handlers:
        handler.flush()
    text = path.read_text(encoding="utf-8")
    assert "RuntimeError: iş parçacığı düştü" in text and "yazıcı" in text
    assert seen == []  # a dialog from a worker thread would be unsafe in Qt


def test_a_failing_reporter_does_not_hide_the_error(installed):
    path = app_log.install(folder=installed)

    def broken(summary, details):
        raise OSError("pencere açılamadı")

    app_log.set_reporter(broken)
    try:
        raise KeyError("anahtar")
    except KeyError:
        sys.excepthook(*sys.exc_info())
    for handler in logging.getLogger("faaliyet").handlers:
        handler.flush()
    text = path.read_text(encoding="utf-8")
    assert "KeyError: 'anahtar'" in text and "pencere açılamadı" in text


def test_the_log_rotates_and_keeps_a_bounded_history(installed, monkeypatch):
    monkeypatch.setattr(app_log, "MAX_BYTES", 2000)
    app_log.install(folder=installed)
    for i in range(400):
        app_log.log.info("satır %d %s", i, "x" * 40)
    names = sorted(p.name for p in installed.iterdir() if p.name.startswith(app_log.LOG_NAME))
    assert names[0] == app_log.LOG_NAME and len(names) == app_log.BACKUPS + 1
    assert all(p.stat().st_size <= 2000 + 200 for p in installed.glob(app_log.LOG_NAME + "*"))


def test_an_unwritable_log_folder_does_not_stop_the_program(installed):
    blocker = installed / "a-file"
    blocker.write_text("not a folder")
    assert app_log.install(folder=blocker / "logs") is None
    seen = []
    app_log.set_reporter(lambda *a: seen.append(a))
    try:
        raise ValueError("yine de gösterilir")
    except ValueError:
        sys.excepthook(*sys.exc_info())
    assert seen and "yine de gösterilir" in seen[0][0]


def test_a_hard_crash_leaves_its_python_stack_in_crash_log(tmp_path):
    code = "from desktop import app_log; app_log.install('1'); import faulthandler; faulthandler._sigsegv()"
    env = {**os.environ, app_log.ENV: str(tmp_path)}
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode != 0
    crash = (tmp_path / app_log.CRASH_NAME).read_text(encoding="utf-8")
    assert "Fatal Python error" in crash and "Segmentation fault" in crash


def test_an_uncaught_error_in_a_process_reaches_the_log(tmp_path):
    code = "from desktop import app_log; app_log.install('1'); raise SystemError('son hata')"
    env = {**os.environ, app_log.ENV: str(tmp_path)}
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode == 1 and "SystemError: son hata" in result.stderr  # no reporter: stderr too
    assert "SystemError: son hata" in (tmp_path / app_log.LOG_NAME).read_text(encoding="utf-8")
