"""The import log read back: every imported file, newest first, without the stored snapshot."""

from __future__ import annotations

import pytest
from merge_support import KEY, edit, entered, sha

from desktop.store.file.workbook import Workbook
from desktop.store.merge.history import history
from desktop.store.merge.run import merge_files

pytestmark = pytest.mark.definition("small")


def test_history_lists_every_import_newest_first(consolidated_path, files):
    merge_files(consolidated_path, [files["itfaiye"], files["imar"]], user="uzman")
    edit(files["itfaiye"], {KEY: 99}, user="ayse")
    merge_files(consolidated_path, [files["itfaiye"]], user="uzman")
    merge_files(consolidated_path, [files["itfaiye"]], user="uzman")  # unchanged: not logged again
    before = sha(consolidated_path)
    with Workbook.open(consolidated_path, readonly=True) as wb:
        rows = history(wb)
        assert [r.department for r in rows] == ["itfaiye", "imar", "itfaiye"]
        assert rows[0].id > rows[1].id > rows[2].id
        newest = rows[0]
        assert newest.department == "itfaiye" and newest.by == "uzman" and newest.file_name == files["itfaiye"].name
        assert newest.changes == {"eklenen": 0, "degisen": 1, "silinen": 0} and newest.state == "taslak"
        assert len(newest.file_hash) == 64 and len(newest.content_hash) == 64 and newest.at
        assert rows[-1].changes == {"eklenen": entered(files["itfaiye"]), "degisen": 0, "silinen": 0}
        assert rows[-1].clerk == rows[0].clerk == "ornek" and rows[-1].resolved == {}
        assert [r.department for r in history(wb, "imar")] == ["imar"]
        assert history(wb, "zabita") == []
    assert sha(consolidated_path) == before  # reading writes nothing


def test_only_the_newest_import_of_a_department_keeps_its_snapshot(consolidated_path, files):
    """The next merge compares against the newest import only; older rows keep hashes and counts."""
    merge_files(consolidated_path, [files["itfaiye"], files["imar"]], user="uzman")
    edit(files["itfaiye"], {KEY: 99}, user="ayse")
    merge_files(consolidated_path, [files["itfaiye"]], user="uzman")
    with Workbook.open(consolidated_path, readonly=True) as wb:
        rows = wb.conn.execute(
            "SELECT department, json_type(summary, '$.base') IS NOT NULL, json_extract(summary, '$.changes') "
            "FROM import_log ORDER BY id"
        ).fetchall()
    assert [(d, has) for d, has, _ in rows] == [("itfaiye", 0), ("imar", 1), ("itfaiye", 1)]
    assert rows[0][2] is not None  # the pruned row still says what it changed
    edit(files["itfaiye"], {KEY: 100}, user="ayse")
    result = merge_files(consolidated_path, [files["itfaiye"]], user="uzman")  # still merges against the newest
    assert result.files[0].status == "imported"
    with Workbook.open(consolidated_path, readonly=True) as wb:
        assert wb.get(KEY) == 100
