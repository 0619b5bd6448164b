"""Long texts to flowables: paragraphs split by blank lines, "- " lines are bullets."""

from __future__ import annotations

from xml.sax.saxutils import escape

from reportlab.platypus import Paragraph

from .styles import sheet


def esc(text: str) -> str:
    return escape(str(text))


def paragraphs(text: str | None, style: str = "body") -> list:
    """Flowables for a long text as a clerk typed it."""
    if not text or not str(text).strip():
        return []
    st = sheet()
    out: list = []
    para: list[str] = []

    def flush():
        if para:
            out.append(Paragraph(esc(" ".join(para)), st[style]))
            para.clear()

    for raw in str(text).replace("\r\n", "\n").split("\n"):
        line = raw.strip()
        if not line:
            flush()
        elif line.startswith(("- ", "• ", "* ")) or line in ("-", "•"):
            flush()
            item = line[2:].strip()
            if item:
                out.append(Paragraph(esc(item), st["bullet"], bulletText="•"))
        else:
            para.append(line)
    flush()
    return out
