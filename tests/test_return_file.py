"""Closing the send-back loop (issue #16, items 3 and 4), at the store and the command line.

The strategy unit's return file reaches the clerk and unlocks the file with the note and the fields
to fix; every refusal leaves both files byte for byte as they were. The clerk's one-step "Gönder",
the draft label of a copy that is not sent, and a submission taken back with a reason, which the
strategy unit sees at the next import.
"""

from __future__ import annotations

import json

import pytest
from merge_support import KEY, make_error, sha

from desktop import cli
from desktop.store.errors import ImportRejected, WorkbookError
from desktop.store.file import return_note, returned, sending
from desktop.store.file.submission import board, submit
from desktop.store.file.workbook import Workbook
from desktop.store.merge.history import history
from desktop.store.merge.run import merge_files

pytestmark = pytest.mark.definition("small")

NOTE = "Ocak makbuz sayısını kontrol edin; açıklamayı tamamlayın."


@pytest.fixture
def sent(files, consolidated_path, tmp_path):
    """İtfaiye sent in one step and imported; returns the copy that went."""
    usb = tmp_path / "usb"
    usb.mkdir()
    with Workbook.open(files["itfaiye"], user="ayse") as wb:
        _digest, copy = sending.send(wb, usb / files["itfaiye"].name)
    merge_files(consolidated_path, [copy], user="strateji")
    return copy


def _return(consolidated_path, out, *fields, department="itfaiye", note=NOTE) -> int:
    args = ["return", str(consolidated_path), "--department", department, "--note", note, "--out", str(out)]
    for f in fields:
        args += ["--field", f]
    return cli.main(args)


def test_return_file_round_trip_unlocks_the_clerks_file_with_note_and_fields(sent, files, consolidated_path, tmp_path, capsys):
    ret_path = tmp_path / "itfaiye-2020.geri.json"
    assert _return(consolidated_path, ret_path, KEY, "pg_5_3_1.actual") == 0
    with Workbook.open(consolidated_path) as wb:  # the board records it
        row = next(s for s in board(wb) if s.department == "itfaiye")
        assert row.state == "geri" and row.note == NOTE
        assert return_note.sent(wb)[0]["fields"] == [KEY, "pg_5_3_1.actual"]
    body = json.loads(ret_path.read_text("utf-8"))
    assert body["department"] == "itfaiye" and body["note"] == NOTE and len(body["digest"]) == 64

    # the clerk's own file (not the copy) is still locked; the return file opens it
    with Workbook.open(files["itfaiye"]) as wb:
        assert wb.state()["state"] == "gonderildi"
    assert cli.main(["receive", str(files["itfaiye"]), str(ret_path)]) == 0
    assert "düzenlemeye açıldı" in capsys.readouterr().out
    with Workbook.open(files["itfaiye"]) as wb:
        assert wb.state()["state"] == "geri" and wb.state()["note"] == NOTE
        marked = {f.place for f in wb.findings() if f.rule == returned.RULE}
        assert marked == {KEY, "pg_5_3_1.actual"}
        assert all(f.severity == "warning" for f in wb.findings() if f.rule == returned.RULE)
        wb.set_value(KEY, 5)  # editable again
    # received once: a second time changes nothing
    before = sha(files["itfaiye"])
    assert cli.main(["receive", str(files["itfaiye"]), str(ret_path)]) == 0
    assert "daha önce" in capsys.readouterr().out
    assert sha(files["itfaiye"]) == before


def test_the_return_command_given_a_folder_writes_the_usual_name_in_it(sent, files, consolidated_path, tmp_path):
    """`--out` naming the share the clerk reads was refused ("not a file name"); the return file now
    goes into it under its usual name, as a copy sent to a folder does."""
    share = tmp_path / "ortak"
    share.mkdir()
    assert _return(consolidated_path, share, KEY) == 0
    written = share / return_note.default_name("itfaiye", 2020)
    assert [p.name for p in share.iterdir()] == [written.name]
    with Workbook.open(files["itfaiye"]) as wb:
        assert return_note.receive(wb, return_note.read(written)) is True
        assert wb.state()["state"] == "geri"


def test_sending_again_after_a_return_clears_the_marks(sent, files, consolidated_path, tmp_path):
    ret_path = tmp_path / "r.geri.json"
    assert _return(consolidated_path, ret_path, KEY) == 0
    with Workbook.open(files["itfaiye"]) as wb:
        return_note.receive(wb, return_note.read(ret_path))
        assert wb.returned_findings()
        sending.send(wb, tmp_path / "usb" / "ikinci.faaliyet")
        assert wb.state()["state"] == "gonderildi" and wb.returned_findings() == []


def _edit(path, mutate):
    data = json.loads(path.read_text("utf-8"))
    mutate(data)
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")


def _resign(data):
    data["digest"] = return_note.ReturnNote(
        data["institution"],
        data["year"],
        data["department"],
        data["content_hash"],
        data["note"],
        tuple(data["fields"]),
        data["by"],
        data["at"],
    ).digest


REFUSALS = {
    "not_json": (lambda p: p.write_bytes(b"\xff\xfe bu json degil"), "bozulmuş"),
    "too_big": (lambda p: p.write_bytes(b" " * (return_note.MAX_BYTES + 1)), "çok büyük"),
    "edited_note": (lambda p: _edit(p, lambda d: d.update(note="Her şey yolunda")), "özet tutmuyor"),
    "duplicate_key": (lambda p: p.write_text(p.read_text("utf-8")[:-2] + ', "note": "x"}\n', "utf-8"), "bozulmuş"),
    "extra_key": (lambda p: _edit(p, lambda d: (d.update(extra=1), _resign(d))), "beklenmeyen"),
    "wrong_type": (lambda p: _edit(p, lambda d: d.update(year="2020")), "türü"),
    "deep": (lambda p: p.write_text("[" * 60000, "utf-8"), "bozulmuş"),
    "nan": (lambda p: p.write_text(p.read_text("utf-8").replace('"year": 2020', '"year": NaN'), "utf-8"), "bozulmuş"),
    "other_department": (lambda p: _edit(p, lambda d: (d.update(department="imar"), _resign(d))), "ait değil"),
    "other_year": (lambda p: _edit(p, lambda d: (d.update(year=2019), _resign(d))), "ait değil"),
    "unknown_field": (lambda p: _edit(p, lambda d: (d.update(fields=["itfaiye.yok"]), _resign(d))), "alanlar yok"),
    "other_content": (lambda p: _edit(p, lambda d: (d.update(content_hash="0" * 64), _resign(d))), "özeti tutmuyor"),
}


@pytest.mark.parametrize("case", sorted(REFUSALS))
def test_a_bad_return_file_is_refused_in_turkish_and_changes_nothing(case, sent, files, consolidated_path, tmp_path, capsys):
    ret_path = tmp_path / "itfaiye.geri.json"
    assert _return(consolidated_path, ret_path, KEY) == 0
    spoil, expected = REFUSALS[case]
    spoil(ret_path)
    before, ret_before = sha(files["itfaiye"]), sha(ret_path)
    capsys.readouterr()
    assert cli.main(["receive", str(files["itfaiye"]), str(ret_path)]) == 1
    err = capsys.readouterr().err
    assert expected in err and "Traceback" not in err
    assert sha(files["itfaiye"]) == before and sha(ret_path) == ret_before
    with Workbook.open(files["itfaiye"]) as wb:
        assert wb.state()["state"] == "gonderildi"


def test_a_return_for_a_file_changed_since_is_refused(sent, files, consolidated_path, tmp_path):
    ret_path = tmp_path / "r.geri.json"
    assert _return(consolidated_path, ret_path) == 0
    with Workbook.open(files["itfaiye"]) as wb:
        sending.reopen(wb, "Bir değeri düzeltmem gerekti.")
        wb.set_value(KEY, 1)
        before = sha(files["itfaiye"])
        with pytest.raises(WorkbookError) as info:
            return_note.receive(wb, return_note.read(ret_path))
        assert "özeti tutmuyor" in str(info.value)
    assert sha(files["itfaiye"]) == before


def test_the_return_command_refuses_what_it_cannot_send_back(sent, files, consolidated_path, tmp_path, capsys):
    before = sha(consolidated_path)
    out = tmp_path / "r.geri.json"
    assert _return(consolidated_path, out, "itfaiye.yok") == 2
    assert "alanlar yok" in capsys.readouterr().err
    assert _return(consolidated_path, out, department="zabita") == 2  # never imported
    assert "henüz gelmedi" in capsys.readouterr().err
    assert _return(consolidated_path, out, note="   ") == 2
    assert _return(consolidated_path, tmp_path / "x.faaliyet") == 2  # never over a workbook
    assert sha(consolidated_path) == before and not out.exists()


def test_send_is_refused_while_errors_remain_and_writes_no_copy(files, tmp_path):
    dest = tmp_path / "kopya.faaliyet"
    with Workbook.open(files["itfaiye"]) as wb:
        make_error(wb, "itfaiye")
        with pytest.raises(ImportRejected) as info:
            sending.send(wb, dest)
        assert "hata var" in str(info.value) and info.value.problems
        assert wb.state()["state"] == "taslak"
    assert not dest.exists()


def test_a_copy_that_cannot_be_written_leaves_the_file_as_it_was(files, tmp_path, sent, consolidated_path):
    missing = tmp_path / "takili-degil" / "kopya.faaliyet"
    with Workbook.open(files["imar"]) as wb:
        with pytest.raises(WorkbookError):
            sending.send(wb, missing)
        assert wb.state()["state"] == "taslak"
        wb.set_value("imar.ruhsat", 181)  # not locked
    # a file that was sent back stays sent back (with its note) when sending again fails
    ret_path = tmp_path / "r.geri.json"
    assert _return(consolidated_path, ret_path) == 0
    with Workbook.open(files["itfaiye"]) as wb:
        return_note.receive(wb, return_note.read(ret_path))
        with pytest.raises(WorkbookError):
            sending.send(wb, missing)
        assert wb.state()["state"] == "geri" and wb.state()["note"] == NOTE
    assert not missing.parent.exists()


def test_a_copy_of_an_unsent_file_is_labelled_a_draft(files, consolidated_path, tmp_path, capsys):
    assert cli.main(["copy", str(files["imar"]), "--out", str(tmp_path / "imar.faaliyet")]) == 0
    draft = tmp_path / "imar-TASLAK.faaliyet"
    assert draft.exists() and not (tmp_path / "imar.faaliyet").exists()
    assert "TASLAK" in capsys.readouterr().err
    result = merge_files(consolidated_path, [draft])
    assert "TASLAK" in result.summary_lines()[0]
    with Workbook.open(files["itfaiye"]) as wb:
        submit(wb)
        assert sending.labelled_copy(wb, tmp_path / "itfaiye.faaliyet").name == "itfaiye.faaliyet"


def test_submit_command_sends_in_one_step(files, tmp_path, capsys):
    out = tmp_path / "gonder.faaliyet"
    assert cli.main(["submit", str(files["itfaiye"]), "--out", str(out)]) == 0
    assert out.exists()
    with Workbook.open(files["itfaiye"]) as wb:
        assert wb.state()["state"] == "gonderildi"
    with Workbook.open(files["imar"]) as wb:
        make_error(wb, "imar")
    assert cli.main(["submit", str(files["imar"]), "--out", str(tmp_path / "imar.faaliyet")]) == 1
    assert "hata" in capsys.readouterr().err and not (tmp_path / "imar.faaliyet").exists()


def test_a_submission_taken_back_is_seen_at_the_next_import(sent, files, consolidated_path, tmp_path, capsys):
    reason = "Aralık verisi eksik gönderildi, tamamlıyorum."
    assert cli.main(["reopen", str(files["itfaiye"]), "--reason", reason]) == 0
    with Workbook.open(files["itfaiye"]) as wb:
        assert wb.state()["state"] == "taslak"
        wb.set_value(KEY, 99)
    result = merge_files(consolidated_path, [files["itfaiye"]], user="strateji")
    line = result.summary_lines()[0]
    assert "geri aldı" in line and reason in line and "TASLAK" in line
    with Workbook.open(consolidated_path) as wb:
        assert history(wb)[0].reopened["reason"] == reason
        row = next(s for s in board(wb) if s.department == "itfaiye")
        assert row.state == "taslak" and row.note == reason
    # sent again: the taking back is not reported a second time
    with Workbook.open(files["itfaiye"]) as wb:
        sending.send(wb, tmp_path / "usb" / "yeniden.faaliyet")
    line = merge_files(consolidated_path, [tmp_path / "usb" / "yeniden.faaliyet"]).summary_lines()[0]
    assert "geri aldı" not in line


def test_reopen_needs_a_sent_file_and_a_reason(files):
    with Workbook.open(files["itfaiye"]) as wb:
        with pytest.raises(WorkbookError):
            sending.reopen(wb, "neden")  # not sent
        submit(wb)
        with pytest.raises(WorkbookError):
            sending.reopen(wb, "  ")
        assert wb.state()["state"] == "gonderildi"


def test_a_send_back_that_cannot_be_recorded_leaves_an_older_return_file_as_it_was(sent, consolidated_path, tmp_path):
    out = tmp_path / "itfaiye.geri.json"
    assert _return(consolidated_path, out) == 0
    before = sha(out)
    with Workbook.open(consolidated_path, readonly=True) as wb:
        ret = return_note.make(wb, "itfaiye", "İkinci not", [])
        with pytest.raises(WorkbookError):
            return_note.write(wb, ret, out)  # read-only: the send-back is refused
    with Workbook.open(consolidated_path) as wb:
        with pytest.raises(WorkbookError) as info:
            # a path under a file: the write fails (a folder is written into, see the test above)
            return_note.write(wb, return_note.make(wb, "itfaiye", "Üçüncü not", []), out / "x.geri.json")
        assert "dosya adı değil" in str(info.value)
        assert wb.state("itfaiye")["note"] == NOTE  # nothing recorded
    assert sha(out) == before and sorted(p.name for p in tmp_path.glob(".*.tmp")) == []
