"""A definition read from a file keeps its forms, not their stored JSON besides (#18 item 2: a
year's report at 5.000 pages within 300 MiB); what a file stores is made again when asked for,
the very bytes the file holds."""

from __future__ import annotations

import pytest

from desktop.core.form_parts import FormParts
from desktop.store.file import definition_store
from desktop.store.file.workbook import Workbook

pytestmark = pytest.mark.definition("small")


@pytest.mark.parametrize("department", [None, "itfaiye"])
def test_a_read_definition_keeps_no_forms_json_once_decoded(tmp_path, definition, department):
    path = tmp_path / "dosya.faaliyet"
    Workbook.create(path, definition, department).close()
    with Workbook.open(path) as wb:
        read = wb.definition
        forms = read.forms
        assert isinstance(forms, FormParts)
        if department is None:
            list(forms)  # a consolidated file's report decodes every form
        assert "stored" not in read.__dict__
        held = [forms._raws[i] for i in range(len(forms)) if forms.is_decoded(forms.departments[i])]
        assert held and all(raw is None for raw in held)
        assert read.form_slots(forms.departments[0]) == forms.slots[0]
        on_disk = definition_store.read_parts(wb.conn, read.digest, path.name)
        again = read.stored  # made again from the parts: what the file holds, byte for byte
        assert again.head == on_disk.head and again.leaves == on_disk.leaves
        for kind in range(4):
            assert [(r.position, r.department, r.digest, r.data) for r in again.of(kind)] == [
                (r.position, r.department, r.digest, r.data) for r in on_disk.of(kind)
            ]
