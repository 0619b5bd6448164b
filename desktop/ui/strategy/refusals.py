"""How the strategy window words a refusal from the store: the error, then its first problems
one a line (``WorkbookError.problems``; a whole year may list hundreds)."""

from __future__ import annotations

from ...store.errors import WorkbookError


def with_problems(exc: WorkbookError) -> str:
    problems = getattr(exc, "problems", None) or []
    lines = "\n".join(f"• {p}" for p in problems[:15])
    return str(exc) + ("\n" + lines if lines else "")
