"""The states a department's file goes through (draft, submitted, accepted, sent back), and
their names as the window shows them."""

from __future__ import annotations

from ...core.i18n import lazy

STATES = {
    "taslak": lazy("Taslak"),
    "gonderildi": lazy("Gönderildi"),
    "kabul": lazy("Kabul edildi"),
    "geri": lazy("Geri gönderildi"),
}
"""The states a department's file goes through, as the window names them (``str()`` gives the current language)."""


def state_label(state: str) -> str:
    """A state's name in the window's language; an unknown state as it is stored."""
    return str(STATES.get(state, state))
