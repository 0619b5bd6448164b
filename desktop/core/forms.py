"""Form definitions: what a department fills in.

A department's form is a list of sections; a section holds items, each one of
a field, a table or a photo list. These are frozen msgspec structs loaded from
the YAML files in ``forms/`` (see ``forms/README.md``): ``Strict.from_data``
checks types, keys and constraints, ``__post_init__`` the rules between fields.
msgspec is used rather than a heavier validation library because a workbook's
definition snapshot is checked on every open, on the clerk's cold start path.
"""

from collections.abc import Sequence
from decimal import Decimal
from typing import Annotated, Any, Literal, TypeVar, cast

import msgspec
from msgspec import Meta, field

from . import keys
from .dates import BIMONTHS, MONTH_KEYS, MONTHS
from .i18n import _, lazy
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
    "count": lazy("adet"),
    "decimal": lazy("ondalık sayı"),
    "money": lazy("tutar (TL)"),
    "percent": lazy("yüzde"),
    "text": lazy("metin"),
    "longtext": lazy("uzun metin"),
    "date": lazy("tarih"),
}


def describe_type(t: str) -> str:
    """What a value of type ``t`` is called (``TYPE_LABELS``; an unknown type: its own name)."""
    return str(TYPE_LABELS.get(t, t))


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


def as_builtin(obj: Any) -> Any:
    """msgspec's ``enc_hook``: a sequence that is not a list (a stored definition's ``FormParts``) as a list."""
    if isinstance(obj, Sequence) and not isinstance(obj, (str, bytes)):
        return list(obj)
    raise NotImplementedError(f"cannot encode {type(obj).__name__}")


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
        return msgspec.to_builtins(self, enc_hook=as_builtin)

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
        raise ValueError(
            _("'decimals' yalnızca sayı türlerinde ({join}) yazılabilir; '{type}' için kaldırın").format(
                join=", ".join(NUMERIC_TYPES), type=type_
            )
        )
    if decimals > MAX_DECIMALS[type_]:
        raise ValueError(
            _("'{type_labels}' türünde 'decimals' en çok {max_decimals} olabilir; {decimals} yazılmış").format(
                type_labels=TYPE_LABELS[type_], max_decimals=MAX_DECIMALS[type_], decimals=decimals
            )
        )


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
    # whether the report prints a long text's label as a heading over it: None (default) when
    # its section has several items, False never (a label for the clerk, "Başkanın sunuşu"), True always
    heading: bool | None = None

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


MAX_ROW_LEVEL = 3


class RowDef(Strict, frozen=True, kw_only=True):
    key: Segment
    label: Short
    renamed_from: Segment | None = None  # its key in the year before (the year cycle)
    # An account level (a chart of accounts: 1 > 10 > 100): printed indented by level; a table
    # with levels totals its level-0 rows only (a sub-account is already in its parent).
    level: Annotated[int, Meta(ge=0, le=MAX_ROW_LEVEL)] = 0
    # False: the row is printed but left out of the total row (memorandum accounts, 9xx).
    in_total: bool = True
    # the department this row is about (a budget line of a unit): printed again in that
    # department's own report (report/unit_report.py)
    department: Segment | None = None


def forms_row_departments(form) -> set[str]:
    """The departments the rows of ``form``'s tables name (``RowDef.department``)."""
    return {
        r.department
        for s in form.sections
        for item in s.items
        if isinstance(item, TableDef)
        for r in item.row_defs
        if r.department
    }


def total_rows(rows: list[RowDef]) -> list[RowDef]:
    """The rows a table's total row adds up (see ``RowDef.level`` and ``in_total``)."""
    return [r for r in rows if r.in_total and r.level == 0]


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


class GrandTotalDef(Strict, frozen=True, kw_only=True):
    """A row after a table's total adding the totals of earlier tables of the same form
    (the courts table: administrative and judicial cases, then "Genel Toplam")."""

    label: Short
    tables: Annotated[list[Segment], Meta(min_length=1, max_length=MAX_ITEMS)]


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
    grand_total: GrandTotalDef | None = None

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
        at_most(table_cells(self), MAX_TABLE_CELLS, _("'{key}' tablosunun hücre sayısı").format(key=self.key))
        _unique([r.key for r in self.row_defs], _("satır"))
        if self.total_row is not False and keys.TOTAL_ROW in [r.key for r in self.row_defs]:
            raise ValueError(_("'toplam' satırı hesaplanır; satır olarak tanımlanamaz"))
        _unique([c.key for c in self.columns], _("sütun"))
        names = {c.key for c in self.columns}
        from .expressions import names_in  # local import: expressions is tiny

        for c in self.columns:
            if c.computed:
                unknown = names_in(c.computed) - names
                if unknown:
                    raise ValueError(
                        _("'{key}' sütununun formülü bilinmeyen sütun kullanıyor: ").format(key=c.key)
                        + ", ".join(sorted(unknown))
                    )
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
    # the report prints the organisation chart drawn from the departments here, before any photo
    org_chart: bool = False
    # a portrait (the foreword's): its first photo printed alone, at the right, without number
    portrait: bool = False


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
        at_most(
            form_slots(self), MAX_DEPARTMENT_SLOTS, _("'{department}' formunun değer sayısı").format(department=self.department)
        )
        _unique([s.key for s in self.sections], _("bölüm"))
        _unique([i.key for s in self.sections for i in s.items], _("alan/tablo"))
        _unique([r.key for r in self.rules], _("kural"))
        totalled: set[str] = set()
        for section in self.sections:
            for item in section.items:
                if isinstance(item, TableDef) and item.grand_total is not None:
                    if not item.total_label:
                        raise ValueError(
                            _("'{table}' tablosunun genel toplamı için kendi toplam satırı (total_row) olmalı").format(
                                table=item.key
                            )
                        )
                    missing = [k for k in item.grand_total.tables if k not in totalled]
                    if missing:
                        raise ValueError(
                            _(
                                "'{table}' tablosunun genel toplamı yalnızca bu formda kendisinden önce gelen ve toplam "
                                "satırı olan tabloları toplayabilir; şunlar öyle değil: {missing}"
                            ).format(table=item.key, missing=", ".join(missing))
                        )
                if isinstance(item, TableDef) and item.total_label:
                    totalled.add(item.key)
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
            raise ValueError(_("'{v}' {what} anahtarı birden fazla kez kullanılmış").format(v=v, what=what))
        seen.add(v)
