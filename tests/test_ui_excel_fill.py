"""The clerk's window: fill from the Excel template (preview, one undo step), write the template, show the report."""

from __future__ import annotations

from decimal import Decimal as D

import openpyxl
import pytest
from ui_support import stored, stored_indicator

from desktop.store.exchange import excel as xl

pytestmark = [pytest.mark.definition("small"), pytest.mark.usefixtures("private_settings")]


def _cell_map(path) -> dict:
    """(key, attribute) -> (sheet, cell) from the template's hidden map."""
    book = openpyxl.load_workbook(path)
    out, started = {}, False
    for row in book[xl.MAP_SHEET].iter_rows(values_only=True):
        if row[0] == "sayfa":
            started = True
        elif started and row[0]:
            out[(row[3], row[4])] = (row[0], row[1])
    return out


def _fill(template, out, cells: dict):
    """Type values into the template's cells as a person would in Excel, and save."""
    where = _cell_map(template)
    book = openpyxl.load_workbook(template)
    for (key, attr), value in cells.items():
        sheet, coord = where[(key, attr)]
        book[sheet][coord] = value
    book.save(out)
    return out


def _number_keys(window, n: int) -> list[str]:
    return [s.key for s in window.doc.slots.values() if not s.computed and s.type in ("count", "money", "decimal")][:n]


class Preview:
    """Answers the preview: records what it showed, applies or not."""

    def __init__(self, apply: bool):
        self.apply, self.shown = apply, []

    def __call__(self, rows, source):
        self.shown.append((rows, source))
        return self.apply


@pytest.fixture
def filled(window, tmp_path):
    """A template written from the window and filled: two numbers, an indicator's actual and explanation."""
    template = window.write_excel_template(tmp_path / "sablon.xlsx")
    assert template is not None and template.exists()
    a, b = _number_keys(window, 2)
    ind = window.doc.indicators[0]
    path = _fill(
        template,
        tmp_path / "dolu.xlsx",
        {(a, "value"): 78, (b, "value"): "1.250", (ind.key, "actual"): 7, (ind.key, "explanation"): "Bütçe kısıldı."},
    )
    return path, a, b, ind.key


def test_a_filled_template_is_previewed_then_applied_as_one_undo_step(window, workbook_path, filled):
    path, a, b, ind = filled
    preview = window.confirm_excel = Preview(apply=True)
    steps = window.editor.stack.count()
    assert window.fill_from_excel(path)
    rows, source = preview.shown[0]
    assert source == "dolu.xlsx"
    by_place = {r.place: r for r in rows}
    assert set(by_place) == {a, b, f"{ind}.actual", f"{ind}.explanation"}
    assert by_place[a].old == "(boş)" and by_place[a].new == "78"
    assert by_place[b].new == "1.250"  # read the Turkish way: one thousand two hundred and fifty
    assert by_place[f"{ind}.explanation"].new == "Bütçe kısıldı."
    where = _cell_map(path)  # each row names its own template cell
    assert by_place[f"{ind}.explanation"].cell == "!".join(where[(ind, "explanation")])
    assert by_place[a].cell == "!".join(where[(a, "value")])
    assert stored(workbook_path, a) == 78 and stored(workbook_path, b) == 1250
    assert stored_indicator(workbook_path, ind).actual == D(7)
    assert window.editor.stack.count() == steps + 1  # one step for all four values
    window.act_undo.trigger()
    assert stored(workbook_path, a) is None and stored(workbook_path, b) is None
    got = stored_indicator(workbook_path, ind)
    assert got is None or (got.actual is None and not got.explanation)
    assert window.doc.entered(a) is None  # the window shows what the file holds
    window.act_redo.trigger()
    assert stored(workbook_path, a) == 78 and stored_indicator(workbook_path, ind).explanation == "Bütçe kısıldı."


def test_cancelling_the_preview_leaves_the_file_as_it_was(window, workbook_path, filled):
    path, a, _b, _ind = filled
    window.confirm_excel = Preview(apply=False)
    steps = window.editor.stack.count()
    assert not window.fill_from_excel(path)
    assert stored(workbook_path, a) is None
    assert window.editor.stack.count() == steps


def test_a_template_with_an_unreadable_cell_is_refused_naming_the_cell(window, workbook_path, tmp_path):
    template = window.write_excel_template(tmp_path / "sablon.xlsx")
    a, b = _number_keys(window, 2)
    bad = _fill(template, tmp_path / "bozuk.xlsx", {(a, "value"): 5, (b, "value"): "on iki"})
    preview = window.confirm_excel = Preview(apply=True)
    assert not window.fill_from_excel(bad)
    assert not preview.shown  # nothing to preview: nothing is written
    title, text, kind = window.prompts.messages[-1]
    sheet, cell = _cell_map(template)[(b, "value")]
    assert f"{sheet}!{cell}" in text and kind == "warning"
    assert stored(workbook_path, a) is None


def test_the_same_template_again_changes_nothing_and_says_so(window, filled):
    path, *_ = filled
    window.confirm_excel = Preview(apply=True)
    assert window.fill_from_excel(path)
    preview = window.confirm_excel = Preview(apply=True)
    assert not window.fill_from_excel(path)
    assert not preview.shown
    assert "farklı bir değer yok" in window.prompts.messages[-1][1]


def test_the_preview_dialog_lists_field_old_and_new_value(qtbot, window):
    from desktop.ui.excel_fill import ExcelPreview, PreviewRow

    rows = [PreviewRow("a", "Ocak — Tutar", "(boş)", "1.250,00", "Gelirler!C5"), PreviewRow("b", "Anlatım", "eski", "yeni")]
    dlg = ExcelPreview(rows, "dolu.xlsx", window)
    qtbot.addWidget(dlg)
    t = dlg.table
    assert t.rowCount() == 2 and t.columnCount() == 4
    assert [t.item(0, c).text() for c in range(4)] == ["Ocak — Tutar", "(boş)", "1.250,00", "Gelirler!C5"]
    assert dlg.apply_button.text() == "Uygula"


def test_filling_from_excel_is_off_for_a_submitted_file(window, tmp_path):
    assert window.act_excel_fill.isEnabled()
    window.editor.set_values({"itfaiye.anlatim": "Yıl boyunca eğitimler sürdü."})
    assert window.send(tmp_path / "gonderilecek.faaliyet")  # the prompts answer yes
    assert window.doc.locked
    assert not window.act_excel_fill.isEnabled() and window.act_excel_template.isEnabled()


def test_the_department_report_is_built_in_the_background_and_shown(qtbot, window, tmp_path):
    from desktop.ui.report_window import ReportWindow

    out = tmp_path / "itfaiye-rapor.pdf"
    job = window.show_report(out, dialog=False)
    with qtbot.waitSignal(job.finished, timeout=60000):
        pass
    assert out.read_bytes().startswith(b"%PDF")
    shown = window.findChild(ReportWindow, "reportWindow")
    assert shown is not None and shown.isVisible()
    assert shown.pdf.pages >= 1 and shown.pdf.current_image() is not None
    assert "itfaiye-rapor.pdf" in shown.windowTitle()
