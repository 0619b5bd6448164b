"""Fixtures of the merge, board and window tests (registered by conftest.py as a plugin).

Test modules take these by name and import nothing of them, so no fixture is shadowed.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.store.file.workbook import Workbook


@pytest.fixture
def private_settings(tmp_path_factory):
    """Keep QSettings (recent files, geometry) out of the real user profile
    (window modules: ``pytestmark = pytest.mark.usefixtures("private_settings")``)."""
    from PySide6.QtCore import QSettings

    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path_factory.mktemp("settings")))
    yield


@pytest.fixture
def window(qtbot, workbook_path):
    """The clerk's window on a fresh İtfaiye file (``workbook_path``)."""
    from ui_support import make_window

    win = make_window(qtbot, workbook_path)
    yield win
    win.close()


@pytest.fixture
def files(tmp_path, definition) -> dict[str, Path]:
    """İtfaiye, İmar and an empty Zabıta file (strateji is edited in the consolidated file)."""
    from merge_support import IMAR, IMAR_INDICATORS, ITFAIYE, ITFAIYE_INDICATORS

    folder = tmp_path / "birimler"
    folder.mkdir()
    out = {}
    for dept, values, indicators in (
        ("itfaiye", ITFAIYE, ITFAIYE_INDICATORS),
        ("imar", IMAR, IMAR_INDICATORS),
        ("zabita", {}, {}),
    ):
        path = folder / f"kars-2020-{dept}.faaliyet"
        with Workbook.create(path, definition, dept, user="ornek") as wb:
            wb.apply(values=values, indicators=indicators)
        out[dept] = path
    return out


class Clock:
    """The store's clock in tests (``desktop.store.file.clock.source``): it starts at a fixed time and
    moves one minute per reading, so 'newer' never depends on timing; ``advance`` jumps ahead."""

    def __init__(self, start: str = "2021-01-01T00:00:00+00:00"):
        import datetime as dt

        self.time = dt.datetime.fromisoformat(start)
        self.step = dt.timedelta(minutes=1)

    def __call__(self):
        self.time += self.step
        return self.time

    def advance(self, **delta) -> None:
        import datetime as dt

        self.time += dt.timedelta(**delta)

    def set(self, when: str) -> None:
        import datetime as dt

        self.time = dt.datetime.fromisoformat(when) - self.step


@pytest.fixture
def clock(monkeypatch) -> Clock:
    """Every store module's time, from a ``Clock`` (request it before the fixtures that write files)."""
    fake = Clock()
    monkeypatch.setattr("desktop.store.file.clock.source", fake)
    return fake


@pytest.fixture
def english():
    """Messages made outside the UI (``_()``) in English for the test, Turkish again after."""
    from desktop.core import i18n

    assert i18n.set_language("en") == "en"
    yield
    i18n.set_language("tr")


@pytest.fixture
def english_window(qapp, english):
    """The window's language as ``application()`` sets it for FAALIYET_LANG=en: Qt's ``tr()`` and core's ``_()``."""
    from PySide6.QtCore import QCoreApplication

    from desktop.ui.app import install_translation

    translator = install_translation(qapp, "en")
    assert translator is not None
    yield
    QCoreApplication.removeTranslator(translator)
