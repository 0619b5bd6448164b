"""The start page: recent files, a new department file for a year, open a file, a new year.

The years offered are the definition folders a year was made from (remembered
in the settings, with their labels) and the ones shipped with the app. A
definition is loaded through the compiled cache (``store.definition_cache``):
milliseconds once it was read, so the page is ready at once; a remembered
folder is read only when it is chosen.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from .. import resources
from ..core.definition import Definition
from . import look
from .i18n import tr
from .settings import add_recent_definition, recent_definitions, recent_files

MAX_SHOWN_PROBLEMS = 15  # of a definition that does not load; the rest are counted


@dataclass
class _Year:
    """One year offered: a definition folder, loaded when first chosen."""

    folder: Path
    label: str
    definition: Definition | None = None
    problem: str = ""  # why it does not load (Turkish, the loader's file:line messages)
    tried: bool = False


class StartPage(QWidget):
    openRequested = Signal(object)  # Path
    chooseFileRequested = Signal()
    createRequested = Signal(object, str)  # Definition, department key
    createConsolidatedRequested = Signal(object)  # Definition (the strategy unit's file of the year)
    definitionProblem = Signal(str)  # the whole message about a definition folder that does not load

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("startPage")
        self._years: list[_Year] = []
        self._icon = QIcon(str(resources.icons() / "faaliyet.png"))
        # the page scrolls: on a small screen (1366×768 at 150 %) no box or button is cut off,
        # and the window's minimum height does not grow past the screen
        page = QVBoxLayout(self)
        page.setContentsMargins(0, 0, 0, 0)
        self.scroll = QScrollArea(self)
        self.scroll.setObjectName("startScroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget(self.scroll)
        body.setObjectName("startBody")
        self.scroll.setWidget(body)
        page.addWidget(self.scroll)
        outer = QVBoxLayout(body)
        outer.setContentsMargins(40, 30, 40, 30)
        title = QLabel(tr("Faaliyet Raporu — birim veri girişi"), self)
        look.heading(title, "startTitle")
        outer.addWidget(title)
        sub = QLabel(
            tr(
                "Biriminizin yıllık faaliyet bilgilerini bu programla girersiniz. Her değişiklik yazdığınız anda "
                "dosyaya kaydedilir; ayrıca kaydetmeniz gerekmez."
            ),
            self,
        )
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
        self.open_recent_button.clicked.connect(
            lambda: self.recent.currentItem() and self._open_recent(self.recent.currentItem())
        )
        row.addWidget(self.open_recent_button)
        row.addStretch(1)
        recent_box.layout().addLayout(row)
        grid.addWidget(recent_box, 0, 0, 3, 1)

        # open a file
        open_box = self._box(tr("Bir dosyayı açın"))
        text = QLabel(
            tr("Strateji Geliştirme'nin size verdiği ya da daha önce oluşturduğunuz .faaliyet dosyasını açın."), open_box
        )
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
        self.folder_label = look.muted(QLabel(new_box), "definitionFolder")
        self.folder_label.setWordWrap(True)
        form.addRow("", self.folder_label)
        form.addRow(tr("Birim:"), self.department)
        new_box.layout().addLayout(form)
        self.create_button = QPushButton(tr("Oluştur…"), new_box)
        self.create_button.setObjectName("createFile")
        self.create_button.clicked.connect(self._create)
        new_box.layout().addWidget(self.create_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.new_problem = QLabel(new_box)
        self.new_problem.setWordWrap(True)
        look.text_color(self.new_problem, look.ERROR_TEXT)
        new_box.layout().addWidget(self.new_problem)
        new_box.layout().addStretch(1)
        grid.addWidget(new_box, 1, 1)

        # the strategy unit: the year's consolidated file, from any definition folder
        year_box = self._box(tr("Yeni yıl (Strateji Geliştirme)"))
        text = QLabel(
            tr(
                "Belediyenizin tanım klasörünü (tanim.yaml, plan.yaml ve birimler/ klasörü) seçin; "
                "yılın birleşik dosyası ondan oluşturulur ve birimlerden gelen dosyalar ona birleştirilir."
            ),
            year_box,
        )
        text.setWordWrap(True)
        year_box.layout().addWidget(text)
        row = QHBoxLayout()
        self.new_year_button = QPushButton(tr("Yeni yıl…"), year_box)
        self.new_year_button.setObjectName("newYearFromFolder")
        self.new_year_button.setToolTip(tr("Bir tanım klasörü seçin; yılın birleşik dosyası ondan oluşturulur"))
        self.new_year_button.clicked.connect(self.choose_definition_folder)
        row.addWidget(self.new_year_button)
        self.create_consolidated_button = QPushButton(tr("Seçili yıl için birleşik dosya…"), year_box)
        self.create_consolidated_button.setObjectName("createConsolidated")
        self.create_consolidated_button.setToolTip(
            tr("Birimlerden gelen dosyaların birleştirileceği, yılın tek dosyasını oluşturur")
        )
        self.create_consolidated_button.clicked.connect(
            lambda: self.current_definition() is not None and self.createConsolidatedRequested.emit(self.current_definition())
        )
        row.addWidget(self.create_consolidated_button)
        row.addStretch(1)
        year_box.layout().addLayout(row)
        self.year_problem = QLabel(year_box)
        self.year_problem.setObjectName("newYearProblem")
        self.year_problem.setWordWrap(True)
        look.text_color(self.year_problem, look.ERROR_TEXT)
        year_box.layout().addWidget(self.year_problem)
        year_box.layout().addStretch(1)
        grid.addWidget(year_box, 2, 1)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)

        hint = QLabel(tr("Yardım için F1'e basın."), self)
        look.muted(hint)
        outer.addWidget(hint)
        self.year.currentIndexChanged.connect(self._select_year)
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
        if self._years:
            return
        self._years = [_Year(folder, label or folder.name) for folder, label in recent_definitions()]
        remembered = {y.folder for y in self._years}
        for folder in resources.definitions():  # shipped with the app: read now (cached), for their labels
            if folder.resolve() not in remembered:
                year = _Year(folder.resolve(), folder.name)
                self._load(year)
                self._years.append(year)
        self._show_years(0)

    def _show_years(self, current: int) -> None:
        self.year.blockSignals(True)
        self.year.clear()
        for y in self._years:
            self.year.addItem(y.label, str(y.folder))
        self.year.setCurrentIndex(current if self._years else -1)
        self.year.blockSignals(False)
        self._select_year()

    def _load(self, year: _Year) -> None:
        """Read a year's definition (from the cache when its files are unchanged)."""
        from ..core.loader import DefinitionError
        from ..store import definition_cache

        year.tried = True
        if not (year.folder / "tanim.yaml").is_file():
            year.problem = (
                tr("'{0}' klasörü bulunamadı (taşınmış ya da USB bellek takılı değil).").format(year.folder)
                if not year.folder.is_dir()
                else tr(
                    "'{0}' bir tanım klasörü değil: içinde tanim.yaml yok. "
                    "tanim.yaml dosyasını içeren klasörü seçin (ör. forms/{1})."
                ).format(year.folder, resources.default_definition().name)
            )
            return
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)  # the first time: YAML, up to a second
        try:
            year.definition = definition_cache.load(year.folder)
        except DefinitionError as exc:
            problems = [str(p) for p in exc.problems]
            more = len(problems) - MAX_SHOWN_PROBLEMS
            year.problem = "\n".join(
                [tr("'{0}' klasöründeki tanım yüklenemedi. Şu sorunları düzeltip klasörü yeniden seçin:").format(year.folder)]
                + problems[:MAX_SHOWN_PROBLEMS]
                + ([tr("… ve {0} sorun daha").format(more)] if more > 0 else [])
            )
        finally:
            QApplication.restoreOverrideCursor()
        if year.definition is not None:
            year.label = f"{year.definition.year.year} — {year.definition.institution.name}"

    def _select_year(self) -> None:
        i = self.year.currentIndex()
        year = self._years[i] if 0 <= i < len(self._years) else None
        if year is not None and not year.tried:
            self._load(year)
            self.year.setItemText(i, year.label)
        if year is not None and year.definition is None:
            self.year.setItemText(i, f"{year.label} — " + tr("tanım okunamadı"))
        self.folder_label.setText(tr("Tanım klasörü: {0}").format(year.folder) if year else "")
        self.folder_label.setToolTip(str(year.folder) if year else "")
        self.new_problem.setText("\n".join(year.problem.splitlines()[:2]) if year else "")
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
        return self._years[i].definition if 0 <= i < len(self._years) else None

    def choose_definition_folder(self) -> None:
        """ "Yeni yıl…": a definition folder chosen anywhere, loaded, remembered; then the year's consolidated file."""
        from PySide6.QtWidgets import QFileDialog

        recent = recent_definitions()
        start = str(recent[0][0].parent) if recent else str(Path.home())
        name = QFileDialog.getExistingDirectory(self, tr("Yılın tanım klasörünü seçin"), start)
        if not name:
            return
        year = _Year(Path(name).resolve(), Path(name).name)
        self._load(year)
        if year.definition is None:
            self.year_problem.setText("\n".join(year.problem.splitlines()[:2]))
            self.definitionProblem.emit(year.problem)
            return
        self.year_problem.clear()
        add_recent_definition(year.folder, year.label)
        self._load_definitions()  # the page may not have been shown yet
        self._years = [year] + [y for y in self._years if y.folder != year.folder]
        self._show_years(0)
        self.createConsolidatedRequested.emit(year.definition)

    def _create(self) -> None:
        d = self.current_definition()
        if d is not None and self.department.currentData():
            self.createRequested.emit(d, self.department.currentData())

    def _open_recent(self, item: QListWidgetItem) -> None:
        path = item.data(Qt.ItemDataRole.UserRole)
        if path:
            self.openRequested.emit(Path(path))
