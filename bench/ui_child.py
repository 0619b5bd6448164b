"""The measured process of bench_ui's cold start: the department form, shown and editable.

Started as ``python -c "from bench.ui_child import main; ..." FILE``, as the
`faaliyet` launcher's few lines import the compiled package: only sys, os and
time are imported before the window's own imports, and, as the launcher does
(``desktop.launcher``), the garbage collector is paused before PySide's import.
"""

import os
import sys
import time
from pathlib import Path


def main(path: str) -> int:
    """The real thing: QApplication, window, open the file, form shown and editable."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    marks = []  # time.monotonic() after each phase (the parent subtracts its spawn time)
    from desktop import collector

    collector.pause()  # as desktop.launcher does before importing the window
    from PySide6.QtWidgets import QApplication

    from desktop.ui.app import application, starting

    with starting():  # as desktop.ui.app.main does for `faaliyet open FILE`
        from desktop.ui.main_window import MainWindow

        marks.append(time.monotonic())
        app = application()
        marks.append(time.monotonic())
        win = MainWindow()
        win.inform = lambda title, text, kind="": print(f"{title}: {text}", file=sys.stderr)
        marks.append(time.monotonic())
        if not win.open_file(Path(path)):
            print("failed", flush=True)
            return 1
        marks.append(time.monotonic())
        win.show()
    app.processEvents()
    marks.append(time.monotonic())
    from PySide6.QtWidgets import QWidget

    # every item of the page the clerk sees has its editor (objectName = its key), enabled;
    # found by name, so that the check imports no editor module the window did not need
    section_key = win.view.current_page()
    page = win.view.scrolls[section_key].widget()
    dept = win.doc.department
    section = next(s for s in win.doc.definition.form(dept).sections if s.key == section_key)
    editors = [page.findChild(QWidget, f"{dept}.{item.key}") for item in section.items]
    assert editors and all(e is not None and e.isEnabled() for e in editors), section_key
    assert not win.doc.locked
    print("ready", flush=True)
    print("phases " + " ".join(repr(m) for m in marks), file=sys.stderr, flush=True)
    QApplication.instance().processEvents()
    return 0
