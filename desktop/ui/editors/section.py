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


def _short_field_row(page: SectionPage, editor: Editor, item: FieldDef, key: str) -> QWidget:
    if page.form is None:
        box = QWidget(page)  # short fields keep a readable width on a page as wide as the window
        box.setMaximumWidth(READABLE_WIDTH)
        page.form = form = QFormLayout(box)
        form.setContentsMargins(0, 0, 0, 0)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        page.lay.addWidget(box)
    form, defaults = page.form, page.defaults
    placeholder = None
    if key in defaults:
        placeholder = tr("tanımdaki değer: {0}").format(defaults[key]) if defaults[key] else tr("tanımda yok")
    if item.previous_year:
        placeholder = ""
    edit = FieldEdit(editor, key, item.type, item.label, _help(editor, item), page, placeholder=placeholder)
    _fix(edit, item)
    if placeholder and item.type == "text":  # the definition's value is read in full
        edit.setMinimumWidth(min(520, max(340, edit.fontMetrics().horizontalAdvance(placeholder) + 28)))
    elif placeholder:
        edit.setMaximumWidth(max(edit.maximumWidth(), edit.fontMetrics().horizontalAdvance(placeholder) + 28))
        edit.setMinimumWidth(edit.fontMetrics().horizontalAdvance(placeholder) + 28)
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
    form.addRow(_label(item.label, item.required, page, LABEL_WIDTH), column)
    if item.help:
        hint = QLabel(item.help, page)
        muted(hint)
        hint.setWordWrap(True)
        form.addRow("", hint)
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
