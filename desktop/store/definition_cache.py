"""A loaded definition kept compiled (its canonical JSON), so that loading it again costs milliseconds.

Reading a definition folder parses YAML with ruamel's round-trip parser (kept
for the file:line of every message), ~0.85 s for a year's definition; its
canonical JSON decodes in a few ms. ``load`` keeps that JSON in the user's
cache folder under the SHA-256 of everything the loader reads (the name and
bytes of every YAML file, and of the loader's own code), so a changed, added
or removed file is a different key: an entry is never stale. The images the
definition embeds are named inside those files; on a hit each one is read
again and its SHA-256 compared with the embedded one.

A cache entry is untrusted like any file (another program, a full disk, a
kill half-way): it is decoded by ``Definition.from_json`` (every limit and
check of a stored definition) after its digest is checked, and on any problem
the folder is loaded from YAML and the entry rewritten. Only definitions that
loaded are kept: a definition with errors is read from YAML every time and
reported with file and line. Writing the cache is best-effort (a read-only
profile only makes loading slower), always through ``write_atomic``.
"""

from __future__ import annotations

import contextlib
import os
import sys
from functools import lru_cache
from pathlib import Path

import msgspec

from .. import resources
from ..core import limits
from ..core.definition import Definition
from ..core.definition_folder import file_inside, source_files
from ..core.forms import InvalidData
from ..core.institution import EmbeddedImage
from ..core.loader import load_definition
from ..core.sha import sha256
from ..core.yaml_reader import MAX_FILE_BYTES
from .errors import WorkbookError
from .file.tempfiles import write_atomic

ENV = "FAALIYET_CACHE_DIR"  # overrides the folder (tests, a portable install)
MAGIC = b"faaliyet-tanim-onbellek 1"
SUFFIX = ".tanim.json"
KEEP = 32  # entries kept; the oldest go when a new one is written


def cache_folder() -> Path:
    """The user's cache folder by the platform's convention (or ``$FAALIYET_CACHE_DIR``)."""
    return resources.user_folder("cache", ENV)


def load(folder: Path | str) -> Definition:
    """The definition in ``folder``: from the cache when its files are unchanged, else
    ``load_definition`` (which raises ``DefinitionError`` with file:line), then cached."""
    folder = Path(folder)
    key = folder_key(folder)
    try:
        entry = cache_folder() / (key + SUFFIX) if key is not None else None
    except (RuntimeError, OSError):  # no home folder to put a cache in
        entry = None
    if key is None or entry is None:  # e.g. a file the loader will report (missing, too big, unreadable)
        return load_definition(folder)
    definition = _read(entry, key, folder)
    if definition is not None:
        return definition
    definition = load_definition(folder)
    if folder_key(folder) == key:  # not changed while it was read: the entry matches its key
        _write(entry, key, definition)
    return definition


def folder_key(folder: Path) -> str | None:
    """SHA-256 of the loader's code and of the name and bytes of every file it reads; None
    when one of them cannot be read whole (the loader then says why)."""
    h = sha256(MAGIC + b"\0" + _code_fingerprint().encode("ascii"))
    for path in source_files(folder):
        try:
            if not path.is_file():  # missing, or a pipe that would block: the loader says what it is
                return None
            with path.open("rb") as f:
                data = f.read(MAX_FILE_BYTES + 1)
        except OSError:
            return None
        if len(data) > MAX_FILE_BYTES:
            return None
        name = path.relative_to(folder).as_posix().encode("utf-8", "surrogateescape")
        h.update(b"\0%d:%s\0%d:" % (len(name), name, len(data)))
        h.update(data)
    return h.hexdigest()


@lru_cache(maxsize=1)
def _code_fingerprint() -> str:
    """What makes a definition from YAML: the core package's code (its sources, or in a
    frozen build the executable); a new version of the app never reads an old entry."""
    from .. import core

    h = sha256()
    sources = sorted(Path(core.__file__).parent.glob("*.py"))
    try:
        for path in sources:
            h.update(path.name.encode("utf-8") + b"\0" + path.read_bytes() + b"\0")
        if not sources:
            st = os.stat(sys.executable)
            h.update(f"{sys.executable}\0{st.st_size}\0{st.st_mtime_ns}".encode("utf-8", "surrogateescape"))
    except OSError:
        h.update(os.urandom(16))  # unknown code: no entry will ever match
    return h.hexdigest()


def _read(entry: Path, key: str, folder: Path) -> Definition | None:
    """The definition of a cache entry, or None for a missing, damaged or non-matching one."""
    try:
        if not entry.is_file():  # none yet, or a pipe or device put in its place
            return None
        with entry.open("rb") as f:
            blob = f.read(limits.MAX_JSON_BYTES + 200)
    except OSError:
        return None
    head, _, body = blob.partition(b"\n")
    parts = head.split(b" ")
    if len(parts) != 4 or b" ".join(parts[:2]) != MAGIC or parts[2] != key.encode("ascii"):
        return None
    if sha256(body).hexdigest().encode("ascii") != parts[3]:
        return None  # cut short or changed
    try:
        definition = Definition.from_json(body)
    except (InvalidData, ValueError):
        return None
    if b'"sha256"' not in body:  # embeds no image (an EmbeddedImage always has the key): no walk
        return definition
    return definition if _images_match(definition, folder) else None


def _images_match(definition: Definition, folder: Path) -> bool:
    """Every image the definition embeds is still the file of the same name in ``folder``."""
    for image in _images(definition):
        path = file_inside(folder, image.name)
        if isinstance(path, str):
            return False
        try:
            with path.open("rb") as f:
                data = f.read(limits.MAX_LOGO_BYTES + 1)
        except OSError:
            return False
        if sha256(data).hexdigest() != image.sha256:
            return False
    return True


def _images(node) -> list[EmbeddedImage]:
    """Every EmbeddedImage inside a definition (the logo, and any other it may name)."""
    if isinstance(node, EmbeddedImage):
        return [node]
    if isinstance(node, msgspec.Struct):
        return [i for name in node.__struct_fields__ for i in _images(getattr(node, name))]
    if isinstance(node, (list, tuple)):
        return [i for x in node if isinstance(x, (msgspec.Struct, list, tuple)) for i in _images(x)]
    return []


def _write(entry: Path, key: str, definition: Definition) -> None:
    body = definition.canonical_json().encode("utf-8")
    head = b" ".join((MAGIC, key.encode("ascii"), sha256(body).hexdigest().encode("ascii")))
    try:
        write_atomic(entry, head + b"\n" + body)
    except WorkbookError:
        return  # no room or no right to write: loading stays correct, only slower
    _prune(entry.parent)


def _prune(folder: Path) -> None:
    """Keep the newest KEEP entries (a definition edited a hundred times leaves one each)."""
    with contextlib.suppress(OSError):
        entries = []
        for p in folder.glob("*" + SUFFIX):
            with contextlib.suppress(OSError):
                entries.append((p.stat().st_mtime, p))
        for _, p in sorted(entries, reverse=True)[KEEP:]:
            with contextlib.suppress(OSError):
                p.unlink()
