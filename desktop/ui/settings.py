"""QSettings: only window state and the recent files list, nothing of the data."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

MAX_RECENT = 10


def settings() -> QSettings:
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "Faaliyet", "Faaliyet")


def recent_files(s: QSettings | None = None) -> list[Path]:
    value = (s or settings()).value("recent", [])
    if isinstance(value, str):
        value = [value]
    return [Path(v) for v in (value or [])]


def add_recent(path: Path) -> None:
    path = Path(path).resolve()
    s = settings()
    files = recent_files(s)
    if files[:1] == [path]:
        return  # already the first (the file opened every day): nothing to write to disk
    files = [p for p in files if p != path]
    files.insert(0, path)
    s.setValue("recent", [str(p) for p in files[:MAX_RECENT]])


def remove_recent(path: Path) -> None:
    settings().setValue("recent", [str(p) for p in recent_files() if p != Path(path)])
