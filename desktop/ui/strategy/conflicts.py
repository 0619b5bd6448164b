"""Conflicts side by side: field, value here, value there, who, when; a decision per row.

Nothing is chosen for the user: "Kararları uygula" stays disabled until every
row has a decision (per row, or all at once). The columns share the dialog's
width (``fit_columns``), the decision column always whole at its combo's width:
at 1366 px, and at 150 %, it is never cut off at the right edge. ``resolution()`` is the mapping
``{conflict.id: "ours" | "theirs"}`` that ``merge_files(..., resolve=...)`` takes.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from ...store.merge.conflicts import Conflict, show_time
from .. import look
from ..i18n import tr

CHOSEN = "#dcedc8"
DROPPED = "#f5f5f5"
COL_DEPT, COL_FIELD, COL_BASE, COL_HERE, COL_HERE_WHO, COL_THERE, COL_THERE_WHO, COL_CHOICE = range(8)
# the share of the width left beside the decision column, and the narrowest each may be
SHARES = {
    COL_DEPT: (11, 70),
    COL_FIELD: (23, 110),
    COL_BASE: (12, 70),
    COL_HERE: (15, 80),
    COL_HERE_WHO: (12, 80),
    COL_THERE: (15, 80),
    COL_THERE_WHO: (12, 80),
}


def _who(who: str, when_: str) -> str:
    return f"{who or '?'}\n{show_time(when_)}"


class ConflictDialog(QDialog):
    def __init__(self, conflicts: list[Conflict], department_names: dict[str, str] | None = None, parent=None):
        super().__init__(parent)
        self.setObjectName("conflictDialog")
        self.setWindowTitle(tr("Çakışmalar — karar verin"))
        self.conflicts = list(conflicts)
        names = department_names or {}
        lay = QVBoxLayout(self)
        files = sorted({c.file_name for c in self.conflicts})
        intro = QLabel(
            tr(
                "Aşağıdaki değerler son aktarımdan bu yana hem birleşik dosyada hem de gelen dosyada ({0}) farklı biçimde "
                "değiştirilmiş. Her satır için hangi değerin kalacağını seçin. Karar verilene kadar birleşik dosyaya hiçbir şey "
                "yazılmaz."
            ).format(", ".join(files)),
            self,
        )
        intro.setWordWrap(True)
        lay.addWidget(intro)

        self.table = QTableWidget(len(self.conflicts), 8, self)
        self.table.setObjectName("conflictTable")
        self.table.setHorizontalHeaderLabels(
            [
                tr("Birim"),
                tr("Alan"),
                tr("Son\naktarımda"),  # two lines: a header is never cut
                tr("Birleşik\ndosyada"),
                tr("Değiştiren\n(birleşik)"),
                tr("Gelen\ndosyada"),
                tr("Değiştiren\n(gelen)"),
                tr("Karar"),
            ]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setWordWrap(True)
        self.combos: list[QComboBox] = []
        for row, c in enumerate(self.conflicts):
            cells = (
                names.get(c.department, c.department),
                f"{c.label}\n{c.key}",
                c.base,
                c.here,
                _who(c.here_who, c.here_when),
                c.there,
                _who(c.there_who, c.there_when),
            )
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, col, item)
            combo = QComboBox(self.table)
            combo.setObjectName(f"choice.{c.id}")
            combo.addItem(tr("— seçin —"), None)
            combo.addItem(tr("Birleşikteki kalsın"), "ours")
            combo.addItem(tr("Gelen alınsın"), "theirs")
            combo.currentIndexChanged.connect(lambda _i, r=row: self._changed(r))
            self.table.setCellWidget(row, COL_CHOICE, combo)
            self.combos.append(combo)
        head = self.table.horizontalHeader()
        head.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        head.setSectionResizeMode(COL_CHOICE, QHeaderView.ResizeMode.Fixed)
        head.setStretchLastSection(False)
        self._choice_width = max([c.sizeHint().width() + 12 for c in self.combos] + [head.sectionSizeHint(COL_CHOICE), 120])
        self.table.setColumnWidth(COL_CHOICE, self._choice_width)
        self._least = {col: max(least, head.sectionSizeHint(col)) for col, (_share, least) in SHARES.items()}
        self.table.viewport().installEventFilter(self)  # the width the columns share
        lay.addWidget(self.table, 1)

        row = QHBoxLayout()
        self.all_ours = QPushButton(tr("Hepsinde birleşikteki kalsın"), self)
        self.all_ours.setObjectName("allOurs")
        self.all_theirs = QPushButton(tr("Hepsinde gelen alınsın"), self)
        self.all_theirs.setObjectName("allTheirs")
        self.all_ours.clicked.connect(lambda: self.choose_all("ours"))
        self.all_theirs.clicked.connect(lambda: self.choose_all("theirs"))
        row.addWidget(self.all_ours)
        row.addWidget(self.all_theirs)
        row.addStretch(1)
        self.left = QLabel(self)
        self.left.setObjectName("undecided")
        look.bold(self.left)
        row.addWidget(self.left)
        lay.addLayout(row)

        self.buttons = QDialogButtonBox(self)
        self.apply_button = self.buttons.addButton(tr("Kararları uygula ve aktar"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.apply_button.setObjectName("applyDecisions")
        cancel = self.buttons.addButton(tr("Vazgeç (hiçbir şey yazılmaz)"), QDialogButtonBox.ButtonRole.RejectRole)
        cancel.setObjectName("cancelDecisions")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)
        screen = (parent.screen() if parent is not None else self.screen()).availableGeometry()
        self.resize(min(1260, int(screen.width() * 0.9)), min(720, int(screen.height() * 0.9), 220 + 56 * len(self.conflicts)))
        self._update()
        self.fit_columns()

    def fit_columns(self) -> None:
        """Share the table's width: the decision column whole, the others by ``SHARES``."""
        free = self.table.viewport().width() - self._choice_width
        total = sum(share for share, _least in SHARES.values())
        for col, (share, _least) in SHARES.items():
            self.table.setColumnWidth(col, max(self._least[col], free * share // total))
        self.table.resizeRowsToContents()

    def eventFilter(self, watched, event) -> bool:
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self.fit_columns()
        return super().eventFilter(watched, event)

    def choose(self, row: int, choice: str | None) -> None:
        combo = self.combos[row]
        combo.setCurrentIndex(max(0, combo.findData(choice)))

    def choose_all(self, choice: str) -> None:
        for row in range(len(self.combos)):
            self.choose(row, choice)

    def resolution(self) -> dict[str, str]:
        """The decisions made so far: {conflict id: "ours" | "theirs"}."""
        return {c.id: combo.currentData() for c, combo in zip(self.conflicts, self.combos) if combo.currentData()}

    def _changed(self, row: int) -> None:
        choice = self.combos[row].currentData()
        for col, side in ((COL_HERE, "ours"), (COL_HERE_WHO, "ours"), (COL_THERE, "theirs"), (COL_THERE_WHO, "theirs")):
            item = self.table.item(row, col)
            color = None if choice is None else CHOSEN if choice == side else DROPPED
            item.setBackground(QBrush(QColor(color)) if color else QBrush())
            font = item.font()
            font.setStrikeOut(choice is not None and choice != side and col in (COL_HERE, COL_THERE))
            item.setFont(font)
        self._update()

    def _update(self) -> None:
        left = len(self.conflicts) - len(self.resolution())
        self.apply_button.setEnabled(left == 0)
        self.left.setText(tr("{0} satırda karar bekleniyor").format(left) if left else tr("Her satır için karar verildi."))
        look.text_color(self.left, look.ERROR_TEXT if left else look.OK_TEXT)
