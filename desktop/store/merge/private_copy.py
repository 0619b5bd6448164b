"""What a merge keeps of each checked file until it is written, and the proof that it is unchanged.

Every incoming file is checked on a private copy in the merge's temporary folder,
made while its bytes are hashed and its header checked (``copy_checked``; checked by
``incoming.py``); the write (``write.py``) imports from that copy, and must import
exactly what was checked. The proof used to be reading the copy's data again and
hashing it (its content hash); that read is now needed only when the cheaper proof
fails:

* ``seal``: right after the copy is made, its modification time is set to a fixed
  past moment (2000-01-01) and its identity taken (device, file number, size,
  modification and change times). Writing to the file afterwards sets its
  modification time to the present and changes its change time: ``unchanged``
  then fails. Where the file system does not keep the pinned time, there is no
  seal and the write reads and hashes the data again, as before.
* ``Spill``: the checked data's canonical text (``fingerprint.Snapshot.canonical``,
  whose SHA-256 is the content hash) is written to one scratch file per merge, and
  read back at the write for the import log's snapshot (``base``); read back, it is
  used only if it still hashes to the content hash. Not kept in memory: a merge's
  memory is bounded by its largest file, not by all files together.

Either proof failing is no error: the write falls back to reading the copy's data and
comparing its hash, and refuses the file when that differs (``Incoming.read``).
"""

from __future__ import annotations

import errno
import hashlib
import os
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO, NamedTuple

from ...core.i18n import _
from ...core.sha import sha256_hex
from ..errors import ImportRejected, WorkbookError
from ..file.safe_open import check_head, check_no_journal, unreadable
from .slot import IN_MEMORY_BYTES

PINNED_NS = 946_684_800 * 10**9  # 2000-01-01 00:00:00 UTC: even seconds, kept by FAT too


def _identity(st: os.stat_result) -> tuple[int, ...]:
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)


def seal(copy: Path) -> tuple[int, ...] | None:
    """Pin the copy's modification time and return its identity (None: not kept, no seal)."""
    try:
        os.utime(copy, ns=(PINNED_NS, PINNED_NS))
        st = os.stat(copy)
    except OSError:
        return None
    return _identity(st) if st.st_mtime_ns == PINNED_NS else None


def unchanged(copy: Path, sealed: tuple[int, ...] | None) -> bool:
    """Whether the copy still has the identity ``seal`` gave it."""
    if sealed is None:
        return False
    try:
        return _identity(os.stat(copy)) == sealed
    except OSError:
        return False


def scratch_error(exc: OSError, name: str, folder: Path) -> WorkbookError:
    """A file's private copy (or its spilled text) could not be written to the merge's ``folder``."""
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return WorkbookError(
            _(
                "Disk dolu: '{name}' denetim için geçici klasöre ({parent}) kopyalanamadı. O diskte yer açıp yeniden deneyin; birleşik dosya değişmedi."
            ).format(name=name, parent=folder)
        )
    return WorkbookError(
        _("'{name}' okunamadı ({strerror}). Dosyayı yerel diske kopyalayıp yeniden deneyin.").format(
            name=name, strerror=exc.strerror
        )
    )


class Spill:
    """One scratch file per merge holding each checked file's canonical text (see the module)."""

    def __init__(self, path: Path):
        self.path = path
        self._file: BinaryIO | None = None

    def put(self, text: str, name: str) -> tuple[int, int]:
        """Where ``text`` (of the file ``name``) was written: (offset, length)."""
        data = text.encode("utf-8")
        try:
            if self._file is None:
                self._file = self.path.open("w+b")
            offset = self._file.seek(0, os.SEEK_END)
            self._file.write(data)
            self._file.flush()
        except OSError as exc:
            raise scratch_error(exc, name, self.path.parent) from None
        return offset, len(data)

    def get(self, place: tuple[int, int] | None, content_hash: str) -> str | None:
        """The text at ``place`` if it still hashes to ``content_hash``, else None."""
        if place is None or self._file is None:
            return None
        try:
            self._file.seek(place[0])
            data = self._file.read(place[1])
        except OSError:
            return None
        if len(data) != place[1] or sha256_hex(data) != content_hash:
            return None
        return data.decode("utf-8")

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None


MAX_INCOMING_BYTES = 1 << 30  # refused before it is copied: photos are scaled down, a year's file is far smaller


class Copied(NamedTuple):
    """What ``copy_checked`` did: the SHA-256 of the file's bytes, the bytes themselves for a file of
    at most ``slot.IN_MEMORY_BYTES`` (else None), and whether the private copy was made (not when the
    hash is one the caller has ``seen``)."""

    file_hash: str
    data: bytes | None
    made: bool = True


def copy_checked(src: Path, st: os.stat_result, dest: Path, seen: Callable[[str], bool] | None = None) -> Copied:
    """The header checks (``safe_open.check_head``) on the first chunk read, then, unless refused,
    the private copy at ``dest`` (``Copied``). The file is read once: its header is checked on the
    bytes the copy is made of, before anything is written. ``seen(hash)``: for a file of at most
    ``slot.IN_MEMORY_BYTES``, whether its bytes are ones already known (a department's last imported
    file): then no copy is made (``Copied.made`` False). A file written while it was copied is
    refused (``_unchanged_while_copied``)."""
    name = src.name
    try:
        fin = src.open("rb", buffering=0)
    except OSError as exc:
        raise unreadable(name, exc) from None
    with fin:
        try:
            chunk = fin.read(1 << 20)
        except OSError as exc:
            raise unreadable(name, exc) from None
        check_head(src, chunk, st.st_size)
        check_no_journal(src)
        size = st.st_size
        if size > MAX_INCOMING_BYTES:
            raise ImportRejected(
                _(
                    "'{name}' bir birim dosyası için olağan dışı büyük ({size} MB; en çok {max_incoming_bytes} MB). Kopyalanmadı ve aktarılmadı; doğru dosyayı seçtiğinizden emin olun."
                ).format(name=name, size=size // (1 << 20), max_incoming_bytes=MAX_INCOMING_BYTES // (1 << 20))
            )
        head = chunk[:100]
        if seen is not None and size <= IN_MEMORY_BYTES:
            chunk = _read_rest(fin, chunk, name)
            if len(chunk) <= IN_MEMORY_BYTES:  # (else the file grew since its size was taken: copied as it streams)
                file_hash = hashlib.sha256(chunk).hexdigest()
                if seen(file_hash):  # byte for byte a file checked whole before: not read mid-change
                    return Copied(file_hash, None, made=False)
                _write(dest, chunk, name)
                _unchanged_while_copied(src, head)
                return Copied(file_hash, chunk)
        copied = Copied(*_copy_rest(fin, chunk, src, dest, keep=size <= IN_MEMORY_BYTES))
        _unchanged_while_copied(src, head)
        return copied


def _unchanged_while_copied(src: Path, head: bytes) -> None:
    """Refuse a copy taken while the file was being written: its journal is beside it now, or its
    header is no longer the one the copy began with (SQLite counts every commit in it, bytes 24–27).
    A clerk's window on the network share writes each change as it is typed; bytes copied across a
    change are half of it. The copy is checked afterwards too, but a change half copied may still
    look whole."""
    try:
        with src.open("rb") as f:
            now_head = f.read(100)
    except OSError as exc:
        raise unreadable(src.name, exc) from None
    if now_head == head and not Path(str(src) + "-journal").exists():
        return
    raise ImportRejected(
        _(
            "'{name}' kopyalanırken değişti: dosya şu anda bir Faaliyet penceresinde açık ve yazılıyor olabilir. Birim pencereyi kapatsın ya da 'Gönder…' ile bir kopyasını göndersin; sonra yeniden deneyin."
        ).format(name=src.name)
    )


def _read_rest(fin, chunk: bytes, name: str) -> bytes:
    """``chunk`` and what follows it, up to just over ``IN_MEMORY_BYTES``."""
    chunks, total = [chunk], len(chunk)
    while total <= IN_MEMORY_BYTES:
        try:
            more = fin.read(1 << 20)
        except OSError as exc:
            raise unreadable(name, exc) from None
        if not more:
            break
        chunks.append(more)
        total += len(more)
    return chunks[0] if len(chunks) == 1 else b"".join(chunks)


def _write(dest: Path, data: bytes, name: str) -> None:
    try:
        with dest.open("wb") as fout:
            fout.write(data)
    except OSError as exc:
        raise scratch_error(exc, name, dest.parent) from None


def _copy_rest(fin, chunk: bytes, src: Path, dest: Path, keep: bool) -> tuple[str, bytes | None]:
    h = hashlib.sha256()
    kept: list[bytes] = []
    try:
        with dest.open("wb") as fout:
            while chunk:
                h.update(chunk)
                fout.write(chunk)
                if keep:
                    kept.append(chunk)
                    keep = sum(map(len, kept)) <= IN_MEMORY_BYTES  # the file grew since its size was taken
                chunk = fin.read(1 << 20)
    except OSError as exc:
        raise scratch_error(exc, src.name, dest.parent) from None
    data = (kept[0] if len(kept) == 1 else b"".join(kept)) if keep and kept else None
    return h.hexdigest(), data
