"""The embedded sample: one workbook per department, filled from value sets."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..core.definition import Definition
from ..core.findings import Finding
from .exchange.valueset import import_values, read_json
from .file.workbook import SUFFIX, Workbook


@dataclass
class SampleResult:
    files: dict[str, Path] = field(default_factory=dict)  # department -> workbook
    values: int = 0
    findings: list[Finding] = field(default_factory=list)


def department_file(workdir: Path, definition: Definition, department: str) -> Path:
    return workdir / f"{definition.id}-{department}{SUFFIX}"


def build_sample(definition: Definition, sample_dir: Path, workdir: Path, user: str = "ornek") -> SampleResult:
    """(Re)create every department's workbook in ``workdir`` from ``sample_dir``.

    Only files this function names are replaced; nothing else in ``workdir``
    is touched.
    """
    workdir.mkdir(parents=True, exist_ok=True)
    result = SampleResult()
    for dept in definition.departments:
        path = department_file(workdir, definition, dept.key)
        path.unlink(missing_ok=True)
        with Workbook.create(path, definition, dept.key, user=user) as wb:
            values_file = sample_dir / f"{dept.key}.json"
            if values_file.exists():
                result.values += import_values(wb, read_json(values_file))
            result.findings += wb.findings()
        result.files[dept.key] = path
    return result
