"""Checking a department file that arrives for merging, before anything is written.

In order: not the target itself (one ``os.stat`` identity, the target's taken
once per merge); the header, on the first bytes the copy reads (a ``-journal``
beside it or WAL mode is refused with what to do); a private copy is made while
hashing its bytes, so the file cannot change between the checks and the import
(sealed, ``private_copy.py``: the write proves it unchanged without reading its
data again); the store's defensive open of the copy (quick_check, application id, schema
version, exact schema: ``safe_open.verify`` on the copy's bytes loaded into the merge's one
checking connection, ``Checker``, whose settings are every workbook connection's — into one
in-memory database for the whole merge, so that the checks' statements are prepared once
(``slot.py``; a file over 32 MiB attached read-only from its copy); each copy is read in one
read transaction); identity (a department file, same institution and
year, a department the target knows); then every row: it belongs to that
department, its key exists in the *target's* definition (so a file made from a
different definition version is accepted exactly when all its keys still
exist), it is not a computed cell, its value has the stored type and passes
the same checks as a typed-in value, every photo's bytes match their hash. A
submitted file whose data no longer matches the hash recorded at submission
was changed outside Faaliyet and is refused.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ...core.definition import Definition
from ...core.form_parts import Stored
from ...core.i18n import _
from ..errors import DamagedWorkbook, ImportRejected, UntrustedTime, WorkbookError
from ..file import definition_store, fingerprint, stored, stored_values
from ..file.clock import now
from ..file.department_rows import Proven
from ..file.safe_open import (
    NOT_UTF8,
    connect,
    file_stat,
    verify,
)
from ..file.schema import SCHEMA_VERSION
from ..file.workbook import Workbook
from . import private_copy
from .checker import CHECKED, Checker
from .private_copy import Spill, copy_checked


@dataclass
class Incoming:
    path: Path  # as given by the user
    copy: Path  # the private, checked copy that is attached for the import
    file_hash: str
    department: str
    definition_digest: str
    content_hash: str  # of the checked data; its rows are read again from ``copy`` when needed (``read``)
    newest: str
    state: str
    clerk: str
    submitted_at: str
    reopened: dict | None = None  # the file's last submission taken back: {"at", "by", "reason"}
    counts: dict[str, int] | None = None  # units of the checked data by kind (``Snapshot.counts``)
    sealed: tuple[int, ...] | None = None  # the private copy's identity (``private_copy.seal``)
    base: tuple[int, int] | None = None  # where the checked data's canonical text is spilled (``Scratch.spill``)

    def read(self, conn: sqlite3.Connection | None = None, schema: str = "main", verify: bool = True) -> fingerprint.Snapshot:
        """The checked data again, from the private copy (``conn`` with it attached as ``schema``, or
        opened here). Not kept between the phases: a merge's memory is bounded by its largest file,
        not by all files together. ``verify``: its hash must still be the checked one (the write
        verifies before anything is written; comparing need not)."""
        own = conn is None
        c = connect(self.copy, readonly=True) if conn is None else conn
        try:
            snap = fingerprint.read(c, self.department, schema)
        finally:
            if own:
                c.close()
        if verify and snap.hash != self.content_hash:
            raise WorkbookError(
                _("'{name}' denetlendikten sonra geçici kopyası değişti; birleştirmeyi yeniden başlatın.").format(
                    name=self.path.name
                )
            )
        return snap


@dataclass
class Known:
    """A file byte for byte the one its department's data last came from (``imported_files``): nothing
    in it is new, and it is not checked again."""

    path: Path
    department: str


@dataclass
class Scratch:
    """What a merge sets up once for checking all its files: the target's identity
    (``target_stat``), where the checked data is spilled until written (``private_copy``),
    the connection the files are checked on (``Checker``) and the files last imported
    (``imported_files``)."""

    target_st: os.stat_result | None
    spill: Spill | None = None
    checker: Checker | None = None
    imported: dict[str, str] = field(default_factory=dict)

    def close(self) -> None:
        if self.spill is not None:
            self.spill.close()
        if self.checker is not None:
            self.checker.close()


def imported_files(target: Workbook) -> dict[str, str]:
    """{file hash: department} of each department's last import (``import_log``, where each import
    records the SHA-256 of the file's bytes), for the departments of the target's definition. A file
    with one of these hashes is byte for byte the file that department's data last came from: checked
    then, and merging it again changes nothing (its content, state and submission are those of the
    last import), so it is reported unchanged without being checked again (the strategy unit drops
    the whole folder again as each new file arrives)."""
    try:
        rows = target.conn.execute(
            "SELECT file_hash, department FROM import_log WHERE id IN (SELECT max(id) FROM import_log GROUP BY department)"
        ).fetchall()
    except sqlite3.Error:  # the log cannot be read: every file is checked (and the target's trouble said there)
        return {}
    known = target.definition.department
    return {h: d for h, d in rows if type(h) is str and type(d) is str and known(d) is not None}


def same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or os.path.samefile(a, b)
    except (OSError, RuntimeError):  # RuntimeError: a symlink loop (Python < 3.13)
        return False


def target_stat(target: Path) -> os.stat_result | None:
    """The target's ``os.stat``, taken once per merge: each incoming file is compared with it
    (``_is_target``) instead of resolving both paths again for every file."""
    try:
        return os.stat(target)
    except OSError:
        return None


def _is_target(path: Path, st: os.stat_result, target: Path, target_st: os.stat_result | None) -> bool:
    """``same_file(path, target)`` by the identity of two stats (device and file number: any
    name of the same file, a link or a hard link); paths compared only where the file system
    gives no file number."""
    if target_st is not None and st.st_ino and target_st.st_ino:
        return (st.st_dev, st.st_ino) == (target_st.st_dev, target_st.st_ino)
    return same_file(path, target)


class KnownDefinition:
    """The target's definition as stored (``stored_definition``): an incoming file of the same
    definition has its parts compared with these, not decoded again. What it makes of the
    definition for a department (``expected``, ``proven``) is kept for the next merge into the
    same open file while its definition is the same (each is made from the definition alone)."""

    def __init__(self, definition: Definition, digest: str, head: bytes = b"", leaves: bytes = b""):
        self.definition, self.digest, self.head, self.leaves = definition, digest, head, leaves
        self._whole: str | None = None
        self._expected: dict[str, definition_store.Expected] = {}
        self.proven: dict[str, Proven] = {}  # the row pre-filter's, by department (``department_rows``)

    def expected(self, department: str) -> definition_store.Expected:
        """What a file of ``department`` carries (``definition_store.expected``), made once per department."""
        found = self._expected.get(department)
        if found is None:
            found = self._expected[department] = definition_store.expected(self.definition, department)
        return found

    @property
    def whole_digest(self) -> str:
        """The digest a file of schema 2 gives this definition (its one JSON's), made when first asked."""
        if self._whole is None:
            self._whole = definition_store.whole_digest(self.definition.canonical_json())
        return self._whole


def stored_definition(target: Workbook) -> KnownDefinition:
    """The target's definition as stored (its head and leaves, which its opening verified: an
    incoming file storing these very bytes needs them compared, not hashed again, ``open_checked``).
    The last merge's, when the file's definition is still that very one, with the same bytes."""
    digest = target.definition.digest
    row = target.conn.execute(
        "SELECT CAST(d.json AS BLOB), l.data FROM definition d JOIN definition_leaves l ON l.digest = d.digest "
        "WHERE d.digest = ?",
        (digest,),
    ).fetchone()
    if row is None or not isinstance(row[0], bytes) or not isinstance(row[1], bytes):
        return KnownDefinition(target.definition, digest)
    last = target.merge_cache
    if (
        isinstance(last, KnownDefinition)
        and last.definition is target.definition
        and (last.digest, last.head, last.leaves) == (digest, row[0], row[1])
    ):
        return last
    target.merge_cache = known = KnownDefinition(target.definition, digest, row[0], row[1])
    return known


def check_incoming(
    path: Path,
    target: Workbook,
    copy: Path,
    accept_time: bool = False,
    known: KnownDefinition | None = None,
    scratch: Scratch | None = None,
) -> Incoming | Known:
    """Every check of a file before merging it into ``target``; raises WorkbookError/ImportRejected.
    A file whose bytes are those of its department's last import (``scratch.imported``) is ``Known``.

    ``copy``: where the private copy is made (a new name in the merge's temporary folder).
    ``known``: ``stored_definition(target)``, read once per merge; ``scratch``: set up once per merge.

    ``accept_time``: the strategy unit accepts timestamps beyond the present or before the
    year's start (a PC with a wrong clock); without it they refuse the file (UntrustedTime).
    """
    name = path.name
    st = file_stat(path)  # missing, a folder, unreadable: refused with its reason
    scratch = scratch or Scratch(target_stat(target.path))
    if _is_target(path, st, target.path, scratch.target_st):
        raise ImportRejected(
            _("'{name}' birleşik dosyanın kendisi; kendi içine aktarılamaz. Birimlerden gelen dosyaları seçin.").format(name=name)
        )
    imported = scratch.imported
    copied = copy_checked(path, st, copy, imported.__contains__ if imported else None)
    if not copied.made:
        return Known(path, imported[copied.file_hash])
    file_hash, data = copied.file_hash, copied.data
    sealed = private_copy.seal(copy)
    checker = scratch.checker or Checker()
    try:
        known = known or KnownDefinition(target.definition, target.definition.digest)
        conn, meta = open_checked(copy, known, name, checker, data)
        del data  # loaded: a merge's memory is bounded by its largest file
        try:
            inc = _read_fast(
                conn, lambda: _read_checked(conn, meta, target, path, copy, file_hash, accept_time, scratch.spill, known)
            )
            inc.sealed = sealed
            return inc
        except sqlite3.Error as exc:  # damage quick_check does not see
            raise DamagedWorkbook(
                _("'{name}' okunurken hata oluştu ({exc}). Göndereninden dosyayı yeniden isteyin.").format(name=name, exc=exc)
            ) from None
        finally:
            checker.detach()
    finally:
        if checker is not scratch.checker:
            checker.close()


def _read_fast(conn: sqlite3.Connection, read: Callable[[], Incoming]) -> Incoming:
    """``read()`` (``_read_checked`` on ``conn``) with SQLite's own text decoding (a Python call per
    text, ``stored_values.text_factory``, was a tenth of checking a file); a file with any text that is not
    UTF-8 is read again with ``stored_values.text_factory``, so that each such text is a finding
    (``BadText``), exactly as before."""
    conn.text_factory = str
    try:
        return read()
    except sqlite3.OperationalError as exc:
        if not str(exc).startswith(NOT_UTF8):
            raise
    conn.text_factory = stored_values.text_factory
    return read()


def _read_checked(
    conn: sqlite3.Connection,
    meta: dict,
    target: Workbook,
    path: Path,
    copy: Path,
    file_hash: str,
    accept_time: bool,
    spill: Spill | None = None,
    known: KnownDefinition | None = None,
) -> Incoming:
    name = path.name
    dept = _check_identity(meta, target, name)
    snap = fingerprint.read(conn, dept, CHECKED)
    content_hash = snap.hash
    counts = snap.counts()
    text = snap.canonical()
    del snap  # its hash, counts and text (spilled below) are kept: a merge's memory is bounded by its largest file
    found = stored.problems(
        conn, target.definition, dept, target.year, CHECKED, content_hash=content_hash, proven=known.proven if known else None
    )
    problems = [p.message for p in found if p.kind != "time"]
    times = [p.message for p in found if p.kind == "time"]
    row = conn.execute(
        f"SELECT state, changed_at, changed_by, content_hash FROM {CHECKED}.status WHERE department = ?", (dept,)
    ).fetchone()
    state, changed_at, clerk, _submitted_hash = row or ("taslak", "", "", "")
    reopened = _reopened(conn, dept)
    if problems:
        raise ImportRejected(
            _("'{name}' aktarılmadı: dosyanın içeriği güvenilir değil. Birimden 'Gönder…' ile yeniden isteyin:").format(
                name=name
            ),
            _first(problems),
        )
    if times and not accept_time:
        raise UntrustedTime(
            _(
                "'{name}' aktarılmadı: değişiklik zamanları güvenilir değil. Gönderen bilgisayarın saatini denetletin; zamanlar doğruysa yine de aktarmak için --accept-time (pencerede 'Yine de aktar'):"
            ).format(name=name),
            _first(times),
        )
    return Incoming(
        path=path,
        copy=copy,
        file_hash=file_hash,
        department=dept,
        definition_digest=meta["definition_digest"],
        content_hash=content_hash,
        newest=min(fingerprint.newest_change(conn, dept, CHECKED), now()),  # an accepted future time stales no later file
        state=state,
        clerk=clerk,
        submitted_at=changed_at if state == "gonderildi" else "",
        reopened=reopened,
        counts=counts,
        base=spill.put(text, name) if spill is not None else None,  # written to the import log (``write.py``)
    )


def _reopened(conn: sqlite3.Connection, dept: str) -> dict | None:
    """The last submission the clerk took back (``file/sending.py``), as checked text, or None."""
    row = conn.execute(
        f"SELECT at, who, new FROM {CHECKED}.audit WHERE department = ? AND attribute = 'reopen' ORDER BY id DESC LIMIT 1",
        (dept,),
    ).fetchone()
    if row is None or not all(type(v) is str for v in row):
        return None
    at, who, reason = row
    if stored_values.text_problem(reason) is not None:
        return None
    return {"at": at[:40], "by": who[:200], "reason": reason}


def _first(problems: list[str], n: int = 10) -> list[str]:
    return problems[:n] + ([_("... ve {n} sorun daha").format(n=len(problems) - n)] if len(problems) > n else [])


def open_checked(
    path: Path, known: KnownDefinition | None = None, name: str = "", checker: Checker | None = None, data: bytes | None = None
) -> tuple[sqlite3.Connection, dict]:
    """The checks of ``Workbook.open(path, incoming=True)`` on a private copy, read-only.

    The same defensive open (quick_check, application id, schema version,
    exact schema, value sizes) and the same identity rows. The stored definition
    (``definition_store``): its parts must hash to the root digest; a department
    file carries its own form (and only the institution unit's besides). When the
    root is ``known``'s (the target's, ``stored_definition``) the carried forms
    are only hashed (the target has decoded the same ones) and the head is
    compared with the target's bytes, not hashed again; any other definition is
    decoded (head and carried forms) with every check: merging checks every key
    against the *target's* definition. A file of schema 2 (one JSON row) of the
    target's definition is compared by its digest; of another, decoded whole.
    ``name``: the file's name in messages (the user's file, not its private copy).

    The copy is loaded into ``checker``'s connection as ``CHECKED`` (``data``: its bytes, when
    read already; in one read transaction; the caller lets it go, ``Checker.detach``); without a
    checker, into one made here, which the caller closes with the connection. The stored definition's functions read its tables unqualified.
    """
    name = name or path.name
    own = checker is None
    checker = checker or Checker()
    conn = checker.attach(path, name, data)
    try:
        version = verify(conn, name, CHECKED)
        if version < 2:
            raise ImportRejected(
                _(
                    "'{name}' Faaliyet'in eski bir sürümüyle kaydedilmiş. Birim dosyayı bu sürümle bir kez açıp 'Gönder…' ile yeniden göndersin."
                ).format(name=name)
            )
        meta = dict(conn.execute(f"SELECT key, value FROM {CHECKED}.meta").fetchall())
        for needed in ("kind", "institution", "year", "definition_digest"):
            if needed not in meta:
                raise DamagedWorkbook(
                    _("'{name}' eksik: '{needed}' bilgisi yok. Dosyayı yeniden oluşturun.").format(name=name, needed=needed)
                )
        digest = meta["definition_digest"]
        if type(digest) is not str:
            raise DamagedWorkbook(_("'{name}' eksik: form tanımı dosyada yok. Dosyayı yeniden oluşturun.").format(name=name))
        department = meta.get("department") if meta.get("kind") == "department" else None
        department = department if type(department) is str and department else None
        if version < 3:  # schema 2: the whole definition in one row
            _check_whole(conn, digest, name, known)
            return conn, meta
        if version == SCHEMA_VERSION and known is not None and digest == known.digest:
            known_bytes = (known.head, known.leaves, known.digest) if known.head else None
            _check_same(name, known, definition_store.read_parts(conn, digest, name, known_bytes), department)
        else:  # another definition, or one stored by schema 3 (the whole plan in its head): decoded
            definition_store.read(conn, digest, name, department, version)
        return conn, meta
    except BaseException:
        checker.detach()
        if own:
            checker.close()
        raise


def _check_same(name: str, known: KnownDefinition, parts: Stored, department: str | None) -> None:
    """A file whose root is the target's: it carries what a file of its department must (what its
    department has, as the target's definition says), each carried form's and plan slice's bytes the
    target's (they hash to the leaves the root covers: ``read_parts``); nothing is decoded."""
    target = known.definition
    if department is not None and target.department(department) is None:
        return  # not a department of the year: the identity check refuses the file
    if department is None:
        definition_store.check_carried(name, parts, None, None)
        return
    wanted = known.expected(department)
    definition_store.check_carried(name, parts, department, wanted.allowed, wanted.own)
    definition_store.check_whole_set(name, parts, wanted)
    for row in parts.forms:  # its value count as the target's (the leaf covers the form, not the count)
        if row.slots != target.form_slots(row.department):
            raise definition_store.changed(name)


def _check_whole(conn: sqlite3.Connection, digest: str, name: str, known: KnownDefinition | None) -> None:
    """A schema-2 file's definition: the target's (the same digest of the same text), or decoded whole."""
    if known is not None and digest == known.whole_digest:
        row = conn.execute("SELECT typeof(json), CAST(json AS BLOB) FROM definition WHERE digest = ?", (digest,)).fetchone()
        if row is not None and row[0] == "text" and definition_store.whole_digest(row[1]) == digest:
            return
    definition_store.read_whole(conn, digest, name)


def who_changed(inc: Incoming, units: list) -> dict:
    """{unit: (who, when)} of the last change of each unit in the incoming file."""
    conn = connect(inc.copy, readonly=True)
    try:
        return {u: fingerprint.who_changed(conn, u) for u in units}
    finally:
        conn.close()


def _check_identity(meta: dict, target: Workbook, name: str) -> str:
    problems = []
    dept = meta.get("department") or ""
    if meta.get("kind") != "department" or not dept:
        raise ImportRejected(
            _(
                "'{name}' bir birleşik dosya, birim dosyası değil. Birleşik dosyalar birbirine aktarılmaz; birimlerden gelen dosyaları seçin."
            ).format(name=name)
        )
    inst, target_inst = meta.get("institution"), target.meta.get("institution")
    if inst != target_inst:
        problems.append(
            _("kurum '{get}', birleşik dosyanın kurumu '{get2}'").format(
                get=meta.get("institution_name", inst), get2=target.meta.get("institution_name", target_inst)
            )
        )
    if str(meta.get("year")) != str(target.year):
        problems.append(_("yıl {get}, birleşik dosyanın yılı {year}").format(get=meta.get("year"), year=target.year))
    if target.definition.department(dept) is None:
        known = ", ".join(d.key for d in target.definition.departments)
        problems.append(_("birim '{dept}' bu yılın tanımında yok (bilinen birimler: {known})").format(dept=dept, known=known))
    if problems:
        raise ImportRejected(_("'{name}' bu birleşik dosyaya ait değil; aktarılmadı:").format(name=name), problems)
    return dept
