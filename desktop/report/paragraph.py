"""The report's paragraph: ReportLab's ``Paragraph``, parsed and broken into lines only while laid out.

ReportLab parses a paragraph's markup when it is made and breaks its lines
on every ``wrap``: when a frame tries it, when a ``KeepTogether`` measures
its group, and again on every pass of ``multiBuild``. The rules here:

* The lines depend only on the text, the style and the width, none of which
  change once the paragraph is made, so the first result for a width is kept
  and given back: the same lines, the same height, the same PDF, without
  measuring every word again while the paragraph is being placed.
* A paragraph of the story is kept as its text until a frame asks for it,
  and goes back to its text once it is drawn, split or (in the dry pass)
  placed (``release``): a five-thousand-page report held every paragraph's
  parse and lines from the first pass to the end, memory growing with the
  pages. The parse and the lines are made again from the same text when
  needed (the next pass), so the PDF is the same.
"""

from __future__ import annotations

import copy
import weakref

from reportlab.platypus import Paragraph as _Paragraph
from reportlab.platypus.paragraph import cleanBlockQuotedText, textTransformFrags
from reportlab.platypus.paraparser import ParaParser
from reportlab.rl_config import _FUZZ

from .paragraph_text import draw_plain

# what laying out and drawing set on a paragraph (its parse, its lines, its frame and canvas);
# everything else (how it was made, what the story or ReportLab's passes marked on it) is kept
_LAYOUT = frozenset(
    ("frags", "text", "blPara", "_lines_for", "_wrapWidths", "_width_max", "width", "height", "_frame", "canv")
    + ("_splitLongWordCount", "_hyphenations", "_JustifyLast")
)


# per style: the fragment ReportLab's parser makes of a one-word text without markup, and the
# style's font, size and colour it was made from
_plain_fragment: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _plain_frags(text: str, style) -> list:
    """What ``ParaParser().parse`` gives for ``text`` (cleaned, not empty, no "<" or "&"): one
    fragment, the style's, holding the text. The parser's fragment for a probe word is made once
    per style (again if the style's font, size or colour changed) and copied; its lists (links,
    underlines) are new for each copy, as the parser's."""
    made_from = (style.fontName, style.fontSize, style.textColor)
    template, known = _plain_fragment.get(style, (None, None))
    if template is None or known != made_from:
        template = ParaParser().parse("x", style)[1][0]
        _plain_fragment[style] = (template, made_from)
    frag = copy.copy(template)
    frag.text = text
    frag.link = []
    frag.us_lines = []
    return [frag]


class Paragraph(_Paragraph):
    _lines_for: tuple | None = None  # (width, blPara, _wrapWidths, height, _width_max, frags) of the last break
    _source: tuple | None = None  # (text, style, bulletText) of a paragraph made from text: parsed on demand
    keeps_lines = True  # the dry pass may keep its lines for the drawing pass (document.KEEP_LINES)

    def __init__(self, text, style=None, bulletText=None, frags=None, caseSensitive=1, encoding="utf8"):
        if frags is not None or style is None:  # split parts (made from frags) are parsed already
            super().__init__(text, style, bulletText, frags, caseSensitive, encoding)
            return
        self.caseSensitive = caseSensitive
        self.encoding = encoding
        self.debug = 0
        self._source = (text, style, bulletText or getattr(style, "bulletText", None))
        self.__dict__.update(style=style, bulletText=self._source[2])

    @property
    def frags(self):
        found = self.__dict__.get("frags")
        if found is None and self._source is not None:
            text, style, bullet = self._source
            if callable(text):  # its markup made when it is needed (``text.paragraphs``)
                text = text()
            self._setup(text, style, bullet, None, cleanBlockQuotedText)  # sets text, frags, style, bulletText
            found = self.__dict__["frags"]
        return found

    @frags.setter
    def frags(self, value) -> None:
        self.__dict__["frags"] = value

    def _setup(self, text, style, bulletText, frags, cleaner):
        if frags is None and isinstance(text, str):
            plain = cleaner(text)
            if plain and "<" not in plain and "&" not in plain:  # no markup, no entity: nothing to parse
                frags = _plain_frags(plain, style)
                textTransformFrags(frags, style)
                self.__dict__.update(text=plain, frags=frags, style=style, bulletText=bulletText, debug=0)
                return
        super()._setup(text, style, bulletText, frags, cleaner)

    def release(self) -> None:
        """Back to its text: the parse and the lines are made again when a frame next asks."""
        if self._source is None:
            return
        # a new dict, not keys popped: the one that held the layout's attributes stays as big
        kept = {name: value for name, value in self.__dict__.items() if name not in _LAYOUT}
        self.__dict__ = kept
        text, style, bullet = self._source
        kept.update(style=style, bulletText=bullet)

    def wrap(self, availWidth, availHeight):
        kept = self._lines_for
        if kept is not None and kept[0] == availWidth:
            _, self.blPara, self._wrapWidths, self.height, self._width_max, self.frags = kept
            self.width = availWidth
            return availWidth, self.height
        size = super().wrap(availWidth, availHeight)
        if availWidth >= _FUZZ:  # a width too small to break at breaks nothing
            self._lines_for = (availWidth, self.blPara, self._wrapWidths, self.height, getattr(self, "_width_max", 0), self.frags)
        return size

    def split(self, availWidth, availHeight):
        parts = super().split(availWidth, availHeight)
        if parts != [self]:  # split into parts that hold their own lines, or moved on whole
            self.release()
        return parts

    def drawPara(self, debug=0):
        if debug or not draw_plain(self):  # a plain paragraph's lines written straight into the page
            super().drawPara(debug)

    def drawOn(self, canvas, x, y, _sW=0):
        super().drawOn(canvas, x, y, _sW)
        self.release()
