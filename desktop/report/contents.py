"""The table of contents: ReportLab's, with each entry's paragraph made once per pass.

ReportLab's ``TableOfContents`` makes a new Paragraph for every entry on each
``wrap`` and measures it again on ``split``; a frame wraps the contents more
than once per pass (trying it, keeping it with its heading), so a hundred
headings were parsed and broken into lines five or six times a build. Here an
entry's paragraph (``paragraph.Paragraph``, which breaks its lines once per
width) is kept for as long as the entry is the same: the same table, the same
PDF, a fraction of the work.
"""

from __future__ import annotations

from ast import literal_eval

from reportlab.platypus import Spacer, Table
from reportlab.platypus.tableofcontents import TableOfContents, drawPageNumbers

from .paragraph import Paragraph


class Contents(TableOfContents):
    def __init__(self, **kw):
        super().__init__(**kw)
        self._made: dict[tuple, Paragraph] = {}  # entry (level, text, page, key) → its paragraph

    def beforeBuild(self):
        super().beforeBuild()
        self._made = {}  # the previous pass's entries are not drawn again

    def wrap(self, availWidth, availHeight):
        """``TableOfContents.wrap`` (ReportLab 5.1), each entry's paragraph made once."""
        entries = self._lastEntries or [(0, "Placeholder for table of contents", 0, None)]

        def drawTOCEntryEnd(canvas, kind, label):
            label = label.split(",")
            page, level, key = int(label[0]), int(label[1]), literal_eval(label[2])
            style = self.getLevelStyle(level)
            dot = " . " if self.dotsMinLevel >= 0 and level >= self.dotsMinLevel else ""
            if self.formatter:
                page = self.formatter(page)
            drawPageNumbers(canvas, style, [(page, key)], availWidth, availHeight, dot)

        self.canv.setNamedCB("drawTOCEntryEnd", drawTOCEntryEnd)
        data: list[list] = []
        for entry in entries:
            level = entry[0]
            style = self.getLevelStyle(level)
            para = self._made.get(entry)
            if para is None:
                para = self._made[entry] = self._paragraph(*entry)
            if style.spaceBefore:
                data.append([Spacer(1, style.spaceBefore)])
            data.append([para])
        self._table = Table(data, colWidths=(availWidth,), style=self.tableStyle)
        self.width, self.height = self._table.wrapOn(self.canv, availWidth, availHeight)
        return self.width, self.height

    def _paragraph(self, level, text, page, key) -> Paragraph:
        if key:
            text = f'<a href="#{key}">{text}</a>'
            key_value = repr(key).replace(",", "\\x2c").replace('"', "\\x2c")
        else:
            key_value = None
        return Paragraph(f'{text}<onDraw name="drawTOCEntryEnd" label="{page},{level},{key_value}"/>', self.getLevelStyle(level))
