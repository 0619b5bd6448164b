"""The dependency direction is enforced, not just described.

ui → store → core and report → store → core; core, store, report and the CLI
never import Qt; core and store never import ReportLab.
"""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_import_contracts_are_kept():
    lint = Path(sys.executable).parent / "lint-imports"
    result = subprocess.run([str(lint), "--no-cache"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_cli_runs_without_qt_or_reportlab_loaded():
    code = (
        "import sys; from desktop import cli; "
        "rc = cli.main(['departments']); "
        "assert 'PySide6' not in sys.modules and 'reportlab' not in sys.modules, sorted(sys.modules); "
        "sys.exit(rc)"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "itfaiye\tİtfaiye Müdürlüğü" in result.stdout


def _module_imports(path: Path, module: str) -> set[str]:
    """The desktop modules ``path`` imports at run time (TYPE_CHECKING blocks left out)."""
    import ast

    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    out: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and getattr(node.test, "id", "") == "TYPE_CHECKING":
            node.body = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            out.add(target)
            out.update(f"{target}.{a.name}" for a in node.names)
        elif isinstance(node, ast.Import):
            out.update(a.name for a in node.names)
    return {m for m in out if m.startswith("desktop.")}


def test_the_store_shows_its_parts_and_has_no_import_cycle():
    store = ROOT / "desktop" / "store"
    for part in ("file", "merge", "exchange"):
        assert (store / part / "__init__.py").is_file(), part
    modules = {}
    for path in store.rglob("*.py"):
        rel = path.relative_to(ROOT).with_suffix("")
        name = ".".join(rel.parts[:-1] if rel.name == "__init__" else rel.parts)
        modules[name] = path
    graph = {m: {t for t in _module_imports(p, m) if t in modules and t != m} for m, p in modules.items()}

    def cycle_from(start: str) -> list[str] | None:
        stack, seen = [(start, [start])], set()
        while stack:
            node, trail = stack.pop()
            for nxt in graph[node]:
                if nxt == start:
                    return trail + [start]
                if nxt not in seen and not nxt.endswith("__init__"):
                    seen.add(nxt)
                    stack.append((nxt, trail + [nxt]))
        return None

    cycles = [
        c
        for m in graph
        if (c := cycle_from(m)) and not any(x.count(".") == 2 and x.endswith(("file", "merge", "exchange")) for x in c)
    ]
    assert cycles == [], cycles[:3]


def _texts_in_code(path: Path) -> list[tuple[int, str]]:
    """The string constants of a module that are not docstrings (what it prints, compares or opens)."""
    import ast

    tree = ast.parse(path.read_text(encoding="utf-8"))
    docs = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docs
    ]


def test_no_code_names_the_shipped_sample():
    """Kars 2020 is the shipped sample, not the product: nothing in desktop/ names its definition,
    its institution or a department of it (the help of `faaliyet --definition` named forms/kars-2020,
    the return file's example itfaiye-2020, and ``resources`` found the sample by its name). The
    signer roles and the institution chapters' keys are the regulation's words, whichever municipality."""
    from desktop import resources
    from desktop.core.loader import load_definition

    sample = load_definition(resources.default_definition())
    town = sample.institution.name.split()[0]  # "Kars" of "Kars Belediyesi"
    regulation = {"mali_hizmetler", "insan_kaynaklari", "strateji"}  # a signer role, a chapter, a guide's name
    departments = {d.key for d in sample.departments} - regulation
    found = [
        f"{path.relative_to(ROOT)}:{line}: {text[:80]!r}"
        for path in sorted((ROOT / "desktop").rglob("*.py"))
        for line, text in _texts_in_code(path)
        if sample.id in text or town in text or any(f"{key}-" in text or text == key for key in departments)
    ]
    assert found == []
