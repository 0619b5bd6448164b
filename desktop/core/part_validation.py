"""Checking a part of a definition file against its model, every problem in Turkish with its place.

msgspec checks the data (``forms.convert``) but stops at the first problem and speaks English:
``validate_part`` checks each element of the part's lists on its own, so one run shows every
problem, and turns msgspec's messages into Turkish ones with the place (``aims[0].goals[1].code``)
and the line in the file. ``explain`` words a message about a stored definition the same way.
"""

from __future__ import annotations

import re
from typing import Any, Union, cast

from . import keys, limits
from .definition_problem import Problem
from .forms import InvalidData, convert
from .i18n import _, lazy
from .yaml_reader import line_of, value_at

# msgspec's messages (see InvalidData): "<what> - at `$.sections[0].key`"
_AT = re.compile(r"^(?P<msg>.*?)(?: - at `\$(?P<path>[^`]*)`)?$", re.S)
_PATH_PART = re.compile(r"\.([^.\[\]]+)|\[(\d+)\]")
_TYPE_WORDS = {
    "int": lazy("tam sayı"),
    "str": lazy("metin"),
    "bool": lazy("true ya da false"),
    "array": lazy("liste (satırları '- ' ile başlatın)"),
    "object": lazy("anahtar: değer biçiminde"),
    "decimal": lazy("sayı"),
    "float": lazy("sayı"),
    "null": lazy("boş"),
}
_ITEM_KINDS = lazy("field, table ya da photos")
_LIBRARY_WORDS = re.compile(r"(Expected|Object|Invalid|Unexpected|JSON|Input|Array|String|Integer|Number)\b")


def _loc(path: str) -> tuple:
    return tuple(int(i) if i else k for k, i in _PATH_PART.findall(path or ""))


def _allowed(model: type, loc: tuple, data: Any) -> str:
    """The words a Literal at loc allows (for "one of" messages), or ''."""
    from msgspec import inspect

    info: Any = inspect.type_info(model)
    node = data
    for part in loc:
        if isinstance(info, inspect.Metadata):
            info = info.type
        if isinstance(info, inspect.UnionType):  # a tagged item, or "a list or months"
            tag = node.get("kind") if isinstance(node, dict) else None
            tagged = [t for t in info.types if isinstance(t, inspect.StructType) and t.tag == tag]
            lists = [t for t in info.types if isinstance(t, inspect.ListType)]
            info = tagged[0] if tagged else (lists[0] if lists and isinstance(part, int) else info)
        if isinstance(info, inspect.Metadata):
            info = info.type
        if isinstance(part, int) and isinstance(info, inspect.ListType):
            info = info.item_type
        elif isinstance(part, str) and isinstance(info, inspect.StructType):
            found = [f for f in info.fields if f.encode_name == part]
            if not found:
                return ""
            info = found[0].type
        else:
            return ""
        node = value_at(node, (part,))
    words: list[str] = []
    for t in info.types if isinstance(info, inspect.UnionType) else (info,):
        if isinstance(t, inspect.Metadata):
            t = t.type
        if isinstance(t, inspect.LiteralType):
            words += [str(v) for v in t.values]
    return ", ".join(words)


def turkish_message(text: str, model: type, data: Any) -> tuple[tuple, str]:
    """(place, Turkish message) for one of msgspec's messages about data."""
    m = _AT.match(text.strip())
    msg, loc = (m.group("msg"), _loc(m.group("path"))) if m else (text, ())
    if f := re.fullmatch(r"Object missing required field `(.*)`", msg):
        if f.group(1) == "kind":
            return loc + ("kind",), _("'kind' alanı eksik ({item_kinds})").format(item_kinds=_ITEM_KINDS)
        return loc + (f.group(1),), _("zorunlu alan eksik")
    if f := re.fullmatch(r"Object contains unknown field `(.*)`", msg):
        return loc + (f.group(1),), _("bilinmeyen alan (yazımı kontrol edin)")
    if msg.startswith("Expected `str` matching regex"):
        if data is None:  # a stored definition (explain): the value is not at hand
            return loc, _("geçerli bir anahtar değil: küçük harf ASCII harf ile başlamalı, yalnızca a-z, 0-9 ve _ içermeli")
        return loc, keys.segment_problem(value_at(data, loc))
    if f := re.fullmatch(r"Expected `\w+` of length >= (\d+)", msg):
        return loc, _("en az {group} öğe olmalı").format(group=f.group(1))
    if f := re.fullmatch(r"Expected `(\w+)` of length <= (\d+)", msg):  # a limit (limits.py)
        what = _("karakter") if f.group(1) == "str" else _("öğe")
        return loc, _("çok uzun: en çok {group} {what} olabilir").format(group=limits.grouped(int(f.group(2))), what=what)
    if f := re.fullmatch(r"Expected `\w+` (>=|>|<=|<) (-?[\d.]+)", msg):
        return loc, (_("en az {n} olmalı") if f.group(1).startswith(">") else _("en çok {n} olmalı")).format(n=f.group(2))
    if f := re.fullmatch(r"Expected `([^`]+)`, got `\w+`", msg):
        words = [_TYPE_WORDS.get(w.strip(), w.strip()) for w in f.group(1).split("|")]
        return loc, _("{types} olmalı").format(types=_(" ya da ").join(str(w) for w in words))
    if msg.startswith("Invalid enum value"):
        allowed = _allowed(model, loc, data)
        return loc, _("şunlardan biri olmalı: {allowed}").format(allowed=allowed) if allowed else _(
            "izin verilen değerlerden biri olmalı"
        )
    if msg.startswith("Invalid value") and loc and loc[-1] == "kind":
        return loc, _("'kind' alanı {item_kinds} olmalı").format(item_kinds=_ITEM_KINDS)
    if msg.startswith("Invalid decimal"):
        return loc, _("sayı olmalı")
    if _LIBRARY_WORDS.match(msg):  # any other of msgspec's English messages
        return loc, _("geçersiz değer")
    return loc, msg  # our own checks (__post_init__) speak Turkish already


def explain(text: str) -> str:
    """One of msgspec's messages about a stored definition (no YAML at hand), in Turkish with its place."""
    from .definition import Definition  # local: only a stored definition's messages need its model

    loc, message = turkish_message(text, Definition, None)
    return f"{place_text(loc)}: {message}" if loc else message


def place_text(loc: tuple) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out


def validate_part(model: Any, data: Any, raw: Any, label: str, prefix: tuple = ()) -> tuple[Any, list[Problem]]:
    """Check one part of a file, reporting a problem in every element of its lists.

    msgspec stops at the first problem; so the elements of each list of
    structures (sections, items, aims, goals…) are checked one by one first,
    and the part itself only when they are all right (else without those
    lists), so that one run shows every problem of a file.
    """
    problems: list[Problem] = []
    set_aside: set[str] = set()
    if isinstance(data, dict):
        for name, item_model in _struct_lists(model, data):
            items = data.get(name)
            if not isinstance(items, list):
                continue
            found = [
                p for i, item in enumerate(items) for p in validate_part(item_model, item, raw, label, prefix + (name, i))[1]
            ]
            if found:
                problems += found
                set_aside.add(name)
    if set_aside:
        rest = {k: v for k, v in data.items() if k not in set_aside}
        return None, problems + [
            p
            for p in _convert_or_problem(model, rest, raw, label, prefix)[1]
            if not (p.message == _("zorunlu alan eksik") and p.place.rpartition(".")[2] in set_aside)
        ]
    return _convert_or_problem(model, data, raw, label, prefix)


def _convert_or_problem(model: Any, data: Any, raw: Any, label: str, prefix: tuple) -> tuple[Any, list[Problem]]:
    try:
        return convert(data, model), []
    except InvalidData as exc:
        return None, _problem(exc, model, data, raw, label, prefix)


def _problem(exc: InvalidData, model: Any, data: Any, raw: Any, label: str, prefix: tuple) -> list[Problem]:
    loc, message = turkish_message(str(exc), model, data)
    return [Problem(label, line_of(raw, prefix + loc), place_text(prefix + loc), message)]


def _struct_lists(model: Any, data: dict) -> list[tuple[str, Any]]:
    """(field name, element type) of the fields of model that are lists of structures;
    for a tagged union (an item), the member that data's ``kind`` names."""
    from msgspec import inspect

    info: Any = inspect.type_info(model)
    if isinstance(info, inspect.UnionType):
        info = next((t for t in info.types if isinstance(t, inspect.StructType) and t.tag == data.get("kind")), None)
    if not isinstance(info, inspect.StructType):
        return []
    out: list[tuple[str, Any]] = []
    for f in info.fields:
        t = f.type.type if isinstance(f.type, inspect.Metadata) else f.type
        if isinstance(t, inspect.UnionType):  # "a list of rows, or months"
            t = next((x for x in t.types if isinstance(x, inspect.ListType)), t)
        if not isinstance(t, inspect.ListType):
            continue
        element = t.item_type.type if isinstance(t.item_type, inspect.Metadata) else t.item_type
        if isinstance(element, inspect.StructType):
            out.append((f.encode_name, element.cls))
        elif isinstance(element, inspect.UnionType) and all(isinstance(x, inspect.StructType) for x in element.types):
            out.append((f.encode_name, Union[tuple(cast(inspect.StructType, x).cls for x in element.types)]))  # noqa: UP007 -- built at run time
    return out
