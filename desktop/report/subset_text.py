"""A string in a TrueType subset font, coded and escaped for the PDF in two C-level steps.

ReportLab writes a string in an embedded font by walking it letter by letter
(``TTFont.splitString``: the letter's code in the font's subsets, assigning a
code to a letter the document has not used yet) and then byte by byte again
(``escapePDF``). A report uses a few dozen letters, all assigned in the first
pages: after that the same walk gives the same codes every time. Here a
translation table maps every letter already assigned a code in the first
subset straight to its escaped code (``str.translate``), and a string is
written that way when all its letters are in the table, which is exactly what
ReportLab would have written. A string with a letter not yet assigned (or in
another subset, or without a glyph) goes to ReportLab, which assigns it; the
table follows the font's assignments as they grow.
"""

from __future__ import annotations

from itertools import islice

from reportlab.pdfbase.ttfonts import TTFont

# escapePDF's text for each byte (reportlab.lib.rl_accel)
_ESCAPED = [f"\\{c:03o}" if c < 32 or c >= 127 else ("\\" + chr(c)) if chr(c) in "\\()" else chr(c) for c in range(256)]
_NBSP, _SPACE = 0xA0, 0x20  # splitString writes a no-break space as the space


class _Table:
    __slots__ = ("assignments", "seen", "table", "letters")

    def __init__(self, assignments: dict):
        self.assignments = assignments
        self.seen = 0
        self.table: dict[int, str] = {}
        self.letters: set[str] = set()

    def follow(self) -> None:
        """Take in the letters assigned since the last look (assignments only grow, in order)."""
        a = self.assignments
        if len(a) == self.seen:
            return
        for code, n in islice(a.items(), self.seen, None):
            if n < 256:
                self.table[code] = _ESCAPED[n]
                self.letters.add(chr(code))
                if code == _SPACE:
                    self.table[_NBSP] = _ESCAPED[n]
                    self.letters.add(chr(_NBSP))
        self.seen = len(a)


def escaped(font: TTFont, doc, text: str, tables: dict) -> str | None:
    """``text`` coded in ``font``'s first subset and escaped, or None when ReportLab must do it.

    ``tables`` belongs to the caller's document (one per canvas)."""
    if not text:
        return None
    t = tables.get(font.fontName)
    if t is None:
        state = font.state.get(doc)
        if state is None:
            return None  # nothing assigned yet in this document
        t = tables[font.fontName] = _Table(state.assignments)
    t.follow()
    if not t.letters.issuperset(text):
        return None
    return text.translate(t.table)
