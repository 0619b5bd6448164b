"""The year settings in force, as the strategy unit reads them (deviation tolerance, signers).

The year's definition (a read-only snapshot in the file) gives the defaults;
the strategy unit overrides them with the editors of its form's settings
section (``core.settings``), shown under this summary in the same tab.
"""

from __future__ import annotations

import datetime as dt
from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from ...core import settings
from ...core.dates import format_date
from ...core.definition import Definition
from ...core.numbers import format_percent
from ..editors.section import READABLE_WIDTH, SectionPage
from ..editors.table import TableEditor
from ..i18n import tr


def _role(role: str) -> str:
    return {
        "ust_yonetici": tr("Üst yönetici (İç kontrol güvence beyanı)"),
        "mali_hizmetler": tr("Mali hizmetler birim yöneticisi (beyan)"),
        "harcama_yetkilisi": tr("Harcama yetkilisi (beyan)"),
    }.get(role, role)


def _date(iso: str | None) -> str:
    if not iso:
        return "–"
    try:
        return format_date(dt.date.fromisoformat(iso))
    except ValueError:
        return iso


def year_settings_html(definition: Definition, lookup=None) -> str:
    """The settings in force (``lookup``: the entered values; None: the definition's)."""
    y = settings.year_settings(definition, lookup)
    tol = format_percent(y.deviation_tolerance, None, y.percent_style)
    if y.deviation_tolerance != definition.year.deviation_tolerance:
        tol += (
            " (" + tr("tanımdaki: {0}").format(format_percent(definition.year.deviation_tolerance, None, y.percent_style)) + ")"
        )
    style = tr("%92 (önde)") if y.percent_style == "prefix" else tr("92% (sonda)")
    rows = [
        (tr("Yıl"), str(y.year)),
        (tr("Kurum"), definition.institution.name),
        (tr("Sapma toleransı"), tol + " — " + tr("gerçekleşmenin hedeften bu kadar sapması açıklama istemez")),
        (tr("Yüzde yazımı"), style),
        (tr("Tanım"), f"{definition.id} ({definition.digest[:12]})"),
    ]
    out = [
        f"<h2>{escape(tr('Yıl ayarları'))}</h2><table cellspacing='0' cellpadding='6' border='1' style='border-collapse:collapse'>"
    ]
    out += [f"<tr><th align='left' bgcolor='#f3f4f6'>{escape(k)}</th><td>{escape(v)}</td></tr>" for k, v in rows]
    out.append("</table>")
    out.append(f"<h3>{escape(tr('Beyanları imzalayanlar (Ekler)'))}</h3>")
    if y.signers:
        out.append(
            "<table cellspacing='0' cellpadding='6' border='1' style='border-collapse:collapse'><tr bgcolor='#f3f4f6'>"
            + "".join(
                f"<th align='left'>{escape(h)}</th>" for h in (tr("Beyan"), tr("Ad soyad"), tr("Unvan"), tr("Yer"), tr("Tarih"))
            )
            + "</tr>"
        )
        for s in y.signers:
            out.append(
                "<tr>"
                + "".join(f"<td>{escape(v)}</td>" for v in (_role(s.role), s.name, s.title, s.place or "–", _date(s.date)))
                + "</tr>"
            )
        out.append("</table>")
    else:
        out.append(f"<p>{escape(tr('İmzalayan tanımlanmamış; beyanlarda ad yerine noktalı boşluk basılır.'))}</p>")
    if settings.settings_section(definition) is None:  # else the section's editors follow, with their own intro
        note = tr(
            "Bu ayarlar yılın form tanımından gelir; bu tanımda yıl ayarları bölümü olmadığı için burada değiştirilemez. "
            "Değiştirmek için tanım klasöründeki tanim.yaml dosyasının 'year' bölümü güncellenmelidir."
        )
        out.append("<p style='color:#5f6b76'>" + escape(note) + "</p>")
    return "".join(out)


class YearSettingsTab(QScrollArea):
    """The "Yıl ayarları" tab: the settings in force, then the clerk's editors for the settings section.

    The editors share the institution chapters' ``Editor``: every change is one
    committed, audited transaction and one step of the window's undo stack.
    """

    settingsChanged = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("yearSettingsTab")
        self.setWidgetResizable(True)
        body = QWidget(self)
        self.lay = QVBoxLayout(body)
        self.lay.setContentsMargins(16, 12, 16, 12)
        self.summary = QLabel(body)
        self.summary.setObjectName("yearSettings")
        self.summary.setWordWrap(True)
        self.summary.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.summary.setMaximumWidth(READABLE_WIDTH)
        self.lay.addWidget(self.summary)
        self.lay.addStretch(1)
        self.setWidget(body)
        self.page = None
        self.doc = None
        self.definition: Definition | None = None

    def attach(self, definition: Definition, editor=None) -> None:
        """Show ``definition``'s settings; with ``editor`` (the institution form's), add the editors."""
        self.definition = definition
        section = settings.settings_section(definition)
        if editor is not None and section is not None:
            self.doc = editor.doc
            self.page = SectionPage(editor, editor.doc.department, section, self.widget())
            if not self.page.wide:  # a table on it: as wide as the window (its fields keep READABLE_WIDTH)
                self.page.setMaximumWidth(READABLE_WIDTH)
            self.lay.insertWidget(1, self.page)
            self.doc.valuesChanged.connect(self._values_changed)
        self.show_settings()

    def show_settings(self) -> None:
        lookup = self.doc.entries.values.get if self.doc is not None else None
        self.summary.setText(year_settings_html(self.definition, lookup))

    def _values_changed(self, keys) -> None:
        if any(settings.is_settings_key(self.definition, k) for k in keys):
            self.show_settings()
            self.settingsChanged.emit()

    def commit_pending(self) -> None:
        """Store whatever is typed but not yet committed in the settings editors."""
        if self.page is None:
            return
        for w in self.page.findChildren(QWidget):
            if isinstance(w, TableEditor):
                w.commit_open_editor()
            elif hasattr(w, "commit") and hasattr(w, "dirty") and w.dirty():
                w.commit()
