"""The strategy unit's Qt-free model of a consolidated file (``store.year_board``) and the linear board."""

from __future__ import annotations

import ast
import threading
from pathlib import Path

import pytest
from merge_support import KEY, KEY2, edit, make_error, sha
from report_support import jpeg

from desktop.core.definition import Definition
from desktop.core.findings import count_by_severity
from desktop.core.forms import PhotoListDef
from desktop.core.live_checks import LiveChecks
from desktop.store.errors import ImportRejected, ReadOnlyWorkbook, WorkbookError
from desktop.store.file.photos import add_photo
from desktop.store.file.submission import board, submit
from desktop.store.file.workbook import Workbook
from desktop.store.merge.run import PHASES, merge_files
from desktop.store.year_board import YearBoard, create_consolidated

STRATEGY_UI = Path(__file__).resolve().parent.parent / "desktop" / "ui" / "strategy"


pytestmark = [pytest.mark.definition("small"), pytest.mark.usefixtures("clock")]


@pytest.fixture
def consolidated(tmp_path, definition) -> Path:
    return create_consolidated(tmp_path / "birlesik", definition)


def per_department(wb: Workbook) -> dict[str, tuple]:
    """The board's counts the slow, obvious way: every department scanned on its own."""
    d: Definition = wb.definition
    entries, findings = wb.entries(), wb.findings()
    out = {}
    for dept in d.departments:
        filled = total = 0
        for slot in d.slots_of(dept.key):
            if not slot.computed:
                total += 1
                filled += entries.values.get(slot.key) not in (None, "")
        for section in d.form(dept.key).sections:
            for item in section.items:
                if isinstance(item, PhotoListDef):
                    total += 1
                    filled += bool(entries.photos.get(f"{dept.key}.{item.key}"))
        for ind in d.indicators_of(dept.key):
            total += 1
            filled += (e := entries.indicators.get(ind.key)) is not None and e.actual is not None
        for act in d.activities_of(dept.key):
            total += 1
            filled += (e := entries.activities.get(act.key)) is not None and e.actual_cost is not None
        counts = count_by_severity(f for f in findings if f.department == dept.key)
        out[dept.key] = (filled, total, counts["error"], counts["warning"])
    return out


def test_create_consolidated_adds_the_suffix(tmp_path, definition):
    path = create_consolidated(tmp_path / "yil", definition)
    assert path.name == "yil.faaliyet"
    with Workbook.open(path) as wb:
        assert wb.is_consolidated


def test_the_board_counts_what_a_per_department_scan_counts(consolidated, files):
    with Workbook.open(files["imar"]) as wb:
        make_error(wb, "imar")
    merge_files(consolidated, list(files.values()))
    with Workbook.open(consolidated) as wb:
        make_error(wb, "itfaiye")
        got = {s.department: (s.filled, s.total, s.errors, s.warnings) for s in board(wb)}
        expected = per_department(wb)
    assert got == expected
    assert got["imar"][2] >= 1 and got["itfaiye"][2] >= 1 and got["zabita"][0] == 0


def test_the_board_computes_the_findings_once_and_scans_no_department_alone(consolidated, files, monkeypatch):
    merge_files(consolidated, list(files.values()))
    calls = []
    real = LiveChecks.__init__  # where the year's checks are composed (OpenFile.findings)
    monkeypatch.setattr(LiveChecks, "__init__", lambda self, *a, **k: calls.append(1) or real(self, *a, **k))
    with Workbook.open(consolidated) as wb:
        year = YearBoard(wb)
        rows = year.rows()
        assert len(rows) == len(wb.definition.departments) and calls == [1]
        assert year.rows() is rows and calls == [1]  # kept until something changes
        year.refresh()
        assert year.rows() is rows and calls == [1]  # nothing was written: nothing read again
        findings = wb.findings()
        for name in ("slots_of", "form", "indicators_of", "activities_of", "department"):  # each scans the definition
            monkeypatch.setattr(
                Definition, name, lambda *a, _n=name: pytest.fail(f"the board called Definition.{_n} per department")
            )
        assert board(wb, findings) == rows


def _fresh(path: Path) -> list:
    """The board of ``path`` read from nothing (what the followed board must equal)."""
    with Workbook.open(path) as other:
        return board(other)


def test_after_an_edit_the_board_rereads_only_what_the_edit_touched(consolidated, files, monkeypatch):
    merge_files(consolidated, list(files.values()))
    with Workbook.open(consolidated, user="strateji") as wb:
        year = YearBoard(wb)
        before = {s.department: s for s in year.rows()}

        def whole(*_a, **_k):
            pytest.fail("the board read the whole file again after one edit")

        with monkeypatch.context() as m:
            m.setattr(Workbook, "entries", whole)
            m.setattr(LiveChecks, "__init__", whole)
            m.setattr(Workbook, "findings", whole)
            wb.set_value(KEY, None)  # a filled cell of itfaiye emptied
            make_error_key = next(i for i in wb.definition.indicators_of("imar") if i.target and i.target != i.baseline)
            wb.set_indicator(make_error_key.key, actual=make_error_key.target * 3 + 7, explanation="")
            year.refresh()
            after = {s.department: s for s in year.rows()}
        assert after == {s.department: s for s in _fresh(consolidated)}
        assert after["itfaiye"].filled == before["itfaiye"].filled - 1
        assert after["imar"].errors > before["imar"].errors
        assert {d for d in after if after[d] != before[d]} == {"itfaiye", "imar"}


def test_the_board_follows_another_connection_and_a_merge(consolidated, files):
    merge_files(consolidated, [files["imar"]])
    with Workbook.open(consolidated, user="strateji") as wb:
        year = YearBoard(wb)
        year.rows()
        edit(consolidated, {KEY: 5}, user="ikinci")  # another connection (a second window)
        with Workbook.open(consolidated, user="ikinci") as other:
            other.record_unparsed(KEY2, "on iki")
        with Workbook.open(consolidated, user="ikinci") as other:
            add_photo(other, "itfaiye.foto", jpeg(), "Tatbikat")  # a photo list counts as one thing to fill
        year.refresh()
        rows = year.rows()
        assert rows == _fresh(consolidated)
        assert next(s for s in rows if s.department == "itfaiye").filled == 2
        merge_files(consolidated, [files["itfaiye"]], resolve="theirs")  # an import: its audit row names no place
        year.refresh()
        assert year.rows() == _fresh(consolidated)
        assert next(s for s in year.rows() if s.department == "itfaiye").state != "eksik"
        assert len(year.history()) == 2


def test_accept_and_send_back_return_what_changed_and_the_board_follows(consolidated, files):
    with Workbook.open(files["itfaiye"], user="ayse") as wb:
        submit(wb)
    merge_files(consolidated, [files["itfaiye"], files["imar"]])
    with Workbook.open(consolidated, user="strateji") as wb:
        year = YearBoard(wb)
        state = lambda dept: next(s.state for s in year.rows() if s.department == dept)  # noqa: E731
        assert state("itfaiye") == "gonderildi"
        change = year.accept("itfaiye")
        assert (change.action, change.departments) == ("kabul", ("itfaiye",))
        assert change.message == "İtfaiye Müdürlüğü kabul edildi." and state("itfaiye") == "kabul"
        change = year.send_back("imar", "Ruhsat sayısını kontrol edin")
        assert (change.action, change.departments) == ("geri", ("imar",)) and state("imar") == "geri"
        assert next(s.note for s in year.rows() if s.department == "imar") == "Ruhsat sayısını kontrol edin"


def test_a_refused_decision_changes_nothing_and_says_why(consolidated, files):
    with Workbook.open(files["itfaiye"], user="ayse") as wb:
        submit(wb)
    merge_files(consolidated, [files["itfaiye"]])
    with Workbook.open(consolidated, user="strateji") as wb:
        make_error(wb, "itfaiye")
        year = YearBoard(wb)
        year.rows()
        before = sha(consolidated)
        with pytest.raises(ImportRejected) as info:
            year.accept("itfaiye")
        assert "hata var" in str(info.value) and info.value.problems
        with pytest.raises(WorkbookError) as info:
            year.send_back("zabita", "gelmedi")  # never imported
        assert "henüz gelmedi" in str(info.value)
        with pytest.raises(WorkbookError):
            year.send_back("itfaiye", "   ")
        assert sha(consolidated) == before
        assert next(s.state for s in year.rows() if s.department == "itfaiye") == "gonderildi"


def test_the_merge_runs_in_another_thread_and_reports_its_phases(consolidated, files):
    with Workbook.open(consolidated, user="strateji") as wb:
        year = YearBoard(wb)
        assert {s.state for s in year.rows() if s.department != "strateji"} == {"eksik"}
        task = year.merge_task(list(files.values()))
        seen, out = [], {}
        worker = threading.Thread(target=lambda: out.setdefault("r", task(lambda *a: seen.append(a))))
        worker.start()
        worker.join(60)
        result = out["r"]
        assert {f.status for f in result.files} == {"imported"}
        labels = [text.partition(": ")[0] for _, _, text in seen if text]
        assert labels == [PHASES["check"]] * 3 + [PHASES["compare"]] * 3 + [PHASES["write"]] * 3
        assert [s.state for s in year.rows() if s.department == "itfaiye"] == ["eksik"]  # read before the merge
        change = year.merged(result)
        assert change.action == "aktarim" and set(change.departments) == {"itfaiye", "imar", "zabita"}
        assert "aktarıldı (itfaiye)" in change.message and change.result is result
        assert {s.state for s in year.rows() if s.department in files} == {"taslak"}
        assert len(year.history()) == 3


def test_conflicts_wait_on_the_board_until_decided(consolidated, files):
    merge_files(consolidated, [files["itfaiye"]])
    with Workbook.open(consolidated, user="strateji") as wb:
        wb.set_value(KEY, 99)
    edit(files["itfaiye"], {KEY: 77})
    with Workbook.open(consolidated, user="strateji") as wb:
        year = YearBoard(wb)
        preview = year.merge_task([files["itfaiye"]])
        with pytest.raises(Exception) as info:
            preview()
        conflicts = info.value.conflicts
        change = year.conflicted(conflicts)
        assert change.departments == ("itfaiye",) and year.pending_counts() == {"itfaiye": len(conflicts)}
        assert year.merged(None).result is None and year.pending_counts() == {"itfaiye": len(conflicts)}  # left undecided
        result = year.merge_task([files["itfaiye"]], resolve={c.id: "theirs" for c in conflicts})()
        year.merged(result)
        assert year.pending_counts() == {} and wb.get(KEY) == 77


def test_a_read_only_file_merges_nothing(consolidated, files):
    with Workbook.open(consolidated, readonly=True) as wb:
        with pytest.raises(ReadOnlyWorkbook) as info:
            YearBoard(wb).merge_task([files["itfaiye"]])
    assert "salt okunur" in str(info.value)


def test_distribute_and_export_return_records(consolidated, tmp_path):
    out = tmp_path / "dagit"
    out.mkdir()
    with Workbook.open(consolidated, user="strateji") as wb:
        year = YearBoard(wb)
        change = year.distribute(out)
        written = [r for r in change.result if r.written]
        assert change.action == "dagitim" and written and change.message.startswith(f"{len(written)} birim dosyası yazıldı")
        again = year.distribute(out)  # the files are there: none replaced
        assert not any(r.written for r in again.result) and "dosya yazılmadı" in again.message
        xlsx = year.export_excel(tmp_path / "yil.xlsx")
        assert xlsx.action == "excel" and xlsx.result.stat().st_size > 0


def _imports(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            names |= {f"{node.module}.{a.name}" for a in node.names}
        elif isinstance(node, ast.Import):
            names |= {a.name for a in node.names}
    return names


def test_no_strategy_widget_calls_the_store():
    """Widgets go through the model (``year_model.py``); only the report job opens its own read-only copy."""
    forbidden = {
        "sqlite3",
        "store.workbook.Workbook",
        "store.merge.merge_files",
        "store.submission",
        "store.submission.accept",
        "store.submission.send_back",
        "store.submission.board",
        "store.distribute.distribute",
        "store.excel_export.export_excel",
        "store.import_history.history",
    }
    for path in sorted(STRATEGY_UI.glob("*.py")):
        if path.name in ("year_model.py", "build.py"):
            continue
        text = path.read_text(encoding="utf-8")
        bad = sorted(_imports(path) & forbidden)
        assert not bad, f"{path.name} imports {bad}"
        assert ".conn." not in text and ".db." not in text, path.name
