"""What start-up leaves for later still works: the start page, pages built when first shown."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

pytestmark = [pytest.mark.definition("small"), pytest.mark.usefixtures("private_settings")]


def _built(win, page: str) -> bool:
    return page in win.view.scrolls and win.view.scrolls[page].widget() is not None


def test_a_file_opened_directly_never_builds_the_start_page(qtbot, workbook_path):
    from desktop.ui.app import application
    from desktop.ui.main_window import MainWindow
    from desktop.ui.start_page import StartPage

    application()
    win = MainWindow()  # as `faaliyet open FILE`: open, then show
    qtbot.addWidget(win)
    assert win.open_file(workbook_path)
    win.show()
    qtbot.waitExposed(win)
    assert win.findChild(StartPage) is None
    assert win.stack.currentWidget() is win.view
    win.close_file()  # closing the file shows the start page, built now
    assert isinstance(win.stack.currentWidget(), StartPage) and win.stack.currentWidget() is win.start
    assert win.start.current_definition() is not None
    win.close()


def test_closing_the_window_does_not_build_the_start_page(qtbot, workbook_path):
    from desktop.ui.app import application
    from desktop.ui.main_window import MainWindow
    from desktop.ui.start_page import StartPage

    application()
    win = MainWindow()
    qtbot.addWidget(win)
    assert win.open_file(workbook_path)
    win.show()
    win.close()  # stores and releases the file
    assert win.view is None and win.findChild(StartPage) is None


def test_a_finding_on_a_page_not_yet_built_is_marked_listed_and_reached(window):
    from desktop.ui.editors.table import TableEditor

    assert not _built(window, "gelirler")
    # rule: makbuz total <= vehicles * 1000 (warning), on the page not built yet
    window.editor.set_values({"itfaiye.makbuz.ocak.arac": 1, "itfaiye.makbuz.ocak.tutar": Decimal("5000")})
    assert window.view.navigator.mark_of("gelirler") == "partial"  # marks come from the data
    assert "1 uyarı" in window.view.navigator.item(1).text()
    lst = window.view.findings.list
    row = next(i for i in range(lst.count()) if "1.000 TL" in lst.item(i).text())
    lst.itemClicked.emit(lst.item(row))  # the findings panel: go there
    QApplication.processEvents()
    assert window.view.current_page() == "gelirler" and _built(window, "gelirler")
    table = window.view.scrolls["gelirler"].findChild(TableEditor, "itfaiye.makbuz")
    m = table.model()
    # the finding is on the grey total: the clerk lands on the first cell of its column to type into
    here = table.currentIndex()
    total = m.index(m.rowCount() - 1, here.column())
    assert m.key(total.row(), total.column()) in {f.place for f in window.doc.findings}
    assert (here.row(), m.flags(here) & Qt.ItemFlag.ItemIsEditable) == (0, Qt.ItemFlag.ItemIsEditable)
    assert m.data(total, Qt.ItemDataRole.BackgroundRole) is not None  # the total is marked
    assert "1.000 TL" in m.data(total, Qt.ItemDataRole.ToolTipRole)


def test_find_goes_to_a_field_on_a_page_not_yet_built(window):
    from desktop.ui.find import FindDialog

    assert not _built(window, "gelirler")
    window.find()  # Ctrl+F
    dlg = window.findChild(FindDialog)
    assert dlg is not None
    dlg.query.setText("akaryakıt sarfiyatı")
    dlg.accept_current()
    QApplication.processEvents()
    assert window.view.current_page() == "gelirler" and _built(window, "gelirler")


def test_undo_shows_a_change_on_a_page_not_yet_built(window):
    window.editor.set_values({"itfaiye.makbuz.ocak.arac": 4})
    window.view.navigator.select("genel")
    assert not _built(window, "gelirler")
    window.undo()
    assert window.view.current_page() == "gelirler"


def test_the_navigator_finds_its_viewport_by_name(window):
    from desktop.ui.navigator import viewport_of

    nav = window.view.navigator
    assert viewport_of(nav) is nav.viewport()


def test_pysides_import_hook_gets_the_same_answer_from_the_quick_check():
    import sys

    import desktop.ui.app  # noqa: F401  (installs the quick check)

    feature = sys.modules["shibokensupport.feature"]
    quick = feature._mod_uses_pyside
    assert getattr(quick, "quick", False), "the quick check is installed"
    modules = [m for m in list(sys.modules.values()) if m is not None]
    assert len(modules) > 100
    answers = [(m.__name__, quick(m), quick.original(m)) for m in modules]
    assert [a for a in answers if a[1] != a[2]] == []
    assert any(a[1] for a in answers) and not all(a[1] for a in answers)  # both answers occur


_DECODE_AS_THE_WINDOW = """
import json, sys
import desktop.ui.app  # the window's start-up imports, msgspec among them
from desktop.core.definition import Definition
from desktop.core.forms import InvalidData
text = sys.stdin.read()
out = {"typing_extensions": "typing_extensions" in sys.modules, "canonical": Definition.from_json(text).canonical_json()}
for name, broken in json.loads(sys.argv[1]).items():
    try:
        Definition.from_json(broken)
        out[name] = "accepted"
    except InvalidData as exc:
        out[name] = str(exc)
print(json.dumps(out))
"""


def test_the_window_decodes_a_definition_as_the_tests_msgspec_does(definition):
    """The window imports msgspec without typing_extensions (as installed, msgspec_import.py):
    the same definition comes out, and the same constraints refuse with the same message."""
    import json
    import os
    import subprocess
    import sys

    from desktop.core.definition import Definition
    from desktop.core.forms import InvalidData

    assert "typing_extensions" in sys.modules  # the tests' msgspec: pytest-qt imports it
    text = definition.canonical_json()
    data = json.loads(text)
    broken = {
        "no_departments": json.dumps({**data, "departments": []}),  # Annotated[..., Meta(min_length=1)]
        "long_id": json.dumps({**data, "id": "k" * 1000}),  # limits.Key: Annotated[str, Meta(max_length)]
        "year_1900": json.dumps({**data, "year": {**data["year"], "year": 1900}}),  # Meta(ge=2000, le=2100)
        "unknown_field": json.dumps({**data, "extra": 1}),  # Strict: forbid_unknown_fields
    }
    expected = {"typing_extensions": False, "canonical": text}
    for name, doc in broken.items():
        with pytest.raises(InvalidData) as exc:
            Definition.from_json(doc)
        expected[name] = str(exc.value)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", _DECODE_AS_THE_WINDOW, json.dumps(broken)],
        input=text,
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    assert json.loads(result.stdout) == expected


_OPEN_AS_THE_LAUNCHER = """
import sys
from PySide6.QtCore import QSettings
from desktop.ui.app import application, starting
with starting():  # as `faaliyet open FILE`: application, window, open, show
    app = application()
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, sys.argv[2])
    from desktop.ui.main_window import MainWindow
    win = MainWindow()
    assert win.open_file(sys.argv[1]) and win.view is not None
    win.show()
app.processEvents()
later = sys.argv[3].split()
loaded = [m for m in sys.modules if any(m == p or m.startswith(p + ".") for p in later)]
built = [t for t in ("QIcon",) if t in vars(sys.modules["PySide6.QtGui"])]
print(" ".join(sorted(loaded) + built))
"""

# what a department file's first paint does not show: each comes with the action that needs it
_LATER = (
    "desktop.report",  # the unit report (and reportlab under it)
    "reportlab",
    "openpyxl",  # the Excel template and filling from it
    "desktop.store.exchange",
    "desktop.store.merge",
    "desktop.ui.report_window",
    "desktop.ui.help_window",
    "desktop.ui.help",
    "desktop.ui.support",  # the error dialog: at the first error
    "desktop.ui.start_page",
    "desktop.ui.find",
    "desktop.ui.excel_fill",
    "desktop.ui.strategy",
    "desktop.ui.single_instance",  # listening for later starts: after the first paint
    "PySide6.QtNetwork",
    "getpass",  # the user's name: at the first write
    "typing_extensions",
)


def test_opening_a_file_at_start_leaves_for_later_what_its_first_paint_does_not_show(workbook_path, tmp_path):
    """`faaliyet open FILE` up to the first paint imports none of the modules of later actions
    and does not make PySide build the QIcon type (its enums are ~2 ms; the window icon is set
    after the start, the navigator's marks are pixmaps)."""
    import os
    import subprocess
    import sys

    root = Path(__file__).resolve().parent.parent
    out = subprocess.run(
        [sys.executable, "-c", _OPEN_AS_THE_LAUNCHER, str(workbook_path), str(tmp_path / "settings"), " ".join(_LATER)],
        cwd=root,
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.split() == []


def test_the_window_icon_comes_after_the_start_on_the_windows_already_shown(qtbot):
    from desktop.ui.app import application, set_window_icon
    from desktop.ui.main_window import MainWindow

    app = application()
    win = MainWindow()
    qtbot.addWidget(win)
    win.show()
    set_window_icon(app)
    assert not app.windowIcon().isNull()
    assert win.windowIcon().cacheKey() == app.windowIcon().cacheKey()
    win.close()


def test_the_navigators_marks_are_drawn_as_icons_were(window):
    from PySide6.QtGui import QPixmap

    nav = window.view.navigator
    for row in range(nav.count()):
        mark = nav.item(row).data(Qt.ItemDataRole.DecorationRole)
        assert isinstance(mark, QPixmap) and not mark.isNull()
        assert mark.deviceIndependentSize().toSize() == nav.iconSize()  # 16 px, sharp at 200 %


_PAUSED_BY_THE_LAUNCHER = """
import gc, sys
from desktop import collector
collector.pause()  # as desktop.launcher does before importing the window
assert not gc.isenabled() and collector.paused()
from desktop.ui.app import application, starting
with starting():
    app = application()
    assert not gc.isenabled()  # still paused while the first window is made
    from desktop.ui.main_window import MainWindow
    win = MainWindow()
    win.show()
app.processEvents()
print(gc.isenabled(), collector.paused(), gc.get_freeze_count() > 10_000)
"""


def test_the_collector_paused_before_pysides_import_runs_again_once_the_first_window_is_shown():
    import os
    import subprocess
    import sys

    root = Path(__file__).resolve().parent.parent
    out = subprocess.run(
        [sys.executable, "-c", _PAUSED_BY_THE_LAUNCHER],
        cwd=root,
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.split() == ["True", "False", "True"]  # collecting again; start-up's objects frozen


def test_a_pause_is_ended_only_by_its_own_resume():
    import gc

    from desktop import collector

    assert gc.isenabled() and not collector.paused()
    collector.resume()  # no pause: nothing to end
    assert gc.isenabled()
    gc.disable()  # someone else's: not the collector's to end
    try:
        collector.pause()
        assert not collector.paused()
        collector.resume()
        assert not gc.isenabled()
    finally:
        gc.enable()
