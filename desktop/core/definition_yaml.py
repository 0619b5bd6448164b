"""A definition written back as a definition folder (see forms/README.md): the files and their text.

``faaliyet year next`` makes next year's definition from the snapshot inside
this year's file; the strategy unit edits it as YAML like any other. Each struct
is written without the fields left at their default, numbers as the loader
reads them back (``plan_yaml.number_text``), the plan in plan.yaml's own shape
(``plan_yaml.dump_plan``), and the institution's logo as a file beside
tanim.yaml. The caller loads what was written and compares digests, so a
folder that would not read back as the same definition is never left behind.
"""

from __future__ import annotations

import io
from typing import Any

import msgspec
from ruamel.yaml import YAML

from .definition import Definition
from .forms import ItemDef
from .plan_yaml import _Representer, dump_plan, yaml_node

_FLOW = ("rows", "columns", "signers")  # lists whose elements are written one per line


def lean(value: Any) -> Any:
    """Plain data of a struct without the fields at their default (an item keeps its ``kind``)."""
    if isinstance(value, msgspec.Struct):
        out: dict[str, Any] = {}
        if isinstance(value, ItemDef):
            out["kind"] = value.kind
        for f in msgspec.structs.fields(value):
            v = getattr(value, f.name)
            if not f.required:
                default = f.default if f.default is not msgspec.NODEFAULT else f.default_factory()
                if v == default and type(v) is type(default):
                    continue
            out[f.encode_name] = lean(v)
        return out
    if isinstance(value, list):
        return [lean(v) for v in value]
    if isinstance(value, dict):
        return {k: lean(v) for k, v in value.items()}
    return value


def _node(data: Any, flow: bool = False) -> Any:
    return yaml_node(data, _FLOW, flow)


def _dump(data: Any, header: str) -> str:
    y = YAML(typ="rt")
    y.Representer = _Representer
    y.allow_unicode = True
    y.width = 1 << 16
    y.indent(mapping=2, sequence=4, offset=2)
    out = io.StringIO()
    out.write("".join(f"# {line}".rstrip() + "\n" for line in header.splitlines()))
    y.dump(_node(data), out)
    return out.getvalue()


def definition_files(definition: Definition, header: str = "") -> dict[str, str | bytes]:
    """The files of a definition folder (relative name → text, or bytes for the logo)."""
    files: dict[str, str | bytes] = {}
    institution = lean(definition.institution)
    logo = definition.institution.logo
    if logo is not None:
        name = "logo.png" if logo.mime == "image/png" else "logo.jpg"
        files[name] = logo.raw()
        institution["logo"] = name
    head = {
        "id": definition.id,
        "version": definition.version,
        "institution": institution,
        "year": lean(definition.year),
        "departments": lean(definition.departments),
    }
    files["tanim.yaml"] = _dump(head, header)
    if definition.plan.aims or definition.plan.period or definition.plan.name != "Stratejik Plan":
        files["plan.yaml"] = dump_plan(definition.plan, header)
    width = len(str(len(definition.forms)))
    for n, form in enumerate(definition.forms, 1):
        # the loader reads birimler/*.yaml in name order: numbered, the forms keep the definition's order
        files[f"birimler/{n:0{width}d}-{form.department}.yaml"] = _dump(lean(form), header)
    return files
