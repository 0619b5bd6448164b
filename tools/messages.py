"""The message catalogue of core, store, report and the CLI (``desktop/core/i18n.py``).

    uv run python tools/messages.py update    # add new _("…") / lazy("…") to messages_en.po
    # translate the empty msgstr entries (Poedit, or any editor)
    uv run python tools/messages.py compile   # messages_en.po -> messages_en.mo
    uv run python tools/messages.py import A.tsv …   # translations as "Turkish<TAB>English" lines

``update`` keeps every translation already made, adds new messages with an empty
translation and drops messages no longer in the source. ``compile`` writes the standard GNU
``.mo`` (what ``msgfmt`` writes; no gettext tools needed). Both are deterministic, so
``tests/test_messages_i18n.py`` can check that the committed ``.mo`` is the compiled ``.po``.
"""

from __future__ import annotations

import ast
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DESKTOP = ROOT / "desktop"
PO = ROOT / "resources" / "translations" / "messages_en.po"
MO = PO.with_suffix(".mo")
MARKERS = ("_", "lazy")
"""The names whose first argument is a message: ``_("…")`` and ``lazy("…")``."""

HEADER = (
    "Project-Id-Version: faaliyet\n"
    "Language: en\n"
    "MIME-Version: 1.0\n"
    "Content-Type: text/plain; charset=UTF-8\n"
    "Content-Transfer-Encoding: 8bit\n"
)


def source_files() -> list[Path]:
    """Every module outside the UI (the UI's strings go through Qt's ``tr()``)."""
    mechanism = DESKTOP / "core" / "i18n.py"  # lazy.__str__ calls _(self.source)
    return sorted(p for p in DESKTOP.rglob("*.py") if "ui" not in p.relative_to(DESKTOP).parts and p != mechanism)


def calls(tree: ast.AST):
    """Every ``_(…)`` / ``lazy(…)`` call in ``tree``."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in MARKERS:
            yield node


def problem(node: ast.Call) -> str | None:
    """Why the call cannot be extracted (an f-string, a variable, no argument), or None."""
    if len(node.args) != 1 or node.keywords:
        return "exactly one argument, a string literal"
    arg = node.args[0]
    if isinstance(arg, ast.JoinedStr):
        return 'an f-string: write _("… {name} …").format(name=…)'
    if not (isinstance(arg, ast.Constant) and isinstance(arg.value, str)):
        return "not a string literal (a variable or an expression): the catalogue cannot find it"
    return None


def shadowed(tree: ast.AST) -> list[int]:
    """Lines of functions that call ``_()`` and also assign ``_`` (``for _ in``, ``a, _ = …``):
    there ``_`` is the throwaway value, not the translation."""
    out = []
    for fn in ast.walk(tree):
        if not isinstance(fn, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            continue
        names = [n for n in ast.walk(fn) if isinstance(n, ast.Name) and n.id == "_"]
        if any(isinstance(n.ctx, ast.Store) for n in names) and any(
            isinstance(c, ast.Call) and c.func is n for c in ast.walk(fn) for n in names
        ):
            out.append(fn.lineno)
    return out


def extract() -> tuple[dict[str, list[str]], list[str]]:
    """The messages with where they are (``path:line``), and the calls that are not literals."""
    found: dict[str, list[str]] = {}
    bad: list[str] = []
    for path in source_files():
        rel = path.relative_to(ROOT).as_posix()
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        bad.extend(f"{rel}:{line}: assigns _ and calls _(): rename the throwaway variable" for line in shadowed(tree))
        for node in calls(tree):
            why = problem(node)
            if why:
                bad.append(f"{rel}:{node.lineno}: {why}")
                continue
            text = node.args[0].value  # type: ignore[attr-defined]
            if text:
                found.setdefault(text, []).append(f"{rel}:{node.lineno}")
    return found, bad


# -- .po reading and writing --------------------------------------------------


def _unquote(s: str) -> str:
    s = s.strip()
    assert s.startswith('"') and s.endswith('"'), s
    return ast.literal_eval(s)


def read_po(path: Path = PO) -> dict[str, str]:
    """msgid -> msgstr of a .po file (the header entry left out; fuzzy entries count as untranslated)."""
    out: dict[str, str] = {}
    if not path.exists():
        return out
    msgid: list[str] | None = None
    msgstr: list[str] | None = None
    fuzzy = False
    current: list[str] | None = None

    def flush() -> None:
        nonlocal msgid, msgstr, fuzzy
        if msgid is not None and msgstr is not None:
            key = "".join(msgid)
            if key:
                out[key] = "" if fuzzy else "".join(msgstr)
        msgid = msgstr = None
        fuzzy = False

    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#,") and "fuzzy" in line:
            flush()
            fuzzy = True
        elif line.startswith("#") or not line.strip():
            if msgstr is not None:
                flush()
        elif line.startswith("msgid "):
            if msgstr is not None:
                keep = fuzzy
                flush()
                fuzzy = keep
            msgid = [_unquote(line[6:])]
            current = msgid
        elif line.startswith("msgstr "):
            msgstr = [_unquote(line[7:])]
            current = msgstr
        elif line.startswith('"') and current is not None:
            current.append(_unquote(line))
    flush()
    return out


def _quote(text: str) -> str:
    body = text.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t").replace("\r", "\\r")
    if "\n" not in body.rstrip("\n") or body == "\n":
        return '"' + body.replace("\n", "\\n") + '"'
    parts = body.split("\n")
    lines = ['""']
    for i, part in enumerate(parts):
        last = i == len(parts) - 1
        if last and not part:
            break
        lines.append('"' + part + ("" if last else "\\n") + '"')
    return "\n".join(lines)


def write_po(messages: dict[str, list[str]], translations: dict[str, str], path: Path = PO) -> None:
    out = ['msgid ""', "msgstr " + _quote(HEADER), ""]
    for text in sorted(messages):
        out.extend("#: " + where for where in messages[text][:3])
        out.append("msgid " + _quote(text))
        out.append("msgstr " + _quote(translations.get(text, "")))
        out.append("")
    path.write_text("\n".join(out), encoding="utf-8")


def compile_mo(translations: dict[str, str]) -> bytes:
    """The GNU .mo of ``translations`` (translated entries only, sorted, header first)."""
    entries = {"": HEADER} | {k: v for k, v in translations.items() if v}
    keys = sorted(entries)
    ids = [k.encode("utf-8") for k in keys]
    strs = [entries[k].encode("utf-8") for k in keys]
    n = len(keys)
    ids_start = 7 * 4 + 16 * n
    offsets_ids, offsets_strs = [], []
    data = b""
    for b in ids:
        offsets_ids.append((len(b), ids_start + len(data)))
        data += b + b"\0"
    strs_start = ids_start + len(data)
    sdata = b""
    for b in strs:
        offsets_strs.append((len(b), strs_start + len(sdata)))
        sdata += b + b"\0"
    head = struct.pack("<7I", 0x950412DE, 0, n, 7 * 4, 7 * 4 + 8 * n, 0, 0)
    table = b"".join(struct.pack("<2I", *o) for o in offsets_ids) + b"".join(struct.pack("<2I", *o) for o in offsets_strs)
    return head + table + data + sdata


def read_tsv(paths: list[str]) -> dict[str, str]:
    """Turkish -> English from "Turkish<TAB>English" lines (``\\n`` for a newline, ``#`` comments)."""
    out: dict[str, str] = {}
    for path in paths:
        for line in Path(path).read_text(encoding="utf-8").splitlines():
            if not line.strip() or line.startswith("#") or "\t" not in line:
                continue
            turkish, english = line.split("\t", 1)
            out[turkish.replace("\\n", "\n")] = english.replace("\\n", "\n")
    return out


def main(argv: list[str]) -> int:
    command = argv[0] if argv else ""
    if command == "update":
        messages, bad = extract()
        for b in bad:
            print(b, file=sys.stderr)
        old = read_po()
        write_po(messages, old)
        missing = [m for m in messages if not old.get(m)]
        print(f"{PO.name}: {len(messages)} messages, {len(missing)} to translate")
        return 1 if bad else 0
    if command == "import":
        messages, _ = extract()
        translations = read_po()
        given = read_tsv(argv[1:])
        taken = {m: given[m] for m in messages if given.get(m) and not translations.get(m)}
        write_po(messages, translations | taken)
        MO.write_bytes(compile_mo(read_po()))
        left = [m for m in messages if not read_po().get(m)]
        print(f"{len(taken)} translations taken; {len(left)} messages still to translate")
        return 0
    if command == "compile":
        MO.write_bytes(compile_mo(read_po()))
        print(f"{MO.name} written")
        return 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
