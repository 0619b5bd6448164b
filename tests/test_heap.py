"""A build leaves the objects that exist before it out of the collector's walks, and gives them back
(``core.heap``)."""

from __future__ import annotations

import gc
import threading

from desktop.core.heap import existing_objects_frozen
from desktop.report import build as build_module
from desktop.report import build_report


def test_the_objects_before_a_build_are_frozen_while_it_runs_and_given_back_after(monkeypatch, tmp_path):
    assert gc.get_freeze_count() == 0
    seen = []

    def fake_build(wb, out, **kw):
        seen.append(gc.get_freeze_count())
        raise RuntimeError("stopped")  # given back even when the build fails

    monkeypatch.setattr(build_module, "build", fake_build)
    try:
        build_report(object(), tmp_path / "r.pdf")
    except RuntimeError:
        pass
    assert seen and seen[0] > 1000
    assert gc.get_freeze_count() == 0


def test_two_builds_at_once_unfreeze_when_the_last_one_ends():
    first_in, second_done, counts = threading.Event(), threading.Event(), []

    def first():
        with existing_objects_frozen():
            first_in.set()
            second_done.wait(10)
            counts.append(gc.get_freeze_count())

    t = threading.Thread(target=first)
    t.start()
    first_in.wait(10)
    with existing_objects_frozen():
        pass
    second_done.set()
    t.join(10)
    assert counts and counts[0] > 0  # the second build's end did not unfreeze the first's
    assert gc.get_freeze_count() == 0
