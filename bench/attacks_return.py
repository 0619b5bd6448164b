"""Attacks on the return file (issue #16: the strategy unit's send-back note as a file the clerk opens).

A return file comes from another PC by USB stick or e-mail: the clerk's side
must refuse every hostile one with a clear Turkish message, exit 1 from
``faaliyet receive``, and leave the department file byte for byte as it was.

- ``return/forged-department``: re-signed for another department's file.
- ``return/forged-hash``: re-signed for content the clerk never sent.
- ``return/edited-note``: the note changed, the digest left (a forged note).
- ``return/foreign-field``: re-signed naming a field of another department.
- ``return/huge``, ``return/deep-nesting``, ``return/control-characters``: size, depth and text limits.
- ``return/fifo``: a named pipe given as the return file (never read, never blocks).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from bench.attacks import Attack, clear_message, cli, sha
from desktop.core.definition import Definition


def _setup(definition: Definition, work: Path) -> tuple[Path, Path, str, str]:
    """A submitted department file, imported and sent back: (its path, the return file, the department, another)."""
    from desktop.store.file import fingerprint, return_note
    from desktop.store.file.workbook import Workbook
    from desktop.store.merge.run import merge_files

    depts = [d.key for d in definition.departments if d.role != "institution" and definition.slots_of(d.key)]
    dept, other = depts[0], depts[1]
    clerk = work / f"{dept}.faaliyet"
    with Workbook.create(clerk, definition, dept) as wb:
        wb.set_state("gonderildi", content_hash=fingerprint.content_hash(wb.conn, dept))
    target = work / "birlesik.faaliyet"
    Workbook.create(target, definition, None).close()
    merge_files(target, [clerk])
    out = work / f"{dept}.geri.json"
    with Workbook.open(target) as wb:
        field = next(s.key for s in definition.slots_of(dept) if not s.computed)
        return_note.write(wb, return_note.make(wb, dept, "Kontrol edin.", [field]), out)
    return clerk, out, dept, other


def _resigned(path: Path, **changes) -> None:
    from desktop.store.file.return_note import ReturnNote

    data = json.loads(path.read_text("utf-8"))
    data.update(changes)
    note = ReturnNote(
        data["institution"],
        data["year"],
        data["department"],
        data["content_hash"],
        data["note"],
        tuple(data["fields"]),
        data["by"],
        data["at"],
    )
    data["digest"] = note.digest
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")


def _attack(spoil):
    def run(definition: Definition, work: Path) -> list[str]:
        clerk, ret, dept, other = _setup(definition, work)
        target = spoil(ret, definition, dept, other)
        before = sha(clerk)
        rc, _out, err = cli("receive", clerk, target)
        problems = []
        if rc != 1:
            problems.append(f"receive exit {rc}, expected 1 (refused)")
        if (why := clear_message(err)) is not None:
            problems.append(why)
        if sha(clerk) != before:
            problems.append("the department file changed")
        return problems

    return run


def _edit_note(ret: Path, *_):
    data = json.loads(ret.read_text("utf-8"))
    data["note"] = "Her şey yolunda, dokunmayın."
    ret.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    return ret


def _fifo(ret: Path, *_):
    fifo = ret.with_name("boru.geri.json")
    if hasattr(os, "mkfifo"):
        os.mkfifo(fifo)
    else:  # Windows: a folder with the name is not a regular file either
        fifo.mkdir()
    return fifo


def _foreign_field(ret: Path, definition: Definition, dept: str, other: str):
    _resigned(ret, fields=[next(s.key for s in definition.slots_of(other))])
    return ret


ATTACKS: list[Attack] = [
    Attack("return/forged-department", "misc", _attack(lambda r, d, dept, other: (_resigned(r, department=other), r)[1])),
    Attack("return/forged-hash", "misc", _attack(lambda r, *_: (_resigned(r, content_hash="ab" * 32), r)[1])),
    Attack("return/edited-note", "misc", _attack(_edit_note)),
    Attack("return/foreign-field", "misc", _attack(_foreign_field)),
    Attack("return/huge", "misc", _attack(lambda r, *_: (r.write_bytes(b"{" + b" " * (1 << 20) + b"}"), r)[1])),
    Attack("return/deep-nesting", "misc", _attack(lambda r, *_: (r.write_text("[" * 100_000, "utf-8"), r)[1])),
    Attack("return/control-characters", "text", _attack(lambda r, *_: (_resigned(r, note="a\x00\x1b[2Jb"), r)[1])),
    Attack("return/fifo", "misc", _attack(_fifo)),
]
