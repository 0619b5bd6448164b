"""Fuzzing with hypothesis: every input door gives only clean errors, never a crash or a changed file.

Doors:

* ``numbers``  — ``parse_number`` (every kind and style), ``parse_input`` and
  ``parse_date`` on random and number-like text: only ``NumberError`` /
  ``ValueProblem`` / ``DateError``; what parses is an int or a finite Decimal.
* ``loader``   — ``load_definition`` on mutated copies of forms/kars-2020
  (random bytes, line edits, a YAML node replaced by random data): only
  ``DefinitionError`` (with a Turkish message), form files never written.
* ``valueset`` — ``read_json`` on random bytes and ``import_values`` on random
  and mutated value sets: only ``ImportRejected``/``WorkbookError``; a
  refused import leaves the workbook byte-identical.
* ``excel``    — ``import_template`` on mutated templates (cell values,
  the hidden key map, zip bytes): only ``ImportRejected``/``WorkbookError``;
  a refused import leaves the workbook byte-identical.
* ``stored``   — random values written with plain SQL into a department
  file's rows: ``check``, reading and the merge never crash, and ``check``
  refuses exactly what the merge refuses (one rule set, ``store/file/stored.py``).

Each ``fuzz_*`` returns a ``FuzzTally``; a forbidden exception is raised by
hypothesis (shrunk to a minimal example).
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import shutil
import zipfile
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

TURKISH = set("çğıöşüÇĞİÖŞÜ")
SETTINGS = dict(deadline=None, database=None, derandomize=True, suppress_health_check=list(HealthCheck))


@dataclass
class FuzzTally:
    door: str
    tried: int = 0
    refused: int = 0
    accepted: int = 0
    problems: list = field(default_factory=list)


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# (a YAML syntax error may quote the parser's English detail after the Turkish lead)
PYTHONIC = re.compile(
    r"Traceback|[a-z]Error\b|Exception|NoneType|object has no|Input should|invalid literal|"
    r"unsupported operand|<[a-z_.]+ object at",
    re.I,
)
TURKISH_WORDS = re.compile(r"eksik|bir |yok|olmalı|değil|alan|dosya|geçersiz|bilinmeyen|hata|sayı|tarih|girin|kullanın", re.I)


def _turkish_message(text: str) -> None:
    """A message for a person: not empty, in Turkish, no Python internals."""
    assert text.strip(), "empty message"
    own = re.sub(r"'[^'\n]*'", "''", text)  # what the user typed is quoted back; judge only our words
    assert not PYTHONIC.search(own), text
    assert TURKISH & set(text) or TURKISH_WORDS.search(text), text


# --- numbers --------------------------------------------------------------
NUMBERISH = st.text(alphabet="0123456789.,  \u00a0\u202f-+\u2212%TLtl₺eE()'", max_size=30)


def fuzz_numbers(n: int = 300) -> FuzzTally:
    from desktop.core.dates import DateError, parse_date  # noqa: PLC0415
    from desktop.core.numbers import KINDS, STYLES, NumberError, parse_number  # noqa: PLC0415
    from desktop.core.values import ValueProblem, parse_input  # noqa: PLC0415

    tally = FuzzTally("numbers")

    @settings(max_examples=n, **SETTINGS)
    @given(text=st.one_of(NUMBERISH, st.text(max_size=40)), kind=st.sampled_from(KINDS), style=st.sampled_from(STYLES))
    def run(text, kind, style):
        tally.tried += 1
        try:
            value = parse_number(text, kind, style)
        except NumberError as exc:
            tally.refused += 1
            _turkish_message(str(exc))
        else:
            tally.accepted += 1
            assert isinstance(value, int) if kind == "count" else isinstance(value, Decimal), (text, value)
            assert kind != "count" or value >= 0 or "-" in text or "\u2212" in text
            if isinstance(value, Decimal):
                assert value.is_finite(), (text, value)
        for type_ in ("count", "decimal", "money", "percent", "date"):
            try:
                parse_input(type_, text)
            except ValueProblem as exc:
                _turkish_message(str(exc))
        try:
            parse_date(text)
        except DateError as exc:
            _turkish_message(str(exc))

    run()
    return tally


# --- the definition loader --------------------------------------------------
def _json_values():
    scalars = st.one_of(
        st.none(),
        st.booleans(),
        st.integers(-(10**12), 10**12),
        st.text(max_size=20),
        st.floats(allow_nan=True, allow_infinity=True),
    )
    return st.recursive(
        scalars,
        lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=8), inner, max_size=4)),
        max_leaves=10,
    )


def _mutate_yaml(text: str, data, how: str) -> bytes:
    """One mutation of a YAML text; ``data`` drives the choices."""
    lines = text.splitlines(keepends=True) or [""]
    i = data.draw(st.integers(0, len(lines) - 1))
    if how == "bytes":
        return data.draw(st.binary(max_size=200))
    if how == "delete":
        del lines[i]
    elif how == "duplicate":
        lines.insert(i, lines[i])
    elif how == "swap":
        j = data.draw(st.integers(0, len(lines) - 1))
        lines[i], lines[j] = lines[j], lines[i]
    elif how == "indent":
        lines[i] = data.draw(st.sampled_from(["", " ", "  ", "\t", "    "])) + lines[i].lstrip()
    elif how == "insert":
        lines.insert(i, data.draw(st.text(max_size=40)) + "\n")
    elif how == "truncate":
        cut = data.draw(st.integers(0, len(text)))
        return text[:cut].encode("utf-8", "surrogatepass")
    elif how == "node":
        return _replace_node(text, data)
    return "".join(lines).encode("utf-8", "surrogatepass")


def _replace_node(text: str, data) -> bytes:
    from ruamel.yaml import YAML  # noqa: PLC0415

    yaml = YAML(typ="safe", pure=True)
    doc = yaml.load(text)
    path = []
    node = doc
    while isinstance(node, (dict, list)) and node and data.draw(st.booleans()):
        key = data.draw(st.sampled_from(list(node.keys()) if isinstance(node, dict) else list(range(len(node)))))
        path.append(key)
        node = node[key]
    new = data.draw(_json_values())
    if not path:
        doc = new
    else:
        parent = doc
        for k in path[:-1]:
            parent = parent[k]
        parent[path[-1]] = new
    buf = io.StringIO()
    YAML(typ="safe", pure=True).dump(doc, buf)
    return buf.getvalue().encode("utf-8", "surrogatepass")


def fuzz_loader(workdir: Path, n: int = 40, small: bool = False) -> FuzzTally:
    """``small``: tanim.yaml and two forms only (the full folder takes ~0.5 s a load)."""
    from desktop import resources  # noqa: PLC0415
    from desktop.core.loader import DefinitionError, load_definition  # noqa: PLC0415

    source = resources.default_definition()
    folder = workdir / source.name
    shutil.rmtree(folder, ignore_errors=True)
    shutil.copytree(source, folder)
    if small:
        (folder / "plan.yaml").unlink(missing_ok=True)
        for form in (folder / "birimler").glob("*.yaml"):
            if form.stem not in ("itfaiye", "imar"):
                form.unlink()
    files = sorted(p.relative_to(folder) for p in folder.rglob("*.yaml"))
    pristine = {f: (folder / f).read_bytes() for f in files}
    tally = FuzzTally("loader")

    @settings(max_examples=n, **SETTINGS)
    @given(
        data=st.data(),
        which=st.sampled_from(files),
        how=st.sampled_from(["bytes", "delete", "duplicate", "swap", "indent", "insert", "truncate", "node", "node"]),
    )
    def run(data, which, how):
        tally.tried += 1
        target = folder / which
        target.write_bytes(_mutate_yaml(pristine[which].decode("utf-8"), data, how))
        before = {f: _sha(folder / f) for f in files}
        try:
            load_definition(folder)
            tally.accepted += 1
        except DefinitionError as exc:
            tally.refused += 1
            _turkish_message(str(exc))
        finally:
            after = {f: _sha(folder / f) for f in files}
            target.write_bytes(pristine[which])
        assert after == before, "the loader changed a form file"

    run()
    return tally


# --- value sets -------------------------------------------------------------
def fuzz_valueset(workbook: Path, n: int = 150) -> FuzzTally:
    from desktop.store.errors import WorkbookError  # noqa: PLC0415
    from desktop.store.exchange.valueset import export_values, import_values, read_json  # noqa: PLC0415
    from desktop.store.file.workbook import Workbook  # noqa: PLC0415

    tally = FuzzTally("valueset")
    with Workbook.open(workbook) as wb:
        valid = export_values(wb)
    junk = workbook.parent / "degerler.json"

    def mutated(data):
        doc = json.loads(json.dumps(valid))
        how = data.draw(st.sampled_from(["value", "key", "top", "drop", "random"]))
        section = data.draw(st.sampled_from(["values", "indicators", "activities"]))
        rows = doc[section]
        if how == "random":
            return data.draw(st.dictionaries(st.sampled_from(list(valid) + ["x"]), _json_values(), max_size=8))
        if how == "top":
            doc[data.draw(st.sampled_from(list(valid) + ["fazla"]))] = data.draw(_json_values())
        elif how == "drop":
            doc.pop(data.draw(st.sampled_from(list(valid))), None)
        elif rows:
            row = rows[data.draw(st.integers(0, len(rows) - 1))]
            field_ = data.draw(st.sampled_from(list(row) + ["fazla"]))
            row[field_] = data.draw(_json_values()) if how == "value" else data.draw(st.text(max_size=30))
        return doc

    @settings(max_examples=n, **SETTINGS)
    @given(data=st.data(), raw=st.one_of(st.binary(max_size=300), st.builds(lambda v: json.dumps(v).encode(), _json_values())))
    def run(data, raw):
        tally.tried += 2
        junk.write_bytes(raw)
        try:
            read_json(junk)
        except WorkbookError as exc:
            _turkish_message(str(exc))
        doc = mutated(data)
        before = _sha(workbook)
        with Workbook.open(workbook) as wb:
            try:
                import_values(wb, doc)
                tally.accepted += 1
            except WorkbookError as exc:
                tally.refused += 1
                _turkish_message(str(exc))
                assert _sha(workbook) == before, "a refused import changed the file"
        with Workbook.open(workbook, readonly=True) as wb:
            assert wb.conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"

    run()
    junk.unlink(missing_ok=True)
    return tally


# --- Excel templates ---------------------------------------------------------
def fuzz_excel(workbook: Path, n: int = 30) -> FuzzTally:
    from openpyxl import load_workbook  # noqa: PLC0415

    from desktop.store.errors import WorkbookError  # noqa: PLC0415
    from desktop.store.exchange.excel_import import import_template  # noqa: PLC0415
    from desktop.store.exchange.excel_template import template_from_workbook  # noqa: PLC0415
    from desktop.store.file.workbook import Workbook  # noqa: PLC0415

    tally = FuzzTally("excel")
    template = workbook.parent / "sablon.xlsx"
    with Workbook.open(workbook) as wb:
        template_from_workbook(wb, wb.department, template)
    pristine = template.read_bytes()
    with zipfile.ZipFile(template) as z:
        parts = [i.filename for i in z.infolist()]
    book = load_workbook(template)
    sheets = {ws.title: (ws.max_row, ws.max_column) for ws in book.worksheets}
    cell_values = st.one_of(
        st.none(),
        st.integers(-(10**15), 10**15),
        st.floats(allow_nan=False, allow_infinity=False),
        NUMBERISH,
        st.text(max_size=60),
        st.dates(),
        st.booleans(),
        st.just("=1/0"),
    )
    filled = workbook.parent / "doldurulmus.xlsx"

    @settings(max_examples=n, **SETTINGS)
    @given(data=st.data(), how=st.sampled_from(["cells", "cells", "map", "zip-bytes", "zip-part", "truncate"]))
    def run(data, how):
        tally.tried += 1
        if how in ("cells", "map"):
            book = load_workbook(io.BytesIO(pristine))
            names = [s for s in sheets if (s == "_anahtarlar") == (how == "map")] or list(sheets)
            for _ in range(data.draw(st.integers(1, 6))):
                name = data.draw(st.sampled_from(names))
                rows, cols = sheets[name]
                cell = book[name].cell(data.draw(st.integers(1, rows + 1)), data.draw(st.integers(1, cols + 1)))
                try:
                    cell.value = data.draw(cell_values)
                except Exception:  # noqa: BLE001 - openpyxl refuses it itself (control characters)
                    pass
            book.save(filled)
        elif how == "zip-part":
            part = data.draw(st.sampled_from(parts))
            out = io.BytesIO()
            with zipfile.ZipFile(io.BytesIO(pristine)) as zin, zipfile.ZipFile(out, "w") as zout:
                for info in zin.infolist():
                    body = zin.read(info)
                    if info.filename == part:
                        cut = data.draw(st.integers(0, len(body)))
                        body = body[:cut] + data.draw(st.binary(max_size=40)) + body[cut:]
                    zout.writestr(info, body)
            filled.write_bytes(out.getvalue())
        elif how == "zip-bytes":
            raw = bytearray(pristine)
            for _ in range(data.draw(st.integers(1, 8))):
                raw[data.draw(st.integers(0, len(raw) - 1))] ^= data.draw(st.integers(1, 255))
            filled.write_bytes(bytes(raw))
        else:
            filled.write_bytes(pristine[: data.draw(st.integers(0, len(pristine)))])
        before = _sha(workbook)
        with Workbook.open(workbook) as wb:
            try:
                import_template(wb, filled)
                tally.accepted += 1
            except WorkbookError as exc:
                tally.refused += 1
                _turkish_message(str(exc))
                assert _sha(workbook) == before, "a refused Excel import changed the file"

    run()
    filled.unlink(missing_ok=True)
    return tally


# --- stored rows: check and merge agree ----------------------------------------
_STORED_TARGETS = [
    ("entry", "value"),
    ("entry", "key"),
    ("entry", "department"),
    ("entry", "changed_at"),
    ("entry", "changed_by"),
    ("indicator", "actual"),
    ("indicator", "explanation"),
    ("indicator", "department"),
    ("indicator", "key"),
    ("status", "state"),
    ("status", "department"),
    ("audit", "at"),
    ("audit", "target"),
    ("audit", "department"),
]


def _sqlite_values():
    """Any value SQLite can store: integers of every size, reals (inf too), text, invalid UTF-8, blobs, NULL."""
    return st.one_of(
        st.none(),
        st.integers(-(2**63), 2**63 - 1),
        st.floats(allow_nan=False),
        st.text(max_size=40),
        st.binary(max_size=20).map(lambda b: ("blob", b)),
        st.binary(min_size=1, max_size=12).map(lambda b: ("text", b)),
        st.sampled_from(["2999-01-01T00:00:00+00:00", "1999-01-01T00:00:00+00:00", "gonderildi", "kabul", "x.y"]),
    )


def fuzz_stored(workbook: Path, target: Path, n: int = 60) -> FuzzTally:
    """Random values written with plain SQL into the rows of a department file: ``check``,
    ``entries()``, value export and the merge never crash, and check refuses exactly what
    merge refuses (a stored-row finding, or exit 2, exactly when the merge refuses it)."""
    import contextlib  # noqa: PLC0415
    import sqlite3  # noqa: PLC0415

    from desktop import cli  # noqa: PLC0415
    from desktop.store.file.workbook import Workbook  # noqa: PLC0415
    from desktop.store.merge.run import merge_files  # noqa: PLC0415

    tally = FuzzTally("stored")
    copy = workbook.parent / "bozulmus.faaliyet"
    keep = target.read_bytes()

    @settings(max_examples=n, **SETTINGS)
    @given(
        where=st.lists(st.tuples(st.sampled_from(_STORED_TARGETS), st.integers(0, 50), _sqlite_values()), min_size=1, max_size=3)
    )
    def run(where):
        tally.tried += 1
        shutil.copy(workbook, copy)
        target.write_bytes(keep)
        conn = sqlite3.connect(copy)
        for (table, column), pick, value in where:
            if isinstance(value, tuple):
                value = sqlite3.Binary(value[1]) if value[0] == "blob" else value[1]
                expr = "?" if not isinstance(value, bytes) else "CAST(? AS TEXT)"
            else:
                expr = "?"
            rowids = [r[0] for r in conn.execute(f"SELECT rowid FROM {table} ORDER BY rowid")]
            if rowids:
                with contextlib.suppress(sqlite3.IntegrityError):  # a key made equal to another's
                    conn.execute(f"UPDATE {table} SET {column} = {expr} WHERE rowid = ?", (value, rowids[pick % len(rowids)]))
        conn.commit()
        conn.close()
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            rc = cli.main(["check", str(copy)])
        assert rc in (0, 1, 2), rc
        if rc == 2:
            _turkish_message(err.getvalue())
            check_refuses = True
        else:
            with Workbook.open(copy, readonly=True) as wb:
                check_refuses = any(f.rule == "saklanan_kayit" for f in wb.findings(images=True))
                wb.entries()
        outcome = merge_files(target, [copy]).files[0]
        merge_refuses = outcome.status == "refused"
        if merge_refuses:
            tally.refused += 1
            _turkish_message(outcome.message)
        else:
            tally.accepted += 1
        assert check_refuses == merge_refuses, f"check {'refuses' if check_refuses else 'passes'}, merge: {outcome.line()}"

    try:
        run()
    finally:
        copy.unlink(missing_ok=True)
        target.write_bytes(keep)
    return tally
