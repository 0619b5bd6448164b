"""Long texts to flowables: paragraphs split by blank lines, "- " lines are bullets."""

from __future__ import annotations

from xml.sax.saxutils import escape

from ..core.i18n import _, lazy
from ..core.numbers import bind_units
from ..core.values import TEXT_LIMITS
from ..store.errors import WorkbookError
from .paragraph import Paragraph
from .styles import sheet

UNFIT = lazy(
    "Rapor üretilemedi: {where} {why}. Metni kısaltıp raporu yeniden üretin; önceki rapor dosyası (varsa) olduğu gibi duruyor."
)


def esc(text: str) -> str:
    return escape(str(text))


def checked(text, kind: str, where: str):
    """``text`` if it is within the limit of its kind (``core.values.TEXT_LIMITS``).

    Every text a clerk enters is refused at entry when it is longer; this is
    the report's own guard for a file written elsewhere: it names the field
    instead of failing while laying out a page (or never finishing).
    """
    if isinstance(text, str) and len(text) > TEXT_LIMITS[kind]:
        raise unfit(where, _("çok uzun ({n} karakter; en çok {text_limits})").format(n=len(text), text_limits=TEXT_LIMITS[kind]))
    return text


def flat(text):
    """A multi-line text for a table cell: its lines joined by spaces.

    A table row cannot continue on the next page; joined, a text within its
    kind's limit always fits one (a thousand line breaks would not).
    """
    return " ".join(text.split()) if isinstance(text, str) else text


def unfit(where: str, why: str) -> WorkbookError:
    """The error for a text the report cannot lay out, naming where it is."""
    return WorkbookError(UNFIT.format(where=where, why=why))


def paragraphs(text: str | None, style: str = "body") -> list:
    """Flowables for a long text as a clerk typed it."""
    if not text or not str(text).strip():
        return []
    st = sheet()
    out: list = []
    para: list[str] = []

    def flush():
        if para:
            out.append(Paragraph(bind_units(esc(" ".join(para))), st[style]))
            para.clear()

    for raw in str(text).replace("\r\n", "\n").split("\n"):
        line = raw.strip()
        if not line:
            flush()
        elif line.startswith(("- ", "• ", "* ")) or line in ("-", "•"):
            flush()
            item = line[2:].strip()
            if item:
                out.append(Paragraph(bind_units(esc(item)), st["bullet"], bulletText="•"))
        else:
            para.append(line)
    flush()
    return out
