"""The one small test year: an İtfaiye-shaped municipality that is not Kars.

The merge, board, window and report tests use it (``pytestmark = pytest.mark.definition("small")``
makes conftest's ``definition`` this one; ``report_support.clean_workbook`` fills it) so that
they keep testing while the shipped forms/, plan and sample evolve. İtfaiye has every kind of
item (short and long fields, two month tables, a photo list) and a rule; İmar and Zabıta are
small; Strateji is the institution (foreword, a default text); Mali Hizmetler the finance
unit; the year has its signers. ``tests/small_definition.py`` is a definition folder unlike
Kars in its keys and settings, ``tests/roles_support.py`` a second municipality's roles.
"""

from __future__ import annotations

SMALL_YEAR = {
    "id": "kucuk-test-2020",
    "institution": {"key": "ornek", "name": "Örnek Belediyesi", "full_name": "T.C. ÖRNEK BELEDİYE BAŞKANLIĞI"},
    "year": {
        "year": 2020,
        "deviation_tolerance": 0,
        "signers": [
            {"role": "ust_yonetici", "name": "Ayşe IŞIK", "title": "Belediye Başkanı", "place": "Örnek", "date": "2021-03-31"},
            {"role": "mali_hizmetler", "name": "Çağrı ŞİMŞEK", "title": "Mali Hizmetler Müdürü", "date": "2021-03-30"},
        ],
    },
    "departments": [
        {"key": "strateji", "name": "Strateji Geliştirme", "role": "institution"},
        {"key": "itfaiye", "name": "İtfaiye Müdürlüğü", "manager": "Eşref AYDIN", "manager_title": "İtfaiye Müdürü"},
        {"key": "imar", "name": "İmar ve Şehircilik Müdürlüğü"},
        {"key": "zabita", "name": "Zabıta Müdürlüğü"},
        {"key": "mali_hizmetler", "name": "Mali Hizmetler Müdürlüğü", "finance": True},
    ],
    "plan": {
        "name": "Örnek Stratejik Planı",
        "period": "2020-2024",
        "aims": [
            {
                "code": "SA5",
                "name": "Güvenli şehir",
                "goals": [
                    {
                        "code": "H5.3",
                        "name": "İtfaiye hizmetleri",
                        "targets": [
                            {
                                "key": "ph_5_3",
                                "name": "Yangına müdahale kapasitesi artırılacak",
                                "indicators": [
                                    {
                                        "key": "pg_5_3_1",
                                        "code": "PG.5.3.1",
                                        "name": "Yangına Ulaşma Süresi",
                                        "unit": "Dk",
                                        "direction": "decrease",
                                        "baseline": 12,
                                        "target": 8,
                                        "weight": 60,
                                        "department": "itfaiye",
                                    },
                                    {
                                        "key": "pg_5_3_2",
                                        "code": "PG.5.3.2",
                                        "name": "Verilen Yangın Eğitimi Sayısı",
                                        "unit": "Adet",
                                        "target": 10,
                                        "weight": 40,
                                        "department": "itfaiye",
                                    },
                                ],
                                "activities": [
                                    {
                                        "key": "f_5_3_1",
                                        "code": "F.5.3.1",
                                        "name": "İtfaiye araç ve ekipmanlarının yenilenmesi.",
                                        "planned_cost": 150000,
                                        "department": "itfaiye",
                                    },
                                ],
                            },
                            {
                                "key": "ph_7_1",
                                "name": "Yapı denetimi",
                                "indicators": [
                                    {
                                        "key": "pg_7_1_1",
                                        "code": "PG.7.1.1",
                                        "name": "Verilen Yapı Ruhsatı Sayısı",
                                        "unit": "Adet",
                                        "target": 200,
                                        "weight": 100,
                                        "department": "imar",
                                    },
                                ],
                            },
                        ],
                    }
                ],
            }
        ],
    },
    "forms": [
        {
            "department": "strateji",
            "sections": [
                {
                    "key": "onsoz",
                    "title": "Sunuş",
                    "chapter": "I.A",
                    "foreword": True,
                    "items": [
                        {"kind": "field", "key": "sunus", "label": "Başkanın sunuşu", "type": "longtext"},
                    ],
                },
                {
                    "key": "misyon",
                    "title": "Misyon ve Vizyon",
                    "chapter": "I.A",
                    "items": [
                        {
                            "kind": "field",
                            "key": "misyon",
                            "label": "Misyonumuz",
                            "type": "longtext",
                            "default": "Şehrimize çağdaş, ılımlı ve güvenilir hizmet sunmak.",
                        }
                    ],
                },
            ],
        },
        {
            "department": "itfaiye",
            "sections": [
                {
                    "key": "genel",
                    "title": "Genel Bilgiler ve Faaliyetler",
                    "items": [
                        {
                            "kind": "field",
                            "key": "anlatim",
                            "label": "Müdürlüğün yıl içindeki çalışmaları",
                            "type": "longtext",
                            "required": True,
                        },
                        {
                            "kind": "field",
                            "key": "trafik_kazasi",
                            "label": "Müdahale edilen trafik kazası",
                            "type": "count",
                            "unit": "Adet",
                        },
                        {"kind": "field", "key": "kurtarilan_kisi", "label": "Kurtarılan kişi", "type": "count", "unit": "Kişi"},
                        {"kind": "field", "key": "tatbikat_tarihi", "label": "Büyük tatbikatın tarihi", "type": "date"},
                    ],
                },
                {
                    "key": "gelirler",
                    "title": "Makbuz Gelirleri ve Akaryakıt",
                    "items": [
                        {
                            "kind": "table",
                            "key": "makbuz",
                            "title": "Aylara Göre Makbuz Gelirleri",
                            "row_header": "Aylar",
                            "rows": "months",
                            "columns": [
                                {"key": "arac", "label": "Araç Sayısı", "type": "count"},
                                {"key": "tutar", "label": "Miktarı (TL)", "type": "money"},
                            ],
                            "total_row": "Genel Toplam",
                            "chart": "bar",
                        },
                        {
                            "kind": "table",
                            "key": "akaryakit",
                            "title": "Aylara Göre Akaryakıt Sarfiyatı",
                            "rows": "months",
                            "columns": [{"key": "litre", "label": "Miktarı (Lt)", "type": "decimal", "unit": "Lt"}],
                            "total_row": True,
                        },
                    ],
                },
                {
                    "key": "fotograflar",
                    "title": "Fotoğraflar",
                    "items": [
                        {"kind": "photos", "key": "foto", "title": "Eğitim ve tatbikat fotoğrafları"},
                    ],
                },
            ],
            "rules": [
                {
                    "key": "makbuz_arac_tutar",
                    "severity": "warning",
                    "check": "itfaiye.makbuz.toplam.tutar <= itfaiye.makbuz.toplam.arac * 1000",
                    "message": "Araç başına makbuz tutarı 1.000 TL'yi aşıyor; tutarları kontrol edin.",
                },
            ],
        },
        {
            "department": "imar",
            "sections": [
                {
                    "key": "genel",
                    "title": "İmar",
                    "items": [
                        {"kind": "field", "key": "iskan", "label": "Verilen iskân", "type": "count"},
                        {"kind": "field", "key": "iskan_devam", "label": "Devam eden iskân işlemleri", "type": "count"},
                        {"kind": "field", "key": "ruhsat", "label": "Verilen ruhsat", "type": "count"},
                    ],
                },
            ],
        },
        {
            "department": "zabita",
            "sections": [
                {
                    "key": "genel",
                    "title": "Zabıta",
                    "items": [
                        {"kind": "field", "key": "denetim", "label": "Yapılan denetim", "type": "count"},
                    ],
                },
            ],
        },
        {
            "department": "mali_hizmetler",
            "sections": [
                {
                    "key": "butce",
                    "title": "Bütçe Uygulama Sonuçları",
                    "chapter": "III.A.1",
                    "items": [
                        {
                            "kind": "table",
                            "key": "gelir",
                            "title": "Gelir Bütçesi",
                            "row_header": "Gelir",
                            "rows": [
                                {"key": "vergi", "label": "1 Vergi Gelirleri"},
                                {"key": "diger", "label": "4 Diğer Gelirler"},
                            ],
                            "columns": [
                                {"key": "tahmin", "label": "Bütçe Tahmini (TL)", "type": "money"},
                                {"key": "tahsilat", "label": "Net Tahsilat (TL)", "type": "money"},
                                {
                                    "key": "oran",
                                    "label": "Tahsilat Oranı (%)",
                                    "type": "percent",
                                    "computed": "tahsilat / tahmin * 100",
                                },
                            ],
                            "total_row": True,
                        },
                    ],
                },
            ],
        },
    ],
}


def small_definition():
    from desktop.core.definition import Definition

    return Definition.from_data(SMALL_YEAR)
