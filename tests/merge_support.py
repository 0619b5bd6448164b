"""Values and helpers for the merge tests, on the small test year (tests/small_year.py);
the ``files`` fixture (tests/plugin_fixtures.py) writes the department files from these values."""

from __future__ import annotations

import hashlib
import sqlite3
from decimal import Decimal as D
from pathlib import Path

from desktop.core.dates import MONTH_KEYS
from desktop.store.file import fingerprint
from desktop.store.file.workbook import Workbook

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
