"""Merging department files into the consolidated file of the year.

The strategy unit gets a department's file by USB stick or e-mail, often more
than once. ``merge_files`` imports them so that nobody's work is lost or
silently overwritten:

1. Every file is checked before anything is written (``incoming.py``): the
   defensive open, identity (institution, year, a known department, not a
   consolidated file, not the target itself), every row of every table
   against the target's definition with the one rule set of ``file/stored.py``
   (each row the department's own, every value as Faaliyet stores it). A file
   whose timestamps lie beyond the present or before the year's start is
   refused unless ``accept_time``. A refused file is listed with the reason;
   the others go on.
2. **Same file again.** The content hash (``fingerprint.py``: entries,
   indicators, activities, photos; no timestamps) and the submitted state are
   compared with the department's last ``import_log`` row: equal means
   nothing to do, and nothing is written. A file byte for byte the one its
   department's data last came from (the log's file hash) is known before it
   is checked: it is not checked again (``incoming.imported_files``).
3. **Stale file.** The newest change in the file (max of changed_at and audit
   times) older than the newest change of the last imported file of that
   department: refused unless ``force``.
4. **Common origin and conflicts.** Each import stores in ``import_log.summary``
   the imported snapshot (``base``, whose hash is the row's ``content_hash``;
   only a department's newest row keeps it)
   and the hash the department had in the target right after the import
   (``result_hash``). If the target's department still equals the base, the
   incoming file simply replaces the department. Otherwise a three-way
   comparison per unit (``conflicts.py``) decides: changed only there → take
   it; changed only here → keep it (reported as "korundu"); changed on both
   sides to different values → a conflict. Conflicts are resolved by
   ``resolve`` ("ours" keeps the consolidated value, "theirs" takes the
   incoming one, or a mapping ``{conflict.id: "ours"|"theirs"}`` for the
   window); any left unresolved raise ``MergeConflict`` before anything is
   written, for every file of the call. Without a previous import the base is
   empty: a value present on both sides with different values is a conflict.
5. **Writing.** Per file, one transaction on the target (BEGIN IMMEDIATE;
   journal DELETE, synchronous FULL): the target's department hash is checked
   again (someone may have edited meanwhile), the department's rows are
   deleted and re-inserted from the checked private copy with ``ATTACH`` +
   ``INSERT … SELECT`` (values kept here are excluded from both), the status
   follows the incoming file (gönderildi stays gönderildi, anything else is
   taslak), and an ``import_log`` row (file name, file hash, content hash,
   clerk, submitted at, at, by, summary JSON with the change counts) plus
   audit rows are written. An error anywhere rolls the whole file back. The
   result lists what each import deleted, by label, not just how many.

A folder stands for the department files directly in it, a zip archive for those in it
(``archive.py``: each read out into the merge's temporary folder, then checked as any file).

If several files of the same department are given in one call, only the one
with the newest change is imported and the others are reported as skipped.
"""

from __future__ import annotations

import contextlib
import functools
import json
import sqlite3
import tempfile
from collections.abc import Callable, Mapping
from pathlib import Path

from ...core.heap import existing_objects_frozen
from ...core.i18n import _
from ..errors import ReadOnlyWorkbook, StaleImport, UntrustedTime, WorkbookError
from ..file import fingerprint
from ..file.states import state_label
from ..file.tempfiles import sweep_stale_folders
from ..file.transaction import disk_error
from ..file.workbook import SUFFIX, Workbook
from . import write as merge_write
from .archive import extract, file_name, inside, is_archive, members
from .conflicts import CHOICES, Conflict, MergeConflict, show_time, show_value, three_way, unit_label, units
from .incoming import (
    Checker,
    Known,
    Scratch,
    check_incoming,
    imported_files,
    same_file,
    stored_definition,
    target_stat,
    who_changed,
)
from .outcome import FileOutcome, MergeResult
from .private_copy import Spill, scratch_error
from .write import Plan, lists

__all__ = ["MergeConflict", "MergeResult", "FileOutcome", "merge_files", "expand_paths", "PHASES"]

SCRATCH_PREFIX = "faaliyet-birlestir-"  # the merge's temporary folder in the system's

# the phases a merge reports through ``progress``, in order, with the label shown to the user
PHASES = {"check": "denetleniyor", "compare": "karşılaştırılıyor", "write": "yazılıyor"}


@functools.cache
def sweep_once() -> int:
    """What a killed merge (or a removal Windows refused) left in the system's temporary folder, its
    private copies of department files: removed at the first merge of a run of the program, once
    (listing a large %TEMP% at every merge would cost more than the merge)."""
    return sweep_stale_folders(SCRATCH_PREFIX)


def expand_paths(paths: list[Path], target: Path | None = None) -> list[Path]:
    """Files as given; a folder stands for the .faaliyet files directly inside it
    (without the target itself, when it lies in that folder); a zip archive for the .faaliyet
    files in it, each named as a file in it (``archive.py``)."""
    out = []
    for p in paths:
        p = Path(p)
        if p.is_dir():
            out += [f for f in sorted(p.glob("*" + SUFFIX)) if target is None or not same_file(f, target)]
        elif is_archive(p):
            out += members(p)
        else:
            out.append(p)
    return out


@contextlib.contextmanager
def _unpacked(path: Path, tmp: Path, i: int):
    """The file to check for ``path``: itself, or (a file in an archive) its bytes read out into the
    merge's temporary folder under its own name (the name the import log keeps), removed once
    checked (its private copy is what is written): an archive's files never pile up in the folder."""
    if is_archive(path):  # an archive holding no department file, or one that cannot be read
        extract(path, None, tmp)
    found = None if path.exists() else inside(path)
    if found is None:
        yield path
        return
    archive, member = found
    folder = tmp / f"arsiv-{i}"
    try:
        folder.mkdir()
    except OSError as exc:
        raise scratch_error(exc, path.name, tmp) from None
    dest = folder / file_name(member)
    try:
        extract(archive, member, dest)
        yield dest
    finally:
        with contextlib.suppress(OSError):
            dest.unlink()


def merge_files(
    target: Path | Workbook,
    files: list[Path],
    *,
    force: bool = False,
    accept_time: bool = False,
    resolve: str | Mapping[str, str] | None = None,
    dry_run: bool = False,
    user: str | None = None,
    progress: Callable[[int, int, str], None] | None = None,
) -> MergeResult:
    """Merge department files into the consolidated ``target``; see the module docstring.

    ``dry_run`` checks and compares everything, writes nothing and returns the
    conflicts in the result instead of raising. ``progress(done, total, text)``
    is called before each step of each phase (``PHASES``: every file checked,
    each department's newest file compared, each import written); ``text`` is
    the phase's label and the file ("denetleniyor: imar.faaliyet"); ``total``
    is three steps per file, and a last call ``(total, total, "")`` ends a
    merge that writes. ``accept_time`` imports
    files whose timestamps lie beyond the present or before the year's start
    (refused otherwise, flagged ``untrusted_time``). The objects there before the merge (the open
    year) are left out of the cycle collector's walks while it runs (``core/heap.py``).
    """
    with existing_objects_frozen():
        return _merge(target, files, force, accept_time, resolve, dry_run, user, progress)


def _merge(target, files, force, accept_time, resolve, dry_run, user, progress) -> MergeResult:
    if resolve is not None and not isinstance(resolve, Mapping) and resolve not in CHOICES:
        raise WorkbookError(_("Bilinmeyen çözüm '{resolve}': 'ours' ya da 'theirs' olmalı.").format(resolve=resolve))
    own = not isinstance(target, Workbook)
    wb = target if isinstance(target, Workbook) else Workbook.open(target, user=user)
    try:
        if not wb.is_consolidated:
            raise WorkbookError(
                _("'{name}' bir birim dosyası; birleştirme hedefi birleşik dosya olmalı.").format(name=wb.path.name)
            )
        if wb.readonly and not dry_run:
            raise ReadOnlyWorkbook(
                _("Birleşik dosya salt okunur açık: {readonly_reason}").format(readonly_reason=wb.readonly_reason)
            )
        paths = expand_paths(files, wb.path)
        sweep_once()
        # ignore_cleanup_errors: on Windows a scanner may hold a just-written copy open and its removal
        # fail; the merge is written by then, and must not be reported as failed (what is left, the OS's
        # temporary folder clears)
        with tempfile.TemporaryDirectory(prefix=SCRATCH_PREFIX, ignore_cleanup_errors=True) as tmp:
            scratch = Scratch(target_stat(wb.path), Spill(Path(tmp) / "denetlenen.veri"), Checker(), imported_files(wb))
            try:
                result, plans, planned = _plan_all(wb, paths, Path(tmp), force, accept_time, resolve, progress, scratch)
                unresolved = [c for p in plans for c in p.outcome.conflicts if c.id not in p.outcome.resolved]
                if dry_run:
                    return result
                if unresolved:
                    raise MergeConflict(unresolved)
                # the departments' hashes were read while planning, as of ``since``; a write changes
                # only its own department, so while nothing else changed the file they need no second reading
                since: tuple[int, int] | None = planned
                for i, plan in enumerate(plans):
                    _report(progress, "write", i, len(paths), plan.inc.path.name)
                    try:
                        since = merge_write.write(wb, plan, since, scratch.spill)
                    except WorkbookError as exc:
                        plan.outcome.status, plan.outcome.message = "refused", str(exc)
                        since = None  # what changed is not known: each later write reads its hash again
            finally:
                scratch.close()
            if progress:
                progress(3 * len(paths), 3 * len(paths), "")
        return result
    finally:
        if own:
            wb.close()


def _plan_all(
    wb: Workbook, paths, tmp: Path, force: bool, accept_time: bool, resolve, progress, scratch: Scratch | None = None
) -> tuple[MergeResult, list[Plan], tuple[int, int]]:
    """Check every file, compare each department's newest; the plans to write and the target's
    ``write.stamp`` as of the comparisons (taken in their read: a commit by anyone after it,
    before the first write, changes the stamp, and that write reads its department's hash again)."""
    result = MergeResult()
    plans: dict[str, list[Plan]] = {}
    known = stored_definition(wb)
    scratch = scratch or Scratch(target_stat(wb.path))
    for i, path in enumerate(paths):
        outcome = FileOutcome(path=path)
        result.files.append(outcome)
        _report(progress, "check", i, len(paths), path.name)
        try:
            with _unpacked(path, tmp, i) as source:
                inc = check_incoming(source, wb, tmp / f"{i}-{path.name}", accept_time, known, scratch)
        except WorkbookError as exc:
            outcome.status, outcome.message = "refused", str(exc)
            outcome.untrusted_time = isinstance(exc, UntrustedTime)
            continue
        outcome.department = inc.department
        if isinstance(inc, Known):  # the very file last imported: nothing to compare or write
            outcome.status, outcome.message = "unchanged", _("aynı içerik daha önce aktarılmış; hiçbir şey değişmedi")
            continue
        outcome.state = inc.state
        plans.setdefault(inc.department, []).append(Plan(outcome, inc))
    chosen: list[Plan] = []
    with _one_read(wb.conn):
        for j, group in enumerate(plans.values()):
            _choose(wb, j, group, len(paths), force, resolve, progress, chosen)
        since = merge_write.stamp(wb)
    return result, chosen, since


@contextlib.contextmanager
def _one_read(conn: sqlite3.Connection):
    """The comparisons' reads of the target in one read transaction: each statement outside one
    took and dropped the file's lock, looked for a hot journal and read its header again. Nothing
    is written while comparing; a writer elsewhere waits the few milliseconds (``busy_timeout``)."""
    try:
        begun = not conn.in_transaction and conn.execute("BEGIN") is not None
    except sqlite3.Error as exc:  # the target cannot be read: nothing is compared, nothing written
        raise disk_error(exc) from None
    try:
        yield
    finally:
        if begun and conn.in_transaction:
            with contextlib.suppress(sqlite3.Error):
                conn.execute("ROLLBACK")  # a read transaction: nothing to keep


def _choose(wb: Workbook, j: int, group: list[Plan], files: int, force: bool, resolve, progress, chosen: list[Plan]) -> None:
    """Of one department's files, the newest is compared (and, when there is anything to write,
    added to ``chosen``); the others are skipped."""
    group.sort(key=lambda p: p.inc.newest)
    newest = group[-1]
    _report(progress, "compare", j, files, newest.inc.path.name)
    for p in group[:-1]:
        p.outcome.status = "skipped"
        same = p.inc.content_hash == newest.inc.content_hash
        p.outcome.message = (
            _("aynı içerik '{name}' dosyasında da var").format(name=newest.inc.path.name)
            if same
            else _("aynı birimin daha yeni dosyası ('{name}') aktarılıyor").format(name=newest.inc.path.name)
        )
    try:
        if _compare(wb, newest, force, resolve):
            chosen.append(newest)
        if newest.last:  # the last import's snapshot: compared, not kept until writing
            newest.last.pop("base", None)
    except WorkbookError as exc:
        newest.outcome.status, newest.outcome.message = "refused", str(exc)
        newest.outcome.stale = isinstance(exc, StaleImport)


def _report(progress, phase: str, step: int, files: int, name: str) -> None:
    """Step ``step`` of ``phase``: the phases follow each other, each ``files`` steps long."""
    if progress:
        progress(list(PHASES).index(phase) * files + step, 3 * files, f"{PHASES[phase]}: {name}")


def _last_import(wb: Workbook, dept: str) -> dict | None:
    row = wb.conn.execute(
        "SELECT id, content_hash, submitted_at, summary FROM import_log WHERE department = ? ORDER BY id DESC LIMIT 1", (dept,)
    ).fetchone()
    if row is None:
        return None
    try:
        summary = json.loads(row[3]) if row[3] else {}
    except ValueError:
        summary = {}
    return {"id": row[0], "content_hash": row[1], "submitted_at": row[2], **summary}


def _new_reopen(inc, last: dict | None) -> dict | None:
    """The clerk's last taking back of a submission, when the strategy unit has not seen it yet."""
    if inc.reopened and inc.reopened != (last or {}).get("reopen_seen"):
        return inc.reopened
    return None


def _compare(wb: Workbook, plan: Plan, force: bool, resolve) -> bool:
    """Fill the plan; False when there is nothing to write."""
    inc, out = plan.inc, plan.outcome
    dept = inc.department
    last = plan.last = _last_import(wb, dept)
    if last and last["content_hash"] == inc.content_hash:
        if last.get("state") == inc.state and last.get("submitted_at", "") == inc.submitted_at:
            out.status, out.message = "unchanged", _("aynı içerik daha önce aktarılmış; hiçbir şey değişmedi")
            return False
        plan.data = False
        plan.here_hash = fingerprint.content_hash(wb.conn, dept)
        out.message = _("veriler aynı, durum: {s}").format(s=state_label(inc.state).lower())
        out.reopened = _new_reopen(inc, last)
        return True
    out.reopened = _new_reopen(inc, last)
    if last and inc.newest < last.get("newest", "") and not force:
        raise StaleImport(
            _(
                "eldekinden eski bir dosya: en son değişikliği {when}, daha önce aktarılan dosyanınki {when2}. Yine de aktarmak için --force (pencerede 'Yine de aktar')."
            ).format(when=_when(inc.newest), when2=_when(last.get("newest", "")))
        )
    here = fingerprint.read(wb.conn, dept)
    plan.here_hash = here.hash
    there = None
    if here.empty and inc.counts is not None:  # nothing here: every unit of the file is added
        out.changes["eklenen"] += sum(inc.counts.values())
    else:
        there = inc.read(verify=False)  # counted and compared only; the write verifies
        _count_changes(out, here, there, wb.definition)
    # the target holds exactly what the last import brought (or nothing, before
    # the first import): no change was made here, the file replaces the department
    if (last is not None and last["content_hash"] == plan.here_hash) or (last is None and here.empty):
        return True
    if there is None:
        there = inc.read(verify=False)
    there_units = units(lists(there))
    here_units = units(lists(here))
    base_units = units(last.get("base", {})) if last else {}
    decision = three_way(base_units, here_units, there_units)
    if decision.keep_here or decision.conflicts:
        plan.decision = decision
        plan.here_rows = here_units
    out.kept_here = len(decision.keep_here)
    for unit in decision.keep_here:
        _uncount(out, unit, here_units, there_units)
    definition = wb.definition
    there_whos = who_changed(inc, decision.conflicts) if decision.conflicts else {}
    for unit in decision.conflicts:
        here_who = fingerprint.who_changed(wb.conn, unit)
        there_who = there_whos[unit]
        c = Conflict(
            department=dept,
            file_name=inc.path.name,
            unit=unit,
            label=unit_label(definition, unit),
            here=show_value(definition, unit, here_units.get(unit)),
            there=show_value(definition, unit, there_units.get(unit)),
            here_who=here_who[0],
            here_when=here_who[1],
            there_who=there_who[0],
            there_when=there_who[1],
            here_raw=here_units.get(unit),
            there_raw=there_units.get(unit),
            base=show_value(definition, unit, base_units.get(unit)),
        )
        out.conflicts.append(c)
        choice = resolve if isinstance(resolve, str) else (resolve or {}).get(c.id)
        if choice in CHOICES:
            out.resolved[c.id] = choice
            if choice == "ours":
                _uncount(out, unit, here_units, there_units)
    if out.conflicts and len(out.resolved) < len(out.conflicts):
        out.status = "conflict"
    return True


def _uncount(out: FileOutcome, unit: tuple, here: dict, there: dict) -> None:
    """A difference kept as it is here is no change: take it out of the counts (and the deleted list)."""
    if unit[0] in ("i", "a") and unit[2] in ("explanation", "source"):
        return
    h, t = here.get(unit), there.get(unit)
    if unit[0] == "p":  # an empty list is no list
        h, t = h or None, t or None
    kind = "eklenen" if h is None else "silinen" if t is None else "degisen"
    out.changes[kind] -= 1
    if kind == "silinen":
        out.deleted = [d for d in out.deleted if not d.endswith(f"[{unit[1]}]")]


def _count_changes(out: FileOutcome, here: fingerprint.Snapshot, there: fingerprint.Snapshot, definition) -> None:
    """Added/changed/removed values (a value, an indicator's actual, an activity's cost, a photo list);
    what is removed is also listed by its label (``deleted``)."""
    pairs = (
        ("e", dict(here.entries), dict(there.entries)),
        (
            "i",
            {r[0]: r[1] for r in here.indicators if r[1] is not None},
            {r[0]: r[1] for r in there.indicators if r[1] is not None},
        ),
        (
            "a",
            {r[0]: r[1] for r in here.activities if r[1] is not None},
            {r[0]: r[1] for r in there.activities if r[1] is not None},
        ),
        ("p", {k: tuple(map(tuple, v)) for k, v in here.photos}, {k: tuple(map(tuple, v)) for k, v in there.photos}),
    )
    for kind, h, t in pairs:
        removed = sorted(h.keys() - t.keys())
        out.changes["eklenen"] += len(t.keys() - h.keys())
        out.changes["silinen"] += len(removed)
        out.changes["degisen"] += sum(1 for k in h.keys() & t.keys() if not (type(h[k]) is type(t[k]) and h[k] == t[k]))
        unit_of = {
            "e": lambda k: ("e", k),
            "i": lambda k: ("i", k, "actual"),
            "a": lambda k: ("a", k, "actual_cost"),
            "p": lambda k: ("p", k),
        }[kind]
        out.deleted += [
            f"{unit_label(definition, unit_of(k))} = {show_value(definition, unit_of(k), h[k])} [{k}]" for k in removed
        ]


def _when(iso: str) -> str:
    return show_time(iso)
