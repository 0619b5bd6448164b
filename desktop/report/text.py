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


class _Lines:
    """A paragraph's markup, made from its lines' place in the clerk's text when the paragraph
    is parsed (``paragraph.Paragraph`` takes it for its text): the story holds the stored text
    once, not a marked-up copy of every paragraph of it until the PDF is saved."""

    __slots__ = ("text", "start", "end")

    def __init__(self, text: str, start: int, end: int):
        self.text, self.start, self.end = text, start, end

    def __call__(self) -> str:
        return bind_units(esc(" ".join(line.strip() for line in self.text[self.start : self.end].split("\n"))))


def paragraphs(text: str | None, style: str = "body") -> list:
    """Flowables for a long text as a clerk typed it."""
    if not text or not str(text).strip():
        return []
    st = sheet()
    out: list = []
    source = str(text).replace("\r\n", "\n")
    para: list[int] = []  # (start, end) of the paragraph's lines, while it goes on

    def flush():
        if para:
            out.append(Paragraph(_Lines(source, para[0], para[1]), st[style]))
            para.clear()

    start = 0
    for raw in source.split("\n"):
        end = start + len(raw)
        line = raw.strip()
        if not line:
            flush()
        elif line.startswith(("- ", "• ", "* ")) or line in ("-", "•"):
            flush()
            item = line[2:].strip()
            if item:
                out.append(Paragraph(bind_units(esc(item)), st["bullet"], bulletText="•"))
        elif para:
            para[1] = end
        else:
            para.extend((start, end))
        start = end + 1
    flush()
    return out
