"""The crash test's child: makes edits through the store until it is killed.

    python -m bench.crash_child run WORKBOOK SEED ACKLOG [EDITS]
    python -m bench.crash_child serve        # zygote, driven by bench.crash.Zygote

``run`` opens WORKBOOK, makes EDITS (default 1,000) edits generated from SEED
and after each one returns appends ``{"seq", "keys", "values"}`` to ACKLOG and
fsyncs it, so the log never claims an edit the file may not hold.

``serve`` imports everything once, prints ``ready`` and then reads one JSON
job per line from stdin: it forks a worker for the job, kills it with SIGKILL
after ``delay`` seconds (the worker cannot be reaped before the kill, so its
pid is never reused), waits for it and prints ``{"signal", "exit"}``.
Forking from a warm process makes a round cost milliseconds instead of an
interpreter start.
"""

from __future__ import annotations

import json
import os
import signal
import sys
import time
import traceback
from pathlib import Path

from bench import crash
from desktop.store.file.workbook import Workbook

JOBS = {}


def job(name):
    def register(fn):
        JOBS[name] = fn
        return fn

    return register


class AckLog:
    def __init__(self, path: str):
        self.fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)

    def write(self, record: dict) -> None:
        os.write(self.fd, (json.dumps(record, ensure_ascii=False, default=str) + "\n").encode())
        os.fsync(self.fd)


@job("edit")
def run_edits(spec: dict) -> None:
    log = AckLog(spec["ack"])
    with Workbook.open(spec["path"], user="kaza") as wb:
        for seq, op in enumerate(crash.ops(wb.definition, spec["seed"], spec.get("edits", 1000))):
            crash.apply(wb, op)
            keys = [op.key] if op.kind == "indicator" else list(op.values)
            log.write({"seq": seq, "keys": keys, "values": [str(v)[:40] for v in op.values.values()]})


@job("call")
def run_call(spec: dict) -> None:
    """Call ``module:function`` with JSON args, then acknowledge it (merge, copy)."""
    import importlib

    module, name = spec["target"].split(":")
    fn = getattr(importlib.import_module(module), name)
    result = fn(**spec.get("kwargs", {}))
    AckLog(spec["ack"]).write({"seq": 0, "done": spec["target"], "result": str(result)[:200]})


@job("copy")
def run_copy(spec: dict) -> None:
    """ "Gönderilecek kopya" of the workbook at ``path`` to ``dest``, then acknowledge it."""
    from desktop.store.file.submission import export_copy

    with Workbook.open(spec["path"], user="kaza") as wb:
        export_copy(wb, Path(spec["dest"]))
    AckLog(spec["ack"]).write({"seq": 0, "done": "copy", "dest": spec["dest"]})


@job("pdf")
def run_pdf(spec: dict) -> None:
    """The PDF of the workbook at ``path`` into ``out``, then acknowledge it."""
    from desktop.report import build_report

    with Workbook.open(spec["path"], readonly=True) as wb:
        build_report(wb, Path(spec["out"]))
    AckLog(spec["ack"]).write({"seq": 0, "done": "pdf", "out": spec["out"]})


def run_job(spec: dict) -> int:
    try:
        JOBS[spec["mode"]](spec)
        return 0
    except BaseException:  # noqa: BLE001 - reported to the parent as exit 3
        traceback.print_exc()
        return 3


def serve() -> None:
    # warm up: everything a job imports is loaded before the first fork
    for module in (
        "desktop.store.exchange.valueset",
        "desktop.store.merge.run",
        "desktop.store.file.submission",
        "desktop.report",
    ):
        try:
            __import__(module)
        except ImportError:
            pass
    print("ready", flush=True)
    for line in sys.stdin:
        spec = json.loads(line)
        pid = os.fork()
        if pid == 0:  # the worker
            os._exit(run_job(spec))
        delay = spec.get("delay")
        if delay is not None:
            time.sleep(delay)
            os.kill(pid, signal.SIGKILL)  # a zombie until reaped below: harmless
        _, status = os.waitpid(pid, 0)
        sig = os.WTERMSIG(status) if os.WIFSIGNALED(status) else 0
        code = os.WEXITSTATUS(status) if os.WIFEXITED(status) else None
        out = {"signal": sig, "exit": code}
        if code not in (0, None):
            out["error"] = f"worker exited with {code} (traceback on stderr)"
        print(json.dumps(out), flush=True)


def main(argv: list[str]) -> int:
    if argv[:1] == ["serve"]:
        serve()
        return 0
    if argv[:1] == ["run"] and len(argv) in (4, 5):
        spec = {
            "mode": "edit",
            "path": argv[1],
            "seed": int(argv[2]),
            "ack": argv[3],
            "edits": int(argv[4]) if len(argv) == 5 else 1000,
        }
        return run_job(spec)
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
