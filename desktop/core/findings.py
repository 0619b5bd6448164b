"""A validation finding: severity, place and a message (in the language it was made in)."""

from __future__ import annotations

import msgspec

from .i18n import lazy

SEVERITY_LABELS = {"error": lazy("hata"), "warning": lazy("uyarı")}
# A required field still empty: an error (nothing is sent without it), but something to
# fill rather than a mistake; a new file starts with these, so they are named apart.
MISSING_RULE = "zorunlu"


class Finding(msgspec.Struct, frozen=True, order=True):
    severity: str  # "error" | "warning"
    place: str  # a value key, indicator key or plan key the user can go to
    message: str
    rule: str = ""  # rule key, or a built-in check name
    department: str = ""

    @property
    def is_error(self) -> bool:
        return self.severity == "error"

    @property
    def severity_label(self) -> str:
        return str(SEVERITY_LABELS.get(self.severity, self.severity))

    @property
    def is_missing(self) -> bool:
        """A required field still empty (``MISSING_RULE``): it blocks sending like any error."""
        return self.rule == MISSING_RULE


def count_by_severity(findings) -> dict[str, int]:
    out = {"error": 0, "warning": 0}
    for f in findings:
        out[f.severity] = out.get(f.severity, 0) + 1
    return out
