"""Attacks through the ``decimals:`` a file's stored definition declares (issue #13 item 5).

The places a number is printed with come from the definition, which a file
from another PC forges at will (see ``bench/attacks_definition.py``). A
billion places would make every printed number a gigabyte string (the report,
the Excel formats, the window); a negative or non-integer count, places on a
text field, or more places than money holds must be refused at open like any
other impossible definition, by every reader, with a Turkish message naming
``decimals`` and no file changed.
"""

from __future__ import annotations

from collections.abc import Callable

from bench.attacks import Attack
from bench.attacks_definition import add_section, definition_attack


def _item(type_: str, decimals, computed: bool = False) -> Callable[[dict], None]:
    def edit(data: dict) -> None:
        columns = [
            {"key": "a", "label": "A", "type": "decimal"},
            {"key": "b", "label": "B", "type": type_, "decimals": decimals, **({"computed": "a / 3"} if computed else {})},
        ]
        add_section(
            data,
            [
                {
                    "kind": "table",
                    "key": "ondalik",
                    "title": "Ondalık",
                    "rows": [{"key": "r", "label": "R"}],
                    "columns": columns,
                    "total_row": True,
                }
            ],
        )

    return edit


def _field(type_: str, decimals) -> Callable[[dict], None]:
    def edit(data: dict) -> None:
        add_section(data, [{"kind": "field", "key": "ondalik", "label": "Ondalık", "type": type_, "decimals": decimals}])

    return edit


ATTACKS: list[Attack] = [
    definition_attack("decimals-billion", _item("decimal", 10**9, computed=True), "decimals"),
    definition_attack("decimals-huge-integer", _field("percent", 10**40), "decimals"),
    definition_attack("decimals-negative", _item("decimal", -1), "decimals"),
    definition_attack("decimals-text", _field("decimal", "2"), "decimals"),
    definition_attack("decimals-on-text", _field("text", 2), "decimals"),
    definition_attack("decimals-money-3", _item("money", 3), "decimals"),
    definition_attack("decimals-count-1", _field("count", 1), "decimals"),
]
