"""A Drawing whose drawing does not type-check the shapes ReportLab's chart widgets make for it.

ReportLab checks every attribute set on a graphics object against its
declared type (``rl_config.shapeChecking``, "a big help when developing").
The report's own settings (``charts.py``, ``org_chart.py``, ``cover.py``)
are still checked as they are made; what is not checked is what the chart
widgets set on the hundreds of axes, labels, bars and strings they make
from them while the drawing is drawn (about a fifth of drawing a chart).
The checks only raise on a wrong value; with them off for the draw, the
shapes, the PDF operators and the bytes are the same.
"""

from __future__ import annotations

import threading

from reportlab import rl_config
from reportlab.graphics.shapes import Drawing as _Drawing

_lock = threading.Lock()
_drawing = 0  # draws under way (threads): checking is given back when the last one ends
_saved = rl_config.shapeChecking


class Drawing(_Drawing):
    def draw(self, *args, **kwargs):
        global _drawing, _saved
        with _lock:
            if _drawing == 0:
                _saved = rl_config.shapeChecking
                rl_config.shapeChecking = 0
            _drawing += 1
        try:
            super().draw(*args, **kwargs)
        finally:
            with _lock:
                _drawing -= 1
                if _drawing == 0:
                    rl_config.shapeChecking = _saved
