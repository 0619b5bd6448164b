"""The strategy window's year actions: "Sonraki yılı hazırla…" (``faaliyet year next``) and
"Geçmiş yıl ekle…" (``faaliyet year history``): the same store functions, Turkish messages,
errors shown and nothing half-written."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from desktop.core.loader import load_definition
from desktop.core.year_cycle import next_definition
from desktop.store.file.workbook import Workbook

pytestmark = [pytest.mark.definition("small"), pytest.mark.usefixtures("private_settings")]


class Answers:
    def __init__(self):
        self.messages: list[tuple[str, str, str]] = []
        self.asked: list[str] = []
        self.answer = True

    def inform(self, title, text, kind="information"):
        self.messages.append((title, text, kind))

    def ask(self, title, text):
        self.asked.append(text)
        return self.answer


def _window(qtbot, path: Path):
    from desktop.ui.app import application
    from desktop.ui.strategy.window import StrategyWindow

    application()
    win = StrategyWindow()
    answers = win.answers = Answers()
    win.inform, win.ask = answers.inform, answers.ask
    qtbot.addWidget(win)
    assert win.open_file(path), answers.messages
    return win


@pytest.fixture
def consolidated(tmp_path, definition) -> Path:
    path = tmp_path / "birlesik.faaliyet"
    with Workbook.create(path, definition, None) as wb:
        wb.apply(values={"itfaiye.trafik_kazasi": 9})
    return path


@pytest.fixture
def kars_file(tmp_path, definitions) -> Path:
    """The Kars sample's consolidated file (its definition folder is written back whole by year next)."""
    path = tmp_path / "kars.faaliyet"
    with Workbook.create(path, definitions("kars"), None) as wb:
        wb.apply(values={"itfaiye.trafik_kazasi": 9})
    return path


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_prepare_next_year_writes_the_definition_and_the_file_and_leaves_this_one(qtbot, kars_file, tmp_path):
    win = _window(qtbot, kars_file)
    before = _digest(kars_file)
    year = win.model.board.year + 1
    out = tmp_path / "yeni" / f"birlesik-{year}.faaliyet"
    out.parent.mkdir()
    win.choose_next_file = lambda suggested: str(out)
    assert win.act_next_year.isEnabled()
    assert win.prepare_next_year() == out, win.answers.messages
    assert f"{year} yılı hazırlanacak" in win.answers.asked[-1]
    title, text, kind = win.answers.messages[-1]
    assert title == "Sonraki yıl hazır" and f"{year} yılının dosyaları yazıldı." in text
    folder = out.with_name(f"tanim-{year}")
    assert load_definition(folder).year.year == year
    with Workbook.open(out, readonly=True) as wb:
        assert wb.year == year
        assert wb.previous().values["itfaiye.trafik_kazasi"] == 9
    win.close()
    assert _digest(kars_file) == before


def test_prepare_next_year_refused_leaves_nothing_and_says_why(qtbot, consolidated, tmp_path, definition):
    win = _window(qtbot, consolidated)
    year = definition.year.year + 1
    out = tmp_path / f"birlesik-{year}.faaliyet"
    folder = tmp_path / "dolu"
    folder.mkdir()
    (folder / "baska.txt").write_text("başka bir şey", encoding="utf-8")
    assert win.prepare_next_year(out=out, definition_dir=folder) is None
    title, text, kind = win.answers.messages[-1]
    assert (title, kind) == ("Sonraki yıl hazırlanamadı", "critical")
    assert "boş bir klasör değil" in text
    assert not out.exists() and sorted(p.name for p in folder.iterdir()) == ["baska.txt"]
    win.close()


def test_prepare_next_year_asks_first_and_a_no_writes_nothing(qtbot, consolidated, tmp_path, definition):
    win = _window(qtbot, consolidated)
    win.answers.answer = False
    out = tmp_path / "hayir.faaliyet"
    assert win.prepare_next_year(out=out) is None
    assert not out.exists() and not (tmp_path / f"tanim-{definition.year.year + 1}").exists()
    win.close()


def test_add_past_years_adds_history_and_a_refusal_leaves_the_file_unchanged(qtbot, consolidated, tmp_path, definition):
    year = definition.year.year
    following, _ = next_definition(definition, year + 1)
    path = tmp_path / "next.faaliyet"
    Workbook.create(path, following, None).close()
    same_year = tmp_path / "same-year.faaliyet"
    Workbook.create(same_year, following, None).close()
    before = _digest(path)
    win = _window(qtbot, path)
    assert win.act_past_years.isEnabled()
    assert not win.add_past_years([same_year])  # not an earlier year: refused
    title, text, kind = win.answers.messages[-1]
    assert (title, kind) == ("Geçmiş yıl eklenemedi", "warning")
    assert "önceki bir yıl olmalı" in text and "Dosya değiştirilmedi." in text
    win.close()
    assert _digest(path) == before
    win = _window(qtbot, path)
    win.choose_past_files = lambda: [consolidated]
    assert win.add_past_years()
    title, text, _ = win.answers.messages[-1]
    assert title == "Geçmiş yıllar eklendi" and text.startswith(f"{year}: ")
    win.close()
    with Workbook.open(path, readonly=True) as wb:
        assert wb.previous().values["itfaiye.trafik_kazasi"] == 9
