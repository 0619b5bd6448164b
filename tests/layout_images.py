"""Chosen pages of the sample report as small grey images, compared with the references in
``tests/data/layout/``.

The pages are found by a line of their text (not by number), rendered with pypdfium2 at
``DPI`` and compared at a third of that (each pixel the mean of 3×3): the shape of the page,
not its glyphs. A page differs when more than ``TOLERANCE`` of those pixels differ by more
than ``STEP`` grey levels. Measured on the sample: a block moved down by 4 pixels (about 8
points, less than a line) differs in 4–21 % of them; the same page rendered at 37 dpi and
scaled back (every glyph edge re-sampled: more than font hinting moves) in at most 1.2 %.

To accept a deliberate change of the layout, render new references and commit them:

    FAALIYET_UPDATE_LAYOUT=1 uv run pytest tests/test_layout_images.py -p no:cacheprovider
"""

from __future__ import annotations

import os
from pathlib import Path

REFERENCES = Path(__file__).parent / "data" / "layout"
UPDATE = os.environ.get("FAALIYET_UPDATE_LAYOUT") == "1"
DPI = 36
REDUCE = 3  # compared at DPI / REDUCE, each pixel the mean of REDUCE × REDUCE
STEP = 40  # grey levels (of 255) a pixel must move to count as different
TOLERANCE = 0.02  # share of a page's (reduced) pixels allowed to differ

# reference name -> a text that stands on that page only (its first page that has it)
PAGES = {
    "kapak": "FAALİYET RAPORU",
    "butce": "Bütçe Uygulama Sonuçları Tablosu",
    "personel": "Kadroya Göre Personel Dağılımı",
    "birim-giderleri": "Birimler Bazında Bütçe Gider Kesin Hesabı",
    "performans": "Performans Hedefi:",
    "bilanco": "Aktif Toplamı",  # account levels and the computed total
    "yangin": "Yanma Derecesi",  # the column group header row (landscape)
    "teskilat": "Bilgi ve Teknolojik Kaynaklar",  # the organisation chart, drawn
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


def render(pdf_path: Path, index: int, dpi: float = DPI):
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(pdf_path))
    try:
        return pdf[index].render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
    finally:
        pdf.close()


def difference(image, reference) -> float:
    """The share of pixels that differ by more than ``STEP`` (1.0 when the sizes differ)."""
    if image.size != reference.size:
        return 1.0
    a, b = image.reduce(REDUCE).tobytes(), reference.reduce(REDUCE).tobytes()
    return sum(1 for x, y in zip(a, b) if abs(x - y) > STEP) / len(a)
