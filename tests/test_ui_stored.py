"""The window opens a file holding unreadable stored values: each is an error at its field, nothing crashes."""

from __future__ import annotations

import sqlite3

import pytest
from ui_support import make_window

pytestmark = pytest.mark.definition("small")


def test_invalid_utf8_and_wrong_types_open_as_findings(qtbot, workbook_path):
    from desktop.store.file.workbook import Workbook

    with Workbook.open(workbook_path) as wb:
        key = next(s.key for s in wb.definition.slots_of(wb.department) if s.type == "count" and not s.computed)
        text = next(s.key for s in wb.definition.slots_of(wb.department) if s.type in ("text", "longtext") and not s.computed)
        wb.set_values({key: 5, text: "Yazı"})
    conn = sqlite3.connect(workbook_path)
    conn.execute("UPDATE entry SET value = CAST(x'4bc328' AS TEXT) WHERE key = ?", (text,))
    conn.execute("UPDATE entry SET value = 'beş' WHERE key = ?", (key,))
    conn.commit()
    conn.close()
    win = make_window(qtbot, workbook_path)
    try:
        stored = {f.place: f.message for f in win.doc.findings if f.rule == "saklanan_kayit"}
        assert set(stored) == {key, text}
        assert "geçerli UTF-8 değil" in stored[text] and "saklanan değer türü yanlış" in stored[key]
        assert win.doc.entries.values.get(key) is None
        # typing a new value replaces the bad row and its finding goes
        assert win.doc.wb.set_value(key, 7)
        assert key not in {f.place for f in win.doc.wb.findings() if f.rule == "saklanan_kayit"}
    finally:
        win.close()
