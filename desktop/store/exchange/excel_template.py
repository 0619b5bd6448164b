"""A department's form as a fillable Excel template.

One sheet per section of the form (fields and tables), "Göstergeler" (the
department's indicators: actual value, explanation, source) and "Faaliyetler"
(actual cost, explanation, source), after a "Yönerge" sheet that explains how
to fill it. Input cells are unlocked and light yellow; everything else is
locked (sheet protection without a password, structure locked). Computed cells
show Excel formulas and are never imported.

The template is a Turkish document, as the report is: its guide, headers and checks are
written in Turkish whatever the window's language (the definition's labels that fill it are
Turkish too; one paragraph in English among them would help nobody). Messages raised while
making or reading it go through ``_`` like every message.

Which cell is which value is not read from the visible text: the very hidden
sheet ``_anahtarlar`` maps sheet!cell to the value key and holds the identity
(institution, year, department, definition digest) and, for a template filled
from a workbook, each cell's original value, so that importing takes only the
cells a person changed.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple, cast

from openpyxl import Workbook as XlsxBook
from openpyxl.styles import Font, Protection
from openpyxl.utils import get_column_letter
from openpyxl.workbook.protection import WorkbookProtection
from openpyxl.worksheet.datavalidation import DataValidation

from ...core import keys, rates
from ...core.definition import Definition
from ...core.entries import Entries
from ...core.forms import ColumnDef, FieldDef, InvalidData, TableDef, describe_type
from ...core.i18n import _
from ...core.plan import DIRECTION_LABELS
from ...core.values import to_json
from ..errors import WorkbookError
from . import excel as xl
from .excel_formulas import cell_ranges, excel_formula, rate_formula

UNLOCKED = Protection(locked=False)


class SheetKind(NamedTuple):
    """How one kind of form item goes into its section's sheet: ``write`` names the
    ``_Builder`` method that writes it (None: the kind has no place in a spreadsheet;
    photos are added in the application), ``header`` a header row that neighbouring
    items of the kind share. Importing needs no entry: it reads the cells by the keys
    the writers put in ``_anahtarlar``, whatever the kind."""

    write: str | None
    header: tuple[str, ...] | None = None


# one entry per kind of form item (forms.ITEM_KINDS)
SHEET_KINDS: dict[str, SheetKind] = {
    "field": SheetKind("field_row", ("Alan", "Değer", "Birim / Tür", "Not")),
    "table": SheetKind("table"),
    "photos": SheetKind(None),
}
KEY_FONT = Font(color="808080", size=8)
VALIDATIONS: dict[str, dict[str, Any]] = {
    "count": dict(
        type="whole", operator="greaterThanOrEqual", formula1="0", error="Adet: 0 ya da daha büyük bir tam sayı girin."
    ),
    "decimal": dict(type="decimal", operator="between", formula1="-1E+15", formula2="1E+15", error="Bir sayı girin, ör. 1234,5"),
    "money": dict(
        type="decimal", operator="between", formula1="-1E+15", formula2="1E+15", error="Tutarı sayı olarak girin, ör. 1234,56"
    ),
    "percent": dict(
        type="decimal",
        operator="between",
        formula1="-1E+15",
        formula2="1E+15",
        error="Yüzde puanını sayı olarak girin: %92,5 için 92,5",
    ),
    "date": dict(
        type="date",
        operator="between",
        formula1="DATE(1900,1,1)",
        formula2="DATE(2100,12,31)",
        error="Tarihi gün.ay.yıl biçiminde girin, ör. 31.12.2020",
    ),
}
MAP_HEADER = ["sayfa", "hucre", "tur", "anahtar", "nitelik", "alan_turu", "ilk_deger"]


@dataclass
class TemplateResult:
    path: Path
    sheets: list[str] = field(default_factory=list)
    inputs: int = 0


class _Builder:
    def __init__(self, definition: Definition, department: str, entries: Entries | None, source: str = ""):
        self.d = definition
        self.dept = department
        self.entries = entries
        self.source = source
        self.style = definition.year.percent_style
        self.book = XlsxBook()
        self.used: set[str] = {xl.MAP_SHEET.casefold()}
        self.map_rows: list[list] = []
        self.validations: dict[tuple[str, str], tuple[Any, list]] = {}  # (sheet, type) -> (worksheet, cells)

    # --- one input cell -------------------------------------------------
    def input(self, ws, row: int, col: int, kind: str, key: str, attr: str, type_: str, value) -> None:
        cell = ws.cell(row, col)
        fmt = {"decimal": "General", "percent": xl.percent_format(self.style, 2)}.get(type_) or xl.number_format(type_)
        if isinstance(value, str) and not xl.fits_cell(value):
            # Excel cannot hold it: leave the cell out of the map, say why.
            cell.fill, cell.border, cell.protection = xl.INPUT_FILL, xl.GRID, UNLOCKED
            cell.value = "(Bu metin Excel hücresine sığmıyor; uygulamada düzenleyin.)"
            cell.data_type = "s"
            cell.fill, cell.protection, cell.font = xl.COMPUTED_FILL, Protection(locked=True), xl.ITALIC
            return
        xl.put(cell, value)
        wrap = type_ in ("text", "longtext")
        look = {"fill": xl.INPUT_FILL, "border": xl.GRID, "protection": UNLOCKED, "number_format": fmt}
        if wrap:
            look["alignment"] = xl.WRAP
        xl.styled(cell, ("input", fmt, wrap), **look)
        self._validate(ws, type_, row, col)
        original = "" if value is None else json.dumps(to_json(type_, value), ensure_ascii=False)
        self.map_rows.append([ws.title, cell.coordinate, kind, key, attr, type_, original])

    def _validate(self, ws, type_: str, row: int, col: int) -> None:
        if type_ in VALIDATIONS:
            self.validations.setdefault((ws.title, type_), (ws, []))[1].append((col, row))

    def finish_validations(self) -> None:
        """One data validation per sheet and type, over ranges of adjacent cells.

        Warning style: a person may still type Turkish text ("1.234,5"), which the import parses.
        """
        for (_sheet, type_), (ws, cells) in self.validations.items():
            dv = DataValidation(
                allow_blank=True,
                showErrorMessage=True,
                errorStyle="warning",
                errorTitle="Geçersiz değer",
                sqref=" ".join(cell_ranges(cells)),
                **VALIDATIONS[type_],
            )
            ws.add_data_validation(dv)

    def computed(self, ws, row: int, col: int, formula: str | None, fmt: str) -> None:
        cell = ws.cell(row, col)
        cell.value = formula
        xl.styled(cell, ("computed", fmt), number_format=fmt, fill=xl.COMPUTED_FILL, border=xl.GRID, font=xl.ITALIC)

    def new_sheet(self, title: str):
        ws = self.book.create_sheet(xl.sheet_title(title, self.used))
        ws.protection.sheet = True
        ws.protection.formatColumns = False  # widths and heights may be changed
        ws.protection.formatRows = False
        return ws

    # --- sheets ---------------------------------------------------------
    def section(self, section) -> str | None:
        items = [i for i in section.items if SHEET_KINDS[i.kind].write]
        if not items:
            return None
        ws = self.new_sheet(section.title)
        self.heading(ws, section.title)
        row, widths = 5, {1: 45, 2: 18, 3: 14, 4: 40}
        header: tuple[str, ...] | None = None
        for item in items:
            kind = SHEET_KINDS[item.kind]
            if kind.header != header:  # neighbouring items of a kind share its header row
                if header:
                    row += 1
                if kind.header:
                    self.header_row(ws, row, list(kind.header))
                    row += 1
                header = kind.header
            row = getattr(self, cast(str, kind.write))(ws, row, item, widths)  # items without a writer were left out above
        xl.set_widths(ws, widths)
        xl.fit_row_heights(ws, 5)
        xl.page_setup(ws)
        ws.freeze_panes = "A5"
        return ws.title

    def heading(self, ws, title: str) -> None:
        dname = self.d.department_name(self.dept)
        ws.cell(1, 1, title).font = xl.TITLE
        ws.cell(2, 1, f"{self.d.institution.name} — {dname} — {self.d.year.year}")
        note = ws.cell(3, 1, "Yalnızca açık sarı hücreleri doldurun; gri hücreler hesaplanır ya da bilgi amaçlıdır.")
        note.font = xl.ITALIC

    def header_row(self, ws, row: int, labels: list[str]) -> None:
        for col, text in enumerate(labels, 1):
            c = ws.cell(row, col, text)
            c.font, c.fill, c.alignment, c.border = xl.BOLD, xl.HEADER_FILL, xl.HEADER_ALIGN, xl.GRID
        ws.row_dimensions[row].height = 30

    def field_row(self, ws, row: int, f: FieldDef, widths: dict) -> int:
        key = keys.join(self.dept, f.key)
        ws.cell(row, 1, f.label + (" *" if f.required else "")).alignment = xl.WRAP
        ws.cell(row, 1).border = xl.GRID
        self.input(ws, row, 2, "deger", key, "value", f.type, self.value(key))
        unit = ws.cell(row, 3, f.unit or describe_type(f.type))
        unit.border, unit.alignment = xl.GRID, xl.WRAP
        help_cell = ws.cell(row, 4, f.help or "")
        help_cell.alignment, help_cell.border = xl.WRAP, xl.GRID
        if f.type == "longtext":
            ws.row_dimensions[row].height = 120
            widths[2] = max(widths[2], 70)
        return row + 1

    def table(self, ws, row: int, table: TableDef, widths: dict) -> int:
        title = ws.cell(row, 1, table.title)
        title.font, title.alignment = xl.HEADING, xl.WRAP
        row += 1
        self.header_row(ws, row, [table.row_header or ""] + [c.label for c in table.columns])
        row += 1
        first = row
        col_of = {c.key: i for i, c in enumerate(table.columns, 2)}
        for i, c in enumerate(table.columns, 2):
            widths[i] = max(widths.get(i, 14), min(len(c.label) + 2, 30))
        rows = table.row_defs
        last = first + len(rows) - 1
        for r in rows:
            ws.cell(row, 1, r.label).border = xl.GRID
            for col in table.columns:
                ci = col_of[col.key]
                if col.computed:
                    refs = {k: f"{get_column_letter(v)}{row}" for k, v in col_of.items()}
                    self.computed(ws, row, ci, excel_formula(col.computed, refs.get), self.fmt(col))
                else:
                    key = keys.join(self.dept, table.key, r.key, col.key)
                    self.input(ws, row, ci, "deger", key, "value", col.type, self.value(key))
            row += 1
        if table.total_label:
            label = ws.cell(row, 1, table.total_label)
            label.font, label.fill, label.border = xl.BOLD, xl.TOTAL_FILL, xl.GRID
            refs = {k: f"{get_column_letter(v)}{row}" for k, v in col_of.items()}
            for col in table.columns:
                ci, letter = col_of[col.key], get_column_letter(col_of[col.key])
                formula = None
                if col.total_mode == "sum":
                    rng = f"{letter}{first}:{letter}{last}"
                    formula = f'=IF(COUNT({rng})=0,"",SUM({rng}))'
                elif col.total_mode == "compute" and col.computed:
                    formula = excel_formula(col.computed, refs.get)
                self.computed(ws, row, ci, formula, self.fmt(col))
                ws.cell(row, ci).font = xl.BOLD
            row += 1
        return row + 1

    def fmt(self, col: ColumnDef) -> str:
        """A computed cell's format: the column's declared places."""
        return xl.number_format(col.type, (), self.style, col.places)

    def value(self, key: str):
        return None if self.entries is None else self.entries.values.get(key)

    def indicators(self) -> str | None:
        inds = self.d.indicators_of(self.dept)
        if not inds:
            return None
        ws = self.new_sheet("Göstergeler")
        self.heading(ws, "Performans Göstergeleri")
        self.header_row(
            ws,
            5,
            [
                "Anahtar",
                "Kod",
                "Gösterge",
                "Ölçü Birimi",
                "Yön",
                "Başlangıç (A)",
                "Hedef (B)",
                "Gerçekleşme (C)",
                "Gerçekleşme Oranı (%)",
                "Sapma Açıklaması",
                "Kaynak Belge / Kayıt",
            ],
        )
        for row, ind in enumerate(inds, 6):
            e = self.entries.indicators.get(ind.key) if self.entries else None
            for col, value in enumerate(
                [ind.key, ind.code, ind.name, ind.unit, DIRECTION_LABELS[ind.direction], ind.baseline, ind.target], 1
            ):
                c = xl.put(ws.cell(row, col), value, fmt="General" if col >= 6 else None)
                c.border, c.alignment = xl.GRID, xl.WRAP
            ws.cell(row, 1).font = KEY_FONT
            self.input(ws, row, 8, "gosterge", ind.key, "actual", "decimal", e.actual if e else None)
            method = rates.method_for(ind.direction, ind.baseline, ind.target)
            self.computed(ws, row, 9, rate_formula(method, row), xl.percent_format(self.style, rates.DECIMALS))
            self.input(ws, row, 10, "gosterge", ind.key, "explanation", "longtext", e.explanation if e else None)
            self.input(ws, row, 11, "gosterge", ind.key, "source", "text", e.source if e else None)
        xl.set_widths(ws, {1: 12, 2: 11, 3: 45, 4: 10, 5: 10, 6: 12, 7: 12, 8: 15, 9: 14, 10: 50, 11: 30})
        xl.fit_row_heights(ws, 5)
        xl.page_setup(ws, "5:5")
        ws.freeze_panes = "D6"
        return ws.title

    def activities(self) -> str | None:
        acts = self.d.activities_of(self.dept)
        if not acts:
            return None
        ws = self.new_sheet("Faaliyetler")
        self.heading(ws, "Faaliyet ve Projeler")
        self.header_row(
            ws,
            5,
            [
                "Anahtar",
                "Kod",
                "Faaliyet / Proje",
                "Planlanan Maliyet (TL)",
                "Gerçekleşen Maliyet (TL)",
                "Açıklama",
                "Kaynak Belge / Kayıt",
            ],
        )
        for row, act in enumerate(acts, 6):
            e = self.entries.activities.get(act.key) if self.entries else None
            for col, value in enumerate([act.key, act.code, act.name, act.planned_cost], 1):
                c = xl.put(ws.cell(row, col), value, fmt=xl.MONEY_FORMAT if col == 4 else None)
                c.border, c.alignment = xl.GRID, xl.WRAP
            ws.cell(row, 1).font = KEY_FONT
            self.input(ws, row, 5, "faaliyet", act.key, "actual_cost", "money", e.actual_cost if e else None)
            self.input(ws, row, 6, "faaliyet", act.key, "explanation", "longtext", e.explanation if e else None)
            self.input(ws, row, 7, "faaliyet", act.key, "source", "text", e.source if e else None)
        xl.set_widths(ws, {1: 12, 2: 11, 3: 50, 4: 18, 5: 18, 6: 50, 7: 30})
        xl.fit_row_heights(ws, 5)
        xl.page_setup(ws, "5:5")
        ws.freeze_panes = "D6"
        return ws.title

    def guide(self, ws) -> None:
        dname = self.d.department_name(self.dept)
        lines = [
            (f"{self.d.institution.name} {self.d.year.year} — {dname}", xl.TITLE),
            ("Faaliyet raporu veri giriş şablonu", xl.HEADING),
            ("", None),
            (
                "• Yalnızca açık sarı hücreleri doldurun. Gri hücreler hesaplanır ya da bilgi amaçlıdır; içe aktarılmaz. "
                "* işaretli alanlar zorunludur.",
                None,
            ),
            (
                "• Sayıları sayı olarak girin (ör. 1234,5). Metin olarak yazılmış sayılar Türkçe biçimde okunur: "
                "ondalık ayırıcı virgül, binlik ayırıcı nokta (150.000 yüz elli bin, 1.234.567,89). Noktadan "
                "sonra üç rakamdan farklı sayıda rakam gelirse nokta ondalıktır (12.5 = 12,5); 0.234 gibi "
                "yazımlar reddedilir, 0,234 yazın.",
                None,
            ),
            ("• Yüzde alanlarına yüzde puanını yazın: %92,5 için 92,5.", None),
            (f"• Tarihleri gün.ay.yıl biçiminde yazın: 31.12.{self.d.year.year}.", None),
            ("• Sayfaların adını ve düzenini değiştirmeyin; satır ya da sütun eklemeyin.", None),
            (
                "• Doldurunca kaydedin ve Faaliyet'te içe aktarın (komut satırı: faaliyet excel import DOSYA sablon.xlsx). "
                "Tek bir hatalı değer varsa hiçbir değer aktarılmaz ve hatalar hücre adresleriyle listelenir.",
                None,
            ),
            (
                "• Bu şablon dosyadaki değerlerle doldurulmuştur: aynı dosyaya aktarırken yalnızca değiştirdiğiniz "
                "hücreler aktarılır (bir değeri silmek için hücreyi boşaltın); başka bir dosyaya aktarırken dolu "
                "bütün hücreler aktarılır."
                if self.entries is not None
                else "• Boş bıraktığınız hücreler dosyadaki mevcut değerleri değiştirmez.",
                None,
            ),
        ]
        for row, (text, font) in enumerate(lines, 1):
            c = ws.cell(row, 1, text)
            c.alignment = xl.WRAP
            if font:
                c.font = font
        ws.column_dimensions["A"].width = 110
        xl.fit_row_heights(ws, 3)
        ws.protection.sheet = True

    def map_sheet(self) -> None:
        ws = self.book.create_sheet(xl.MAP_SHEET)
        meta = [
            ("format", xl.TEMPLATE_FORMAT),
            ("format_version", xl.TEMPLATE_VERSION),
            ("institution", self.d.institution.key),
            ("year", self.d.year.year),
            ("department", self.dept),
            ("definition_id", self.d.id),
            ("definition_digest", self.d.digest),
            ("prefilled", "evet" if self.entries is not None else "hayir"),
            ("source", self.source),
        ]
        for row, (k, v) in enumerate(meta, 1):
            ws.cell(row, 1, k)
            xl.put(ws.cell(row, 2), v)
        start = len(meta) + 2
        for col, text in enumerate(MAP_HEADER, 1):
            ws.cell(start, col, text)
        for row, values in enumerate(self.map_rows, start + 1):
            for col, value in enumerate(values, 1):
                xl.put(ws.cell(row, col), value)
        ws.sheet_state = "veryHidden"
        ws.protection.sheet = True


def template_from_workbook(wb, department: str, out: Path | str) -> TemplateResult:
    """The template filled with the workbook's current values (import takes only changed cells)."""
    return write_template(wb.definition, department, out, wb.entries(), xl.workbook_identity(wb.meta))


def write_template(
    definition: Definition, department: str, out: Path | str, entries: Entries | None = None, source: str = ""
) -> TemplateResult:
    """Write the department's template; with ``entries`` the input cells hold those values.

    ``source`` names the workbook the values came from: imported back into that
    workbook only the cells a person changed count; anywhere else every filled cell.
    """
    if definition.department(department) is None:
        known = ", ".join(d.key for d in definition.departments)
        raise WorkbookError(
            _("'{department}' diye bir birim yok. Bilinen birimler: {known}").format(department=department, known=known)
        )
    try:
        definition.form(department)  # a department file holds no other department's form: says so
    except InvalidData as exc:
        raise WorkbookError(str(exc)) from None
    b = _Builder(definition, department, entries, source)
    result = TemplateResult(Path(out))
    guide = b.book.worksheets[0]  # a new book's one (active) sheet
    guide.title = xl.sheet_title("Yönerge", b.used)
    b.guide(guide)
    result.sheets.append(guide.title)
    for section in definition.form(department).sections:
        if (title := b.section(section)) is not None:
            result.sheets.append(title)
    for maker in (b.indicators, b.activities):
        if (title := maker()) is not None:
            result.sheets.append(title)
    if not b.map_rows:
        raise WorkbookError(_("'{department}' biriminin formunda Excel'e aktarılacak alan yok.").format(department=department))
    b.finish_validations()
    b.map_sheet()
    b.book.security = WorkbookProtection(lockStructure=True)
    result.inputs = len(b.map_rows)
    dname = definition.department_name(department)
    xl.save_deterministic(
        b.book,
        result.path,
        definition.institution.name,
        definition.year.year,
        f"{dname} {definition.year.year} veri giriş şablonu",
    )
    return result
