"""Findings are composed in one place (``OpenFile.findings``): the window, ``check``, submit, the
board and the report say the same about the same file (issue #14: a file holding an unreadable
typed value made ``check`` exit 1 and blocked submitting, yet its PDF was built without the draft
mark)."""

from __future__ import annotations

import sqlite3

import pytest

from desktop import cli
from desktop.report import build_report
from desktop.store.errors import ImportRejected
from desktop.store.file.document import OpenFile
from desktop.store.file.submission import board
from desktop.store.file.workbook import Workbook


def _count_slot(definition, department: str) -> str:
    return next(s.key for s in definition.slots_of(department) if s.type == "count" and not s.computed)


def _stored_badly(path, key: str) -> None:
    """Another program wrote text where a count belongs."""
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("UPDATE entry SET value = 'on iki' WHERE key = ?", (key,))
    conn.close()


def test_an_unreadable_stored_value_is_one_error_for_window_check_submit_and_report(workbook_path, definition, tmp_path):
    key = _count_slot(definition, "itfaiye")
    with Workbook.open(workbook_path) as wb:
        wb.apply(values={key: 12})
    _stored_badly(workbook_path, key)

    with Workbook.open(workbook_path) as wb:
        model = OpenFile(wb)
        errors = [f for f in model.findings if f.is_error and f.place == key]
        assert [f.rule for f in errors] == ["saklanan_kayit"]
        assert wb.findings() == model.findings  # the workbook's answer is the model's
        with pytest.raises(ImportRejected) as refused:
            model.submit()
        assert any(key in line for line in refused.value.problems)
        assert model.state()["state"] != "gonderildi"
        assert wb.state()["state"] != "gonderildi"

    assert cli.main(["check", str(workbook_path)]) == 1

    with Workbook.open(workbook_path, readonly=True) as wb:
        result = build_report(wb, tmp_path / "itfaiye.pdf")
    assert result.draft


def test_the_board_counts_the_models_errors(consolidated_path, definition):
    key = _count_slot(definition, "itfaiye")
    with Workbook.open(consolidated_path) as wb:
        wb.apply(values={key: 3})
    _stored_badly(consolidated_path, key)
    with Workbook.open(consolidated_path) as wb:
        expected = sum(1 for f in OpenFile(wb).findings if f.is_error and f.department == "itfaiye")
        row = next(r for r in board(wb) if r.department == "itfaiye")
    assert row.errors == expected >= 1
