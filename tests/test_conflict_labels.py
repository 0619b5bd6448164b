"""A decided conflict's id (``conflicts.unit_id``, kept in the import log) named as the conflict view named it."""

from __future__ import annotations

from desktop.store.merge.conflicts import label_of_id, unit_id, unit_label


def test_every_kind_of_unit_is_named_from_its_id(definition):
    slot = next(s for s in definition.slots_of("itfaiye") if not s.computed)
    indicator = definition.indicators_of("itfaiye")[0]
    activity = definition.activities_of("itfaiye")[0]
    photos = next(
        f"itfaiye.{i.key}" for section in definition.form("itfaiye").sections for i in section.items if i.kind == "photos"
    )
    for unit in (("e", slot.key), ("i", indicator.key, "explanation"), ("a", activity.key, "actual_cost"), ("p", photos)):
        assert label_of_id(definition, unit_id("itfaiye", unit)) == unit_label(definition, unit), unit


def test_a_key_the_definition_no_longer_has_is_shown_as_it_is(definition):
    assert label_of_id(definition, "itfaiye:itfaiye.yok_artik") == "itfaiye.yok_artik"
    assert label_of_id(definition, "itfaiye:pg_yok.actual") == "pg_yok.actual"
