"""Bugs the type checker found in the store (issue #14, item 6)."""

import hashlib

import pytest

from desktop.store.errors import WorkbookError
from desktop.store.file.workbook import Workbook


def _digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_consolidated_state_without_department_is_refused_in_turkish(consolidated_path):
    """set_state(department=None) on a consolidated file has no department to set: it reached
    SQLite (status.department NOT NULL) and told the user to try again; now it says what is
    missing, and the file is as it was."""
    before = _digest(consolidated_path)
    wb = Workbook.open(consolidated_path)
    try:
        states = wb.conn.execute("SELECT department, state FROM status ORDER BY department").fetchall()
        with pytest.raises(WorkbookError, match="hangi birimin"):
            wb.set_state("kabul")
        assert wb.conn.execute("SELECT department, state FROM status ORDER BY department").fetchall() == states
    finally:
        wb.close()
    assert _digest(consolidated_path) == before


def test_department_state_still_defaults_to_the_files_department(workbook):
    workbook.set_state("gonderildi")
    assert workbook.state()["state"] == "gonderildi"
    assert workbook.state(workbook.department)["state"] == "gonderildi"


def test_department_name_is_the_name_or_the_key(definition):
    dept = definition.departments[0]
    assert definition.department_name(dept.key) == dept.name
    assert definition.department_name("boyle_bir_birim_yok") == "boyle_bir_birim_yok"
