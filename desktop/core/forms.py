"""Form definitions: what a department fills in.

A department's form is a list of sections; a section holds items, each one of
a field, a table or a photo list. These are pydantic models loaded from the
YAML files in ``forms/`` (see ``forms/README.md``).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, AfterValidator, model_validator

from . import keys
from .dates import BIMONTHS, MONTH_KEYS, MONTHS

Segment = Annotated[str, AfterValidator(keys.check_segment)]

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
    "I.A", "I.B", "I.C.1", "I.C.2", "I.C.3", "I.C.4", "I.C.5", "I.C.6", "I.D",
    "II.A", "II.B",
    "III.A.1", "III.A.2", "III.A.3", "III.B.1", "III.B.3", "III.B.4",
    "IV.A", "IV.B", "IV.C", "V",
    "ayarlar",  # the year settings (tolerance, signers): edited, never printed as a chapter
)
Chapter = Literal[CHAPTERS]  # type: ignore[valid-type]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class FieldDef(Strict):
    kind: Literal["field"] = "field"
    key: Segment
    label: str
    type: FieldType
    unit: str | None = None
    required: bool = False
    help: str | None = None
    default: str | int | Decimal | None = None
    # False for a check-only field (e.g. a total the department declares so
    # that a rule can compare it with the computed total): entered and
    # validated, never printed in the report.
    print: bool = True

    @property
    def numeric(self) -> bool:
        return self.type in NUMERIC_TYPES


class RowDef(Strict):
    key: Segment
    label: str


class ColumnDef(Strict):
    key: Segment
    label: str
    type: FieldType = "count"
    unit: str | None = None
    # An arithmetic expression over the other columns of the same row,
    # e.g. "resmi + kiralik" or "gerceklesme / tahmin * 100".
    computed: str | None = None
    # How the total row treats this column: "sum" the rows, "compute" the
    # expression again from the totals (rates), or leave it "none".
    total: Literal["sum", "compute", "none"] | None = None
    # A shared upper header over neighbouring columns (two header levels, as
    # in the fire statistics: "Yanma Derecesi" over three columns).
    group: str | None = None

    @property
    def total_mode(self) -> str:
        if self.total:
            return self.total
        if self.computed:
            return "compute"
        return "sum" if self.type in ("count", "decimal", "money") else "none"


class TableDef(Strict):
    kind: Literal["table"] = "table"
    key: Segment
    title: str
    row_header: str = ""
    rows: list[RowDef] | Literal["months", "bimonths"]
    columns: list[ColumnDef] = Field(min_length=1)
    total_row: bool | str = False  # True or a label ("Genel Toplam")
    note: str | None = None
    chart: Literal["bar", "pie"] | None = None

    @property
    def row_defs(self) -> list[RowDef]:
        if self.rows == "months":
            return [RowDef(key=k, label=l) for k, l in zip(MONTH_KEYS, MONTHS)]
        if self.rows == "bimonths":
            return [RowDef(key=k, label=l) for k, l in BIMONTHS]
        return list(self.rows)

    @property
    def total_label(self) -> str | None:
        if self.total_row is False:
            return None
        return "Toplam" if self.total_row is True else str(self.total_row)

    def column(self, key: str) -> ColumnDef | None:
        return next((c for c in self.columns if c.key == key), None)

    @model_validator(mode="after")
    def _unique_keys(self) -> "TableDef":
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
                    raise ValueError(
                        f"'{c.key}' sütununun formülü bilinmeyen sütun kullanıyor: "
                        + ", ".join(sorted(unknown))
                    )
        return self


class PhotoListDef(Strict):
    kind: Literal["photos"] = "photos"
    key: Segment
    title: str
    max_count: int = Field(default=40, ge=1, le=500)


Item = Annotated[Union[FieldDef, TableDef, PhotoListDef], Field(discriminator="kind")]


class SectionDef(Strict):
    key: Segment
    title: str
    chapter: Chapter = "III.B.1"  # type: ignore[valid-type]
    intro: str | None = None
    items: list[Item] = Field(min_length=1)


class RuleDef(Strict):
    key: Segment
    severity: Literal["error", "warning"] = "error"
    check: str  # a boolean expression over value keys
    message: str


class FormDef(Strict):
    department: Segment
    sections: list[SectionDef] = Field(default_factory=list)
    rules: list[RuleDef] = Field(default_factory=list)

    @model_validator(mode="after")
    def _unique(self) -> "FormDef":
        _unique([s.key for s in self.sections], "bölüm")
        _unique([i.key for s in self.sections for i in s.items], "alan/tablo")
        _unique([r.key for r in self.rules], "kural")
        return self


def _unique(values: list[str], what: str) -> None:
    seen: set[str] = set()
    for v in values:
        if v in seen:
            raise ValueError(f"'{v}' {what} anahtarı birden fazla kez kullanılmış")
        seen.add(v)
