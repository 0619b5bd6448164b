"""The institution, its year settings, departments and declaration signers."""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

from pydantic import Field

from .forms import Segment, Strict


class SignerDef(Strict):
    role: Literal["ust_yonetici", "mali_hizmetler", "harcama_yetkilisi"]
    name: str
    title: str
    place: str = ""
    date: str | None = None  # ISO date; printed as 31.12.2020


class InstitutionDef(Strict):
    key: Segment
    name: str  # "Kars Belediyesi"
    full_name: str = ""  # "T.C. KARS BELEDİYE BAŞKANLIĞI"
    address: str = ""
    phone: str = ""
    fax: str = ""
    web: str = ""
    email: str = ""
    logo: str | None = None  # file name inside the definition folder


class YearDef(Strict):
    year: int = Field(ge=2000, le=2100)
    deviation_tolerance: Decimal = Field(default=Decimal(0), ge=0, le=100)
    percent_style: Literal["prefix", "suffix"] = "prefix"
    signers: list[SignerDef] = Field(default_factory=list)


class DepartmentDef(Strict):
    key: Segment
    name: str  # "İtfaiye Müdürlüğü"
    manager: str = ""
    manager_title: str = ""
    # "institution" is the strategy unit's own form for the institution-level
    # chapters; it is never a separate department file.
    role: Literal["department", "institution"] = "department"
