"""A small, fixed year definition and department files for the merge tests.

The merge tests use their own definition (like the window tests) so that they
keep testing the merge while the shipped forms/, plan and sample evolve.
"""

from __future__ import annotations

import hashlib
import sqlite3
from decimal import Decimal as D
from pathlib import Path

import pytest

from desktop.core.definition import Definition
from desktop.core.dates import MONTH_KEYS
from desktop.store import fingerprint
from desktop.store.workbook import Workbook

MERGE_DEFINITION = {
    "id": "birlestirme-test-2020",
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
                {"kind": "field", "key": "anlatim", "label": "Müdürlüğün yıl içindeki çalışmaları", "type": "longtext"},
                {"kind": "field", "key": "trafik_kazasi", "label": "Müdahale edilen trafik kazası", "type": "count"},
                {"kind": "field", "key": "tatbikat_tarihi", "label": "Büyük tatbikatın tarihi", "type": "date"},
            ]},
            {"key": "gelirler", "title": "Makbuz Gelirleri", "items": [
                {"kind": "table", "key": "makbuz", "title": "Aylara Göre Makbuz Gelirleri", "row_header": "Aylar", "rows": "months",
                 "columns": [{"key": "arac", "label": "Araç Sayısı", "type": "count"},
                             {"key": "tutar", "label": "Miktarı (TL)", "type": "money"}],
                 "total_row": "Genel Toplam"},
            ]},
            {"key": "fotograflar", "title": "Fotoğraflar", "items": [
                {"kind": "photos", "key": "foto", "title": "Eğitim ve tatbikat fotoğrafları"},
            ]},
        ]},
        {"department": "imar", "sections": [
            {"key": "genel", "title": "İmar", "items": [
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

KEY = "itfaiye.makbuz.ocak.arac"
KEY2 = "itfaiye.makbuz.subat.arac"

ITFAIYE = {
    "itfaiye.anlatim": "Yıl içinde 1.240 olaya müdahale edildi; eğitimler sürdürüldü.",
    "itfaiye.trafik_kazasi": 63,
    **{f"itfaiye.makbuz.{m}.arac": 78 - 13 * (i == 1) + i for i, m in enumerate(MONTH_KEYS)},
    **{f"itfaiye.makbuz.{m}.tutar": D("12115.00") + i for i, m in enumerate(MONTH_KEYS)},
}
ITFAIYE_INDICATORS = {
    "pg_5_3_1": {"actual": 8, "explanation": "", "source": "Olay kayıtları"},
    "pg_5_3_2": {"actual": 10, "explanation": "", "source": "Eğitim listeleri"},
}
IMAR = {"imar.iskan_devam": 12, "imar.ruhsat": 180}
IMAR_INDICATORS = {"pg_7_1_1": {"actual": 200, "source": "Ruhsat defteri"}}


@pytest.fixture(scope="session")
def definition():
    """Overrides conftest's: the fixed definition of the merge tests."""
    return Definition.from_data(MERGE_DEFINITION)


@pytest.fixture
def files(tmp_path, definition) -> dict[str, Path]:
    """İtfaiye, İmar and an empty Zabıta file (strateji is edited in the consolidated file)."""
    folder = tmp_path / "birimler"
    folder.mkdir()
    out = {}
    for dept, values, indicators in (("itfaiye", ITFAIYE, ITFAIYE_INDICATORS), ("imar", IMAR, IMAR_INDICATORS), ("zabita", {}, {})):
        path = folder / f"kars-2020-{dept}.faaliyet"
        with Workbook.create(path, definition, dept, user="ornek") as wb:
            wb.apply(values=values, indicators=indicators)
        out[dept] = path
    return out


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def rows(path: Path, sql: str, *args):
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql, args).fetchall()
    finally:
        conn.close()


def dept_hash(path: Path, dept: str) -> str:
    conn = sqlite3.connect(path)
    try:
        return fingerprint.content_hash(conn, dept)
    finally:
        conn.close()


def entered(path: Path) -> int:
    """Values entered in a department file (the unit the change counts use)."""
    return rows(
        path,
        "SELECT (SELECT count(*) FROM entry) + (SELECT count(*) FROM indicator WHERE actual IS NOT NULL)"
        " + (SELECT count(*) FROM activity WHERE actual_cost IS NOT NULL)",
    )[0][0]


def edit(path: Path, values: dict, user: str = "memur"):
    with Workbook.open(path, user=user) as wb:
        wb.set_values(values)


def make_error(wb: Workbook, dept: str) -> str:
    """An unexplained deviation (an error finding) in one of ``dept``'s indicators; returns its key."""
    ind = next(i for i in wb.definition.indicators_of(dept) if i.target and i.target != i.baseline)
    wb.set_indicator(ind.key, actual=ind.target * 3 + 7, explanation="")
    assert any(f.is_error and f.department == dept for f in wb.findings())
    return ind.key
