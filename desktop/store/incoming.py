"""Checking a department file that arrives for merging, before anything is written.

In order: not the target itself; the header (a ``-journal`` beside it or WAL
mode is refused with what to do); a private copy is made while hashing its
bytes, so the file cannot change between the checks and the import; the
store's defensive open of the copy (quick_check, application id, schema
version, exact schema); identity (a department file, same institution and
year, a department the target knows); then every row: it belongs to that
department, its key exists in the *target's* definition (so a file made from a
different definition version is accepted exactly when all its keys still
exist), it is not a computed cell, its value has the stored type and passes
the same checks as a typed-in value, every photo's bytes match their hash. A
submitted file whose data no longer matches the hash recorded at submission
was changed outside Faaliyet and is refused.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from ..core.definition import Definition
from ..core.forms import PhotoListDef
from ..core.values import ValueProblem, coerce
from . import codec, fingerprint
from .errors import ImportRejected, WorkbookError
from .safe_open import check_header
from .workbook import Workbook

_NUMBER_TYPES = {"count": (int,), "money": (int,), "decimal": (int, float), "percent": (int, float)}


@dataclass
class Incoming:
    path: Path  # as given by the user
    copy: Path  # the private, checked copy that is attached for the import
    file_hash: str
    department: str
    definition_digest: str
    snapshot: fingerprint.Snapshot
    content_hash: str
    newest: str
    state: str
    clerk: str
    submitted_at: str
    audit_who: dict  # unit target key -> (who, at) of the latest audit row, for values removed there


def same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or os.path.samefile(a, b)
    except OSError:
        return False


def copy_hashing(src: Path, dest: Path) -> str:
    h = hashlib.sha256()
    try:
        with src.open("rb") as fin, dest.open("wb") as fout:
            while chunk := fin.read(1 << 20):
                h.update(chunk)
                fout.write(chunk)
    except OSError as exc:
        raise WorkbookError(f"'{src.name}' okunamadı ({exc.strerror}). Dosyayı yerel diske kopyalayıp yeniden deneyin.") from None
    shutil.copystat(src, dest)
    return h.hexdigest()


def check_incoming(path: Path, target: Workbook, workdir: Path) -> Incoming:
    """Every check of a file before merging it into ``target``; raises WorkbookError/ImportRejected."""
    name = path.name
    if same_file(path, target.path):
        raise ImportRejected(f"'{name}' birleşik dosyanın kendisi; kendi içine aktarılamaz. Birimlerden gelen dosyaları seçin.")
    check_header(path, incoming=True)
    workdir.mkdir(parents=True)
    copy = workdir / name
    file_hash = copy_hashing(path, copy)
    with Workbook.open(copy, incoming=True, user=target.user) as inc:
        _check_identity(inc, target, name)
        dept = inc.department
        snap = fingerprint.read(inc.conn, dept, with_who=True)
        problems = _check_rows(inc, target.definition, dept, snap)
        status = inc.state(dept)
        content_hash = snap.hash
        if status["state"] == "gonderildi" and status["content_hash"] and status["content_hash"] != content_hash:
            problems.append("dosya gönderildikten sonra Faaliyet dışında değiştirilmiş (gönderim özeti tutmuyor)")
        if problems:
            raise ImportRejected(
                f"'{name}' aktarılmadı: dosyanın içeriği güvenilir değil. Birimden 'Gönderilecek kopya' ile yeniden isteyin:",
                problems[:10] + ([f"... ve {len(problems) - 10} sorun daha"] if len(problems) > 10 else []),
            )
        audit_who = {
            target_key: (who, at)
            for target_key, who, at in inc.conn.execute(
                "SELECT target, who, max(at) FROM audit WHERE department = ? GROUP BY target", (dept,)
            )
        }
        return Incoming(
            path=path,
            copy=copy,
            file_hash=file_hash,
            department=dept,
            definition_digest=inc.meta["definition_digest"],
            snapshot=snap,
            content_hash=content_hash,
            newest=fingerprint.newest_change(inc.conn, dept),
            state=status["state"],
            clerk=status["changed_by"],
            submitted_at=status["changed_at"] if status["state"] == "gonderildi" else "",
            audit_who=audit_who,
        )


def _check_identity(inc: Workbook, target: Workbook, name: str) -> None:
    problems = []
    if inc.is_consolidated or not inc.department:
        raise ImportRejected(
            f"'{name}' bir birleşik dosya, birim dosyası değil. Birleşik dosyalar birbirine aktarılmaz; birimlerden gelen dosyaları seçin."
        )
    inst, target_inst = inc.meta.get("institution"), target.meta.get("institution")
    if inst != target_inst:
        problems.append(f"kurum '{inc.meta.get('institution_name', inst)}', birleşik dosyanın kurumu '{target.meta.get('institution_name', target_inst)}'")
    if inc.year != target.year:
        problems.append(f"yıl {inc.year}, birleşik dosyanın yılı {target.year}")
    if target.definition.department(inc.department) is None:
        known = ", ".join(d.key for d in target.definition.departments)
        problems.append(f"birim '{inc.department}' bu yılın tanımında yok (bilinen birimler: {known})")
    if problems:
        raise ImportRejected(f"'{name}' bu birleşik dosyaya ait değil; aktarılmadı:", problems)


def _check_rows(inc: Workbook, definition: Definition, dept: str, snap: fingerprint.Snapshot) -> list[str]:
    problems = []
    conn = inc.conn
    for table in ("entry", "indicator", "activity", "photo"):
        n = conn.execute(f"SELECT count(*) FROM {table} WHERE department != ?", (dept,)).fetchone()[0]
        if n:
            problems.append(f"{n} kayıt başka bir birime ait ('{table}' tablosunda)")
    slots = definition.slots
    for key, raw in snap.entries:
        slot = slots.get(key)
        if slot is None or slot.department != dept:
            problems.append(f"'{key}' bu yılın tanımında {dept} biriminin bir alanı değil")
        elif slot.computed:
            problems.append(f"'{key}' hesaplanan bir değer; dosyada bulunamaz")
        else:
            problem = _value_problem(slot.type, raw)
            if problem:
                problems.append(f"'{key}' ({slot.label}): {problem}")
    indicators = {i.key for i in definition.indicators_of(dept)}
    for key, actual, _expl, _src in snap.indicators:
        if key not in indicators:
            problems.append(f"'{key}' bu yılın tanımında {dept} biriminin bir göstergesi değil")
        elif actual is not None and _value_problem("decimal", actual):
            problems.append(f"'{key}': {_value_problem('decimal', actual)}")
    activities = {a.key for a in definition.activities_of(dept)}
    for key, cost, _expl, _src in snap.activities:
        if key not in activities:
            problems.append(f"'{key}' bu yılın tanımında {dept} biriminin bir faaliyeti değil")
        elif cost is not None and _value_problem("money", cost):
            problems.append(f"'{key}': {_value_problem('money', cost)}")
    for list_key, items in snap.photos:
        d, _, item_key = list_key.partition(".")
        item = definition.item(d, item_key) if d == dept else None
        if not isinstance(item, PhotoListDef):
            problems.append(f"'{list_key}' bu yılın tanımında {dept} biriminin bir fotoğraf listesi değil")
        elif len(items) > item.max_count:
            problems.append(f"'{list_key}' listesinde {len(items)} fotoğraf var (en çok {item.max_count})")
    for pid, sha, data in conn.execute("SELECT id, sha256, data FROM photo"):
        if not isinstance(data, bytes) or hashlib.sha256(data).hexdigest() != sha:
            problems.append(f"fotoğraf {pid}: içeriği kayıtlı özetiyle tutmuyor")
    return problems


def _value_problem(type_: str, raw) -> str | None:
    """Why a stored value is not what Faaliyet would have stored, or None."""
    allowed = _NUMBER_TYPES.get(type_, (str,))
    if type(raw) not in allowed:
        return f"saklanan değer türü yanlış ({type(raw).__name__})"
    try:
        again = codec.encode(type_, coerce(type_, codec.decode(type_, raw)))
    except (ValueProblem, ValueError, ArithmeticError) as exc:
        return str(exc)
    if not (again == raw and type(again) is type(raw)):
        return "saklanan değer Faaliyet'in saklayacağı biçimde değil"
    return None
