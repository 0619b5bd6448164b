"""A tiny, safe arithmetic language for formula columns and validation rules.

Allowed: numbers, dotted keys (``ik.kadro.toplam.sayi``), ``+ - * /``,
parentheses, comparisons (``== != < <= > >=``), ``and``/``or``/``not`` and the
functions ``abs(x)``, ``min(a, b, ...)``, ``max(a, b, ...)``, ``round(x)`` and
``round(x, n)`` with a literal ``n`` from 0 to 10. Everything else is rejected
by ``parse`` — when a form is loaded from its folder and again whenever a
stored definition is read from a file (``forms.py`` calls it), never at run
time. The text's length and its tree's depth and size are bounded
(``limits.py``). Numbers are ``Decimal`` so that ``0.1 + 0.2 == 0.3`` holds.
A missing value makes the whole expression ``None`` (nothing to check yet);
division by zero gives ``None`` too. A number that is not finite or beyond
``MAX_MAGNITUDE`` (from a constant, a value or a result) makes it
incalculable: ``None`` for a computed cell, ``Incalculable`` (a finding) for a
rule evaluated with ``strict=True``.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Callable
from decimal import Decimal, DecimalException
from functools import lru_cache
from typing import Any, cast

from .i18n import _
from .limits import MAX_FORMULA_CHARS, MAX_FORMULA_DEPTH, MAX_FORMULA_NODES, MAX_MAGNITUDE, MAX_ROUND_DIGITS, grouped

Lookup = Callable[[str], object]  # any entered value; _num makes it a number or refuses it

_SEGMENT = re.compile(r"^[a-z][a-z0-9_]*$")
_FUNCS: dict[str, Callable[..., Any]] = {"abs": abs, "min": min, "max": max, "round": round}
_ARITY = {"abs": (1, 1), "min": (2, 50), "max": (2, 50), "round": (1, 2)}  # (least, most) arguments
_UNARY = (ast.UAdd, ast.USub, ast.Not)
_BINOPS = {ast.Add: lambda a, b: a + b, ast.Sub: lambda a, b: a - b, ast.Mult: lambda a, b: a * b}
_CMPS = {
    ast.Eq: lambda a, b: a == b,
    ast.NotEq: lambda a, b: a != b,
    ast.Lt: lambda a, b: a < b,
    ast.LtE: lambda a, b: a <= b,
    ast.Gt: lambda a, b: a > b,
    ast.GtE: lambda a, b: a >= b,
}
# node types allowed whatever they hold (the rest is decided by ``_allowed``'s checks)
_ALWAYS = frozenset(
    {
        ast.Expression,
        ast.BinOp,
        ast.Compare,
        ast.BoolOp,
        ast.Load,
        ast.And,
        ast.Or,
        ast.UnaryOp,
        ast.Add,
        ast.Sub,
        ast.Mult,
        ast.Div,
        *_UNARY,
        *_CMPS,
    }
)


class ExpressionError(ValueError):
    pass


class Incalculable(ExpressionError):
    """The expression's numbers are not finite or too big: a finding, never a crash."""


class _Missing(Exception):
    pass


class _Incalculable(Exception):
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


@lru_cache(maxsize=1 << 15)  # a year fifty times the sample has ~5.000 formulas: a cycle past the size misses every time
def parse(text: str) -> ast.Expression:
    """The syntax tree of an allowed expression, or ExpressionError (Turkish)."""
    if not isinstance(text, str):
        raise ExpressionError(_("formül metin olmalı"))
    if len(text) > MAX_FORMULA_CHARS:
        raise ExpressionError(
            _("formül çok uzun ({n} karakter; en çok {max_formula_chars})").format(
                n=len(text), max_formula_chars=MAX_FORMULA_CHARS
            )
        )
    try:
        tree = ast.parse(text, mode="eval")
    except SyntaxError as exc:
        raise ExpressionError(_("formül okunamadı: '{text}' ({msg})").format(text=_show(text), msg=exc.msg)) from None
    except (RecursionError, MemoryError, ValueError):
        raise ExpressionError(_("formül çok karmaşık: '{text}'").format(text=_show(text))) from None
    _check_shape(tree, text)
    return tree


def _show(text: str) -> str:
    return text if len(text) <= 120 else text[:117] + "..."


def _check_shape(tree: ast.AST, text: str) -> None:
    """Depth and size of the tree and every node allowed, in one walk without recursion
    (evaluation recurses to this depth; a file's formulas are checked at every opening)."""
    count = 0
    stack = [(tree, 1)]
    while stack:
        node, depth = stack.pop()
        count += 1
        if depth > MAX_FORMULA_DEPTH or count > MAX_FORMULA_NODES:
            raise ExpressionError(
                _("formül çok karmaşık (en çok {max_formula_depth} iç içe düzey, {max_formula_nodes} öğe): '{text}'").format(
                    max_formula_depth=MAX_FORMULA_DEPTH, max_formula_nodes=MAX_FORMULA_NODES, text=_show(text)
                )
            )
        if type(node) in _NAMES:  # a key, whole: every segment checked here, its parts not walked
            if not _key_allowed(node):
                raise ExpressionError(_("formülde izin verilmeyen ifade: '{text}'").format(text=_show(text)))
            continue
        if not _allowed(node):
            raise ExpressionError(_("formülde izin verilmeyen ifade: '{text}'").format(text=_show(text)))
        stack.extend((child, depth + 1) for child in ast.iter_child_nodes(node))


_NAMES = (ast.Name, ast.Attribute)


def _key_allowed(node: ast.AST) -> bool:
    """A name or a dotted key (``birim.tablo.satir.sutun``) whose every segment is allowed."""
    dotted = _dotted(node)
    return dotted is not None and all(_SEGMENT.match(part) for part in dotted.split("."))


def _allowed(node: ast.AST) -> bool:
    if type(node) in _ALWAYS:  # most nodes; one set look-up (a file's formulas are checked at every opening)
        return True
    if isinstance(node, (ast.Expression, ast.BinOp, ast.Compare, ast.BoolOp, ast.Load, ast.boolop)):
        return True
    if isinstance(node, ast.operator):
        return type(node) in (ast.Add, ast.Sub, ast.Mult, ast.Div)
    if isinstance(node, ast.unaryop):
        return isinstance(node, _UNARY)
    if isinstance(node, ast.UnaryOp):
        return True
    if isinstance(node, ast.cmpop):
        return type(node) in _CMPS
    if isinstance(node, ast.Constant):
        v = node.value
        return (
            isinstance(v, (int, float))
            and not isinstance(v, bool)
            and _finite(Decimal(repr(v)) if isinstance(v, float) else Decimal(v))
        )
    if isinstance(node, ast.Call):
        return _call_allowed(node)
    return False


def _call_allowed(node: ast.Call) -> bool:
    if not (isinstance(node.func, ast.Name) and node.func.id in _FUNCS) or node.keywords:
        return False
    least, most = _ARITY[node.func.id]
    if not least <= len(node.args) <= most or any(isinstance(a, ast.Starred) for a in node.args):
        return False
    if node.func.id == "round" and len(node.args) == 2:  # digits: a literal, never a value
        digits = node.args[1]
        return isinstance(digits, ast.Constant) and type(digits.value) is int and 0 <= digits.value <= MAX_ROUND_DIGITS
    return True


def _finite(v: Decimal) -> bool:
    return v.is_finite() and abs(v) <= MAX_MAGNITUDE


def names_in(text: str) -> set[str]:
    """Every dotted key an expression reads."""
    out: set[str] = set()
    _names_under(parse(text), out)
    return out


def _names_under(node: ast.AST, out: set[str]) -> None:
    """``names_in``'s walk (a module function: a recursive local function is a reference cycle
    made anew on every call, left for the cycle collector)."""
    if isinstance(node, (ast.Attribute, ast.Name)):
        name = _dotted(node)
        if name is not None and name not in _FUNCS:
            out.add(name)
            return
    for child in ast.iter_child_nodes(node):
        if isinstance(node, ast.Call) and child is node.func:
            continue
        _names_under(child, out)


def evaluate(text: str, lookup: Lookup, *, strict: bool = False):
    """Value of the expression, or None when a value is missing.

    A number that is not finite or too big (see the module's doc) gives None,
    or raises Incalculable when ``strict`` (rules: a finding)."""
    tree = parse(text)
    try:
        return _eval(tree.body, lookup)
    except _Missing:
        return None
    except (_Incalculable, DecimalException, OverflowError):
        if strict:
            raise Incalculable(
                _(
                    "formül hesaplanamadı: değerler ya da sonuç geçerli bir sayı değil veya çok büyük (mutlak değer en çok {max_magnitude})"
                ).format(max_magnitude=grouped(MAX_MAGNITUDE))
            ) from None
        return None


def _num(v) -> Decimal:
    if isinstance(v, bool):
        raise _Missing
    if isinstance(v, Decimal):
        d = v
    elif isinstance(v, int):
        if v.bit_length() > 80:  # beyond MAX_MAGNITUDE; Decimal(v) of a huge int costs time
            raise _Incalculable
        d = Decimal(v)
    elif isinstance(v, float):
        d = Decimal(repr(v))
    else:
        raise _Missing
    if not _finite(d):
        raise _Incalculable
    return d


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
            return _num(a / b)
        return _num(_BINOPS[type(node.op)](a, b))
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
        name = cast(ast.Name, node.func).id  # parse() admits only calls of named functions
        if name == "round" and len(node.args) == 2:
            x = _eval(node.args[0], lookup)
            return _num(round(Decimal(x), cast(Any, node.args[1]).value))  # digits: a literal (parse())
        return _num(_FUNCS[name](*[_eval(a, lookup) for a in node.args]))
    raise ExpressionError(_("formül değerlendirilemedi"))
