"""A generated corpus of damaged and hostile workbook files.

``build_corpus(definition, folder)`` writes a realistic base workbook (the
İtfaiye sample values, a long narrative spilling into overflow pages, a photo)
and derives from it, deterministically:

* header: byte flips in every header field that carries meaning
* page: byte flips in the structure of every page (b-tree page type, cell
  count, cell content start, first cell pointer; overflow page chain pointer)
* truncation: at every page boundary, and mid-page
* empty, random bytes (with and without an SQLite header), other formats
* foreign: valid SQLite files of another application
* newer: a newer schema version
* objects: extra triggers, views, tables, indexes, an altered table
* oversized: a 100 MB text value, a 70 MB photo blob, an oversized definition
* wal: WAL-mode file without its -wal, and with it
* journal: a file with a -journal beside it (hot, from a torn transaction)

Every case is a file that ``Workbook.open`` must refuse with a clear message
(``incoming_only`` cases are legitimate locally - a crash journal is rolled
back - and refused only when the file comes from elsewhere).

Flips inside a stored value are deliberately not in the corpus: SQLite keeps
no page checksums, so a changed byte in a number or text is still a valid
file; the definition snapshot is the exception (its digest is checked).

    python -m bench.hostile DIR      # writes the corpus and lists it
    python -m bench.hostile --measure WARMUP FILE...   # max RSS growth while probing FILEs
"""

from __future__ import annotations

import hashlib
import io
import random
import sqlite3
import sys
from dataclasses import dataclass
from pathlib import Path

from desktop import resources
from desktop.core.definition import Definition
from desktop.store.exchange.valueset import import_values, read_json
from desktop.store.file.schema import SCHEMA_VERSION
from desktop.store.file.workbook import Workbook

BIG_TEXT = 100 * 1024 * 1024
BIG_BLOB = 70 * 1024 * 1024

# header bytes whose damage changes what the file means (offset: field)
HEADER_FIELDS = {
    **{i: "magic" for i in (0, 5, 13, 15)},
    **{i: "reserved for expansion" for i in (72, 80, 91)},
    16: "page size",
    17: "page size",
    18: "write version",
    19: "read version",
    20: "reserved space",
    21: "max payload",
    22: "min payload",
    23: "leaf payload",
    44: "schema format",
    47: "schema format",
    56: "text encoding",
    59: "text encoding",
    60: "user_version",
    63: "user_version",
    64: "incremental vacuum",
    67: "incremental vacuum",
    68: "application_id",
    71: "application_id",
}


@dataclass(frozen=True)
class Case:
    name: str
    kind: str
    path: Path
    incoming_only: bool = False  # a local open legitimately recovers it


def sha(path: Path) -> str:
    if not path.is_file():
        return ""
    h = hashlib.sha256()
    with path.open("rb") as fh:
        while chunk := fh.read(1 << 20):
            h.update(chunk)
    return h.hexdigest()


def base_workbook(definition: Definition, path: Path) -> Path:
    """A realistic department file: sample values, a long text, a photo."""
    from desktop.store.file.photos import add_photo  # noqa: PLC0415 - optional part

    path.unlink(missing_ok=True)
    with Workbook.create(path, definition, "itfaiye", user="ornek") as wb:
        import_values(wb, read_json(resources.sample(definition.id) / "itfaiye.json"))
        wb.set_value("itfaiye.anlatim", ("Çığ düşmesi, İstanbul yolu ılık şişe öğün üzüm. " * 400)[:20_000])
        add_photo(wb, "itfaiye.foto", _jpeg(), "Tatbikat: ÇĞİÖŞÜ çğıöşü")
    return path


def _jpeg() -> bytes:
    from PIL import Image  # noqa: PLC0415

    rng = random.Random(1)
    img = Image.frombytes("RGB", (160, 120), bytes(rng.randrange(256) for _ in range(160 * 120 * 3)))
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=90)
    return buf.getvalue()


def page_size(data: bytes) -> int:
    ps = int.from_bytes(data[16:18], "big")
    return 65536 if ps == 1 else ps


def _page_offsets(data: bytes) -> list[tuple[int, str]]:
    """(offset, what) of the structural bytes of every page."""
    ps = page_size(data)
    out = []
    for p in range(len(data) // ps):
        start = p * ps
        hdr = start + (100 if p == 0 else 0)
        kind = data[hdr]
        if kind in (2, 5, 10, 13):
            hlen = 12 if kind in (2, 5) else 8
            out += [
                (hdr, f"p{p + 1} page type"),
                (hdr + 3, f"p{p + 1} cell count"),
                (hdr + 4, f"p{p + 1} cell count"),
                (hdr + 5, f"p{p + 1} content start"),
            ]
            if int.from_bytes(data[hdr + 3 : hdr + 5], "big"):  # an empty page has no pointer to damage
                out += [(hdr + hlen, f"p{p + 1} cell pointer"), (hdr + hlen + 1, f"p{p + 1} cell pointer")]
            if kind in (2, 5):
                out.append((hdr + 8, f"p{p + 1} right child"))
        else:  # overflow (or free) page: the chain pointer
            out += [(start + 2, f"p{p + 1} next page"), (start + 3, f"p{p + 1} next page")]
    return out


class _Writer:
    def __init__(self, folder: Path):
        self.folder = folder
        self.cases: list[Case] = []

    def bytes(self, name: str, kind: str, data: bytes, **kw) -> Path:
        path = self.folder / f"{len(self.cases):04d}-{name}.faaliyet"
        path.write_bytes(data)
        self.cases.append(Case(name, kind, path, **kw))
        return path

    def sql(self, name: str, kind: str, base: Path, *statements: str, **kw) -> Path:
        path = self.bytes(name, kind, base.read_bytes(), **kw)
        conn = sqlite3.connect(path, isolation_level=None)
        for s in statements:
            conn.execute(s)
        conn.close()
        return path


OVERSIZED = ("text", "blob", "definition", "meta")


def build_corpus(definition: Definition, folder: Path, *, oversized=OVERSIZED, stride: int = 1) -> list[Case]:
    """The corpus in ``folder``. ``stride`` > 1 keeps every n-th page flip and
    truncation (a quick sample); ``oversized`` picks which huge-value files to
    write (70-100 MB each)."""
    folder.mkdir(parents=True, exist_ok=True)
    base = base_workbook(definition, folder / "base.faaliyet.src")
    data = base.read_bytes()
    ps = page_size(data)
    w = _Writer(folder)
    rng = random.Random(2020)

    for off in HEADER_FIELDS:
        for mask in (0x01, 0xFF):
            d = bytearray(data)
            d[off] ^= mask
            w.bytes(f"header-{off}-{mask:02x}", "header", bytes(d))
    for off, what in _page_offsets(data)[::stride]:
        d = bytearray(data)
        d[off] ^= 0xFF
        w.bytes(f"page-{off}-{what.replace(' ', '_')}", "page", bytes(d))
    for k in range(1, len(data) // ps, stride):
        w.bytes(f"truncated-{k}-pages", "truncation", data[: k * ps])
    for cut in (100, ps + 1, len(data) - 1):
        w.bytes(f"truncated-{cut}-bytes", "truncation", data[:cut])

    w.bytes("empty", "empty", b"")
    for n in (1, 99, 100, 4096, 65536):
        w.bytes(f"random-{n}", "random", rng.randbytes(n))
    w.bytes("random-with-header", "random", data[:100] + rng.randbytes(ps * 8 - 100))
    w.bytes("random-pages", "random", data[:ps] + rng.randbytes(len(data) - ps))
    w.bytes("zero-pages", "random", data[:ps] + bytes(len(data) - ps))
    w.bytes("pdf", "random", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n" + rng.randbytes(2000))
    w.bytes("zip", "random", b"PK\x03\x04" + rng.randbytes(2000))
    w.bytes("text", "random", "Bu bir metin dosyası, çğıöşü İ\n".encode() * 200)

    for name, statements in {
        "foreign-app": ["CREATE TABLE musteri (ad TEXT, borc REAL)", "INSERT INTO musteri VALUES ('Ali', 1)"],
        "foreign-with-our-id": ["PRAGMA application_id = 1178681649", "PRAGMA user_version = 1", "CREATE TABLE meta (k, v)"],
        "foreign-empty": ["PRAGMA user_version = 0"],
    }.items():
        path = w.bytes(name, "foreign", b"")
        path.unlink()
        conn = sqlite3.connect(path, isolation_level=None)
        for s in statements:
            conn.execute(s)
        conn.close()
    w.sql("our-schema-other-app-id", "foreign", base, "PRAGMA application_id = 12345")
    w.sql("no-schema-version", "foreign", base, "PRAGMA user_version = 0")

    # the version after this build's (a file written by a newer Faaliyet)
    w.sql(f"newer-schema-{SCHEMA_VERSION + 1}", "newer", base, f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    w.sql("newer-schema-99", "newer", base, "PRAGMA user_version = 99")

    for name, stmt in {
        "trigger-delete-audit": "CREATE TRIGGER t AFTER INSERT ON entry BEGIN DELETE FROM audit; END",
        "trigger-on-update": "CREATE TRIGGER t BEFORE UPDATE ON entry BEGIN SELECT RAISE(ABORT, 'x'); END",
        "view": "CREATE VIEW v AS SELECT * FROM entry",
        "view-shadowing": "CREATE VIEW entries AS SELECT key, value FROM entry",
        "extra-table": "CREATE TABLE ek (x)",
        "extra-index": "CREATE INDEX ek_i ON entry (department)",
        "altered-table": "ALTER TABLE entry ADD COLUMN extra TEXT",
        "dropped-index": "DROP INDEX audit_target",
    }.items():
        w.sql(name, "objects", base, stmt)
    w.sql("tampered-definition", "objects", base, "UPDATE definition SET json = replace(json, 'Kars', 'Sahte')")
    w.sql("missing-meta", "objects", base, "DELETE FROM meta WHERE key = 'year'")
    w.sql("missing-definition", "objects", base, "DELETE FROM definition")

    huge = {
        "text": (
            "oversized-text-100mb",
            f"UPDATE entry SET value = CAST(zeroblob({BIG_TEXT}) AS TEXT) WHERE key = 'itfaiye.anlatim'",
        ),
        "blob": ("oversized-blob-70mb", f"UPDATE photo SET data = zeroblob({BIG_BLOB})"),
        "definition": ("oversized-definition", f"UPDATE definition SET json = json || CAST(zeroblob({BIG_BLOB}) AS TEXT)"),
        "meta": ("oversized-meta", f"UPDATE meta SET value = CAST(zeroblob({BIG_BLOB}) AS TEXT) WHERE key = 'institution_name'"),
    }
    for which in oversized or ():
        w.sql(*huge[which][:1], "oversized", base, huge[which][1])

    w.sql("wal-without-wal", "wal", base, "PRAGMA journal_mode = WAL")
    _wal_with_sidecar(w, base)
    _hot_journal(w, base)
    return w.cases


def _wal_with_sidecar(w: _Writer, base: Path) -> None:
    path = w.bytes("wal-with-wal", "wal", base.read_bytes())
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA wal_autocheckpoint = 0")
    conn.execute("UPDATE entry SET value = 1 WHERE key = 'itfaiye.trafik_kazasi'")
    snap = path.read_bytes()
    wal = Path(str(path) + "-wal").read_bytes()
    conn.close()  # checkpoints and removes the -wal
    path.write_bytes(snap)
    Path(str(path) + "-wal").write_bytes(wal)


def _hot_journal(w: _Writer, base: Path) -> None:
    """The file and its journal as a power cut mid-transaction leaves them."""
    path = w.bytes("hot-journal", "journal", base.read_bytes(), incoming_only=True)
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA cache_size = 1")  # spill to the file before commit
    conn.execute("BEGIN IMMEDIATE")
    conn.execute("UPDATE entry SET changed_by = 'yarim'")
    conn.execute("UPDATE audit SET who = who || 'yarim'")
    snap = path.read_bytes()
    journal = Path(str(path) + "-journal").read_bytes()
    conn.execute("ROLLBACK")
    conn.close()
    path.write_bytes(snap)
    Path(str(path) + "-journal").write_bytes(journal)
    garbage = w.bytes("garbage-journal", "journal", base.read_bytes(), incoming_only=True)
    Path(str(garbage) + "-journal").write_bytes(random.Random(3).randbytes(4096))


def remove_corpus(cases: list[Case]) -> None:
    for c in cases:
        for p in (c.path, Path(str(c.path) + "-journal"), Path(str(c.path) + "-wal")):
            p.unlink(missing_ok=True)


# --- probing: every way the application opens a file --------------------
TURKISH_LETTERS = set("çğıöşüÇĞİÖŞÜ")


def _clear(message: str, case: Case) -> str | None:
    if not message.strip():
        return "empty message"
    if "Traceback" in message or 'File "' in message:
        return "traceback in message"
    if not TURKISH_LETTERS & set(message):
        return f"message not Turkish: {message[:80]!r}"
    return None


def _cli_check(path: Path) -> tuple[int | str, str]:
    import contextlib  # noqa: PLC0415

    from desktop import cli  # noqa: PLC0415

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            rc = cli.main(["check", str(path)])
        except BaseException as exc:  # noqa: BLE001 - a crash is what we look for
            return f"crash {type(exc).__name__}: {exc}", err.getvalue()
    return rc, err.getvalue()


def probe(case: Case, merge_into: Path | None = None) -> list[str]:
    """Problems found opening ``case`` every way; [] when it is refused cleanly everywhere.

    Ways: ``Workbook.open`` local (writable), incoming (from elsewhere),
    ``faaliyet check`` (exit 2, message on stderr) and, when ``merge_into``
    is given, ``merge_files`` into that consolidated file. The file must be
    byte-identical afterwards (except a local open of an ``incoming_only``
    case, which must recover it).
    """
    from desktop.store.errors import WorkbookError  # noqa: PLC0415

    problems = []
    before = sha(case.path)

    def opening(**kw) -> str | None:
        try:
            Workbook.open(case.path, **kw).close()
        except WorkbookError as exc:
            return _clear(str(exc), case)
        except BaseException as exc:  # noqa: BLE001
            return f"crash {type(exc).__name__}: {exc}"
        return "accepted"

    if p := opening(incoming=True):
        problems.append(f"incoming open: {p}")
    rc, err = _cli_check(case.path)
    if rc != 2:
        problems.append(f"check: exit {rc} ({err.strip()[:100]})")
    elif p := _clear(err, case):
        problems.append(f"check: {p}")
    if merge_into is not None:
        problems += [f"merge: {p}" for p in _merge_problems(case, merge_into)]
    if sha(case.path) != before:
        problems.append("file changed")
    if case.incoming_only:
        try:
            with Workbook.open(case.path) as wb:
                if wb.conn.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
                    problems.append("local recovery: integrity_check failed")
        except BaseException as exc:  # noqa: BLE001
            problems.append(f"local recovery failed: {type(exc).__name__}: {exc}")
    elif p := opening():
        problems.append(f"local open: {p}")
    if not case.incoming_only and sha(case.path) != before:
        problems.append("file changed")
    return problems


def _merge_problems(case: Case, target: Path) -> list[str]:
    from desktop.store.errors import WorkbookError  # noqa: PLC0415
    from desktop.store.merge.run import merge_files  # noqa: PLC0415

    before = sha(target)
    out = []
    try:
        result = merge_files(target, [case.path])
    except WorkbookError as exc:
        if p := _clear(str(exc), case):
            out.append(p)
    except BaseException as exc:  # noqa: BLE001
        out.append(f"crash {type(exc).__name__}: {exc}")
    else:
        if not getattr(result, "refused", None):
            out.append("accepted")
        else:
            text = "\n".join(result.summary_lines()) if hasattr(result, "summary_lines") else str(result.refused)
            if p := _clear(text, case):
                out.append(p)
    if sha(target) != before:
        out.append("consolidated file changed")
    return out


def measure(paths: list[Path], warmup: Path) -> dict:
    """Max RSS growth (KiB) while probing ``paths``, after a warm-up probe of ``warmup``.

    Run in a fresh process (``python -m bench.hostile --measure``) so the
    high-water mark belongs to opening the files, not to making them.
    """
    import resource  # noqa: PLC0415

    def rss() -> int:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

    _cli_check(warmup)
    with Workbook.open(warmup, readonly=True) as wb:
        wb.findings()
    base = rss()
    problems = {}
    for path in paths:
        case = Case(path.name, "measure", path)
        if p := probe(case):
            problems[path.name] = p
    return {"baseline_kb": base, "peak_kb": rss(), "growth_kb": rss() - base, "problems": problems}


def main(argv: list[str]) -> int:
    import json  # noqa: PLC0415

    from desktop.core.loader import load_definition  # noqa: PLC0415

    if argv[:1] == ["--measure"]:
        print(json.dumps(measure([Path(p) for p in argv[2:]], Path(argv[1]))))
        return 0
    out = Path(argv[0] if argv else "hostile-corpus")
    cases = build_corpus(load_definition(resources.default_definition()), out)
    for c in cases:
        print(f"{c.kind}\t{c.name}\t{c.path.stat().st_size}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main(sys.argv[1:]))
