"""Form definitions: what a department fills in.

A department's form is a list of sections; a section holds items, each one of
a field, a table or a photo list. These are frozen msgspec structs loaded from
the YAML files in ``forms/`` (see ``forms/README.md``): ``Strict.from_data``
checks types, keys and constraints, ``__post_init__`` the rules between fields.
msgspec is used rather than a heavier validation library because a workbook's
definition snapshot is checked on every open, on the clerk's cold start path.
"""

from decimal import Decimal
from typing import Annotated, Any, Literal, TypeVar, cast

import msgspec
from msgspec import Meta, field

from . import keys
from .dates import BIMONTHS, MONTH_KEYS, MONTHS
from .i18n import _
from .limits import (
    MAX_COLUMNS,
    MAX_DEPARTMENT_SLOTS,
    MAX_ITEMS,
    MAX_KEY_CHARS,
    MAX_ROWS,
    MAX_RULES,
    MAX_SECTIONS,
    MAX_TABLE_CELLS,
    Formula,
    Long,
    Short,
    at_most,
    form_slots,
    table_cells,
)
from .numbers import DEFAULT_DECIMALS, MAX_DECIMALS

# a key segment (see keys.py); the loader words the mismatch in Turkish
Segment = Annotated[str, Meta(pattern=keys.SEGMENT.pattern, max_length=MAX_KEY_CHARS)]

FieldType = Literal["count", "decimal", "money", "percent", "text", "longtext", "date"]
NUMERIC_TYPES = ("count", "decimal", "money", "percent")

TYPE_LABELS = {
    "count": "adet",
    "decimal": "ondalık sayı",
    "money": "tutar (TL)",
    "percent": "yüzde",
    "text": "metin",
    "longtext": "uzun metin",
    "date": "tarih",
}

# Where a section is printed in the report (the regulation's outline).
CHAPTERS = (
    "I.A",
    "I.B",
    "I.C.1",
    "I.C.2",
    "I.C.3",
    "I.C.4",
    "I.C.5",
    "I.C.6",
    "I.D",
    "II.A",
    "II.B",
    "III.A.1",
    "III.A.2",
    "III.A.3",
    "III.B.1",
    "III.B.3",
    "III.B.4",
    "IV.A",
    "IV.B",
    "IV.C",
    "V",
    "ayarlar",  # the year settings (tolerance, signers): edited, never printed as a chapter
)
Chapter = Literal[CHAPTERS]  # type: ignore[valid-type]


S = TypeVar("S", bound="Strict")


class InvalidData(ValueError):
    """Data that does not fit the form format. The message is msgspec's, in English,
    ending in the place (`` - at `$.sections[0].key` ``); the loader words it in Turkish."""


def convert(data: Any, type_: Any) -> Any:
    """Check plain data against a struct type (or a union of them, as ``Item``) and
    build it, or raise InvalidData."""
    try:
        return msgspec.convert(data, type_, str_keys=True)  # YAML keys (a plan's years) arrive as text
    except msgspec.MsgspecError as exc:
        raise InvalidData(str(exc)) from None


class Strict(msgspec.Struct, frozen=True, forbid_unknown_fields=True, kw_only=True):
    """Immutable; unknown keys are refused (a typo must not pass silently).

    Subclasses repeat ``kw_only=True``: msgspec applies it to the fields of the
    class that says it, and a required field may then follow optional ones.
    """

    @classmethod
    def from_data(cls: type[S], data: Any) -> S:
        """Check plain data (parsed YAML or JSON) and build, or raise InvalidData."""
        return convert(data, cls)

    def to_data(self) -> Any:
        """Plain JSON-able data (decimals as strings); ``from_data`` reads it back."""
        return msgspec.to_builtins(self)

    def replace(self: S, **changes: Any) -> S:
        return msgspec.structs.replace(self, **changes)


# Places a number is printed with (0-6); see ``places``.
Decimals = Annotated[int, Meta(ge=0, le=6)]


def places(type_: str, decimals: int | None) -> int | None:
    """Places a value of ``type_`` is printed with: the declared ``decimals`` or the type's
    default (money 2, decimal 2, percent 2, count 0); None for a non-number."""
    if decimals is not None:
        return decimals
    return DEFAULT_DECIMALS.get(type_)


def check_decimals(type_: str, decimals: int | None) -> None:
    """``decimals:`` only on a number, and no more places than the type can hold."""
    if decimals is None:
        return
    if type_ not in NUMERIC_TYPES:
        raise ValueError(f"'decimals' yalnızca sayı türlerinde ({', '.join(NUMERIC_TYPES)}) yazılabilir; '{type_}' için kaldırın")
    if decimals > MAX_DECIMALS[type_]:
        raise ValueError(f"'{TYPE_LABELS[type_]}' türünde 'decimals' en çok {MAX_DECIMALS[type_]} olabilir; {decimals} yazılmış")


def check_factor(factor, what: str) -> None:
    """A change factor (``change_factor``) is a finite number greater than 1."""
    if factor is None:
        return
    if not factor.is_finite() or factor <= 1 or factor > 1_000_000:
        raise ValueError(
            _("{what} 1'den büyük bir sayı olmalı (ör. 10: on kat artış ya da azalış uyarılır); {factor} yazılmış").format(
                what=what, factor=factor
            )
        )


def check_previous(key: str, previous_year: bool, of: str | None, what: str) -> None:
    """``previous_year: true`` needs ``of`` (the key whose last-year value it shows); ``of`` alone is meaningless."""
    if previous_year and not of:
        raise ValueError(
            _("'{key}' {what} geçen yılın değerini gösteriyor (previous_year: true); hangisinin olduğunu 'of' ile yazın").format(
                key=key, what=what
            )
        )
    if of and not previous_year:
        raise ValueError(_("'{key}' {what}: 'of' yalnızca 'previous_year: true' ile yazılır").format(key=key, what=what))


class ItemDef(Strict, tag_field="kind", frozen=True, kw_only=True):
    """An item of a section; ``kind`` (field, table, photos) tells which."""

    @property
    def kind(self) -> str:
        return cast(str, self.__struct_config__.tag)  # every item class declares a tag string


class FieldDef(ItemDef, tag="field", frozen=True, kw_only=True):
    key: Segment
    label: Short
    type: FieldType
    unit: Short | None = None
    required: bool = False
    help: Long | None = None
    default: Long | int | None = None  # printed when nothing was entered
    # False for a check-only field (e.g. a total the department declares so
    # that a rule can compare it with the computed total): entered and
    # validated, never printed in the report.
    print: bool = True
    # places the value is printed with; None: the type's default (see ``places``)
    decimals: Decimals | None = None
    # the year cycle (``faaliyet year next``): ``carry`` starts next year's value from this
    # year's; ``previous_year`` + ``of``: read-only, last year's value of the field ``of``;
    # ``renamed_from``: the key of the year before; ``change_factor``: warn when the value is
    # this many times last year's, or that many times less
    carry: bool = False
    previous_year: bool = False
    of: Segment | None = None
    renamed_from: Segment | None = None
    change_factor: Decimal | None = None

    @property
    def numeric(self) -> bool:
        return self.type in NUMERIC_TYPES

    @property
    def places(self) -> int | None:
        return places(self.type, self.decimals)

    def __post_init__(self) -> None:
        check_decimals(self.type, self.decimals)
        check_previous(self.key, self.previous_year, self.of, _("alanı"))
        check_factor(self.change_factor, _("'{key}' alanının değişim katsayısı (change_factor)").format(key=self.key))
        if self.previous_year and (self.carry or self.required):
            raise ValueError(
                _("'{key}' alanı geçen yılın değerini gösterir, girilmez: 'carry' ya da 'required' yazılamaz").format(
                    key=self.key
                )
            )


class RowDef(Strict, frozen=True, kw_only=True):
    key: Segment
    label: Short
    renamed_from: Segment | None = None  # its key in the year before (the year cycle)


class ColumnDef(Strict, frozen=True, kw_only=True):
    key: Segment
    label: Short
    type: FieldType = "count"
    unit: Short | None = None
    # An arithmetic expression over the other columns of the same row,
    # e.g. "resmi + kiralik" or "gerceklesme / tahmin * 100".
    computed: Formula | None = None
    # How the total row treats this column: "sum" the rows, "compute" the
    # expression again from the totals (rates), or leave it "none".
    total: Literal["sum", "compute", "none"] | None = None
    # A shared upper header over neighbouring columns (two header levels, as
    # in the fire statistics: "Yanma Derecesi" over three columns).
    group: Short | None = None
    # places the column (and its total) is printed with; None: the type's default
    decimals: Decimals | None = None
    # read-only, filled from last year's value of the same row's column ``of`` (never typed)
    previous_year: bool = False
    of: Segment | None = None
    renamed_from: Segment | None = None  # its key in the year before (the year cycle)

    @property
    def places(self) -> int | None:
        return places(self.type, self.decimals)

    def __post_init__(self) -> None:
        check_decimals(self.type, self.decimals)
        check_previous(self.key, self.previous_year, self.of, _("sütunu"))
        if self.previous_year and self.computed:
            raise ValueError(_("'{key}' sütunu geçen yılın değerini gösterir; 'computed' formülü yazılamaz").format(key=self.key))

    @property
    def total_mode(self) -> str:
        if self.total:
            return self.total
        if self.computed:
            return "compute"
        return "sum" if self.type in ("count", "decimal", "money") else "none"


class TableDef(ItemDef, tag="table", frozen=True, kw_only=True):
    key: Segment
    title: Short
    row_header: Short = ""
    rows: Annotated[list[RowDef], Meta(max_length=MAX_ROWS)] | Literal["months", "bimonths"]
    columns: Annotated[list[ColumnDef], Meta(min_length=1, max_length=MAX_COLUMNS)]
    total_row: bool | Short = False  # True or a label ("Genel Toplam")
    note: Long | None = None
    chart: Literal["bar", "pie"] | None = None
    carry: bool = False  # next year's table starts from this year's values (``faaliyet year next``)
    renamed_from: Segment | None = None  # its key in the year before (the year cycle)
    change_factor: Decimal | None = None  # warn when a cell is this many times last year's, or that many times less

    @property
    def row_defs(self) -> list[RowDef]:
        if self.rows == "months":
            return [RowDef(key=k, label=lab) for k, lab in zip(MONTH_KEYS, MONTHS)]
        if self.rows == "bimonths":
            return [RowDef(key=k, label=lab) for k, lab in BIMONTHS]
        return list(self.rows)

    @property
    def total_label(self) -> str | None:
        if self.total_row is False:
            return None
        return "Toplam" if self.total_row is True else str(self.total_row)

    def column(self, key: str) -> ColumnDef | None:
        return next((c for c in self.columns if c.key == key), None)

    def __post_init__(self) -> None:
        at_most(table_cells(self), MAX_TABLE_CELLS, f"'{self.key}' tablosunun hücre sayısı")
        _unique([r.key for r in self.row_defs], "satır")
        if self.total_row is not False and keys.TOTAL_ROW in [r.key for r in self.row_defs]:
            raise ValueError("'toplam' satırı hesaplanır; satır olarak tanımlanamaz")
        _unique([c.key for c in self.columns], "sütun")
        names = {c.key for c in self.columns}
        from .expressions import names_in  # local import: expressions is tiny

        for c in self.columns:
            if c.computed:
                unknown = names_in(c.computed) - names
                if unknown:
                    raise ValueError(f"'{c.key}' sütununun formülü bilinmeyen sütun kullanıyor: " + ", ".join(sorted(unknown)))
            if c.previous_year:
                _check_of(
                    c.key,
                    c.type,
                    self.column(c.of or ""),
                    (_("sütun"), _("sütununun")),
                    _("'{key}' tablosunda").format(key=self.key),
                )
        check_factor(self.change_factor, _("'{key}' tablosunun değişim katsayısı (change_factor)").format(key=self.key))


class PhotoListDef(ItemDef, tag="photos", frozen=True, kw_only=True):
    key: Segment
    title: Short
    max_count: Annotated[int, Meta(ge=1, le=500)] = 40
    renamed_from: Segment | None = None  # its key in the year before (the year cycle)


Item = FieldDef | TableDef | PhotoListDef
# the kind tags of Item; every layer's registry of item kinds covers exactly these
ITEM_KINDS = tuple(t.__struct_config__.tag for t in Item.__args__)


class SectionDef(Strict, frozen=True, kw_only=True):
    key: Segment
    title: Short
    chapter: Chapter = "III.B.1"
    intro: Long | None = None
    items: Annotated[list[Item], Meta(min_length=1, max_length=MAX_ITEMS)]
    # the foreword (Sunuş): a section of the institution unit's form printed before the
    # table of contents, not in its chapter (see roles.py); at most one
    foreword: bool = False


class RuleDef(Strict, frozen=True, kw_only=True):
    key: Segment
    severity: Literal["error", "warning"] = "error"
    check: Formula  # a boolean expression over value keys
    message: Long

    def __post_init__(self) -> None:
        from .expressions import parse  # local import: expressions is tiny

        parse(self.check)  # the same check on every read: a stored definition is untrusted


class FormDef(Strict, frozen=True, kw_only=True):
    department: Segment
    sections: Annotated[list[SectionDef], Meta(max_length=MAX_SECTIONS)] = field(default_factory=list)
    rules: Annotated[list[RuleDef], Meta(max_length=MAX_RULES)] = field(default_factory=list)

    def __post_init__(self) -> None:
        at_most(form_slots(self), MAX_DEPARTMENT_SLOTS, f"'{self.department}' formunun değer sayısı")
        _unique([s.key for s in self.sections], "bölüm")
        _unique([i.key for s in self.sections for i in s.items], "alan/tablo")
        _unique([r.key for r in self.rules], "kural")
        fields = {i.key: i for s in self.sections for i in s.items if isinstance(i, FieldDef)}
        for f in fields.values():
            if f.previous_year:
                _check_of(f.key, f.type, fields.get(f.of or ""), (_("alan"), _("alanının")), _("formda"))


def _check_of(key: str, type_: str, of, words: tuple[str, str], where: str) -> None:
    """The ``of`` of a previous-year field or column: exists, is not itself previous-year, same type."""
    what, whose = words
    if of is None:
        raise ValueError(
            _("'{key}' {whose} 'of' değeri {where} bir {what} anahtarı olmalı").format(
                key=key, whose=whose, where=where, what=what
            )
        )
    if of.previous_year:
        raise ValueError(
            _("'{key}' {whose} 'of' değeri '{of}' de geçen yılı gösteriyor; girilen bir {what} seçin").format(
                key=key, whose=whose, of=of.key, what=what
            )
        )
    if of.type != type_:
        raise ValueError(
            _("'{key}' {whose} türü ({type}) '{of}' {whose} türüyle ({of_type}) aynı olmalı").format(
                key=key, whose=whose, type=TYPE_LABELS.get(type_, type_), of=of.key, of_type=TYPE_LABELS.get(of.type, of.type)
            )
        )


def _unique(values: list[str], what: str) -> None:
    seen: set[str] = set()
    for v in values:
        if v in seen:
            raise ValueError(f"'{v}' {what} anahtarı birden fazla kez kullanılmış")
        seen.add(v)
