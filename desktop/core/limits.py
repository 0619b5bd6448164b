"""Size limits of a year definition: one place for every limit.

A definition is read from its YAML folder and, on every open, from the snapshot
inside a ``.faaliyet`` file — a file from another PC may carry any definition
with a matching digest. So its size is bounded before anything is built from it
(the value slots, the window's editors, the report's tables): list lengths and
text lengths through the struct types (``Meta``, checked by msgspec while
decoding), totals through ``check_totals`` in the structs' ``__post_init__``,
the JSON's bytes before decoding. ``forms/README.md`` lists them ("Sınırlar").

Each limit leaves a wide margin over the Kars 2020 sample (in brackets): a
real year's definition never meets them; a hostile one cannot exhaust memory.
"""

from __future__ import annotations

from typing import Annotated

from msgspec import Meta

from .i18n import _

MAX_JSON_BYTES = 8 * 1024 * 1024  # a stored definition (167 KB)
MAX_KEY_CHARS = 64  # a key segment (40)
MAX_SHORT_CHARS = 1_000  # labels, titles, names, codes, units (337)
MAX_LONG_CHARS = 10_000  # intros, help texts, notes, rule messages (349)
MAX_FORMULA_CHARS = 2_000  # a rule or a formula column (375)
MAX_FORMULA_DEPTH = 60  # nesting of a formula's syntax tree (14)
MAX_FORMULA_NODES = 1_000  # nodes of a formula's syntax tree (89)
MAX_ROUND_DIGITS = 10  # round(x, n): 0 <= n <= 10
MAX_MAGNITUDE = 10**21  # a formula's numbers and results, in absolute value
MAX_DEPARTMENTS = 1_500  # (21; a year fifty times the sample has 1.050)
MAX_SECTIONS = 100  # sections of one form (15)
MAX_ITEMS = 100  # items of one section (8)
MAX_RULES = 1_000  # rules of one form (44)
MAX_ROWS = 1_000  # rows of one table (36)
MAX_COLUMNS = 60  # columns of one table (25)
MAX_TABLE_CELLS = 20_000  # values of one table, its total row included (225)
MAX_DEPARTMENT_SLOTS = 50_000  # values of one department's form (370)
MAX_SLOTS = 200_000  # values of the whole definition (1.280)
MAX_PLAN_LIST = 1_000  # aims, goals of an aim, targets of a goal, signers
MAX_PLAN_ENTRIES = 5_000  # indicators and activities, each, in the whole plan (161, 87)
MAX_LOGO_BYTES = 2 * 1024 * 1024  # the logo embedded in the definition
MAX_STORED_SIDE = 6_000  # pixels of a side of a stored image (a photo is stored at most 1.600)

Key = Annotated[str, Meta(max_length=MAX_KEY_CHARS)]
Short = Annotated[str, Meta(max_length=MAX_SHORT_CHARS)]
Long = Annotated[str, Meta(max_length=MAX_LONG_CHARS)]
Formula = Annotated[str, Meta(max_length=MAX_FORMULA_CHARS)]


class LimitExceeded(ValueError):
    """A definition over one of the limits; the message says which, in Turkish."""


def grouped(value: int) -> str:
    """1200000 as '1.200.000' (Turkish grouping of a count)."""
    return f"{value:,}".replace(",", ".")


def at_most(count: int, limit: int, what: str) -> None:
    if count > limit:
        raise LimitExceeded(
            _("{what} {count}; en çok {limit} olabilir").format(what=what, count=grouped(count), limit=grouped(limit))
        )


def table_cells(table) -> int:
    """Value slots of one table (rows × columns, and the total row's), without building them."""
    cells = len(table.row_defs) * len(table.columns)
    if table.total_label:
        cells += sum(1 for c in table.columns if c.total_mode != "none")
    return cells


def form_slots(form) -> int:
    from .item_kinds import KINDS  # local: forms imports this module

    return sum(KINDS[item.kind].slot_count(item) for section in form.sections for item in section.items)


def check_json_size(text: str | bytes) -> None:
    """The stored definition's UTF-8 size, before it is decoded."""
    if isinstance(text, str) and len(text) * 4 <= MAX_JSON_BYTES:
        return  # surely small enough: no copy to measure it
    check_json_bytes(len(text) if isinstance(text, bytes) else len(text.encode("utf-8", "surrogatepass")))


def check_json_bytes(size: int) -> None:
    """The stored definition's UTF-8 size (of a definition stored as parts: the parts a file carries)."""
    if size > MAX_JSON_BYTES:
        raise LimitExceeded(
            _("form tanımı çok büyük ({size} KB; en çok {max_json_bytes} KB)").format(
                size=grouped(size // 1024), max_json_bytes=grouped(MAX_JSON_BYTES // 1024)
            )
        )


def fine_number(value) -> bool:
    """The rule of ``check_number``: no number, or a finite one within MAX_MAGNITUDE."""
    return value is None or (value.is_finite() and abs(value) <= MAX_MAGNITUDE)


def check_number(value, what: str) -> None:
    """A number of the definition (target, baseline, cost…) is finite and within MAX_MAGNITUDE."""
    if not fine_number(value):
        raise LimitExceeded(_("{what} geçerli bir sayı değil ya da çok büyük ({value})").format(what=what, value=str(value)[:30]))
