"""An open department file: banner, navigator, the form pages and the findings panel."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QPoint, Qt
from PySide6.QtWidgets import QLabel, QScrollArea, QSplitter, QStackedWidget, QVBoxLayout, QWidget

from ..core.item_kinds import items_of
from .banner import Banner
from .commands import Editor
from .editors.section import READABLE_WIDTH, SectionPage
from .findings_panel import FindingsPanel
from .i18n import tr
from .look import heading
from .navigator import INDICATORS, Navigator, plan_places, viewport_of

FORM_SHARE = 0.55  # of a small window (150 % on a 1366×768 laptop): the form's, the side panels yield


def first_sizes(width: int) -> list[int]:
    """Navigator, form and findings panel the first time a file opens in a window ``width`` wide.

    The side panels get their readable widths, but on a small window they yield
    to the form: it keeps ``FORM_SHARE`` of the width, so its fields and cards fit
    without sideways scrolling, and the two panels share the rest (their text wraps).
    """
    navigator, findings = max(250, width // 5), max(200, width // 5)
    room = width - int(width * FORM_SHARE)
    if navigator + findings > room:
        navigator = findings = room // 2
    return [navigator, width - navigator - findings, findings]


class PageScroll(QScrollArea):
    """A page's scroll area: its tables never get wider than the part of the page it shows."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.tables: list = []  # the page's table editors (``SectionPage.tables``)
        # no Tab stop of its own: it showed no focus (the fields on it are the stops; Tab scrolls to them)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def fit_tables(self) -> None:
        shown = viewport_of(self).width()
        for table in self.tables:
            table.fit_room(shown)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.fit_tables()


class DocumentView(QWidget):
    def __init__(self, editor: Editor, parent=None):
        super().__init__(parent)
        self.editor = editor
        self.doc = doc = editor.doc
        self.setObjectName("documentView")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(0)
        self.banner = Banner(self)
        lay.addWidget(self.banner)

        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.setObjectName("mainSplitter")
        self.navigator = Navigator(doc, split)
        self.pages = QStackedWidget(split)
        # pages (and their scroll areas) are built when first shown (start-up builds
        # only the first); editor_widget() builds them all when a caller looks for an editor
        self.scrolls: dict[str, QScrollArea] = {}  # the pages built so far
        self._builders: dict[str, object] = {}
        for section in doc.definition.form(doc.department).sections:
            self._builders[section.key] = lambda s=section: SectionPage(editor, doc.department, s)
        if doc.indicators or doc.activities:
            self._builders[INDICATORS] = lambda: _indicators_page(editor)
        right = QWidget(split)
        right_lay = QVBoxLayout(right)
        right_lay.setContentsMargins(0, 0, 0, 0)
        head = QLabel(tr("Denetim"), right)
        heading(head, "panelTitle")
        right_lay.addWidget(head)
        self.findings = FindingsPanel(doc, right)
        right_lay.addWidget(self.findings)
        split.setStretchFactor(0, 0)
        split.setStretchFactor(1, 1)
        split.setStretchFactor(2, 0)
        split.setSizes([260, 820, 340])
        lay.addWidget(split, 1)
        self.splitter = split

        self.navigator.pageChosen.connect(self.show_page)
        self.findings.goTo.connect(self.go_to)
        self.navigator.setCurrentRow(0)

    def place_panels(self, width: int, saved: QByteArray | None = None) -> None:
        """Navigator, form and findings panel in a window ``width`` wide: as the user left them
        (``saved``, QSplitter.saveState) where that leaves the form its share of this window, else
        as ``first_sizes`` (the first time; a laptop taken off the large monitor they were saved on)."""
        if saved is not None and self.splitter.restoreState(saved):
            navigator, _form, findings = self.splitter.sizes()
            if width - navigator - findings >= int(width * FORM_SHARE):
                return
        self.splitter.setSizes(first_sizes(width))

    def _build(self, key: str) -> None:
        build = self._builders.pop(key, None)
        if build is not None:
            scroll = PageScroll(self.pages)
            scroll.setWidgetResizable(True)
            scroll.setObjectName(f"scroll.{key}")
            page = build()
            if not getattr(page, "wide", False):  # a page of tables is as wide as the window
                page.setMaximumWidth(READABLE_WIDTH)
            scroll.setWidget(page)
            scroll.tables = getattr(page, "tables", [])
            scroll.fit_tables()
            self.scrolls[key] = scroll
            self.pages.addWidget(scroll)

    def build_all(self) -> None:
        for key in list(self._builders):
            self._build(key)

    def show_page(self, key: str) -> None:
        if key in self._builders or key in self.scrolls:
            self._build(key)
            self.pages.setCurrentWidget(self.scrolls[key])
            if (
                self.navigator.currentRow() < 0
                or self.navigator.item(self.navigator.currentRow()).data(Qt.ItemDataRole.UserRole) != key
            ):
                self.navigator.select(key)

    def current_page(self) -> str:
        for key, scroll in self.scrolls.items():
            if scroll is self.pages.currentWidget():
                return key
        return ""

    def page_of(self, place: str) -> str | None:
        if place in plan_places(self.doc):
            return INDICATORS
        slot = self.doc.slots.get(place)
        if slot is not None:
            return slot.section
        dept = self.doc.department
        for section in self.doc.definition.form(dept).sections:
            for item in section.items:
                k = f"{dept}.{item.key}"
                if place == k or place.startswith(k + "."):
                    return section.key
        return None

    def go_to(self, place: str) -> bool:
        """Show the page of a field, table cell, photo list or indicator and focus it."""
        page = self.page_of(place)
        if page is None or (page not in self.scrolls and page not in self._builders):
            return False
        self.show_page(page)
        scroll = self.scrolls[page]
        table = scroll.findChild(QWidget, ".".join(place.split(".")[:2]))  # a table editor, if any
        if table is not None and hasattr(table, "select_key") and place != table.objectName():
            if table.select_key(place):
                _show_cell(scroll, table)
                return True
        target = scroll.findChild(QWidget, place)
        if target is None and place in {t.key for t in self.doc.definition.plan.targets()}:
            target = self._first_card_of_target(scroll, place)
        if target is None:
            return False
        scroll.ensureWidgetVisible(target, 50, 80)
        target.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def _first_card_of_target(self, scroll, target_key: str):
        for t in self.doc.definition.plan.targets():
            if t.key == target_key:
                for ind in t.indicators:
                    w = scroll.findChild(QWidget, f"{ind.key}.actual")
                    if w is not None:
                        return w
        return None

    def set_ok_text(self, text: str) -> None:
        """What the findings panel says when there is no error (``FindingsPanel.set_ok_text``)."""
        self.findings.set_ok_text(text)

    def commit_pending(self) -> None:
        """Store whatever is typed but not yet committed (before closing, submitting, copying)."""
        for w in self.findChildren(QWidget):
            if hasattr(w, "commit_open_editor"):  # a table editor (imported only when a page has one)
                w.commit_open_editor()
            elif hasattr(w, "commit") and hasattr(w, "dirty") and w.dirty():
                w.commit()

    def editor_widget(self, key: str):
        self.build_all()
        for scroll in self.scrolls.values():
            w = scroll.findChild(QWidget, key)
            if w is not None:
                return w
        return None

    def photo_lists(self) -> list[str]:
        dept = self.doc.department
        return [f"{dept}.{i.key}" for i in items_of(self.doc.definition.form(dept), "photos")]


def _show_cell(scroll: QScrollArea, table) -> None:
    """Scroll the page to a table's current cell (the table scrolls sideways to it itself)."""
    page = scroll.widget()
    page.layout().activate()  # a page built just now: its sizes before the table's scroll position
    scroll.ensureWidgetVisible(table, 50, 50)
    rect = table.current_cell_rect()
    if rect is not None:  # up or down to the cell's row; sideways the page keeps the row labels in view
        left = table.mapTo(page, QPoint(0, rect.center().y()))
        scroll.ensureVisible(left.x(), left.y(), 0, rect.height())
    table.scrollTo(table.currentIndex())  # sideways inside the part of the table the page shows


def _indicators_page(editor: Editor) -> QWidget:
    from .editors.indicators import IndicatorsPage  # imported when the page is first shown

    return IndicatorsPage(editor)
