"""The return file: the strategy unit's "send back with a note" as a small file the clerk opens.

The strategy unit sends a department back (``make`` + ``write``, in the
consolidated file); what reaches the clerk is a JSON file naming the
institution, year, department, the content hash of the submitted file it
answers (the department's last import), the note, the fields to fix, who and
when, and a SHA-256 digest over all of it (``digest``: a damaged or edited
file is refused). The clerk's side (``read`` + ``receive``) treats the file as
untrusted: a size limit before reading, strict JSON (no duplicate keys, no
NaN, exactly the known keys with their types), then the identity and the hash
checked against the open department file. Received, the file is unlocked
(state ``geri``) with the note, and one ``return`` audit row keeps the
return; ``returned.findings`` gives a warning per named field (rule
``geri_gonderildi``) while the file stays sent back. Every refusal is a Turkish ``WorkbookError``
and leaves both files as they were.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import stat
from dataclasses import dataclass
from pathlib import Path

from ...core.definition import Definition
from ...core.i18n import _
from ..errors import WorkbookError
from . import fingerprint
from .clock import now
from .returned import AUDIT, labels, last_return, loads
from .stored_values import text_problem
from .tempfiles import publish, temp_beside, write_error
from .workbook import Workbook

SUFFIX = ".geri.json"
FORMAT = "faaliyet-geri-gonderme"
VERSION = 1
MAX_BYTES = 64 * 1024  # a note of 1,000 characters and 200 field keys fit many times over
MAX_FIELDS = 200
_KEYS = ("format", "version", "institution", "year", "department", "content_hash", "note", "fields", "by", "at", "digest")


@dataclass(frozen=True)
class ReturnNote:
    institution: str
    year: int
    department: str
    content_hash: str  # the department's content as the strategy unit received it (its last import)
    note: str
    fields: tuple[str, ...] = ()
    by: str = ""
    at: str = ""

    def body(self) -> dict:
        return {
            "format": FORMAT,
            "version": VERSION,
            "institution": self.institution,
            "year": self.year,
            "department": self.department,
            "content_hash": self.content_hash,
            "note": self.note,
            "fields": list(self.fields),
            "by": self.by,
            "at": self.at,
        }

    @property
    def digest(self) -> str:
        return hashlib.sha256(fingerprint.canonical(self.body()).encode("utf-8")).hexdigest()

    def dumps(self) -> str:
        return json.dumps({**self.body(), "digest": self.digest}, ensure_ascii=False, indent=1) + "\n"


def default_name(department: str, year: int) -> str:
    return f"{department}-{year}{SUFFIX}"


# --- the strategy unit's side ------------------------------------------------------------
def make(wb: Workbook, department: str, note: str, fields=()) -> ReturnNote:
    """The return of ``department`` from the consolidated ``wb`` (checked; nothing written)."""
    if wb.department is not None:
        raise WorkbookError(_("Geri gönderme notu birleşik dosyadan yazılır; bu bir birim dosyası."))
    if department not in wb.departments:
        raise WorkbookError(_("'{d}' birimi bu dosyada yok.").format(d=department))
    note = (note or "").strip()
    if not note:
        raise WorkbookError(_("Geri gönderirken birime ne yapması gerektiğini bir notla yazın."))
    if text_problem(note) is not None:
        raise WorkbookError(_("Not çok uzun ya da okunamıyor: {p}. Kısaltıp yeniden deneyin.").format(p=text_problem(note)))
    row = wb.conn.execute(
        "SELECT content_hash FROM import_log WHERE department = ? ORDER BY id DESC LIMIT 1", (department,)
    ).fetchone()
    if row is None:
        raise WorkbookError(_("'{d}' biriminin dosyası henüz gelmedi; geri gönderilecek bir şey yok.").format(d=department))
    keys = tuple(dict.fromkeys(str(f).strip() for f in fields if str(f).strip()))
    _check_fields(wb.definition, department, keys)
    return ReturnNote(
        institution=str(wb.meta.get("institution", "")),
        year=wb.year,
        department=department,
        content_hash=row[0],
        note=note,
        fields=keys,
        by=wb.user,
        at=now(),
    )


def write(wb: Workbook, ret: ReturnNote, out: Path) -> Path:
    """Send the department back in the consolidated file and write the return file to ``out`` (a
    folder: into it as ``default_name``); returns the path written.

    The file is written beside ``out`` first; the send-back is recorded; then the file is renamed
    into place. A refused or failed send-back leaves ``out`` (an older return file) as it was."""
    from .submission import send_back  # the one rule of sending back

    out = Path(out)
    if out.suffix.lower() == ".faaliyet":
        raise WorkbookError(
            _("Geri gönderme dosyası bir .faaliyet dosyasının üzerine yazılamaz; '{s}' ile biten bir ad verin.").format(s=SUFFIX)
        )
    if out.is_dir():  # a folder (the share the clerk reads): the file's usual name in it, as a copy sent there
        out = out / default_name(ret.department, wb.year)
    tmp = None
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        tmp = temp_beside(out)
        tmp.write_text(ret.dumps(), "utf-8")
        send_back(wb, ret.department, ret.note, record=ret.dumps())
        publish(tmp, out)
    except OSError as exc:
        raise write_error(out, exc) from None
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                tmp.unlink()
    return out


def sent(wb: Workbook, department: str | None = None) -> list[dict]:
    """The returns written from this consolidated file (newest first): department, at, by, note, fields."""
    out = []
    sql = "SELECT department, at, who, new FROM audit WHERE attribute = ? AND (?2 IS NULL OR department = ?2) ORDER BY id DESC"
    for dept, at, who, text in wb.conn.execute(sql, (AUDIT, department)):
        body = loads(text)
        out.append({"department": dept, "at": at, "by": who, "note": body.get("note", ""), "fields": body.get("fields", [])})
    return out


# --- the clerk's side ------------------------------------------------------------------
def read(path: Path) -> ReturnNote:
    """A return file, strictly parsed; WorkbookError (Turkish, what to do) when it is not one."""
    path = Path(path)
    name = path.name
    try:
        st = path.stat()
        if not stat.S_ISREG(st.st_mode):  # a pipe or a device would be read forever
            raise WorkbookError(
                _("'{n}' bir dosya değil. Strateji Geliştirme'nin gönderdiği .geri.json dosyasını seçin.").format(n=name)
            )
        size = st.st_size
        if size > MAX_BYTES:
            raise WorkbookError(
                _(
                    "'{n}' bir geri gönderme dosyası için çok büyük ({k} KB; en çok {m} KB). Strateji Geliştirme'den yeniden isteyin."
                ).format(n=name, k=size // 1024, m=MAX_BYTES // 1024)
            )
        with path.open("rb") as fh:
            raw = fh.read(MAX_BYTES + 1)
    except OSError as exc:
        raise WorkbookError(_("'{n}' okunamadı ({e}).").format(n=name, e=exc.strerror)) from None
    bad = _("'{n}' bir geri gönderme dosyası değil ya da bozulmuş ({p}). Strateji Geliştirme'den yeniden isteyin.")
    try:
        data = json.loads(raw.decode("utf-8"), object_pairs_hook=_no_duplicates, parse_constant=_no_constant)
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:  # RecursionError: nesting thousands deep
        raise WorkbookError(bad.format(n=name, p=_("JSON okunamadı: {e}").format(e=str(exc)[:120]))) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise WorkbookError(bad.format(n=name, p=_("biçim tanınmıyor")))
    if data.get("version") != VERSION:
        raise WorkbookError(
            _("'{n}' Faaliyet'in başka bir sürümüyle yazılmış (sürüm {v}). Aynı sürümle yeniden yazılmasını isteyin.").format(
                n=name, v=str(data.get("version"))[:20]
            )
        )
    if sorted(data) != sorted(_KEYS):
        raise WorkbookError(bad.format(n=name, p=_("beklenmeyen ya da eksik alanlar")))
    text_keys = ("institution", "department", "content_hash", "note", "by", "at", "digest")
    fields = data["fields"]
    if (
        any(type(data[k]) is not str for k in text_keys)
        or type(data["year"]) is not int
        or type(fields) is not list
        or len(fields) > MAX_FIELDS
        or any(type(f) is not str or not f or len(f) > 200 for f in fields)
        or len(data["content_hash"]) != 64
    ):
        raise WorkbookError(bad.format(n=name, p=_("alanların türü ya da uzunluğu geçersiz")))
    if text_problem(data["note"]) is not None or not data["note"].strip():
        raise WorkbookError(bad.format(n=name, p=_("not boş, çok uzun ya da okunamıyor")))
    ret = ReturnNote(
        institution=data["institution"],
        year=data["year"],
        department=data["department"],
        content_hash=data["content_hash"],
        note=data["note"],
        fields=tuple(fields),
        by=data["by"][:200],
        at=data["at"][:40],
    )
    if ret.digest != data["digest"]:
        raise WorkbookError(bad.format(n=name, p=_("özet tutmuyor: dosya yazıldıktan sonra değiştirilmiş")))
    return ret


def check(wb: Workbook, ret: ReturnNote, name: str = "") -> None:
    """Does ``ret`` answer this department file as it is now? WorkbookError (Turkish) when not."""
    name = name or _("geri gönderme dosyası")
    if wb.department is None:
        raise WorkbookError(_("'{n}' bir birimin dosyası içindir; birleşik dosyada açılmaz.").format(n=name))
    problems = []
    if ret.institution != str(wb.meta.get("institution", "")):
        problems.append(_("kurum farklı"))
    if ret.year != wb.year:
        problems.append(_("yıl {a}, dosyanızın yılı {b}").format(a=ret.year, b=wb.year))
    if ret.department != wb.department:
        problems.append(
            _("birim '{a}', dosyanızın birimi '{b}'").format(a=wb.definition.department_name(ret.department), b=wb.department)
        )
    if problems:
        raise WorkbookError(_("'{n}' bu dosyaya ait değil: {p}. Doğru dosyayı açın.").format(n=name, p="; ".join(problems)))
    try:
        _check_fields(wb.definition, wb.department, ret.fields)
    except WorkbookError as exc:
        raise WorkbookError(_("'{n}' okunamadı: {e}").format(n=name, e=exc)) from None
    state = wb.state()
    here = state["content_hash"] if state["state"] == "gonderildi" else fingerprint.content_hash(wb.conn, wb.department)
    if ret.content_hash != here:
        raise WorkbookError(
            _(
                "'{n}' dosyanızın gönderdiğiniz haline yazılmış, ama dosyanız o halde değil (içerik özeti tutmuyor). "
                "Strateji Geliştirme'ye en son gönderdiğiniz dosyayı açın ya da notu yeniden isteyin."
            ).format(n=name)
        )


def receive(wb: Workbook, ret: ReturnNote, name: str = "") -> bool:
    """Unlock the department file with the note (state ``geri``, one transaction with its audit row).
    False when this very return was received already (nothing written)."""
    if wb.readonly:
        raise WorkbookError(_("Dosya salt okunur açık: {r}").format(r=wb.readonly_reason))
    last = received(wb)
    if last is not None and last.digest == ret.digest and wb.state()["state"] == "geri":
        return False
    check(wb, ret, name)
    dept = ret.department  # the file's own (``check``)
    with wb.transaction() as conn:
        wb.write_state(conn, dept, "geri", note=ret.note, content_hash=ret.content_hash)
        wb._audit(conn, dept, dept, AUDIT, None, ret.dumps())
    return True


def received(wb: Workbook, department: str | None = None) -> ReturnNote | None:
    """The last return received by a department file (None: never sent back by file)."""
    dept = department or wb.department
    body = last_return(wb.conn, dept) if dept else {}
    if not body:
        return None
    try:
        return ReturnNote(
            institution=str(body["institution"]),
            year=int(body["year"]),
            department=str(body["department"]),
            content_hash=str(body["content_hash"]),
            note=str(body["note"]),
            fields=tuple(str(f) for f in body["fields"]),
            by=str(body["by"]),
            at=str(body["at"]),
        )
    except (KeyError, TypeError, ValueError):
        return None


def beside(path: Path, limit: int = 50) -> list[Path]:
    """Return files in the folder of a department file (newest first; at most ``limit`` looked at)."""
    try:
        found = [p for p in sorted(Path(path).parent.glob("*" + SUFFIX))[:limit] if p.is_file()]
    except OSError:
        return []
    return sorted(found, key=lambda p: p.stat().st_mtime, reverse=True)


# --- shared -------------------------------------------------------------------------------
def _check_fields(definition: Definition, department: str, keys) -> None:
    if len(keys) > MAX_FIELDS:
        raise WorkbookError(_("En çok {m} alan işaretlenebilir.").format(m=MAX_FIELDS))
    known = labels(definition, department)
    unknown = [k for k in keys if k not in known]
    if unknown:
        raise WorkbookError(
            _("'{d}' biriminde şu alanlar yok: {k}. Alan anahtarlarını 'faaliyet fields {d}' ile listeleyin.").format(
                d=department, k=", ".join(unknown[:10])
            )
        )


def _no_duplicates(pairs):
    keys = [k for k, _v in pairs]
    if len(keys) != len(set(keys)):
        raise ValueError(_("aynı alan iki kez"))
    return dict(pairs)


def _no_constant(name):
    raise ValueError(_("geçersiz sayı {name}").format(name=name))
