"""What a merge says about each file it was given (``run.py`` fills it, ``write.py`` completes it)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ...core.i18n import _
from .conflicts import Conflict, show_time

_LABELS = {
    "imported": "aktarıldı",
    "status": "yalnızca durum güncellendi",
    "unchanged": "değişiklik yok",
    "refused": "REDDEDİLDİ",
    "skipped": "atlandı",
    "planned": "aktarılabilir",
    "conflict": "ÇAKIŞMA",
}


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
            head += f" — {c['eklenen']} eklenen, {c['degisen']} değişen, {c['silinen']} silinen değer"
            if self.kept_here:
                head += f"; birleşik dosyada yapılmış {self.kept_here} değişiklik korundu"
            if self.resolved:
                ours = sum(1 for v in self.resolved.values() if v == "ours")
                head += f"; {len(self.resolved)} çakışma çözüldü ({ours} birleşikteki, {len(self.resolved) - ours} gelen)"
        if self.status in ("imported", "planned", "status") and self.state and self.state != "gonderildi":
            head += " — " + _("TASLAK: birim dosyayı henüz göndermedi")
        if self.message:
            head += ". " + self.message if self.status in ("imported", "planned") else ": " + self.message
        if self.reopened and self.status in ("imported", "planned", "status"):
            head += "\n    " + _("birim gönderimini geri aldı ({by}, {at}): {reason}").format(
                by=self.reopened.get("by", ""), at=show_time(self.reopened.get("at", "")), reason=self.reopened.get("reason", "")
            )
        if self.status in ("imported", "planned") and self.deleted:
            head += "\n" + "\n".join(f"    silinen: {d}" for d in self.deleted)
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
        return [f.line() for f in self.files]
