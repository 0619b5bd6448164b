"""Load a year definition from a folder of YAML files.

Layout of a definition folder (see ``forms/README.md``)::

    forms/kars-2020/
        tanim.yaml          id, version, institution, year settings, departments
        plan.yaml           the strategic plan
        birimler/*.yaml     one form per department

Every problem is reported with the file, the line and the place in the data
(``aims[0].goals[1].code``) and a Turkish message; loading stops only after
every file has been read, so one run shows every problem.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError
from ruamel.yaml import YAML
from ruamel.yaml.constructor import RoundTripConstructor
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from .definition import Definition
from .forms import FormDef
from .institution import DepartmentDef, InstitutionDef, YearDef
from .plan import PlanDef
from .turkish import nfc

MAX_FILE_BYTES = 5 * 1024 * 1024


@dataclass(frozen=True)
class Problem:
    file: str
    line: int | None
    place: str
    message: str

    def __str__(self) -> str:
        where = self.file + (f":{self.line}" if self.line else "")
        return f"{where}: {self.place + ': ' if self.place else ''}{self.message}"


class DefinitionError(Exception):
    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


class _AmbiguousNumber(Exception):
    def __init__(self, text: str, line: int):
        self.text, self.line = text, line


_AMBIGUOUS = re.compile(r"^[+-]?[1-9]\d{0,2}(\.\d{3})+$")


class _Constructor(RoundTripConstructor):
    """Floats become exact Decimals; '425.000' is refused as ambiguous."""

    def construct_yaml_float(self, node):  # type: ignore[override]
        raw = str(node.value).replace("_", "")
        if _AMBIGUOUS.match(raw):
            raise _AmbiguousNumber(raw, node.start_mark.line + 1)
        try:
            value = Decimal(raw)
        except InvalidOperation:
            raise _AmbiguousNumber(raw, node.start_mark.line + 1) from None
        if not value.is_finite():
            raise _AmbiguousNumber(raw, node.start_mark.line + 1)
        return value


_Constructor.add_constructor("tag:yaml.org,2002:float", _Constructor.construct_yaml_float)


def _yaml() -> YAML:
    y = YAML(typ="rt")
    y.Constructor = _Constructor
    return y


def read_yaml(path: Path, label: str) -> tuple[Any, list[Problem]]:
    """Parse one YAML file; returns (data, problems)."""
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            return None, [Problem(label, None, "", "dosya çok büyük (en çok 5 MB)")]
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None, [Problem(label, None, "", "dosya bulunamadı")]
    except UnicodeDecodeError:
        return None, [Problem(label, None, "", "dosya UTF-8 değil; UTF-8 olarak kaydedin")]
    except OSError as exc:
        return None, [Problem(label, None, "", f"dosya okunamadı ({exc.strerror})")]
    try:
        return _yaml().load(text), []
    except _AmbiguousNumber as exc:
        return None, [
            Problem(label, exc.line, "", f"'{exc.text}' sayısı belirsiz: YAML'da nokta ondalık ayırıcıdır. "
                    f"Binlik için ayırıcısız yazın (ör. {exc.text.replace('.', '')}), ondalık için tırnaksız 1.5 biçimi kullanın.")
        ]
    except MarkedYAMLError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else None
        return None, [Problem(label, line, "", f"YAML sözdizimi hatası: {exc.problem or exc}")]
    except (YAMLError, RecursionError, ValueError) as exc:
        return None, [Problem(label, None, "", f"YAML okunamadı: {exc}")]


def _plain(node: Any) -> Any:
    """ruamel's round-trip types to plain Python; strings NFC-normalized."""
    if isinstance(node, dict):
        return {str(k): _plain(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_plain(v) for v in node]
    if isinstance(node, bool) or node is None or isinstance(node, Decimal):
        return node
    if isinstance(node, int):
        return int(node)
    if isinstance(node, str):
        return nfc(str(node))
    return node


def _line_of(data: Any, loc: tuple) -> int | None:
    """Best line number for a pydantic error location inside ruamel data."""
    line = None
    node = data
    for part in loc:
        try:
            if isinstance(node, dict) and part in node:
                line = node.lc.key(part)[0] + 1
                node = node[part]
            elif isinstance(node, list) and isinstance(part, int) and part < len(node):
                line = node.lc.item(part)[0] + 1
                node = node[part]
            else:
                continue  # discriminator tags etc.
        except (AttributeError, KeyError, IndexError, TypeError):
            break
    if line is None and hasattr(data, "lc"):
        line = data.lc.line + 1
    return line


_MESSAGES = {
    "missing": "zorunlu alan eksik",
    "extra_forbidden": "bilinmeyen alan (yazımı kontrol edin)",
    "string_type": "metin olmalı",
    "int_type": "tam sayı olmalı",
    "int_parsing": "tam sayı olmalı",
    "int_from_float": "tam sayı olmalı",
    "decimal_parsing": "sayı olmalı",
    "decimal_type": "sayı olmalı",
    "bool_type": "true ya da false olmalı",
    "bool_parsing": "true ya da false olmalı",
    "list_type": "liste olmalı (satırları '- ' ile başlatın)",
    "dict_type": "anahtar: değer biçiminde olmalı",
    "model_type": "anahtar: değer biçiminde olmalı",
    "union_tag_invalid": "'kind' alanı field, table ya da photos olmalı",
    "union_tag_not_found": "'kind' alanı eksik (field, table ya da photos)",
}


def _message(err: dict) -> str:
    t = err.get("type", "")
    ctx = err.get("ctx") or {}
    if t == "value_error":
        return str(ctx.get("error", err.get("msg", ""))).removeprefix("Value error, ")
    if t == "literal_error":
        return f"şunlardan biri olmalı: {ctx.get('expected', '')}"
    if t == "too_short":
        return f"en az {ctx.get('min_length')} öğe olmalı"
    if t in ("greater_than_equal", "greater_than"):
        return f"en az {ctx.get('ge', ctx.get('gt'))} olmalı"
    if t in ("less_than_equal", "less_than"):
        return f"en çok {ctx.get('le', ctx.get('lt'))} olmalı"
    return _MESSAGES.get(t, err.get("msg", "geçersiz değer"))


def _place(loc: tuple) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        elif part in ("field", "table", "photos"):
            continue  # discriminator branch names
        else:
            out += ("." if out else "") + str(part)
    return out


def validate_part(model: type[BaseModel], data: Any, raw: Any, label: str, prefix: tuple = ()) -> tuple[Any, list[Problem]]:
    try:
        return model.model_validate(data), []
    except ValidationError as exc:
        problems = []
        for err in exc.errors():
            loc = tuple(err["loc"])
            problems.append(Problem(label, _line_of(raw, prefix + loc), _place(prefix + loc), _message(err)))
        return None, problems


def load_definition(folder: Path | str) -> Definition:
    """Load and validate a definition folder, or raise DefinitionError."""
    folder = Path(folder)
    name = folder.name
    problems: list[Problem] = []

    head_label = f"{name}/tanim.yaml"
    head_raw, p = read_yaml(folder / "tanim.yaml", head_label)
    problems += p
    head = _plain(head_raw) if head_raw is not None else None
    if head_raw is None and not p:  # an empty file: nothing below would report it
        problems.append(Problem(head_label, None, "", "dosya boş; kurum, yıl ve birimler tanımlanmalı"))
    if head is not None and not isinstance(head, dict):
        problems.append(Problem(head_label, 1, "", "anahtar: değer biçiminde olmalı"))
        head = None

    parts: dict[str, Any] = {}
    if head is not None:
        for field, model in (("institution", InstitutionDef), ("year", YearDef)):
            parts[field], p = validate_part(model, head.get(field), head_raw, head_label, (field,))
            if field not in head:
                p = [Problem(head_label, None, field, "zorunlu bölüm eksik")]
            problems += p
        depts = []
        for i, d in enumerate(head.get("departments") or []):
            dept, p = validate_part(DepartmentDef, d, head_raw, head_label, ("departments", i))
            problems += p
            depts.append(dept)
        if not head.get("departments"):
            problems.append(Problem(head_label, None, "departments", "en az bir birim tanımlanmalı"))
        parts["departments"] = depts
        for field in ("id", "version"):
            if field in head:
                parts[field] = str(head[field])
        if "id" not in head:
            problems.append(Problem(head_label, None, "id", "zorunlu alan eksik"))
        unknown = set(head) - {"id", "version", "institution", "year", "departments"}
        for k in sorted(unknown):
            problems.append(Problem(head_label, _line_of(head_raw, (k,)), k, "bilinmeyen alan (yazımı kontrol edin)"))

    plan_label = f"{name}/plan.yaml"
    plan = PlanDef()
    if (folder / "plan.yaml").exists():
        plan_raw, p = read_yaml(folder / "plan.yaml", plan_label)
        problems += p
        if plan_raw is not None:
            plan, p = validate_part(PlanDef, _plain(plan_raw), plan_raw, plan_label)
            problems += p
    parts["plan"] = plan

    forms = []
    form_files = sorted((folder / "birimler").glob("*.yaml")) if (folder / "birimler").is_dir() else []
    for path in form_files:
        label = f"{name}/birimler/{path.name}"
        raw, p = read_yaml(path, label)
        problems += p
        if raw is None:
            continue
        form, p = validate_part(FormDef, _plain(raw), raw, label)
        problems += p
        if form is not None:
            forms.append((label, form))
    parts["forms"] = [f for _, f in forms]

    if not problems:
        problems += _cross_check(parts, forms, head_label, plan_label)
    if problems:
        raise DefinitionError(problems)
    try:
        return Definition.model_validate(parts)
    except ValidationError as exc:  # safety net: cross checks above should catch these
        raise DefinitionError([Problem(name, None, _place(tuple(e["loc"])), _message(e)) for e in exc.errors()]) from None


def _cross_check(parts: dict, forms: list, head_label: str, plan_label: str) -> list[Problem]:
    from . import expressions

    problems = []
    known = {d.key for d in parts["departments"] if d is not None}
    seen = set()
    for d in parts["departments"]:
        if d.key in seen:
            problems.append(Problem(head_label, None, f"departments.{d.key}", "aynı birim anahtarı iki kez tanımlanmış"))
        seen.add(d.key)
    plan: PlanDef = parts["plan"]
    for x in list(plan.indicators()) + list(plan.activities()):
        if x.department not in known:
            problems.append(Problem(plan_label, None, x.key, f"'{x.department}' tanımlı bir birim değil ({', '.join(sorted(known))})"))
    owners = {}
    for label, form in forms:
        if form.department not in known:
            problems.append(Problem(label, None, "department", f"'{form.department}' tanımlı bir birim değil"))
        if form.department in owners:
            problems.append(Problem(label, None, "department", f"bu birimin formu zaten {owners[form.department]} dosyasında"))
        owners[form.department] = label
    # rules may only name keys that exist
    try:
        probe = Definition.model_validate(parts)
    except ValidationError:
        return problems
    valid = set(probe.slots) | {f"{i.key}.actual" for i in plan.indicators()}
    for label, form in forms:
        for i, rule in enumerate(form.rules):
            try:
                names = expressions.names_in(rule.check)
            except expressions.ExpressionError as exc:
                problems.append(Problem(label, None, f"rules[{i}].check", str(exc)))
                continue
            for n in sorted(names - valid):
                problems.append(Problem(label, None, f"rules[{i}].check", f"'{n}' diye bir değer yok"))
    return problems
