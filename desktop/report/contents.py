"""The table of contents: ReportLab's, with each entry's paragraph made once.

ReportLab's ``TableOfContents`` makes a new Paragraph for every entry on each
``wrap`` and measures it again on ``split``; a frame wraps the contents more
than once per pass (trying it, keeping it with its heading), so a hundred
headings were parsed and broken into lines five or six times a build. Here an
entry's paragraph (``paragraph.Paragraph``, which breaks its lines once per
width) is kept for as long as the entry is the same, from one pass to the
next too: the page number is not in the paragraph but read when its end is
drawn, so the pages found by the first pass do not make new paragraphs. The
same table, the same PDF, a fraction of the work.
"""

from __future__ import annotations

from ast import literal_eval

from reportlab.platypus import Spacer, Table
from reportlab.platypus.tableofcontents import TableOfContents, drawPageNumbers

from .paragraph import Paragraph


class Contents(TableOfContents):
    def __init__(self, **kw):
        super().__init__(**kw)
        # (position, level, text, key) → the entry's paragraph; its page is not part of it (the
        # paragraph's end mark names its position and the page is read when it is drawn), so a
        # pass whose pages moved keeps the paragraphs and their lines
        self._made: dict[tuple, Paragraph] = {}

    def wrap(self, availWidth, availHeight):
        """``TableOfContents.wrap`` (ReportLab 5.1), each entry's paragraph made once."""
        entries = self._lastEntries or [(0, "Placeholder for table of contents", 0, None)]

        def drawTOCEntryEnd(canvas, kind, label):
            label = label.split(",")
            position, level, key = int(label[0]), int(label[1]), literal_eval(label[2])
            page = entries[position][2]
            style = self.getLevelStyle(level)
            dot = " . " if self.dotsMinLevel >= 0 and level >= self.dotsMinLevel else ""
            if self.formatter:
                page = self.formatter(page)
            drawPageNumbers(canvas, style, [(page, key)], availWidth, availHeight, dot)

        self.canv.setNamedCB("drawTOCEntryEnd", drawTOCEntryEnd)
        data: list[list] = []
        made: dict[tuple, Paragraph] = {}  # only the entries of this layout are kept
        for position, (level, text, _page, *rest) in enumerate(entries):
            key = rest[0] if rest else None
            style = self.getLevelStyle(level)
            which = (position, level, text, key)
            para = made[which] = self._made.get(which) or self._paragraph(position, level, text, key)
            if style.spaceBefore:
                data.append([Spacer(1, style.spaceBefore)])
            data.append([para])
        self._made = made
        self._table = Table(data, colWidths=(availWidth,), style=self.tableStyle)
        self.width, self.height = self._table.wrapOn(self.canv, availWidth, availHeight)
        return self.width, self.height

    def _paragraph(self, position, level, text, key) -> Paragraph:
        if key:
            text = f'<a href="#{key}">{text}</a>'
            key_value = repr(key).replace(",", "\\x2c").replace('"', "\\x2c")
        else:
            key_value = None
        return Paragraph(
            f'{text}<onDraw name="drawTOCEntryEnd" label="{position},{level},{key_value}"/>', self.getLevelStyle(level)
        )
