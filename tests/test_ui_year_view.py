"""The clerk's window on a 2021 file holding 2020: last year's value beside each field, cell
and indicator, grey and never editable; previous-year items read-only; the change warning."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QLabel, QLineEdit
from ui_support import focus, make_window, stored, widget
from year_view_support import kars, kars_2020_file

from desktop.core.entries import Entries, IndicatorEntry
from desktop.core.validation import CHANGE_RULE
from desktop.store.file.workbook import Workbook
from desktop.ui.editors.table_model import PREVIOUS_ROLE

pytestmark = pytest.mark.usefixtures("private_settings")

INDICATOR = "pg_5_3_1"  # İtfaiye's "Yenilenen Araç-Gereç Sayısı"


@pytest.fixture(scope="module")
def year_2020(tmp_path_factory):
    """The 2020 values (every sample value, and an İtfaiye indicator's actual) and the 2021 definition."""
    tmp = tmp_path_factory.mktemp("y2020")
    _, path = kars_2020_file(tmp)
    with Workbook.open(path, readonly=True) as wb:
        entries = wb.entries()
    entries.indicators[INDICATOR] = IndicatorEntry(actual=Decimal(4))
    return entries, kars(tmp, 2021)


@pytest.fixture
def rolled_file(tmp_path, year_2020):
    """İtfaiye's 2021 file holding its 2020 values as the previous year."""
    entries, d2021 = year_2020
    path = tmp_path / "itfaiye-2021.faaliyet"
    with Workbook.create(path, d2021, "itfaiye") as wb:
        wb.add_history(2020, entries, department="itfaiye")
    return path


@pytest.fixture
def win(qtbot, rolled_file):
    w = make_window(qtbot, rolled_file)
    yield w
    w.close()


def _find(win, cls, name: str):
    win.view.build_all()  # pages are built when first shown
    found = next((w for w in win.view.findChildren(cls) if w.objectName() == name), None)
    assert found is not None, f"no {cls.__name__} named {name}"
    return found


def _previous(win, key: str) -> QLabel:
    return _find(win, QLabel, f"{key}.previous")


def test_last_years_value_is_shown_grey_beside_the_field_and_is_not_an_editor(win, year_2020):
    entries, _ = year_2020
    assert entries.values["itfaiye.trafik_kazasi"] == 9
    label = _previous(win, "itfaiye.trafik_kazasi")
    assert label.text() == "Geçen yıl (2020): 9"
    assert not isinstance(label, QLineEdit)  # a label: nothing to type into
    assert not (label.textInteractionFlags() & Qt.TextInteractionFlag.TextEditable)
    grey = label.palette().color(label.foregroundRole()).name()
    assert grey == "#5f6b76"  # look.MUTED
    edit = widget(win, "itfaiye.trafik_kazasi")
    assert edit.text() == ""  # this year starts empty: last year's value is beside it, not in it
    assert not edit.isReadOnly()


def test_last_years_long_text_is_under_its_editor(win, year_2020):
    entries, _ = year_2020
    label = _previous(win, "itfaiye.anlatim")
    assert label.text().startswith("Geçen yıl (2020): İtfaiye Müdürlüğümüzde")
    assert label.text().endswith("…")  # a line, the whole text in its tooltip
    assert label.toolTip() == entries.values["itfaiye.anlatim"]


def test_a_field_without_a_value_last_year_says_so(qtbot, tmp_path, year_2020):
    entries, d2021 = year_2020
    path = tmp_path / "gap.faaliyet"
    values = {k: v for k, v in entries.values.items() if k != "itfaiye.kurtarilan_hayvan"}
    with Workbook.create(path, d2021, "itfaiye") as wb:
        wb.add_history(2020, Entries(values=values), department="itfaiye")
    w = make_window(qtbot, path)
    try:
        assert _previous(w, "itfaiye.kurtarilan_hayvan").text() == "Geçen yıl (2020): —"
        assert _previous(w, "itfaiye.kurtarilan_kisi").text() == "Geçen yıl (2020): 15"
    finally:
        w.close()


def test_the_indicators_actual_of_last_year_is_beside_this_years(win):
    label = _previous(win, f"{INDICATOR}.actual")
    assert label.text() == "Geçen yıl (2020): 4"
    assert not widget(win, f"{INDICATOR}.actual").isReadOnly()


def test_a_cell_shows_last_year_in_its_tooltip_and_on_demand_as_a_grey_second_line(win, year_2020, qtbot):
    entries, _ = year_2020
    table = widget(win, "itfaiye.makbuz")
    m = table.model()
    col = [c.key for c in m.columns].index("tutar")
    index = m.index(0, col)  # ocak
    last = win.doc.display("money", entries.values["itfaiye.makbuz.ocak.tutar"])
    assert m.data(index, PREVIOUS_ROLE) == last
    assert f"Geçen yıl (2020): {last}" in m.data(index, Qt.ItemDataRole.ToolTipRole)
    assert m.data(index, Qt.ItemDataRole.DisplayRole) == ""  # this year's cell is still empty
    toggle = _find(win, QCheckBox, "itfaiye.makbuz.showPrevious")
    height = table.height()
    toggle.setChecked(True)
    assert m.show_previous and table.height() > height  # two lines a row
    table.grab()  # the delegate paints the grey line (no crash, nothing editable added)
    toggle.setChecked(False)
    assert table.height() == height


def test_previous_year_column_and_field_are_read_only_and_show_2020(win, year_2020):
    entries, _ = year_2020
    table = widget(win, "itfaiye.makbuz")
    m = table.model()
    col = [c.key for c in m.columns].index("onceki_tutar")
    index = m.index(0, col)
    assert m.is_computed(0, col)
    assert not (m.flags(index) & Qt.ItemFlag.ItemIsEditable)
    last = entries.values["itfaiye.makbuz.ocak.tutar"]
    assert m.data(index, Qt.ItemDataRole.DisplayRole) == win.doc.display("money", last, rounded=True)
    assert m.data(index, PREVIOUS_ROLE) == ""  # no "last year" of last year's column
    total = m.index(m.rowCount() - 1, col)
    assert m.data(total, Qt.ItemDataRole.DisplayRole) != ""  # the total row adds last year's amounts up
    field = widget(win, "itfaiye.onceki_trafik_kazasi")
    assert field.isReadOnly() and field.text() == "9"


def test_a_value_ten_times_last_years_is_warned_like_other_findings(win, qtbot, rolled_file):
    edit = widget(win, "itfaiye.trafik_kazasi")
    focus(win, edit)
    qtbot.keyClicks(edit, "900")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert stored(rolled_file, "itfaiye.trafik_kazasi") == 900
    found = [f for f in win.doc.findings_at("itfaiye.trafik_kazasi") if f.rule == CHANGE_RULE]
    assert found and not found[0].is_error
    assert edit.property("finding") == "warning"
    assert "geçen yıl" in edit.toolTip().lower()
    edit.selectAll()
    qtbot.keyClicks(edit, "11")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert edit.property("finding") in ("", None)


def test_a_file_without_history_adds_no_previous_lines(qtbot, tmp_path, year_2020):
    _, d2021 = year_2020
    path = tmp_path / "empty.faaliyet"
    Workbook.create(path, d2021, "itfaiye").close()
    w = make_window(qtbot, path)
    try:
        w.view.build_all()
        assert not [lab for lab in w.view.findChildren(QLabel) if lab.objectName().endswith(".previous")]
        assert widget(w, "itfaiye.onceki_trafik_kazasi").isReadOnly()
    finally:
        w.close()


def test_a_cell_ten_times_last_years_is_marked_like_other_findings(win, year_2020):
    from desktop.ui.editors.table_model import WARNING_BG

    entries, _ = year_2020
    table = widget(win, "itfaiye.makbuz")
    m = table.model()
    col = [c.key for c in m.columns].index("tutar")
    last = entries.values["itfaiye.makbuz.ocak.tutar"]
    assert win.editor.set_values({"itfaiye.makbuz.ocak.tutar": last * 10 + 1})
    index = m.index(0, col)
    assert m.data(index, Qt.ItemDataRole.BackgroundRole).color() == WARNING_BG
    assert CHANGE_RULE in {f.rule for f in win.doc.findings_at("itfaiye.makbuz.ocak.tutar")}
    assert f"Geçen yıl (2020): {win.doc.display('money', last)}" in m.data(index, Qt.ItemDataRole.ToolTipRole)
    assert win.editor.set_values({"itfaiye.makbuz.ocak.tutar": last})
    assert m.data(index, Qt.ItemDataRole.BackgroundRole) is None


def test_last_years_total_is_computed_from_last_years_cells(win, year_2020):
    entries, _ = year_2020
    table = widget(win, "itfaiye.makbuz")
    m = table.model()
    col = [c.key for c in m.columns].index("tutar")
    total = sum(v for k, v in entries.values.items() if k.startswith("itfaiye.makbuz.") and k.endswith(".tutar"))
    assert total == Decimal("112133")
    index = m.index(m.rowCount() - 1, col)  # Genel Toplam
    assert m.data(index, PREVIOUS_ROLE) == win.doc.display("money", total)
    assert not (m.flags(index) & Qt.ItemFlag.ItemIsEditable)
