"""Stable, readable keys.

Every value in a workbook is addressed by a dotted key made of lower-case ASCII
segments, e.g. ``itfaiye.makbuz.ocak.arac`` (department, table, row, column).
Segments are identifiers so that keys can be written inside rule expressions.
"""

from __future__ import annotations

import re

SEGMENT = re.compile(r"^[a-z][a-z0-9_]*$")
TOTAL_ROW = "toplam"


def is_segment(text: str) -> bool:
    return bool(SEGMENT.match(text))


def join(*parts: str) -> str:
    return ".".join(parts)


def check_segment(text: str) -> str:
    """Pydantic validator helper: a key segment or a clear Turkish error."""
    if not isinstance(text, str) or not is_segment(text):
        raise ValueError(
            f"'{text}' geçerli bir anahtar değil: küçük harf ASCII harf ile başlamalı, "
            "yalnızca a-z, 0-9 ve _ içermeli (ör. yeni_yapi)"
        )
    return text


def check_key(text: str) -> str:
    """A dotted key: one or more segments."""
    if not isinstance(text, str) or not text or not all(is_segment(p) for p in text.split(".")):
        raise ValueError(
            f"'{text}' geçerli bir anahtar değil: noktayla ayrılmış, küçük harf ASCII "
            "parçalardan oluşmalı (ör. itfaiye.makbuz.ocak.arac)"
        )
    return text
