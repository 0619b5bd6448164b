"""The one small test year: four departments of an İtfaiye-shaped municipality.

The merge, board and window tests use it (``pytestmark = pytest.mark.definition("small")``
makes conftest's ``definition`` this one) so that they keep testing the merge and the
windows while the shipped forms/, plan and sample evolve. İtfaiye has every kind of item
(short and long fields, two month tables, a photo list) and a rule; İmar and Zabıta are
small; Strateji is the institution. ``tests/report_support.py`` keeps a report-ready year
of another municipality (signers, a finance unit) and ``tests/small_definition.py`` a
definition folder unlike Kars.
"""

from __future__ import annotations

SMALL_YEAR = {
    "id": "kucuk-test-2020",
    "institution": {"key": "kars", "name": "Kars Belediyesi"},
    "year": {"year": 2020, "deviation_tolerance": 0},
    "departments": [
        {"key": "strateji", "name": "Strateji Geliştirme", "role": "institution"},
        {"key": "itfaiye", "name": "İtfaiye Müdürlüğü"},
        {"key": "imar", "name": "İmar ve Şehircilik Müdürlüğü"},
        {"key": "zabita", "name": "Zabıta Müdürlüğü"},
    ],
    "plan": {"aims": [{"code": "SA5", "name": "Güvenli şehir", "goals": [{"code": "H5.3", "name": "İtfaiye hizmetleri", "targets": [
        {"key": "ph_5_3", "name": "Yangına müdahale kapasitesi artırılacak", "indicators": [
            {"key": "pg_5_3_1", "code": "PG.5.3.1", "name": "Yangına Ulaşma Süresi", "unit": "Dk", "direction": "decrease",
             "baseline": 12, "target": 8, "weight": 60, "department": "itfaiye"},
            {"key": "pg_5_3_2", "code": "PG.5.3.2", "name": "Verilen Yangın Eğitimi Sayısı", "unit": "Adet",
             "target": 10, "weight": 40, "department": "itfaiye"},
        ], "activities": [
            {"key": "f_5_3_1", "code": "F.5.3.1", "name": "İtfaiye araç ve ekipmanlarının yenilenmesi.",
             "planned_cost": 150000, "department": "itfaiye"},
        ]},
        {"key": "ph_7_1", "name": "Yapı denetimi", "indicators": [
            {"key": "pg_7_1_1", "code": "PG.7.1.1", "name": "Verilen Yapı Ruhsatı Sayısı", "unit": "Adet",
             "target": 200, "weight": 100, "department": "imar"},
        ]},
    ]}]}]},
    "forms": [
        {"department": "strateji", "sections": [
            {"key": "onsoz", "title": "Sunuş", "chapter": "I.A", "items": [
                {"kind": "field", "key": "sunus", "label": "Başkanın sunuşu", "type": "longtext"},
            ]},
        ]},
        {"department": "itfaiye", "sections": [
            {"key": "genel", "title": "Genel Bilgiler ve Faaliyetler", "items": [
                {"kind": "field", "key": "anlatim", "label": "Müdürlüğün yıl içindeki çalışmaları", "type": "longtext", "required": True},
                {"kind": "field", "key": "trafik_kazasi", "label": "Müdahale edilen trafik kazası", "type": "count", "unit": "Adet"},
                {"kind": "field", "key": "kurtarilan_kisi", "label": "Kurtarılan kişi", "type": "count", "unit": "Kişi"},
                {"kind": "field", "key": "tatbikat_tarihi", "label": "Büyük tatbikatın tarihi", "type": "date"},
            ]},
            {"key": "gelirler", "title": "Makbuz Gelirleri ve Akaryakıt", "items": [
                {"kind": "table", "key": "makbuz", "title": "Aylara Göre Makbuz Gelirleri", "row_header": "Aylar", "rows": "months",
                 "columns": [{"key": "arac", "label": "Araç Sayısı", "type": "count"},
                             {"key": "tutar", "label": "Miktarı (TL)", "type": "money"}],
                 "total_row": "Genel Toplam"},
                {"kind": "table", "key": "akaryakit", "title": "Aylara Göre Akaryakıt Sarfiyatı", "rows": "months",
                 "columns": [{"key": "litre", "label": "Miktarı (Lt)", "type": "decimal", "unit": "Lt"}], "total_row": True},
            ]},
            {"key": "fotograflar", "title": "Fotoğraflar", "items": [
                {"kind": "photos", "key": "foto", "title": "Eğitim ve tatbikat fotoğrafları"},
            ]},
        ], "rules": [
            {"key": "makbuz_arac_tutar", "severity": "warning",
             "check": "itfaiye.makbuz.toplam.tutar <= itfaiye.makbuz.toplam.arac * 1000",
             "message": "Araç başına makbuz tutarı 1.000 TL'yi aşıyor; tutarları kontrol edin."},
        ]},
        {"department": "imar", "sections": [
            {"key": "genel", "title": "İmar", "items": [
                {"kind": "field", "key": "iskan", "label": "Verilen iskân", "type": "count"},
                {"kind": "field", "key": "iskan_devam", "label": "Devam eden iskân işlemleri", "type": "count"},
                {"kind": "field", "key": "ruhsat", "label": "Verilen ruhsat", "type": "count"},
            ]},
        ]},
        {"department": "zabita", "sections": [
            {"key": "genel", "title": "Zabıta", "items": [
                {"kind": "field", "key": "denetim", "label": "Yapılan denetim", "type": "count"},
            ]},
        ]},
    ],
}


def small_definition():
    from desktop.core.definition import Definition

    return Definition.from_data(SMALL_YEAR)
