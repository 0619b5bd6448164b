"""Screenshots of the real clerk's window (for looking at it, not a test).

    Xvfb :99 -screen 0 1440x900x24 &
    DISPLAY=:99 QT_QPA_PLATFORM=xcb uv run python bench/screenshots_ui.py /tmp/shots

Builds the sample department files in a temporary folder, opens İtfaiye's and
saves: 1 start page, 2 a section with a table (a cell being typed, totals
already updated), 3 the indicators page with a missing explanation
highlighted, 4 the findings panel after a click went to a field, 5 submitting
refused with the list of errors, 5b a submitted (locked) file, 5c the file
sent back by the strategy unit (the note in the banner, the fields marked), 5d a
draft copy opened (named and bannered TASLAK), 6 the
read-only banner.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox

from desktop import resources
from desktop.core.loader import load_definition
from desktop.store.sample import build_sample


def settle(ms: int = 300) -> None:
    QTest.qWait(ms)


def shot(win, out: Path, name: str) -> None:
    settle()
    screen = QApplication.primaryScreen()
    pix = screen.grabWindow(0, win.x(), win.y(), win.frameGeometry().width(), win.frameGeometry().height())
    if pix.isNull() or pix.width() < 10:
        pix = win.grab()
    pix.save(str(out / name))
    print(out / name)


def type_text(w, text: str) -> None:
    for ch in text:
        QTest.sendKeyEvent(QTest.KeyAction.Click, w, Qt.Key.Key_unknown, ch, Qt.KeyboardModifier.NoModifier)


def main(out: Path) -> int:
    out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="faaliyet-shots-"))
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(work / "settings"))
    definition = load_definition(resources.default_definition())
    files = build_sample(definition, resources.sample(), work / "birimler").files

    from desktop.ui import settings
    from desktop.ui.app import application
    from desktop.ui.main_window import MainWindow

    _app = application()  # kept alive until the screenshots are taken
    for dept in ("imar", "insan_kaynaklari", "itfaiye"):
        settings.add_recent(files[dept])
    win = MainWindow()
    avail = QApplication.primaryScreen().availableGeometry()
    win.resize(min(1400, avail.width() - 40), min(860, avail.height() - 40))
    win.move(20, 20)
    win.show()
    win.activateWindow()
    settle(600)
    win.start.refresh()
    shot(win, out, "1-baslangic.png")

    win.open_file(files["itfaiye"])
    view = win.view
    view.navigator.select("gelirler")
    table = view.editor_widget("itfaiye.makbuz")
    m = table.model()
    table.setFocus()
    table.setCurrentIndex(m.index(2, 1))
    QTest.keyClicks(table, "7")
    settle()
    editor = next(w for w in table.findChildren(QLineEdit) if w.isVisible())
    QTest.keyClicks(editor, ".715,00")
    shot(win, out, "2-tablo.png")
    QTest.keyClick(editor, Qt.Key.Key_Return)

    view.navigator.select("gostergeler")
    inds = win.doc.indicators
    for ind, text in zip(inds, ("1", "5")):
        actual = view.editor_widget(f"{ind.key}.actual")
        actual.setFocus()
        actual.selectAll()
        QTest.keyClicks(actual, text)
        QTest.keyClick(actual, Qt.Key.Key_Return)
    view.scrolls["gostergeler"].verticalScrollBar().setValue(0)
    shot(win, out, "3-gostergeler.png")

    anlatim = view.editor_widget("itfaiye.anlatim")
    win.editor.set_values({"itfaiye.anlatim": None})
    view.navigator.select("gelirler")
    lst = view.findings.list
    lst.setFocus()
    for i in range(lst.count()):
        if "zorunlu" in lst.item(i).text():
            lst.setCurrentRow(i)
            lst.itemClicked.emit(lst.item(i))
            break
    settle()
    assert QApplication.focusWidget() is anlatim, QApplication.focusWidget()
    shot(win, out, "4-denetim.png")

    type_text(anlatim, "İtfaiye Müdürlüğü 2020 yılında eğitim ve tatbikatlarını sürdürdü.")
    QTest.keyClick(anlatim, Qt.Key.Key_Tab)
    # the sample keeps the reference report's inconsistent tables: refused, with the list
    win.send(work / "gonderilecek.faaliyet")
    settle(500)
    full = QApplication.primaryScreen().grabWindow(0)
    full.save(str(out / "5-gonderme-reddi.png"))
    print(out / "5-gonderme-reddi.png")
    for box in win.findChildren(QMessageBox):
        box.close()

    win.ask = lambda title, text: True
    win.open_file(files["teftis"])  # a department file without errors
    usb = work / "usb"
    usb.mkdir()
    win.send(usb / files["teftis"].name)
    for box in win.findChildren(QMessageBox):
        box.close()
    shot(win, out, "5b-gonderildi-kilitli.png")
    win.close_file()

    # the strategy unit imports the copy and sends it back with a note and two fields to fix;
    # the return file lies beside the clerk's file: opening the file receives it
    _send_back(definition, work, usb / files["teftis"].name, files["teftis"].parent)
    win.open_file(files["teftis"])
    for box in win.findChildren(QMessageBox):
        box.close()
    marked = [f.place for f in win.doc.findings if f.rule == "geri_gonderildi"]
    if marked:
        win.view.go_to(marked[0])
    shot(win, out, "5c-geri-gonderildi.png")
    win.draft_copy(usb / files["teftis"].name)  # not sent (sent back): the copy is a draft, and says so
    for box in win.findChildren(QMessageBox):
        box.close()
    win.open_file(usb / files["teftis"].name.replace(".faaliyet", "-TASLAK.faaliyet"))
    shot(win, out, "5d-taslak-kopya.png")

    # root may write anywhere, so the write-protected USB stick is simulated the
    # way the store detects it (writable_reason) for this one file
    from desktop.store.file import workbook as workbook_module

    ro = files["imar"]
    real = workbook_module.writable_reason
    workbook_module.writable_reason = lambda p: (
        "Dosya ya da bulunduğu klasör yazmaya kapalı (salt okunur disk, CD ya da kilitli USB bellek)."
        if Path(p) == ro
        else real(p)
    )
    win.open_file(ro)
    workbook_module.writable_reason = real
    shot(win, out, "6-salt-okunur.png")
    win.close()
    shutil.rmtree(work, ignore_errors=True)
    return 0


def _send_back(definition, work: Path, copy: Path, beside: Path) -> None:
    from desktop.store.file import return_note
    from desktop.store.file.workbook import Workbook
    from desktop.store.merge.run import merge_files

    target = work / "birlesik.faaliyet"
    Workbook.create(target, definition, None).close()
    merge_files(target, [copy], user="strateji")
    with Workbook.open(target, user="Strateji Geliştirme") as wb:
        dept = wb.departments[0] if len(wb.departments) == 1 else copy.stem.rsplit("-", 1)[-1]
        with Workbook.open(copy, readonly=True) as clerk:
            dept = clerk.department or dept
        fields = [s.key for s in wb.definition.slots_of(dept) if not s.computed][:2]
        note = "Denetim sayılarını yıl sonu kayıtlarıyla karşılaştırın; iki alan işaretli. Düzeltip yeniden gönderin."
        return_note.write(wb, return_note.make(wb, dept, note, fields), beside / return_note.default_name(dept, wb.year))


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/shots")))
