"""The strategy unit's window over the consolidated file of a year.

Tabs: the status board (merge by dropping files, accept, send back), the
institution chapters (the ``institution`` department's form, with the
clerk's editors and undo), the import history, the year settings, and the report
(built off the GUI thread, shown inside the application, printable). What the window shows
about the year and what the strategy unit does to it go through the model
(``YearModel`` over the Qt-free ``store.year_board.YearBoard``); the widgets
talk to each other through signals and public methods. Every prompt goes
through an attribute (``ask``, ``inform``, ``ask_note``, ``decide``,
``choose_files``, ``choose_folder``, ``choose_out_folder``, ``choose_pdf``,
``choose_return_path``, ``choose_next_file``, ``choose_past_files``) so tests can answer it.

This module holds the window itself: the tabs, opening and closing the file, the prompts,
the board's refresh, the title. The menus and the steps they start are mixins in this
package, one concept each: ``actions`` (menus, toolbar, what a read-only file allows),
``importing`` (department files merged in, conflicts decided), ``departments`` (accept,
send back, hand out), ``year_cycle`` (next year, past years) and ``report`` (the PDF and
the Excel export).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLabel, QMainWindow, QMessageBox, QTabWidget

from ...core.definition import Definition
from ...store.year_board import SUFFIX
from ...store.year_board import create_consolidated as create_year_file
from .. import geometry, settings
from ..commands import Editor
from ..document_view import DocumentView
from ..help_window import STRATEGY, HelpWindow, show_help
from ..i18n import tr
from ..lock import FileLock, open_locked
from ..message_box import show_message
from ..model import Document
from .actions import StrategyActions
from .board import Board
from .build import ReportBuild
from .departments import StrategyDepartments
from .history import ImportHistory
from .importing import StrategyImporting
from .merging import MergeRun
from .pdf_view import PdfView
from .report import StrategyReport
from .year import YearSettingsTab
from .year_cycle import StrategyYearCycle
from .year_model import YearModel

GEOMETRY_KEY = "strategyWindow"
PREFERRED_SIZE = QSize(1360, 860)
_open_windows: list[StrategyWindow] = []  # top-level windows opened from the start page stay alive


def create_consolidated(parent, definition: Definition) -> Path | None:
    """Ask where, create an empty consolidated file for the year; its path, or None."""
    suggested = Path.home() / f"{definition.id}-birlesik{SUFFIX}"
    name, _ = QFileDialog.getSaveFileName(
        parent,
        tr("Yeni birleşik dosyayı nereye kaydedeyim?"),
        str(suggested),
        tr("Faaliyet dosyası (*.faaliyet);;Tüm dosyalar (*)"),
    )
    if not name:
        return None
    return create_year_file(Path(name), definition)


def open_window(path: Path, readonly: bool = False, inform=None) -> StrategyWindow | None:
    """A strategy window on ``path``, shown; None if it could not be opened (told through ``inform``)."""
    win = StrategyWindow()
    if inform is not None:
        win.inform = inform
    if not win.open_file(path, readonly=readonly):
        win.deleteLater()
        return None
    _open_windows.append(win)
    win.destroyed.connect(lambda *_: _open_windows.remove(win) if win in _open_windows else None)
    win.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    win.show()
    return win


class StrategyWindow(StrategyActions, StrategyImporting, StrategyDepartments, StrategyYearCycle, StrategyReport, QMainWindow):
    """The tabs, opening and closing the file, the prompts, the title and the status bar; the menus
    and the steps they start live in the mixins (``actions``, ``importing``, ``departments``,
    ``year_cycle``, ``report``)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("strategyWindow")
        self.model: YearModel | None = None
        self.lock: FileLock | None = None
        self.doc: Document | None = None
        self.editor: Editor | None = None
        self.institution_view: DocumentView | None = None
        self.merge_run: MergeRun | None = None
        self.report_build: ReportBuild | None = None
        self.last_merge = None
        self.ask = lambda title, text: QMessageBox.question(self, title, text) == QMessageBox.StandardButton.Yes
        self.inform = self._message_box
        self.ask_note = lambda title, label: QInputDialog.getMultiLineText(self, title, label)
        self.decide = self._decide
        self.choose_files = lambda: [
            Path(n)
            for n in QFileDialog.getOpenFileNames(
                self,
                tr("Birim dosyalarını seçin"),
                str(self._folder()),
                tr("Faaliyet dosyası ya da onları içeren sıkıştırılmış klasör (*.faaliyet *.zip)"),
            )[0]
        ]
        self.choose_folder = lambda: QFileDialog.getExistingDirectory(
            self, tr("Birim dosyalarının bulunduğu klasörü seçin"), str(self._folder())
        )
        self.choose_out_folder = lambda: QFileDialog.getExistingDirectory(
            self, tr("Birim dosyaları hangi klasöre yazılsın?"), str(self._folder())
        )
        self.choose_return_path = lambda suggested: QFileDialog.getSaveFileName(
            self, tr("Geri gönderme dosyasını nereye kaydedeyim?"), str(suggested), tr("Geri gönderme notu (*.geri.json)")
        )[0]
        self.choose_pdf = lambda suggested: QFileDialog.getSaveFileName(
            self, tr("Raporu nereye kaydedeyim?"), str(suggested), tr("PDF (*.pdf)")
        )[0]
        self.choose_next_file = lambda suggested: QFileDialog.getSaveFileName(
            self, tr("Sonraki yılın birleşik dosyası nereye yazılsın?"), str(suggested), tr("Faaliyet dosyası (*.faaliyet)")
        )[0]
        self.choose_past_files = lambda: [
            Path(n)
            for n in QFileDialog.getOpenFileNames(
                self, tr("Geçmiş yılların birleşik dosyalarını seçin"), str(self._folder()), tr("Faaliyet dosyası (*.faaliyet)")
            )[0]
        ]

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("strategyTabs")
        self.setCentralWidget(self.tabs)
        # as in the clerk's window: every change (a chapter, a setting, an import) is in the file when made
        self.saved = QLabel(self)
        self.saved.setObjectName("savedState")
        self.statusBar().addPermanentWidget(self.saved)
        self.board = Board(self.tabs)
        self.tabs.addTab(self.board, tr("Durum tablosu"))
        self.year_tab = YearSettingsTab(self.tabs)
        self.year = self.year_tab.summary  # the settings in force (HTML)
        self.year_tab.settingsChanged.connect(self.refresh)  # the tolerance changes the board's findings
        self.pdf = PdfView(self.tabs)
        self.history = ImportHistory(self.tabs)
        self.board.filesDropped.connect(self.merge)
        self.board.attachmentsDropped.connect(self.attachments_dropped)
        self.board.addFilesRequested.connect(lambda: self.merge(self.choose_files()))
        self.board.addFolderRequested.connect(self._merge_folder)
        self.board.distributeRequested.connect(lambda: self.distribute())
        self.board.acceptRequested.connect(self.accept_department)
        self.board.sendBackRequested.connect(self.send_back)
        self.board.reportRequested.connect(lambda dept: self.build(department=dept))
        self.board.openInstitutionRequested.connect(
            lambda: self.institution_view and self.tabs.setCurrentWidget(self.institution_view)
        )
        self._actions()
        geometry.place(self, GEOMETRY_KEY, PREFERRED_SIZE)

    @property
    def wb(self):
        """The open consolidated file (the model's), or None."""
        return self.model.wb if self.model is not None else None

    @property
    def pending(self) -> dict[str, list]:
        """Department -> conflicts waiting for a decision (the model's)."""
        return self.model.board.pending if self.model is not None else {}

    # --- opening and closing -----------------------------------------------------------
    def open_file(self, path: Path, readonly: bool = False) -> bool:
        path = Path(path)
        opened = open_locked(path, readonly, self.ask, self.inform)
        if opened is None:
            return False
        wb, lock = opened
        if not wb.is_consolidated:
            wb.close()
            if lock:
                lock.release()
            self.inform(
                tr("Dosya açılamadı"),
                tr("'{0}' bir birim dosyası; bu pencere birleşik yıl dosyası içindir.").format(path.name),
                "critical",
            )
            return False
        self.lock = lock
        self.model = YearModel(wb, self)
        self.model.changed.connect(self._show)
        institution = wb.definition.institution_department
        if institution is not None:
            self.doc = Document(wb, self, department=institution.key)
            self.editor = Editor(self.doc, self)
            self.editor.problem.connect(lambda m: self.statusBar().showMessage("⚠ " + m, 20000))
            self.editor.stack.indexChanged.connect(self._update)
            self.institution_view = DocumentView(self.editor, self.tabs)
            self.institution_view.setObjectName("institutionView")
            self.institution_view.place_panels(self.width())  # a small window: the side panels yield to the form
            # the chapters are not submitted: the clerk's "dosya gönderilebilir" would mislead here
            self.institution_view.set_ok_text(tr("✓ Kurum bölümlerinde hata yok."))
            self.tabs.addTab(self.institution_view, tr("Kurum bölümleri (I, II, IV, V)"))
        self.year_tab.attach(wb.definition, self.editor)
        self.tabs.addTab(self.history, tr("Aktarım geçmişi"))
        self.tabs.addTab(self.year_tab, tr("Yıl ayarları"))
        self.tabs.addTab(self.pdf, tr("Rapor"))
        settings.add_recent(path)
        self.refresh()
        return True

    def closeEvent(self, event) -> None:
        geometry.remember(self, GEOMETRY_KEY)
        for job in (self.report_build, self.merge_run):
            if job is not None and job.worker is not None and job.worker.isRunning():
                if isinstance(job, ReportBuild):
                    job.cancel()
                job.wait()
        self.commit_pending()
        self.pdf.close_document()
        if self.editor is not None:
            self.editor.stack.blockSignals(True)
        if self.model is not None:
            self.model.wb.close()
            self.model = None
        if self.lock:
            self.lock.release()
            self.lock = None
        event.accept()

    def commit_pending(self) -> None:
        """Store whatever is typed but not yet committed (chapters and year settings)."""
        if self.institution_view is not None:
            self.institution_view.commit_pending()
        self.year_tab.commit_pending()

    def _folder(self) -> Path:
        return self.model.board.path.parent if self.model else Path.home()

    # --- the board and the title -----------------------------------------------------------------
    def refresh(self) -> None:
        """Read the board again (the file changed behind the model: the chapters, the settings)."""
        if self.model is not None:
            self.model.refresh()

    def _show(self, _change=None) -> None:
        """Show what the model holds (after every change it reports)."""
        if self.model is None:
            return
        year = self.model.board
        self.board.set_rows(year.rows(), year.pending_counts(), year.institution_keys(), year.definition.year.percent_style)
        self.history.set_records(year.history(), year.names(), year.returns(), year.decisions)
        self._update()

    def _update(self, *_args) -> None:
        if self.model is None:
            self.setWindowTitle(tr("Faaliyet — Strateji Geliştirme"))
            return
        writable = not self.model.board.readonly
        self._enable_actions(writable)
        self.board.set_writable(writable)
        self.saved.setText(tr("✓ Tüm değişiklikler dosyaya kaydedildi") if writable else tr("Salt okunur — değişiklik yapılamaz"))
        ro = " — " + tr("salt okunur") if self.model.board.readonly else ""
        self.setWindowTitle(
            tr("{0} — Birleşik dosya {1} — {2}{3} — Faaliyet").format(
                self.model.board.path.name, self.model.board.year, self.model.board.definition.institution.name, ro
            )
        )

    def shown_path(self) -> Path | None:
        """The consolidated file this window shows (a second start hands a file over: see single_instance)."""
        return self.model.board.path if self.model else None

    def show_about(self) -> None:
        from ..support import show_about

        show_about(self)

    def show_help(self, guide: str = STRATEGY) -> HelpWindow:
        return show_help(self, guide)

    def _message_box(self, title: str, text: str, kind: str = "information") -> None:
        show_message(self, title, text, kind)
