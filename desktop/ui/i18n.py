"""Translatable UI text: Turkish in the source, English through resources/translations."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

# pyside6-lupdate files a bare tr("...") call under the empty context
CONTEXT = ""


def tr(text: str) -> str:
    """The UI string in the current language (source strings are Turkish)."""
    return QCoreApplication.translate(CONTEXT, text)
