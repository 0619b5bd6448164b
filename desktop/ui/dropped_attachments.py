"""Attachments dragged out of a mail program: Windows gives their names, not files.

Outlook (and other mail programs) drag an attachment as a "virtual file": the drop carries a
``FileGroupDescriptorW`` (the names) and the bytes on request through COM streams, which Qt
does not read for more than a first file, and often not at all. There is no file to merge, so
the board says what to do instead (save the attachment first) rather than refusing the drop in
silence. ``names`` reads the names from the descriptor (Qt gives it as the format below).
"""

from __future__ import annotations

import struct

# the formats Qt on Windows names a virtual file's descriptor by (wide and ANSI names)
DESCRIPTORS = (
    'application/x-qt-windows-mime;value="FileGroupDescriptorW"',
    'application/x-qt-windows-mime;value="FileGroupDescriptor"',
)
_ITEM = 592  # sizeof(FILEDESCRIPTORW)
_NAME_AT = 72  # the offset of cFileName in it (WCHAR[260])
_MAX_ITEMS = 1000


def names(descriptor: bytes) -> list[str]:
    """The file names in a FILEGROUPDESCRIPTORW; [] when it cannot be read (it comes from another program)."""
    if len(descriptor) < 4:
        return []
    (count,) = struct.unpack_from("<I", descriptor)
    if count > _MAX_ITEMS or len(descriptor) < 4 + count * _ITEM:
        return []
    out = []
    for i in range(count):
        start = 4 + i * _ITEM + _NAME_AT
        raw = descriptor[start : start + 520].decode("utf-16-le", errors="replace")
        name = raw.split("\0", 1)[0].strip()
        if name:
            out.append(name)
    return out


def listed(found: list[str], most: int = 5) -> str:
    """The names for a message: " ('a.faaliyet', 'b.faaliyet')", the first ``most`` of them; "" for none."""
    if not found:
        return ""
    return " (" + ", ".join(f"'{n}'" for n in found[:most]) + (" …" if len(found) > most else "") + ")"


def dragged(mime) -> list[str] | None:
    """The names of the attachments a drop's ``QMimeData`` carries out of a mail program ([] when
    their names cannot be read), or None when it carries none."""
    for fmt in DESCRIPTORS:
        if mime.hasFormat(fmt):
            return names(bytes(mime.data(fmt).data())) if fmt == DESCRIPTORS[0] else []
    return None
