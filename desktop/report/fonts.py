"""The report's fonts: DejaVu Serif (body) and DejaVu Sans Condensed (tables, headings).

Both cover every Turkish letter (ç ğ ı İ ö ş ü and capitals) and the symbols
the report prints (− × Σ ₺ •). They ship in ``resources/fonts`` with their
licence and are embedded (subset) in every PDF.
"""

from __future__ import annotations

from functools import lru_cache

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from .. import resources
from ..core.i18n import _
from ..store.errors import WorkbookError

SERIF = "FaaliyetSerif"
SERIF_BOLD = "FaaliyetSerif-Bold"
SERIF_ITALIC = "FaaliyetSerif-Italic"
SERIF_BOLD_ITALIC = "FaaliyetSerif-BoldItalic"
SANS = "FaaliyetSans"
SANS_BOLD = "FaaliyetSans-Bold"
SANS_ITALIC = "FaaliyetSans-Italic"

FILES = {
    SERIF: "DejaVuSerif.ttf",
    SERIF_BOLD: "DejaVuSerif-Bold.ttf",
    SERIF_ITALIC: "DejaVuSerif-Italic.ttf",
    SERIF_BOLD_ITALIC: "DejaVuSerif-BoldItalic.ttf",
    SANS: "DejaVuSansCondensed.ttf",
    SANS_BOLD: "DejaVuSansCondensed-Bold.ttf",
    SANS_ITALIC: "DejaVuSansCondensed-Oblique.ttf",
}

_registered = False


class FontMissing(WorkbookError):
    """A shipped font file is missing: the installation is incomplete."""


def register() -> None:
    """Register the fonts once per process (idempotent)."""
    global _registered
    if _registered:
        return
    folder = resources.fonts()
    for name, file in FILES.items():
        path = folder / file
        if not path.is_file():
            raise FontMissing(_("Rapor yazı tipi bulunamadı: {path}. Uygulamayı yeniden kurun.").format(path=path))
        pdfmetrics.registerFont(TTFont(name, str(path)))
    for family, regular, bold, italic, bold_italic in (
        (SERIF, SERIF, SERIF_BOLD, SERIF_ITALIC, SERIF_BOLD_ITALIC),
        (SANS, SANS, SANS_BOLD, SANS_ITALIC, SANS_BOLD),
    ):
        addMapping(family, 0, 0, regular)
        addMapping(family, 1, 0, bold)
        addMapping(family, 0, 1, italic)
        addMapping(family, 1, 1, bold_italic)
    # cells without an explicit FONT command (e.g. the table of contents)
    # would otherwise fall back to the non-embedded Helvetica
    from reportlab.platypus import tables

    tables.CellStyle.fontname = SANS
    from reportlab.graphics import shapes

    shapes.STATE_DEFAULTS["fontName"] = SANS
    # binary (zlib only) streams instead of ASCII85 on top: smaller files, faster saves
    from reportlab import rl_config

    rl_config.useA85 = 0
    _registered = True


@lru_cache(maxsize=16384)
def width(text: str, font: str, size: float) -> float:
    """String width in points (cached: tables measure the same labels often)."""
    return pdfmetrics.stringWidth(text, font, size)
