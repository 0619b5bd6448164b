"""The entry and audit rows of a department file that need no look in Python, proven so in SQL.

``stored.problems`` checks every row of a file with ``row_check.RowCheck``; a merge checks
every department file it gets, and most of their rows are whole numbers of the
department's own number slots and the audit rows of their changes. Those are proven
clean here, set-based; every other row (a text or decimal value, another department's
key, a computed cell, a time or author with any problem) goes through ``RowCheck`` row by
row, in table order, so the findings are exactly those of the per-row check.

Nothing is set up (no temporary table): the proof is one WHERE clause with a few JSON
list parameters, so it pays for itself on the smallest file. A row is left out of the
Python loop only when every rule ``RowCheck`` applies to it is proven:

* an entry's key is one of the department's own entered number slots (``proven_keys``,
  from the same look-ups ``RowCheck`` makes), its department column the department, its
  value a whole number within ``SAFE_INTEGERS``' bounds for the slot's type;
* an audit row's target is one whose owner (``RowCheck.target_owner``) is the department,
  its department column the department. Every text from ``<department>.`` up to (not
  including) ``<department>/`` is such a target (``target_range``: a value key starts with
  its department's key and a dot, department and plan keys hold no dot, and any other key
  under the department's is the department's by its head), so only the department itself
  and its plan items are listed;
* its time is one of the file's distinct times that ``RowCheck.good_time`` accepts, its
  author one of the file's distinct authors that is valid UTF-8 text: each distinct one
  is checked once, in Python, by the rule itself, and compared in SQL by its bytes.

Every comparison is with a list of what is proven (a row not exactly in it is looked
at): a list of what is not proven would let through a row it failed to name. The lists
are compared with the rows of the tables themselves, never through the file's own
indexes (``quick_check`` does not hold an index to its table: a forged one could hide a row).

Per value the proof costs a look-up in a list SQLite builds for the statement: one list
of number slots (a count's are only proven when not negative, so a file holding a
negative whole number gets a second list, of the slots that may be negative), and one
pass over each table for the distinct (time, author) pairs. An audit row's target costs
two comparisons (the range) and, outside it, a look-up in the short list.
"""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING, NamedTuple

import msgspec

from ...core.numbers import MAX_SIGNIFICANT

if TYPE_CHECKING:
    from .row_check import RowCheck

# An INTEGER stored for a number type with fewer than MAX_SIGNIFICANT digits (so also under
# LIMIT, as kuruş too) and, for a count, not negative, is what Faaliyet stores: THE RANGE RULE
# (core.numbers) has nothing to say about it, and it goes through ``coerce`` and back unchanged
# (tests/test_stored_clean_rows.py checks the edges against ``value_problem``). Written without
# abs(), which overflows on the smallest INTEGER.
SAFE = 10**MAX_SIGNIFICANT
SAFE_INTEGERS = (
    f"(typeof(e.value) = 'integer' AND e.value > -{SAFE} AND e.value < {SAFE} "
    "AND (t.type IN ('money', 'decimal', 'percent') OR (t.type = 'count' AND e.value >= 0)))"
)


class DepartmentRows:
    """``entry``/``audit``: WHERE clauses (tables aliased ``e`` and ``a``) that keep only the rows
    to look at in Python; ``args``: their parameters."""

    def __init__(
        self,
        conn: sqlite3.Connection,
        check: RowCheck,
        schema: str,
        negative: bool | None = None,
        known: dict[str, Proven] | None = None,
    ):
        """``negative``: whether a whole number below zero is among the file's values, when the
        caller has asked (``stored.problems`` has, in the one statement it asks first). ``known``:
        the departments' ``Proven`` made so far from the same definition (the merge keeps one per
        definition, ``merge/incoming.KnownDefinition``); the department's is added when missing."""
        dept, s = check.dept or "", schema
        keys = known.get(dept) if known is not None else None
        if keys is None:
            keys = proven(check, dept)
            if known is not None:
                known[dept] = keys
        times: dict[bytes, bool] = {}
        whos: dict[bytes, bool] = {}
        # each (time, author) pair once, one pass over each table; each distinct time and author
        # checked once by the rule itself
        for at, who in conn.execute(
            f"SELECT CAST(changed_at AS BLOB), CAST(changed_by AS BLOB) FROM {s}.entry "
            f"UNION SELECT CAST(at AS BLOB), CAST(who AS BLOB) FROM {s}.audit"
        ):
            if at not in times:
                text = utf8(at)
                times[at] = text is not None and check.good_time(text)
            if who not in whos:
                whos[who] = utf8(who) is not None
        good_times = [utf8(raw) for raw, ok in times.items() if ok]
        good_whos = [utf8(raw) for raw, ok in whos.items() if ok]
        bad = [len(good_times) < len(times), len(good_whos) < len(whos)]  # only then are rows compared with the good ones
        args = {
            "dept": dept,
            "numbers": keys.numbers,
            "targets": keys.targets,
            **({"first": keys.ranged[0], "end": keys.ranged[1]} if keys.ranged else {}),
            "times": _json(good_times),
            "whos": _json(good_whos),
        }
        # a count is never negative: with no negative whole number in the file, a number slot's
        # key is enough; otherwise a negative one must be a signed slot's
        if negative is None:
            sql = f"SELECT EXISTS (SELECT 1 FROM {s}.entry NOT INDEXED WHERE typeof(value) = 'integer' AND value < 0)"
            negative = bool(conn.execute(sql).fetchone()[0])
        number = f"(typeof(e.value) = 'integer' AND e.value < {SAFE} AND ((e.value >= 0 AND e.key IN (SELECT value FROM json_each(:numbers)))"
        if negative:
            args["signed"] = keys.signed
            number += f" OR (e.value > -{SAFE} AND e.key IN (SELECT value FROM json_each(:signed)))"
        number += "))"
        self.args = args

        # every time (author) of the file good: no row's needs comparing
        def good(column: str, kind: int) -> str:
            return f" AND {column} IN (SELECT value FROM json_each(:{('times', 'whos')[kind]}))" if bad[kind] else ""

        # coalesce: a NULL (a row with a NULL value) must keep the row, never drop it
        self.entry = (
            f"WHERE NOT coalesce(e.department IS :dept AND {number}{good('e.changed_at', 0)}{good('e.changed_by', 1)}, 0)"
        )
        target = "a.target IN (SELECT value FROM json_each(:targets))"
        if keys.ranged:  # a text is compared by its bytes: a number or a blob is never within the range
            target = f"(a.target >= :first AND a.target < :end OR {target})"
        self.audit = f"WHERE NOT coalesce(a.department IS :dept AND {target}{good('a.at', 0)}{good('a.who', 1)}, 0)"

    def drop(self) -> None:
        pass


class Proven(NamedTuple):
    """What a department's rows are compared with (``DepartmentRows``), made from the definition
    alone (``proven``): JSON lists of its number slots (``numbers``), of those that may be
    negative (``signed``) and of its audit targets outside ``target_range`` (``targets``), and
    that range (``ranged``). Each list sorted: SQLite builds a look-up from it for every
    statement, and sorted keys go in at the end of it (a third of the time of keys in the
    definition's order, at 5.000 keys)."""

    numbers: str
    signed: str
    targets: str
    ranged: tuple[str, str] | None


def proven(check: RowCheck, dept: str) -> Proven:
    """``Proven`` of ``dept`` in ``check``'s definition (``proven_keys``, ``target_range``)."""
    unsigned, signed, targets = proven_keys(check, dept)
    return Proven(_json(sorted(unsigned + signed)), _json(sorted(signed)), _json(sorted(targets)), target_range(check, dept))


def _json(items: list) -> str:
    return msgspec.json.encode(items).decode()


def utf8(raw) -> str | None:
    """Stored bytes as text, None when they are not UTF-8 (read as text they would be ``BadText``)."""
    try:
        return raw.decode("utf-8")
    except (UnicodeDecodeError, AttributeError):
        return None


def target_range(check: RowCheck, dept: str) -> tuple[str, str] | None:
    """(first, end): every text ``t`` with first <= t < end, compared by its bytes, is an audit target
    ``RowCheck.target_owner`` gives ``dept`` — the texts starting ``<dept>.`` (``.`` and ``/`` are
    neighbours). A value key there is one of ``dept``'s (every slot's key starts with its own
    department's key and a dot, ``item_kinds``); a department key or a plan item's holds no dot
    (a key segment, ``core/keys.py``), so none is there; any other text there is ``dept``'s by its
    head. One exception: ``<dept>.actual`` (and the other plan attributes) is read as a plan item's
    attribute when a plan item's key is ``dept`` itself; then there is no range (None) and every
    target is listed."""
    if "." in dept or check.d.plan_item(dept) is not None:
        return None
    return dept + ".", dept + "/"


def proven_keys(check: RowCheck, dept: str) -> tuple[list[str], list[str], list[str]]:
    """(count slots, other number slots, audit targets) whose rows ``DepartmentRows`` may prove
    clean: each key is the department's by ``RowCheck``'s own look-ups; of the targets, only those
    outside ``target_range`` (all of them without one). From the department's slots only; a merge
    keeps each department's (``Proven``) for as long as its target's definition is open.
    """
    # ``slots_of`` groups ``definition.slots`` by department: each of these is what ``RowCheck``
    # finds under its key (``check.slots``), and its department is ``dept``
    slots = [x for x in check.d.slots_of(dept) if x.department == dept]
    unsigned = [x.key for x in slots if x.type == "count" and not x.computed]
    signed = [x.key for x in slots if x.type in ("money", "decimal", "percent") and not x.computed]
    ranged = target_range(check, dept)
    # ``target_owner`` of a slot's key: the slot's department
    targets = [] if ranged else [x.key for x in slots]
    # what else the audit log names: the department (its state), its indicators and activities,
    # its photo lists; candidates only, each kept when ``target_owner`` gives the department
    others = [dept, *(x.key for x in check.d.indicators_of(dept)), *(x.key for x in check.d.activities_of(dept))]
    others += [f"{dept}.{x.key}" for section in check.d.form(dept).sections for x in section.items if x.kind == "photos"]
    targets += [t for t in others if check.target_owner(t) == dept and not (ranged and ranged[0] <= t < ranged[1])]
    return unsigned, signed, targets
