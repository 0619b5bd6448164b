"""Attacks on the compiled-definition cache (``desktop/store/definition_cache.py``) and on a
definition folder chosen on the start page ("Yeni yıl…").

A cache entry is a file in the user's profile that anything may have written
(another program, a full disk, a kill half-way, an old version): each attack
puts a hostile entry where the folder's entry belongs and expects the
definition from YAML, unchanged, with no hang and no crash, and the entry
rewritten. A chosen folder may hold a pipe where a YAML file should be: it is
refused with a Turkish message, not read forever.
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Callable
from pathlib import Path

from bench.attacks import Attack, clear_message
from desktop.core import limits
from desktop.core.definition import Definition

HEAD = """\
id: saldiri-2030
institution: {key: saldirikent, name: Saldırıkent Belediyesi}
year: {year: 2030, deviation_tolerance: 5, percent_style: suffix}
departments:
  - {key: merkez, name: Saldırıkent Belediyesi, role: institution}
  - {key: park, name: Park ve Bahçeler Müdürlüğü}
"""
FORM = """\
department: park
sections:
  - key: alanlar
    title: Yeşil alanlar
    items:
      - {kind: field, key: alan, label: Yeşil alan (m²), type: count}
"""
TIMEOUT = 20  # seconds: a read that blocks on a pipe never ends


@contextlib.contextmanager
def _cache_in(folder: Path):
    from desktop.store import definition_cache

    old = os.environ.get(definition_cache.ENV)
    os.environ[definition_cache.ENV] = str(folder)
    try:
        yield
    finally:
        if old is None:
            os.environ.pop(definition_cache.ENV, None)
        else:
            os.environ[definition_cache.ENV] = old


def _folder(work: Path) -> Path:
    folder = work / "saldiri-2030"
    (folder / "birimler").mkdir(parents=True)
    (folder / "tanim.yaml").write_text(HEAD, encoding="utf-8")
    (folder / "birimler" / "park.yaml").write_text(FORM, encoding="utf-8")
    return folder


def _in_time(call: Callable[[], object]) -> tuple[object, BaseException | None, bool]:
    """(result, exception, finished) of call, given TIMEOUT seconds (a daemon thread)."""
    box: dict = {}

    def target():
        try:
            box["result"] = call()
        except BaseException as exc:  # noqa: BLE001 - reported by the caller
            box["error"] = exc

    t = threading.Thread(target=target, daemon=True)
    t.start()
    t.join(TIMEOUT)
    return box.get("result"), box.get("error"), not t.is_alive()


def entry_attack(name: str, plant: Callable[[Path, bytes], None]) -> Attack:
    """``plant(entry, good_entry_bytes)`` replaces the folder's cache entry with something hostile."""

    def run(definition: Definition, work: Path) -> list[str]:
        from desktop.core.loader import load_definition
        from desktop.store import definition_cache

        folder = _folder(work)
        cache = work / "cache"
        with _cache_in(cache):
            expected = load_definition(folder).canonical_json()
            definition_cache.load(folder)
            entries = list(cache.glob("*" + definition_cache.SUFFIX))
            if len(entries) != 1:
                return [f"{len(entries)} cache entries after a first load"]
            entry = entries[0]
            good = entry.read_bytes()
            entry.unlink()
            plant(entry, good)
            result, error, finished = _in_time(lambda: definition_cache.load(folder))
            if not finished:
                return [f"loading with a hostile entry did not finish in {TIMEOUT} s"]
            if error is not None:
                return [f"crash {type(error).__name__}: {str(error)[:200]}"]
            problems = []
            if result.canonical_json() != expected:
                problems.append("the definition from a hostile entry differs from the folder's")
            with contextlib.suppress(OSError):
                if entry.is_file() and entry.read_bytes() != good:
                    problems.append("the entry was not rewritten from the folder")
            return problems

    return Attack(f"cache/{name}", "definition", run)


def _consistent(body: bytes) -> Callable[[Path, bytes], None]:
    """An entry whose digest matches a hostile body: only Definition.from_json can refuse it."""

    def plant(entry: Path, good: bytes) -> None:
        from desktop.core.sha import sha256_hex

        head = good.partition(b"\n")[0].split(b" ")
        entry.write_bytes(b" ".join([*head[:3], sha256_hex(body).encode()]) + b"\n" + body)

    return plant


def _retargeted(good: bytes) -> bytes:
    return good.replace("Park ve Bahçeler".encode(), "Başka bir birim!".encode())


def _fifo(entry: Path, good: bytes) -> None:
    os.mkfifo(entry)


def _link_to_device(entry: Path, good: bytes) -> None:
    entry.symlink_to("/dev/zero")


def _folder_in_place(entry: Path, good: bytes) -> None:
    entry.mkdir()


def pipe_in_the_chosen_folder(definition: Definition, work: Path) -> list[str]:
    """A "Yeni yıl…" folder whose tanim.yaml is a pipe: refused with a Turkish message, no hang."""
    from desktop.core.loader import DefinitionError
    from desktop.store import definition_cache

    folder = _folder(work)
    (folder / "tanim.yaml").unlink()
    os.mkfifo(folder / "tanim.yaml")
    with _cache_in(work / "cache"):
        result, error, finished = _in_time(lambda: definition_cache.load(folder))
    if not finished:
        return [f"a pipe as tanim.yaml blocked loading for {TIMEOUT} s"]
    if not isinstance(error, DefinitionError):
        return [f"a pipe as tanim.yaml gave {type(error).__name__ if error else 'a definition'}, not a DefinitionError"]
    why = clear_message(str(error))
    return [why] if why else []


ATTACKS: list[Attack] = (
    []
    if not hasattr(os, "mkfifo")
    else [
        entry_attack("entry-is-a-pipe", _fifo),
        entry_attack("entry-links-to-a-device", _link_to_device),
        Attack("cache/chosen-folder-tanim-is-a-pipe", "definition", pipe_in_the_chosen_folder),
    ]
)
ATTACKS += [
    entry_attack("entry-is-a-folder", _folder_in_place),
    entry_attack("entry-garbage", lambda e, g: e.write_bytes(os.urandom(4096))),
    entry_attack("entry-cut-short", lambda e, g: e.write_bytes(g[: len(g) * 2 // 3])),
    entry_attack("entry-body-changed-digest-kept", lambda e, g: e.write_bytes(_retargeted(g))),
    entry_attack(
        "entry-oversized", lambda e, g: e.write_bytes(g.partition(b"\n")[0] + b"\n" + b" " * (limits.MAX_JSON_BYTES + 1024))
    ),
    entry_attack("entry-deeply-nested-json", _consistent(b"[" * 200_000 + b"]" * 200_000)),
    entry_attack("entry-valid-json-not-a-definition", _consistent(b'{"id":"x","year":{"year":1}}')),
    entry_attack(
        "entry-definition-breaking-a-limit",
        _consistent(
            b'{"id":"saldiri-2030","institution":{"key":"k","name":"'
            + b"x" * 100_000
            + b'"},"year":{"year":2030},"departments":[{"key":"a","name":"A"}]}'
        ),
    ),
    entry_attack("entry-nul-bytes-and-bad-utf8", _consistent(b'{"id":"\xff\x00"}')),
]
