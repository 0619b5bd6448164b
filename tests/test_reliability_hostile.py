"""Damaged and hostile files: every one refused cleanly by open, check (and merge), memory bounded.

The corpus (bench/hostile.py) is ~300 files derived from a realistic
workbook: header and page byte flips, truncation at every page boundary,
empty and random files, other applications' SQLite files, a newer schema,
extra triggers/views, oversized values, WAL without -wal, a -journal beside.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from bench import hostile
from desktop.store.file.workbook import Workbook

ROOT = Path(__file__).resolve().parent.parent


def _merge_target(tmp_path_factory, definition) -> Path | None:
    try:
        import desktop.store.merge.run  # noqa: F401
    except ImportError:
        return None
    target = tmp_path_factory.mktemp("birlesik") / "birlesik.faaliyet"
    Workbook.create(target, definition, None).close()
    return target


KINDS = ("header", "page", "truncation", "empty", "random", "foreign", "newer", "objects", "wal", "journal")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory, definitions):
    """A quick sample: every 8th page flip and truncation (the slow run takes them all)."""
    definition = definitions("kars")
    return hostile.build_corpus(definition, tmp_path_factory.mktemp("corpus"), oversized=(), stride=8)


@pytest.fixture(scope="module")
def full_corpus(tmp_path_factory, definitions):
    definition = definitions("kars")
    return hostile.build_corpus(definition, tmp_path_factory.mktemp("full"), oversized=())


def test_corpus_covers_every_kind(corpus):
    kinds = Counter(c.kind for c in corpus)
    for kind in KINDS:
        assert kinds[kind] >= 1, kind


def test_base_file_itself_opens(corpus):
    """The corpus is derived from a valid file: refusals are due to the damage."""
    base = corpus[0].path.parent / "base.faaliyet.src"
    with Workbook.open(base, readonly=True) as wb:
        assert wb.get("itfaiye.trafik_kazasi") is not None
        assert wb.conn.execute("SELECT count(*) FROM photo").fetchone()[0] == 1


def _all_refused(cases, target) -> None:
    failures = {f"{c.kind}/{c.name}": p for c in cases if (p := hostile.probe(c, target))}
    assert failures == {}


def test_every_file_is_refused_cleanly(corpus, tmp_path_factory, definition):
    _all_refused(corpus, _merge_target(tmp_path_factory, definition))


@pytest.mark.slow
def test_full_corpus_is_refused_cleanly(full_corpus, tmp_path_factory, definition):
    kinds = Counter(c.kind for c in full_corpus)
    assert kinds["truncation"] >= 20  # every page boundary of a file with overflow pages and a photo
    assert len(full_corpus) >= 250
    _all_refused(full_corpus, _merge_target(tmp_path_factory, definition))


def _check_processes(cases, kinds) -> None:
    seen = {}
    for c in cases:
        if c.kind in kinds and not c.incoming_only:
            seen.setdefault(c.kind, c)
    assert set(seen) == set(kinds)
    for c in seen.values():
        proc = subprocess.run([sys.executable, "-m", "desktop", "check", str(c.path)], capture_output=True, text=True, cwd=ROOT)
        assert proc.returncode == 2, (c.name, proc.stdout, proc.stderr)
        assert "Traceback" not in proc.stderr and proc.stderr.strip(), c.name
        assert c.path.name in proc.stderr, proc.stderr


def test_check_command_exits_2_without_traceback(corpus):
    """The real `faaliyet check` process."""
    _check_processes(corpus, ("random", "objects"))


@pytest.mark.slow
def test_check_command_on_every_kind(full_corpus):
    _check_processes(full_corpus, tuple(k for k in KINDS if k != "journal"))


def test_oversized_text_refused_with_bounded_memory(tmp_path, definition):
    _oversized(tmp_path, definition, ("text",))


@pytest.mark.slow
def test_every_oversized_value_refused_with_bounded_memory(tmp_path, definition):
    _oversized(tmp_path, definition, hostile.OVERSIZED)


def _oversized(tmp_path, definition, which) -> None:
    """100 MB text and 70 MB blobs: refused, and opening them grows max RSS by far less than their size."""
    cases = hostile.build_corpus(definition, tmp_path, oversized=which, stride=1000)
    big = [c for c in cases if c.kind == "oversized"]
    assert len(big) == len(which)
    base = tmp_path / "base.faaliyet.src"
    proc = subprocess.run(
        [sys.executable, "-m", "bench.hostile", "--measure", str(base), *[str(c.path) for c in big]],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    )
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    assert result["problems"] == {}
    assert result["growth_kb"] < 16 * 1024, result  # the values are 70-100 MB
    hostile.remove_corpus(cases)


def test_flipped_byte_inside_a_value_of_a_submitted_file_is_refused_by_merge(tmp_path, definition):
    """SQLite keeps no page checksums: a flipped byte inside a stored value is still a valid
    file, so open and check accept it. A submitted file carries the content hash recorded at
    submission, and merge refuses the file whose data no longer matches it."""
    from desktop.store.file import fingerprint
    from desktop.store.merge.run import merge_files

    path = tmp_path / "itfaiye.faaliyet"
    marker = "Tatbikat sayısı: 12345 ÇĞİÖŞÜ"
    with Workbook.create(path, definition, "itfaiye") as wb:
        wb.set_value("itfaiye.anlatim", marker)
        wb.set_state("gonderildi", content_hash=fingerprint.content_hash(wb.conn, "itfaiye"))
    data = path.read_bytes()
    assert b"12345" in data
    path.write_bytes(data.replace(b"12345", b"92345"))  # same length: still valid UTF-8 and valid pages
    with Workbook.open(path, incoming=True) as wb:  # nothing SQLite could notice
        assert wb.get("itfaiye.anlatim") == marker.replace("12345", "92345")
    target = tmp_path / "birlesik.faaliyet"
    Workbook.create(target, definition, None).close()
    before = hostile.sha(target)
    result = merge_files(target, [path])
    assert result.refused
    text = "\n".join(result.summary_lines())
    assert "Faaliyet dışında değiştirilmiş" in text, text
    assert hostile.sha(target) == before
