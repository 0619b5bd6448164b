"""Helpers for the report tests: sample workbooks, the small test year filled without errors, PDF text."""

from __future__ import annotations

import io
from pathlib import Path

from small_year import small_definition

from desktop import resources
from desktop.core.definition import Definition
from desktop.store.exchange.valueset import import_values, read_json
from desktop.store.file.workbook import Workbook


def sample_consolidated(path: Path, definition) -> Path:
    """A consolidated workbook holding every sample value set (no merge needed)."""
    with Workbook.create(path, definition, None) as wb:
        for f in sorted(resources.sample(definition.id).glob("*.json")):
            import_values(wb, read_json(f))
    return path


def pdf_pages(path: Path) -> list[str]:
    import pdfplumber

    with pdfplumber.open(str(path)) as pdf:
        return [p.extract_text() or "" for p in pdf.pages]


CLEAN_VALUES = {
    "strateji.sunus": "Değerli Meclis Üyeleri,\n\n2020 yılı çalışmalarımızı sunuyoruz.\n\n- İlk madde\n- İkinci madde",
    "itfaiye.anlatim": "İtfaiyemiz yıl boyunca görev başındaydı.\n\n- Yangın söndürme\n- Kurtarma",
    "mali_hizmetler.gelir.vergi.tahmin": 1000000,
    "mali_hizmetler.gelir.vergi.tahsilat": 800000,
    "mali_hizmetler.gelir.diger.tahmin": 500000,
    "mali_hizmetler.gelir.diger.tahsilat": 700000,
}


def clean_definition() -> Definition:
    return small_definition()


def jpeg(color=(40, 90, 160), size=(320, 200)) -> bytes:
    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", size, color).save(buf, "JPEG")
    return buf.getvalue()


def clean_workbook(path: Path, department: str | None = None) -> Path:
    from desktop.store.file.photos import add_photo

    d = clean_definition()
    with Workbook.create(path, d, department) as wb:
        depts = wb.departments
        values = {k: v for k, v in CLEAN_VALUES.items() if k.split(".")[0] in depts}
        for i, month in enumerate(("ocak", "subat", "mart")):
            if "itfaiye" in depts:
                values[f"itfaiye.makbuz.{month}.arac"] = 1300 + i  # at most 1.000 TL a vehicle (the rule)
                values[f"itfaiye.makbuz.{month}.tutar"] = 1234567 + i
        wb.apply(values)
        if "itfaiye" in depts:
            wb.set_indicator("pg_5_3_1", actual=9, explanation="Yeni istasyon yıl sonunda açıldı.", source="Olay kayıtları")
            wb.set_indicator("pg_5_3_2", actual=10, source="Eğitim defteri")
            wb.set_activity("f_5_3_1", actual_cost=149500)
            add_photo(wb, "itfaiye.foto", jpeg(), "Ağustos tatbikatı, Çarşı Mahallesi")
        if "imar" in depts:
            wb.set_indicator("pg_7_1_1", actual=200, source="Ruhsat defteri")
    return path


def layout_pages(path: Path) -> list[str]:
    """Each page's text as ``pdftotext -layout`` places it (columns keep their positions)."""
    import subprocess

    text = subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True, check=True)
    return text.stdout.split("\f")


def annex_pages(path: Path) -> dict[int, str]:
    """The findings annex: finding number → the page its "Sayfa" column names.

    Read by position (pdfplumber words): the number, its severity and its page are set in the
    middle of their row, on one line, under the "No" and "Sayfa" headers."""
    import pdfplumber

    out: dict[int, str] = {}
    with pdfplumber.open(str(path)) as pdf:
        for page in pdf.pages:
            # the TASLAK watermark's letters are another size: never part of a word
            words = [w for w in page.extract_words(extra_attrs=["size"]) if w["size"] < 20]
            heads = [w for w in words if w["text"] == "Sayfa"]
            nos = [w for w in words if w["text"] == "No"]
            if not heads or not nos:
                continue
            head, no = heads[0], nos[0]
            for i, w in enumerate(words[:-1]):
                nxt = words[i + 1]
                if not (w["text"].isdigit() and nxt["text"] in ("Hata", "Uyarı") and abs(w["x1"] - no["x1"]) < 12):
                    continue
                cell = [
                    v["text"]
                    for v in words
                    if abs(v["top"] - w["top"]) < 2 and v["x0"] >= head["x0"] - 12 and v["x1"] <= head["x1"] + 12
                ]
                out[int(w["text"])] = next((c for c in cell if c.isdigit() or c == "—"), "")
    return out
