"""The Qt binding must not leak references to None.

PySide6 6.12.0 on Python 3.11 drops one reference to ``None`` on every call
of a void method (``setText``, ``hide``, ``setToolTip``…): a clerk's window
died with "Fatal Python error: none_dealloc" after a few hundred edits
(measured with bench/bench_ui.py). pyproject.toml pins ``<6.12`` for that
reason; this test fails if a future upgrade brings the leak back. (On Python
3.12+ None is immortal and the count never moves.)
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QLineEdit


def test_void_qt_calls_keep_nones_refcount(qtbot):
    QApplication.instance() or QApplication([])
    w = QLineEdit()
    qtbot.addWidget(w)
    before = sys.getrefcount(None)
    for _ in range(2000):
        w.setText("x")
        w.setToolTip("y")
        w.setObjectName("z")
    assert sys.getrefcount(None) - before > -100, "the Qt binding leaks references to None; see pyproject.toml"
