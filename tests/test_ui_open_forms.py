"""The clerk's window on a department file builds only that department's form (and the institution
unit's), also when a text in it states an amount: its first screen does not grow with the year (#14 item 8)."""

from __future__ import annotations

import pytest

from desktop.core.form_parts import FormParts
from desktop.store.file.workbook import Workbook

pytestmark = [pytest.mark.definition("small"), pytest.mark.usefixtures("private_settings")]


def test_the_window_builds_no_other_departments_form(qtbot, workbook_path, definition):
    from ui_support import make_window

    with Workbook.open(workbook_path) as wb:  # a text with an amount: the figures of the file are looked up
        wb.apply(values={"itfaiye.anlatim": "Makbuz geliri 12.115,00 TL oldu.", "itfaiye.trafik_kazasi": 63})
    win = make_window(qtbot, workbook_path)
    doc = win.doc
    assert [f.rule for f in doc.findings if f.rule == "tutar"] == ["tutar"]  # 12.115,00 is no figure of this file
    assert "1 uyarı" in win.view.navigator.item(0).text()  # the first screen counts it
    parts = doc.definition.forms
    assert isinstance(parts, FormParts)
    institution = definition.institution_department
    assert institution is not None
    assert {d for d in parts.departments if parts.is_decoded(d)} == {"itfaiye", institution.key}
    win.close()
