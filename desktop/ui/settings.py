"""QSettings: only window state and the recent files and definition folders, nothing of the data."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

MAX_RECENT = 10
MAX_RECENT_DEFINITIONS = 6


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


def recent_definitions(s: QSettings | None = None) -> list[tuple[Path, str]]:
    """The definition folders a year was made from, newest first, each with its label
    ("2026 — Örnekkent Belediyesi") as it was when last loaded."""
    s = s or settings()
    out = []
    for i in range(s.beginReadArray("recentDefinitions")):
        s.setArrayIndex(i)
        folder, label = s.value("folder"), s.value("label", "")
        if isinstance(folder, str) and folder:
            out.append((Path(folder), label if isinstance(label, str) else ""))
    s.endArray()
    return out


def add_recent_definition(folder: Path, label: str) -> None:
    folder = Path(folder).resolve()
    s = settings()
    entries = recent_definitions(s)
    if entries[:1] == [(folder, label)]:
        return
    entries = [(folder, label)] + [e for e in entries if e[0] != folder]
    _write_definitions(s, entries[:MAX_RECENT_DEFINITIONS])


def _write_definitions(s: QSettings, entries: list[tuple[Path, str]]) -> None:
    s.remove("recentDefinitions")
    s.beginWriteArray("recentDefinitions", len(entries))
    for i, (folder, label) in enumerate(entries):
        s.setArrayIndex(i)
        s.setValue("folder", str(folder))
        s.setValue("label", label)
    s.endArray()
