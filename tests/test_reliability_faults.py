"""Fault injection: an I/O error at every write step of an import, a merge, a copy and a
PDF export leaves every file as it was, with a clear Turkish message (bench/faults.py)."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

from bench import crash, faults, sample_files
from desktop.store.exchange.valueset import export_values, import_values
from desktop.store.file.workbook import Workbook


def _pristine(folder: Path, files: dict[Path, bytes], extra: tuple = ()) -> None:
    """Put ``folder`` back exactly as ``files`` says (nothing else in it)."""
    for p in list(folder.rglob("*")):
        if p.is_file() and p not in files:
            p.unlink()
    for p, data in files.items():
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(data)
    for d in extra:
        d.mkdir(parents=True, exist_ok=True)


def _assert(t: faults.FaultTally, min_steps: int) -> None:
    assert t.problems == []
    assert t.steps >= min_steps, t
    assert t.injected == t.steps and t.clean == t.injected


@pytest.fixture
def itfaiye(tmp_path, definition) -> Path:
    return sample_files.department_files(definition, tmp_path / "d", 1)[0]


@pytest.mark.parametrize("size", [pytest.param("all", marks=pytest.mark.slow), "six"])
def test_value_set_import(itfaiye, size):
    with Workbook.open(itfaiye) as wb:
        data = export_values(wb)
    if size == "six":  # every step of a smaller import; the slow run takes the whole sample
        data["values"] = [r for r in data["values"] if isinstance(r["value"], int)][:5] + [
            r for r in data["values"] if r["field"] == "itfaiye.anlatim"
        ]
    for row in data["values"]:
        if isinstance(row["value"], int):
            row["value"] += 3
        elif row["field"] == "itfaiye.anlatim":
            row["value"] = "Yeni anlatım: çğıöşü ÇĞİÖŞÜ " * 400
    state = {itfaiye: itfaiye.read_bytes()}

    def op(plan):
        with Workbook.open(itfaiye) as wb:
            wb.conn = faults.FaultyConnection(wb.conn, plan)
            return import_values(wb, data)

    t = faults.run_all("import", itfaiye.parent, lambda: _pristine(itfaiye.parent, state), op)
    _assert(t, 14 if size == "six" else 40)  # BEGIN, a row and an audit row per value, COMMIT


@pytest.mark.parametrize("which", ["new department", "newer file of a merged department"])
def test_merge(tmp_path, definition, monkeypatch, which):
    """One file per merge: with several, a refused file rightly lets the others through."""
    from desktop.store.merge.run import merge_files

    folder = tmp_path / "m"
    files = sample_files.department_files(definition, folder / "birimler", 2)
    target = folder / "birlesik.faaliyet"
    Workbook.create(target, definition, None).close()
    merge_files(target, files[1:])
    with Workbook.open(files[1]) as wb:  # a newer file of a department already merged
        wb.set_value(next(iter(crash.editable(definition, wb.department))), None)
    state = {p: p.read_bytes() for p in [target, *files]}
    tmp = folder / "tmp"
    monkeypatch.setattr(tempfile, "tempdir", str(tmp))  # the private copies are watched too

    def op(plan):
        with Workbook.open(target) as wb:
            wb.conn = faults.FaultyConnection(wb.conn, plan)
            return merge_files(wb, files[:1] if which == "new department" else files[1:])

    def refused(result):
        return "\n".join(result.summary_lines()) if result.refused else None

    t = faults.run_all("merge", folder, lambda: _pristine(folder, state, (tmp,)), op, refused)
    _assert(t, 8)


def test_copy_to_send(tmp_path, definition):
    from desktop.store.file.submission import export_copy

    folder = tmp_path / "c"
    src = sample_files.department_files(definition, folder, 1)[0]
    dest = folder / "usb" / "gonder.faaliyet"
    dest.parent.mkdir()
    with Workbook.open(src) as wb:
        export_copy(wb, dest)  # last week's copy
        wb.set_value("itfaiye.trafik_kazasi", 99)
    state = {src: src.read_bytes(), dest: dest.read_bytes()}

    def op(plan):
        with Workbook.open(src) as wb:
            wb.conn = faults.FaultyConnection(wb.conn, plan)
            return export_copy(wb, dest)

    t = faults.run_all("copy", folder, lambda: _pristine(folder, state), op)
    _assert(t, 3)  # VACUUM INTO, fsync, replace (, fsync of the folder)


def test_pdf_export(tmp_path, definition):
    from desktop.report import build_report

    folder = tmp_path / "p"
    src = sample_files.department_files(definition, folder, 1)[0]
    out = folder / "itfaiye.pdf"
    with Workbook.open(src) as wb:
        build_report(wb, out)  # the earlier PDF
        wb.set_value("itfaiye.trafik_kazasi", 99)
    state = {src: src.read_bytes(), out: out.read_bytes()}

    def op(plan):
        with Workbook.open(src, readonly=True) as wb:
            return build_report(wb, out)

    t = faults.run_all("pdf", folder, lambda: _pristine(folder, state), op)
    _assert(t, 3)  # open, write(s), fsync, replace
