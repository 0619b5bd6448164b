"""A definition stored as parts: its head and one part per form, each with its own digest.

A year's definition grows with its departments; a department's file needs its
own form (and the institution unit's), not the year's hundreds. So a stored
definition is its **head** (institution, year, departments, plan: every field
but the forms) and one **part per form**, each the canonical JSON of one form
with its summary ``PartSummary`` (the form's department, its value count and
the SHA-256 of its JSON). The definition's digest is the **root** over them:
the SHA-256 of the head's digest and the ordered summaries (``root_digest``),
the forms' and the plan slices' (``plan_parts``: the head keeps the plan's
skeleton, each department's indicators and activities are a part of their own).

Opening verifies the root against the stored summaries and hashes only the
parts it decodes, each against its own digest when it is decoded: the other
forms' JSON is never hashed nor scanned. The rules between forms (every
department known and with one form; the total value count within its limit)
run on the summaries, which the root covers; a form decoded later is checked to
agree with its summary (its department, its value count) and with every rule
of its struct (``FormDef``) and of the definition (``check``, given by it).
A file may carry only some parts (``None``: a department file carries its own
form and the institution unit's): asking for a form it does not carry raises
``InvalidData`` saying so.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import NamedTuple, TypeVar, overload

import msgspec

from . import limits
from .forms import FormDef, InvalidData, as_builtin
from .i18n import _
from .sha import sha256_hex

FORMAT = "faaliyet-tanim-parcalari 2"  # what the root digest is made of (changes with it)
FORMAT_3 = "faaliyet-tanim-parcalari 1"  # schema 3's: the whole plan in the head, no plan slices


class PartSummary(NamedTuple):
    """What the root digest says of one form: its department, its value count, its JSON's SHA-256."""

    department: str
    slots: int
    digest: str


def root_digest(head_digest: str, summaries: Sequence[PartSummary], plans: Sequence[Sequence[str]] | None) -> str:
    """The definition's digest: SHA-256 of the head's digest, every form's summary and every plan
    slice's (``plan_parts.PlanSummary``), in order (as JSON: a department key of any text cannot
    make two lists hash alike). ``plans`` None: a file of schema 3 (the whole plan in its head)."""
    # (a summary is a tuple: encoded as the JSON array of its values, no list made per summary)
    if plans is None:
        return sha256_hex(msgspec.json.encode([FORMAT_3, head_digest, summaries]))
    return sha256_hex(msgspec.json.encode([FORMAT, head_digest, summaries, plans]))


def part_json(part: msgspec.Struct) -> bytes:
    """A part's canonical JSON (a form, or a definition's head): sorted keys, no spaces."""
    return msgspec.json.encode(part, order="sorted", enc_hook=as_builtin)


def summary_of(form: FormDef, data: bytes) -> PartSummary:
    return PartSummary(form.department, limits.form_slots(form), sha256_hex(data))


T = TypeVar("T")
_FORM = msgspec.json.Decoder(FormDef)


class FormParts(Sequence[FormDef]):
    """The forms of a stored definition in their order, each decoded when first asked for.

    ``summaries``: every form's ``PartSummary`` (covered by the root digest, checked by the
    caller); ``raws``: each form's stored JSON, or None for a form the file does not carry."""

    def __init__(self, summaries: Sequence[PartSummary], raws: Sequence[bytes | None]):
        if len(summaries) != len(raws):
            raise ValueError("summaries and raws differ in length")
        self.summaries = list(summaries)
        self._raws = list(raws)
        self._forms: list[FormDef | None] = [None] * len(self._raws)
        self._checks: list[Callable[[FormDef], None]] = []
        for i, s in enumerate(self.summaries):
            if s.slots < 0:
                raise InvalidData(_("forms[{i}]: formun değer sayısı eksi ({slots})").format(i=i, slots=s.slots))
        self.departments = [s.department for s in self.summaries]
        self.slot_count = sum(s.slots for s in self.summaries)  # every form's values together (a limit)
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

    def carries(self, department: str) -> bool:
        """Whether the file holds the department's form (a department file: its own and the
        institution unit's), or the department has none."""
        i = self._index.get(department)
        return i is None or self._raws[i] is not None or self._forms[i] is not None

    @property
    def complete(self) -> bool:
        """Whether every form is here (a consolidated file, or a file of the old format)."""
        return all(raw is not None or form is not None for raw, form in zip(self._raws, self._forms, strict=True))

    def _form(self, i: int) -> FormDef:
        form = self._forms[i]
        if form is None:
            form = self._build(i)
            self._forms[i] = form  # two threads asking at once both build it: the same form
            self._raws[i] = None  # its JSON is not needed again
        return form

    def _build(self, i: int) -> FormDef:
        summary, raw = self.summaries[i], self._raws[i]
        if raw is None:
            raise InvalidData(
                _(
                    "'{department}' biriminin formu bu dosyada yok: bir birim dosyası yalnızca kendi formunu taşır. "
                    "Bu iş için strateji biriminin birleşik dosyasını kullanın."
                ).format(department=summary.department)
            )
        if sha256_hex(raw) != summary.digest:
            raise InvalidData(
                _("forms[{i}]: '{department}' formu değiştirilmiş (özeti tutmuyor)").format(i=i, department=summary.department)
            )
        form = decode_stored(_FORM.decode, raw, f"forms[{i}]")
        if form.department != summary.department:
            raise InvalidData(
                _("forms[{i}].department: formun birimi iki kez ve farklı yazılmış ({department})").format(
                    i=i, department=form.department
                )
            )
        slots = limits.form_slots(form)
        if slots != summary.slots:
            raise InvalidData(
                _("forms[{i}]: '{department}' formunun değer sayısı ({slots}) özetindekiyle ({summary}) uyuşmuyor").format(
                    i=i, department=form.department, slots=slots, summary=summary.slots
                )
            )
        for check in self._checks:
            try:
                check(form)
            except ValueError as exc:  # as msgspec words a rule of __post_init__
                raise InvalidData(f"forms[{i}]: {exc}") from None
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
    """``decode(text)`` of a stored definition or one of its parts (at ``place``), or InvalidData
    in Turkish naming the place or the limit (the one wording of ``Definition.from_json``)."""
    try:
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
