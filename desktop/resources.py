"""Where Faaliyet's data files are: in a source checkout and in a frozen build.

The only module that knows the layout. ``resources/`` holds fonts, icons,
translations, the user guides (``help/``) and the sample data; ``forms/`` holds the year definitions.
"""

from __future__ import annotations

import sys
from pathlib import Path


def root() -> Path:
    """The folder that holds ``resources/`` and ``forms/``."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen)
    return Path(__file__).resolve().parent.parent


def resources() -> Path:
    return root() / "resources"


def forms() -> Path:
    return root() / "forms"


def fonts() -> Path:
    return resources() / "fonts"


def icons() -> Path:
    return resources() / "icons"


def translations() -> Path:
    return resources() / "translations"


def help_folder() -> Path:
    """The user guides (Markdown) and their screenshots, shown by the help window."""
    return resources() / "help"


def sample(definition_id: str) -> Path:
    """Value sets of the embedded sample of the definition ``definition_id``, one JSON file per department."""
    return resources() / "sample" / definition_id


def definitions() -> list[Path]:
    """Every definition folder under ``forms/`` (a folder with a tanim.yaml)."""
    base = forms()
    return sorted(p for p in base.iterdir() if (p / "tanim.yaml").is_file()) if base.is_dir() else []


def default_definition() -> Path:
    """The shipped sample's definition (what ``faaliyet demo`` builds, and commands read without
    ``--definition``): the definition folder under ``forms/`` that has sample values under
    ``resources/sample/`` by the same name; the first of them by name if several do, the first
    definition if none does. Named by the data shipped, not here: a municipality that ships its
    own year replaces both folders and nothing in the code."""
    found = definitions()
    with_values = [p for p in found if any((resources() / "sample" / p.name).glob("*.json"))]
    # no definition at all: forms/ itself, of which the commands say it has no tanim.yaml
    return (with_values or found or [forms()])[0]


def license_file() -> Path:
    """Faaliyet's own licence (MIT): LICENSE in the checkout, LICENSE in the bundle's ``_internal/``."""
    return root() / "LICENSE"


def notices_file() -> Path:
    """The third-party notices the bundle carries (made by packaging/notices.py; absent in a checkout)."""
    return root() / "THIRD-PARTY-NOTICES.txt"


# --- the user's own folders ----------------------------------------------------------
# kind → (Windows: under %LOCALAPPDATA%\Faaliyet; macOS: under ~/Library; elsewhere: XDG variable, default)
_USER_FOLDERS = {
    "cache": ("cache", ("Caches", "Faaliyet"), ("XDG_CACHE_HOME", (".cache",))),
    "logs": ("logs", ("Logs", "Faaliyet"), ("XDG_STATE_HOME", (".local", "state"))),
}


def user_folder(kind: str, override: str) -> Path:
    """The user's ``kind`` folder ("cache", "logs") by the platform's convention, or the
    environment variable ``override`` when set. Local, not roaming, on Windows: neither a
    cache nor a log follows the user to another PC."""
    import os

    if os.environ.get(override):
        return Path(os.environ[override])
    windows, mac, (xdg_var, xdg_default) = _USER_FOLDERS[kind]
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
        return Path(base) / "Faaliyet" / windows
    if sys.platform == "darwin":
        return Path.home().joinpath("Library", *mac)
    xdg = os.environ.get(xdg_var)
    return (Path(xdg) if xdg and Path(xdg).is_absolute() else Path.home().joinpath(*xdg_default)) / "faaliyet"
