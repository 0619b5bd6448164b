"""Helpers for the report tests: sample workbooks, a small clean definition, PDF text."""

from __future__ import annotations

import io
from pathlib import Path

from desktop import resources
from desktop.core.definition import Definition
from desktop.store.valueset import import_values, read_json
from desktop.store.workbook import Workbook


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


# A small year that validates without errors: a clean (non-draft) report.
CLEAN_DEFINITION = {
    "id": "rapor-test-2020",
    "institution": {"key": "ornek", "name": "Örnek Belediyesi", "full_name": "T.C. ÖRNEK BELEDİYE BAŞKANLIĞI"},
    "year": {"year": 2020, "deviation_tolerance": 0, "signers": [
        {"role": "ust_yonetici", "name": "Ayşe IŞIK", "title": "Belediye Başkanı", "place": "Örnek", "date": "2021-03-31"},
        {"role": "mali_hizmetler", "name": "Çağrı ŞİMŞEK", "title": "Mali Hizmetler Müdürü", "date": "2021-03-30"},
    ]},
    "departments": [
        {"key": "strateji", "name": "Strateji Geliştirme", "role": "institution"},
        {"key": "itfaiye", "name": "İtfaiye Müdürlüğü", "manager": "Eşref AYDIN", "manager_title": "İtfaiye Müdürü"},
        {"key": "mali_hizmetler", "name": "Mali Hizmetler Müdürlüğü", "finance": True},
    ],
    "plan": {"name": "Örnek Stratejik Planı", "period": "2020-2024", "aims": [
        {"code": "SA5", "name": "Güvenli şehir", "goals": [{"code": "H5.3", "name": "Afetlerde kaybı azaltmak", "targets": [
            {"key": "ph_5_3", "name": "Yangına müdahale kapasitesi artırılacak", "indicators": [
                {"key": "pg_5_3_1", "code": "PG.5.3.1", "name": "Yangına Ulaşma Süresi", "unit": "Dk",
                 "direction": "decrease", "baseline": 12, "target": 8, "weight": 60, "department": "itfaiye"},
                {"key": "pg_5_3_2", "code": "PG.5.3.2", "name": "Verilen Yangın Eğitimi Sayısı", "unit": "Adet",
                 "target": 10, "weight": 40, "department": "itfaiye"},
            ], "activities": [
                {"key": "f_5_3_1", "code": "F.5.3.1", "name": "İtfaiye araçlarının yenilenmesi.",
                 "planned_cost": 150000, "department": "itfaiye"},
            ]},
        ]}]},
    ]},
    "forms": [
        {"department": "strateji", "sections": [
            {"key": "sunus", "title": "Sunuş", "chapter": "I.A", "foreword": True, "items": [
                {"kind": "field", "key": "sunus", "label": "Sunuş", "type": "longtext"}]},
            {"key": "misyon", "title": "Misyon ve Vizyon", "chapter": "I.A", "items": [
                {"kind": "field", "key": "misyon", "label": "Misyonumuz", "type": "longtext",
                 "default": "Şehrimize çağdaş, ılımlı ve güvenilir hizmet sunmak."}]},
        ]},
        {"department": "itfaiye", "sections": [
            {"key": "genel", "title": "Genel Bilgiler", "items": [
                {"kind": "field", "key": "anlatim", "label": "Çalışmalar", "type": "longtext", "required": True},
                {"kind": "table", "key": "makbuz", "title": "Aylara Göre Makbuz Gelirleri", "row_header": "Aylar",
                 "rows": "months", "columns": [
                     {"key": "arac", "label": "Araç Sayısı", "type": "count"},
                     {"key": "tutar", "label": "Miktarı (TL)", "type": "money"}],
                 "total_row": "Genel Toplam", "chart": "bar"},
                {"kind": "photos", "key": "foto", "title": "Tatbikat fotoğrafları"},
            ]},
        ]},
        {"department": "mali_hizmetler", "sections": [
            {"key": "butce", "title": "Bütçe Uygulama Sonuçları", "chapter": "III.A.1", "items": [
                {"kind": "table", "key": "gelir", "title": "Gelir Bütçesi", "row_header": "Gelir", "rows": [
                    {"key": "vergi", "label": "1 Vergi Gelirleri"}, {"key": "diger", "label": "4 Diğer Gelirler"}],
                 "columns": [
                     {"key": "tahmin", "label": "Bütçe Tahmini (TL)", "type": "money"},
                     {"key": "tahsilat", "label": "Net Tahsilat (TL)", "type": "money"},
                     {"key": "oran", "label": "Tahsilat Oranı (%)", "type": "percent", "computed": "tahsilat / tahmin * 100"}],
                 "total_row": True},
            ]},
        ]},
    ],
}

CLEAN_VALUES = {
    "strateji.sunus": "Değerli Meclis Üyeleri,\n\n2020 yılı çalışmalarımızı sunuyoruz.\n\n- İlk madde\n- İkinci madde",
    "itfaiye.anlatim": "İtfaiyemiz yıl boyunca görev başındaydı.\n\n- Yangın söndürme\n- Kurtarma",
    "mali_hizmetler.gelir.vergi.tahmin": 1000000,
    "mali_hizmetler.gelir.vergi.tahsilat": 800000,
    "mali_hizmetler.gelir.diger.tahmin": 500000,
    "mali_hizmetler.gelir.diger.tahsilat": 700000,
}


def clean_definition() -> Definition:
    return Definition.from_data(CLEAN_DEFINITION)


def jpeg(color=(40, 90, 160), size=(320, 200)) -> bytes:
    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", size, color).save(buf, "JPEG")
    return buf.getvalue()


def clean_workbook(path: Path, department: str | None = None) -> Path:
    from desktop.store.photos import add_photo

    d = clean_definition()
    with Workbook.create(path, d, department) as wb:
        depts = wb.departments
        values = {k: v for k, v in CLEAN_VALUES.items() if k.split(".")[0] in depts}
        for i, month in enumerate(("ocak", "subat", "mart")):
            if "itfaiye" in depts:
                values[f"itfaiye.makbuz.{month}.arac"] = 10 + i
                values[f"itfaiye.makbuz.{month}.tutar"] = 1234567 + i
        wb.apply(values)
        if "itfaiye" in depts:
            wb.set_indicator("pg_5_3_1", actual=9, explanation="Yeni istasyon yıl sonunda açıldı.", source="Olay kayıtları")
            wb.set_indicator("pg_5_3_2", actual=10, source="Eğitim defteri")
            wb.set_activity("f_5_3_1", actual_cost=149500)
            add_photo(wb, "itfaiye.foto", jpeg(), "Ağustos tatbikatı, Çarşı Mahallesi")
    return path
