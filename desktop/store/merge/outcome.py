"""What a merge says about each file it was given (``run.py`` fills it, ``write.py`` completes it)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ...core.i18n import _, lazy
from .conflicts import Conflict, show_time

_LABELS = {
    "imported": lazy("aktarıldı"),
    "status": lazy("yalnızca durum güncellendi"),
    "unchanged": lazy("değişiklik yok"),
    "refused": lazy("REDDEDİLDİ"),
    "skipped": lazy("atlandı"),
    "planned": lazy("aktarılabilir"),
    "conflict": lazy("ÇAKIŞMA"),
}
# the order a report lists the files in: what needs the user first, what changed nothing last
IMPORTANCE = ("refused", "conflict", "imported", "status", "planned", "skipped", "unchanged")


@dataclass
class FileOutcome:
    path: Path
    status: str = "planned"  # imported | status | unchanged | refused | skipped | planned | conflict
    department: str = ""
    message: str = ""
    stale: bool = False  # refused only as older than the last import: force would take it
    untrusted_time: bool = False  # refused only for its timestamps: accept_time would take it
    deleted: list[str] = field(default_factory=list)  # what the import removes (labels), listed after the line
    changes: dict = field(default_factory=lambda: {"eklenen": 0, "degisen": 0, "silinen": 0})
    kept_here: int = 0
    resolved: dict = field(default_factory=dict)  # conflict id -> "ours" | "theirs"
    conflicts: list[Conflict] = field(default_factory=list)
    state: str = ""  # the incoming file's state: anything but gonderildi is a draft
    reopened: dict | None = None  # a submission the clerk took back since the last import: {"at", "by", "reason"}

    def line(self) -> str:
        head = f"{self.path.name}: {_LABELS[self.status]}"
        if self.department:
            head += f" ({self.department})"
        if self.status in ("imported", "planned"):
            c = self.changes
            head += _(" — {eklenen} eklenen, {degisen} değişen, {silinen} silinen değer").format(
                eklenen=c["eklenen"], degisen=c["degisen"], silinen=c["silinen"]
            )
            if self.kept_here:
                head += _("; birleşik dosyada yapılmış {kept_here} değişiklik korundu").format(kept_here=self.kept_here)
            if self.resolved:
                ours = sum(1 for v in self.resolved.values() if v == "ours")
                head += _("; {n} çakışma çözüldü ({ours} birleşikteki, {n2} gelen)").format(
                    n=len(self.resolved), ours=ours, n2=len(self.resolved) - ours
                )
        if self.status in ("imported", "planned", "status") and self.state and self.state != "gonderildi":
            head += " — " + _("TASLAK: birim dosyayı henüz göndermedi")
        if self.message:
            head += ". " + self.message if self.status in ("imported", "planned") else ": " + self.message
        if self.reopened and self.status in ("imported", "planned", "status"):
            head += "\n    " + _("birim gönderimini geri aldı ({by}, {at}): {reason}").format(
                by=self.reopened.get("by", ""), at=show_time(self.reopened.get("at", "")), reason=self.reopened.get("reason", "")
            )
        if self.status in ("imported", "planned") and self.deleted:
            head += "\n" + "\n".join(_("    silinen: {label}").format(label=d) for d in self.deleted)
        return head


@dataclass
class MergeResult:
    files: list[FileOutcome] = field(default_factory=list)

    @property
    def refused(self) -> bool:
        return any(f.status == "refused" for f in self.files)

    @property
    def conflicts(self) -> list[Conflict]:
        return [c for f in self.files for c in f.conflicts]

    def summary_lines(self) -> list[str]:
        """A line a file, in the order given."""
        return [f.line() for f in self.files]

    def headline(self) -> str:
        """How many files ended how ("22 dosya: 1 REDDEDİLDİ, 21 değişiklik yok")."""
        counts = Counter(f.status for f in self.files)
        parts = ", ".join(f"{counts[s]} {_LABELS[s]}" for s in IMPORTANCE if counts[s])
        return _("{n} dosya: {parts}").format(n=len(self.files), parts=parts)

    def report_lines(self) -> list[str]:
        """The headline, then a line a file, what needs the user first (a refused file is not the
        last of twenty-two lines, under twenty-one that say nothing changed); none without files."""
        if not self.files:
            return []
        ordered = sorted(self.files, key=lambda f: IMPORTANCE.index(f.status))
        return [self.headline(), "", *(f.line() for f in ordered)]
