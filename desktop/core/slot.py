"""A slot: one addressable value of a department's form (a field, or one cell of a table).

The item kinds (``item_kinds.py``) make a form's slots; the definition (``definition.py``) keeps
them by key, and everything that reads or writes a value names it by its slot's key.
"""

import msgspec


class Slot(msgspec.Struct, frozen=True):
    """One addressable value of a department's form (a field or a table cell).

    A cell's label ("table / row / column") is joined when asked for, from the
    definition's own strings: a year of 150.000 cells held a joined label per
    cell, a third of the definition's memory, that only messages and lists read.
    """

    key: str
    type: str
    name: str  # a field's label; a cell's table title
    department: str
    section: str
    computed: bool = False  # totals and formula columns: never entered
    places: int | None = None  # printed with (declared ``decimals:`` or the type's default); None: not a number
    row: str | None = None  # a cell's row label (None: a field)
    column: str | None = None  # a cell's column label

    @property
    def label(self) -> str:
        """What the value is called in messages: the field's label, or "table / row / column"."""
        return self.name if self.row is None else f"{self.name} / {self.row} / {self.column}"
