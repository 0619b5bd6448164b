"""A plan written as plan.yaml text, in the shape the loader reads (see forms/README.md).

Aims, goals and performance targets are block mappings; each indicator and
activity is one flow mapping on its own line, as in the shipped sample.
Turkish letters are written as they are. Numbers are written so that the
loader reads back the same Decimal, with its decimals: whole numbers without
a point, others in plain notation keeping their trailing zeros (a weight
given as ``0.10`` has two decimals, which the weights rule counts), and a
number the loader would refuse as ambiguous (``1.234`` looks like a
thousands separator) with one more zero (``1.2340``).
"""

from __future__ import annotations

import io
import re
from decimal import Decimal

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.representer import RoundTripRepresenter

from .plan import PlanDef
from .plan_rows import plan_data

_AMBIGUOUS = re.compile(r"^[+-]?[1-9]\d{0,2}(\.\d{3})+$")  # as the loader's


def _whole(value: Decimal) -> bool:
    """Written without decimals (a NaN or an infinity has no integer exponent: not whole)."""
    exponent = value.as_tuple().exponent
    return isinstance(exponent, int) and exponent >= 0


def number_text(value: Decimal) -> str:
    """Plain text of a number the loader reads back as the same value."""
    if _whole(value):
        return str(int(value))
    text = format(value, "f")
    return text + "0" if _AMBIGUOUS.match(text) else text


class _Representer(RoundTripRepresenter):
    pass


def _decimal(representer, value: Decimal):
    if _whole(value):
        return representer.represent_int(int(value))
    return representer.represent_scalar("tag:yaml.org,2002:float", number_text(value))


_Representer.add_representer(Decimal, _decimal)

_FLOW_LISTS = ("indicators", "activities")


def yaml_node(data, flow_lists: tuple[str, ...], flow: bool = False):
    """``data`` as ruamel nodes; the items of a list under a key in ``flow_lists`` are written
    on one line each (``{key: …, name: …}``)."""
    if isinstance(data, dict):
        m = CommentedMap()
        for k, v in data.items():
            m[k] = yaml_node(v, flow_lists, k in flow_lists)
        return m
    if isinstance(data, list):
        seq = CommentedSeq()
        for v in data:
            item = yaml_node(v, flow_lists)
            if flow and isinstance(item, CommentedMap):
                item.fa.set_flow_style()
            seq.append(item)
        return seq
    return data


def _node(data, flow: bool = False):
    return yaml_node(data, _FLOW_LISTS, flow)


def dump_plan(plan: PlanDef, header: str = "") -> str:
    """plan.yaml's text for ``plan``; ``header`` becomes comment lines at the top."""
    y = YAML(typ="rt")
    y.Representer = _Representer
    y.allow_unicode = True
    y.width = 1 << 16  # one indicator per line, however long its name
    y.indent(mapping=2, sequence=4, offset=2)
    out = io.StringIO()
    if header:
        out.write("".join(f"# {line}".rstrip() + "\n" for line in header.splitlines()))
    y.dump(_node(plan_data(plan)), out)
    return out.getvalue()
