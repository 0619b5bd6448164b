"""Form item kinds are dispatched from one registry per layer (issue #14 item 4).

Each registry must cover exactly the kinds of ``forms.Item``: a kind added to the forms
without an entry in every layer fails here, not in a clerk's window."""

import typing

import pytest

from desktop.core import forms
from desktop.core.item_kinds import KINDS
from desktop.report.sections import BLOCKS
from desktop.store.exchange.excel_template import SHEET_KINDS


def test_item_kinds_are_the_tags_of_the_item_union():
    tags = {t.__struct_config__.tag for t in typing.get_args(forms.Item)}
    assert set(forms.ITEM_KINDS) == tags == {"field", "table", "photos"}


@pytest.mark.parametrize("layer, registry", [("core", KINDS), ("store", SHEET_KINDS), ("report", BLOCKS)])
def test_each_layer_registry_covers_exactly_the_item_kinds(layer, registry):
    assert set(registry) == set(forms.ITEM_KINDS), layer


def test_ui_registry_covers_exactly_the_item_kinds():
    from desktop.ui.editors.section import EDITORS

    assert set(EDITORS) == set(forms.ITEM_KINDS)


def test_every_kind_is_looked_up_by_its_tag(definition):
    """Every item of the sample is found in every registry under its own ``kind``."""
    items = [i for f in definition.forms for s in f.sections for i in s.items]
    assert {i.kind for i in items} == set(forms.ITEM_KINDS)  # the sample uses every kind
    for item in items:
        rules = KINDS[item.kind]
        assert rules.title(item)
        assert len(rules.slots("d", "s", item)) == rules.slot_count(item)


def test_slot_count_agrees_with_the_slots_of_every_form(definition):
    from desktop.core import limits

    assert sum(limits.form_slots(f) for f in definition.forms) == len(definition.slots)


def test_photo_list_counts_as_one_thing_to_fill():
    from desktop.core.entries import Entries

    photos = forms.PhotoListDef(key="foto", title="Fotoğraflar")
    assert KINDS["photos"].extra("itfaiye", photos, Entries()) == (0, 1)
    assert KINDS["photos"].extra("itfaiye", photos, Entries(photos={"itfaiye.foto": 2})) == (1, 1)
    field = forms.FieldDef(key="sayi", label="Sayı", type="count")
    assert KINDS["field"].extra("itfaiye", field, Entries(photos={"itfaiye.sayi": 2})) == (0, 0)
