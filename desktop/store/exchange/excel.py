"""Excel (.xlsx) building blocks shared by the export, the template and its import.

Numbers go into cells as real numbers (never text) with standard number
format codes; Excel shows them with the reader's locale separators, so a
Turkish Excel prints ``1.234.567,89``. Text that starts with ``=`` is stored
as text, never as a formula. Files are written deterministically (fixed
properties and zip timestamps from the year) and atomically (a temporary file
beside the target, then renamed).

The public entry points live in ``excel_export`` (year / department export),
``excel_template`` (a department's form as a fillable template) and
``excel_import`` (a filled template back in, through the value-set checks).
"""

from __future__ import annotations

import copy
import datetime as dt
import hashlib
import io
import weakref
import zipfile
from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

from ...core.turkish import casefold
from ..file.tempfiles import write_atomic

MAX_CELL_TEXT = 32_767  # Excel's limit for one cell
MAX_SHEET_TITLE = 31
FORBIDDEN_IN_TITLE = set("[]:*?/\\")
MAP_SHEET = "_anahtarlar"
TEMPLATE_FORMAT = "faaliyet-excel-sablon"
TEMPLATE_VERSION = 1

# --- styles ---------------------------------------------------------------
BOLD = Font(bold=True)
TITLE = Font(bold=True, size=14)
HEADING = Font(bold=True, size=12)
ITALIC = Font(italic=True, color="555555")
HEADER_FILL = PatternFill("solid", fgColor="D9E1F2")
TOTAL_FILL = PatternFill("solid", fgColor="EDEDED")
INPUT_FILL = PatternFill("solid", fgColor="FFF2CC")  # light yellow: type here
COMPUTED_FILL = PatternFill("solid", fgColor="F2F2F2")
GROUP_FILL = PatternFill("solid", fgColor="E2EFDA")
_THIN = Side(style="thin", color="BFBFBF")
GRID = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
WRAP = Alignment(wrap_text=True, vertical="top")
TOP = Alignment(vertical="top")
HEADER_ALIGN = Alignment(wrap_text=True, vertical="center", horizontal="center")

# --- number formats (standard codes; the locale supplies the separators) ----
COUNT_FORMAT = "#,##0"
MONEY_FORMAT = "#,##0.00"
DATE_FORMAT = "DD.MM.YYYY"
TEXT_FORMAT = "@"


def workbook_identity(meta: dict) -> str:
    """Which workbook file a prefilled template came from (copies of a file share it)."""
    text = "|".join(str(meta.get(k, "")) for k in ("kind", "department", "institution", "year", "created_at", "created_by"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def percent_format(style: str = "prefix", decimals: int = 1) -> str:
    """Percent points (92.5 means %92,5): the sign is a quoted literal, not Excel's ×100."""
    body = "#,##0" + ("." + "0" * decimals if decimals else "")
    return f'"%"{body}' if style == "prefix" else f'{body}" %"'


def decimal_format(decimals: int) -> str:
    return "#,##0" + ("." + "0" * decimals if decimals > 0 else "")


def decimals_needed(values, limit: int = 4) -> int:
    """Fraction digits the numbers need (at most ``limit``): 0 for whole numbers."""
    most = 0
    for v in values:
        if isinstance(v, bool) or not isinstance(v, (int, float, Decimal)):
            continue
        d = v if isinstance(v, Decimal) else Decimal(str(v))
        if not d.is_finite():
            continue
        exp = d.normalize().as_tuple().exponent
        if isinstance(exp, int) and exp < 0:
            most = max(most, -exp)
    return min(most, limit)


def number_format(type_: str, values=(), percent_style: str = "prefix", decimals: int | None = None) -> str:
    """The cell format of a ``type_`` value: ``decimals`` places (a field's or column's
    declared places) when given; the percent sign where the year's ``percent_style`` puts it."""
    if type_ == "count":
        return COUNT_FORMAT
    if type_ == "money":
        return MONEY_FORMAT if decimals is None else decimal_format(decimals)
    if type_ == "percent":
        return percent_format(percent_style, 1 if decimals is None else decimals)
    if type_ == "decimal":
        return decimal_format(decimals_needed(values) if decimals is None else decimals)
    if type_ == "date":
        return DATE_FORMAT
    return TEXT_FORMAT


def cell_number(value):
    """A number for a cell: int when whole, else float (Excel holds doubles)."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    d = value if isinstance(value, Decimal) else Decimal(str(value))
    if not d.is_finite():
        return None
    return int(d) if d == d.to_integral_value() else float(d)


def clean_text(text: str) -> str:
    """Text Excel can hold: control characters removed, cut at the cell limit."""
    text = ILLEGAL_CHARACTERS_RE.sub("", text)
    return text if len(text) <= MAX_CELL_TEXT else text[: MAX_CELL_TEXT - 1] + "…"


def fits_cell(text: str) -> bool:
    return len(text) <= MAX_CELL_TEXT and not ILLEGAL_CHARACTERS_RE.search(text)


def put(cell, value, type_: str | None = None, fmt: str | None = None):
    """Write a typed value: numbers as numbers, dates as dates, text never as a formula."""
    if value is None:
        cell.value = None
    elif isinstance(value, str):
        cell.value = clean_text(value)
        cell.data_type = "s"  # "=HYPERLINK(…)" typed by someone stays text
    elif isinstance(value, dt.datetime):
        cell.value = value
    elif isinstance(value, dt.date):
        cell.value = dt.datetime(value.year, value.month, value.day)
    else:
        cell.value = cell_number(value)
    if fmt:
        cell.number_format = fmt
    elif type_:
        cell.number_format = number_format(type_, [value])
    return cell


_STYLE_ARRAYS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()  # book -> {key: style array}


def styled(cell, key, style=None, **attrs):
    """Style ``cell`` with ``attrs`` (font=…, border=…, number_format=…) or by calling
    ``style(cell)``, cells of the same ``key`` alike: the first is styled attribute by attribute
    (openpyxl finds each object in the book's lists by hashing it, the most expensive part of
    writing a cell), the others get a copy of its style array. ``key`` must stand for exactly
    that styling; the file is the same byte for byte."""
    arrays = _STYLE_ARRAYS.setdefault(cell.parent.parent, {})
    array = arrays.get(key)
    if array is None:
        if style is not None:
            style(cell)
        for name, value in attrs.items():
            setattr(cell, name, value)
        arrays[key] = copy.copy(cell._style)
    else:
        cell._style = copy.copy(array)
    return cell


def sheet_title(name: str, used: set[str]) -> str:
    """A valid, unique sheet name: ≤ 31 characters, none of []:*?/\\, unique ignoring case."""
    text = "".join(" " if c in FORBIDDEN_IN_TITLE or ord(c) < 32 else c for c in name)
    text = " ".join(text.split()).strip("'") or "Sayfa"
    suffix = " Müdürlüğü"
    if len(text) > MAX_SHEET_TITLE and casefold(text).endswith(casefold(suffix)):
        text = text[: -len(suffix)]
    text = text[:MAX_SHEET_TITLE].rstrip(" '")
    candidate, n = text, 1
    while _folds(candidate) & (used | {"history"}):
        n += 1
        suffix = f" ({n})"
        candidate = text[: MAX_SHEET_TITLE - len(suffix)].rstrip(" '") + suffix
    used.update(_folds(candidate))
    return candidate


def _folds(title: str) -> set[str]:
    # Excel compares sheet names ignoring case; with Turkish and with plain rules.
    return {casefold(title), title.casefold()}


def page_setup(ws, title_rows: str | None = None) -> None:
    """A4 landscape, fit to the page width, header rows repeated on every page."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.gridLines = False
    if title_rows:
        ws.print_title_rows = title_rows


def fixed_moment(year: int) -> dt.datetime:
    """The date every file of a year carries (properties and zip entries)."""
    return dt.datetime(year, 12, 31, 0, 0, 0)


class _FixedTimeZip(zipfile.ZipFile):
    """A zip whose entries all carry one moment and the same permissions, whoever writes them."""

    moment: tuple = (1980, 1, 1, 0, 0, 0)

    def writestr(self, zinfo_or_arcname, data, compress_type=None, compresslevel=None):
        if isinstance(zinfo_or_arcname, str):
            entry = zipfile.ZipInfo(zinfo_or_arcname, date_time=self.moment)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            zinfo_or_arcname = entry
        super().writestr(zinfo_or_arcname, data, compress_type, compresslevel)

    def write(self, filename, arcname=None, compress_type=None, compresslevel=None):
        """A part openpyxl wrote to a temporary file (a worksheet): its bytes, dated like the rest."""
        with open(filename, "rb") as fh:
            self.writestr(arcname or str(filename), fh.read())


def save_deterministic(book, path: Path | str, creator: str, year: int, title: str = "") -> Path:
    """Save so that the same content gives the same bytes, and atomically.

    openpyxl's own save stamps the save time into docProps/core.xml and the zip
    entries; here its writer gets the fixed moment of the year for both (the
    properties set before writing, the entries dated by the archive), so the
    package is written once, not written and then zipped again.
    """
    from openpyxl.writer.excel import ExcelWriter  # noqa: PLC0415 - with openpyxl's writer, at first save

    path = Path(path)
    moment = fixed_moment(year)
    props = book.properties
    props.creator = creator
    props.lastModifiedBy = creator
    props.title = title or None
    props.created = moment
    props.modified = moment
    out = io.BytesIO()
    archive = _FixedTimeZip(out, "w", zipfile.ZIP_DEFLATED, allowZip64=True)
    archive.moment = moment.timetuple()[:6]
    ExcelWriter(book, archive).save()
    write_atomic(path, out.getvalue())
    return path


def set_widths(ws, widths: Mapping[int, float]) -> None:
    from openpyxl.utils import get_column_letter

    for col, width in sorted(widths.items()):
        ws.column_dimensions[get_column_letter(col)].width = max(8.0, min(float(width), 70.0))


def text_width(value, fmt: str = "") -> int:
    """Rough display width of a value, for column widths."""
    if value is None:
        return 0
    if isinstance(value, str):
        return max((len(line) for line in value.splitlines()), default=0)
    if isinstance(value, (dt.date, dt.datetime)):
        return 10
    n = cell_number(value)
    if n is None:
        return 0
    digits = len(f"{abs(int(n)):,}")
    return digits + (3 if "0.0" in fmt else 0) + (2 if "%" in fmt else 0) + (1 if n < 0 else 0)


def fit_row_heights(ws, min_row: int = 1, line_height: float = 15.0, max_lines: int = 30) -> None:
    """Set row heights for wrapped text (spreadsheet programs do not re-measure on open).

    Rows that already have a height (headers, long text inputs) are left alone;
    merged cells are skipped.
    """
    from openpyxl.utils import get_column_letter

    merged = {rc for rng in ws.merged_cells.ranges for rc in rng.cells}
    widths: dict[int, float] = {}
    texts: dict[int, list] = {}  # row -> its text cells: only the cells that exist (iter_rows would make the empty ones)
    for (r, _col), cell in sorted(ws._cells.items()):
        if r >= min_row and isinstance(cell.value, str):
            texts.setdefault(r, []).append(cell)
    for r, row in texts.items():
        if r in ws.row_dimensions and ws.row_dimensions[r].height is not None:
            continue
        lines = 1
        for cell in row:
            if (cell.row, cell.column) in merged or cell.data_type == "f":
                continue
            if cell.column not in widths:
                widths[cell.column] = ws.column_dimensions[get_column_letter(cell.column)].width or 8.43
            parts = cell.value.split("\n")
            if max(map(len, parts)) <= max(1, int(widths[cell.column] * 0.95)):
                n = len(parts)  # every line fits, bold or not: the font need not be looked at
            else:
                per_line = max(1, int(widths[cell.column] * (0.95 if cell.font and cell.font.b else 1.05)))
                n = sum(max(1, -(-len(part) // per_line)) for part in parts)
            lines = max(lines, n)
        if lines > 1:
            ws.row_dimensions[r].height = line_height * min(lines, max_lines)
