"""Department files that arrive in a zip archive (a clerk zips the file to e-mail it).

A merge given ``arsiv.zip`` merges each ``.faaliyet`` file in it. A file in an archive is
named by the archive's path and its name in the archive (``arsiv.zip/kars-2020-itfaiye.faaliyet``,
as Windows shows a zip as a folder): that is what the merge reports, and given again (to take a
file refused as older, ``force``) it names the same file.

The archive is untrusted like the files in it: only its ``.faaliyet`` members are read, each
into a file of the merge's own temporary folder under a name of the merge's making (a member's
path is never used as a path); an encrypted member, or one larger than a department file can be
(``MAX_INCOMING_BYTES``, counted while it is read, not believed from the archive), is refused
with what to do. What is read is then checked like any department file (``incoming.py``).

Names in Turkish: Windows' own "Send to > Compressed folder" and older tools write a name in
the PC's DOS code page (857 on a Turkish Windows) without the flag that says UTF-8, which a zip
reader takes for code page 437: "Şubat" came out "┼₧ubat" in the merge's report and the import
log. Such a name is read as UTF-8 when its bytes are that (a Linux or macOS tool's), else as
code page 857 (``shown_name``); a name flagged UTF-8 is read as written.
"""

from __future__ import annotations

import zipfile
import zlib
from pathlib import Path, PureWindowsPath

from ...core.i18n import _
from ..errors import ImportRejected
from ..file.workbook import SUFFIX
from .private_copy import MAX_INCOMING_BYTES, scratch_error

ARCHIVE = ".zip"
_CHUNK = 1 << 20
_UTF8_FLAG = 0x800  # general purpose bit 11: the name is UTF-8
LEGACY_NAMES = "cp857"  # the DOS code page of a Turkish Windows, in which its zip tool writes names
# what reading a damaged archive raises (a bzip2 member's damage is an OSError, said as unreadable)
DAMAGED: tuple[type[Exception], ...] = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    NotImplementedError,
    EOFError,
    ValueError,
    zlib.error,
)
try:
    import lzma

    DAMAGED += (lzma.LZMAError,)
except ImportError:  # a Python without lzma reads no lzma member at all (NotImplementedError)
    pass


def file_name(member: str) -> str:
    """The member's own name, the last part of its name in the archive split at either slash (a
    name made on Windows may hold backslashes; a drive is dropped): never a path to follow."""
    return PureWindowsPath(member).name


def shown_name(info: zipfile.ZipInfo) -> str:
    """The member's name as its maker wrote it (see the module)."""
    if info.flag_bits & _UTF8_FLAG:
        return info.filename
    raw = info.filename.encode("cp437")  # what zipfile read the name as, undone: its bytes
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode(LEGACY_NAMES, errors="replace")


def _entries(z: zipfile.ZipFile) -> dict[str, zipfile.ZipInfo]:
    """The archive's members by their shown names (the first of two with one name)."""
    out: dict[str, zipfile.ZipInfo] = {}
    for info in z.infolist():
        out.setdefault(shown_name(info), info)
    return out


def is_archive(path: Path) -> bool:
    return path.suffix.lower() == ARCHIVE and path.is_file()


def inside(path: Path) -> tuple[Path, str] | None:
    """(archive, member) when ``path`` names a file in an archive (``arsiv.zip/birim.faaliyet``), else None."""
    for parent in path.parents:
        if parent.suffix.lower() == ARCHIVE and parent.is_file():
            return parent, path.relative_to(parent).as_posix()
    return None


def members(archive: Path) -> list[Path]:
    """The department files in ``archive``, each named as a file in it; none: the archive itself
    (the check then says it holds no department file)."""
    try:
        with zipfile.ZipFile(archive) as z:
            names = [n for n, i in _entries(z).items() if not i.is_dir() and n.lower().endswith(SUFFIX)]
    except (zipfile.BadZipFile, OSError, ValueError):
        return [archive]  # refused by ``extract`` with its reason
    return [archive / n for n in names] or [archive]


def extract(archive: Path, member: str | None, dest: Path) -> None:
    """Write ``member`` of ``archive`` (None: the archive as given, holding no department file) to
    ``dest``; ImportRejected with what to do when it cannot be read or must not be."""
    name = archive.name if member is None else file_name(member)
    try:
        with zipfile.ZipFile(archive) as z:
            if member is None:
                raise ImportRejected(
                    _(
                        "'{name}' içinde Faaliyet dosyası (.faaliyet) yok. Birimden dosyanın kendisini ya da onu içeren sıkıştırılmış klasörü isteyin."
                    ).format(name=archive.name)
                )
            info = _entries(z)[member]
            if info.flag_bits & 0x1:
                raise ImportRejected(
                    _(
                        "'{name}' ({archive}) parolalı sıkıştırılmış; okunamıyor. Klasörü parolasıyla bir klasöre çıkarın, sonra dosyayı seçin."
                    ).format(name=name, archive=archive.name)
                )
            _copy(z, info, dest, name, archive.name)
    except KeyError:
        raise ImportRejected(_("'{name}' artık '{archive}' içinde yok.").format(name=name, archive=archive.name)) from None
    except DAMAGED as exc:
        raise ImportRejected(
            _(
                "'{name}' okunamadı: sıkıştırılmış klasör bozuk ya da desteklenmeyen biçimde ({exc}). Birimden yeniden isteyin."
            ).format(name=archive.name if member is None else f"{archive.name}/{name}", exc=exc)
        ) from None
    except OSError as exc:
        raise ImportRejected(
            _("'{name}' okunamadı ({strerror}).").format(name=archive.name, strerror=exc.strerror or exc)
        ) from None


def _copy(z: zipfile.ZipFile, info: zipfile.ZipInfo, dest: Path, name: str, archive: str) -> None:
    """The member's bytes to ``dest``, counted as they come (an archive may say less than it holds)."""
    total = 0
    try:
        out = dest.open("wb")
    except OSError as exc:
        raise scratch_error(exc, name, dest.parent) from None
    with out, z.open(info) as src:
        while chunk := src.read(_CHUNK):
            total += len(chunk)
            if total > MAX_INCOMING_BYTES:
                raise ImportRejected(
                    _(
                        "'{name}' ({archive}) bir birim dosyası için olağan dışı büyük (en çok {max_incoming_bytes} MB). Açılmadı ve aktarılmadı; doğru dosyayı seçtiğinizden emin olun."
                    ).format(name=name, archive=archive, max_incoming_bytes=MAX_INCOMING_BYTES // (1 << 20))
                )
            try:
                out.write(chunk)
            except OSError as exc:
                raise scratch_error(exc, name, dest.parent) from None
