"""One section of a department's form, rendered from its definition."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QFormLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ...core import keys, settings
from ...core.forms import FieldDef, PhotoListDef, SectionDef, TableDef
from ..commands import Editor
from ..i18n import tr
from ..look import heading, muted
from .fields import FieldEdit, LongTextEdit
from .previous import keep_width, previous_label

LABEL_WIDTH = 280
FIELD_ROOM = 260  # px: a page narrower than the label and this puts each short field under its label
READABLE_WIDTH = 1100  # px: text fields never get wider than this (a page of tables does: ``wide``)


def _label(text: str, required: bool, parent, width: int | None = None) -> QLabel:
    label = QLabel(text + (" <span style='color:#b71c1c'>*</span>" if required else "") + ":", parent)
    label.setWordWrap(True)
    label.setToolTip(tr("Zorunlu alan") if required else "")
    if width:
        # a wrapped label in a form gets its height from the field beside it:
        # reserve the lines it really needs at its fixed width
        label.setFixedWidth(width)
        label.setMinimumHeight(label.heightForWidth(width))
    return label


class SectionPage(QWidget):
    def __init__(self, editor: Editor, department: str, section: SectionDef, parent=None):
        super().__init__(parent)
        self.section = section
        self.setObjectName(f"page.{section.key}")
        lay = QVBoxLayout(self)
        lay.setSpacing(10)
        title = QLabel(section.title, self)
        heading(title, "pageTitle")
        title.setWordWrap(True)  # a long title takes two lines on a narrow window, never widens the page
        lay.addWidget(title)
        if section.chapter == settings.SETTINGS_CHAPTER:
            where = QLabel(tr("Raporda basılmaz: yılın ayarlarıdır."), self)
        else:
            where = QLabel(tr("Raporda: bölüm {0}").format(section.chapter), self)
        muted(where, "chapterNote")
        lay.addWidget(where)
        if section.intro:
            intro = QLabel(section.intro, self)
            intro.setWordWrap(True)
            lay.addWidget(intro)
        self.lay, self.form = lay, None  # form: the layout neighbouring short fields share
        self.wide = False  # a table on it: the page takes the window's width
        self.tables: list[QWidget] = []  # its table editors (``TableEditor.watch_area``)
        self.editors: dict[str, QWidget] = {}
        # the year settings: the definition's value shows in every empty editor
        self.defaults = settings.definition_values(editor.doc.definition) if section.chapter == settings.SETTINGS_CHAPTER else {}
        for item in section.items:
            key = keys.join(department, item.key)
            self.editors[key] = EDITORS[item.kind](self, editor, department, item, key)
        lay.addStretch(1)


class _FormBox(QWidget):
    """The short fields' form: each field beside its label, or under it on a page too narrow for
    both (a small window, 150 %): the field then gets the page's width, not what the label leaves."""

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        form = self.layout()
        wrap = self.width() < LABEL_WIDTH + FIELD_ROOM
        policy = QFormLayout.RowWrapPolicy.WrapAllRows if wrap else QFormLayout.RowWrapPolicy.DontWrapRows
        if isinstance(form, QFormLayout) and form.rowWrapPolicy() != policy:
            form.setRowWrapPolicy(policy)


def _short_field_row(page: SectionPage, editor: Editor, item: FieldDef, key: str) -> QWidget:
    if page.form is None:
        box = _FormBox(page)  # short fields keep a readable width on a page as wide as the window
        box.setMaximumWidth(READABLE_WIDTH)
        page.form = form = QFormLayout(box)
        form.setContentsMargins(0, 0, 0, 0)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        page.lay.addWidget(box)
    form, defaults = page.form, page.defaults
    placeholder = None
    if key in defaults:
        placeholder = tr("tanımdaki değer: {0}").format(defaults[key]) if defaults[key] else tr("tanımda yok")
    if item.previous_year:
        placeholder = ""
    edit = FieldEdit(editor, key, item.type, item.label, _help(editor, item), page, placeholder=placeholder)
    _fix(edit, item)
    # the definition's value is read in full where there is room; a narrow window may cut it (no sideways scrolling)
    if placeholder and item.type == "text":
        edit.preferred_width = min(520, max(340, edit.fontMetrics().horizontalAdvance(placeholder) + 28))
    elif placeholder:
        edit.setMaximumWidth(max(edit.maximumWidth(), edit.fontMetrics().horizontalAdvance(placeholder) + 28))
        edit.preferred_width = edit.fontMetrics().horizontalAdvance(placeholder) + 28
    row = QHBoxLayout()
    row.addWidget(edit)
    if item.unit:
        row.addWidget(QLabel(item.unit, page))
    if item.type == "money" and not item.unit:
        row.addWidget(QLabel("TL", page))
    previous = None if item.previous_year else previous_label(editor.doc, item.type, key, page, item.places)
    if previous is not None:
        keep_width(edit)
        row.addSpacing(12)
        row.addWidget(previous, 1)
    row.addStretch(1)
    column = QVBoxLayout()  # the field, and under it what it reads as or why it cannot be read
    column.setSpacing(2)
    column.addLayout(row)
    column.addWidget(edit.attach_note(page))
    if item.help:  # under the field, in its column (a row of its own is cut when the rows wrap)
        hint = QLabel(item.help, page)
        muted(hint)
        hint.setWordWrap(True)
        column.addSpacing(4)
        column.addWidget(hint)
    label = _label(item.label, item.required, page, LABEL_WIDTH)
    # level with the field, not with the middle of the field and its hint (QFormLayout tops a label
    # beside a tall field and centres its text in what it may take: no taller than its lines or the field)
    label.setMaximumHeight(max(label.minimumHeight(), edit.sizeHint().height()))
    form.addRow(label, column)
    return edit


def _help(editor: Editor, item: FieldDef) -> str:
    if item.previous_year:
        return tr("Geçen yılın değeri: dosyadaki {0} değerlerinden gelir, değiştirilemez.").format(editor.doc.previous_year)
    return item.help or ""


def _fix(edit, item: FieldDef) -> None:
    """A previous-year field is filled from the stored previous year and never typed: read-only."""
    if item.previous_year:
        edit.set_fixed()


def _field_editor(page: SectionPage, editor: Editor, department: str, item: FieldDef, key: str) -> QWidget:
    if item.type != "longtext":
        return _short_field_row(page, editor, item, key)
    page.form, lay = None, page.lay
    lay.addWidget(_label(item.label, item.required, page))
    edit = LongTextEdit(editor, key, item.label, _help(editor, item), page)
    _fix(edit, item)
    edit.setMaximumWidth(READABLE_WIDTH)
    lay.addWidget(edit)
    lay.addWidget(edit.attach_note(page))
    previous = None if item.previous_year else previous_label(editor.doc, item.type, key, page)
    if previous is not None:
        lay.addWidget(previous)
    if item.help:
        hint = QLabel(item.help, page)
        muted(hint)
        hint.setWordWrap(True)
        lay.addWidget(hint)
    return edit


def _table_editor(page: SectionPage, editor: Editor, department: str, item: TableDef, key: str) -> QWidget:
    page.form, lay = None, page.lay
    head = QLabel(item.title, page)
    heading(head, "sectionHeading")
    head.setWordWrap(True)
    lay.addWidget(head)
    from .table import TableEditor  # the table view types cost ~3 ms; many first pages have none

    edit = TableEditor(editor, department, item, page)
    page.wide = True
    page.tables.append(edit)
    edit.model().hints = {k: v for k, v in page.defaults.items() if k.startswith(key + ".") and v}
    if edit.model().has_previous:
        toggle = QCheckBox(tr("Geçen yılın ({0}) değerlerini hücrelerde göster").format(editor.doc.previous_year), page)
        toggle.setObjectName(f"{key}.showPrevious")
        toggle.toggled.connect(edit.set_show_previous)
        lay.addWidget(toggle)
    lay.addWidget(edit)
    lay.addWidget(edit.attach_note(page))  # what the cell being typed reads as, or why it cannot be read
    hint_text = tr(
        "Gri hücreler hesaplanır. Enter: aşağı, Tab: sonraki hücre (sonuncusundan sonra tablodan çıkar); "
        "Excel'den kopyaladığınız bloğu Ctrl+V ile yapıştırabilirsiniz."
    )
    if item.note:
        hint_text = item.note + "\n" + hint_text
    hint = QLabel(hint_text, page)
    muted(hint)
    hint.setWordWrap(True)
    lay.addWidget(hint)
    return edit


def _photos_editor(page: SectionPage, editor: Editor, department: str, item: PhotoListDef, key: str) -> QWidget:
    page.form, lay = None, page.lay
    head = QLabel(item.title, page)
    heading(head, "sectionHeading")
    lay.addWidget(head)
    from .photos import PhotoListEditor  # imported when a page with photos is first built

    edit = PhotoListEditor(editor, department, item, page)
    lay.addWidget(edit)
    return edit


# the editor factory of each kind of form item (forms.ITEM_KINDS); the table and photo
# editors are imported when a page first needs one (start-up speed)
EDITORS = {"field": _field_editor, "table": _table_editor, "photos": _photos_editor}
