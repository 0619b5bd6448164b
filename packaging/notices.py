"""Third-party notices for the bundle, generated from uv.lock and the installed metadata.

    uv run python packaging/notices.py [OUT]     (default: build/notices/THIRD-PARTY-NOTICES.txt)

The packages are the runtime closure of the project in ``uv.lock`` (its
``dependencies``, not the dev or packaging groups): what the bundle can hold.
For each: name, version (the lock's), licence (the metadata's
``License-Expression``, else ``License``, else the classifiers) and every
licence file in its ``.dist-info``. Python itself (PSF licence, the runtime is
in the bundle) comes first; PySide6/Qt get what the LGPL-3.0 asks: the licence
texts (LGPL-3.0 and the GPL-3.0 it refers to), where the source is, and how to
relink. The spec calls ``write()``, so every bundle carries the file it was
built with.
"""

from __future__ import annotations

import re
import sys
import tomllib
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LICENSES = Path(__file__).resolve().parent / "licenses"
NAME = "THIRD-PARTY-NOTICES.txt"
LICENSE_FILE = re.compile(r"(LICEN[CS]E|COPYING|NOTICE|AUTHORS)", re.IGNORECASE)
QT_PACKAGES = ("pyside6-essentials", "shiboken6")
RULE = "=" * 78


@dataclass(frozen=True)
class Package:
    name: str
    version: str
    licence: str
    texts: tuple[tuple[str, str], ...]  # (file name, text)


def runtime_packages(lock_path: Path = ROOT / "uv.lock", project: str = "faaliyet") -> dict[str, str]:
    """Name -> version of every package the project needs at run time, from the lock file."""
    lock = tomllib.loads(lock_path.read_text(encoding="utf-8"))
    packages = {p["name"]: p for p in lock["package"]}
    todo = [d["name"] for d in packages[project].get("dependencies", [])]
    found: dict[str, str] = {}
    while todo:
        name = todo.pop()
        if name in found:
            continue
        found[name] = packages[name]["version"]
        todo += [d["name"] for d in packages[name].get("dependencies", [])]
    return dict(sorted(found.items()))


def licence_of(meta) -> str:
    expression = meta.get("License-Expression")
    if expression:
        return expression
    text = (meta.get("License") or "").strip()
    if text and len(text) < 200 and "\n" not in text:
        return text
    classifiers = [c.split(" :: ")[-1] for c in meta.get_all("Classifier") or [] if c.startswith("License ::")]
    return ", ".join(classifiers) or "belirtilmemiş (not stated; see the texts below)"


def describe(name: str, version: str) -> Package:
    try:
        dist = metadata.distribution(name)
    except metadata.PackageNotFoundError:
        return Package(name, version, "not installed on this platform; see its page on pypi.org", ())
    texts = []
    for file in sorted(dist.files or [], key=str):
        parts = Path(str(file)).parts
        in_dist_info = parts and parts[0].endswith(".dist-info")
        if in_dist_info and ("licenses" in parts[1:-1] or LICENSE_FILE.search(file.name)):
            try:
                texts.append((str(file), Path(str(file.locate())).read_text(encoding="utf-8", errors="replace")))
            except OSError:
                continue
    return Package(name, version, licence_of(dist.metadata), tuple(texts))


def python_notice() -> str:
    for candidate in (Path(sys.base_prefix) / "LICENSE.txt", Path(sys.base_prefix) / "lib" / "python3.11" / "LICENSE.txt"):
        if candidate.is_file():
            return candidate.read_text(encoding="utf-8", errors="replace")
    return "Python Software Foundation License Version 2: https://docs.python.org/3/license.html"


def qt_notice(version: str) -> str:
    """What the LGPL-3.0 asks of a program that ships Qt and PySide6 (section 4 and 6 of LGPL-3.0)."""
    return f"""Faaliyet uses Qt for Python (PySide6 {version}, with shiboken6) and the Qt {version} libraries
under the GNU Lesser General Public License version 3 (LGPL-3.0). Qt is (c) The Qt Company Ltd.
and other contributors. The full texts of the LGPL-3.0 and of the GPL-3.0 it refers to follow
at the end of this file.

Source code. The unmodified sources of the exact versions shipped are available from
  PySide6 / shiboken6: https://code.qt.io/cgit/pyside/pyside-setup.git/tag/?h=v{version}
                       (also the sdist on https://pypi.org/project/PySide6/{version}/)
  Qt:                  https://download.qt.io/official_releases/qt/ (qt-everywhere-src-{version})
Faaliyet does not modify Qt or PySide6. On written request, for three years from the date
you received this program, the publisher of this installation gives you a copy of that source
on a durable medium for no more than the cost of making the copy.

Relinking. Qt and PySide6 are not compiled into Faaliyet: they are separate shared libraries
(Qt6*.dll / libQt6*.so.6, pyside6.abi3, shiboken6.abi3 and the PySide6\\*.pyd modules) in the
program folder's _internal\\PySide6 and _internal\\shiboken6 folders. You may replace them with
your own modified build of the same Qt/PySide6 version (same ABI); Faaliyet then uses yours.
Faaliyet's own source code is under the MIT licence (LICENSE) and may be modified and rebuilt
with packaging/build.py. Reverse engineering for debugging such modifications is permitted.
"""


def render(packages: dict[str, str]) -> str:
    described = [describe(n, v) for n, v in packages.items()]
    qt_version = packages.get("pyside6-essentials", "?")
    out = [
        "Faaliyet — third-party notices (üçüncü taraf bildirimleri)",
        "",
        "Faaliyet itself is under the MIT licence (LICENSE). The bundle also contains the software",
        "below, each under its own licence. Generated by packaging/notices.py from uv.lock and the",
        "installed package metadata.",
        "",
        "Summary (name, version, licence):",
        f"  Python {sys.version.split()[0]}: PSF-2.0",
    ]
    out += [f"  {p.name} {p.version}: {p.licence}" for p in described]
    out += ["", RULE, "Qt and Qt for Python (PySide6): LGPL-3.0", RULE, qt_notice(qt_version)]
    out += [RULE, f"Python {sys.version.split()[0]}", RULE, python_notice()]
    for p in described:
        out += ["", RULE, f"{p.name} {p.version} — {p.licence}", RULE]
        if not p.texts:
            out.append("(no licence file in the package metadata; the licence named above applies)")
        for file, text in p.texts:
            out += [f"--- {file} ---", text.rstrip(), ""]
    for text_file in ("LGPL-3.0.txt", "GPL-3.0.txt"):
        out += ["", RULE, text_file.removesuffix(".txt"), RULE, (LICENSES / text_file).read_text(encoding="utf-8")]
    return "\n".join(out) + "\n"


def write(target: Path) -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(render(runtime_packages()), encoding="utf-8")
    return target


if __name__ == "__main__":
    print(write(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "build" / "notices" / NAME))
