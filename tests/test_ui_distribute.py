"""The board's "Birim dosyalarını dağıt" button: folder chooser → department files → summary."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from desktop.core.loader import load_definition
from desktop.store.file.workbook import Workbook

pytestmark = pytest.mark.usefixtures("private_settings")


DEFINITION = Path(__file__).parent / "data" / "ornek-2026"
RECEIVERS = ["butce_finans", "cevre", "ulasim"]


class Answers:
    def __init__(self):
        self.messages: list[tuple[str, str, str]] = []

    def inform(self, title, text, kind="information"):
        self.messages.append((title, text, kind))


@pytest.fixture
def window(qtbot, tmp_path):
    from desktop.ui.app import application
    from desktop.ui.strategy.window import StrategyWindow

    path = tmp_path / "birlesik.faaliyet"
    with Workbook.create(path, load_definition(DEFINITION), None) as wb:
        wb.apply(values={"kurumsal.sapma_toleransi": Decimal("12")})
    application()
    win = StrategyWindow()
    win.answers = Answers()
    win.inform = win.answers.inform
    qtbot.addWidget(win)
    assert win.open_file(path), win.answers.messages
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()


def test_the_button_writes_each_departments_file_into_the_chosen_folder(qtbot, window, tmp_path):
    out = tmp_path / "dagitim"
    out.mkdir()
    window.choose_out_folder = lambda: str(out)
    button = window.board.distribute_button
    assert button.isEnabled() and button.text() == "Birim dosyalarını dağıt…"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert sorted(p.name for p in out.iterdir()) == [f"yesilova-2026-{d}.faaliyet" for d in RECEIVERS]
    title, text, kind = window.answers.messages[-1]
    assert kind == "information" and "3 birim dosyası yazıldı" in text
    with Workbook.open(out / "yesilova-2026-cevre.faaliyet", readonly=True) as wb:
        assert wb.definition.year.deviation_tolerance == 12  # the setting in force in the consolidated file

    # a second time: nothing is replaced, and the summary says why
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    title, text, kind = window.answers.messages[-1]
    assert kind == "warning" and "0 birim dosyası yazıldı" in text and "3 dosya yazılmadı" in text and "zaten var" in text
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


def test_cancelling_the_folder_chooser_writes_nothing(qtbot, window, tmp_path):
    window.choose_out_folder = lambda: ""
    qtbot.mouseClick(window.board.distribute_button, Qt.MouseButton.LeftButton)
    assert window.answers.messages == []
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix == ".faaliyet") == ["birlesik.faaliyet"]
