"""The institution, its year settings, departments and declaration signers."""

from decimal import Decimal
from typing import Annotated, Literal

from msgspec import Meta, field

from .forms import Segment, Strict
from .limits import MAX_PLAN_LIST, Key, Short, check_number


class SignerDef(Strict, kw_only=True):
    role: Literal["ust_yonetici", "mali_hizmetler", "harcama_yetkilisi"]
    name: Short
    title: Short
    place: Short = ""
    date: Key | None = None  # ISO date; printed as 31.12.2020


class InstitutionDef(Strict, kw_only=True):
    key: Segment
    name: Short  # "Kars Belediyesi"
    full_name: Short = ""  # "T.C. KARS BELEDİYE BAŞKANLIĞI"
    address: Short = ""
    phone: Short = ""
    fax: Short = ""
    web: Short = ""
    email: Short = ""
    logo: str | None = None  # file name inside the definition folder


class YearDef(Strict, kw_only=True):
    year: Annotated[int, Meta(ge=2000, le=2100)]
    deviation_tolerance: Decimal = Decimal(0)  # percent, 0..100
    percent_style: Literal["prefix", "suffix"] = "prefix"
    signers: Annotated[list[SignerDef], Meta(max_length=MAX_PLAN_LIST)] = field(default_factory=list)

    def __post_init__(self) -> None:
        check_number(self.deviation_tolerance, "sapma toleransı")
        if not Decimal(0) <= self.deviation_tolerance <= Decimal(100):
            raise ValueError(f"sapma toleransı 0 ile 100 arasında olmalı ({self.deviation_tolerance})")


class DepartmentDef(Strict, kw_only=True):
    key: Segment
    name: Short  # "İtfaiye Müdürlüğü"
    manager: Short = ""
    manager_title: Short = ""
    # "institution" is the strategy unit's own form for the institution-level
    # chapters; it is never a separate department file.
    role: Literal["department", "institution"] = "department"
