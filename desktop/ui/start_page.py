"""The start page: recent files, a new department file for a year, open a file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from .. import resources
from ..core.definition import Definition
from . import look
from .i18n import tr
from .settings import recent_files


class StartPage(QWidget):
    openRequested = Signal(object)  # Path
    chooseFileRequested = Signal()
    createRequested = Signal(object, str)  # Definition, department key
    createConsolidatedRequested = Signal(object)  # Definition (the strategy unit's file of the year)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("startPage")
        self._definitions: list[tuple[Path, Definition | None, str]] = []
        self._icon = QIcon(str(resources.icons() / "faaliyet.png"))
        outer = QVBoxLayout(self)
        outer.setContentsMargins(40, 30, 40, 30)
        title = QLabel(tr("Faaliyet Raporu — birim veri girişi"), self)
        look.heading(title, "startTitle")
        outer.addWidget(title)
        sub = QLabel(tr(
            "Biriminizin yıllık faaliyet bilgilerini bu programla girersiniz. Her değişiklik yazdığınız anda "
            "dosyaya kaydedilir; ayrıca kaydetmeniz gerekmez."), self)
        sub.setWordWrap(True)
        outer.addWidget(sub)

        grid = QGridLayout()
        grid.setHorizontalSpacing(24)
        grid.setVerticalSpacing(24)
        outer.addLayout(grid, 1)

        # recent files
        recent_box = self._box(tr("Son açılan dosyalar"))
        self.recent = QListWidget(recent_box)
        self.recent.setObjectName("recentFiles")
        self.recent.setAccessibleName(tr("Son açılan dosyalar"))
        self.recent.setSpacing(4)
        self.recent.setIconSize(QSize(32, 32))
        self.recent.itemActivated.connect(self._open_recent)
        self.recent.itemDoubleClicked.connect(self._open_recent)
        recent_box.layout().addWidget(self.recent)
        row = QHBoxLayout()
        self.open_recent_button = QPushButton(tr("Seçili dosyayı aç"), recent_box)
        self.open_recent_button.clicked.connect(lambda: self.recent.currentItem() and self._open_recent(self.recent.currentItem()))
        row.addWidget(self.open_recent_button)
        row.addStretch(1)
        recent_box.layout().addLayout(row)
        grid.addWidget(recent_box, 0, 0, 2, 1)

        # open a file
        open_box = self._box(tr("Bir dosyayı açın"))
        text = QLabel(tr("Strateji Geliştirme'nin size verdiği ya da daha önce oluşturduğunuz .faaliyet dosyasını açın."), open_box)
        text.setWordWrap(True)
        open_box.layout().addWidget(text)
        self.open_button = QPushButton(tr("Dosya aç…"), open_box)
        self.open_button.setObjectName("openFile")
        self.open_button.setDefault(True)
        self.open_button.clicked.connect(self.chooseFileRequested)
        open_box.layout().addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignLeft)
        open_box.layout().addStretch(1)
        grid.addWidget(open_box, 0, 1)

        # new department file
        new_box = self._box(tr("Yeni birim dosyası oluşturun"))
        form = QFormLayout()
        self.year = QComboBox(new_box)
        self.year.setObjectName("newYear")
        self.department = QComboBox(new_box)
        self.department.setObjectName("newDepartment")
        form.addRow(tr("Yıl ve kurum:"), self.year)
        form.addRow(tr("Birim:"), self.department)
        new_box.layout().addLayout(form)
        self.create_button = QPushButton(tr("Oluştur…"), new_box)
        self.create_button.setObjectName("createFile")
        self.create_button.clicked.connect(self._create)
        new_box.layout().addWidget(self.create_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.create_consolidated_button = QPushButton(tr("Yeni birleşik dosya (Strateji Geliştirme)…"), new_box)
        self.create_consolidated_button.setObjectName("createConsolidated")
        self.create_consolidated_button.setToolTip(tr("Birimlerden gelen dosyaların birleştirileceği, yılın tek dosyasını oluşturur"))
        self.create_consolidated_button.clicked.connect(
            lambda: self.current_definition() is not None and self.createConsolidatedRequested.emit(self.current_definition()))
        new_box.layout().addWidget(self.create_consolidated_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.new_problem = QLabel(new_box)
        self.new_problem.setWordWrap(True)
        look.text_color(self.new_problem, look.ERROR_TEXT)
        new_box.layout().addWidget(self.new_problem)
        new_box.layout().addStretch(1)
        grid.addWidget(new_box, 1, 1)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)

        hint = QLabel(tr("Yardım için F1'e basın."), self)
        look.muted(hint)
        outer.addWidget(hint)
        self.year.currentIndexChanged.connect(self._fill_departments)
        self.refresh()

    def _box(self, title: str) -> QFrame:
        box = look.Card(self)
        box.setObjectName("card")
        lay = QVBoxLayout(box)
        head = look.heading(QLabel(title, box), "sectionHeading")
        lay.addWidget(head)
        return box

    def refresh(self) -> None:
        self.recent.clear()
        for path in recent_files():
            item = QListWidgetItem(self._icon, f"{path.name}\n{path.parent}", self.recent)
            font = item.font()
            font.setBold(True)
            item.setFont(font)
            item.setData(Qt.ItemDataRole.UserRole, str(path))
            item.setToolTip(str(path))
            if not path.exists():
                item.setText(f"{path.name}\n{path.parent} — " + tr("bulunamadı (taşınmış ya da USB bellek takılı değil)"))
                item.setForeground(Qt.GlobalColor.gray)
        if not self.recent.count():
            item = QListWidgetItem(tr("Henüz dosya açılmadı."), self.recent)
            item.setFlags(Qt.ItemFlag.NoItemFlags)
        else:
            self.recent.setCurrentRow(0)
        self.open_recent_button.setEnabled(bool(recent_files()))
        if self.isVisible():
            self._load_definitions()

    def showEvent(self, event) -> None:
        # the year definitions are read only when the page is shown: a file
        # opened directly (`faaliyet open FILE`) never pays for them
        super().showEvent(event)
        self._load_definitions()

    def _load_definitions(self) -> None:
        if self._definitions:
            return
        from ..core.loader import DefinitionError, load_definition

        self.year.blockSignals(True)
        for folder in resources.definitions():
            try:
                d = load_definition(folder)
                label = f"{d.year.year} — {d.institution.name}"
            except DefinitionError as exc:
                d, label = None, f"{folder.name} — " + tr("tanım okunamadı")
                self.new_problem.setText(str(exc).splitlines()[0])
            self._definitions.append((folder, d, label))
            self.year.addItem(label)
        self.year.blockSignals(False)
        self._fill_departments()

    def _fill_departments(self) -> None:
        self.department.clear()
        d = self.current_definition()
        if d is None:
            self.create_button.setEnabled(False)
            self.create_consolidated_button.setEnabled(False)
            return
        for dept in d.departments:
            if dept.role == "department":
                self.department.addItem(dept.name, dept.key)
        self.create_button.setEnabled(self.department.count() > 0)
        self.create_consolidated_button.setEnabled(True)

    def current_definition(self) -> Definition | None:
        i = self.year.currentIndex()
        return self._definitions[i][1] if 0 <= i < len(self._definitions) else None

    def _create(self) -> None:
        d = self.current_definition()
        if d is not None and self.department.currentData():
            self.createRequested.emit(d, self.department.currentData())

    def _open_recent(self, item: QListWidgetItem) -> None:
        path = item.data(Qt.ItemDataRole.UserRole)
        if path:
            self.openRequested.emit(Path(path))
