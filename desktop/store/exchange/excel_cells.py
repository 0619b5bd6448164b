"""Template cells whose content cannot be trusted as a value, found in the sheet's XML.

Reading a filled template with openpyxl's ``data_only`` gives each cell's
cached value, which hides three things that would change or delete a value
silently:

- a formula without a cached value (scripts write formulas and never compute
  them; the cell reads as empty, and the stored value would be deleted),
- merged cells over an input cell (merging keeps the top-left value only),
- an error value (``#REF!``, ``#DIV/0!``, ``#N/A`` …), which is no value.

``cell_problems`` scans one sheet part once and names each such input cell
with its address (``Sayfa!B5``), so the import refuses the template.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from xml.etree.ElementTree import iterparse

from openpyxl.utils.cell import column_index_from_string, coordinate_from_string, get_column_letter, range_boundaries

from ...core.i18n import _

MAX_MERGES = 1_000  # a template has none; a person merges a few headings at most
MAX_PROBLEMS = 100


def cell_problems(source, sheet: str, wanted: set[tuple[int, int]]) -> list[str]:
    """Problems (Turkish, addressed) of the input cells ``wanted`` ((row, column)) in one sheet's XML ``source``."""
    problems: list[str] = []
    ordered = sorted(wanted)
    merges = 0
    row, col = 0, 0
    for event, el in iterparse(source, events=("start", "end")):
        tag = el.tag.rsplit("}", 1)[-1]
        if event == "start":
            if tag == "row":
                row, col = _int(el.get("r"), row + 1), 0
            continue
        if tag == "c":
            row, col = _position(el.get("r"), row, col + 1)
            if (row, col) in wanted:
                problem = _cell_problem(el, f"{sheet}!{get_column_letter(col)}{row}")
                if problem:
                    problems.append(problem)
            el.clear()
        elif tag == "row":
            el.clear()
        elif tag == "mergeCell":
            merges += 1
            if merges > MAX_MERGES:
                problems.append(
                    _("'{sheet}' sayfasında olağandışı sayıda birleştirilmiş hücre var; şablonu yeniden alın").format(sheet=sheet)
                )
                break
            problem = _merge_problem(el.get("ref") or "", sheet, ordered)
            if problem:
                problems.append(problem)
        if len(problems) >= MAX_PROBLEMS:
            break
    return problems


def _cell_problem(c, where: str) -> str | None:
    f = v = inline = None
    for child in c:
        name = child.tag.rsplit("}", 1)[-1]
        if name == "f":
            f = child
        elif name == "v":
            v = child
        elif name == "is":
            inline = child
    cached = (v.text or "") if v is not None else ""
    if c.get("t") == "e":
        return _(
            "{where}: hücrede Excel hatası var ({x}); bu bir değer değil. Hatayı düzeltip değeri yazın ya da hücreyi boşaltın"
        ).format(where=where, x=cached.strip() or "#")
    if f is not None and not cached and inline is None:
        return _(
            "{where}: hücrede hesaplanmamış bir formül var (kaydedilmiş değeri yok); aktarılsaydı eldeki değer silinirdi. Dosyayı Excel'de açıp kaydedin ya da formül yerine değeri yazın"
        ).format(where=where)
    return None


def _merge_problem(ref: str, sheet: str, ordered: list[tuple[int, int]]) -> str | None:
    try:
        min_col, min_row, max_col, max_row = range_boundaries(ref.upper())
    except (ValueError, TypeError):
        return _("'{sheet}' sayfasında bozuk bir hücre birleştirmesi var ({ref}); şablonu yeniden alın").format(
            sheet=sheet, ref=ref[:40]
        )
    if min_col is None or min_row is None or max_col is None or max_row is None or (min_col, min_row) == (max_col, max_row):
        return None
    rows = ordered[bisect_left(ordered, (min_row, 0)) : bisect_right(ordered, (max_row, 1 << 30))]
    inside = [(r, c) for r, c in rows if min_col <= c <= max_col]
    if not inside:
        return None
    cells = ", ".join(f"{get_column_letter(c)}{r}" for r, c in inside[:5]) + (" …" if len(inside) > 5 else "")
    return _(
        "{sheet}!{upper}: veri hücreleri birleştirilmiş ({cells}); birleştirmede değerlerden biri silinir. Birleştirmeyi kaldırıp her hücreye değerini yazın"
    ).format(sheet=sheet, upper=ref.upper(), cells=cells)


def _position(ref: str | None, row: int, col: int) -> tuple[int, int]:
    """(row, column) of a cell: from its ``r`` attribute, else the next one in the row."""
    if ref:
        try:
            letters, r = coordinate_from_string(ref.upper())
            return r, column_index_from_string(letters)
        except (ValueError, TypeError):
            pass
    return row, col


def _int(text: str | None, default: int) -> int:
    try:
        return int(text) if text else default
    except ValueError:
        return default
