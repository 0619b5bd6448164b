"""The English clerk window: messages made outside the UI (findings, store errors, the file's state) are English."""

from __future__ import annotations

from pathlib import Path

import pytest
from ui_support import Prompts, make_window, widget

from desktop.core import i18n
from desktop.store.file import opening

pytestmark = [pytest.mark.definition("small"), pytest.mark.usefixtures("private_settings")]


def _panel_texts(win) -> list[str]:
    lst = win.view.findings.list
    return [lst.item(i).text() for i in range(lst.count())]


def test_findings_and_the_files_state_are_english(qtbot, english_window, workbook_path):
    win = make_window(qtbot, workbook_path)
    texts = _panel_texts(win)
    # the small definition's required long text, found by core.validation
    assert any("is required; fill it in." in t for t in texts), texts
    assert not any("zorunlu" in t for t in texts), texts
    assert "is required" in widget(win, "itfaiye.anlatim").toolTip()
    # the state in the title comes from the store (states.STATES)
    assert "— Draft —" in win.windowTitle(), win.windowTitle()
    assert "Taslak" not in win.windowTitle()
    win.close()


def test_a_store_refusal_is_english(qtbot, english_window, tmp_path):
    not_ours = tmp_path / "notlar.faaliyet"
    not_ours.write_bytes(b"this is not a database, only text " * 10)
    prompts = Prompts()
    win = make_window(qtbot, None, prompts)
    assert not win.open_file(not_ours)
    shown = " ".join(text for _title, text, _kind in prompts.messages)
    assert "is not a Faaliyet file" in shown, prompts.messages
    assert "değil" not in shown
    win.close()


def test_the_read_only_reason_from_the_store_is_english(qtbot, english_window, monkeypatch, workbook_path):
    original = opening.writable_reason

    def on_a_network(p):
        # the store's own reason for a network path, as if the workbook were on one
        return original(Path("//sunucu/paylasim/itfaiye.faaliyet")) if Path(p) == workbook_path else original(p)

    monkeypatch.setattr(opening, "writable_reason", on_a_network)
    win = make_window(qtbot, workbook_path)
    assert win.doc.readonly
    banner = win.view.banner.label.text()
    assert "network" in banner and "read-only" in banner, banner
    assert "ağ" not in banner
    win.close()


def test_turkish_again_after_english(qtbot, workbook_path):
    """The fixture leaves Turkish behind: the default window speaks Turkish."""
    assert i18n.language() == "tr"
    win = make_window(qtbot, workbook_path)
    assert any("zorunlu" in t for t in _panel_texts(win))
    assert "— Taslak —" in win.windowTitle()
    win.close()
