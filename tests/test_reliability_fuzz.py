"""Fuzzing (hypothesis): the number parser, the definition loader, value-set import and the
Excel import give only clean errors, never a crash or a changed file (bench/fuzz.py).

The default run tries a few hundred inputs; ``-m slow`` tries thousands, and the
loader on the full forms/kars-2020 folder.
"""

from __future__ import annotations

import pytest

from bench import fuzz, sample_files


@pytest.fixture
def itfaiye(tmp_path, definition):
    return sample_files.department_files(definition, tmp_path / "d", 1)[0]


def _ok(t: fuzz.FuzzTally, n: int) -> None:
    assert t.problems == []
    assert t.tried >= n
    assert t.refused > 0  # the fuzzer reached the checks


def test_number_parser():
    _ok(fuzz.fuzz_numbers(400), 400)


def test_loader_on_a_small_definition(tmp_path):
    _ok(fuzz.fuzz_loader(tmp_path, 8, small=True), 8)


def test_value_set_import(itfaiye):
    _ok(fuzz.fuzz_valueset(itfaiye, 20), 40)


def test_excel_import(itfaiye):
    _ok(fuzz.fuzz_excel(itfaiye, 5), 5)


def test_stored_rows_check_and_merge_agree(itfaiye, definition, tmp_path):
    from desktop.store.file.workbook import Workbook

    target = tmp_path / "birlesik.faaliyet"
    Workbook.create(target, definition, None).close()
    t = fuzz.fuzz_stored(itfaiye, target, 40)
    _ok(t, 40)
    assert t.accepted > 0  # some changes are harmless (a changed_by, a text)


def test_empty_definition_head_is_a_clean_error(tmp_path):
    """Found by the fuzzer: an empty tanim.yaml crashed the loader with KeyError."""
    import shutil

    from desktop import resources
    from desktop.core.loader import DefinitionError, load_definition

    folder = tmp_path / "tanim"
    shutil.copytree(resources.default_definition(), folder)
    (folder / "tanim.yaml").write_bytes(b"")
    with pytest.raises(DefinitionError) as info:
        load_definition(folder)
    assert "tanim.yaml" in str(info.value) and "boş" in str(info.value)


@pytest.mark.slow
def test_number_parser_long():
    _ok(fuzz.fuzz_numbers(5000), 5000)


@pytest.mark.slow
def test_loader_long(tmp_path):
    _ok(fuzz.fuzz_loader(tmp_path / "small", 120, small=True), 120)
    _ok(fuzz.fuzz_loader(tmp_path / "full", 10), 10)


@pytest.mark.slow
def test_value_set_import_long(itfaiye):
    _ok(fuzz.fuzz_valueset(itfaiye, 150), 300)


@pytest.mark.slow
def test_excel_import_long(itfaiye):
    _ok(fuzz.fuzz_excel(itfaiye, 50), 50)


def test_broken_deflate_stream_in_xlsx_is_a_clean_refusal(tmp_path):
    """Found by the fuzzer: a damaged compressed part raised zlib.error out of check_xlsx."""
    import zipfile

    from desktop.store.errors import ImportRejected
    from desktop.store.exchange.excel_import import check_xlsx

    path = tmp_path / "bozuk.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types>" + "<Default/>" * 200 + "</Types>")
        z.writestr("xl/workbook.xml", "<workbook>" + "<sheet/>" * 200 + "</workbook>")
    with zipfile.ZipFile(path) as z:
        info = z.getinfo("xl/workbook.xml")
    raw = bytearray(path.read_bytes())
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    raw[start] = 0xFF  # block type 3: "invalid block type"
    path.write_bytes(bytes(raw))
    with pytest.raises(ImportRejected) as exc:
        check_xlsx(path)
    assert "bozuk" in str(exc.value)
