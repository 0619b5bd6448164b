"""Form item kinds in core: what each kind of ``forms.Item`` means to the domain.

One entry per kind (``field``, ``table``, ``photos``) in ``KINDS``, looked up by the
item's ``kind`` tag, never by an isinstance chain. A new kind of item is one entry
here and one in each layer's registry (``store/excel_template.SHEET_KINDS``,
``report/sections.BLOCKS``, ``ui/editors/section.EDITORS``); a test checks that
every registry covers exactly the kinds of ``forms.Item``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, NamedTuple

from . import keys
from .limits import table_cells
from .slot import Slot
from .tables import compute_table


class Kind(NamedTuple):
    title: Callable[[Any], str]  # what the item is called on screen and in the report
    slot_count: Callable[[Any], int]  # its value slots, counted without building them (limits)
    slots: Callable[[str, str, Any], list[Slot]]  # (department, section, item): its value slots
    computed: Callable[[str, Any, Mapping[str, object]], dict[str, object]]  # its computed cells
    required: Callable[[Any], bool]  # the clerk must fill it in
    extra: Callable[[str, Any, Any], tuple[int, int]]  # (filled, total) beyond its slots, from entries
    inputs: Callable[[str, Any], list[str]]  # (department, item): entered keys its computed cells read
    # (department, item, last year's Entries): its previous-year cells (``previous_year: true``),
    # computed values read from the stored previous year, never typed
    previous: Callable[[str, Any, Any], dict[str, object]]
    # (department, item): each entered value key it had last year → its key now (``renamed_from``
    # on the item, a row or a column; ``core.year_cycle.key_map``)
    renamed: Callable[[str, Any], dict[str, str]]
    # (department, item): the value keys of the texts the clerk writes (checked for hygiene, references)
    texts: Callable[[str, Any], list[str]] = lambda department, item: []


def _field_slots(department: str, section: str, item) -> list[Slot]:
    key = keys.join(department, item.key)
    return [Slot(key, item.type, item.label, department, section, item.previous_year, item.places)]


def _field_previous(department: str, item, previous) -> dict[str, object]:
    if not item.previous_year:
        return {}
    value = previous.values.get(keys.join(department, item.of)) if previous is not None else None
    return {keys.join(department, item.key): value}


def _field_renamed(department: str, item) -> dict[str, str]:
    return {} if item.previous_year else {keys.join(department, item.renamed_from or item.key): keys.join(department, item.key)}


def _table_renamed(department: str, item) -> dict[str, str]:
    was = item.renamed_from or item.key
    return {
        keys.join(department, was, row.renamed_from or row.key, col.renamed_from or col.key): keys.join(
            department, item.key, row.key, col.key
        )
        for row in item.row_defs
        for col in item.columns
        if not (col.computed or col.previous_year)
    }


def _table_previous(department: str, item, previous) -> dict[str, object]:
    out: dict[str, object] = {}
    for col in item.columns:
        if col.previous_year:
            for row in item.row_defs:
                value = previous.values.get(keys.join(department, item.key, row.key, col.of)) if previous is not None else None
                out[keys.join(department, item.key, row.key, col.key)] = value
    return out


def _table_slots(department: str, section: str, item) -> list[Slot]:
    out = []
    rows = [(r.key, r.label, False) for r in item.row_defs]
    if item.total_label:
        rows.append((keys.TOTAL_ROW, item.total_label, True))
    for rkey, rlabel, is_total in rows:
        for col in item.columns:
            computed = is_total or bool(col.computed) or col.previous_year
            if is_total and col.total_mode == "none":
                continue
            out.append(
                Slot(
                    keys.join(department, item.key, rkey, col.key),
                    col.type,
                    item.title,
                    department,
                    section,
                    computed,
                    col.places,
                    rlabel,
                    col.label,
                )
            )
    return out


def _table_inputs(department: str, item) -> list[str]:
    return [keys.join(department, item.key, r.key, c.key) for r in item.row_defs for c in item.columns if not c.computed]


TEXT_TYPES = ("text", "longtext")


def _table_texts(department: str, item) -> list[str]:
    return [
        keys.join(department, item.key, r.key, c.key)
        for r in item.row_defs
        for c in item.columns
        if c.type in TEXT_TYPES and not c.computed
    ]


def _photo_count(department: str, item, entries) -> tuple[int, int]:
    """A photo list counts as one thing to fill: filled once it holds a photo."""
    return (1 if entries.photos.get(keys.join(department, item.key)) else 0), 1


KINDS: dict[str, Kind] = {
    "field": Kind(
        title=lambda item: item.label,
        slot_count=lambda item: 1,
        slots=_field_slots,
        computed=lambda department, item, entered: {},
        required=lambda item: item.required,
        extra=lambda department, item, entries: (0, 0),
        inputs=lambda department, item: [],
        texts=lambda department, item: [keys.join(department, item.key)] if item.type in TEXT_TYPES else [],
        previous=_field_previous,
        renamed=_field_renamed,
    ),
    "table": Kind(
        title=lambda item: item.title,
        slot_count=table_cells,
        slots=_table_slots,
        computed=compute_table,
        required=lambda item: False,
        extra=lambda department, item, entries: (0, 0),
        inputs=_table_inputs,
        texts=_table_texts,
        previous=_table_previous,
        renamed=_table_renamed,
    ),
    "photos": Kind(
        title=lambda item: item.title,
        slot_count=lambda item: 0,
        slots=lambda department, section, item: [],
        computed=lambda department, item, entered: {},
        required=lambda item: False,
        extra=_photo_count,
        inputs=lambda department, item: [],
        previous=lambda department, item, previous: {},
        renamed=lambda department, item: {},
    ),
}


def kind(item) -> Kind:
    """The rules of an item's kind."""
    return KINDS[item.kind]


def items_of(form, kind_name: str) -> list:
    """The items of one kind in a form, in order (a filter by the kind tag, not by class)."""
    return [i for s in form.sections for i in s.items if i.kind == kind_name]


def item_slots(department: str, section: str, item) -> list[Slot]:
    return KINDS[item.kind].slots(department, section, item)
