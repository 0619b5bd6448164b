"""The cover page: institution, year, a logo (or a neutral emblem), contact lines."""

from __future__ import annotations

import io

from reportlab.graphics.shapes import Circle, String
from reportlab.lib import colors
from reportlab.platypus import Image, Spacer, Table, TableStyle

from ..core import turkish
from ..core.images import image_problem
from . import fonts as F
from .drawing import Drawing
from .paragraph import Paragraph
from .styles import ACCENT, RULE, sheet
from .text import esc


def emblem(name: str, year: int, size: float = 130) -> Drawing:
    """A neutral placeholder emblem: two rings and the institution's name (not a real logo)."""
    d = Drawing(size, size)
    c = size / 2
    d.add(Circle(c, c, c - 2, strokeColor=ACCENT, strokeWidth=3, fillColor=colors.white))
    d.add(Circle(c, c, c - 10, strokeColor=ACCENT, strokeWidth=0.8, fillColor=None))
    words = turkish.upper(name).split()
    lines = [" ".join(words[:-1]), words[-1]] if len(words) > 1 else words
    y = c + 6 * (len(lines) - 1)
    for line in lines:
        fs = 13
        while fs > 7 and F.width(line, F.SANS_BOLD, fs) > size - 34:
            fs -= 0.5
        d.add(String(c, y - 4, line, fontName=F.SANS_BOLD, fontSize=fs, fillColor=ACCENT, textAnchor="middle"))
        y -= 16
    d.add(String(c, 24, str(year), fontName=F.SANS, fontSize=8, fillColor=ACCENT, textAnchor="middle"))
    return d


def logo(definition):
    """The logo embedded in the definition (never a file: a stored definition is untrusted),
    once decoded as the JPEG or PNG it claims to be; else the neutral emblem."""
    embedded = definition.institution.logo
    if embedded is not None:
        data = embedded.raw()
        if image_problem(data, embedded.mime, embedded.width, embedded.height) is None:
            scale = min(130 / embedded.width, 130 / embedded.height)
            return Image(io.BytesIO(data), width=embedded.width * scale, height=embedded.height * scale)
    return emblem(definition.institution.name, definition.year.year)


def cover(definition, *, title: str, subtitle: str, width: float) -> list:
    st = sheet()
    inst = definition.institution
    mark = Table([[logo(definition)]], colWidths=[width])
    mark.setStyle(TableStyle([("ALIGN", (0, 0), (-1, -1), "CENTER")]))
    out = [Spacer(1, 50), mark, Spacer(1, 36)]
    if inst.full_name:
        out += [Paragraph(esc(inst.full_name), st["cover_sub"]), Spacer(1, 40)]
    out += [
        Paragraph(esc(str(definition.year.year)), st["cover_title"]),
        Spacer(1, 6),
        Paragraph(esc(turkish.upper(title)), st["cover_title"]),
        Spacer(1, 18),
        Paragraph(esc(subtitle), st["cover_sub"]),
        Spacer(1, 170),
    ]
    rule = Table([[""]], colWidths=[width * 0.5], rowHeights=[1])
    rule.setStyle(TableStyle([("LINEABOVE", (0, 0), (-1, -1), 0.6, RULE)]))
    out.append(rule)
    contact = [
        x for x in (inst.address, f"Tel: {inst.phone}" if inst.phone else "", f"Faks: {inst.fax}" if inst.fax else "") if x
    ]
    web = [x for x in (inst.web, inst.email) if x]
    for line in (" · ".join(contact), " · ".join(web)):
        if line:
            out.append(Paragraph(esc(line), st["cover_small"]))
    return out
