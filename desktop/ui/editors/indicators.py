"""The indicators page: every indicator and activity the department owns.

Code, name, unit, baseline and target are shown read-only; the actual value,
the source reference and the deviation explanation are edited. The
realization rate is computed as the clerk types, and the explanation is
highlighted as required as soon as the rate leaves the year's tolerance.
Editor names: ``<indicator key>.actual|.explanation|.source`` and
``<activity key>.actual_cost|.explanation|.source``.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QGridLayout, QGroupBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ...core import rates, settings, units
from ...core.numbers import format_number, format_percent
from ...core.plan import direction_word
from ...core.values import ValueProblem, parse_input
from .. import look
from ..commands import Editor
from ..i18n import tr
from .fields import FieldEdit, LongTextEdit, set_mark
from .previous import keep_width, previous_label


class _PlanAttr:
    """Mixin: the editor's value is one attribute of an indicator or activity."""

    def _bind(self, kind: str, plan_key: str, attr: str) -> None:
        self.kind, self.plan_key, self.attr = kind, plan_key, attr
        self.editor.doc.planChanged.connect(self._plan_changed)

    def _entry(self):
        doc = self.editor.doc
        return doc.indicator(self.plan_key) if self.kind == "indicator" else doc.activity(self.plan_key)

    def stored(self):
        return getattr(self._entry(), self.attr)

    def write(self, value) -> bool:
        if self.attr in ("explanation", "source") and value is None:
            value = ""
        setter = self.editor.set_indicator if self.kind == "indicator" else self.editor.set_activity
        return setter(self.plan_key, self.attr, value, merge=self.merge_token())

    def _values_changed(self, keys) -> None:  # plan values are not form slots
        pass

    def _plan_changed(self, key: str) -> None:
        if key == self.plan_key and not (self.hasFocus() and self.dirty()):
            self.refresh()


class PlanFieldEdit(_PlanAttr, FieldEdit):
    def __init__(self, editor: Editor, kind: str, plan_key: str, attr: str, type_: str, label: str):
        self.kind, self.plan_key, self.attr = kind, plan_key, attr  # stored() runs in FieldEdit.__init__
        super().__init__(editor, f"{plan_key}.{attr}", type_, label)
        self._bind(kind, plan_key, attr)


class PlanTextEdit(_PlanAttr, LongTextEdit):
    def __init__(self, editor: Editor, kind: str, plan_key: str, attr: str, label: str, help_text: str):
        self.kind, self.plan_key, self.attr = kind, plan_key, attr
        super().__init__(editor, f"{plan_key}.{attr}", label, help_text, type_="note")
        self._bind(kind, plan_key, attr)
        self.setMinimumHeight(70)
        self.setMaximumHeight(110)


CARD_GAP = 8  # room above a card's frame
NARROW_CARD = 560  # px: a card narrower than this shows the rate under the actual's editor, not beside it


def _num(v) -> str:
    return "—" if v is None else format_number(v)


class PlanCard(QGroupBox):
    """One indicator or activity: read-only plan figures, editable actuals, live rate."""

    def __init__(self, editor: Editor, kind: str, item, parent=None):
        super().__init__(parent)  # the title is a wrapped label: plan names can be very long
        self.editor, self.kind, self.item = editor, kind, item
        self.setObjectName(f"{item.key}.card")
        grid = QGridLayout(self)
        grid.setContentsMargins(10, CARD_GAP + 8, 10, 10)
        grid.setColumnStretch(1, 1)
        heading = QLabel(f"{item.code} — {item.name}", self)
        look.heading(heading, "cardTitle")
        heading.setWordWrap(True)
        grid.addWidget(heading, 0, 0, 1, 3)
        if kind == "indicator":
            facts = tr(
                "Birim: {0}   ·   Yön: {1}   ·   Başlangıç (A): {2}   ·   {3} hedefi (B): {4}   ·   Hedefe etkisi: {5}"
            ).format(
                item.unit,
                direction_word(item.direction),
                _num(item.baseline),
                editor.doc.definition.year.year,
                _num(item.target),
                format_percent(item.weight, None, editor.doc.percent_style) if item.weight is not None else "—",
            )
            actual_attr, actual_type, actual_label = "actual", units.actual_type(item), tr("Gerçekleşme (C):")
        else:
            facts = tr("Planlanan maliyet: {0} TL").format(
                editor.doc.display("money", item.planned_cost) if item.planned_cost is not None else "—"
            )
            actual_attr, actual_type, actual_label = "actual_cost", "money", tr("Gerçekleşen maliyet (TL):")
        info = QLabel(facts, self)
        info.setObjectName("facts")
        look.text_color(info, "#333333")
        info.setWordWrap(True)
        grid.addWidget(info, 1, 0, 1, 3)

        self.actual = PlanFieldEdit(editor, kind, item.key, actual_attr, actual_type, f"{item.code} {actual_label.rstrip(':')}")
        label = QLabel(actual_label, self)
        label.setMinimumHeight(self.actual.sizeHint().height())  # level with the editor, above the line under it
        grid.addWidget(label, 2, 0, Qt.AlignmentFlag.AlignTop)
        actual_row = QHBoxLayout()
        actual_row.setContentsMargins(0, 0, 0, 0)
        actual_row.addLayout(self._with_note(self.actual))
        self.previous = previous_label(editor.doc, actual_type, f"{item.key}.{actual_attr}", self)
        if self.previous is not None:
            keep_width(self.actual)
            actual_row.addSpacing(8)
            actual_row.addWidget(self.previous, 1, Qt.AlignmentFlag.AlignTop)
        else:
            actual_row.addStretch(1)
        grid.addLayout(actual_row, 2, 1)
        self.rate = QLabel(self)
        self.rate.setObjectName(f"{item.key}.rate")
        self.rate.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.rate.setWordWrap(True)
        self.rate_under = False  # beside the actual (row 2, column 2); under it (row 3) on a narrow card
        grid.addWidget(self.rate, 2, 2)

        grid.addWidget(QLabel(tr("Kaynak belge / kayıt:"), self), 4, 0)
        self.source = PlanFieldEdit(editor, kind, item.key, "source", "note", f"{item.code} kaynak")
        self.source.setPlaceholderText(
            tr("Rakamın alındığı defter, sistem ya da belge (ör. Olay kayıt defteri {0})").format(editor.doc.definition.year.year)
        )
        grid.addLayout(self._with_note(self.source, Qt.AlignmentFlag(0)), 4, 1, 1, 2)

        self.expl_label = QLabel(tr("Sapma açıklaması:"), self)
        self.expl_label.setAlignment(Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.expl_label, 5, 0)
        self.explanation = PlanTextEdit(
            editor,
            kind,
            item.key,
            "explanation",
            f"{item.code} sapma açıklaması",
            tr("Hedeften sapmanın nedeni: ne oldu, neden, ne yapılacak."),
        )
        grid.addLayout(self._with_note(self.explanation, Qt.AlignmentFlag(0)), 5, 1, 1, 2)
        self.need = QLabel(self)
        self.need.setObjectName(f"{item.key}.need")
        self.need.setWordWrap(True)
        grid.addWidget(self.need, 6, 1, 1, 2)

        self.actual.textChanged.connect(self._typed)
        self.explanation.textChanged.connect(self._typed)
        editor.doc.planChanged.connect(lambda k: k == item.key and self._typed())
        editor.doc.findingsChanged.connect(self._typed)
        self._show(self.actual.stored())

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._place_rate()

    def _place_rate(self) -> None:
        """The rate beside the actual's editor on a wide card, under it on a narrow one (a small window)."""
        under = self.width() < NARROW_CARD
        if under == self.rate_under:
            return
        self.rate_under = under
        grid = self.layout()
        grid.removeWidget(self.rate)
        if under:
            grid.addWidget(self.rate, 3, 1, 1, 2)
        else:
            grid.addWidget(self.rate, 2, 2)

    def _with_note(self, edit, align=Qt.AlignmentFlag.AlignLeft) -> QVBoxLayout:
        """The editor and, under it, what it reads as or why it cannot be read."""
        column = QVBoxLayout()
        column.setSpacing(2)
        column.addWidget(edit, 0, align)
        column.addWidget(edit.attach_note(self))
        return column

    @property
    def tolerance(self):
        """The year's tolerance in force (the strategy unit may override the definition's)."""
        doc = self.editor.doc
        return settings.year_settings(doc.definition, doc.entries.values.get).deviation_tolerance

    def _typed(self, *_args) -> None:
        """The rate of what the actual's editor holds; none while it cannot be read (never the last readable part)."""
        try:
            value = parse_input(self.actual.type, self.actual.text())
        except ValueProblem:
            self._show(None, readable=False)
            return
        self._show(value)

    def compute(self, actual) -> rates.Rate:
        if self.kind == "indicator":
            return rates.realization(self.item.direction, self.item.baseline, self.item.target, actual)
        return rates.realization("increase", None, self.item.planned_cost, actual)

    def _show(self, actual, readable: bool = True) -> None:
        rate = self.compute(actual)
        style = self.editor.doc.percent_style
        if not readable:  # no rate, and no explanation demanded by a rate of a half-typed number
            self.rate.setText(tr("Gerçekleşme oranı: — (sayı okunamadı)"))
        elif rate.value is None:
            self.rate.setText(tr("Gerçekleşme oranı: — ({0})").format(rate.reason))
        else:
            text = tr("Gerçekleşme oranı: <b>{0}</b>  <span style='color:#555'>({1})</span>").format(
                rates.rate_text(rate.value, style), rates.METHODS[rate.method]
            )
            if rates.implausible(rate.value):
                text += "<br><span style='color:{}'>{}</span>".format(
                    look.WARNING_TEXT,
                    tr("⚠ Olağan dışı oran: değeri kontrol edin."),
                )
            self.rate.setText(text)
        needed = rates.needs_explanation(rate.value, self.tolerance)
        missing = needed and not self.explanation.toPlainText().strip()
        if missing:
            self.need.setText(
                tr("⚠ Açıklama zorunlu: oran {0}, hedeften {1} puan sapıyor (yılın toleransı {2}).").format(
                    rates.rate_text(rate.value, style),
                    rates.deviation_text(rate.value),
                    format_percent(self.tolerance, None, style),
                )
            )
            self._need_look(look.ERROR_TEXT, True)
        elif needed:
            self.need.setText(tr("✓ Sapma açıklandı."))
            self._need_look(look.OK_TEXT, False)
        else:
            self.need.setText("")
        level = "error" if (missing and self.kind == "indicator") else ("warning" if missing else "")
        found = self.editor.doc.findings_at(self.explanation.key)
        if found and not level and not self.explanation.toPlainText().strip():
            level = "error" if any(f.is_error for f in found) else "warning"
        set_mark(self.explanation, "finding", level)

    def _need_look(self, color: str, strong: bool) -> None:
        look.text_color(self.need, color)
        font = self.font()
        font.setBold(strong)
        self.need.setFont(font)

    def paintEvent(self, event) -> None:  # the card's frame (QGroupBox has no title here)
        p = QPainter(self)
        look.rounded(p, self.rect().adjusted(0, CARD_GAP, 0, 0), "#fafbfc", look.BORDER)
        p.end()


class IndicatorsPage(QWidget):
    def __init__(self, editor: Editor, parent=None):
        super().__init__(parent)
        self.setObjectName("page.gostergeler")
        doc = editor.doc
        lay = QVBoxLayout(self)
        title = QLabel(tr("Performans Göstergeleri ve Faaliyetler"), self)
        look.heading(title, "pageTitle")
        title.setWordWrap(True)  # two lines on a narrow window, never a page wider than it
        lay.addWidget(title)
        intro = QLabel(
            tr(
                "Başlangıç ve hedef değerleri stratejik plandan gelir ve değiştirilemez. Gerçekleşen değeri, "
                "rakamın alındığı kaynağı ve hedeften her sapmanın açıklamasını girin; gerçekleşme oranı siz "
                "yazarken hesaplanır."
            ),
            self,
        )
        intro.setWordWrap(True)
        lay.addWidget(intro)
        self.cards: dict[str, PlanCard] = {}
        if doc.indicators:
            lay.addWidget(self._heading(tr("Performans göstergeleri")))
        for ind in doc.indicators:
            self.cards[ind.key] = PlanCard(editor, "indicator", ind, self)
            lay.addWidget(self.cards[ind.key])
        if doc.activities:
            lay.addWidget(self._heading(tr("Faaliyet ve projeler (maliyet)")))
        for act in doc.activities:
            self.cards[act.key] = PlanCard(editor, "activity", act, self)
            lay.addWidget(self.cards[act.key])
        if not doc.indicators and not doc.activities:
            lay.addWidget(QLabel(tr("Bu birimin sorumlu olduğu gösterge ya da faaliyet yok."), self))
        lay.addStretch(1)

    def _heading(self, text: str) -> QLabel:
        label = QLabel(text, self)
        look.heading(label, "sectionHeading")
        return label
