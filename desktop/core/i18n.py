"""Translatable messages made outside the UI (core, store, report, CLI): ``_("…")``.

The source strings are Turkish. ``_`` returns the message in the current language;
placeholders are filled after translation (``_("{n} hata").format(n=3)``), never by an
f-string inside ``_()``, so the catalogue can find the message.
"""

from __future__ import annotations


def _(text: str) -> str:
    """The message in the current language (Turkish source; the catalogue is loaded by ``set_language``)."""
    return _catalogue.get(text, text)


_catalogue: dict[str, str] = {}
