"""The program's log: what support reads when a clerk calls (no Qt).

A windowed program on Windows has no console, so an error that reaches the
top leaves nothing behind unless it is written somewhere. ``install()``
starts a rotating log file in the user's data folder (the platform's
convention, or ``$FAALIYET_LOG_DIR``), routes uncaught exceptions of the main
thread (``sys.excepthook``) and of other threads (``threading.excepthook``)
into it, and turns on ``faulthandler`` so that a crash inside Qt or SQLite
leaves its Python stack in ``crash.log`` next to it.

The window adds a reporter (``set_reporter``) that shows the error to the
user; the log is written first, whatever the reporter does.
"""

from __future__ import annotations

import faulthandler
import logging
import os
import sys
import threading
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

from . import resources

ENV = "FAALIYET_LOG_DIR"  # overrides the folder (tests, a portable install)
LOG_NAME = "faaliyet.log"
CRASH_NAME = "crash.log"
MAX_BYTES = 1024 * 1024  # one file; five old ones are kept: a year of ordinary use fits
BACKUPS = 5
FORMAT = "%(asctime)s %(levelname)s %(name)s [%(process)d %(threadName)s] %(message)s"

log = logging.getLogger("faaliyet")

Reporter = Callable[[str, str], None]  # (one-line summary, full details)
_state: dict[str, Any] = {"folder": None, "reporter": None, "crash": None}


def log_folder() -> Path:
    """The user's log folder by the platform's convention (or ``$FAALIYET_LOG_DIR``).

    Windows: ``%LOCALAPPDATA%\\Faaliyet\\logs`` (local, not roaming: a log does not
    follow the user to another PC); macOS: ``~/Library/Logs/Faaliyet``; elsewhere
    ``$XDG_STATE_HOME/faaliyet`` (``~/.local/state/faaliyet``).
    """
    return resources.user_folder("logs", ENV)


def log_file() -> Path:
    return Path(_state["folder"] or log_folder()) / LOG_NAME


def install(version: str = "", folder: Path | None = None) -> Path | None:
    """Start the log and the hooks, once a process; the log file's path, or None when it cannot be written.

    A log that cannot be written (a full or read-only profile) must not stop
    the program: the hooks are installed all the same and report to the user.
    """
    if _state["folder"] is not None:
        return log_file()
    target = Path(folder) if folder else log_folder()
    _state["folder"] = target
    sys.excepthook = _excepthook
    threading.excepthook = _thread_excepthook
    log.setLevel(logging.INFO)
    try:
        target.mkdir(parents=True, exist_ok=True)
        handler = RotatingFile(target / LOG_NAME)
    except OSError:
        return None
    handler.setFormatter(logging.Formatter(FORMAT))
    log.addHandler(handler)
    try:
        crash = (target / CRASH_NAME).open("a", encoding="utf-8")  # noqa: SIM115 (open for the whole process)
        faulthandler.enable(crash, all_threads=True)
        _state["crash"] = crash  # faulthandler keeps only the descriptor: the file object must live on
    except OSError:
        pass
    log.info("Faaliyet%s başladı (Python %s, %s)", f" {version}" if version else "", sys.version.split()[0], sys.platform)
    return target / LOG_NAME


def version_is(version: str) -> None:
    """The version line, when it is known later than the start (the window reads it after showing)."""
    log.info("Faaliyet sürümü: %s", version)


class RotatingFile(logging.FileHandler):
    """``faaliyet.log`` up to MAX_BYTES, then renamed to ``.1`` (``.1`` to ``.2``…, BACKUPS kept).

    logging.handlers' RotatingFileHandler does the same but its module costs ~5 ms of every
    window start (it imports socket, pickle and queue); the log needs only this.
    """

    def __init__(self, path: Path):
        super().__init__(path, encoding="utf-8", delay=True)

    def emit(self, record: logging.LogRecord) -> None:
        try:
            if self.stream is not None and self.stream.tell() >= MAX_BYTES:
                self.rotate()
        except OSError:
            self.handleError(record)
        super().emit(record)

    def rotate(self) -> None:
        self.close()  # reopened by the next emit (delay=True)
        base = self.baseFilename
        for i in range(BACKUPS - 1, 0, -1):
            if os.path.exists(f"{base}.{i}"):
                os.replace(f"{base}.{i}", f"{base}.{i + 1}")
        os.replace(base, f"{base}.1")


def uninstall() -> None:
    """Undo ``install`` (tests): handlers closed, hooks and faulthandler restored."""
    for handler in list(log.handlers):
        log.removeHandler(handler)
        handler.close()
    if _state["crash"] is not None:
        faulthandler.disable()
        _state["crash"].close()
    sys.excepthook = sys.__excepthook__
    threading.excepthook = threading.__excepthook__
    _state.update(folder=None, reporter=None, crash=None)


def set_reporter(reporter: Reporter | None) -> None:
    """Who tells the user about an uncaught error (the window's error dialog)."""
    _state["reporter"] = reporter


def details(exc_type, exc, tb) -> str:
    return "".join(traceback.format_exception(exc_type, exc, tb))


def report(exc_type, exc, tb, where: str = "") -> None:
    """Log an uncaught error, then hand it to the reporter (if any)."""
    text = details(exc_type, exc, tb)
    log.error("Yakalanmamış hata%s:\n%s", f" ({where})" if where else "", text.rstrip())
    summary = f"{exc_type.__name__}: {exc}" if str(exc) else exc_type.__name__
    reporter = _state["reporter"]
    if reporter is None:
        sys.__stderr__ and sys.__stderr__.write(text)
        return
    try:
        reporter(summary, text)
    except Exception:  # noqa: BLE001 (the reporter failing must not hide the first error)
        log.exception("Hata penceresi gösterilemedi")


def _excepthook(exc_type, exc, tb) -> None:
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    report(exc_type, exc, tb)


def _thread_excepthook(args: threading.ExceptHookArgs) -> None:
    if args.exc_type is SystemExit:
        return
    name = args.thread.name if args.thread is not None else "?"
    log.error(
        "İş parçacığında yakalanmamış hata (%s):\n%s", name, details(args.exc_type, args.exc_value, args.exc_traceback).rstrip()
    )
