"""The content hash's canonical text is the same whichever encoder writes it.

``Snapshot.canonical`` writes a department's rows with msgspec when every value is an
integer, a text or NULL, and with the stdlib's json otherwise. The hash of a department
is compared across files, versions and years (the same file again, the submitted hash),
so both must give the very same bytes as the json text of the whole snapshot always did.
"""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.store.file import fingerprint
from desktop.store.file.stored_values import BadText


def whole(snap: fingerprint.Snapshot) -> str:
    """The canonical text as it was written before: one json.dumps of the whole snapshot."""
    obj = {"v": fingerprint.VERSION, "e": snap.entries, "i": snap.indicators, "a": snap.activities, "p": snap.photos}
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"), default=fingerprint._default)


def test_every_character_is_written_as_json_writes_it():
    """One text holding every code point (surrogates cannot come out of SQLite): escapes and all."""
    text = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    snap = fingerprint.Snapshot(entries=[("k", text), (text, "v")], indicators=[("i", None, text, "")])
    assert snap.canonical() == whole(snap)


def test_plain_rows_are_not_written_by_json(monkeypatch):
    """The shortcut is taken (else it would be none): integers, texts and NULLs only."""
    monkeypatch.setattr(fingerprint, "canonical", lambda obj: pytest.fail("json used"))
    assert fingerprint._rows_canonical([("a", 1), ("b", "x\n\u00e7"), ("c", None)]) == '[["a",1],["b","x\\n\u00e7"],["c",null]]'


def test_integers_at_sqlites_edges():
    rows = [("a", -(2**63)), ("b", 2**63 - 1), ("c", 0), ("d", -1), ("e", None)]
    snap = fingerprint.Snapshot(entries=rows)
    assert snap.canonical() == whole(snap)


def test_floats_blobs_and_unreadable_text_go_through_json():
    """msgspec would write 1e16 (json: 1e+16) and a blob as base64: such rows are written by json."""
    for value in (1e16, 1e-07, 2.0, 0.1, float("inf"), b"\x00\xff", BadText("K\ufffd")):
        snap = fingerprint.Snapshot(entries=[("a", 5), ("b", value)])
        assert snap.canonical() == whole(snap), value
    assert fingerprint._rows_canonical([("a", 1e16)]) == '[["a",1e+16]]'
    assert fingerprint._rows_canonical([("a", b"\x01")]) == '[["a",{"blob":"01"}]]'


stored_value = st.one_of(
    st.none(),
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.floats(allow_nan=False),
    st.text(alphabet=st.characters(blacklist_categories=["Cs"])),
    st.binary(max_size=8),
)
key = st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=12)


@settings(max_examples=300, deadline=None)
@given(
    entries=st.lists(st.tuples(key, stored_value), max_size=20),
    indicators=st.lists(st.tuples(key, stored_value, st.text(max_size=8), st.text(max_size=8)), max_size=5),
    activities=st.lists(st.tuples(key, stored_value, st.text(max_size=8), st.text(max_size=8)), max_size=5),
    photos=st.lists(
        st.tuples(
            key,
            st.lists(
                st.tuples(st.text(max_size=4), st.text(max_size=4), st.text(max_size=4), st.integers(), st.integers()), max_size=3
            ),
        ),
        max_size=3,
    ),
)
def test_any_snapshot_is_written_as_the_whole_json_text(entries, indicators, activities, photos):
    snap = fingerprint.Snapshot(entries=entries, indicators=indicators, activities=activities, photos=photos)
    assert snap.canonical() == whole(snap)
