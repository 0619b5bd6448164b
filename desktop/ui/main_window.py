"""The clerk's window: the start page, or one open department file.

There is no Save button: every edit is committed to the file when it is made,
and closing never asks. The title shows the file, the department, the year
and the file's state.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSize
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QStackedWidget

from ..store.errors import WorkbookError
from . import geometry, settings
from .clerk_actions import ClerkActions
from .clerk_excel import ClerkExcel
from .clerk_report import ClerkReport
from .clerk_submission import ClerkSubmission
from .dropped_attachments import dragged, listed
from .i18n import tr

# What only a click needs (the start page, Ctrl+F, F1, submitting, file and message
# dialogs) is imported when it is first used: opening a file directly
# (`faaliyet open FILE`) does not pay for it at start-up. The form's modules
# (document, editor, view, lock) likewise come with the first file opened: the
# start page (`faaliyet`) does not pay for them.
if TYPE_CHECKING:
    from ..core.definition import Definition
    from .commands import Editor
    from .document_view import DocumentView
    from .lock import FileLock
    from .model import Document
    from .start_page import StartPage


GEOMETRY_KEY = "clerkWindow"
PREFERRED_SIZE = QSize(1360, 860)


def file_filter() -> str:
    return tr("Faaliyet dosyası (*.faaliyet);;Tüm dosyalar (*)")


def open_filter() -> str:
    """What File → open offers: the files, and the strategy unit's return notes."""
    return tr("Faaliyet dosyası ya da geri gönderme notu (*.faaliyet *.geri.json);;Tüm dosyalar (*)")


class MainWindow(ClerkActions, ClerkSubmission, ClerkExcel, ClerkReport, QMainWindow):
    """Opening and closing files, editing, the status bar and the title; the menus and the steps
    they start live in the mixins (``clerk_actions``, ``clerk_submission``, ``clerk_excel``,
    ``clerk_report``)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.doc: Document | None = None
        self.editor: Editor | None = None
        self.view: DocumentView | None = None
        self.lock: FileLock | None = None
        # prompts go through these so tests can answer them
        self.ask = self._question
        self.inform = self._message_box
        self.ask_text = self._text_question
        self.choose_excel = self._choose_excel
        self.choose_save = self._choose_save  # (title, suggested path, filter) -> path or ""
        self.confirm_excel = self._confirm_excel  # (preview rows, file name) -> apply?
        self.report_build = None
        self._report_window = None
        self.stack = QStackedWidget(self)
        self.setCentralWidget(self.stack)
        self._start: StartPage | None = None  # built when first shown (see ``start``)
        self._closing = False
        self.saved = QLabel(self)
        self.saved.setObjectName("savedState")
        self.statusBar().addPermanentWidget(self.saved)
        self._actions()
        self._restore()
        self._update()
        self.setAcceptDrops(True)  # a .faaliyet file opens, a return file is received

    # --- the start page -------------------------------------------------------
    @property
    def start(self) -> StartPage:
        """The start page, built when first needed: a file opened directly never shows it."""
        if self._start is None:
            from .start_page import StartPage

            page = StartPage(self.stack)
            page.openRequested.connect(self.open_file)
            page.chooseFileRequested.connect(self.choose_file)
            page.createRequested.connect(self.create_file)
            page.createConsolidatedRequested.connect(self.create_consolidated)
            page.definitionProblem.connect(lambda text: self.inform(tr("Tanım yüklenemedi"), text, "warning"))
            self.stack.insertWidget(0, page)
            self._start = page
        return self._start

    def showEvent(self, event) -> None:
        if self.view is None:  # no file open: the start page
            self.stack.setCurrentWidget(self.start)
        super().showEvent(event)

    # --- opening and closing ------------------------------------------------------
    def choose_file(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        start = str(settings.recent_files()[0].parent) if settings.recent_files() else str(Path.home())
        name, _ = QFileDialog.getOpenFileName(self, tr("Faaliyet dosyası aç"), start, open_filter())
        if name:
            self.open_file(Path(name))

    def create_file(self, definition: Definition, department: str) -> None:
        from PySide6.QtWidgets import QFileDialog

        from ..store.file.workbook import SUFFIX, Workbook

        suggested = Path.home() / f"{definition.id}-{department}{SUFFIX}"
        name, _ = QFileDialog.getSaveFileName(self, tr("Yeni birim dosyasını nereye kaydedeyim?"), str(suggested), file_filter())
        if not name:
            return
        path = Path(name) if name.endswith(SUFFIX) else Path(name + SUFFIX)
        try:
            Workbook.create(path, definition, department).close()
        except WorkbookError as exc:
            self.inform(tr("Dosya oluşturulamadı"), str(exc), "critical")
            return
        self.open_file(path)

    def create_consolidated(self, definition: Definition) -> None:
        from .strategy.window import create_consolidated

        try:
            path = create_consolidated(self, definition)
        except WorkbookError as exc:
            self.inform(tr("Dosya oluşturulamadı"), str(exc), "critical")
            return
        if path is not None:
            self.open_file(path)

    def open_file(self, path: Path, readonly: bool = False) -> bool:
        from .lock import open_locked

        path = Path(path)
        from .submit import RETURN_SUFFIX

        if path.name.lower().endswith(RETURN_SUFFIX):  # a return note: received by the file it answers
            return self.receive_return(path)
        self.close_file()
        opened = open_locked(path, readonly, self.ask, self.inform)
        if opened is None:
            return False
        wb, lock = opened
        if wb.department is None:  # the consolidated year: the strategy unit's window
            wb.close()
            if lock:
                lock.release()
            from .strategy.window import open_window

            return open_window(path, readonly=readonly, inform=self.inform) is not None
        from .commands import Editor
        from .document_view import DocumentView
        from .model import Document

        self.lock = lock
        self.statusBar().clearMessage()
        self.doc = Document(wb, self)
        self.editor = Editor(self.doc, self)
        self.editor.problem.connect(self.show_problem)
        self.editor.touched.connect(self._show_touched)
        self.editor.stack.indexChanged.connect(self._update)
        self.editor.stack.cleanChanged.connect(self._update)
        self.doc.stateChanged.connect(self._update)
        self.view = DocumentView(self.editor, self.stack)
        self.view.banner.action.connect(self.copy_to_local)
        self.view.findings.goTo.connect(self._explain)
        self.doc.findingsChanged.connect(self._findings_changed)
        self.stack.addWidget(self.view)
        self.stack.setCurrentWidget(self.view)
        settings.add_recent(path)
        self._restore_splitter()
        self._update()
        from .submit import returns_beside

        received = returns_beside(self.doc)  # the strategy unit's return file, saved beside the file
        if received:
            self.inform(tr("Geri gönderme notu"), received, "information")
        return True

    def shown_path(self) -> Path | None:
        """The file this window shows (a second start hands a file over: see single_instance)."""
        return self.doc.wb.path if self.doc is not None else None

    def close_file(self) -> None:
        if self.view is None:
            return
        self.commit_focused()
        s = settings.settings()
        s.setValue("splitter", self.view.splitter.saveState())
        self.stack.removeWidget(self.view)
        self.view.deleteLater()
        self.editor.stack.blockSignals(True)
        self.editor.deleteLater()
        self.doc.blockSignals(True)
        self.doc.deleteLater()
        self.doc.wb.close()
        if self.lock:
            self.lock.release()
        self.view = self.doc = self.editor = self.lock = None
        if not self._closing:  # a closing window does not build or fill the start page
            self.start.refresh()
            self.stack.setCurrentWidget(self.start)
        self._update()

    def commit_focused(self) -> None:
        """Store what is being typed anywhere in the form (not only the focused field)."""
        if self.view is not None:
            self.view.commit_pending()

    def closeEvent(self, event) -> None:
        if self.report_build is not None and self.report_build.is_running():
            self.report_build.cancel()
            self.report_build.wait()
        self._closing = True
        self.commit_focused()
        geometry.remember(self, GEOMETRY_KEY)
        self.close_file()
        self._closing = False
        event.accept()

    def _restore(self) -> None:
        geometry.place(self, GEOMETRY_KEY, PREFERRED_SIZE)

    def _restore_splitter(self) -> None:
        if self.view is None:
            return
        state = settings.settings().value("splitter")
        saved = state if isinstance(state, QByteArray) and not state.isEmpty() else None
        self.view.place_panels(max(self.width(), 600), saved)

    def copy_to_local(self) -> None:
        if self.doc is None:
            return
        from PySide6.QtWidgets import QFileDialog

        from ..store.file.submission import export_copy  # (it brings the merge's modules: not at start)

        src = self.doc.path
        name, _ = QFileDialog.getSaveFileName(
            self, tr("Yerel kopyayı nereye kaydedeyim?"), str(Path.home() / src.name), file_filter()
        )
        if not name:
            return
        dest = Path(name)
        try:  # a checked snapshot, not the bytes: the file may be half written by another program
            export_copy(self.doc.wb, dest)
        except WorkbookError as exc:
            self.inform(tr("Kopyalanamadı"), str(exc), "critical")
            return
        self.open_file(dest)
        self.statusBar().showMessage(tr("Dosya yerel diske kopyalandı ve açıldı: {0}").format(dest), 15000)

    # --- editing --------------------------------------------------------------
    def undo(self) -> None:
        w = QApplication.focusWidget()
        if w is not None and hasattr(w, "dirty") and w.dirty():
            if hasattr(w, "undo_typing"):
                w.undo_typing()  # the typing in this field, as one step
            elif hasattr(w, "refresh"):
                w.refresh()
            return
        if self.editor:
            self.editor.stack.undo()

    def redo(self) -> None:
        if self.editor:
            self.editor.stack.redo()

    def _show_touched(self, place: str) -> None:
        """After an undo or redo, show the field it changed (it may be on another page)."""
        if self.view is not None and place:
            self.view.go_to(place)

    def find(self) -> None:
        if self.view is None:
            return
        from .find import FindDialog

        dlg = FindDialog(self.doc, self)
        dlg.chosen.connect(self.view.go_to)
        dlg.open()

    def dragEnterEvent(self, event) -> None:
        if self._dropped(event) is not None or dragged(event.mimeData()) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event) -> None:
        path = self._dropped(event)
        if path is None:
            found = dragged(event.mimeData())
            if found is not None:  # out of a mail program: a name, no file (said, not refused in silence)
                event.acceptProposedAction()
                self._attachments_dropped(found)
            return
        event.acceptProposedAction()
        from .submit import RETURN_SUFFIX

        if path.name.lower().endswith(RETURN_SUFFIX):
            self.receive_return(path)
        else:
            self.open_file(path)

    def _attachments_dropped(self, found: list[str]) -> None:
        self.inform(
            tr("Ek doğrudan açılamaz"),
            tr(
                "E-postadan sürüklenen ekler{0} doğrudan açılamıyor. Eki önce kalıcı bir klasöre (örneğin Belgeler) "
                "kaydedin (ekin üzerinde sağ tık → 'Farklı Kaydet'); sonra o dosyayı açın ya da buraya bırakın."
            ).format(listed(found)),
            "information",
        )

    @staticmethod
    def _dropped(event) -> Path | None:
        """One local .faaliyet or return file dragged onto the window, else None."""
        md = event.mimeData()
        urls = [u for u in md.urls() if u.isLocalFile()] if md.hasUrls() else []
        if len(urls) != 1:
            return None
        path = Path(urls[0].toLocalFile())
        return path if path.name.lower().endswith((".faaliyet", ".geri.json")) else None

    def _choose_save(self, title: str, suggested: Path, filters: str) -> str:
        from PySide6.QtWidgets import QFileDialog

        return QFileDialog.getSaveFileName(self, title, str(suggested), filters)[0]

    def show_about(self) -> None:
        from .support import show_about

        show_about(self)

    def show_help(self, guide: str = "memur") -> None:
        from .help_window import show_help

        show_help(self, guide)

    def _explain(self, place: str) -> None:
        found = self.doc.findings_at(place) if self.doc else []
        if found:
            self._explained = (found[0], f"{found[0].severity_label.capitalize()}: {found[0].message}")
            self.statusBar().showMessage(self._explained[1], 30000)

    def _findings_changed(self) -> None:
        # a finding shown in the status bar disappears from there once it is fixed
        explained = getattr(self, "_explained", None)
        if explained and self.doc and explained[0] not in self.doc.findings:
            if self.statusBar().currentMessage() == explained[1]:
                self.statusBar().clearMessage()
            self._explained = None

    def show_problem(self, message: str) -> None:
        if "\n" in message:
            self.inform(tr("Kaydedilmedi"), message, "warning")
        else:
            self.statusBar().showMessage("⚠ " + message, 20000)

    def _question(self, title: str, text: str) -> bool:
        from PySide6.QtWidgets import QMessageBox

        return QMessageBox.question(self, title, text) == QMessageBox.StandardButton.Yes

    def _text_question(self, title: str, label: str) -> tuple[str, bool]:
        from PySide6.QtWidgets import QInputDialog

        return QInputDialog.getMultiLineText(self, title, label)

    def _message_box(self, title: str, text: str, kind: str = "information") -> None:
        from .message_box import show_message  # local: opening a file imports no message box

        show_message(self, title, text, kind)

    # --- title and state (the actions: clerk_actions) -----------------------------
    def _update(self, *_args) -> None:
        self._enable_actions()
        doc = self.doc
        if doc is None:
            self.setWindowTitle(tr("Faaliyet — Birim Faaliyet Raporu"))
            self.saved.setText("")
            return
        from . import submit

        said = None if doc.readonly else submit.banner(doc)
        if doc.readonly:
            state = tr("salt okunur")
            self.view.banner.readonly(doc.wb.readonly_reason or "")
            self.saved.setText(tr("Salt okunur — değişiklik yapılamaz"))
        elif doc.submitted:
            state = doc.state_label + " (" + tr("kilitli") + ")"
            self.saved.setText(tr("Gönderildi — kilitli"))
        else:
            state = doc.state_label
            if submit.is_draft(doc):
                state = tr("TASLAK kopya")
            self.saved.setText(tr("✓ Tüm değişiklikler dosyaya kaydedildi"))
        if said is not None:
            self.view.banner.show_message(*said)
        elif not doc.readonly:
            self.view.banner.hide()
        self.setWindowTitle(f"{doc.path.name} — {doc.department_name} {doc.wb.year} — {state} — Faaliyet")
        self.setWindowFilePath(str(doc.path))
