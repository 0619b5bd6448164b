"""Stable, readable keys.

Every value in a workbook is addressed by a dotted key made of lower-case ASCII
segments, e.g. ``itfaiye.makbuz.ocak.arac`` (department, table, row, column).
Segments are identifiers so that keys can be written inside rule expressions.
"""

from __future__ import annotations

import re

from .i18n import _

SEGMENT = re.compile(r"^[a-z][a-z0-9_]*$")
TOTAL_ROW = "toplam"


def join(*parts: str) -> str:
    return ".".join(parts)


def segment_problem(text: object) -> str:
    """What is wrong with a key segment, in Turkish (for the definition loader)."""
    return _(
        "'{text}' geçerli bir anahtar değil: küçük harf ASCII harf ile başlamalı, yalnızca a-z, 0-9 ve _ içermeli (ör. yeni_yapi)"
    ).format(text=text)
