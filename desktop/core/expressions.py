"""A tiny, safe arithmetic language for formula columns and validation rules.

Allowed: numbers, dotted keys (``ik.kadro.toplam.sayi``), ``+ - * /``,
parentheses, comparisons (``== != < <= > >=``), ``and``/``or``/``not`` and the
functions ``abs``, ``min``, ``max``, ``round``. Everything else is rejected
when the form is loaded, never at run time. Numbers are ``Decimal`` so that
``0.1 + 0.2 == 0.3`` holds. A missing value makes the whole expression
``None`` (nothing to check yet); division by zero gives ``None`` too.
"""

from __future__ import annotations

import ast
import re
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import Callable

Lookup = Callable[[str], "Decimal | int | None"]

_SEGMENT = re.compile(r"^[a-z][a-z0-9_]*$")
_FUNCS = {"abs": abs, "min": min, "max": max, "round": round}
_BINOPS = {ast.Add: lambda a, b: a + b, ast.Sub: lambda a, b: a - b, ast.Mult: lambda a, b: a * b}
_CMPS = {
    ast.Eq: lambda a, b: a == b,
    ast.NotEq: lambda a, b: a != b,
    ast.Lt: lambda a, b: a < b,
    ast.LtE: lambda a, b: a <= b,
    ast.Gt: lambda a, b: a > b,
    ast.GtE: lambda a, b: a >= b,
}


class ExpressionError(ValueError):
    pass


class _Missing(Exception):
    pass


def _dotted(node: ast.AST) -> str | None:
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        parts.append(node.id)
        return ".".join(reversed(parts))
    return None


@lru_cache(maxsize=4096)
def parse(text: str) -> ast.Expression:
    try:
        tree = ast.parse(text, mode="eval")
    except SyntaxError as exc:
        raise ExpressionError(f"formül okunamadı: '{text}' ({exc.msg})") from None
    for node in ast.walk(tree):
        ok = isinstance(
            node,
            (ast.Expression, ast.BinOp, ast.UnaryOp, ast.Compare, ast.BoolOp, ast.Constant, ast.Name,
             ast.Attribute, ast.Call, ast.Load, ast.operator, ast.unaryop, ast.cmpop, ast.boolop),
        )
        if isinstance(node, ast.operator) and type(node) not in (ast.Add, ast.Sub, ast.Mult, ast.Div):
            ok = False
        if isinstance(node, ast.Constant) and not isinstance(node.value, (int, float)):
            ok = False
        if isinstance(node, ast.Call) and not (isinstance(node.func, ast.Name) and node.func.id in _FUNCS and not node.keywords):
            ok = False
        if isinstance(node, ast.Attribute) and _dotted(node) is None:
            ok = False
        if isinstance(node, (ast.Name, ast.Attribute)):
            name = node.id if isinstance(node, ast.Name) else node.attr
            if not _SEGMENT.match(name):
                ok = False
        if not ok:
            raise ExpressionError(f"formülde izin verilmeyen ifade: '{text}'")
    return tree


def names_in(text: str) -> set[str]:
    """Every dotted key an expression reads."""
    tree = parse(text)
    out: set[str] = set()

    def visit(node: ast.AST) -> None:
        if isinstance(node, (ast.Attribute, ast.Name)):
            name = _dotted(node)
            if name is not None and name not in _FUNCS:
                out.add(name)
                return
        for child in ast.iter_child_nodes(node):
            if isinstance(node, ast.Call) and child is node.func:
                continue
            visit(child)

    visit(tree)
    return out


def evaluate(text: str, lookup: Lookup):
    """Value of the expression, or None when a value is missing."""
    tree = parse(text)
    try:
        return _eval(tree.body, lookup)
    except _Missing:
        return None


def _num(v) -> Decimal:
    if isinstance(v, bool):
        raise _Missing
    if isinstance(v, Decimal):
        return v
    if isinstance(v, int):
        return Decimal(v)
    if isinstance(v, float):
        return Decimal(repr(v))
    raise _Missing


def _eval(node: ast.AST, lookup: Lookup):
    if isinstance(node, ast.Constant):
        return _num(node.value)
    if isinstance(node, (ast.Name, ast.Attribute)):
        v = lookup(_dotted(node) or "")
        if v is None:
            raise _Missing
        return _num(v)
    if isinstance(node, ast.UnaryOp):
        v = _eval(node.operand, lookup)
        if isinstance(node.op, ast.Not):
            return not v
        return -v if isinstance(node.op, ast.USub) else v
    if isinstance(node, ast.BinOp):
        a, b = _eval(node.left, lookup), _eval(node.right, lookup)
        if isinstance(node.op, ast.Div):
            if b == 0:
                raise _Missing
            try:
                return a / b
            except InvalidOperation:
                raise _Missing from None
        return _BINOPS[type(node.op)](a, b)
    if isinstance(node, ast.Compare):
        left = _eval(node.left, lookup)
        for op, comp in zip(node.ops, node.comparators):
            right = _eval(comp, lookup)
            if not _CMPS[type(op)](left, right):
                return False
            left = right
        return True
    if isinstance(node, ast.BoolOp):
        values = [_eval(v, lookup) for v in node.values]
        return all(values) if isinstance(node.op, ast.And) else any(values)
    if isinstance(node, ast.Call):
        args = [_eval(a, lookup) for a in node.args]
        result = _FUNCS[node.func.id](*args)  # type: ignore[union-attr]
        return _num(result) if not isinstance(result, Decimal) else result
    raise ExpressionError("formül değerlendirilemedi")
