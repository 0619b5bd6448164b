"""What one operation on an open file changed (``Change``), read back from the audit rows its
transaction wrote (``Row``: one of them)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import msgspec

from ...core.findings import Finding

if TYPE_CHECKING:
    from .undo import Step


class Change(msgspec.Struct):
    """What one operation changed."""

    stored: list[str] = msgspec.field(default_factory=list)  # places whose stored value changed (audit targets)
    values: set[str] = msgspec.field(default_factory=set)  # shown values (entered or computed) that changed
    plan: set[str] = msgspec.field(default_factory=set)  # indicator/activity keys written
    photos: set[str] = msgspec.field(default_factory=set)  # photo lists changed
    pending: set[str] = msgspec.field(default_factory=set)  # places whose unreadable text came or went
    added: list[Finding] = msgspec.field(default_factory=list)
    removed: list[Finding] = msgspec.field(default_factory=list)
    state: bool = False  # the file's state (draft/submitted…) changed
    merged: bool = False  # the step merged into the previous one (typing in one field)
    vanished: bool = False  # ... and together they change nothing: no step at all
    whole: bool = False  # the whole file was read again (``reload``)
    step: Step | None = None  # the undo step this operation made
    photo: object = None  # add_photo: the new photo
    copy: object = None  # send: the path of the copy written

    @property
    def findings(self) -> bool:
        return bool(self.added or self.removed)


class Row(msgspec.Struct):
    """One audit row: ``target``/``attribute`` went from ``old`` to ``new`` (as stored)."""

    target: str
    attribute: str
    old: object
    new: object
