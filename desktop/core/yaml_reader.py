"""Reading one YAML file of a definition folder into ruamel's data, and finding lines in it.

Numbers are read exactly (floats become Decimals) and '425.000' is refused as ambiguous (in YAML
the dot is the decimal separator); a file that is missing, too big, not UTF-8 or not YAML is a
``Problem`` in Turkish, never an exception. ruamel is imported only when a file is read. The
data keeps ruamel's line marks: ``line_of`` finds the line of a place in it, ``plain`` gives the
plain Python data (strings NFC-normalised) that the models are checked against.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from pathlib import Path
from typing import Any, cast

from .definition_problem import Problem
from .i18n import _
from .turkish import nfc

MAX_FILE_BYTES = 5 * 1024 * 1024


class _AmbiguousNumber(Exception):
    def __init__(self, text: str, line: int):
        self.text, self.line = text, line


_AMBIGUOUS = re.compile(r"^[+-]?[1-9]\d{0,2}(\.\d{3})+$")


@lru_cache(maxsize=1)
def _constructor() -> type:
    """ruamel's round-trip constructor where floats become exact Decimals and '425.000' is
    refused as ambiguous. Built on first use: ruamel is imported only when YAML is read
    (a definition from the compiled cache, ``store.definition_cache``, never pays for it)."""
    from ruamel.yaml.constructor import RoundTripConstructor

    class _Constructor(RoundTripConstructor):
        def construct_yaml_float(self, node):
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
    return _Constructor


def _yaml():
    from ruamel.yaml import YAML

    y = YAML(typ="rt")
    y.Constructor = _constructor()
    return y


def read_yaml(path: Path, label: str) -> tuple[Any, list[Problem]]:
    """Parse one YAML file; returns (data, problems)."""
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    try:
        if path.exists() and not path.is_file():  # a folder, or a pipe or device whose reading would block
            return None, [
                Problem(label, None, "", _("düzenli bir dosya değil (klasör ya da özel bir dosya); yerine YAML dosyasını koyun"))
            ]
        if path.stat().st_size > MAX_FILE_BYTES:
            return None, [Problem(label, None, "", _("dosya çok büyük (en çok 5 MB)"))]
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None, [Problem(label, None, "", _("dosya bulunamadı"))]
    except UnicodeDecodeError:
        return None, [Problem(label, None, "", _("dosya UTF-8 değil; UTF-8 olarak kaydedin"))]
    except OSError as exc:
        return None, [Problem(label, None, "", _("dosya okunamadı ({strerror})").format(strerror=exc.strerror))]
    try:
        return _yaml().load(text), []
    except _AmbiguousNumber as exc:
        return None, [
            Problem(
                label,
                exc.line,
                "",
                _(
                    "'{text}' sayısı belirsiz: YAML'da nokta ondalık ayırıcıdır. Binlik için ayırıcısız yazın (ör. {replace}), ondalık için tırnaksız 1.5 biçimi kullanın."
                ).format(text=exc.text, replace=exc.text.replace(".", "")),
            )
        ]
    except MarkedYAMLError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else None
        return None, [Problem(label, line, "", _("YAML sözdizimi hatası: {x}").format(x=exc.problem or exc))]
    except (YAMLError, RecursionError, ValueError) as exc:
        return None, [Problem(label, None, "", _("YAML okunamadı: {exc}").format(exc=exc))]


def plain(node: Any) -> Any:
    """ruamel's round-trip types to plain Python; strings NFC-normalized."""
    if isinstance(node, dict):
        return {str(k): plain(v) for k, v in node.items()}
    if isinstance(node, list):
        return [plain(v) for v in node]
    if isinstance(node, bool) or node is None or isinstance(node, Decimal):
        return node
    if isinstance(node, int):
        return int(node)
    if isinstance(node, str):
        return nfc(str(node))
    return node


def line_of(data: Any, loc: tuple) -> int | None:
    """Best line number for a place (keys and list indexes) inside ruamel data."""
    line = None
    node = data
    for part in loc:
        try:
            if isinstance(node, dict) and part in node:
                line = cast(Any, node).lc.key(part)[0] + 1  # ruamel's CommentedMap
                node = node[part]
            elif isinstance(node, list) and isinstance(part, int) and part < len(node):
                line = cast(Any, node).lc.item(part)[0] + 1  # ruamel's CommentedSeq
                node = node[part]
            else:
                break
        except (AttributeError, KeyError, IndexError, TypeError):
            break
    if line is None and hasattr(data, "lc"):
        line = data.lc.line + 1
    return line


def value_at(data: Any, loc: tuple) -> Any:
    node = data
    for part in loc:
        if isinstance(node, dict) and part in node:
            node = node[part]
        elif isinstance(node, list) and isinstance(part, int) and part < len(node):
            node = node[part]
        else:
            return None
    return node
