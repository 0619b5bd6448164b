"""The Qt-free model of an open file (store/document.py): change records, undo on the audit
rows, and incremental updates that equal a full re-read and re-check."""

from __future__ import annotations

import sqlite3
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from desktop.core import settings
from desktop.store.errors import WorkbookError
from desktop.store.file.document import OpenFile
from desktop.store.file.undo import HistoryCleared
from desktop.store.file.workbook import Workbook


def _audit_count(wb) -> int:
    return wb.conn.execute("SELECT count(*) FROM audit").fetchone()[0]


def _assert_like_a_full_read(m: OpenFile) -> None:
    wb = m.wb
    fresh = wb.entries()
    assert m.entries == fresh
    assert m.pending == wb.pending_inputs(m.department)
    assert m.findings == wb.findings(m.department)  # a fresh open-file model over the same file


def _table_cell(definition, department):
    """An entered cell of a table with a total row (its total is computed)."""
    for slot in definition.slots_of(department):
        total = slot.key.rsplit(".", 2)
        if len(total) == 3 and not slot.computed and slot.type == "count" and f"{total[0]}.toplam.{total[2]}" in definition.slots:
            return slot.key, f"{total[0]}.toplam.{total[2]}"
    raise AssertionError("no table with a total")


def test_an_edit_returns_what_changed_and_undo_writes_the_old_value_back(workbook):
    m = OpenFile(workbook)
    cell, total = _table_cell(workbook.definition, workbook.department)
    rows = _audit_count(workbook)
    change = m.set_values({cell: 7}, "hücre")
    assert change.stored == [cell]
    assert {cell, total} <= change.values
    assert m.value(total) == 7 and workbook.get(cell) == 7
    assert m.can_undo and change.step is not None and change.step.place == cell
    undone = m.undo()
    assert workbook.get(cell) is None and m.value(total) is None
    assert {cell, total} <= undone.values
    assert _audit_count(workbook) == rows + 2  # the undo is a transaction of its own, with its audit row
    m.redo()
    assert workbook.get(cell) == 7 and _audit_count(workbook) == rows + 3
    _assert_like_a_full_read(m)


def test_plan_edits_report_the_findings_they_add_and_remove(workbook):
    m = OpenFile(workbook)
    ind = m.indicators[0]
    missing = [f for f in m.findings if f.place == f"{ind.key}.actual"]
    assert missing
    value = ind.target * 3 + 5 if ind.target else Decimal(1000)  # far from the target: a deviation
    change = m.set_plan(ind.key, "actual", value)
    assert change.plan == {ind.key} and change.stored == [f"{ind.key}.actual"]
    assert missing[0] in change.removed
    assert any(f.place == f"{ind.key}.explanation" for f in change.added)
    change = m.set_plan(ind.key, "explanation", "Ödenek artırıldı.")
    assert any(f.place == f"{ind.key}.explanation" for f in change.removed)
    _assert_like_a_full_read(m)
    m.undo()
    m.undo()
    assert workbook.entries().indicators[ind.key].actual is None
    _assert_like_a_full_read(m)


def test_typing_in_one_field_merges_into_one_step_and_typing_back_leaves_none(workbook):
    m = OpenFile(workbook)
    key = next(s.key for s in m.slots.values() if s.type == "count" and not s.computed)
    m.set_values({key: 1}, merge="t")
    change = m.set_values({key: 12}, merge="t")
    assert change.merged and not change.vanished
    m.undo()
    assert workbook.get(key) is None and not m.can_undo
    m.redo()
    assert workbook.get(key) == 12
    m.set_values({key: 5}, merge="u")
    back = m.set_values({key: 12}, merge="u")
    assert back.merged and back.vanished  # typed back to what it was: no step
    m.undo()
    assert workbook.get(key) is None


def test_undo_after_another_program_wrote_is_refused_and_the_history_cleared(workbook_path):
    with Workbook.open(workbook_path) as wb:
        m = OpenFile(wb)
        key = next(s.key for s in m.slots.values() if s.type == "count" and not s.computed)
        m.set_values({key: 3})
        with Workbook.open(workbook_path) as other:
            other.apply(values={key: 500})
        with pytest.raises(HistoryCleared, match="başka bir programda"):
            m.undo()
        assert wb.get(key) == 500 and not m.can_undo and not m.can_redo


def test_undo_whose_place_changed_without_a_version_change_is_refused(workbook):
    """Even when the data version says nothing (the check before undo compares the stored values)."""
    m = OpenFile(workbook)
    key = next(s.key for s in m.slots.values() if s.type == "count" and not s.computed)
    m.set_values({key: 3})
    workbook.apply(values={key: 4})  # the same connection, behind the model's back
    with pytest.raises(HistoryCleared):
        m.undo()
    assert workbook.get(key) == 4 and not m.can_undo


def _racing(monkeypatch, wb: Workbook, write) -> list:
    """Run ``write`` once, right before ``wb``'s next transaction begins: after every check
    made outside it (the window's ``check_undo``, the start of ``undo``), before the write.
    Returns a list that holds True once it ran."""
    begin, ran = Workbook.transaction, []

    def transaction(self):
        if self is wb and not ran:
            ran.append(True)
            write()
        return begin(self)

    monkeypatch.setattr(Workbook, "transaction", transaction)
    return ran


@pytest.mark.parametrize("writer", ["another connection", "this connection"])
@pytest.mark.parametrize("action", ["undo", "redo"])
def test_a_write_between_the_check_and_the_undo_is_never_overwritten(workbook_path, monkeypatch, writer, action):
    """The comparison runs inside the transaction that writes: a commit that lands after the
    early check (the merge thread's, a second program's) is refused, not overwritten. Written
    by this connection behind the model's back, the data version cannot tell: the stored
    values do."""
    with Workbook.open(workbook_path) as wb, Workbook.open(workbook_path) as other:
        m = OpenFile(wb)
        key = next(s.key for s in m.slots.values() if s.type == "count" and not s.computed)
        m.set_values({key: 3})
        if action == "redo":
            m.undo()
        writing = other if writer == "another connection" else wb
        ran = _racing(monkeypatch, wb, lambda: writing.apply(values={key: 500}))
        (m.check_undo if action == "undo" else m.check_redo)()  # the window's early check: all well
        with pytest.raises(HistoryCleared, match="başka bir programda"):
            m.undo() if action == "undo" else m.redo()
        assert ran
        monkeypatch.undo()
        assert wb.get(key) == 500 and other.get(key) == 500  # the other write stands
        assert not m.can_undo and not m.can_redo
        m.catch_up()
        m.set_values({key: 7})  # and the history works on
        m.undo()
        assert wb.get(key) == 500 and m.value(key) == 500
        m.redo()
        assert other.get(key) == 7
        _assert_like_a_full_read(m)


def test_unreadable_text_is_kept_and_superseded_by_a_value(workbook):
    m = OpenFile(workbook)
    key = next(s.key for s in m.slots.values() if s.type == "count" and not s.computed)
    change = m.record_unparsed(key, "12a")
    assert change.pending == {key} and any(f.place == key for f in change.added)
    assert not m.can_undo  # not a value, not an undo step
    change = m.set_values({key: 12})
    assert key in change.pending and key not in m.pending
    _assert_like_a_full_read(m)


def test_a_refused_edit_changes_nothing(workbook):
    m = OpenFile(workbook)
    key = next(s.key for s in m.slots.values() if s.type == "count" and not s.computed)
    with pytest.raises(WorkbookError):
        m.set_values({key: "çok"})
    assert not m.can_undo and key not in m.entries.values
    _assert_like_a_full_read(m)


# --- incremental == full, after many random edits ----------------------------------------------


def _sample(definition, department):
    slots = [s for s in (definition.slots_of(department) if department else definition.slots.values()) if not s.computed]
    numeric = [s.key for s in slots if s.type in ("count", "money", "decimal")]
    texts = [s.key for s in slots if s.type in ("text", "longtext")]
    tables = [s.key for s in slots if s.type == "count" and s.key.count(".") >= 3]
    tol = [k for k in definition.slots if settings.is_settings_key(definition, k) and k.endswith(settings.TOLERANCE)]
    inds = [i.key for i in definition.indicators_of(department)]
    acts = [a.key for a in definition.activities_of(department)]
    # a few of each, so that edits meet each other (totals, rules, the same place twice)
    return numeric[:40:4] + tables[:12], texts[:6], tol, inds[:8], acts[:4]


OPS = st.lists(
    st.tuples(
        st.sampled_from(
            ["value", "text", "tolerance", "indicator", "explanation", "activity", "unparsed", "discard", "undo", "redo"]
        ),
        st.integers(0, 1000),
        st.one_of(st.none(), st.integers(0, 300)),
    ),
    min_size=1,
    max_size=25,
)


def _run(m: OpenFile, ops, sample) -> None:
    numeric, texts, tol, inds, acts = sample
    for op, pick, n in ops:
        try:
            if op == "value":
                m.set_values({numeric[pick % len(numeric)]: n}, merge=pick % 3 or None)
            elif op == "text" and texts:
                m.set_values({texts[pick % len(texts)]: None if n is None else f"metin {n}"})
            elif op == "tolerance" and tol:
                m.set_values({tol[0]: None if n is None else Decimal(n % 50)})
            elif op == "indicator" and inds:
                m.set_plan(inds[pick % len(inds)], "actual", None if n is None else Decimal(n))
            elif op == "explanation" and inds:
                m.set_plan(inds[pick % len(inds)], "explanation", "" if n is None else f"açıklama {n}")
            elif op == "activity" and acts:
                m.set_plan(acts[pick % len(acts)], "actual_cost", None if n is None else Decimal(n))
            elif op == "unparsed":
                m.record_unparsed(numeric[pick % len(numeric)], f"{n}x")
            elif op == "discard" and m.pending:
                m.discard_unparsed(list(m.pending)[pick % len(m.pending)])
            elif op == "undo":
                m.undo()
            elif op == "redo":
                m.redo()
        except WorkbookError:
            pass  # refused (a value out of range): the file and the model are as they were
        _assert_like_a_full_read(m)


@hsettings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ops=OPS)
def test_random_edits_in_a_department_file_equal_a_full_recheck(workbook, ops):
    m = OpenFile(workbook)
    _run(m, ops, _sample(workbook.definition, workbook.department))


@hsettings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ops=OPS)
def test_random_edits_in_a_consolidated_file_equal_a_full_recheck(consolidated_path, ops):
    with Workbook.open(consolidated_path) as wb:
        m = OpenFile(wb)
        _run(m, ops, _sample(wb.definition, None))


def test_a_stored_problem_goes_when_its_place_is_edited(workbook_path):
    conn = sqlite3.connect(workbook_path)
    with Workbook.open(workbook_path) as wb:
        key = next(s.key for s in wb.definition.slots_of(wb.department) if s.type == "count" and not s.computed)
    conn.execute(
        "INSERT INTO entry (key, department, value, changed_at, changed_by) VALUES (?, 'itfaiye', 'yanlış', '', '')", (key,)
    )
    conn.commit()
    conn.close()
    with Workbook.open(workbook_path) as wb:
        m = OpenFile(wb)
        bad = [f for f in m.findings if f.rule == "saklanan_kayit" and f.place == key]
        assert bad
        change = m.set_values({key: 4})
        assert bad[0] in change.removed
        _assert_like_a_full_read(m)


def _photo_list(definition, department) -> str:
    from desktop.core.forms import PhotoListDef

    form = definition.form(department)
    return next(f"{department}.{i.key}" for s in form.sections for i in s.items if isinstance(i, PhotoListDef))


def test_photo_steps_undo_and_redo(workbook):
    from report_support import jpeg

    m = OpenFile(workbook)
    key = _photo_list(workbook.definition, workbook.department)
    added = m.add_photo(key, jpeg((200, 0, 0)), "ilk", label="Fotoğraf eklendi")
    assert added.photos == {key} and added.photo is not None and m.entries.photos[key] == 1
    second = m.add_photo(key, jpeg((0, 200, 0)), "ikinci").photo
    m.set_caption(key, second.id, "iki", merge="c")
    m.set_caption(key, second.id, "ikinci foto", merge="c")  # one step: typing in the caption
    m.move_photo(key, second.id, 1, 0)
    assert [p.caption for p in m.photos(key)] == ["ikinci foto", "ilk"]
    m.undo()  # the move
    m.undo()  # the caption, both saves at once
    assert [p.caption for p in m.photos(key)] == ["ilk", "ikinci"]
    removed = m.remove_photo(key, m.photos(key)[0].id)
    assert m.entries.photos[key] == 1 and removed.photos == {key}
    m.undo()  # the removal: the photo comes back, in its place, with its caption
    assert [p.caption for p in m.photos(key)] == ["ilk", "ikinci"]
    m.undo()
    m.undo()
    assert m.photos(key) == [] and key not in m.entries.photos
    m.redo()
    assert [p.caption for p in m.photos(key)] == ["ilk"]
    _assert_like_a_full_read(m)


def _photo_step(m: OpenFile, key: str, op: str):
    """A photo list holding two photos and, on top of the history, a step ``op`` of the first."""
    from report_support import jpeg

    first = m.add_photo(key, jpeg((200, 0, 0)), "ilk").photo
    m.add_photo(key, jpeg((0, 200, 0)), "ikinci")
    if op == "add":
        m.undo()
        m.undo()
        m.redo()  # the first photo added, by redo: a new id that every step names
        first = m.photos(key)[0]
    elif op == "caption":
        m.set_caption(key, first.id, "ilk foto")
    elif op == "move":
        m.move_photo(key, first.id, 0, 1)
    elif op == "remove":
        m.remove_photo(key, first.id)
        m.undo()
        first = m.photos(key)[0]  # back in its place (a new id): the removal can be redone
    return first


@pytest.mark.parametrize(
    ("op", "action"), [("add", "undo"), ("caption", "undo"), ("caption", "redo"), ("move", "undo"), ("remove", "redo")]
)
@pytest.mark.parametrize("writer", ["another connection", "this connection"])
def test_a_photo_write_between_the_check_and_the_undo_is_never_overwritten(workbook_path, monkeypatch, op, action, writer):
    """Another program captions the photo an undo or redo is about to remove or caption again:
    refused inside the transaction, the caption stays, the history is gone."""
    from desktop.store.file import photos

    with Workbook.open(workbook_path) as wb, Workbook.open(workbook_path) as other:
        m = OpenFile(wb)
        key = _photo_list(wb.definition, wb.department)
        first = _photo_step(m, key, op)
        if action == "redo" and op == "caption":
            m.undo()
        writing = other if writer == "another connection" else wb
        if op == "move":
            racing = lambda: photos.move_photo(writing, first.id, 0)  # noqa: E731 - moved back elsewhere
        else:
            racing = lambda: photos.set_caption(writing, first.id, "başka program")  # noqa: E731
        before = [(p.id, p.caption) for p in photos.list_photos(other, key)]
        ran = _racing(monkeypatch, wb, racing)
        (m.check_undo if action == "undo" else m.check_redo)()
        with pytest.raises(HistoryCleared, match="başka bir programda"):
            m.undo() if action == "undo" else m.redo()
        assert ran
        monkeypatch.undo()
        after = [(p.id, p.caption) for p in photos.list_photos(other, key)]
        if op == "move":
            assert after == before[::-1]  # moved back by the other program, and only that
        else:
            assert after == [(i, "başka program" if i == first.id else c) for i, c in before]
        assert not m.can_undo and not m.can_redo
        m.catch_up()
        _assert_like_a_full_read(m)


def test_a_photo_changed_behind_the_models_back_is_not_undone(workbook):
    """No data version change (the same connection): the photo's caption says it."""
    from desktop.store.file import photos

    m = OpenFile(workbook)
    key = _photo_list(workbook.definition, workbook.department)
    first = _photo_step(m, key, "caption")
    photos.set_caption(workbook, first.id, "elle")
    with pytest.raises(HistoryCleared):
        m.check_undo()
    assert [p.caption for p in m.photos(key)] == ["elle", "ikinci"] and not m.can_undo


def test_undoing_a_removal_is_one_transaction(workbook, monkeypatch):
    """The photo comes back in its place in one transaction (added and moved), so nothing can
    come in between."""
    m = OpenFile(workbook)
    key = _photo_list(workbook.definition, workbook.department)
    first = _photo_step(m, key, "caption")
    m.remove_photo(key, first.id)
    begin, began = Workbook.transaction, []
    monkeypatch.setattr(Workbook, "transaction", lambda self: began.append(self) or begin(self))
    change = m.undo()
    assert began == [workbook]
    assert [p.caption for p in m.photos(key)] == ["ilk foto", "ikinci"] and change.photos == {key}
    rows = workbook.conn.execute("SELECT attribute, old, new FROM audit ORDER BY id DESC LIMIT 2").fetchall()
    assert [r[0] for r in rows] == ["photo.move", "photo.add"] and rows[0][1:] == (1, 0)
    _assert_like_a_full_read(m)


def test_values_and_plan_set_together_are_one_step_and_one_undo(workbook):
    m = OpenFile(workbook)
    cell, total = _table_cell(workbook.definition, workbook.department)
    ind = m.indicators[0]
    change = m.set_entries({cell: 5}, {ind.key: {"actual": Decimal("7"), "explanation": "Bütçe kısıldı."}}, {}, "Excel")
    assert change.step is not None and change.step.place == cell and change.step.label == "Excel"
    assert ind.key in change.plan and m.value(total) == 5
    assert m.indicator(ind.key).explanation == "Bütçe kısıldı."
    _assert_like_a_full_read(m)
    m.undo()
    assert workbook.get(cell) is None and m.indicator(ind.key).actual is None and m.indicator(ind.key).explanation == ""
    assert not m.can_undo
    _assert_like_a_full_read(m)
    m.redo()
    assert workbook.get(cell) == 5 and workbook.entries().indicators[ind.key].actual == Decimal("7")


def test_a_commit_right_after_an_edit_is_still_seen_as_made_elsewhere(workbook_path, monkeypatch):
    """Another connection's commit that lands between this model's write and its update from the
    audit rows, and leaves no audit row of its own (a second program), is still reported by
    ``changed_elsewhere``: the model's own write does not change SQLite's data version, so there is
    nothing to note after it, and noting the version then took the other commit for seen."""
    with Workbook.open(workbook_path) as wb, Workbook.open(workbook_path) as other:
        m = OpenFile(wb)
        key = next(s.key for s in m.slots.values() if s.type == "count" and not s.computed)
        real = wb.apply

        def then_another_commit(*args, **kwargs):
            written = real(*args, **kwargs)
            other.conn.execute("INSERT INTO meta (key, value) VALUES ('baska_program', 'x')")  # commits, no audit row
            return written

        monkeypatch.setattr(wb, "apply", then_another_commit)
        m.set_values({key: 3})
        monkeypatch.undo()
        assert m.changed_elsewhere()
        assert not m.changed_elsewhere()  # seen once
        m.set_values({key: 4})  # an edit with nobody else writing
        assert not m.changed_elsewhere()


@pytest.mark.parametrize("op", ["caption", "move"])
def test_a_photo_deleted_elsewhere_just_before_its_undo_clears_the_history(workbook_path, monkeypatch, op):
    """The photo an undo is about to caption or move again is removed by another program after the
    early check, before the photo operation reads it: the undo is refused as a change made elsewhere
    (the history cleared), not with a bare "not found" that leaves the steps in place."""
    from desktop.store.file import photos

    with Workbook.open(workbook_path) as wb, Workbook.open(workbook_path) as other:
        m = OpenFile(wb)
        key = _photo_list(wb.definition, wb.department)
        first = _photo_step(m, key, op)
        name = "set_caption" if op == "caption" else "move_photo"
        real = getattr(photos, name)

        def removed_first(*args, **kwargs):
            photos.remove_photo(other, first.id)
            return real(*args, **kwargs)

        m.check_undo()
        monkeypatch.setattr(photos, name, removed_first)
        with pytest.raises(HistoryCleared, match="başka bir programda"):
            m.undo()
        monkeypatch.undo()
        assert not m.can_undo and not m.can_redo
        assert first.id not in [p.id for p in photos.list_photos(other, key)]
        m.catch_up()
        _assert_like_a_full_read(m)
