"""Chosen pages of the sample report as small grey images, compared with the references in
``tests/data/layout/``.

The pages are found by a line of their text (not by number), rendered with pypdfium2 at
``DPI`` (low: font hinting and anti-aliasing differences between machines wash out) and
compared pixel by pixel. A page differs when more than ``TOLERANCE`` of its pixels differ by
more than ``STEP`` grey levels: a moved table, a lost heading, a wrapped line show; a hinting
difference does not.

To accept a deliberate change of the layout, render new references and commit them:

    FAALIYET_UPDATE_LAYOUT=1 uv run pytest tests/test_layout_images.py -p no:cacheprovider
"""

from __future__ import annotations

import os
from pathlib import Path

REFERENCES = Path(__file__).parent / "data" / "layout"
UPDATE = os.environ.get("FAALIYET_UPDATE_LAYOUT") == "1"
DPI = 36
STEP = 64  # grey levels (of 255) a pixel must move to count as different
TOLERANCE = 0.004  # share of a page's pixels allowed to differ

# reference name -> a text that stands on that page only (its first page that has it)
PAGES = {
    "kapak": "FAALİYET RAPORU",
    "butce": "Bütçe Uygulama Sonuçları Tablosu",
    "personel": "Kadroya Göre Personel Dağılımı",
    "birim-giderleri": "Birimler Bazında Bütçe Gider Kesin Hesabı",
    "performans": "Performans Hedefi:",
}


def find_pages(pdf_path: Path) -> dict[str, int]:
    """Reference name -> page index (0-based) of the first page whose text holds its marker."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(pdf_path))
    try:
        texts = []
        for i in range(len(pdf)):
            page = pdf[i]
            texts.append(page.get_textpage().get_text_range())
        found = {}
        for name, marker in PAGES.items():
            # the table of contents lists every title: skip it (its lines end in page numbers with leader dots)
            found[name] = next(i for i, t in enumerate(texts) if marker in t and ". . ." not in t and "İçindekiler" not in t)
        return found
    finally:
        pdf.close()


def render(pdf_path: Path, index: int):
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(pdf_path))
    try:
        return pdf[index].render(scale=DPI / 72, grayscale=True).to_pil().convert("L")
    finally:
        pdf.close()


def difference(image, reference) -> float:
    """The share of pixels that differ by more than ``STEP`` (1.0 when the sizes differ)."""
    if image.size != reference.size:
        return 1.0
    a, b = image.tobytes(), reference.tobytes()
    return sum(1 for x, y in zip(a, b) if abs(x - y) > STEP) / len(a)
