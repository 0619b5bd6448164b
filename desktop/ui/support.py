"""What support needs from the window: the error dialog and the About dialog.

``show_error`` is the reporter app.py gives ``app_log``: every uncaught error
of the GUI thread shows ``ErrorDialog`` (after ``app_log`` has written it to the log): what happened,
where the log is, and a button that copies the details for the IT department.
``AboutDialog`` (Help menu of both windows) shows the version, the licence,
the third-party notices and where the log is.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, QThread, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from .. import app_log, resources
from . import geometry
from .i18n import tr

_showing: list[QMessageBox] = []  # an error while the dialog is up is logged, not shown twice


def support_text(summary: str, details: str) -> str:
    """What "Ayrıntıları kopyala" puts on the clipboard: enough for support without the log."""
    import platform

    from ..version import version

    log = tr("Günlük dosyası: {0}").format(app_log.log_file())  # the same words as the dialog's
    return f"Faaliyet {version()} — Python {platform.python_version()}, {platform.platform()}\n{log}\n\n{summary}\n\n{details}"


class ErrorDialog(QMessageBox):
    """An uncaught error, in Turkish: what happened, that work is safe, where the log is, copy the details."""

    def __init__(self, summary: str, details: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Critical)
        self.setWindowTitle(tr("Faaliyet — beklenmeyen hata"))
        self.setText(tr("Beklenmeyen bir hata oluştu; son işlem tamamlanmamış olabilir."))
        self.setInformativeText(
            tr(
                "Ne oldu: {0}\n\nKaydedilmiş değerleriniz dosyanızda duruyor. Ayrıntılar günlük dosyasına yazıldı:\n{1}\n\n"
                'Destek için "Ayrıntıları kopyala" düğmesine basın ve metni bilgi işlem birimine e-postayla gönderin.'
            ).format(summary, app_log.log_file())
        )
        self.setDetailedText(details)
        self.text_for_support = support_text(summary, details)
        self.copy_button = self.addButton(tr("Ayrıntıları kopyala"), QMessageBox.ButtonRole.ActionRole)
        self.folder_button = self.addButton(tr("Günlük klasörünü aç"), QMessageBox.ButtonRole.ActionRole)
        self.close_button = self.addButton(tr("Kapat"), QMessageBox.ButtonRole.AcceptRole)
        self.setDefaultButton(self.close_button)
        # action buttons close a QMessageBox: copying must leave it open, so they are wired by hand
        for button in (self.copy_button, self.folder_button):
            button.clicked.disconnect()
        self.copy_button.clicked.connect(self.copy_details)
        self.folder_button.clicked.connect(self.open_log_folder)

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.text_for_support)
        self.copy_button.setText(tr("Kopyalandı"))

    def open_log_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(app_log.log_file().parent)))


def show_error(summary: str, details: str) -> None:
    """The reporter ``app_log`` calls: the dialog, modal, over the active window (GUI thread only)."""
    app = QApplication.instance()
    if app is None or QThread.currentThread() is not app.thread() or _showing:
        return  # logged already; a dialog from another thread or a second one at once would do harm
    dialog = ErrorDialog(summary, details, QApplication.activeWindow())
    _showing.append(dialog)
    try:
        dialog.exec()
    finally:
        _showing.remove(dialog)


class AboutDialog(QDialog):
    """Version, licence, third-party notices and the log's place (Help > Faaliyet hakkında)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(tr("Faaliyet hakkında"))
        layout = QVBoxLayout(self)
        from ..version import version

        head = QLabel(
            tr("<b>Faaliyet {0}</b><br>Belediye faaliyet raporu hazırlama uygulaması.<br>MIT lisansı ile dağıtılır.").format(
                version()
            )
        )
        head.setObjectName("aboutHead")
        layout.addWidget(head)
        where = QLabel(tr("Günlük dosyası: {0}").format(app_log.log_file()))
        where.setWordWrap(True)
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(where)
        self.tabs = QTabWidget()
        self.license_view = self._text(_read(resources.license_file()))
        self.tabs.addTab(self.license_view, tr("Lisans"))
        notices = _read(resources.notices_file()) or tr(
            "Üçüncü taraf bildirimleri paketle birlikte gelir (THIRD-PARTY-NOTICES.txt); "
            "kaynak kurulumda 'uv run python packaging/notices.py' ile üretilir."
        )
        self.notices_view = self._text(notices)
        self.tabs.addTab(self.notices_view, tr("Üçüncü taraf bildirimleri"))
        layout.addWidget(self.tabs, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        qt = buttons.addButton(tr("Qt hakkında"), QDialogButtonBox.ButtonRole.ActionRole)
        qt.clicked.connect(lambda: QMessageBox.aboutQt(self))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setGeometry(geometry.default_rect(QSize(720, 520), geometry.available(parent or self)))

    @staticmethod
    def _text(text: str) -> QPlainTextEdit:
        view = QPlainTextEdit(text)
        view.setReadOnly(True)
        view.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        return view


def _read(path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        return ""


def show_about(parent: QWidget) -> None:
    dialog = AboutDialog(parent)
    dialog.exec()
