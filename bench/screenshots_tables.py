"""Screenshots of a wide table in the clerk's window (for looking at it, not a test).

    Xvfb :93 -screen 0 1366x768x24 &
    DISPLAY=:93 QT_QPA_PLATFORM=xcb uv run python bench/screenshots_tables.py /tmp/shots-tables
    DISPLAY=:93 QT_QPA_PLATFORM=xcb QT_SCALE_FACTOR=1.5 uv run python bench/screenshots_tables.py /tmp/shots-tables-150

Opens the sample's İtfaiye file with the window filling the screen and saves:
t1 the fire table (25 columns) as it opens, t2 after going to its last column
(the cell scrolled into view, its row and column headers highlighted), t3 after
Tab from the last editable cell of a table, t4 the find dialog grouped by table,
t5 after going to a finding on a grey total, t6 and t7 the narrower tables
(vehicles with text columns, monthly receipts).
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from desktop import resources
from desktop.core.loader import load_definition
from desktop.store.sample import build_sample


def settle(ms: int = 300) -> None:
    QTest.qWait(ms)


def shot(win, out: Path, name: str) -> None:
    settle()
    pix = QApplication.primaryScreen().grabWindow(0)
    if pix.isNull() or pix.width() < 10:
        pix = win.grab()
    pix.save(str(out / name))
    print(out / name)


def main(out: Path) -> int:
    out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="faaliyet-shots-"))
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(work / "settings"))
    definition = load_definition(resources.default_definition())
    files = build_sample(definition, resources.sample(definition.id), work / "birimler").files

    from desktop.ui.app import application
    from desktop.ui.main_window import MainWindow

    _app = application()
    win = MainWindow()
    screen = QApplication.primaryScreen().availableGeometry()
    win.setGeometry(screen)
    win.show()
    win.activateWindow()
    settle(600)
    win.open_file(files["itfaiye"])
    win.setGeometry(screen)
    view = win.view
    view.navigator.select("yangin")
    table = view.editor_widget("itfaiye.yangin")
    settle()
    shot(win, out, "t1-yangin-tablosu.png")

    last = [c.key for c in table.model().columns if not c.computed][-1]
    view.go_to(f"itfaiye.yangin.ot_saman.{last}")
    shot(win, out, "t2-son-sutun.png")
    print(
        "rows",
        table.verticalHeader().length(),
        "shown",
        table.viewport().height(),
        "columns",
        table.horizontalHeader().length(),
        "shown",
        table.viewport().width(),
        "scroll bar",
        table.horizontalScrollBar().height(),
    )

    table.setCurrentIndex(table.model().index(len(table.model().rows) - 2, len(table.model().columns) - 1))
    table.setFocus()
    QTest.keyClick(table, Qt.Key.Key_Tab)
    print("after Tab from the last editable cell:", QApplication.focusWidget().objectName())
    shot(win, out, "t3-tab-sonrasi.png")

    from desktop.ui.find import FindDialog

    win.find()
    dlg = win.findChild(FindDialog)
    dlg.query.setText("diğer")
    shot(win, out, "t4-bul.png")
    dlg.close()

    view.go_to("itfaiye.yangin.toplam.malzeme_toplam")
    shot(win, out, "t5-bulgu-toplam.png")
    print("current:", table.model().key(table.currentIndex().row(), table.currentIndex().column()))
    view.navigator.select("arac_ekipman")
    shot(win, out, "t6-araclar.png")
    view.navigator.select("gelirler")
    shot(win, out, "t7-gelirler.png")
    win.close()
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/shots-tables")))
