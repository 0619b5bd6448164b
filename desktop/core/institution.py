"""The institution, its year settings, departments and declaration signers."""

import base64
from decimal import Decimal
from typing import Annotated, Literal

from msgspec import Meta, field

from .forms import Segment, Strict, check_factor
from .i18n import _
from .limits import MAX_LOGO_BYTES, MAX_PLAN_LIST, MAX_STORED_SIDE, Key, LimitExceeded, Short, check_number
from .sha import sha256_hex

_MAGIC = {"image/png": b"\x89PNG\r\n\x1a\n", "image/jpeg": b"\xff\xd8\xff"}


class EmbeddedImage(Strict, frozen=True, kw_only=True):
    """An image carried inside the definition (and so inside every file and its digest).

    Never a path: only the loader reads a file (from the definition folder) and
    embeds it; the report draws from these bytes after decoding them as the
    declared JPEG or PNG (``images.image_problem``). Checked here, cheaply, on
    every read: base64, size, the format's signature and the SHA-256."""

    name: Short  # the file it was read from, for messages
    mime: Literal["image/png", "image/jpeg"]
    width: Annotated[int, Meta(ge=1, le=MAX_STORED_SIDE)]
    height: Annotated[int, Meta(ge=1, le=MAX_STORED_SIDE)]
    sha256: Annotated[str, Meta(pattern="^[0-9a-f]{64}$")]
    data: Annotated[str, Meta(max_length=(MAX_LOGO_BYTES + 2) // 3 * 4)]  # base64

    def __post_init__(self) -> None:
        raw = self.raw()  # binascii.Error is a ValueError
        if not raw.startswith(_MAGIC[self.mime]):
            raise LimitExceeded(
                _("'{name}' bir {upper} resmi değil").format(name=self.name, upper=self.mime.split("/")[1].upper())
            )
        if sha256_hex(raw) != self.sha256:
            raise LimitExceeded(_("'{name}' resminin özeti tutmuyor").format(name=self.name))

    def raw(self) -> bytes:
        return base64.b64decode(self.data, validate=True)

    @classmethod
    def of(cls, name: str, data: bytes, mime: str, width: int, height: int) -> dict:
        """Plain data (for the loader's checks) of an image already checked by ``images.embeddable``."""
        return {
            "name": name,
            "mime": mime,
            "width": width,
            "height": height,
            "sha256": sha256_hex(data),
            "data": base64.b64encode(data).decode("ascii"),
        }


SignerRole = Literal["ust_yonetici", "mali_hizmetler", "harcama_yetkilisi"]


class SignerDef(Strict, frozen=True, kw_only=True):
    role: SignerRole
    name: Short
    title: Short
    place: Short = ""
    date: Key | None = None  # ISO date; printed as 31.12.2020


class InstitutionDef(Strict, frozen=True, kw_only=True):
    key: Segment
    name: Short  # "Kars Belediyesi"
    full_name: Short = ""  # "T.C. KARS BELEDİYE BAŞKANLIĞI"
    address: Short = ""
    phone: Short = ""
    fax: Short = ""
    web: Short = ""
    email: Short = ""
    # tanim.yaml names a file inside the definition folder; the loader embeds it
    logo: EmbeddedImage | None = None


class YearDef(Strict, frozen=True, kw_only=True):
    year: Annotated[int, Meta(ge=2000, le=2100)]
    deviation_tolerance: Decimal = Decimal(0)  # percent, 0..100
    percent_style: Literal["prefix", "suffix"] = "prefix"
    signers: Annotated[list[SignerDef], Meta(max_length=MAX_PLAN_LIST)] = field(default_factory=list)
    # a value this many times last year's (or that many times less) is warned as a likely typo;
    # a field, table or indicator may declare its own (``change_factor``)
    change_factor: Decimal = Decimal(10)

    def __post_init__(self) -> None:
        check_factor(self.change_factor, _("yılın değişim katsayısı (change_factor)"))
        check_number(self.deviation_tolerance, _("sapma toleransı"))
        if not Decimal(0) <= self.deviation_tolerance <= Decimal(100):
            raise ValueError(
                _("sapma toleransı 0 ile 100 arasında olmalı ({deviation_tolerance})").format(
                    deviation_tolerance=self.deviation_tolerance
                )
            )


class DepartmentDef(Strict, frozen=True, kw_only=True):
    key: Segment
    name: Short  # "İtfaiye Müdürlüğü"
    manager: Short = ""
    manager_title: Short = ""
    # "institution" is the strategy unit's own form for the institution-level
    # chapters; it is never a separate department file (see roles.py).
    role: Literal["department", "institution"] = "department"
    # the finance unit (Mali Hizmetler): a department like the others whose name the
    # finance declaration prints (see roles.py); at most one
    finance: bool = False
    # the department this one reports to in the organisation chart (organisation.py);
    # none: it reports to the head of the institution
    reports_to: Segment | None = None
