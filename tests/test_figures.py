"""The figures a text's typed amounts are compared with: only values that can hold a number are
looked up, so a department's file with such a text still builds only its own form (#14 item 8)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from desktop.core.definition import Definition
from desktop.core.entries import Entries, ValueView
from desktop.core.form_parts import FormParts
from desktop.core.validation import FIGURE_TYPES, figure, figures_of
from desktop.store.file.document import OpenFile
from desktop.store.file.workbook import Workbook

pytestmark = pytest.mark.definition("small")

STRAY = "67.892.756,94"


def every_slot(definition: Definition, view: ValueView, found: dict[str, Decimal]) -> dict[str, Decimal]:
    """The figures as found before: every slot of every form asked for its value (the plan's
    figures and the actuals, which are no slots, as ``found`` has them)."""
    slots = {key: figure(view.get(key)) for key, slot in definition.slots.items() if slot.type in FIGURE_TYPES}
    plan = {k: v for k, v in found.items() if k not in definition.slots}
    return {k: v for k, v in {**slots, **plan}.items() if v is not None}


@pytest.mark.parametrize("departments", [None, ["itfaiye"], ["mali_hizmetler"]])
def test_the_figures_are_every_slots_figures(definition, departments):
    entries = Entries(
        values={
            "mali_hizmetler.gelir.vergi.tahsilat": Decimal("800000"),
            "mali_hizmetler.gelir.diger.tahsilat": 700000,
            "itfaiye.makbuz.ocak.tutar": Decimal("12115.00"),
            "itfaiye.trafik_kazasi": 63,
            "itfaiye.anlatim": "metin",
        }
    )
    view = ValueView(definition, entries, departments)
    found = figures_of(definition, view, entries)
    assert found == every_slot(definition, view, found)
    assert found["itfaiye.trafik_kazasi"] == Decimal("63.00")
    assert (found.get("mali_hizmetler.gelir.toplam.tahsilat") == Decimal("1500000.00")) == (departments != ["itfaiye"])


def test_a_text_stating_amounts_builds_no_other_form(files, definition):
    text = f"Makbuz geliri 12.115,00 TL, bir kalem {STRAY} TL oldu."
    with Workbook.open(files["itfaiye"]) as wb:
        wb.apply(values={"itfaiye.anlatim": text})
    with Workbook.open(files["itfaiye"]) as wb:
        doc = OpenFile(wb)
        (f,) = [f for f in doc.findings if f.rule == "tutar"]
        assert STRAY in f.message and "12.115,00" not in f.message
        parts = wb.definition.forms
        assert isinstance(parts, FormParts)
        institution = definition.institution_department
        assert institution is not None and len(definition.forms) > 3
        assert set(parts.departments) == {d for d in parts.departments if parts.is_decoded(d)} == {"itfaiye", institution.key}
