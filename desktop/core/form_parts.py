"""A definition stored as parts: a small head and one part per form, plan slice, department and aim.

A year's definition grows with its departments; a department's file needs its
own form (and the institution unit's), not the year's hundreds. So a stored
definition is its **head** (``YearHead``: id, version, institution, year, the
plan's name and period: nothing that grows with the departments) and one
**part** per form, per department's plan slice (``plan_parts``), per
department (its ``DepartmentDef``) and per aim of the plan (its goals and
performance targets without their items), each the canonical JSON of one
thing. A part's **leaf** is the SHA-256 of its JSON. The **leaves** of the year
(``pack_leaves``) are every leaf of each kind in order, and one flag byte per
department saying whether it has a form and plan items, packed into one byte
string; the definition's digest is the **root** over the head's digest and the
leaves' (``root_digest``).

A department file carries the head, the leaves and only its own parts (its
form, slice and department, the institution unit's, the departments its parts
name, the aims its slice fills: ``definition_store.needed``). Opening it hashes
the head and the leaves once each into the root, finds each carried part's leaf
at the part's place in the leaves (no other leaf is read, nothing of the other
departments decoded or looped over in Python) and decodes only what it carries,
each part checked against its leaf, each form also against its value count and
every rule of its struct (``FormDef``) and of the definition (``check``, given
by it). The rules between departments (unique keys, roles, who reports to whom,
each form's department known, the total value count) run where every part is:
a definition folder, a consolidated file. Asking a department file for a form
it does not carry raises ``InvalidData`` saying so.

Files of schema 3 stored every form's summary (``PartSummary``) instead, under
a root of their own (``root_digest_3``): read to be migrated, or read-only.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import NamedTuple, TypeVar, overload

import msgspec

from . import limits
from .forms import FormDef, InvalidData, as_builtin
from .i18n import _
from .sha import sha256_hex

FORMAT = "faaliyet-tanim-parcalari 3"  # what the root digest is made of (changes with it; 2: summaries, not leaves)
FORMAT_3 = "faaliyet-tanim-parcalari 1"  # schema 3's: the whole plan in the head, no plan slices

TABLES = 4  # the kinds of part the leaves list, in this order:
FORMS, PLAN, DEPARTMENTS, AIMS = range(TABLES)  # forms, plan slices (``plan_parts``), departments, the plan's aims
LEAF = 32  # a leaf: a part's JSON's SHA-256, as bytes


class PartSummary(NamedTuple):
    """What a file of schema 3 stored of one form: its department, its value count, its JSON's SHA-256."""

    department: str
    slots: int
    digest: str


class Row(NamedTuple):
    """One stored part at hand: its place in its kind's leaves (``position``), its department, its
    leaf (the SHA-256 of ``data``, hex), its value count (a form's; 0 for a plan slice) and its JSON."""

    position: int
    department: str
    digest: str
    slots: int
    data: bytes


class Stored(NamedTuple):
    """What a file stores of a definition: its head's JSON, the year's leaves (``pack_leaves``) and
    the parts at hand (every one, or a department file's) of each kind: forms, plan slices,
    departments (``DepartmentDef``) and the plan's aims (without their items: the skeleton)."""

    head: bytes
    leaves: bytes
    forms: list[Row]
    plan: list[Row]
    departments: list[Row]
    aims: list[Row]

    def of(self, kind: int) -> list[Row]:
        return (self.forms, self.plan, self.departments, self.aims)[kind]

    @property
    def table(self) -> Leaves:
        """The leaves read in place (each kind's count, each part's digest, each department's flags)."""
        return Leaves(self.leaves)


def root_digest(head_digest: str, leaves: bytes) -> str:
    """The definition's digest: SHA-256 of the head's digest and of the leaves (``pack_leaves``:
    every part's digest in order, one byte string hashed once). A department file verifies it from
    its head and its leaves alone, neither decoding nor looping over the other departments' parts."""
    return sha256_hex(msgspec.json.encode([FORMAT, head_digest, sha256_hex(leaves)]))


def root_digest_3(head_digest: str, summaries: Sequence[PartSummary]) -> str:
    """The root of a file of schema 3 (read-only, or read once to be migrated)."""
    # (a summary is a tuple: encoded as the JSON array of its values, no list made per summary)
    return sha256_hex(msgspec.json.encode([FORMAT_3, head_digest, summaries]))


HAS_FORM, HAS_SLICE = 1, 2  # a department's flags in the leaves (``pack_leaves``)


def pack_leaves(kinds: Sequence[Sequence[str]], flags: bytes) -> bytes:
    """Every part's digest (hex), of each kind in turn (``TABLES``), then one byte per department in
    the head's order saying which parts it has (``HAS_FORM``, ``HAS_SLICE``), as one byte string:
    each list's count (4 bytes, big-endian) then its digests (``LEAF`` bytes each) or its flags.
    A department file knows from its own department's flags what it must carry, reading nothing
    of the others."""
    if len(kinds) != TABLES:
        raise ValueError("one list of digests per kind of part")
    lists = b"".join(len(k).to_bytes(4, "big") + bytes.fromhex("".join(k)) for k in kinds)
    return lists + len(flags).to_bytes(4, "big") + flags


class Leaves:
    """The stored leaves (``pack_leaves``) read in place: a kind's count, one part's digest, one
    department's flags."""

    def __init__(self, data: bytes):
        self.data = data
        self._starts: list[tuple[int, int]] = []  # each list's (first byte, count)
        at = 0
        for kind in range(TABLES + 1):
            if at + 4 > len(data):
                raise ValueError("leaves cut short")
            count = int.from_bytes(data[at : at + 4], "big")
            self._starts.append((at + 4, count))
            at += 4 + count * (LEAF if kind < TABLES else 1)
        if at != len(data):
            raise ValueError("leaves of another length")

    def count(self, kind: int) -> int:
        return self._starts[kind][1]

    def digest(self, kind: int, position: int) -> str | None:
        """The leaf of the part at ``position`` of ``kind`` (hex), or None: no such part."""
        start, count = self._starts[kind]
        if not 0 <= position < count:
            return None
        return self.data[start + position * LEAF : start + (position + 1) * LEAF].hex()

    def digests(self, kind: int) -> list[str]:
        return [self.digest(kind, i) or "" for i in range(self.count(kind))]

    def with_rows(self, kinds: Sequence[Sequence[Row]]) -> bytes:
        """These leaves with each given row's digest at its place (a part changed in a department
        file's definition: a department's spending officer)."""
        lists = [self.digests(k) for k in range(TABLES)]
        for kind, rows in enumerate(kinds):
            for r in rows:
                lists[kind][r.position] = r.digest
        return pack_leaves(lists, self.flags)

    @property
    def flags(self) -> bytes:
        """Each department's flags (``HAS_FORM``, ``HAS_SLICE``), in the head's order."""
        start, count = self._starts[TABLES]
        return self.data[start : start + count]


def part_json(part: msgspec.Struct) -> bytes:
    """A part's canonical JSON (a form, or a definition's head): sorted keys, no spaces."""
    return msgspec.json.encode(part, order="sorted", enc_hook=as_builtin)


def summary_of(form: FormDef, data: bytes) -> PartSummary:
    return PartSummary(form.department, limits.form_slots(form), sha256_hex(data))


def changed_form(i: int, department: str) -> InvalidData:
    return InvalidData(_("forms[{i}]: '{department}' formu değiştirilmiş (özeti tutmuyor)").format(i=i, department=department))


def not_here(department: str) -> InvalidData:
    return InvalidData(
        _(
            "'{department}' biriminin formu bu dosyada yok: bir birim dosyası yalnızca kendi formunu taşır. "
            "Bu iş için strateji biriminin birleşik dosyasını kullanın."
        ).format(department=department)
    )


T = TypeVar("T")
_FORM = msgspec.json.Decoder(FormDef)


class FormParts(Sequence[FormDef]):
    """The forms of a stored definition in their order, each decoded when first asked for.

    ``departments``, ``digests``, ``slots``, ``raws``: of each form listed, its department, its
    digest (covered by the root, checked by the caller), its value count and its stored JSON (None:
    a form of a schema-3 file that it does not carry). ``whole``: every form of the year is listed
    (a consolidated file, a schema-3 file); else only the forms a department file carries
    (``positions``: their places in the year's list; ``leaves``: the year's, ``form_parts.Leaves``),
    and ``sure`` names the departments whose form, if they had one, the file would carry (its own
    and the institution unit's): of any other department nothing is known here."""

    def __init__(
        self,
        departments: Sequence[str],
        digests: Sequence[str],
        slots: Sequence[int],
        raws: Sequence[bytes | None],
        *,
        whole: bool = True,
        positions: Sequence[int] | None = None,
        leaves: bytes = b"",
        sure: Iterable[str] = (),
    ):
        if not len(departments) == len(digests) == len(slots) == len(raws):
            raise ValueError("departments, digests, slots and raws differ in length")
        self.departments = list(departments)
        self.digests = list(digests)
        self.slots = list(slots)
        self._raws = list(raws)
        self.whole = whole
        self.positions = list(positions) if positions is not None else list(range(len(self._raws)))
        self.leaves = leaves
        self.places: dict[tuple[str, int], int] = {}  # a department file's: its departments' and aims' places
        self._sure = set(sure)
        self._forms: list[FormDef | None] = [None] * len(self._raws)
        self._checks: list[Callable[[FormDef], None]] = []
        for i, n in enumerate(self.slots):
            if n < 0:
                raise InvalidData(_("forms[{i}]: formun değer sayısı eksi ({slots})").format(i=i, slots=n))
        self.slot_count = sum(self.slots)  # the listed forms' values together (a limit)
        self._index = {d: i for i, d in enumerate(self.departments)}
        self.departments_set = self._index.keys()

    @classmethod
    def of_summaries(cls, summaries: Sequence[PartSummary], raws: Sequence[bytes | None]) -> FormParts:
        """The forms of a file of schema 3: every form's summary, the carried ones' JSON."""
        if len(summaries) != len(raws):
            raise ValueError("summaries and raws differ in length")
        return cls([s.department for s in summaries], [s.digest for s in summaries], [s.slots for s in summaries], raws)

    def bind(self, check: Callable[[FormDef], None]) -> bool:
        """The definition's rules about one form, run on each as it is built; False when the
        parts already belong to another definition (``replace``: its caller checks the forms)."""
        if self._checks:
            return False
        self._checks.append(check)
        return True

    def _known(self, department: str) -> bool:
        """Whether the department's having no form listed means it has none."""
        return self.whole or department in self._sure

    def get(self, department: str) -> FormDef | None:
        """The department's form (decoded and checked now if not yet), or None when it has none;
        InvalidData when the file does not carry it."""
        i = self._index.get(department)
        if i is None:
            if self._known(department):
                return None
            raise not_here(department)
        return self[i]

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
        if i is None:
            return self._known(department)
        return self._raws[i] is not None or self._forms[i] is not None

    @property
    def complete(self) -> bool:
        """Whether every form is here (a consolidated file, or a file of the old format)."""
        return self.whole and all(raw is not None or form is not None for raw, form in zip(self._raws, self._forms, strict=True))

    def data(self, i: int) -> bytes | None:
        """The listed form's canonical JSON (None: a schema-3 file's form it does not carry)."""
        raw = self._raws[i]
        if raw is not None:
            return raw
        form = self._forms[i]
        return part_json(form) if form is not None else None

    def _form(self, i: int) -> FormDef:
        form = self._forms[i]
        if form is None:
            form = self._build(i)
            self._forms[i] = form  # two threads asking at once both build it: the same form
            self._raws[i] = None  # its JSON is not needed again
        return form

    def _build(self, i: int) -> FormDef:
        department, digest, raw = self.departments[i], self.digests[i], self._raws[i]
        if raw is None:
            raise not_here(department)
        if sha256_hex(raw) != digest:
            raise changed_form(i, department)
        form = decode_stored(_FORM.decode, raw, f"forms[{i}]")
        if form.department != department:
            raise InvalidData(
                _("forms[{i}].department: formun birimi iki kez ve farklı yazılmış ({department})").format(
                    i=i, department=form.department
                )
            )
        slots = limits.form_slots(form)
        if slots != self.slots[i]:
            raise InvalidData(
                _("forms[{i}]: '{department}' formunun değer sayısı ({slots}) özetindekiyle ({summary}) uyuşmuyor").format(
                    i=i, department=form.department, slots=slots, summary=self.slots[i]
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
        from .part_validation import explain  # local: needed only to word a part that does not decode

        message = str(exc).replace("`$", f"`${'.' if place else ''}{place}", 1)
        raise InvalidData(explain(message)) from None
    except RecursionError:
        raise InvalidData(_("form tanımı çok derin iç içe")) from None
