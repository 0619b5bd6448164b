"""A block copied from Excel (tab-separated lines) to table values.

The whole block is read with one number style: Turkish ("1.234,5") or English
("1,234.5"), detected from the block itself (``numbers.detect_style``). One
cell that cannot be read refuses the whole paste, with a line per problem.
"""

from __future__ import annotations

import msgspec
from msgspec import field

from ...core.dates import DateError, parse_date
from ...core.numbers import NumberError, detect_style, parse_number
from ...core.values import ValueProblem, coerce


class PasteResult(msgspec.Struct):
    values: dict = field(default_factory=dict)  # full key -> typed value (None clears)
    problems: list[str] = field(default_factory=list)
    skipped: int = 0  # non-empty cells that fell on computed cells
    style: str = "tr"


def split_block(text: str) -> list[list[str]]:
    """Excel's clipboard text to rows of cells (a trailing newline is dropped)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.endswith("\n"):
        text = text[:-1]
    return [line.split("\t") for line in text.split("\n")]


def parse_cell(text: str, type_: str, style: str):
    text = text.strip()
    if not text:
        return None
    if type_ in ("count", "decimal", "money", "percent"):
        return parse_number(text, type_, style)
    if type_ == "date":
        return parse_date(text)
    return coerce(type_, text)


def map_block(block: list[list[str]], targets) -> PasteResult:
    """``targets(r, c)`` gives (key, type, label, computed) for a block cell, or None off the table."""
    cells = [c.strip() for row in block for c in row if c.strip()]
    result = PasteResult(style=detect_style(cells))
    for r, row in enumerate(block):
        for c, text in enumerate(row):
            target = targets(r, c)
            if target is None:
                if text.strip():
                    result.problems.append(f"'{text.strip()}' tablonun dışına düşüyor (satır {r + 1}, sütun {c + 1})")
                continue
            key, type_, label, computed = target
            if computed:
                if text.strip():
                    result.skipped += 1
                continue
            try:
                result.values[key] = parse_cell(text, type_, result.style)
            except (NumberError, DateError, ValueProblem) as exc:
                result.problems.append(f"{label}: {exc}")
    return result
