"""The status board: every department of the year, one row each.

State (eksik, taslak, gönderildi, kabul edildi, geri gönderildi), completeness,
open findings and the last import come from the model (``YearBoard.rows``); a
department whose incoming file waits on a conflict decision is marked until
the conflicts are resolved. Department files or a folder dropped on the board
are merged (the window does the merge; the board only says what was dropped).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...core.numbers import format_percent
from ...store.file.submission import DepartmentStatus
from .. import look
from ..column_fit import ColumnFit, text_floor
from ..dropped_attachments import dragged
from ..i18n import tr
from ..submit import when

COLUMNS = ("Birim", "Durum", "Tamamlanma", "Hata", "Uyarı", "Son aktarım", "Not")
# background of the state cell: missing grey, draft yellow, submitted blue, accepted green, sent back orange
STATE_COLORS = {
    "eksik": "#eceff1",
    "taslak": "#fff3cd",
    "gonderildi": "#e3f2fd",
    "kabul": "#dcedc8",
    "geri": "#ffe0b2",
    "kurum": "#ede7f6",
}
CONFLICT_COLOR = "#fdecea"


def state_text(state: str) -> str:
    return {
        "eksik": tr("Eksik — dosyası gelmedi"),
        "taslak": tr("Taslak — gönderilmedi"),
        "gonderildi": tr("Gönderildi"),
        "kabul": tr("Kabul edildi"),
        "geri": tr("Geri gönderildi"),
        "kurum": tr("Kurum bölümleri (bu dosyada)"),
    }.get(state, state)


def column_titles() -> list[str]:
    return [tr("Birim"), tr("Durum"), tr("Tamamlanma"), tr("Hata"), tr("Uyarı"), tr("Son aktarım"), tr("Not")]


FIT_ROWS = 100  # rows beyond the visible ones whose texts the columns are sized to (the sample has 21)
CAPS = {0: 300, 1: 300, 5: 460, 6: 460}  # px: the widest a column is made for its texts (longer ones elide)
SHRINKING = (0, 1, 5, 6)  # name, state, last import, note: narrower on a small window (the numbers keep theirs)
SHRINKING_FIRST = (5,)  # the last import (its date first, then who and the file) before the name or the state


class BoardModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[DepartmentStatus] = []
        self.pending: dict[str, int] = {}  # department -> conflicts waiting for a decision
        self.institution: set[str] = set()  # the strategy unit's own chapters (edited in this file)
        self.percent_style = "prefix"  # the year's (definition's percent_style)

    def set_rows(
        self, rows: list[DepartmentStatus], pending: dict[str, int], institution: set[str], percent_style: str = "prefix"
    ) -> None:
        self.beginResetModel()
        self.rows, self.pending, self.institution = list(rows), dict(pending), set(institution)
        self.percent_style = percent_style
        self.endResetModel()

    def state_of(self, s: DepartmentStatus) -> str:
        """ "kurum" for the institution chapters (no file of their own), else the board's state."""
        return "kurum" if s.department in self.institution and s.last_import is None else s.state

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return column_titles()[section]
        return None

    def status(self, row: int) -> DepartmentStatus:
        return self.rows[row]

    def row_of(self, department: str) -> int:
        return next((i for i, s in enumerate(self.rows) if s.department == department), -1)

    def text(self, row: int, col: int) -> str:
        s = self.rows[row]
        if col == 0:
            return s.name
        if col == 1:
            text = state_text(self.state_of(s))
            n = self.pending.get(s.department)
            return text + " · " + tr("{0} çakışma karar bekliyor").format(n) if n else text
        if col == 2:
            return f"{format_percent(s.completeness, 0, self.percent_style)}  ({s.filled}/{s.total})"
        if col == 3:
            return str(s.errors) if s.errors else "–"
        if col == 4:
            return str(s.warnings) if s.warnings else "–"
        if col == 5:
            imp = s.last_import
            if imp is None:
                return "–"
            # who sent it before the file name: a narrow column cuts the name, not the person
            return " · ".join(x for x in (when(imp.at), imp.clerk, imp.file_name) if x)
        if col == 6:
            if s.note and self.state_of(s) == "taslak":  # the clerk took the submission back (merge/write.py)
                return tr("Birim gönderimini geri aldı: “{0}”").format(s.note)
            return s.note
        return ""

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row, col = index.row(), index.column()
        s = self.rows[row]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(row, col)
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == 5 and s.last_import:
                c = s.last_import.changes or {}
                return tr(
                    "Dosya: {0}\nAktaran: {1}\nDosyayı gönderen: {2}, {3}\n{4} eklenen, {5} değişen, {6} silinen değer"
                ).format(
                    s.last_import.file_name,
                    s.last_import.by,
                    s.last_import.clerk or "?",
                    when(s.last_import.submitted_at) if s.last_import.submitted_at else "?",
                    c.get("eklenen", 0),
                    c.get("degisen", 0),
                    c.get("silinen", 0),
                )
            if col == 6 and s.note:
                return s.note
            if col == 1 and s.changed_at:
                return tr("Son durum değişikliği: {0}, {1}").format(when(s.changed_at), s.changed_by)
            return None
        if role == Qt.ItemDataRole.BackgroundRole:
            if col == 1:
                color = CONFLICT_COLOR if s.department in self.pending else STATE_COLORS.get(self.state_of(s))
                return QBrush(QColor(color)) if color else None
            if col == 3 and s.errors:
                return QBrush(QColor("#fdecea"))
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            if col == 1 and s.department in self.pending:
                return QBrush(QColor("#b71c1c"))
            if self.state_of(s) == "eksik" and col != 0:
                return QBrush(QColor("#607d8b"))
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (2, 3, 4):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return s.department
        return None


class DropHint(QLabel):
    """Where files are dropped: a dashed rounded frame, blue while files are dragged over."""

    def __init__(self, text: str, parent=None):
        super().__init__(text, parent)
        self.active = False
        self.setMargin(12)  # the 2 px frame and 10 px inside it
        look.text_color(self, "#37474f")

    def set_active(self, active: bool) -> None:
        self.active = active
        self.update()

    def paintEvent(self, event) -> None:
        p = QPainter(self)
        look.rounded(p, self.rect(), "#f7f9fa", look.ACCENT if self.active else "#90a4ae", 2.0, 6.0, Qt.PenStyle.DashLine)
        p.end()
        super().paintEvent(event)


class Board(QWidget):
    """The board with its actions; emits what the strategy unit asks for."""

    filesDropped = Signal(list)  # [Path]
    attachmentsDropped = Signal(list)  # [name]: dragged out of a mail program, no file (``dropped_attachments``)
    addFilesRequested = Signal()
    addFolderRequested = Signal()
    acceptRequested = Signal(str)  # department key
    sendBackRequested = Signal(str)
    reportRequested = Signal(str)  # a department's own report (to read before accepting)
    openInstitutionRequested = Signal()
    distributeRequested = Signal()  # hand out the year's empty department files

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("board")
        self.setAcceptDrops(True)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(12, 10, 12, 10)
        self.summary = QLabel(self)
        self.summary.setObjectName("boardSummary")
        self.summary.setWordWrap(True)
        lay.addWidget(self.summary)

        self.drop_hint = DropHint(
            tr(
                "Birimlerden gelen .faaliyet dosyalarını (ya da hepsinin bulunduğu klasörü) bu pencereye "
                "sürükleyip bırakın: her dosya yazılmadan önce denetlenir, aynı dosya iki kez aktarılmaz, "
                "çakışan değerler size sorulur."
            ),
            self,
        )
        self.drop_hint.setObjectName("dropHint")
        self.drop_hint.setWordWrap(True)
        lay.addWidget(self.drop_hint)

        buttons = QHBoxLayout()
        self.add_files = QPushButton(tr("Dosya ekle…"), self)
        self.add_files.setObjectName("addFiles")
        self.add_folder = QPushButton(tr("Klasör ekle…"), self)
        self.add_folder.setObjectName("addFolder")
        self.distribute_button = QPushButton(tr("Birim dosyalarını dağıt…"), self)
        self.distribute_button.setObjectName("distribute")
        self.distribute_button.setToolTip(
            tr("Her birime, bu dosyadaki tanım ve yıl ayarlarıyla (tolerans, imzacılar) boş bir birim dosyası yaz")
        )
        self.accept_button = QPushButton(tr("Kabul et"), self)
        self.accept_button.setObjectName("acceptDepartment")
        self.accept_button.setToolTip(tr("Gönderilmiş ve hatasız birimi kabul et"))
        self.send_back_button = QPushButton(tr("Notla geri gönder…"), self)
        self.send_back_button.setObjectName("sendBack")
        self.send_back_button.setToolTip(tr("Birimin düzeltmesi gerekenleri bir notla yazıp geri gönder"))
        for b in (self.add_files, self.add_folder, self.distribute_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        self.report_button = QPushButton(tr("Birim raporu…"), self)
        self.report_button.setObjectName("departmentReport")
        self.report_button.setToolTip(tr("Seçili birimin raporunu PDF olarak oluşturup göster"))
        for b in (self.report_button, self.accept_button, self.send_back_button):
            buttons.addWidget(b)
        lay.addLayout(buttons)

        self.writable = True
        self.model = BoardModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("boardTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(False)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        look.selection(self.table, "#bbdefb", "#000000")  # light: the state colours stay readable beside it
        head = self.table.horizontalHeader()
        head.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        head.setStretchLastSection(True)
        # the columns fit the first rows' texts (every row at the sample's size): fitting all of a
        # big year's rows asked every cell for its text after each change (0,7 s at 1.050 rows)
        head.setResizeContentsPrecision(FIT_ROWS)
        # a small window (150 % on a laptop): the name, state, last import and note shrink and elide
        # ...the last import never below its time: "04.12.2026 20:5…" told nothing whole
        self.columns = ColumnFit(
            self.table,
            shrink=SHRINKING,
            caps=CAPS,
            first=SHRINKING_FIRST,
            floors={5: text_floor(self.table, when("2000-12-31T23:59:00+00:00"))},
        )
        lay.addWidget(self.table, 1)

        self.add_files.clicked.connect(self.addFilesRequested)
        self.add_folder.clicked.connect(self.addFolderRequested)
        self.distribute_button.clicked.connect(self.distributeRequested)
        self.accept_button.clicked.connect(lambda: self._emit_for_current(self.acceptRequested))
        self.send_back_button.clicked.connect(lambda: self._emit_for_current(self.sendBackRequested))
        self.report_button.clicked.connect(lambda: self._emit_for_current(self.reportRequested))
        self.table.doubleClicked.connect(self._double_clicked)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self._update_buttons()

    # --- content --------------------------------------------------------------
    def set_rows(
        self,
        rows: list[DepartmentStatus],
        pending: dict[str, int] | None = None,
        institution: set[str] = frozenset(),
        percent_style: str = "prefix",
    ) -> None:
        current = self.current_department()
        self.model.set_rows(rows, pending or {}, institution, percent_style)
        self.columns.refresh()
        if current:
            self.select(current)
        counts: dict[str, int] = {}
        for s in rows:
            counts[self.model.state_of(s)] = counts.get(self.model.state_of(s), 0) + 1
        names = {
            "eksik": tr("eksik"),
            "taslak": tr("taslak"),
            "gonderildi": tr("gönderildi"),
            "kabul": tr("kabul edildi"),
            "geri": tr("geri gönderildi"),
        }
        parts = [f"{counts[k]} {names[k]}" for k in names if counts.get(k)]
        text = tr("{0} birim").format(sum(counts.get(k, 0) for k in names)) + ": " + ", ".join(parts)
        if pending:
            text += " — " + tr("{0} birimde çakışma karar bekliyor").format(len(pending))
        self.summary.setText(text)
        self._update_buttons()

    def set_writable(self, writable: bool) -> None:
        """A read-only consolidated file: nothing is dropped, accepted or sent back."""
        self.writable = writable
        self.setAcceptDrops(writable)
        for b in (self.add_files, self.add_folder):
            b.setEnabled(writable)
        self._update_buttons()

    def select(self, department: str) -> None:
        row = self.model.row_of(department)
        if row >= 0:
            self.table.selectRow(row)

    def show_department(self, department: str) -> None:
        """Scroll to a department's row without selecting it (the selection colour would hide its mark)."""
        row = self.model.row_of(department)
        if row >= 0:
            self.table.scrollTo(self.model.index(row, 0))

    def current_department(self) -> str | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.model.status(rows[0].row()).department if rows else None

    def current_status(self) -> DepartmentStatus | None:
        dept = self.current_department()
        row = self.model.row_of(dept) if dept else -1
        return self.model.status(row) if row >= 0 else None

    def _update_buttons(self, *_args) -> None:
        s = self.current_status()
        state = self.model.state_of(s) if s is not None else None
        self.accept_button.setEnabled(self.writable and state == "gonderildi")
        self.send_back_button.setEnabled(self.writable and state in ("taslak", "gonderildi", "kabul", "geri"))
        self.report_button.setEnabled(state in ("taslak", "gonderildi", "kabul", "geri"))

    def _emit_for_current(self, signal) -> None:
        dept = self.current_department()
        if dept:
            signal.emit(dept)

    def _double_clicked(self, index: QModelIndex) -> None:
        if self.model.state_of(self.model.status(index.row())) == "kurum":
            self.openInstitutionRequested.emit()

    # --- drag and drop --------------------------------------------------------
    @staticmethod
    def _paths(event) -> list[Path]:
        md = event.mimeData()
        if not md.hasUrls():
            return []
        return [Path(u.toLocalFile()) for u in md.urls() if u.isLocalFile()]

    @staticmethod
    def _attachments(event) -> list[str] | None:
        """The names of attachments dragged out of a mail program (no file to read), else None."""
        return dragged(event.mimeData())

    def dragEnterEvent(self, event) -> None:
        if self._paths(event) or self._attachments(event) is not None:
            event.acceptProposedAction()
            self.drop_hint.set_active(True)
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:
        if self._paths(event) or self._attachments(event) is not None:
            event.acceptProposedAction()

    def dragLeaveEvent(self, event) -> None:
        self.drop_hint.set_active(False)

    def dropEvent(self, event) -> None:
        self.dragLeaveEvent(event)
        paths = self._paths(event)
        attachments = None if paths else self._attachments(event)
        if attachments is not None:  # said, not refused in silence: there is no file to merge
            event.acceptProposedAction()
            self.attachmentsDropped.emit(attachments)
        elif paths:
            event.acceptProposedAction()
            self.filesDropped.emit(paths)
