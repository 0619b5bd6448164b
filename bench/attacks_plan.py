"""Attacks on the plan spreadsheet (issue #13, item 7: ``faaliyet plan template`` / ``plan import``).

A plan spreadsheet comes from the strategy unit's own Excel, or from anyone
who mailed one. Each attack copies the sample definition folder, offers a
hostile .xlsx to ``faaliyet plan import`` and expects a clear Turkish refusal
(exit 1 or 2) with every file of the folder as it was — or, for text that
only looks like a formula, a plan that keeps it as text.

- ``plan/formula-text-in-names``: names beginning with ``=``, ``+``, ``-``,
  ``@`` go into plan.yaml as text and come out of the next template as text
  cells, never as formulas.
- ``plan/too-many-rows``: more indicator rows than the plan may hold
  (``core.limits.MAX_PLAN_ENTRIES``), and one row far below everything.
- ``plan/zip-bomb``: a small .xlsx whose sheet inflates to 64 MB.
- ``plan/not-an-xlsx``: an empty file, text, an old .xls and a PDF renamed
  .xlsx, a zip that is no workbook, a folder.
- ``plan/dtd-entities``: a sheet carrying a DTD (entity expansion).
"""

from __future__ import annotations

import hashlib
import shutil
import time
import zipfile
from pathlib import Path

from bench.attacks import Attack, clear_message
from bench.attacks_exchange import cli
from desktop import resources
from desktop.core.definition import Definition


def _folder(work: Path) -> Path:
    folder = work / "tanim"
    shutil.copytree(resources.default_definition(), folder)
    return folder


def _digests(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def _template(folder: Path, work: Path) -> Path:
    xlsx = work / "plan.xlsx"
    rc, out, err = cli("plan", "template", "--definition", folder, "--out", xlsx)
    if rc != 0:
        raise RuntimeError(f"plan template failed: {rc} {err[:200]}")
    return xlsx


def _refused(folder: Path, xlsx: Path, where: str, needles=(), seconds: float = 30.0) -> list[str]:
    """Problems unless importing ``xlsx`` is refused clearly, quickly and without changing the folder."""
    before = _digests(folder)
    started = time.perf_counter()
    rc, out, err = cli("plan", "import", xlsx, "--definition", folder, "--accept-weights")
    took = time.perf_counter() - started
    problems = []
    if rc not in (1, 2):
        problems.append(f"{where}: exit {rc} ({err[:200]!r})")
    why = clear_message(err)
    if why:
        problems.append(f"{where}: {why}")
    problems += [f"{where}: message lacks {n!r}: {err[:300]!r}" for n in needles if n not in err]
    if _digests(folder) != before:
        problems.append(f"{where}: the definition folder changed")
    if took > seconds:
        problems.append(f"{where}: took {took:.1f} s")
    return problems


def formula_text_in_names(definition: Definition, work: Path) -> list[str]:
    import openpyxl  # noqa: PLC0415

    from desktop.core.loader import load_definition  # noqa: PLC0415

    folder = _folder(work)
    xlsx = _template(folder, work)
    book = openpyxl.load_workbook(xlsx)
    hostile = {
        ("Plan", "B2"): '=HYPERLINK("http://saldiri.example","Tıkla")',
        ("Amaçlar", "B2"): "+cmd|' /C calc'!A0",
        ("Göstergeler", "C2"): "-2+3+cmd|' /C calc'!A0",
        ("Faaliyetler", "C2"): "@SUM(1+1)*cmd|' /C calc'!A0",
    }
    for (sheet, cell), text in hostile.items():
        book[sheet][cell].value = text
        book[sheet][cell].data_type = "s"  # typed as text (Excel keeps a leading ' so)
    book.save(xlsx)
    rc, out, err = cli("plan", "import", xlsx, "--definition", folder, "--accept-weights")
    if rc != 0:
        return [f"import refused text that looks like a formula: {rc} {err[:300]!r}"]
    plan = load_definition(folder).plan
    got = [plan.name, plan.aims[0].name, plan.indicators()[0].name, plan.activities()[0].name]
    problems = [f"name changed: {g!r} != {w!r}" for g, w in zip(got, hostile.values()) if g != w]
    (work / "again").mkdir()
    again = _template(folder, work / "again")
    with zipfile.ZipFile(again) as z:
        for name in z.namelist():
            if name.startswith("xl/worksheets/") and b"<f>" in z.read(name):
                problems.append(f"{name}: a plan name written as a formula")
    return problems


def too_many_rows(definition: Definition, work: Path) -> list[str]:
    import openpyxl  # noqa: PLC0415

    from desktop.core.limits import MAX_PLAN_ENTRIES, grouped  # noqa: PLC0415

    folder = _folder(work)
    xlsx = _template(folder, work)
    book = openpyxl.load_workbook(xlsx)
    ws = book["Göstergeler"]
    first = [c.value for c in ws[2]]
    for n in range(MAX_PLAN_ENTRIES + 1):
        ws.append([f"fazla_{n}"] + first[1:])
    many = work / "cok-satir.xlsx"
    book.save(many)
    problems = _refused(folder, many, "rows over the limit", [grouped(MAX_PLAN_ENTRIES)])
    book = openpyxl.load_workbook(xlsx)
    book["Faaliyetler"].cell(900_000, 3, "uzakta bir satır")
    far = work / "uzak-satir.xlsx"
    book.save(far)
    return problems + _refused(folder, far, "a row far below", ["olağandışı büyük"])


def zip_bomb(definition: Definition, work: Path) -> list[str]:
    folder = _folder(work)
    xlsx = _template(folder, work)
    bomb = work / "bomba.xlsx"
    with zipfile.ZipFile(xlsx) as zin, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == "xl/worksheets/sheet5.xml":  # Göstergeler: padded with 64 MB of blanks
                data = data.replace(b"<sheetData>", b"<sheetData>" + b" " * (64 * 1024 * 1024), 1)
            zout.writestr(info.filename, data)
    return _refused(folder, bomb, "zip bomb", ["olağandışı büyüklükte"])


def not_an_xlsx(definition: Definition, work: Path) -> list[str]:
    folder = _folder(work)
    cases = {
        "bos.xlsx": b"",
        "metin.xlsx": "Amaç;Hedef\nSA1;H1.1\n".encode(),
        "eski.xlsx": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 4096,
        "belge.xlsx": b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n",
    }
    problems = []
    for name, data in cases.items():
        (work / name).write_bytes(data)
        problems += _refused(folder, work / name, name)
    with zipfile.ZipFile(work / "arsiv.xlsx", "w") as z:
        z.writestr("okubeni.txt", "bir zip, ama çalışma kitabı değil")
    problems += _refused(folder, work / "arsiv.xlsx", "arsiv.xlsx", ["çalışma kitabı değil"])
    (work / "klasor.xlsx").mkdir()
    problems += _refused(folder, work / "klasor.xlsx", "a folder")
    problems += _refused(folder, work / "yok.xlsx", "a missing file", ["bulunamadı"])
    return problems


def dtd_entities(definition: Definition, work: Path) -> list[str]:
    folder = _folder(work)
    xlsx = _template(folder, work)
    hostile = work / "dtd.xlsx"
    laughs = (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
    )
    with zipfile.ZipFile(xlsx) as zin, zipfile.ZipFile(hostile, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == "xl/worksheets/sheet2.xml":
                body = data.split(b"?>", 1)[1] if data.startswith(b"<?xml") else data
                data = laughs + body.replace(b"<sheetData>", b"<sheetData><!-- &lol2; -->", 1)
            zout.writestr(info.filename, data)
    return _refused(folder, hostile, "DTD", ["DTD"])


ATTACKS: list[Attack] = [
    Attack("plan/formula-text-in-names", "excel", formula_text_in_names),
    Attack("plan/too-many-rows", "excel", too_many_rows),
    Attack("plan/zip-bomb", "excel", zip_bomb),
    Attack("plan/not-an-xlsx", "excel", not_an_xlsx),
    Attack("plan/dtd-entities", "excel", dtd_entities),
]
