"""The compiled-definition cache: the same definition as from YAML, never stale, never trusted."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from small_definition import FORM, HEAD, write_folder

from bench.attacks_definition import picture
from desktop.core import definition_folder
from desktop.core.loader import DefinitionError, load_definition
from desktop.store import definition_cache


@pytest.fixture
def cache(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv(definition_cache.ENV, str(folder))
    return folder


@pytest.fixture
def folder(tmp_path) -> Path:
    return write_folder(tmp_path / "ornek-2031")


class Counted:
    """load_definition, counting the YAML loads."""

    def __init__(self, monkeypatch):
        self.calls = 0
        monkeypatch.setattr(definition_cache, "load_definition", self)

    def __call__(self, folder):
        self.calls += 1
        return load_definition(folder)


def _entries(cache: Path) -> list[Path]:
    return sorted(cache.glob("*" + definition_cache.SUFFIX))


def test_the_second_load_comes_from_the_cache_and_is_the_same_definition(cache, folder, monkeypatch):
    yaml = Counted(monkeypatch)
    first = definition_cache.load(folder)
    assert yaml.calls == 1 and len(_entries(cache)) == 1
    second = definition_cache.load(folder)
    assert yaml.calls == 1  # no YAML parsed
    assert second.canonical_json() == first.canonical_json() == load_definition(folder).canonical_json()
    assert second.digest == first.digest and second.year.year == 2031


def test_the_shipped_definition_round_trips_through_the_cache(cache, definition, monkeypatch):
    from desktop import resources

    definition_cache.load(resources.default_definition())
    yaml = Counted(monkeypatch)
    assert definition_cache.load(resources.default_definition()).digest == definition.digest
    assert yaml.calls == 0


@pytest.mark.parametrize("change", ["edit a form", "add a form", "remove a form", "add a plan", "rename a form"])
def test_any_change_to_a_file_the_loader_reads_is_a_different_entry(cache, folder, monkeypatch, change):
    before = definition_cache.load(folder)
    forms = folder / "birimler"
    if change == "edit a form":
        (forms / "zabita.yaml").write_text(FORM.replace("Denetim sayısı", "Denetim adedi"), encoding="utf-8")
    elif change == "add a form":
        (forms / "kurum.yaml").write_text("department: kurum\n", encoding="utf-8")
    elif change == "remove a form":
        (forms / "zabita.yaml").unlink()
    elif change == "add a plan":
        (folder / "plan.yaml").write_text("aims: []\n", encoding="utf-8")
    else:  # the same bytes under another name: still read, still the same form
        (forms / "zabita.yaml").rename(forms / "a_zabita.yaml")
    yaml = Counted(monkeypatch)
    after = definition_cache.load(folder)
    assert yaml.calls == 1  # read from YAML again
    assert after.canonical_json() == load_definition(folder).canonical_json()
    if change == "edit a form":
        assert after.slots["zabita.denetim_sayisi"].label == "Denetim adedi" != before.slots["zabita.denetim_sayisi"].label
    if change in ("add a form", "remove a form"):
        assert len(after.forms) != len(before.forms)
    assert len(_entries(cache)) == 2


def test_an_embedded_logo_changed_in_the_folder_is_read_again(cache, folder, monkeypatch):
    (folder / "logo.png").write_bytes(picture("PNG", (60, 40)))
    (folder / "tanim.yaml").write_text(
        HEAD.replace("  name: Örnekkent Belediyesi\nyear", "  name: Örnekkent Belediyesi\n  logo: logo.png\nyear"),
        encoding="utf-8",
    )
    assert definition_cache.load(folder).institution.logo.width == 60
    yaml = Counted(monkeypatch)
    assert definition_cache.load(folder).institution.logo.width == 60
    assert yaml.calls == 0
    (folder / "logo.png").write_bytes(picture("PNG", (80, 40)))  # tanim.yaml unchanged
    assert definition_cache.load(folder).institution.logo.width == 80
    assert yaml.calls == 1
    (folder / "logo.png").unlink()
    with pytest.raises(DefinitionError, match=r"tanim.yaml:\d+: institution.logo: 'logo.png' dosyası tanım klasöründe yok"):
        definition_cache.load(folder)


def test_a_definition_with_errors_is_reported_with_file_and_line_and_not_cached(cache, folder):
    (folder / "birimler" / "zabita.yaml").write_text(FORM.replace("type: count", "type: sayi"), encoding="utf-8")
    for _ in range(2):  # each time from YAML, with the place
        with pytest.raises(DefinitionError) as info:
            definition_cache.load(folder)
        assert "ornek-2031/birimler/zabita.yaml:9: sections[0].items[0].type: şunlardan biri olmalı" in str(info.value)
    assert _entries(cache) == []


def test_a_missing_folder_says_so_as_the_loader_does(cache, tmp_path):
    with pytest.raises(DefinitionError, match="tanim.yaml: dosya bulunamadı"):
        definition_cache.load(tmp_path / "yok")
    assert _entries(cache) == []


def _damage(entry: Path, how: str, other: str) -> None:
    blob = entry.read_bytes()
    head, _, body = blob.partition(b"\n")
    if how == "garbage":
        entry.write_bytes(b"\x00\xff not a cache entry")
    elif how == "empty":
        entry.write_bytes(b"")
    elif how == "cut short":
        entry.write_bytes(blob[: len(blob) // 2])
    elif how == "body changed, digest kept":
        entry.write_bytes(head + b"\n" + body.replace("Zabıta".encode(), b"Zabita"))
    elif how == "consistent but invalid":  # a definition that breaks a rule, with a matching digest
        from desktop.core.sha import sha256_hex

        bad = body.replace(b'"year":2031', b'"year":1900')
        parts = head.split(b" ")
        entry.write_bytes(b" ".join([*parts[:3], sha256_hex(bad).encode()]) + b"\n" + bad)
    elif how == "another folder's entry":
        entry.write_bytes(other.encode())
    elif how == "oversized":
        entry.write_bytes(head + b"\n" + b" " * (20 * 1024 * 1024))


@pytest.mark.parametrize(
    "how",
    [
        "garbage",
        "empty",
        "cut short",
        "body changed, digest kept",
        "consistent but invalid",
        "another folder's entry",
        "oversized",
    ],
)
def test_a_damaged_entry_is_not_used_the_folder_is_read_and_the_entry_rewritten(cache, folder, monkeypatch, how):
    good = definition_cache.load(folder)
    (entry,) = _entries(cache)
    other = folder.parent / "other"
    other.mkdir()
    (other / "tanim.yaml").write_text(HEAD.replace("Zabıta", "Temizlik"), encoding="utf-8")
    definition_cache.load(other)
    other_entry = next(e for e in _entries(cache) if e != entry)
    _damage(entry, how, other_entry.read_text(encoding="utf-8"))
    yaml = Counted(monkeypatch)
    again = definition_cache.load(folder)
    assert yaml.calls == 1 and again.canonical_json() == good.canonical_json()
    assert definition_cache.load(folder).canonical_json() == good.canonical_json()
    assert yaml.calls == 1  # the rewritten entry serves the next load


def test_a_cache_folder_that_cannot_be_written_only_makes_loading_slower(tmp_path, folder, monkeypatch):
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    monkeypatch.setenv(definition_cache.ENV, str(blocked / "cache"))
    yaml = Counted(monkeypatch)
    for _ in range(2):
        assert definition_cache.load(folder).year.year == 2031
    assert yaml.calls == 2


def test_a_file_changed_while_it_was_read_is_not_cached_under_the_old_key(cache, folder, monkeypatch):
    def edit_while_loading(f):
        result = load_definition(f)
        (folder / "birimler" / "zabita.yaml").write_text(FORM.replace("Denetim sayısı", "Yeni ad"), encoding="utf-8")
        return result

    monkeypatch.setattr(definition_cache, "load_definition", edit_while_loading)
    definition_cache.load(folder)
    assert _entries(cache) == []
    monkeypatch.setattr(definition_cache, "load_definition", load_definition)
    assert definition_cache.load(folder).slots["zabita.denetim_sayisi"].label == "Yeni ad"


def test_old_entries_are_pruned(cache, folder, monkeypatch):
    monkeypatch.setattr(definition_cache, "KEEP", 3)
    dated: set[Path] = set()
    for i in range(5):
        (folder / "birimler" / "zabita.yaml").write_text(FORM.replace("Denetim sayısı", f"Denetim {i}"), encoding="utf-8")
        definition_cache.load(folder)
        for entry in set(_entries(cache)) - dated:  # distinct times whatever the file system's resolution
            os.utime(entry, (1000 + i, 1000 + i))
            dated.add(entry)
    assert len(_entries(cache)) == 3
    yaml = Counted(monkeypatch)
    assert definition_cache.load(folder).slots["zabita.denetim_sayisi"].label == "Denetim 4"
    assert yaml.calls == 0  # the newest survived


def test_the_key_names_every_file_the_loader_reads(folder):
    (folder / "plan.yaml").write_text("aims: []\n", encoding="utf-8")
    (folder / "notlar.txt").write_text("not read by the loader", encoding="utf-8")
    names = [p.relative_to(folder).as_posix() for p in definition_folder.source_files(folder)]
    assert names == ["tanim.yaml", "plan.yaml", "birimler/zabita.yaml"]
    key = definition_cache.folder_key(folder)
    (folder / "notlar.txt").write_text("changed", encoding="utf-8")
    assert definition_cache.folder_key(folder) == key
    (folder / "plan.yaml").write_text("aims: [] \n", encoding="utf-8")
    assert definition_cache.folder_key(folder) != key


@pytest.mark.parametrize(
    "platform,env,expected",
    [
        ("win32", {"LOCALAPPDATA": r"C:\Users\k\AppData\Local"}, Path(r"C:\Users\k\AppData\Local") / "Faaliyet" / "cache"),
        ("linux", {"XDG_CACHE_HOME": "/x/cache"}, Path("/x/cache/faaliyet")),
        ("linux", {}, Path.home() / ".cache" / "faaliyet"),
        ("linux", {"XDG_CACHE_HOME": "relative"}, Path.home() / ".cache" / "faaliyet"),  # the XDG spec: ignored
    ],
)
def test_the_cache_folder_follows_the_platform(monkeypatch, platform, env, expected):
    for name in (definition_cache.ENV, "LOCALAPPDATA", "XDG_CACHE_HOME"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setattr(sys, "platform", platform)
    assert definition_cache.cache_folder() == expected


def test_the_cli_uses_the_cache(cache, folder):
    import subprocess

    root = Path(__file__).resolve().parent.parent
    env = {**os.environ, definition_cache.ENV: str(cache)}
    for _ in range(2):
        out = subprocess.run(
            [sys.executable, "-m", "desktop", "departments", "--definition", str(folder)],
            cwd=root,
            capture_output=True,
            text=True,
            env=env,
        )
        assert out.returncode == 0 and out.stdout.splitlines() == ["kurum\tÖrnekkent Belediyesi", "zabita\tZabıta Müdürlüğü"]
        assert len(_entries(cache)) == 1
