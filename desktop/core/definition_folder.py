"""A definition folder's files: which YAML files make a definition, and which other files it may read.

``source_files`` lists every YAML file the loader reads (the definition cache watches them);
``file_inside`` lets a definition name only a regular file inside its own folder (its logo).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .i18n import _


def form_files(folder: Path) -> list[Path]:
    """The department forms of a definition folder, in the order they are read."""
    return sorted((folder / "birimler").glob("*.yaml")) if (folder / "birimler").is_dir() else []


def source_files(folder: Path | str) -> list[Path]:
    """Every YAML file ``load_definition`` reads (images it embeds are named inside them)."""
    folder = Path(folder)
    plan = [folder / "plan.yaml"] if (folder / "plan.yaml").exists() else []
    return [folder / "tanim.yaml", *plan, *form_files(folder)]


def file_inside(folder: Path, name: Any) -> Path | str:
    """The regular file ``name`` (a path relative to the definition folder) inside ``folder``,
    or a Turkish message saying why it may not be read.

    Only a file inside the definition folder is read: a relative path without
    '..', not absolute, not a Windows drive or UNC path (which would make the
    PC contact a remote share), not a link leading out of the folder, nor a
    folder, a device or a pipe that would block."""
    from pathlib import PurePosixPath, PureWindowsPath

    if not isinstance(name, str) or not name.strip():
        return _("tanım klasöründeki bir resim dosyasının adı olmalı (ör. logo.png)")
    if (
        "\\" in name
        or ":" in name
        or "\0" in name
        or PureWindowsPath(name).is_absolute()
        or PurePosixPath(name).is_absolute()
        or ".." in PurePosixPath(name).parts
    ):
        return _(
            "'{name}' tanım klasörünün içinde bir dosya olmalı: klasöre göre yol yazın (ör. logo.png), '..', sürücü, ağ yolu ya da '\\' kullanmayın"
        ).format(name=name)
    base = folder.resolve()
    path = (folder / name).resolve()
    if not path.is_relative_to(base):
        return _("'{name}' tanım klasörünün dışındaki bir dosyaya bağlantı; resmi klasörün içine kopyalayın").format(name=name)
    if not path.is_file():
        return _("'{name}' dosyası tanım klasöründe yok").format(name=name)
    return path
