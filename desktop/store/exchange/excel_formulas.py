"""Excel formulas for the template's computed cells, and cell-range helpers.

The form's column formulas (``core.expressions``: + - * /, abs, min, max,
round over the row's columns) become Excel formulas over cell references
with the application's semantics: empty when a cell it reads is empty or on
division by zero. Formulas are written with English function names and ','
separators, as the file format requires; Excel shows them localized.
"""

from __future__ import annotations

import ast

from openpyxl.utils import get_column_letter

from ...core import expressions

_FUNCS = {"abs": "ABS", "min": "MIN", "max": "MAX", "round": "ROUND"}
_OPS = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/"}


def excel_formula(expr: str, ref) -> str | None:
    """An arithmetic column formula as an Excel formula over cell references.

    Like the application, the result is empty when a referenced cell is
    empty and when a division by zero happens. None if it cannot be written.
    """
    refs: list[str] = []

    def conv(node) -> str:
        if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)) and not isinstance(node.value, bool):
            return repr(node.value)
        if isinstance(node, (ast.Name, ast.Attribute)):
            name = node.id if isinstance(node, ast.Name) else None
            r = ref(name) if name else None
            if r is None:
                raise ValueError(expr)
            refs.append(r)
            return r
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.UAdd)):
            return ("-" if isinstance(node.op, ast.USub) else "") + f"({conv(node.operand)})"
        if isinstance(node, ast.BinOp) and type(node.op) in _OPS:
            return f"({conv(node.left)}{_OPS[type(node.op)]}{conv(node.right)})"
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in _FUNCS:
            args = [conv(a) for a in node.args]
            if node.func.id == "round" and len(args) == 1:
                args.append("0")
            return f"{_FUNCS[node.func.id]}({','.join(args)})"
        raise ValueError(expr)

    try:
        body = conv(expressions.parse(expr).body)
    except (ValueError, expressions.ExpressionError):
        return None
    unique = sorted(set(refs))
    guard = f"COUNT({','.join(unique)})<{len(unique)}" if unique else "FALSE"
    return f'=IF({guard},"",IFERROR({body},""))'


def cell_ranges(cells: list[tuple[int, int]]) -> list[str]:
    """(column, row) pairs as A1 ranges, runs of adjacent rows in one column joined: B7:B18."""
    out: list[str] = []
    run: list[int] = []
    for col, row in sorted(cells) + [(0, 0)]:
        if run and (col != run[0] or row != run[2] + 1):
            letter = get_column_letter(run[0])
            out.append(f"{letter}{run[1]}" + (f":{letter}{run[2]}" if run[2] != run[1] else ""))
            run = []
        if col:
            run = [col, run[1] if run else row, row]
    return out


def rate_formula(method: str, row: int) -> str:
    a, b, c = f"F{row}", f"G{row}", f"H{row}"
    body = {"delta": f"({c}-{a})/({b}-{a})*100", "inverse": f"{b}/{c}*100"}.get(method, f"{c}/{b}*100")
    return f'=IF(OR({c}="",{b}=""),"",IFERROR({body},""))'
