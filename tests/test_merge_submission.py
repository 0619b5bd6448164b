"""Submit, the copy to send, accept / send back, and the status board (store level)."""

from __future__ import annotations

import pytest
from merge_support import KEY, dept_hash, entered, make_error

from desktop.store.errors import ImportRejected, WorkbookError
from desktop.store.file import fingerprint, sending
from desktop.store.file.submission import accept, board, export_copy, send_back, submit
from desktop.store.file.workbook import Workbook
from desktop.store.merge.run import merge_files

pytestmark = pytest.mark.definition("small")


def test_submit_is_refused_while_errors_remain(files):
    with Workbook.open(files["itfaiye"]) as wb:
        key = make_error(wb, "itfaiye")
        with pytest.raises(ImportRejected) as info:
            submit(wb)
        assert "Dosya gönderilemedi" in str(info.value) and info.value.problems
        assert wb.state()["state"] == "taslak"
        wb.set_indicator(key, explanation="Hedef yanlış belirlenmiş.")  # still editable
        submit(wb)
        assert wb.state()["state"] == "gonderildi"


def test_submit_records_who_when_hash_and_locks_the_file(files):
    with Workbook.open(files["itfaiye"], user="ayse") as wb:
        digest = submit(wb)
        state = wb.state()
        assert state["state"] == "gonderildi" and state["changed_by"] == "ayse" and state["changed_at"]
        assert state["content_hash"] == digest == fingerprint.content_hash(wb.conn, "itfaiye")
        with pytest.raises(ImportRejected) as info:
            wb.set_value(KEY, 1)
        assert "kilitli" in str(info.value)
        assert submit(wb) == digest  # submitting again changes nothing


def test_submit_only_for_department_files(consolidated_path):
    with Workbook.open(consolidated_path) as wb, pytest.raises(WorkbookError):
        submit(wb)


def test_export_copy_opens_and_has_the_same_content(files, tmp_path):
    dest = tmp_path / "gonderilecek" / "itfaiye.faaliyet"
    dest.parent.mkdir()
    with Workbook.open(files["itfaiye"]) as wb:
        assert export_copy(wb, dest) == dest
        dest.write_bytes(b"eski")  # an older copy is replaced
        export_copy(wb, dest)
        with pytest.raises(WorkbookError):
            export_copy(wb, files["itfaiye"])  # never over itself
    with Workbook.open(dest, incoming=True) as copy:
        assert copy.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert copy.conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert dept_hash(dest, "itfaiye") == dept_hash(files["itfaiye"], "itfaiye")
    assert [p.name for p in dest.parent.iterdir()] == ["itfaiye.faaliyet"]  # no temporary left


def test_board_lists_every_department_with_state_completeness_findings(consolidated_path, files, definition):
    with Workbook.open(files["itfaiye"], user="ayse") as wb:
        submit(wb)
    with Workbook.open(files["imar"]) as wb:
        make_error(wb, "imar")
    merge_files(consolidated_path, [files["itfaiye"], files["imar"]])
    with Workbook.open(consolidated_path) as wb:
        rows = {s.department: s for s in board(wb)}
    assert list(rows) == [d.key for d in definition.departments]
    assert rows["itfaiye"].state == "gonderildi" and rows["itfaiye"].state_label == "Gönderildi"
    assert rows["imar"].state == "taslak" and rows["imar"].errors >= 1
    institution = definition.institution_department.key
    missing = [k for k, s in rows.items() if s.state == "eksik"]
    assert missing and "itfaiye" not in missing and institution not in missing
    assert rows[missing[0]].state_label == "Eksik" and rows[missing[0]].last_import is None
    it = rows["itfaiye"]
    assert 0 < it.completeness < 100 and it.filled < it.total
    assert it.last_import.clerk == "ayse" and it.last_import.file_name == files["itfaiye"].name
    assert it.last_import.changes["eklenen"] == entered(files["itfaiye"])


def test_accept_and_send_back(consolidated_path, files):
    with Workbook.open(files["itfaiye"], user="ayse") as wb:
        submit(wb)
    merge_files(consolidated_path, [files["itfaiye"], files["imar"]])
    with Workbook.open(consolidated_path, user="strateji") as wb:
        with pytest.raises(WorkbookError) as info:
            accept(wb, "imar")  # a draft
        assert "Yalnızca gönderilmiş" in str(info.value)
        missing = next(s.department for s in board(wb) if s.state == "eksik")
        with pytest.raises(WorkbookError):
            send_back(wb, missing, "dosya gelmedi")
        accept(wb, "itfaiye")
        assert wb.state("itfaiye")["state"] == "kabul"
        with pytest.raises(WorkbookError):
            send_back(wb, "itfaiye", "  ")  # a note is required
        send_back(wb, "itfaiye", "Ocak makbuz sayısını kontrol edin")
        status = next(s for s in board(wb) if s.department == "itfaiye")
        assert status.state == "geri" and status.note == "Ocak makbuz sayısını kontrol edin"
        assert status.changed_by == "strateji"


def test_accept_is_refused_while_the_department_has_errors(consolidated_path, files, tmp_path):
    with Workbook.open(files["itfaiye"], user="ayse") as wb:
        submit(wb)
    merge_files(consolidated_path, [files["itfaiye"]])
    with Workbook.open(consolidated_path, user="strateji") as wb:
        # a deviation without explanation is an error: it blocks accepting
        key = make_error(wb, "itfaiye")
        with pytest.raises(ImportRejected) as info:
            accept(wb, "itfaiye")
        assert "hata var" in str(info.value)
        wb.set_indicator(key, explanation="Pandemi nedeniyle eğitimler yapılamadı.")
        accept(wb, "itfaiye")
        assert wb.state("itfaiye")["state"] == "kabul"


def test_send_back_unlocks_a_department_file(files):
    with Workbook.open(files["itfaiye"]) as wb:
        submit(wb)
        send_back(wb, "itfaiye", "Şubat eksik")
        assert wb.state()["state"] == "geri"
        wb.set_value(KEY, 5)  # editable again


def test_a_reimport_after_accept_keeps_the_state_when_nothing_changed(consolidated_path, files):
    with Workbook.open(files["itfaiye"]) as wb:
        submit(wb)
    merge_files(consolidated_path, [files["itfaiye"]])
    with Workbook.open(consolidated_path) as wb:
        accept(wb, "itfaiye")
    merge_files(consolidated_path, [files["itfaiye"]])
    with Workbook.open(consolidated_path) as wb:
        assert wb.state("itfaiye")["state"] == "kabul"


def test_the_merge_summary_names_a_state_by_its_label(consolidated_path, files):
    merge_files(consolidated_path, [files["itfaiye"]])
    with Workbook.open(files["itfaiye"]) as wb:
        submit(wb)  # the same data, now sent
    result = merge_files(consolidated_path, [files["itfaiye"]])
    line = result.summary_lines()[0]
    assert "gönderildi" in line.lower() and "gonderildi" not in line, line  # the label, not the stored key


def test_a_copy_given_a_folder_goes_into_it_under_the_files_own_name(files, tmp_path):
    """A clerk sends to a USB stick by naming the stick: the copy was refused ("Is a directory"), and the
    file was left as it was. Now the copy goes into the folder with the file's own name; a copy of a
    file not yet sent carries -TASLAK there too."""
    usb = tmp_path / "usb"
    usb.mkdir()
    with Workbook.open(files["itfaiye"]) as wb:
        draft = sending.labelled_copy(wb, usb)
        digest, sent = sending.send(wb, usb)
        assert wb.state()["state"] == "gonderildi"
    name = files["itfaiye"].name
    assert sent == usb / name and draft == usb / name.replace(".faaliyet", "-TASLAK.faaliyet")
    assert sorted(p.name for p in usb.iterdir()) == sorted([sent.name, draft.name])
    with Workbook.open(sent, incoming=True) as copy:
        assert copy.state()["state"] == "gonderildi" and copy.state()["content_hash"] == digest


def test_cli_copy_into_a_folder_that_is_not_there_is_refused_not_written_as_a_file(files, tmp_path, capsys):
    """`--out gonder/` (a folder, by its separator) that does not exist was written as a file named
    'gonder'. Now it is refused, nothing written and the file left as it was."""
    from desktop import cli

    out = str(tmp_path / "gonder") + "/"
    assert cli.main(["submit", str(files["itfaiye"]), "--out", out]) == 2
    assert "klasörü yok" in capsys.readouterr().err
    assert not (tmp_path / "gonder").exists()
    with Workbook.open(files["itfaiye"], readonly=True) as wb:
        assert wb.state()["state"] == "taslak"
    (tmp_path / "gonder").mkdir()
    assert cli.main(["submit", str(files["itfaiye"]), "--out", out]) == 0
    assert [p.name for p in (tmp_path / "gonder").iterdir()] == [files["itfaiye"].name]
