"""A second municipality unlike Kars: other keys, year, tolerance, percent style, finance unit and foreword.

Every key of its own (institution, departments, sections, items, rows, columns,
plan) differs from the Kars sample's; only the year-settings section uses the
application's own field keys (``settings.FIELD_TYPES``), as every definition must.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path

OTHER_DEFINITION = {
    "id": "yesilova-2026",
    "institution": {"key": "yesilova", "name": "Yeşilova Belediyesi", "full_name": "T.C. YEŞİLOVA BELEDİYE BAŞKANLIĞI"},
    "year": {
        "year": 2026,
        "deviation_tolerance": 10,
        "percent_style": "suffix",
        "signers": [
            {
                "role": "ust_yonetici",
                "name": "Deniz KAYA",
                "title": "Belediye Başkanı",
                "place": "Yeşilova",
                "date": "2027-03-15",
            },
            {"role": "mali_hizmetler", "name": "Selin ARAS", "title": "Hesap İşleri Müdürü", "date": "2027-03-12"},
        ],
    },
    "departments": [
        {"key": "yollar", "name": "Yol Bakım Müdürlüğü", "manager": "Emre TUNÇ", "manager_title": "Yol Bakım Müdürü"},
        {
            "key": "hesap_isleri",
            "name": "Hesap İşleri Müdürlüğü",
            "manager": "Selin ARAS",
            "manager_title": "Hesap İşleri Müdürü",
            "finance": True,
        },
        {"key": "kurum_genel", "name": "Kurum Bölümleri", "role": "institution"},
    ],
    "plan": {
        "name": "Yeşilova 2025-2029 Stratejik Planı",
        "period": "2025-2029",
        "aims": [
            {
                "code": "A1",
                "name": "Ulaşılabilir kent",
                "goals": [
                    {
                        "code": "A1.1",
                        "name": "Yolları onarmak",
                        "targets": [
                            {
                                "key": "yol_hedefi",
                                "name": "Köy yolları onarılacak",
                                "indicators": [
                                    {
                                        "key": "onarilan_yol",
                                        "code": "G1.1.1",
                                        "name": "Onarılan köy yolu",
                                        "unit": "Km",
                                        "target": 40,
                                        "weight": 100,
                                        "department": "yollar",
                                    }
                                ],
                                "activities": [
                                    {
                                        "key": "asfalt_yama",
                                        "code": "E1.1.1",
                                        "name": "Asfalt yama çalışması",
                                        "planned_cost": 250000,
                                        "department": "yollar",
                                    }
                                ],
                            },
                        ],
                    }
                ],
            },
        ],
    },
    "forms": [
        {
            "department": "kurum_genel",
            "sections": [
                {
                    "key": "baskanin_mesaji",
                    "title": "Başkanın Mesajı",
                    "chapter": "I.A",
                    "foreword": True,
                    "items": [{"kind": "field", "key": "mesaj", "label": "Mesaj", "type": "longtext"}],
                },
                {
                    "key": "ozgorev",
                    "title": "Misyon ve Vizyon",
                    "chapter": "I.A",
                    "items": [{"kind": "field", "key": "gorevimiz", "label": "Görevimiz", "type": "longtext"}],
                },
                {
                    "key": "ayar",
                    "title": "Yılın ayarları",
                    "chapter": "ayarlar",
                    "items": [
                        {"kind": "field", "key": "sapma_toleransi", "label": "Tolerans", "type": "percent", "print": False},
                        {"kind": "field", "key": "mali_yonetici_adi", "label": "Mali yönetici", "type": "text", "print": False},
                        {"kind": "field", "key": "mali_yonetici_unvani", "label": "Unvanı", "type": "text", "print": False},
                    ],
                },
            ],
        },
        {
            "department": "yollar",
            "sections": [
                {
                    "key": "yol_calismalari",
                    "title": "Yol Çalışmaları",
                    "items": [
                        {"kind": "field", "key": "calisma_ozeti", "label": "Çalışmalar", "type": "longtext"},
                        {
                            "kind": "table",
                            "key": "onarimlar",
                            "title": "Onarılan Yollar",
                            "row_header": "Yol",
                            "rows": [
                                {"key": "koy_yolu", "label": "Köy yolları"},
                                {"key": "mahalle_yolu", "label": "Mahalle yolları"},
                            ],
                            "columns": [
                                {"key": "uzunluk", "label": "Uzunluk (Km)", "type": "decimal"},
                                {"key": "harcanan", "label": "Harcanan (TL)", "type": "money"},
                            ],
                            "total_row": True,
                        },
                    ],
                },
            ],
        },
        {
            "department": "hesap_isleri",
            "sections": [
                {
                    "key": "butce_sonuclari",
                    "title": "Bütçe Uygulama Sonuçları",
                    "chapter": "III.A.1",
                    "items": [{"kind": "field", "key": "gider_toplami", "label": "Yılın toplam gideri", "type": "money"}],
                },
            ],
        },
    ],
}

FOREWORD = "Sevgili Yeşilovalılar, onarılan her yol bir köyü kente bağladı."
OTHER_VALUES = {
    "kurum_genel.mesaj": FOREWORD,
    "kurum_genel.gorevimiz": "Yeşilova'ya hızlı ve eşit hizmet.",
    "kurum_genel.mali_yonetici_adi": "Can ÖZER",  # the strategy unit's override of the definition's signer
    "yollar.calisma_ozeti": "Müdürlüğümüz köy yollarını onardı.",
    "yollar.onarimlar.koy_yolu.uzunluk": 30,
    "yollar.onarimlar.koy_yolu.harcanan": 180000,
    "yollar.onarimlar.mahalle_yolu.uzunluk": 8,
    "yollar.onarimlar.mahalle_yolu.harcanan": 60000,
    "hesap_isleri.gider_toplami": 1500000,
}


def other_definition_data() -> dict:
    return copy.deepcopy(OTHER_DEFINITION)


def write_folder(folder: Path, data: dict) -> Path:
    """A definition folder (tanim.yaml, plan.yaml, birimler/*.yaml) holding ``data``.

    JSON is YAML, so the loader reads these files like hand-written ones."""
    (folder / "birimler").mkdir(parents=True, exist_ok=True)
    head = {k: data[k] for k in ("id", "institution", "year", "departments")}
    (folder / "tanim.yaml").write_text(json.dumps(head, ensure_ascii=False, indent=1), encoding="utf-8")
    (folder / "plan.yaml").write_text(json.dumps(data.get("plan", {}), ensure_ascii=False, indent=1), encoding="utf-8")
    for form in data.get("forms", []):
        (folder / "birimler" / f"{form['department']}.yaml").write_text(
            json.dumps(form, ensure_ascii=False, indent=1), encoding="utf-8"
        )
    return folder
