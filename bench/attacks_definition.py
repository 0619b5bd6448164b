"""Attacks through a file's stored definition and its images (issue #12, item 4; photos of item 5).

A ``.faaliyet`` file stores the year's definition as canonical JSON checked
against its SHA-256 digest — which the sender computes, so a file from
another PC can carry any definition. Each attack below forges one (a huge
table, too many values, a long text, a hostile rule, a logo that is a path)
into an otherwise genuine İtfaiye file, or stores a photo that is no JPEG/PNG
image, and runs every reader: ``check``, ``values export``, ``build``,
``excel export``, ``merge`` (CLI) and ``Workbook.open`` (the window's path).
Each must refuse with a clear Turkish message and leave every file as it was.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import sqlite3
import struct
import zlib
from pathlib import Path
from typing import Callable

import msgspec

from bench.attacks import Attack, clear_message
from desktop.core.definition import Definition
from desktop.store.errors import WorkbookError
from desktop.store.workbook import Workbook

DEPARTMENT = "itfaiye"


# --- building hostile files -----------------------------------------------------

def definition_data(definition: Definition) -> dict:
    """The definition as plain data, to be edited into a hostile one."""
    return msgspec.to_builtins(definition)


def forge(definition: Definition, work: Path, data: dict | str, name: str = "itfaiye.faaliyet") -> Path:
    """A genuine department file whose stored definition is ``data`` (with a matching digest)."""
    path = work / name
    Workbook.create(path, definition, DEPARTMENT, user="saldirgan").close()
    text = data if isinstance(data, str) else msgspec.json.encode(data, order="sorted").decode("utf-8")
    try:  # the canonical JSON, as the sender's copy of the application would write it
        text = Definition.from_json(text).canonical_json()
    except ValueError:
        pass  # refused anyway, before its digest is compared
    digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("UPDATE definition SET json = ?, digest = ?", (text, digest))
        conn.execute("UPDATE meta SET value = ? WHERE key = 'definition_digest'", (digest,))
    conn.close()
    return path


def own_form(data: dict) -> dict:
    return next(f for f in data["forms"] if f["department"] == DEPARTMENT)


def table(key: str, rows: int, columns: int) -> dict:
    return {
        "kind": "table", "key": key, "title": "Tablo",
        "rows": [{"key": f"r{i}", "label": f"Satır {i}"} for i in range(rows)],
        "columns": [{"key": f"c{i}", "label": f"Sütun {i}"} for i in range(columns)],
        "total_row": False,
    }


def add_section(data: dict, items: list[dict], form: dict | None = None) -> None:
    form = form or own_form(data)
    form["sections"].append({"key": f"saldiri{len(form['sections'])}", "title": "Saldırı", "chapter": "III.B.1", "items": items})


def add_rule(data: dict, check: str) -> None:
    own_form(data)["rules"].append({"key": "saldiri", "severity": "error", "check": check, "message": "saldırı"})


# --- running every reader -----------------------------------------------------------

def cli(argv: list[str]) -> tuple[int, str, str]:
    from desktop.cli import main  # noqa: PLC0415

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(argv)
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 2
    return code, out.getvalue(), err.getvalue()


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else ""


def refused_everywhere(definition: Definition, work: Path, path: Path, needle: str = "") -> list[str]:
    """Every reader refuses ``path`` with a clear Turkish message (naming ``needle``) and changes no file."""
    problems: list[str] = []
    into = work / "birlesik.faaliyet"
    Workbook.create(into, definition, None, user="strateji").close()
    before = {p: _digest(p) for p in (path, into)}
    try:
        Workbook.open(path, readonly=True).close()
        problems.append("Workbook.open accepted the file")
    except WorkbookError as exc:
        if why := clear_message(str(exc)):
            problems.append(f"Workbook.open: {why}")
        elif needle and needle not in str(exc):
            problems.append(f"Workbook.open does not say {needle!r}: {str(exc)[:200]}")
    for argv in (
        ["check", str(path)],
        ["values", "export", str(path)],
        ["build", str(path), "--out", str(work / "rapor.pdf")],
        ["excel", "export", str(path), "--out", str(work / "yil.xlsx")],
        ["merge", "--into", str(into), str(path)],
    ):
        code, out, err = cli(argv)
        if code == 0:
            problems.append(f"{argv[0]} accepted the file")
        elif why := clear_message(err or out):
            problems.append(f"{' '.join(argv[:2])}: {why}")
    for p, digest in before.items():
        if _digest(p) != digest:
            problems.append(f"{p.name} changed")
    for p in (work / "rapor.pdf", work / "yil.xlsx"):
        if p.exists():
            problems.append(f"{p.name} written from a refused file")
    return problems


def definition_attack(name: str, edit: Callable[[dict], None], needle: str = "") -> Attack:
    def run(definition: Definition, work: Path) -> list[str]:
        data = definition_data(definition)
        edit(data)
        return refused_everywhere(definition, work, forge(definition, work, data), needle)

    return Attack(f"definition/{name}", "definition", run)


# --- the definition classes -------------------------------------------------------

def _huge_table(data: dict) -> None:
    add_section(data, [table("dev", 2000, 2000)])


def _too_many_department_values(data: dict) -> None:
    add_section(data, [table(f"t{i}", 999, 20) for i in range(3)])  # 3 × 20.000 cells, each table within its limit


def _too_many_values(data: dict) -> None:
    for form in data["forms"][:12]:
        add_section(data, [table(f"t{i}", 999, 20) for i in range(2)], form)  # each department 40.000


def _long_label(data: dict) -> None:
    own_form(data)["sections"][0]["title"] = "Ş" * 1_000_000


def _many_sections(data: dict) -> None:
    for _ in range(150):
        add_section(data, [{"kind": "field", "key": "x", "label": "X", "type": "count"}])


def _json_too_big(data: dict) -> None:
    helps = [{"kind": "field", "key": f"f{i}", "label": "F", "type": "text", "help": "ç" * 9_000} for i in range(100)]
    for _ in range(6):
        add_section(data, helps)


def _bad_number(data: dict) -> None:
    data["plan"]["aims"][0]["goals"][0]["targets"][0]["indicators"][0]["target"] = "Infinity"


def _logo_path(path: str) -> Callable[[dict], None]:
    def edit(data: dict) -> None:
        data["institution"]["logo"] = path

    return edit


def _rule(check: str) -> Callable[[dict], None]:
    return lambda data: add_rule(data, check)


HOSTILE_RULES = {
    "import": "__import__('os').system('true')",
    "attribute": "itfaiye.x.__class__",
    "deep-unary": "-" * 1_990 + "1",
    "deep-parens": "(" * 900 + "1" + ")" * 900,
    "deep-sum": "+".join(["1"] * 900),
    "inf-minus-inf": "1e999 - 1e999",
    "round-digits": "round(1, 999999999)",
    "round-digits-value": "round(1, itfaiye.x)",
    "invert": "~1 > 0",
    "in": "1 in 2",
    "min-one-argument": "min(1) > 0",
    "huge-literal": "1" + "0" * 1_500 + " > 0",
}


def incalculable_rule(definition: Definition, work: Path) -> list[str]:
    """A valid rule whose numbers overflow: ``check`` reports a finding, no traceback."""
    data = definition_data(definition)
    add_rule(data, "1e20 * 1e20 * 1e20 > 0")
    path = forge(definition, work, data)
    before = _digest(path)
    code, out, err = cli(["check", str(path)])
    problems = []
    if code != 1 or "saldırı" not in out or "hesaplanamadı" not in out:
        problems.append(f"check: exit {code}, no finding for the incalculable rule: {(out + err)[-300:]!r}")
    if why := clear_message(out + err):
        problems.append(why)
    if _digest(path) != before:
        problems.append("file changed")
    return problems


ATTACKS: list[Attack] = [
    definition_attack("huge-table", _huge_table, "en çok"),
    definition_attack("too-many-department-values", _too_many_department_values, "en çok"),
    definition_attack("too-many-values", _too_many_values, "en çok"),
    definition_attack("long-label", _long_label, "en çok"),
    definition_attack("many-sections", _many_sections, "en çok"),
    definition_attack("json-too-big", _json_too_big, "çok büyük"),
    definition_attack("infinite-target", _bad_number, "sayı"),
    *(definition_attack(f"rule-{name}", _rule(check), "formül") for name, check in HOSTILE_RULES.items()),
    definition_attack("rule-too-long", _rule("-" * 100_000 + "1"), "en çok"),
    Attack("definition/rule-incalculable", "definition", incalculable_rule),
]
