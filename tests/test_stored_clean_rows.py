"""The SQL pre-filter of ``stored.problems`` (``_CleanRows``) leaves out only rows without a finding.

The merge checks a department's rows set-based: each distinct value, time and
author is checked once in Python and only the rows that might have a problem
go through the per-row rules. Every forged row below must give exactly the
findings, in the same order, that the per-row check of every row gives.
"""

from __future__ import annotations

import shutil
import sqlite3

import pytest
from merge_support import KEY, KEY2

from desktop.store.file import stored
from desktop.store.file.safe_open import connect

pytestmark = pytest.mark.definition("small")

NOW = "2021-02-01T10:00:00+00:00"
FORGED = [
    "UPDATE entry SET value = CAST(x'4bc328' AS TEXT) WHERE key = 'itfaiye.anlatim'",
    "UPDATE entry SET changed_by = CAST(x'c328' AS TEXT) WHERE key = '" + KEY + "'",
    "UPDATE entry SET changed_at = CAST(x'32303231c3' AS TEXT) WHERE key = '" + KEY2 + "'",
    "UPDATE entry SET value = 79.0 WHERE key = 'itfaiye.makbuz.mart.arac'",  # 1.0 is no count (79 is)
    "UPDATE entry SET value = -0.0 WHERE key = 'itfaiye.trafik_kazasi'",
    "UPDATE entry SET value = NULL WHERE key = 'itfaiye.makbuz.nisan.arac'",
    "UPDATE entry SET value = x'00' WHERE key = 'itfaiye.makbuz.mayis.arac'",
    "UPDATE entry SET changed_at = '2999-01-01T00:00:00+00:00' WHERE key = 'itfaiye.makbuz.haziran.arac'",
    "UPDATE entry SET department = 'imar' WHERE key = 'itfaiye.makbuz.temmuz.arac'",
    "UPDATE entry SET value = -5 WHERE key = 'itfaiye.makbuz.agustos.arac'",  # a count is never negative
    "UPDATE entry SET value = 1000000000000000 WHERE key = 'itfaiye.makbuz.eylul.arac'",
    "UPDATE entry SET value = 1000000000000000000 WHERE key = 'itfaiye.makbuz.ocak.tutar'",
    "INSERT INTO entry VALUES ('strateji.sunus', 'itfaiye', 'Sahte', '" + NOW + "', 'x')",
    "INSERT INTO entry VALUES ('itfaiye.makbuz.toplam.arac', 'itfaiye', 5, '" + NOW + "', 'x')",
    "INSERT INTO audit (at, who, department, target, attribute, old, new) "
    "VALUES ('2019-01-01T00:00:00+00:00', 'x', 'itfaiye', '" + KEY + "', 'value', NULL, 1)",
    "INSERT INTO audit (at, who, department, target, attribute, old, new) "
    "VALUES ('" + NOW + "', CAST(x'ff' AS TEXT), 'itfaiye', '" + KEY + "', 'value', NULL, 1)",
    "INSERT INTO audit (at, who, department, target, attribute, old, new) "
    "VALUES ('" + NOW + "', 'x', 'imar', '" + KEY + "', 'value', NULL, 1)",
]


def test_the_pre_filter_changes_no_finding(files, definition, tmp_path, monkeypatch):
    path = tmp_path / "forged.faaliyet"
    shutil.copy(files["itfaiye"], path)
    conn = sqlite3.connect(path)
    for sql in FORGED:
        conn.execute(sql)
    conn.commit()
    conn.close()
    conn = connect(path, readonly=True)
    try:
        monkeypatch.setattr(stored, "FILTER_FROM_ROWS", 0)  # a small file: the pre-filter only when asked
        filtered = stored.problems(conn, definition, "itfaiye", 2020, clock_now=NOW)
        assert conn.execute("SELECT count(*) FROM temp.sqlite_master").fetchone()[0] == 0  # its tables dropped
        monkeypatch.setattr(stored, "FILTER_FROM_ROWS", 10**12)
        every_row = stored.problems(conn, definition, "itfaiye", 2020, clock_now=NOW)
    finally:
        conn.close()
    assert len(every_row) >= len(FORGED)  # each forged row is found
    assert filtered == every_row


@pytest.mark.parametrize("type_", ["count", "money", "decimal", "percent"])
def test_the_whole_numbers_sql_lets_pass_are_the_ones_value_problem_lets_pass(type_):
    """``SAFE_INTEGERS`` skips the Python check of whole numbers: at its edges and inside, value_problem agrees."""
    conn = sqlite3.connect(":memory:")
    edge = 10**15
    samples = [0, 1, -1, 7, 123456789, edge - 1, -(edge - 1), edge, -edge, 2**63 - 1, -(2**63), 10**14, -(10**14) + 3]
    for raw in samples:
        safe = conn.execute(
            f"SELECT {stored.SAFE_INTEGERS} FROM (SELECT ? AS value) AS e, (SELECT ? AS type) AS t", (raw, type_)
        ).fetchone()[0]
        if safe:
            assert stored.value_problem(type_, raw) is None, raw
    # and it does skip the ordinary ones (else it would be no shortcut)
    assert conn.execute(
        f"SELECT {stored.SAFE_INTEGERS} FROM (SELECT 5 AS value) AS e, (SELECT ? AS type) AS t", (type_,)
    ).fetchone()[0]
    conn.close()


@pytest.mark.parametrize("type_", ["text", "longtext", "date"])
def test_no_whole_number_is_safe_for_a_text_or_date(type_):
    conn = sqlite3.connect(":memory:")
    row = conn.execute(f"SELECT {stored.SAFE_INTEGERS} FROM (SELECT 5 AS value) AS e, (SELECT ? AS type) AS t", (type_,))
    assert not row.fetchone()[0]
    conn.close()
