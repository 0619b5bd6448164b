"""The report's paragraph: ReportLab's ``Paragraph`` that breaks its lines once per width.

ReportLab breaks a paragraph's lines on every ``wrap``: when a frame tries it,
when a ``KeepTogether`` measures its group, and again on every pass of
``multiBuild`` (the report makes two). The lines depend only on the text, the
style and the width, none of which change once the paragraph is made, so the
first result for a width is kept and given back: the same lines, the same
height, the same PDF, without measuring every word again.
"""

from __future__ import annotations

from reportlab.platypus import Paragraph as _Paragraph
from reportlab.rl_config import _FUZZ


class Paragraph(_Paragraph):
    _lines_for: tuple | None = None  # (width, blPara, _wrapWidths, height, _width_max, frags) of the last break

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
