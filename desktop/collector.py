"""Python's cyclic garbage collector, paused while a window process starts.

A window's start (PySide's import, Faaliyet's modules, the first window and its file) makes
tens of thousands of objects that live as long as the process: PySide's types and enums,
the modules, the open form. The collector's passes over them find next to nothing: 35 of
them during PySide's import alone and 10 more during ``desktop.ui.app``'s (measured on a
busy machine: PySide's import took ~7 ms less CPU time without them). The launcher pauses the
collector before it imports the window (``pause``); the window's start ends the pause when
its first window is shown (``resume``, from ``desktop.ui.app.starting``): what start-up made
is frozen (never scanned again, which also shortens every later full collection) and
collection resumes. Reference counting frees everything else as always.
"""

from __future__ import annotations

import gc

_paused = False


def pause() -> None:
    """No cyclic collection until ``resume`` (nothing changes when it is off already)."""
    global _paused
    if not _paused and gc.isenabled():
        gc.disable()
        _paused = True


def resume() -> None:
    """End the pause ``pause`` began: freeze what was made so far and collect again."""
    global _paused
    if _paused:
        _paused = False
        gc.freeze()
        gc.enable()


def paused() -> bool:
    return _paused
