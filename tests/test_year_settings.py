"""Year settings edited by the strategy unit (issue 6, item 6).

The definition's ``year`` block is the default; the strategy unit overrides the
deviation tolerance and the declaration signers in the consolidated file as
ordinary values of its own form (section ``yil_ayarlari``). These tests check
that every reader of the settings follows the overrides: validation, the
report (declarations, tolerance note), the Excel deviation marking and the
strategy window.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D
from pathlib import Path

import pytest

from desktop.core import settings
from desktop.core.entries import Entries
from desktop.core.validation import validate
from desktop.store.file.workbook import Workbook

TOL = "strateji.sapma_toleransi"


def _increasing_indicator(definition):
    """An increasing indicator without a baseline: an actual of 0.9 × target deviates by 10 points."""
    return next(
        i for i in definition.plan.indicators() if i.direction == "increase" and not i.baseline and i.target and i.target > 0
    )


def _deviation_errors(findings, key: str) -> list:
    return [f for f in findings if f.rule == "sapma" and f.place == f"{key}.explanation"]


@pytest.fixture
def deviating(consolidated_path, definition) -> tuple[Path, str]:
    """A consolidated file whose indicator is 10 points below its target, unexplained."""
    ind = _increasing_indicator(definition)
    with Workbook.open(consolidated_path) as wb:
        wb.set_indicator(ind.key, actual=ind.target * D("0.9"), source="Kayıt defteri")
    return consolidated_path, ind.key


# --- core ----------------------------------------------------------------------------
def test_without_overrides_the_definition_is_in_force(definition):
    assert settings.year_settings(definition, {}.get) is definition.year
    assert settings.year_settings(definition, None) is definition.year


def test_overrides_replace_tolerance_and_signers(definition):
    values = {
        TOL: D("20"),
        "strateji.ust_yonetici_adi": "Ayşe IŞIK",
        "strateji.mali_yonetici_unvani": "Mali Hizmetler Müdürü",
        "strateji.beyan_tarihi": dt.date(2021, 3, 31),
    }
    y = settings.year_settings(definition, values.get)
    assert y.deviation_tolerance == 20
    ust = settings.signer(y, "ust_yonetici")
    mali = settings.signer(y, "mali_hizmetler")
    assert (ust.name, ust.title, ust.date) == ("Ayşe IŞIK", "Vali - Kars Belediye Başkan V.", "2021-03-31")
    assert (mali.name, mali.title, mali.place) == ("Abidin ÇEKİÇ", "Mali Hizmetler Müdürü", "Kars")
    assert definition.year.deviation_tolerance == 0  # the definition itself is untouched


@pytest.mark.parametrize("bad", [D("150"), D("-5"), "yirmi"])
def test_an_unusable_tolerance_leaves_the_definitions(definition, bad):
    assert settings.year_settings(definition, {TOL: bad}.get).deviation_tolerance == definition.year.deviation_tolerance


def test_spending_officer_is_the_manager_unless_overridden(definition):
    itfaiye = definition.department("itfaiye")
    s = settings.spending_officer(definition, {}.get, "itfaiye")
    assert (s.name, s.title) == (itfaiye.manager, itfaiye.manager_title)
    s = settings.spending_officer(definition, {"strateji.harcama_yetkilileri.itfaiye.adi": "Ali VEKİL"}.get, "itfaiye")
    assert (s.name, s.title) == ("Ali VEKİL", itfaiye.manager_title)


def test_the_settings_section_lists_every_department(definition):
    section = definition.settings_section  # the institution form's section with chapter: ayarlar
    assert section.chapter == settings.SETTINGS_CHAPTER
    assert all(not i.print for i in section.items if i.kind == "field")
    table = next(i for i in section.items if i.key == settings.SPENDING_TABLE)
    assert [r.key for r in table.rows] == [d.key for d in definition.departments if d.role == "department"]
    defaults = settings.definition_values(definition)
    assert defaults[TOL] == "%0" and defaults["strateji.ust_yonetici_adi"] == "Türker ÖKSÜZ"
    assert defaults["strateji.beyan_tarihi"] == "02.04.2021"
    assert defaults["strateji.harcama_yetkilileri.itfaiye.adi"] == "Eşref AYDIN"


# --- validation ------------------------------------------------------------------------
def test_tolerance_decides_whether_a_deviation_needs_an_explanation(deviating):
    path, key = deviating
    with Workbook.open(path) as wb:
        assert len(_deviation_errors(wb.findings(), key)) == 1  # tolerance 0: 10 points need an explanation
        wb.set_value(TOL, D("20"))
        assert _deviation_errors(wb.findings(), key) == []  # 20: they do not
        wb.set_value(TOL, D("5"))
        errors = _deviation_errors(wb.findings(), key)
        assert len(errors) == 1 and "%5 toleransın" in errors[0].message
        wb.set_value(TOL, None)
        assert len(_deviation_errors(wb.findings(), key)) == 1
        assert wb.audit_log(5)[0]["target"] == TOL  # an ordinary, audited value


def test_an_out_of_range_tolerance_is_reported(consolidated_path):
    with Workbook.open(consolidated_path) as wb:
        wb.set_value(TOL, D("150"))
        found = [f for f in wb.findings() if f.rule == "sapma_toleransi_araligi"]
    assert len(found) == 1 and found[0].is_error and found[0].place == TOL


def test_a_department_file_keeps_the_definitions_tolerance(definition):
    """Department files hold no values of the strategy form: the definition decides there."""
    ind = _increasing_indicator(definition)
    entries = Entries()
    from desktop.core.entries import IndicatorEntry

    entries.indicators[ind.key] = IndicatorEntry(actual=ind.target * D("0.9"))
    assert len(_deviation_errors(validate(definition, entries, ind.department), ind.key)) == 1


# --- Excel ---------------------------------------------------------------------------
def _fill_of(path: Path, code: str, name: str) -> bool:
    from openpyxl import load_workbook

    ws = load_workbook(path)["Performans"]
    row = next(r for r in range(5, ws.max_row + 1) if ws.cell(r, 2).value == code and ws.cell(r, 3).value == name)
    return ws.cell(row, 12).fill.fgColor.rgb.endswith("F8CBAD"), ws.cell(3, 12).value


def test_excel_marking_follows_the_tolerance(deviating, definition, tmp_path):
    from desktop.store.exchange.excel_export import export_excel

    path, key = deviating
    ind = next(i for i in definition.plan.indicators() if i.key == key)
    with Workbook.open(path) as wb:
        export_excel(wb, tmp_path / "a.xlsx")
        wb.set_value(TOL, D("20"))
        export_excel(wb, tmp_path / "b.xlsx")
    marked, legend = _fill_of(tmp_path / "a.xlsx", ind.code, ind.name)
    assert marked and "%0" in legend
    marked, legend = _fill_of(tmp_path / "b.xlsx", ind.code, ind.name)
    assert not marked and "%20" in legend


# --- report --------------------------------------------------------------------------
def _pdf_text(path: Path) -> str:
    import pypdf

    return "\n".join(p.extract_text() or "" for p in pypdf.PdfReader(str(path)).pages)


def test_the_declarations_print_the_overridden_signers(consolidated_path, tmp_path):
    from desktop.report import build_report

    with Workbook.open(consolidated_path) as wb:
        wb.apply(
            values={
                "strateji.ust_yonetici_adi": "Ayşe IŞIK",
                "strateji.ust_yonetici_unvani": "Belediye Başkanı",
                "strateji.mali_yonetici_adi": "Çağrı ŞİMŞEK",
                "strateji.beyan_yeri": "Kağızman",
                "strateji.beyan_tarihi": dt.date(2021, 3, 31),
                TOL: D("20"),
            }
        )
        result = build_report(wb, tmp_path / "yil.pdf")
    text = _pdf_text(result.path)
    assert "Ayşe IŞIK" in text and "Belediye Başkanı" in text and "Çağrı ŞİMŞEK" in text
    assert "Türker ÖKSÜZ" not in text and "Abidin ÇEKİÇ" not in text
    assert "31.03.2021" in text and "Kağızman" in text
    assert "Sapma toleransı %20" in text
    # the settings section is not a chapter of the report
    assert "Yıl ayarları ve imzacılar" not in text and "harcama yetkilileri" not in text.lower()


def test_a_department_report_prints_the_overridden_spending_officer(consolidated_path, tmp_path):
    from desktop.report import build_report

    with Workbook.open(consolidated_path) as wb:
        result = build_report(wb, tmp_path / "once.pdf", department="itfaiye")
        assert "Eşref AYDIN" in _pdf_text(result.path)
        wb.apply(
            values={
                "strateji.harcama_yetkilileri.itfaiye.adi": "Ali VEKİL",
                "strateji.harcama_yetkilileri.itfaiye.unvani": "İtfaiye Müdür V.",
            }
        )
        result = build_report(wb, tmp_path / "sonra.pdf", department="itfaiye")
    text = _pdf_text(result.path)
    assert "Ali VEKİL" in text and "İtfaiye Müdür V." in text and "Eşref AYDIN" not in text
    assert "Sapma toleransı %0" in text


# --- the strategy window ---------------------------------------------------------------
@pytest.fixture
def strategy_window(qtbot, deviating):
    from ui_support import Prompts

    from desktop.ui.app import application
    from desktop.ui.strategy.window import StrategyWindow

    application()
    win = StrategyWindow()
    prompts = Prompts()
    win.inform, win.ask = prompts.inform, prompts.ask
    qtbot.addWidget(win)
    assert win.open_file(deviating[0]), prompts.messages
    win.show()
    qtbot.waitExposed(win)
    yield win, deviating[1]
    win.close()


def _board_errors(win, department: str) -> int:
    return next(s.errors for s in win.board.model.rows if s.department == department)


def test_editing_the_tolerance_in_the_strategy_window_changes_the_findings(qtbot, strategy_window, definition):
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from ui_support import type_text

    from desktop.ui.editors.fields import FieldEdit

    win, key = strategy_window
    dept = next(i.department for i in definition.plan.indicators() if i.key == key)
    before = _board_errors(win, dept)
    assert before >= 1 and len(_deviation_errors(win.wb.findings(), key)) == 1

    win.tabs.setCurrentWidget(win.year_tab)
    edit = win.year_tab.page.findChild(FieldEdit, TOL)
    assert edit is not None and edit.placeholderText() == "tanımdaki değer: %0"
    assert "Raporda basılmaz" in win.year_tab.page.findChild(type(win.year), "chapterNote").text()
    edit.setFocus()
    type_text(edit, "20")
    QTest.keyClick(edit, Qt.Key.Key_Return)

    assert win.wb.get(TOL) == D("20")
    assert _board_errors(win, dept) == before - 1
    assert _deviation_errors(win.wb.findings(), key) == []
    assert "%20" in win.year.text() and "tanımdaki: %0" in win.year.text()

    win.act_undo.trigger()  # one step of the window's undo stack, like any field
    assert win.wb.get(TOL) is None and edit.text() == ""
    assert _board_errors(win, dept) == before
    assert "tanımdaki: %0" not in win.year.text()


def test_settings_section_in_the_chapters_navigator_and_signer_hints(strategy_window):
    from desktop.ui.editors.fields import FieldEdit
    from desktop.ui.editors.table import TableEditor

    win, _ = strategy_window
    nav = win.institution_view.navigator
    assert win.wb.definition.settings_section.key in nav._keys
    page = win.year_tab.page
    assert page.findChild(FieldEdit, "strateji.ust_yonetici_adi").placeholderText() == "tanımdaki değer: Türker ÖKSÜZ"
    table = page.findChild(TableEditor, "strateji.harcama_yetkilileri")
    m = table.model()
    row = next(i for i, (k, _) in enumerate(m.rows) if k == "itfaiye")
    assert m.data(m.index(row, 0)) == "Eşref AYDIN"  # the manager shows grey in the empty cell…
    from PySide6.QtCore import Qt

    assert m.data(m.index(row, 0), Qt.ItemDataRole.EditRole) == ""  # …but is not a value
    assert m.setData(m.index(row, 0), "Ali VEKİL")
    assert win.wb.get("strateji.harcama_yetkilileri.itfaiye.adi") == "Ali VEKİL"
    assert m.data(m.index(row, 0)) == "Ali VEKİL"


def test_a_place_or_date_alone_adds_no_nameless_signer(definition):
    bare = definition.replace(year=definition.year.replace(signers=[]))
    y = settings.year_settings(bare, {"strateji.beyan_yeri": "Kars", "strateji.beyan_tarihi": dt.date(2021, 3, 31)}.get)
    assert y.signers == []
    y = settings.year_settings(bare, {"strateji.ust_yonetici_adi": "Ayşe IŞIK", "strateji.beyan_yeri": "Kars"}.get)
    assert [(s.role, s.name, s.place) for s in y.signers] == [("ust_yonetici", "Ayşe IŞIK", "Kars")]
