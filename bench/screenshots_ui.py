"""Screenshots of the real clerk's window (for looking at it, not a test).

    Xvfb :99 -screen 0 1440x900x24 &
    DISPLAY=:99 QT_QPA_PLATFORM=xcb uv run python bench/screenshots_ui.py /tmp/shots

Builds the sample department files in a temporary folder, opens İtfaiye's and
saves: 1 start page, 2 a section with a table (a cell being typed, totals
already updated), 3 the indicators page with a missing explanation
highlighted, 4 the findings panel after a click went to a field, 5 submitting
refused with the list of errors, 5b a submitted (locked) file, 5c the file
sent back by the strategy unit (the note in the banner, the fields marked), 5d a
draft copy opened (named and bannered TASLAK), 6 the read-only banner, 7 the
preview of a filled Excel template, 8 the help window (F1), 9 the
department's report in its window; then the strategy unit's window on the
sample merged into a consolidated file: 10 the board, 10b the result of dropping the whole
folder again with a damaged file among them, 10c the import history, 11 the year settings,
12 the report tab with the built report, 13 its help.

The windows place themselves (``ui/geometry.py``): run it on a 1366×768
screen, and with ``QT_SCALE_FACTOR=1.5``, to see what a small office screen
shows. With ``--guide`` the shots the user guides show are also written,
scaled to the guides' width, into ``resources/help/img/`` (run it so at 100 %
and commit the images with the guides).
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


GUIDE_WIDTH = 760  # px: the pictures of resources/help/*.md
GUIDE_SHOTS = {  # shot -> picture of a guide
    "1-baslangic.png": "memur-baslangic.png",
    "2-tablo.png": "memur-tablo.png",
    "3-gostergeler.png": "memur-gostergeler.png",
    "4-denetim.png": "memur-denetim.png",
    "5b-gonderildi-kilitli.png": "memur-gonderildi.png",
    "5c-geri-gonderildi.png": "memur-geri-gonderildi.png",
    "7-excel-onizleme.png": "memur-excel-onizleme.png",
    "10-strateji-durum.png": "strateji-durum.png",
    "11-strateji-yil.png": "strateji-yil.png",
    "12-strateji-rapor.png": "strateji-rapor.png",
}


def screen_shot(out: Path, name: str) -> None:
    """The whole screen (dialogs and help windows over the main window)."""
    settle()
    QApplication.primaryScreen().grabWindow(0).save(str(out / name))
    print(out / name)


def write_guide_images(out: Path) -> None:
    from PySide6.QtGui import QImage

    folder = resources.help_folder() / "img"
    folder.mkdir(parents=True, exist_ok=True)
    for shot_name, picture in GUIDE_SHOTS.items():
        image = QImage(str(out / shot_name))
        if image.isNull():
            print(f"eksik: {shot_name}", file=sys.stderr)
            continue
        if image.width() > GUIDE_WIDTH:
            image = image.scaledToWidth(GUIDE_WIDTH, Qt.TransformationMode.SmoothTransformation)
        image.save(str(folder / picture))
        print(folder / picture)


def wait_for(job, ms: int = 120000) -> None:
    """Let a background job (report build) finish while the window stays alive."""
    done = []
    job.finished.connect(lambda *_: done.append(True))
    job.failed.connect(lambda text: done.append(text))
    waited = 0
    while not done and waited < ms:
        QTest.qWait(100)
        waited += 100
    if done and done[0] is not True:
        print("rapor oluşturulamadı:", done[0], file=sys.stderr)


def type_text(w, text: str) -> None:
    for ch in text:
        QTest.sendKeyEvent(QTest.KeyAction.Click, w, Qt.Key.Key_unknown, ch, Qt.KeyboardModifier.NoModifier)


def main(out: Path, guide: bool = False) -> int:
    out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="faaliyet-shots-"))
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(work / "settings"))
    definition = load_definition(resources.default_definition())
    files = build_sample(definition, resources.sample(definition.id), work / "birimler").files

    from desktop.ui import settings
    from desktop.ui.app import application
    from desktop.ui.main_window import MainWindow

    _app = application()  # kept alive until the screenshots are taken
    for dept in ("imar", "insan_kaynaklari", "itfaiye"):
        settings.add_recent(files[dept])
    win = MainWindow()  # placed by ui/geometry.py: inside the screen, centred
    win.show()
    win.activateWindow()
    settle(600)
    screen = QApplication.primaryScreen()
    print(
        f"ekran {screen.geometry().width()}x{screen.geometry().height()} (kullanılabilir "
        f"{screen.availableGeometry().width()}x{screen.availableGeometry().height()}, ölçek "
        f"{screen.devicePixelRatio():g}); pencere {win.geometry().width()}x{win.geometry().height()}"
        f"+{win.geometry().x()}+{win.geometry().y()}"
    )
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
        if "zorunlu" in lst.item(i).text() or "is required" in lst.item(i).text():  # FAALIYET_LANG=en too
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
    from desktop.store.file import opening

    ro = files["imar"]
    real = opening.writable_reason
    from desktop.core.i18n import _

    opening.writable_reason = lambda p: (
        _("Dosya ya da bulunduğu klasör yazmaya kapalı (salt okunur disk, CD ya da kilitli USB bellek).")
        if Path(p) == ro
        else real(p)
    )
    win.open_file(ro)
    opening.writable_reason = real
    shot(win, out, "6-salt-okunur.png")

    excel_and_report(win, files["itfaiye"], work, out)
    win.close_file()
    strategy_window(definition, files, work, out)
    win.close()
    if guide:
        write_guide_images(out)
    shutil.rmtree(work, ignore_errors=True)
    return 0


def excel_and_report(win, path: Path, work: Path, out: Path) -> None:
    """7 the preview of a filled Excel template, 8 the help window, 9 the department's report."""
    import openpyxl

    from desktop.store.exchange import excel as xl
    from desktop.store.exchange.excel_import import template_changes
    from desktop.ui.excel_fill import ExcelPreview, differences, preview_rows

    win.open_file(path)
    template = win.write_excel_template(work / "itfaiye-sablon.xlsx")
    book = openpyxl.load_workbook(template)
    where, started = {}, False
    for row in book[xl.MAP_SHEET].iter_rows(values_only=True):
        if row[0] == "sayfa":
            started = True
        elif started and row[0]:
            where[(row[3], row[4])] = (row[0], row[1])
    numbers = [s.key for s in win.doc.slots.values() if not s.computed and s.type in ("count", "money")][:6]
    for i, key in enumerate(numbers):
        sheet, cell = where[(key, "value")]
        book[sheet][cell] = 1250 + 10 * i
    ind = win.doc.indicators[0]
    sheet, cell = where[(ind.key, "explanation")]
    book[sheet][cell] = "Pandemi nedeniyle eğitimler Nisan–Haziran arasında yapılamadı."
    filled = work / "itfaiye-dolu.xlsx"
    book.save(filled)
    changes = differences(win.doc, template_changes(win.doc.wb, filled))
    preview = ExcelPreview(preview_rows(win.doc, changes, win.editor.plan_label), filled.name, win)
    preview.show()
    shot(preview, out, "7-excel-onizleme.png")
    preview.close()
    win.confirm_excel = lambda rows, source: True
    win.fill_from_excel(filled)

    win.show_help()
    screen_shot(out, "8-yardim.png")
    for w in QApplication.topLevelWidgets():
        if w.objectName() == "helpWindow":
            w.close()

    job = win.show_report(work / "itfaiye-rapor.pdf", dialog=False)
    wait_for(job)
    report = win._report_window
    if report is not None:
        shot(report, out, "9-birim-raporu.png")
        report.close()


def strategy_window(definition, files: dict, work: Path, out: Path) -> None:
    """10 the board of the sample merged, 11 the year settings, 12 the built report, 13 its help."""
    from desktop.store.merge.run import merge_files
    from desktop.store.year_board import create_consolidated
    from desktop.ui.strategy.window import open_window

    path = create_consolidated(work / f"{definition.id}-birlesik.faaliyet", definition)
    merge_files(path, [p for d, p in sorted(files.items()) if d not in ("imar",)])
    win = open_window(path)
    if win is None:
        print("birleşik dosya açılamadı", file=sys.stderr)
        return
    win.activateWindow()
    settle(600)
    print(f"strateji penceresi {win.geometry().width()}x{win.geometry().height()}+{win.geometry().x()}+{win.geometry().y()}")
    shot(win, out, "10-strateji-durum.png")
    # the whole folder dropped again, a file damaged: the result box lists every file (it fits the screen)
    damaged = work / "gelen" / "kars-2020-bozuk.faaliyet"
    damaged.parent.mkdir()
    damaged.write_bytes(files["itfaiye"].read_bytes()[:5000])
    run = win.merge([*files.values(), damaged])
    if run is not None:
        wait_for(run)
        settle(600)
        QApplication.primaryScreen().grabWindow(0).save(str(out / "10b-strateji-aktarim-sonucu.png"))
        print(out / "10b-strateji-aktarim-sonucu.png")
        for box in win.findChildren(QMessageBox):
            box.close()
    win.tabs.setCurrentWidget(win.history)
    shot(win, out, "10c-strateji-gecmis.png")
    win.tabs.setCurrentWidget(win.year_tab)
    shot(win, out, "11-strateji-yil.png")
    job = win.build(work / "rapor.pdf", dialog=False)
    if job is not None:
        wait_for(job)
    shot(win, out, "12-strateji-rapor.png")
    win.show_help()
    screen_shot(out, "13-strateji-yardim.png")
    win.close()


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
    args = [a for a in sys.argv[1:] if a != "--guide"]
    sys.exit(main(Path(args[0] if args else "/tmp/shots"), guide="--guide" in sys.argv[1:]))
