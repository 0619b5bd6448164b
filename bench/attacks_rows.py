"""Attacks on the merge through a department file's rows and clock (issue #12, items 1, 2, 6, 9, 11).

Each takes a genuine department file (the sample's first department), changes
its rows with plain SQL as any SQLite tool could, and checks that:

* the merge refuses it with a clear Turkish message and leaves the
  consolidated file as it was (``time`` attacks: refused unless accepted, and
  flagged so the window can ask);
* ``faaliyet check`` refuses it too (exit 1, the problem named), so check and
  merge agree; ``values export`` and ``excel export`` do not crash;
* the incoming file is unchanged.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path

from desktop.core.definition import Definition

from .attacks import Attack, clear_message, cli, sha
from .sample_files import department_files

NOW = "2021-02-01T10:00:00+00:00"


def _setup(definition: Definition, work: Path) -> tuple[Path, Path, str]:
    from desktop.store.file.workbook import Workbook  # noqa: PLC0415

    source = department_files(definition, work / "birim", 1)[0]
    target = work / "birlesik.faaliyet"
    Workbook.create(target, definition, None).close()
    with Workbook.open(source, readonly=True) as wb:
        return source, target, wb.department or ""


def _keys(definition: Definition, dept: str) -> dict[str, str]:
    """Keys the SQL needs, found in the definition (no sample name is assumed)."""
    own = [s for s in definition.slots_of(dept) if not s.computed]
    other_dept = next(d.key for d in definition.departments if d.key != dept and definition.slots_of(d.key))
    other = next(s for s in definition.slots_of(other_dept) if not s.computed)
    computed = next((s for s in definition.slots_of(dept) if s.computed), None)
    other_ind = next((i for i in definition.plan.indicators() if i.department != dept), None)
    return {
        "dept": dept,
        "own_count": next(s.key for s in own if s.type == "count"),
        "own_text": next(s.key for s in own if s.type in ("text", "longtext")),
        "other": other.key,
        "other_dept": other_dept,
        "computed": computed.key if computed else "",
        "other_indicator": other_ind.key if other_ind else "",
    }


# (name, kind, SQL with {placeholders} from _keys)
ROWS = [
    ("entry-of-another-department", "rows", "INSERT INTO entry VALUES ('{other}', '{dept}', 'x', '" + NOW + "', 'x')"),
    ("entry-marked-another-department", "rows", "UPDATE entry SET department = '{other_dept}' WHERE key = '{own_count}'"),
    ("entry-unknown-key", "rows", "INSERT INTO entry VALUES ('{dept}.yok_boyle', '{dept}', 1, '" + NOW + "', 'x')"),
    ("computed-cell-stored", "rows", "INSERT OR REPLACE INTO entry VALUES ('{computed}', '{dept}', 5, '" + NOW + "', 'x')"),
    (
        "indicator-of-another-department",
        "rows",
        "INSERT OR REPLACE INTO indicator VALUES ('{other_indicator}', '{dept}', 1, '', '', '" + NOW + "', 'x')",
    ),
    ("activity-unknown", "rows", "INSERT INTO activity VALUES ('f_yok', '{dept}', 100, '', '', '" + NOW + "', 'x')"),
    (
        "photo-of-another-list",
        "rows",
        "INSERT INTO photo (department, list_key, position, mime, width, height, sha256, data, changed_at, changed_by) "
        "VALUES ('{dept}', '{other_dept}.foto', 0, 'image/png', 1, 1, '', x'00', '" + NOW + "', 'x')",
    ),
    ("status-of-another-department", "rows", "INSERT INTO status VALUES ('{other_dept}', 'kabul', '" + NOW + "', 'x', '', '')"),
    (
        "audit-of-another-department",
        "rows",
        "INSERT INTO audit (at, who, department, target, attribute, old, new) VALUES ('"
        + NOW
        + "', 'x', '{dept}', '{other}', 'value', NULL, 1)",
    ),
    (
        "import-log-in-department-file",
        "rows",
        "INSERT INTO import_log (at, by, department, file_name, file_hash, content_hash) VALUES ('"
        + NOW
        + "', 'x', '{dept}', 'a', 'b', 'c')",
    ),
    ("meta-extra-key", "rows", "INSERT INTO meta VALUES ('sapma_toleransi', '50')"),
    ("definition-second-row", "rows", "INSERT INTO definition VALUES ('x', 'y', '1', '{{}}')"),
    ("future-timestamps", "time", "UPDATE entry SET changed_at = '2999-01-01T00:00:00+00:00'"),
    (
        "future-audit-row",
        "time",
        "INSERT INTO audit (at, who, department, target, attribute, old, new) VALUES ('2999-01-01T00:00:00+00:00', 'x', '{dept}', '{own_count}', 'value', NULL, 1)",
    ),
    ("before-the-year", "time", "UPDATE entry SET changed_at = '1999-06-01T00:00:00+00:00' WHERE key = '{own_count}'"),
    ("unreadable-timestamp", "rows", "UPDATE entry SET changed_at = 'dün' WHERE key = '{own_count}'"),
    (
        "invalid-utf8-text",
        "decode",
        "INSERT OR REPLACE INTO entry VALUES ('{own_text}', '{dept}', CAST(x'4bc328ff' AS TEXT), '" + NOW + "', 'x')",
    ),
    ("text-in-count", "decode", "UPDATE entry SET value = 'iki bin' WHERE key = '{own_count}'"),
    ("infinite-count", "decode", "UPDATE entry SET value = 9e999 WHERE key = '{own_count}'"),
    ("negative-count", "decode", "UPDATE entry SET value = -3 WHERE key = '{own_count}'"),
    ("fraction-in-count", "decode", "UPDATE entry SET value = 1.5 WHERE key = '{own_count}'"),
    ("huge-count", "decode", "UPDATE entry SET value = 9223372036854775807 WHERE key = '{own_count}'"),
    ("blob-in-text", "decode", "INSERT OR REPLACE INTO entry VALUES ('{own_text}', '{dept}', x'00ff', '" + NOW + "', 'x')"),
]


def _forged(name: str, kind: str, sql: str):
    def run(definition: Definition, work: Path) -> list[str]:
        source, target, dept = _setup(definition, work)
        keys = _keys(definition, dept)
        if "{computed}" in sql and not keys["computed"] or "{other_indicator}" in sql and not keys["other_indicator"]:
            return []  # the definition has nothing of that kind to forge
        path = work / f"{name}.faaliyet"
        shutil.copy(source, path)
        conn = sqlite3.connect(path)
        conn.execute(sql.format(**keys))
        conn.commit()
        conn.close()
        return _refused_everywhere(path, target, time=kind == "time")

    return Attack(f"rows/{name}", kind, run)


def _refused_everywhere(path: Path, target: Path, time: bool = False) -> list[str]:
    from desktop.store.merge.run import merge_files  # noqa: PLC0415

    problems = []
    before, source = sha(target), sha(path)
    outcome = merge_files(target, [path]).files[0]
    if outcome.status != "refused":
        problems.append(f"merge: {outcome.status}")
    elif p := clear_message(outcome.message):
        problems.append(f"merge: {p}")
    if time and not outcome.untrusted_time:
        problems.append("merge: not flagged as untrusted time")
    if sha(target) != before:
        problems.append("consolidated file changed")
    rc, out, err = cli("check", str(path))
    if rc != 1:
        problems.append(f"check: exit {rc} ({err.strip()[:120]})")
    elif (
        "saklanan" not in out
        and "değişiklik zamanı" not in out
        and "UTF-8" not in out
        and "birime ait" not in out
        and "değil" not in out
    ):
        problems.append("check: the problem is not named")
    for args in (("values", "export", str(path)), ("excel", "export", str(path), "--out", str(path.with_suffix(".xlsx")))):
        rc, _, err = cli(*args)
        if rc not in (0, 1, 2) or "Traceback" in err:
            problems.append(f"{args[0]} {args[1]}: {rc}")
    if sha(path) != source:
        problems.append("incoming file changed")
    return problems


def _symlink_loop(definition: Definition, work: Path) -> list[str]:
    from desktop.store.merge.run import merge_files  # noqa: PLC0415

    _source, target, _ = _setup(definition, work)
    loop = work / "dongu.faaliyet"
    os.symlink(loop, loop)
    before = sha(target)
    outcome = merge_files(target, [loop]).files[0]
    problems = [] if outcome.status == "refused" else [f"merge: {outcome.status}"]
    if p := clear_message(outcome.message):
        problems.append(p)
    return problems + (["consolidated file changed"] if sha(target) != before else [])


def _huge_sparse(definition: Definition, work: Path) -> list[str]:
    from desktop.store.merge.run import merge_files  # noqa: PLC0415

    source, target, _ = _setup(definition, work)
    huge = work / "buyuk.faaliyet"
    shutil.copy(source, huge)
    with huge.open("r+b") as fh:
        fh.truncate(2 * 1024**3)
    outcome = merge_files(target, [huge]).files[0]
    huge.unlink()
    if outcome.status != "refused" or "büyük" not in outcome.message:
        return [f"merge: {outcome.status} {outcome.message[:100]}"]
    return []


ATTACKS = [_forged(*row) for row in ROWS] + [
    Attack("rows/symlink-loop-input", "misc", _symlink_loop),
    Attack("rows/huge-sparse-file", "misc", _huge_sparse),
]
