"""The SQL pre-filters of ``stored.problems`` leave out only rows without a finding.

A department file (``department_rows.DepartmentRows``, what the merge checks) and a consolidated
file (``clean_rows.CleanRows``) are checked set-based: each distinct time and author (and,
in a consolidated file, value) is checked once in Python and only the rows that
might have a problem go through the per-row rules. Every forged row below must
give exactly the findings, in the same order, that the per-row check of every
row gives.
"""

from __future__ import annotations

import shutil
import sqlite3

import pytest
from merge_support import KEY, KEY2

from desktop.store.file import clean_rows, department_rows, row_check, stored, stored_values
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
    # times in the right form that are no time, or not in the year
    "UPDATE entry SET changed_at = '2020-02-30T10:00:00+00:00' WHERE key = 'itfaiye.makbuz.ekim.arac'",
    "UPDATE entry SET changed_at = '2020-03-01T24:00:00+00:00' WHERE key = 'itfaiye.makbuz.kasim.arac'",
    "UPDATE entry SET changed_at = '2019-12-31T23:59:59+00:00' WHERE key = 'itfaiye.makbuz.aralik.arac'",
    "UPDATE entry SET changed_at = 'dün' WHERE key = 'itfaiye.makbuz.subat.tutar'",
    "UPDATE entry SET value = 'beş' WHERE key = 'itfaiye.makbuz.mart.tutar'",  # text for money
    "UPDATE entry SET value = 12.5 WHERE key = 'itfaiye.makbuz.nisan.tutar'",  # kuruş are whole
    "INSERT INTO audit (at, who, department, target, attribute, old, new) "
    "VALUES ('" + NOW + "', 'x', 'itfaiye', 'imar.ruhsat', 'value', NULL, 1)",  # another department's key
    "INSERT INTO audit (at, who, department, target, attribute, old, new) "
    "VALUES ('2020-02-30T10:00:00+00:00', 'x', 'itfaiye', '" + KEY + "', 'value', NULL, 1)",
    "INSERT INTO audit (at, who, department, target, attribute, old, new) "
    "VALUES ('" + NOW + "', 'x', 'imar', 'itfaiye.yok', 'value', NULL, 1)",
]
# rows the per-row check finds nothing in, which the pre-filter must leave as clean (or look at):
# audit targets within the department's range of keys that are no key, and just outside it
UNREMARKABLE = [
    "INSERT INTO audit (at, who, department, target, attribute, old, new) "
    "VALUES ('" + NOW + "', 'x', 'itfaiye', 'itfaiye.yok.boyle', 'value', NULL, 1)",
    "INSERT INTO audit (at, who, department, target, attribute, old, new) "
    "VALUES ('" + NOW + "', 'x', 'itfaiye', 'itfaiye/', 'value', NULL, 1)",
    "INSERT INTO audit (at, who, department, target, attribute, old, new) "
    "VALUES ('" + NOW + "', 'x', 'itfaiye', 'itfaiye', 'value', NULL, 1)",
    "INSERT INTO audit (at, who, department, target, attribute, old, new) "
    "VALUES ('" + NOW + "', 'x', 'itfaiye', 'itfaiyex.a', 'value', NULL, 1)",
    "INSERT INTO audit (at, who, department, target, attribute, old, new) "
    "VALUES ('" + NOW + "', 'x', 'itfaiye', CAST(x'697466616979652eff' AS TEXT), 'value', NULL, 1)",
]


@pytest.mark.parametrize("department", ["itfaiye", None], ids=["department", "consolidated"])
def test_the_pre_filter_changes_no_finding(files, definition, tmp_path, monkeypatch, department):
    path = tmp_path / "forged.faaliyet"
    shutil.copy(files["itfaiye"], path)
    conn = sqlite3.connect(path)
    for sql in FORGED + UNREMARKABLE:
        conn.execute(sql)
    conn.commit()
    conn.close()
    conn = connect(path, readonly=True)
    clock = stored.now()  # the file's own rows are times of now: valid, so the filter has rows to prove
    try:
        # a small file: the pre-filter only when asked
        monkeypatch.setattr(clean_rows, "FILTER_FROM_ROWS", 0)
        monkeypatch.setattr(clean_rows, "DEPARTMENT_FILTER_FROM_ROWS", 0)
        clean = clean_rows.prefilter(conn, row_check.RowCheck(definition, department, 2020, clock), "main", 0)
        assert type(clean) is (department_rows.DepartmentRows if department else clean_rows.CleanRows)
        clean.drop()
        filtered = stored.problems(conn, definition, department, 2020, clock_now=clock)
        assert conn.execute("SELECT count(*) FROM temp.sqlite_master").fetchone()[0] == 0  # its tables dropped
        monkeypatch.setattr(clean_rows, "FILTER_FROM_ROWS", 10**12)
        monkeypatch.setattr(clean_rows, "DEPARTMENT_FILTER_FROM_ROWS", 10**12)
        every_row = stored.problems(conn, definition, department, 2020, clock_now=clock)
        # and the filter does leave rows out (else it would be no shortcut): a clean file is all proven
        clean = department_rows.DepartmentRows(conn, row_check.RowCheck(definition, "itfaiye", 2020, clock), "main")
        entries = conn.execute("SELECT count(*) FROM entry AS e", clean.args).fetchone()[0]
        looked_at = conn.execute(f"SELECT count(*) FROM entry AS e {clean.entry}", clean.args).fetchone()[0]
        assert looked_at < entries
    finally:
        conn.close()
    assert len(every_row) >= len(FORGED)  # each forged row is found
    assert filtered == every_row


def test_a_clean_department_file_needs_no_row_looked_at_in_python(files, definition):
    """Every value of the itfaiye file is a whole number of an entered number slot or a text; every
    number row and every audit row is proven clean in SQL."""
    conn = connect(files["itfaiye"], readonly=True)
    try:
        clean = department_rows.DepartmentRows(conn, row_check.RowCheck(definition, "itfaiye", 2020, stored.now()), "main")
        left = conn.execute(f"SELECT count(*) FROM entry AS e {clean.entry} AND typeof(e.value) = 'integer'", clean.args)
        assert left.fetchone()[0] == 0
        assert conn.execute(f"SELECT count(*) FROM audit AS a {clean.audit}", clean.args).fetchone()[0] == 0
        assert conn.execute("SELECT count(*) FROM audit").fetchone()[0] > 0
    finally:
        conn.close()


@pytest.mark.parametrize("type_", ["count", "money", "decimal", "percent"])
def test_the_whole_numbers_sql_lets_pass_are_the_ones_value_problem_lets_pass(type_):
    """``SAFE_INTEGERS`` skips the Python check of whole numbers: at its edges and inside, value_problem agrees."""
    conn = sqlite3.connect(":memory:")
    edge = 10**15
    samples = [0, 1, -1, 7, 123456789, edge - 1, -(edge - 1), edge, -edge, 2**63 - 1, -(2**63), 10**14, -(10**14) + 3]
    for raw in samples:
        safe = conn.execute(
            f"SELECT {department_rows.SAFE_INTEGERS} FROM (SELECT ? AS value) AS e, (SELECT ? AS type) AS t", (raw, type_)
        ).fetchone()[0]
        if safe:
            assert stored_values.value_problem(type_, raw) is None, raw
    # and it does skip the ordinary ones (else it would be no shortcut)
    assert conn.execute(
        f"SELECT {department_rows.SAFE_INTEGERS} FROM (SELECT 5 AS value) AS e, (SELECT ? AS type) AS t", (type_,)
    ).fetchone()[0]
    conn.close()


@pytest.mark.parametrize("type_", ["text", "longtext", "date"])
def test_no_whole_number_is_safe_for_a_text_or_date(type_):
    conn = sqlite3.connect(":memory:")
    row = conn.execute(f"SELECT {department_rows.SAFE_INTEGERS} FROM (SELECT 5 AS value) AS e, (SELECT ? AS type) AS t", (type_,))
    assert not row.fetchone()[0]
    conn.close()


def test_the_proven_keys_are_the_ones_the_per_row_check_finds_clean(definition):
    """``DepartmentRows`` lets through only keys whose look-up in ``RowCheck`` gives the department:
    built from ``slots_of``, they must be exactly what a search of every slot and target gives."""
    check = row_check.RowCheck(definition, None, 2020, NOW)
    proven = 0
    for dept in (d.key for d in definition.departments):
        unsigned, signed, targets = (set(x) for x in department_rows.proven_keys(check, dept))
        entered = {k: s for k, s in definition.slots.items() if s.department == dept and not s.computed}
        assert unsigned == {k for k, s in entered.items() if s.type == "count"}
        assert signed == {k for k, s in entered.items() if s.type in ("money", "decimal", "percent")}
        every = [*definition.slots, *(d.key for d in definition.departments)]
        every += [x.key for x in [*definition.plan.indicators(), *definition.plan.activities()]]
        for form in definition.forms:
            every += [f"{form.department}.{x.key}" for s in form.sections for x in s.items if x.kind == "photos"]
        first, end = department_rows.target_range(check, dept) or ("", "")
        in_range = {t for t in every if first <= t < end}
        assert targets | in_range == {t for t in every if check.target_owner(t) == dept}
        assert not targets & in_range
        # and any text within the range, a key of the year or none, is the department's
        for t in (first, first + "yok", first + "yok.boyle.actual", first + "actual", first + "\uffff", *in_range):
            assert check.target_owner(t) == dept, t
        proven += len(unsigned) + len(signed)
    assert proven  # the small year has numbers to prove


def test_no_target_range_when_a_plan_item_is_keyed_as_the_department(definition, monkeypatch):
    """``<department>.actual`` would be that plan item's attribute (``target_owner``): every target is listed."""
    check = row_check.RowCheck(definition, None, 2020, NOW)
    indicator = definition.plan.indicators()[0]
    assert department_rows.target_range(check, "itfaiye") == ("itfaiye.", "itfaiye/")
    real = type(definition).plan_item
    monkeypatch.setattr(type(definition), "plan_item", lambda self, key: indicator if key == "itfaiye" else real(self, key))
    assert department_rows.target_range(check, "itfaiye") is None
    _unsigned, _signed, targets = department_rows.proven_keys(check, "itfaiye")
    assert set(targets) >= {s.key for s in definition.slots_of("itfaiye")}


def test_a_negative_whole_number_is_proven_only_for_a_slot_that_may_be_negative(files, definition, tmp_path):
    """Without a negative whole number in the file one list of number slots proves the numbers; with
    one, a money value below zero is still proven, a count below zero is looked at (and found)."""
    path = tmp_path / "negative.faaliyet"
    shutil.copy(files["itfaiye"], path)
    conn = connect(path, readonly=True)
    clock = stored.now()
    try:
        clean = department_rows.DepartmentRows(conn, row_check.RowCheck(definition, "itfaiye", 2020, clock), "main")
        assert "signed" not in clean.args  # no negative number: a number slot's key is enough
    finally:
        conn.close()
    conn = sqlite3.connect(path)
    conn.execute("UPDATE entry SET value = -700 WHERE key = 'itfaiye.makbuz.ocak.tutar'")
    conn.execute("UPDATE entry SET value = -3 WHERE key = 'itfaiye.makbuz.ocak.arac'")
    conn.commit()
    conn.close()
    conn = connect(path, readonly=True)
    try:
        clean = department_rows.DepartmentRows(conn, row_check.RowCheck(definition, "itfaiye", 2020, clock), "main")
        looked_at = [r[0] for r in conn.execute(f"SELECT key FROM entry AS e {clean.entry}", clean.args)]
        found = stored.problems(conn, definition, "itfaiye", 2020, clock_now=clock)
    finally:
        conn.close()
    assert "itfaiye.makbuz.ocak.arac" in looked_at
    assert "itfaiye.makbuz.ocak.tutar" not in looked_at
    assert [p.place for p in found] == ["itfaiye.makbuz.ocak.arac"]
