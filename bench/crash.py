"""Crash test: edits through the store, killed with SIGKILL at random moments.

A zygote process (``python -m bench.crash_child serve``) imports the
application once and forks one worker per round; the worker opens the
workbook and makes up to 1,000 edits through ``Workbook`` (single values,
batches, indicator rows, clears, long Turkish texts). After each edit returns
it appends ``{"seq", "keys", "values"}`` to an acknowledgement log and
fsyncs it. The zygote kills the worker with SIGKILL after a random delay
(fixed seed).

After every kill the parent opens the file with ``Workbook.open`` (which
rolls back a hot journal), runs ``PRAGMA integrity_check`` and compares the
file with the state the edit sequence predicts: with k acknowledged edits the
file must hold exactly the state after k edits, or after k+1 (the single edit
in flight committed but not yet acknowledged). Anything else counts as lost
edits or a corrupt file.

The ops are a pure function of (seed, index), so the parent and the worker
generate the same sequence without talking to each other.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from desktop.core.definition import Definition
from desktop.core.units import actual_type
from desktop.core.values import TEXT_LIMITS, coerce
from desktop.store.file import codec
from desktop.store.file.workbook import Workbook

DEPARTMENT = "itfaiye"
TURKISH = "çğıöşüÇĞİÖŞÜ âîû"


# --- the edit sequence ----------------------------------------------------
@dataclass(frozen=True)
class Op:
    kind: str  # "values" | "indicator"
    values: dict  # field key -> raw value (values) or attr -> raw value (indicator)
    key: str = ""  # indicator key


def editable(definition: Definition, department: str = DEPARTMENT) -> dict[str, str]:
    """Field key -> type of every field the clerk of ``department`` can type into."""
    return {
        s.key: s.type
        for s in sorted(definition.slots.values(), key=lambda s: s.key)
        if s.department == department and not s.computed
    }


def _raw(rng: random.Random, type_: str, seq: int):
    if type_ == "count":
        return seq * 7 + rng.randrange(7)
    if type_ == "money":
        return f"{seq}.{rng.randrange(100):02d}"
    if type_ in ("decimal", "percent"):
        return f"{seq}.5" if rng.random() < 0.5 else seq
    if type_ == "date":
        return f"2020-{1 + seq % 12:02d}-{1 + seq % 28:02d}"
    # some spill to overflow pages: long texts up to 20.000 characters, others up to their kind's limit
    length = min(20_000, TEXT_LIMITS[type_]) if rng.random() < 0.3 else rng.randrange(5, 200)
    base = f"{seq} {TURKISH} İstanbul ılıca "
    return (base * (length // len(base) + 1))[:length]


def ops(definition: Definition, seed: int, n: int, department: str = DEPARTMENT) -> list[Op]:
    rng = random.Random(seed)
    fields = editable(definition, department)
    keys = list(fields)
    longs = [k for k, t in fields.items() if t == "longtext"]
    indicators = [i.key for i in definition.indicators_of(department)]
    counted = {i.key for i in definition.indicators_of(department) if actual_type(i) == "count"}  # whole numbers only
    out = []
    for i in range(n):
        seq = seed * 10_000 + i
        r = rng.random()
        if r < 0.10 and indicators:
            key = rng.choice(indicators)
            attrs = {"actual": str(seq) if key in counted else f"{seq}.25"}
            if rng.random() < 0.5:
                attrs["explanation"] = f"Sapma {seq}: {TURKISH}"
            if rng.random() < 0.3:
                attrs["source"] = f"Kayıt defteri {seq}"
            out.append(Op("indicator", attrs, key))
        elif r < 0.25:
            chosen = rng.sample(keys, rng.randint(2, 4))
            out.append(Op("values", {k: _raw(rng, fields[k], seq) for k in chosen}))
        elif r < 0.30:
            out.append(Op("values", {rng.choice(keys): None}))
        else:
            # a long text now and then: only it may be long enough to spill to overflow pages
            k = rng.choice(longs) if longs and rng.random() < 0.05 else rng.choice(keys)
            out.append(Op("values", {k: _raw(rng, fields[k], seq)}))
    return out


def apply(wb: Workbook, op: Op) -> None:
    if op.kind == "indicator":
        wb.set_indicator(op.key, **op.values)
    elif len(op.values) == 1:
        ((k, v),) = op.values.items()
        wb.set_value(k, v)
    else:
        wb.set_values(op.values)


# --- the state the file must hold -----------------------------------------
@dataclass
class State:
    entries: dict = field(default_factory=dict)  # key -> encoded value
    indicators: dict = field(default_factory=dict)  # key -> (actual, explanation, source)
    audit: int = 0

    def copy(self) -> State:
        return State(dict(self.entries), dict(self.indicators), self.audit)

    def step(self, op: Op, definition: Definition) -> State:
        s = self.copy()
        if op.kind == "indicator":
            old = s.indicators.get(op.key, (None, "", ""))
            new = list(old)
            for attr, raw in op.values.items():
                i = ("actual", "explanation", "source").index(attr)
                new[i] = codec.encode_number(coerce("decimal", raw)) if attr == "actual" else coerce("longtext", raw)
            s.audit += sum(1 for a, b in zip(old, new) if not (a == b and type(a) is type(b)))
            s.indicators[op.key] = tuple(new)
        else:
            for k, raw in op.values.items():
                enc = codec.encode(definition.slots[k].type, coerce(definition.slots[k].type, raw))
                old = s.entries.get(k)
                if k in s.entries and old == enc and type(old) is type(enc):
                    continue
                if enc is None:
                    if k not in s.entries:
                        continue
                    del s.entries[k]
                else:
                    s.entries[k] = enc
                s.audit += 1
        return s


def read_state(wb: Workbook) -> State:
    c = wb.conn
    return State(
        dict(c.execute("SELECT key, value FROM entry")),
        {k: (a, e, s) for k, a, e, s in c.execute("SELECT key, actual, explanation, source FROM indicator")},
        c.execute("SELECT count(*) FROM audit").fetchone()[0],
    )


def read_acks(path: Path) -> list[dict]:
    """Complete acknowledgement lines; a torn last line was never acknowledged."""
    if not path.exists():
        return []
    out = []
    for line in path.read_bytes().split(b"\n"):
        try:
            out.append(json.loads(line))
        except ValueError:
            break
    return out


# --- the zygote -----------------------------------------------------------
class Zygote:
    """``python -m bench.crash_child serve``: forks workers, kills them on request."""

    def __init__(self, env: dict | None = None):
        env = dict(os.environ, PYTHONUNBUFFERED="1", **(env or {}))
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "bench.crash_child", "serve"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env=env,
            cwd=Path(__file__).resolve().parent.parent,
        )
        ready = self.proc.stdout.readline()
        if ready.strip() != "ready":
            raise RuntimeError(f"crash_child did not start: {ready!r}")

    def run(self, job: dict, delay: float | None) -> dict:
        """Run one job in a fresh worker; kill it with SIGKILL after ``delay`` s."""
        self.proc.stdin.write(json.dumps({**job, "delay": delay}) + "\n")
        self.proc.stdin.flush()
        line = self.proc.stdout.readline()
        if not line:
            raise RuntimeError("crash_child zygote died")
        return json.loads(line)

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.stdin.close()
            self.proc.wait(timeout=10)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


# --- the edit crash run -----------------------------------------------------
@dataclass
class CrashTally:
    kills: int = 0  # workers that died by SIGKILL
    completed: int = 0  # workers that finished before the kill
    survived: int = 0  # kills after which the file was whole and exact
    acked: int = 0  # acknowledged edits checked
    lost: int = 0  # acknowledged edits missing, or state not explained
    corrupt: int = 0  # files that failed to open or integrity_check
    in_flight_committed: int = 0  # kills where the unacknowledged edit had committed
    problems: list = field(default_factory=list)
    seen: dict = field(default_factory=dict)  # index of the allowed state found -> rounds (merge, copy)

    def add(self, other: CrashTally) -> CrashTally:
        for f in ("kills", "completed", "survived", "acked", "lost", "corrupt", "in_flight_committed"):
            setattr(self, f, getattr(self, f) + getattr(other, f))
        self.problems += other.problems
        return self


def integrity(wb: Workbook) -> list[str]:
    return [r[0] for r in wb.conn.execute("PRAGMA integrity_check")]


def crash_edits(
    workdir: Path,
    definition: Definition,
    *,
    kills: int,
    seed: int = 7,
    edits: int = 1000,
    max_delay: float = 0.9,
    zygote: Zygote | None = None,
) -> CrashTally:
    """``kills`` rounds of edit-and-kill on one workbook in ``workdir`` (on the real disk)."""
    workdir.mkdir(parents=True, exist_ok=True)
    path = workdir / "kaza.faaliyet"
    path.unlink(missing_ok=True)
    with Workbook.create(path, definition, DEPARTMENT) as wb:
        state = read_state(wb)
    rng = random.Random(seed)
    tally = CrashTally()
    own = zygote is None
    zygote = zygote or Zygote()
    try:
        rnd = 0
        while tally.kills < kills:
            rnd += 1
            round_seed = seed * 1000 + rnd
            ack = workdir / f"ack-{rnd}.log"
            delay = rng.uniform(0.0, max_delay)
            result = zygote.run({"mode": "edit", "path": str(path), "seed": round_seed, "ack": str(ack), "edits": edits}, delay)
            if result.get("error"):
                raise RuntimeError(f"worker failed: {result['error']}")
            killed = result["signal"] == 9
            tally.kills += killed
            tally.completed += not killed
            seq = ops(definition, round_seed, edits)
            acks = read_acks(ack)
            k = len(acks)
            if any(a["seq"] != i for i, a in enumerate(acks)):
                tally.problems.append(f"round {rnd}: ack log out of order")
            after_k = state
            for op in seq[:k]:
                after_k = after_k.step(op, definition)
            candidates = [after_k] + ([after_k.step(seq[k], definition)] if k < len(seq) and killed else [])
            try:
                wb = Workbook.open(path)
            except Exception as exc:  # noqa: BLE001 - counted, not hidden
                tally.corrupt += 1
                tally.problems.append(f"round {rnd}: open failed after kill: {type(exc).__name__}: {exc}")
                break
            with wb:
                check = integrity(wb)
                if check != ["ok"]:
                    tally.corrupt += 1
                    tally.problems.append(f"round {rnd}: integrity_check {check[:3]}")
                    break
                found = read_state(wb)
            if Path(str(path) + "-journal").exists():
                tally.problems.append(f"round {rnd}: hot journal left after open")
            tally.acked += k
            if found == candidates[0]:
                state = found
            elif len(candidates) > 1 and found == candidates[1]:
                state = found
                tally.in_flight_committed += 1
            else:
                tally.lost += 1
                tally.problems.append(
                    f"round {rnd}: file holds neither the {k} acknowledged edits nor those plus the one in flight"
                )
                break
            if killed:
                tally.survived += 1
            ack.unlink(missing_ok=True)  # a kill before the worker opened its log: no acks, no file
    finally:
        if own:
            zygote.close()
    return tally


# --- shared by the file-level crash runs (bench/crash_files.py) --------------
def _restore(path: Path, data: bytes) -> None:
    Path(str(path) + "-journal").unlink(missing_ok=True)
    path.write_bytes(data)


def _check_or_count(tally: CrashTally, rnd: int, fn) -> object:
    try:
        return fn()
    except Exception as exc:  # noqa: BLE001 - counted, not hidden
        tally.corrupt += 1
        tally.problems.append(f"round {rnd}: {type(exc).__name__}: {exc}")
        return None


def _crash_rounds(workdir, job, kills, seed, path, pristine, states, observe, restore=None) -> CrashTally:
    """Shared loop: restore, run the job in a worker, kill it, observe the file.

    ``states[-1]`` is the only state allowed once the job was acknowledged;
    any of ``states`` before. The first round runs unkilled to time the job.
    """
    rng = random.Random(seed)
    tally = CrashTally()
    tmp = workdir / "tmp"
    tmp.mkdir(exist_ok=True)
    with Zygote(env={"TMPDIR": str(tmp)}) as zygote:
        duration = None
        rnd = 0
        while tally.kills < kills:
            rnd += 1
            (restore or (lambda: _restore(path, pristine)))()
            ack = workdir / f"ack-{rnd}.log"
            delay = None if duration is None else rng.uniform(0.0, duration * 1.1)
            t0 = time.perf_counter()
            result = zygote.run({**job, "ack": str(ack)}, delay)
            if duration is None:
                duration = time.perf_counter() - t0
            if result.get("error"):
                raise RuntimeError(f"worker failed: {result['error']}")
            killed = result["signal"] == 9
            tally.kills += killed
            tally.completed += not killed
            acked = bool(read_acks(ack))
            ack.unlink(missing_ok=True)
            found = _check_or_count(tally, rnd, observe)
            if found is None:
                break
            allowed = states[-1:] if acked else states
            tally.acked += acked
            if found not in allowed:
                tally.lost += 1
                tally.problems.append(f"round {rnd}: state after the kill is none of the {len(allowed)} allowed")
                break
            index = states.index(found)
            tally.seen[index] = tally.seen.get(index, 0) + 1
            if killed:
                tally.survived += 1
                tally.in_flight_committed += found == states[-1] and not acked
    return tally


if __name__ == "__main__":  # pragma: no cover - quick manual run
    import tempfile

    from desktop import resources
    from desktop.core.loader import load_definition

    n = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    with tempfile.TemporaryDirectory(dir=Path.home()) as d:
        t0 = time.perf_counter()
        t = crash_edits(Path(d), load_definition(resources.default_definition()), kills=n)
        print(t, f"{time.perf_counter() - t0:.1f} s")
