"""A stored definition's forms kept as their JSON, each decoded and checked on first use.

A department file carries the whole year's definition (its digest covers every
form), but the clerk works in one form: decoding the others made opening a file
of a year of 120 departments ten times slower than one of 12. ``Definition.from_json``
given the department decodes the head (institution, year, departments, plan), that
department's form and the institution unit's; every other form stays the bytes of
its JSON (a ``msgspec.Raw`` slice of the stored text, which msgspec only scans)
until something asks for it.

Nothing is used unchecked. When the parts are made, each form's head is read
(its department and the shape of its items, no text, nothing built): the rules
between forms run on these (every department known and with one form; the total
number of values, counted by the items' own rules, within its limit). A form is
decoded with every check of its struct (``FormDef``: types, limits, its own
rules) and then the definition's rules about one form (``check``, given by the
definition) before it is handed out. A form that breaks a rule raises
``InvalidData`` naming its place (``forms[3].sections[0]…``), in the words of the
whole decode.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import TypeVar, overload

import msgspec

from . import limits
from .forms import ColumnDef, FormDef, InvalidData, Segment, TableDef
from .i18n import _


class _ColumnShape(msgspec.Struct):
    type: str = "count"
    computed: str | None = None
    total: str | None = None
    total_mode = property(ColumnDef.total_mode.fget)  # type: ignore[attr-defined]  # the one rule, on the same fields


class _ItemShape(msgspec.Struct):
    """What an item's value count depends on; the rules are the items' own (``KINDS[kind].slot_count``)."""

    kind: str = ""
    rows: list[msgspec.Raw] | str = []
    columns: list[_ColumnShape] = []
    total_row: bool | str = False
    row_defs = property(TableDef.row_defs.fget)  # type: ignore[attr-defined]
    total_label = property(TableDef.total_label.fget)  # type: ignore[attr-defined]


class _SectionShape(msgspec.Struct):
    items: list[_ItemShape] = []


class _Head(msgspec.Struct):
    """A form's department and the shape of its items, read without building the form (every
    other field is skipped): the rules between forms are checked on these before any form is built."""

    department: Segment
    sections: list[_SectionShape] = []

    def slot_count(self) -> int:
        """The form's value count (``limits.form_slots``) as the form would have it; an unknown
        kind counts nothing (the form is refused when it is built)."""
        from .item_kinds import KINDS  # local: the kinds import the forms

        return sum(KINDS[item.kind].slot_count(item) for section in self.sections for item in section.items if item.kind in KINDS)


T = TypeVar("T")
_HEAD = msgspec.json.Decoder(_Head)
_FORM = msgspec.json.Decoder(FormDef)


class FormParts(Sequence[FormDef]):
    """The forms of a stored definition in their order, each decoded when first asked for."""

    def __init__(self, raws: Sequence[msgspec.Raw]):
        self._raws = list(raws)
        self._forms: list[FormDef | None] = [None] * len(self._raws)
        self._checks: list[Callable[[FormDef], None]] = []
        heads = [decode_stored(_HEAD.decode, raw, f"forms[{i}]") for i, raw in enumerate(self._raws)]
        self.departments = [h.department for h in heads]
        self.slot_count = sum(h.slot_count() for h in heads)  # every form's values together (a limit)
        self._index = {d: i for i, d in enumerate(self.departments)}

    def bind(self, check: Callable[[FormDef], None]) -> bool:
        """The definition's rules about one form, run on each as it is built; False when the
        parts already belong to another definition (``replace``: its caller checks the forms)."""
        if self._checks:
            return False
        self._checks.append(check)
        return True

    def get(self, department: str) -> FormDef | None:
        """The department's form (decoded and checked now if not yet), or None when it has none."""
        i = self._index.get(department)
        return None if i is None else self[i]

    @property
    def decoded(self) -> int:
        """Forms built so far (tests and ``bench_open`` count them)."""
        return sum(f is not None for f in self._forms)

    def is_decoded(self, department: str) -> bool:
        i = self._index.get(department)
        return i is not None and self._forms[i] is not None

    def _form(self, i: int) -> FormDef:
        form = self._forms[i]
        if form is None:
            form = decode_stored(_FORM.decode, self._raws[i], f"forms[{i}]")
            for check in self._checks:
                try:
                    check(form)
                except ValueError as exc:  # as msgspec words a rule of __post_init__
                    raise InvalidData(f"forms[{i}]: {exc}") from None
            if form.department != self.departments[i]:  # the head read another key than the form
                raise InvalidData(
                    _("forms[{i}].department: formun birimi iki kez ve farklı yazılmış ({department})").format(
                        i=i, department=form.department
                    )
                )
            self._forms[i] = form  # two threads asking at once both build it: the same form
        return form

    @overload
    def __getitem__(self, i: int) -> FormDef: ...
    @overload
    def __getitem__(self, i: slice) -> list[FormDef]: ...
    def __getitem__(self, i: int | slice) -> FormDef | list[FormDef]:
        if isinstance(i, slice):
            return [self._form(n) for n in range(len(self._raws))[i]]
        return self._form(range(len(self._raws))[i])  # an IndexError as a list's

    def __len__(self) -> int:
        return len(self._raws)

    def __iter__(self) -> Iterator[FormDef]:
        forms = [self._form(i) for i in range(len(self._raws))]  # all checked before the first is used
        return iter(forms)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, FormParts):
            other = list(other)
        return list(self) == other if isinstance(other, list) else NotImplemented

    __hash__ = None  # type: ignore[assignment]  # as a list's

    def __repr__(self) -> str:
        return f"FormParts({self.decoded}/{len(self)} decoded)"


def decode_stored(decode: Callable[[str | bytes], T], text: str | bytes, place: str = "") -> T:
    """``decode(text)`` of a stored definition or one of its forms (at ``place``), or InvalidData
    in Turkish naming the place or the limit (the one wording of ``Definition.from_json``)."""
    try:
        if isinstance(text, (str, bytes)):  # a whole stored definition (a part lies within one)
            limits.check_json_size(text)
        return decode(text)
    except limits.LimitExceeded as exc:
        raise InvalidData(str(exc)) from None
    except msgspec.MsgspecError as exc:
        from .loader import explain  # local: the loader builds definitions

        message = str(exc).replace("`$", f"`${'.' if place else ''}{place}", 1)
        raise InvalidData(explain(message)) from None
    except RecursionError:
        raise InvalidData(_("form tanımı çok derin iç içe")) from None
