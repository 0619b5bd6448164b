"""Work off the GUI thread: a QThread that runs one function and reports back.

The function gets ``progress(done, total, text)`` and ``cancelled() -> bool``;
it must open its own workbook (a SQLite connection belongs to its thread).
Signals reach the window through Qt's queued connections.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QThread, Signal


class Worker(QThread):
    progressed = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(object)  # the exception

    def __init__(self, fn: Callable, parent=None):
        super().__init__(parent)
        self.fn = fn
        self._cancel = threading.Event()
        self.thread_ident: int | None = None  # the thread the function ran in (tests)

    def cancel(self) -> None:
        self._cancel.set()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def run(self) -> None:
        self.thread_ident = threading.get_ident()
        try:
            result = self.fn(self.progressed.emit, self._cancel.is_set)
        except BaseException as exc:  # noqa: BLE001 -- reported to the window, never lost in the thread
            self.failed.emit(exc)
            return
        self.succeeded.emit(result)
