"""Screenshots of reading numbers in the clerk's window (for looking at it, not a test).

    Xvfb :94 -screen 0 1366x768x24 &
    DISPLAY=:94 QT_QPA_PLATFORM=xcb uv run python bench/screenshots_numbers.py /tmp/shots-numbers
    DISPLAY=:94 QT_QPA_PLATFORM=xcb QT_SCALE_FACTOR=1.5 uv run python bench/screenshots_numbers.py /tmp/shots-150 [--narrow-panels]

Opens a fresh İtfaiye file of the shipped definition, the window as large as the
screen allows, and saves: n1 a new empty file (the findings panel), n2 a money
field typed with Turkish thousands and not saved yet ("= 150.000,00 TL" under
it), n3 a count field with "12a" refused (the reason in red under it) beside a
readable one, n4 a count indicator refusing "1.234,5" and an implausible rate,
n5 a table cell that cannot be read with its total blank, n6 the conflict
dialog at the screen's width.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit

from desktop import resources
from desktop.core.loader import load_definition
from desktop.store.file.workbook import Workbook


def settle(ms: int = 300) -> None:
    QTest.qWait(ms)


def shot(widget, out: Path, name: str) -> None:
    settle()
    pix = widget.grab()
    pix.save(str(out / name))
    print(out / name, pix.width(), "x", pix.height())


def typed(edit, text: str, enter: bool = False) -> None:
    edit.setFocus()
    edit.selectAll()
    QTest.keyClicks(edit, text)
    if enter:
        QTest.keyClick(edit, Qt.Key.Key_Return)


def main(out: Path) -> int:
    out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="faaliyet-numbers-"))
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(work / "settings"))
    definition = load_definition(resources.default_definition())
    path = work / "itfaiye.faaliyet"
    Workbook.create(path, definition, "itfaiye").close()

    from desktop.ui.app import application
    from desktop.ui.main_window import MainWindow
    from desktop.ui.strategy.conflicts import ConflictDialog

    app = application()
    area = app.primaryScreen().availableGeometry()
    win = MainWindow()
    win.setGeometry(area.x(), area.y(), area.width(), area.height())
    win.show()
    settle(600)
    win.open_file(path)
    view = win.view
    if len(sys.argv) > 2 and sys.argv[2] == "--narrow-panels":  # as a clerk drags the splitters at 150 %
        from PySide6.QtWidgets import QSplitter

        split = view.findChild(QSplitter)
        split.setSizes([170, max(400, win.width() - 170 - 200), 200])
    view.navigator.select("genel")
    shot(win, out, "n1-yeni-dosya.png")

    view.navigator.select("gelirler")
    money = view.editor_widget("itfaiye.makbuz_tutar_kontrol")
    view.go_to("itfaiye.makbuz_tutar_kontrol")
    typed(money, "150.000")
    shot(win, out, "n2-okunan-deger.png")
    QTest.keyClick(money, Qt.Key.Key_Escape)

    view.navigator.select("genel")
    typed(view.editor_widget("itfaiye.trafik_kazasi"), "12a", enter=True)
    typed(view.editor_widget("itfaiye.kurtarilan_kisi"), "1.234")
    shot(win, out, "n3-gecersiz-alan.png")
    QTest.keyClick(view.editor_widget("itfaiye.kurtarilan_kisi"), Qt.Key.Key_Escape)

    view.navigator.select("gostergeler")
    inds = win.doc.indicators
    view.go_to(f"{inds[0].key}.actual")
    typed(view.editor_widget(f"{inds[0].key}.actual"), "1.234,5", enter=True)
    typed(view.editor_widget(f"{inds[1].key}.actual"), "1.234")
    view.go_to(f"{inds[0].key}.actual")
    shot(win, out, "n4-gosterge.png")
    QTest.keyClick(view.editor_widget(f"{inds[1].key}.actual"), Qt.Key.Key_Escape)

    view.navigator.select("gelirler")
    table = view.editor_widget("itfaiye.makbuz")
    m = table.model()
    win.editor.set_values({"itfaiye.makbuz.ocak.tutar": 1500, "itfaiye.makbuz.subat.tutar": 2500})
    view.go_to("itfaiye.makbuz.mart.tutar")
    col = next(c for c in range(m.columnCount()) if m.key(2, c).endswith(".tutar"))
    table.setFocus()
    table.setCurrentIndex(m.index(2, col))
    QTest.keyClicks(table, "1")
    settle()
    editor = next(w for w in table.findChildren(QLineEdit) if w.isVisible())
    QTest.keyClicks(editor, "2a")
    shot(win, out, "n5-tablo-toplam.png")
    QTest.keyClick(editor, Qt.Key.Key_Escape)

    from desktop.store.merge.conflicts import Conflict

    label = "Aylara Göre Makbuz Gelirleri / Şubat / Miktarı (TL)"
    conflicts = [
        Conflict(
            "itfaiye",
            "itfaiye.faaliyet",
            ("e", f"itfaiye.makbuz.{m}.tutar"),
            label,
            "1.234,00",
            "5.678,00",
            "ayse",
            "2021-01-12T10:00:00+00:00",
            "mehmet",
            "2021-01-13T09:30:00+00:00",
            base="1.000,00",
        )
        for m in ("ocak", "subat", "mart")
    ]
    dlg = ConflictDialog(conflicts, {"itfaiye": "İtfaiye Müdürlüğü"}, win)
    dlg.show()
    settle(500)
    shot(dlg, out, "n6-catisma.png")
    dlg.close()
    win.close()
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/shots-numbers")))
