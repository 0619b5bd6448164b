"""Faaliyet's version: pyproject.toml's, as the installed (or bundled) metadata gives it (no Qt).

One place holds the number (``[project] version`` in pyproject.toml); the
PyInstaller bundle carries the package metadata (``copy_metadata`` in the
spec), a source checkout has it from ``uv sync``. Read from the checkout's
pyproject.toml only when neither is there.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import metadata

from . import resources

NAME = "faaliyet"


@cache
def version() -> str:
    try:
        return metadata.version(NAME)
    except metadata.PackageNotFoundError:
        pass
    try:
        text = (resources.root() / "pyproject.toml").read_text(encoding="utf-8")
    except OSError:
        return "bilinmiyor"
    found = re.search(r'(?m)^version\s*=\s*"([^"]+)"', text)
    return found.group(1) if found else "bilinmiyor"
