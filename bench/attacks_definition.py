"""Attacks through a file's stored definition and its images (issue #12, item 4; photos of item 5).

A ``.faaliyet`` file stores the year's definition as parts (its head, one part
per form, one plan slice per department) checked against their digests and the
root digest over them — which
the sender computes, so a file from
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
from collections.abc import Callable
from pathlib import Path

import msgspec

from bench.attacks import Attack, clear_message, cli, sha
from desktop.core import limits
from desktop.core.definition import Definition
from desktop.core.form_parts import HAS_FORM, HAS_SLICE, Leaves, pack_leaves, root_digest
from desktop.core.forms import FormDef
from desktop.store.errors import WorkbookError
from desktop.store.file.workbook import Workbook

DEPARTMENT = "itfaiye"


# --- building hostile files -----------------------------------------------------


def definition_data(definition: Definition) -> dict:
    """The definition as plain data, to be edited into a hostile one."""
    return msgspec.to_builtins(definition)


def forge(
    definition: Definition,
    work: Path,
    data: dict,
    name: str = "itfaiye.faaliyet",
    tamper=None,
    department: str | None = DEPARTMENT,
) -> Path:
    """A genuine department file whose stored definition is ``data``, written as the sender's copy of
    the application would write its parts (``store/file/definition_store.py``): the head (its plan the
    skeleton), the leaves of every form and plan slice (and each department's flags), the JSON of the department's own form
    and slice and the institution unit's, the root digest over them. ``tamper(conn)`` then changes the
    parts as it likes (no digest is made again). ``department`` None: a consolidated file (every part)."""
    path = work / name
    Workbook.create(path, definition, department, user="saldirgan").close()
    departments = [d["key"] for d in data["departments"]]
    plan, slices = plan_parts(data.get("plan") or {}, departments)
    plan_head = {k: v for k, v in (data.get("plan") or {}).items() if k != "aims"} | {"aims": []} if data.get("plan") else {}
    head = msgspec.json.encode(
        {k: v for k, v in data.items() if k not in ("forms", "departments", "plan")} | ({"plan": plan_head} if plan_head else {}),
        order="sorted",
    )
    institution = {d["key"] for d in data["departments"] if d.get("role") == "institution"}
    rows, form_leaves = [], []
    for i, form in enumerate(data["forms"]):
        text = msgspec.json.encode(form, order="sorted")
        try:  # the value count as the application counts it (a form it cannot build: its JSON is refused first)
            slots = limits.form_slots(FormDef.from_data(form))
        except (ValueError, KeyError, RecursionError):
            slots = 0
        form_leaves.append(hashlib.sha256(text).hexdigest())
        if department is None or form["department"] in {department, *institution}:
            rows.append((i, form["department"], slots, form_leaves[-1], text.decode()))
    slice_leaves = [hashlib.sha256(text).hexdigest() for _dept, text in slices]
    has = {f["department"]: HAS_FORM for f in data["forms"]}
    for dept, _text in slices:
        has[dept] = has.get(dept, 0) | HAS_SLICE
    conn = sqlite3.connect(path, isolation_level=None)
    # the departments and aims the file carries (``definition_store.needed``), as ``data`` has them
    kept = {department, *institution} | {d["key"] for d in data["departments"] if d.get("finance")}
    own = next((d for d in data["departments"] if d["key"] == department), {})
    kept |= {own["reports_to"]} if own.get("reports_to") else set()
    for form in data["forms"]:
        if form["department"] in {department, *institution}:
            kept |= {
                r.get("department")
                for s in form["sections"]
                for i in s["items"]
                if i.get("kind") == "table"
                for r in (i["rows"] if isinstance(i.get("rows"), list) else [])
                if isinstance(r, dict) and r.get("department")
            }
    filled = {
        p["target"]
        for d, text in slices
        if d in {department, *institution}
        for k in ("indicators", "activities")
        for p in msgspec.json.decode(text)[k]
    }
    kept_aims = {
        i
        for i, aim in enumerate((plan or {}).get("aims", []))
        if any(t["key"] in filled for g in aim["goals"] for t in g["targets"])
    }
    unit_rows, unit_leaves, aim_rows, aim_leaves = [], [], [], []
    for i, unit in enumerate(data["departments"]):
        text = msgspec.json.encode(unit, order="sorted")
        unit_leaves.append(hashlib.sha256(text).hexdigest())
        if department is None or unit["key"] in kept:
            unit_rows.append((i, unit["key"], unit_leaves[-1], text.decode()))
    for i, aim in enumerate((plan or {}).get("aims", [])):
        text = msgspec.json.encode(aim, order="sorted")
        aim_leaves.append(hashlib.sha256(text).hexdigest())
        if department is None or i in kept_aims:
            aim_rows.append((i, aim_leaves[-1], text.decode()))
    leaves = pack_leaves([form_leaves, slice_leaves, unit_leaves, aim_leaves], bytes(has.get(d, 0) for d in departments))
    conn.execute("DELETE FROM definition_department")
    conn.executemany("INSERT INTO definition_department (position, department, digest, json) VALUES (?, ?, ?, ?)", unit_rows)
    conn.execute("DELETE FROM definition_aim")
    conn.executemany("INSERT INTO definition_aim (position, digest, json) VALUES (?, ?, ?)", aim_rows)
    conn.execute("DELETE FROM definition_form")
    conn.executemany("INSERT INTO definition_form (position, department, slots, digest, json) VALUES (?, ?, ?, ?, ?)", rows)
    conn.execute("DELETE FROM definition_plan")
    conn.executemany(
        "INSERT INTO definition_plan (position, department, digest, json) VALUES (?, ?, ?, ?)",
        [
            (i, dept, hashlib.sha256(text).hexdigest(), text.decode())
            for i, (dept, text) in enumerate(slices)
            if department is None or dept in {department, *institution}
        ],
    )
    conn.execute("UPDATE definition SET json = ?", (head.decode(),))
    conn.execute("UPDATE definition_leaves SET data = ?", (leaves,))
    seal(conn)
    if tamper is not None:
        tamper(conn)
    conn.close()
    return path


def plan_parts(plan: dict, departments: list[str]) -> tuple[dict, list[tuple[str, bytes]]]:
    """A plan (as data) split as the application stores it (``core/plan_parts.py``): the skeleton,
    and each department's slice JSON (its items with their target and place, the sizes of the
    targets it fills), in ``departments``' order."""
    slices: dict[str, dict] = {}
    aims = []
    for aim in plan.get("aims", []):
        goals = []
        for goal in aim.get("goals", []):
            targets = []
            for target in goal.get("targets", []):
                size = [len(target.get("indicators", [])), len(target.get("activities", []))]
                for kind in ("indicators", "activities"):
                    for at, item in enumerate(target.get(kind, [])):
                        part = slices.setdefault(item.get("department"), {"indicators": [], "activities": [], "sizes": {}})
                        part[kind].append({"target": target["key"], "at": at, "item": item})
                        part["sizes"][target["key"]] = size
                targets.append(target | {"indicators": [], "activities": []})
            goals.append(goal | {"targets": targets})
        aims.append(aim | {"goals": goals})
    skeleton = plan | {"aims": aims} if plan else plan
    return skeleton, [(d, msgspec.json.encode(slices[d], order="sorted")) for d in departments if d in slices]


def seal(conn: sqlite3.Connection) -> None:
    """The leaves made again of the stored forms' and slices' digests (each at its place; the other
    departments' leaves and the flags kept), and the root digest of the head and them, written
    where the file keeps them (a careful forger)."""
    (head,) = conn.execute("SELECT CAST(json AS BLOB) FROM definition").fetchone()
    (data,) = conn.execute("SELECT data FROM definition_leaves").fetchone()
    leaves = Leaves(data)
    kinds = [[leaves.digest(k, i) or "" for i in range(leaves.count(k))] for k in range(4)]
    for kind, table in enumerate(("definition_form", "definition_plan", "definition_department", "definition_aim")):
        for position, digest in conn.execute(f"SELECT position, digest FROM {table}"):
            if 0 <= position < len(kinds[kind]):
                kinds[kind][position] = digest
    data = pack_leaves(kinds, leaves.flags)
    root = root_digest(hashlib.sha256(head).hexdigest(), data)
    conn.execute("UPDATE definition SET digest = ?", (root,))
    conn.execute("UPDATE definition_leaves SET digest = ?, data = ?", (root, data))
    conn.execute("UPDATE meta SET value = ? WHERE key = 'definition_digest'", (root,))


def own_form(data: dict) -> dict:
    return next(f for f in data["forms"] if f["department"] == DEPARTMENT)


def table(key: str, rows: int, columns: int) -> dict:
    return {
        "kind": "table",
        "key": key,
        "title": "Tablo",
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


def refused_everywhere(definition: Definition, work: Path, path: Path, needle: str = "") -> list[str]:
    """Every reader refuses ``path`` with a clear Turkish message (naming ``needle``) and changes no file."""
    problems: list[str] = []
    into = work / "birlesik.faaliyet"
    Workbook.create(into, definition, None, user="strateji").close()
    before = {p: sha(p) for p in (path, into)}
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
        code, out, err = cli(*argv)
        if code == 0:
            problems.append(f"{argv[0]} accepted the file")
        elif why := clear_message(err or out):
            problems.append(f"{' '.join(argv[:2])}: {why}")
    for p, digest in before.items():
        if sha(p) != digest:
            problems.append(f"{p.name} changed")
    for p in (work / "rapor.pdf", work / "yil.xlsx"):
        if p.exists():
            problems.append(f"{p.name} written from a refused file")
    return problems


def definition_attack(name: str, edit: Callable[[dict], None], needle: str = "", *, consolidated: bool = False) -> Attack:
    """``consolidated``: the forged file is a consolidated one (a rule between departments, judged
    where every form is: a department file holds no other department's form to break it)."""

    def run(definition: Definition, work: Path) -> list[str]:
        data = definition_data(definition)
        edit(data)
        path = forge(
            definition,
            work,
            data,
            "birlesik-sahte.faaliyet" if consolidated else "itfaiye.faaliyet",
            None,
            None if consolidated else DEPARTMENT,
        )
        return refused_everywhere(definition, work, path, needle)

    return Attack(f"definition/{name}", "definition", run)


def parts_attack(name: str, tamper: Callable[..., None], needle: str, *, with_definition: bool = False) -> Attack:
    """The genuine definition's parts, changed by ``tamper`` after they were sealed (``tamper(conn)``,
    or ``tamper(conn, definition)`` ``with_definition``)."""

    def run(definition: Definition, work: Path) -> list[str]:
        change = (lambda conn: tamper(conn, definition)) if with_definition else tamper
        path = forge(definition, work, definition_data(definition), tamper=change)
        return refused_everywhere(definition, work, path, needle)

    return Attack(f"definition/{name}", "definition", run)


def _part_not_its_digest(conn: sqlite3.Connection) -> None:
    conn.execute(
        f"UPDATE definition_form SET json = replace(json, '\"title\":\"', '\"title\":\"Sahte ') WHERE department = '{DEPARTMENT}'"
    )


def _leaves_not_the_root(conn: sqlite3.Connection) -> None:
    """Another department's leaf changed (its form said to be another), the root left as it was."""
    conn.execute("UPDATE definition_leaves SET data = CAST(substr(data, 1, 4) || zeroblob(32) || substr(data, 37) AS BLOB)")


def _summary_not_its_form(conn: sqlite3.Connection) -> None:
    conn.execute(f"UPDATE definition_form SET slots = slots + 1 WHERE department = '{DEPARTMENT}'")
    seal(conn)


def _another_departments_form(conn: sqlite3.Connection, definition: Definition) -> None:
    """imar's form (made of the department's own, its leaf made again) added to the İtfaiye file."""
    (text, slots) = conn.execute(f"SELECT json, slots FROM definition_form WHERE department = '{DEPARTMENT}'").fetchone()
    other = text.replace(f'"department":"{DEPARTMENT}"', '"department":"imar"')
    conn.execute(
        "INSERT INTO definition_form (position, department, slots, digest, json) VALUES (?, 'imar', ?, ?, ?)",
        (definition.form_departments.index("imar"), slots, hashlib.sha256(other.encode()).hexdigest(), other),
    )
    seal(conn)


def _own_form_missing(conn: sqlite3.Connection) -> None:
    conn.execute(f"DELETE FROM definition_form WHERE department = '{DEPARTMENT}'")


def _edit_slice(conn: sqlite3.Connection, edit: Callable[[dict], None]) -> None:
    """The department's own plan slice edited, its digest and the root made again (a careful forger)."""
    (text,) = conn.execute(f"SELECT json FROM definition_plan WHERE department = '{DEPARTMENT}'").fetchone()
    data = msgspec.json.decode(text)
    edit(data)
    new = msgspec.json.encode(data, order="sorted")
    conn.execute(
        f"UPDATE definition_plan SET json = ?, digest = ? WHERE department = '{DEPARTMENT}'",
        (new.decode(), hashlib.sha256(new).hexdigest()),
    )
    seal(conn)


def _slice_not_its_digest(conn: sqlite3.Connection) -> None:
    conn.execute(
        f"UPDATE definition_plan SET json = replace(json, '\"name\":\"', '\"name\":\"Sahte ') WHERE department = '{DEPARTMENT}'"
    )


def _carry_genuine(conn: sqlite3.Connection, rows: list, table: str) -> None:
    """imar's genuine part of a kind (its digest the leaf's) put in the İtfaiye file: only the carrying is wrong."""
    row = next(r for r in rows if r.department == "imar")
    conn.execute(
        f"INSERT INTO {table} (position, department, digest, json) VALUES (?, ?, ?, ?)",
        (row.position, row.department, row.digest, row.data.decode()),
    )


def _another_departments_slice(conn: sqlite3.Connection, definition: Definition) -> None:
    _carry_genuine(conn, definition.stored.plan, "definition_plan")


def _item_in_a_target_not_in_the_plan(conn: sqlite3.Connection) -> None:
    _edit_slice(conn, lambda data: data["indicators"][0].update(target="olmayan_hedef"))


def _item_of_another_department(conn: sqlite3.Connection) -> None:
    _edit_slice(conn, lambda data: data["indicators"][0]["item"].update(department="imar"))


def _place_taken_twice(conn: sqlite3.Connection) -> None:
    def edit(data: dict) -> None:
        data["indicators"].append(data["indicators"][0] | {"item": data["indicators"][0]["item"] | {"key": "ikinci"}})

    _edit_slice(conn, edit)


def _size_not_the_plans(conn: sqlite3.Connection) -> None:
    """A target said to hold fewer indicators than the slice places in it (so the file would seem to
    hold it whole when it does not)."""

    def edit(data: dict) -> None:
        target = data["indicators"][-1]["target"]
        data["sizes"][target] = [0, data["sizes"][target][1]]

    _edit_slice(conn, edit)


def _own_slice_missing(conn: sqlite3.Connection) -> None:
    conn.execute(f"DELETE FROM definition_plan WHERE department = '{DEPARTMENT}'")


def _items_in_the_skeleton(conn: sqlite3.Connection) -> None:
    """The plan's items put back into the skeleton's aim (as schema 3 stored them in its head), the
    aim's leaf and the root made again."""
    (slice_text,) = conn.execute(f"SELECT json FROM definition_plan WHERE department = '{DEPARTMENT}'").fetchone()
    placed = msgspec.json.decode(slice_text)["indicators"][0]
    for position, text in conn.execute("SELECT position, json FROM definition_aim").fetchall():
        aim = msgspec.json.decode(text)
        for goal in aim["goals"]:
            for target in goal["targets"]:
                if target["key"] == placed["target"]:
                    target["indicators"] = [placed["item"]]
        new = msgspec.json.encode(aim, order="sorted")
        conn.execute(
            "UPDATE definition_aim SET json = ?, digest = ? WHERE position = ?",
            (new.decode(), hashlib.sha256(new).hexdigest(), position),
        )
    seal(conn)


def _department_not_its_leaf(conn: sqlite3.Connection) -> None:
    """The department's own definition changed (another manager), its leaf not made again."""
    conn.execute(
        f'UPDATE definition_department SET json = replace(json, \'"manager":"\', \'"manager":"Sahte \') '
        f"WHERE department = '{DEPARTMENT}'"
    )


def _another_departments_definition(conn: sqlite3.Connection, definition: Definition) -> None:
    """(İtfaiye's file names imar nowhere: it may not carry imar's definition.)"""
    _carry_genuine(conn, definition.stored.departments, "definition_department")


def _aim_missing_for_a_carried_slice(conn: sqlite3.Connection) -> None:
    """The aim holding the department's performance targets left out (the root made again)."""
    conn.execute("DELETE FROM definition_aim")
    seal(conn)


def _own_department_missing(conn: sqlite3.Connection) -> None:
    conn.execute(f"DELETE FROM definition_department WHERE department = '{DEPARTMENT}'")


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
    own = [i for a in data["plan"]["aims"] for g in a["goals"] for t in g["targets"] for i in t["indicators"]]
    next(i for i in own if i["department"] == DEPARTMENT)["target"] = "Infinity"  # in a slice the file carries


def _logo_path(path: str) -> Callable[[dict], None]:
    def edit(data: dict) -> None:
        data["institution"]["logo"] = path

    return edit


def broken_logo(definition: Definition, work: Path) -> list[str]:
    """An embedded logo with a PNG signature that does not decode: the file opens, the cover has the emblem."""
    import base64  # noqa: PLC0415

    data = definition_data(definition)
    blob = b"\x89PNG\r\n\x1a\n" + eps()
    data["institution"]["logo"] = {
        "name": "logo.png",
        "mime": "image/png",
        "width": 8,
        "height": 6,
        "sha256": hashlib.sha256(blob).hexdigest(),
        "data": base64.b64encode(blob).decode(),
    }
    path = forge(definition, work, data)
    before = sha(path)
    problems = []
    with pillow_formats() as seen:
        code, out, err = cli("build", path, "--out", work / "birim.pdf")
    if code != 0 or not (work / "birim.pdf").exists():
        problems.append(f"build: exit {code} {(err or out)[-200:]!r}")
    if others := sorted(set(seen) - {"JPEG", "PNG", "MPO"}):
        problems.append(f"Pillow opened {', '.join(others)}")
    if sha(path) != before:
        problems.append("file changed")
    return problems


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
    before = sha(path)
    code, out, err = cli("check", path)
    problems = []
    if code != 1 or "saldırı" not in out or "hesaplanamadı" not in out:
        problems.append(f"check: exit {code}, no finding for the incalculable rule: {(out + err)[-300:]!r}")
    if why := clear_message(out + err):
        problems.append(why)
    if sha(path) != before:
        problems.append("file changed")
    return problems


# --- photos: anything but a JPEG or PNG, decoded by Pillow, is refused --------------------

PHOTO_LIST = f"{DEPARTMENT}.foto"


def picture(fmt: str, size: tuple[int, int] = (8, 6)) -> bytes:
    from PIL import Image  # noqa: PLC0415

    out = io.BytesIO()
    Image.new("RGB", size, (200, 40, 40)).save(out, fmt)
    return out.getvalue()


def eps() -> bytes:
    """An EPS header Pillow recognises (its decoder would run Ghostscript where installed)."""
    return b"%!PS-Adobe-3.0 EPSF-3.0\n%%BoundingBox: 0 0 8 6\n%%EndComments\n0 0 moveto showpage\n%%EOF\n"


def bomb_png(side: int = 40_000) -> bytes:
    """A small PNG declaring side × side pixels (1 bit): a decompression bomb."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    rows = zlib.compress(b"\x00" * ((side // 8 + 1) * 64), 9)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", side, side, 1, 0, 0, 0, 0))
        + chunk(b"IDAT", rows)
        + chunk(b"IEND", b"")
    )


def store_photo(path: Path, data: bytes, mime: str, width: int, height: int) -> None:
    """A photo row written as another program would, bypassing add_photo's checks."""
    conn = sqlite3.connect(path)
    with conn:
        conn.execute(
            "INSERT INTO photo (department, list_key, position, caption, mime, width, height, sha256, data, changed_at, changed_by) "
            "VALUES (?, ?, 0, 'Saldırı', ?, ?, ?, ?, ?, '2020-06-01T10:00:00+03:00', 'saldirgan')",
            (DEPARTMENT, PHOTO_LIST, mime, width, height, hashlib.sha256(data).hexdigest(), data),
        )
    conn.close()


@contextlib.contextmanager
def pillow_formats():
    """Every format Pillow opens meanwhile (ReportLab and the app open images through Image.open)."""
    from PIL import Image  # noqa: PLC0415

    seen: list[str] = []
    original = Image.open

    def spy(*args, **kwargs):
        img = original(*args, **kwargs)
        seen.append(str(img.format))
        return img

    Image.open = spy
    try:
        yield seen
    finally:
        Image.open = original


def photo_attack(
    name: str, data: Callable[[], bytes], mime: str, width: int = 8, height: int = 6, *, pickable: bool = False
) -> Attack:
    """``pickable``: the bytes are a good JPEG/PNG that a user may add (only their stored mime or size lie)."""

    def run(definition: Definition, work: Path) -> list[str]:
        from desktop.store.file.photos import add_photo, photo_problem  # noqa: PLC0415

        blob = data()
        problems = []
        if (why := photo_problem(blob, mime, width, height)) is None:
            problems.append("photo_problem accepts it")
        elif reason := clear_message(why):
            problems.append(f"photo_problem: {reason}")
        path = work / "itfaiye.faaliyet"
        with Workbook.create(path, definition, DEPARTMENT, user="saldirgan") as wb:
            try:
                add_photo(wb, PHOTO_LIST, blob, name="resim.jpg")
                if not pickable:
                    problems.append("add_photo accepts it")
            except WorkbookError as exc:
                if reason := clear_message(str(exc)):
                    problems.append(f"add_photo: {reason}")
        conn = sqlite3.connect(path)
        with conn:
            conn.execute("DELETE FROM photo")  # a pickable image was added above
        conn.close()
        store_photo(path, blob, mime, width, height)
        before = sha(path)
        into = work / "birlesik.faaliyet"
        Workbook.create(into, definition, None, user="strateji").close()
        with pillow_formats() as seen:
            for argv in (
                ["build", str(path), "--out", str(work / "birim.pdf")],
                ["merge", "--into", str(into), str(path)],
                ["build", str(into), "--out", str(work / "rapor.pdf")],
            ):
                code, out, err = cli(*argv)
                if code not in (0, 1) or (code and (reason := clear_message(err or out))):
                    problems.append(f"{argv[0]}: exit {code} {(err or out)[-200:]!r}")
        if others := sorted(set(seen) - {"JPEG", "PNG", "MPO"}):
            problems.append(f"Pillow opened {', '.join(others)}")
        if sha(path) != before:
            problems.append("the department file changed")
        return problems

    return Attack(f"photo/{name}", "photo", run)


ATTACKS: list[Attack] = [
    definition_attack("huge-table", _huge_table, "en çok"),
    definition_attack("too-many-department-values", _too_many_department_values, "en çok"),
    definition_attack("too-many-values", _too_many_values, "en çok", consolidated=True),
    definition_attack("long-label", _long_label, "en çok"),
    definition_attack("many-sections", _many_sections, "en çok"),
    definition_attack("json-too-big", _json_too_big, "çok büyük"),
    definition_attack("infinite-target", _bad_number, "sayı"),
    definition_attack("logo-unc-path", _logo_path(r"\\sunucu\paylasim\logo.png"), "institution.logo"),
    definition_attack("logo-absolute-path", _logo_path("/etc/passwd"), "institution.logo"),
    definition_attack("logo-outside-path", _logo_path("../../logo.png"), "institution.logo"),
    Attack("definition/logo-broken-image", "definition", broken_logo),
    *(definition_attack(f"rule-{name}", _rule(check), "formül") for name, check in HOSTILE_RULES.items()),
    definition_attack("rule-too-long", _rule("-" * 100_000 + "1"), "en çok"),
    Attack("definition/rule-incalculable", "definition", incalculable_rule),
    parts_attack("part-not-its-digest", _part_not_its_digest, "değiştirilmiş"),
    parts_attack("leaves-not-the-root", _leaves_not_the_root, "değiştirilmiş"),
    parts_attack("summary-not-its-form", _summary_not_its_form, "değer sayısı"),
    parts_attack("another-departments-form", _another_departments_form, "başka birimlerin formunu", with_definition=True),
    parts_attack("own-form-missing", _own_form_missing, "kendi formu yok"),
    parts_attack("plan-slice-not-its-digest", _slice_not_its_digest, "plan parçası değiştirilmiş"),
    parts_attack(
        "another-departments-plan-slice",
        _another_departments_slice,
        "başka birimlerin gösterge ve faaliyetlerini",
        with_definition=True,
    ),
    parts_attack("plan-item-in-a-target-not-in-the-plan", _item_in_a_target_not_in_the_plan, "planda olmayan"),
    parts_attack("plan-item-of-another-department", _item_of_another_department, "başka bir birimin"),
    parts_attack("plan-place-taken-twice", _place_taken_twice, "iki kez"),
    parts_attack("plan-target-size-not-the-plans", _size_not_the_plans, "kalem sayısı"),
    parts_attack("own-plan-slice-missing", _own_slice_missing, "kendi gösterge ve faaliyetleri yok"),
    parts_attack("department-not-its-leaf", _department_not_its_leaf, "değiştirilmiş"),
    parts_attack(
        "another-departments-definition", _another_departments_definition, "başka birimlerin formunu", with_definition=True
    ),
    parts_attack("aim-missing-for-a-carried-slice", _aim_missing_for_a_carried_slice, "planda olmayan"),
    parts_attack("own-department-missing", _own_department_missing, "birimin kendi tanımı yok"),
    parts_attack("plan-items-in-the-skeleton", _items_in_the_skeleton, "tanımın başında"),
    photo_attack("not-an-image", lambda: b"<html>bu bir resim degil</html>" * 10, "image/jpeg"),
    photo_attack("eps", eps, "image/jpeg"),
    photo_attack("eps-declared", eps, "application/postscript"),
    photo_attack("gif", lambda: picture("GIF"), "image/gif"),
    photo_attack("gif-as-png", lambda: picture("GIF"), "image/png"),
    photo_attack("tiff", lambda: picture("TIFF"), "image/jpeg"),
    photo_attack("bomb-png", bomb_png, "image/png", 40_000, 40_000),
    photo_attack("png-declared-jpeg", lambda: picture("PNG"), "image/jpeg", pickable=True),
    photo_attack("size-mismatch", lambda: picture("JPEG"), "image/jpeg", 4000, 3000, pickable=True),
    photo_attack("truncated-jpeg", lambda: picture("JPEG", (400, 300))[:300], "image/jpeg", 400, 300),
]
