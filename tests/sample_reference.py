"""Reads the reference report (Kars Belediyesi 2020, text extract) for the sample tests.

Two things are taken from the text, independently of the configuration:

* every indicator row and activity row of the Performans Sonuçları Tablosu
  (III-B-2), with the printed figures;
* every table title (the line above a tab-separated block) before III-B-2.

The coverage tests compare these with ``forms/kars-2020`` and the sample
value sets, so a row or a table dropped from the configuration is noticed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

# The reference report's text (shared/reference/000_d74cbfef912d6be2.txt) up to the end of
# III-B-2, the part these tests read, kept with the tests so that a fresh clone passes alone;
# line numbers are the reference's own.
REFERENCE = Path(__file__).resolve().parent / "data" / "kars-2020-reference.txt"

PERF_START = "2 – Performans Sonuçları Tablosu"
PERF_END = "3 – Performans Sonuçlarının Değerlendirilmesi"

_PG = re.compile(r"^P\.?\s?G\.?\s?(\d+)\.(\d+)\.(\d+)$")
_F = re.compile(r"^F\.(\d+)\.(\d+)\.(\d+)\.?$")
_THOUSANDS = re.compile(r"^-?\d{1,3}(\.\d{3})+$")


def reference_lines() -> list[str]:
    return REFERENCE.read_text(encoding="utf-8").splitlines()


def number(text: str) -> Decimal | None:
    """A printed figure as a Decimal: '2.000' → 2000, '3,61' → 3.61, '66,00%' → 66; '-'/'' → None."""
    s = text.strip().rstrip("%").strip()
    if s in ("", "-"):
        return None
    if "," in s:
        return Decimal(s.replace(".", "").replace(",", "."))
    if _THOUSANDS.match(s):
        return Decimal(s.replace(".", ""))
    return Decimal(s)


@dataclass
class IndicatorRow:
    line: int
    goal: str  # "1.1"
    code: str  # as printed, e.g. "P.G. 1.3.2"
    norm: str  # "1.3.2"
    weight: str
    name: str
    unit: str
    target: str
    actual: str
    rate: str
    explanation: str


@dataclass
class ActivityRow:
    line: int
    goal: str  # goal of the indicator rows above it
    number: int  # "Sıra No"
    code: str  # first code column, trailing dot removed
    name: str
    unit: str
    planned: str
    actual: str
    rate: str
    explanation: str


def _cell(cells: list[str], i: int) -> str:
    return cells[i].strip() if i < len(cells) else ""


def performance_rows() -> tuple[list[IndicatorRow], list[ActivityRow]]:
    lines = reference_lines()
    start = next(i for i, line in enumerate(lines) if line.strip() == PERF_START)
    end = next(i for i, line in enumerate(lines) if line.strip() == PERF_END)
    indicators: list[IndicatorRow] = []
    activities: list[ActivityRow] = []
    goal = ""
    for n in range(start, end):
        cells = lines[n].split("\t")
        code = _cell(cells, 2)
        m = _PG.match(code)
        if m and _cell(cells, 0).isdigit():
            goal = f"{m.group(1)}.{m.group(2)}"
            indicators.append(
                IndicatorRow(
                    n + 1,
                    goal,
                    code,
                    ".".join(m.groups()),
                    _cell(cells, 1),
                    _cell(cells, 3),
                    _cell(cells, 4),
                    _cell(cells, 5),
                    _cell(cells, 6),
                    _cell(cells, 7),
                    _cell(cells, 8),
                )
            )
            continue
        m = _F.match(_cell(cells, 1))
        if m and _cell(cells, 0).isdigit():
            code = _cell(cells, 1).rstrip(".")
            if _cell(cells, 3) == "TL" and not _cell(cells, 4):
                # the F.8.1.x rows: the name slipped into the last column
                name = next(c.strip() for c in reversed(cells) if c.strip())
                row = ActivityRow(n + 1, goal, int(_cell(cells, 0)), code, name, "TL", "", "", "", "")
            else:
                row = ActivityRow(
                    n + 1,
                    goal,
                    int(_cell(cells, 0)),
                    code,
                    _cell(cells, 3),
                    _cell(cells, 4),
                    _cell(cells, 5),
                    _cell(cells, 6),
                    _cell(cells, 7),
                    _cell(cells, 8),
                )
            activities.append(row)
            continue
        if (
            activities
            and not any(_cell(cells, i) for i in range(3))
            and _cell(cells, 3)
            and len(cells) > 4
            and activities[-1].line >= n - 6
            and not _cell(cells, 3).startswith("Hedef")
        ):
            # a name that continues on the next page
            activities[-1].name += " " + _cell(cells, 3)
    return indicators, activities


def table_titles() -> list[tuple[int, str]]:
    """(line, title) of every tab-separated table before III-B-2, plus III-B-2 itself.

    A table's title is its first row when that row has a single filled cell
    ("İTFAİYE EKİPMANLARI"), otherwise the nearest non-empty line above the
    block. A block whose nearest line above is itself a table row continues
    the previous table (a page break) and has no title of its own.
    """
    lines = reference_lines()
    end = next(i for i, line in enumerate(lines) if line.strip() == PERF_START)
    out = []
    previous_is_row = False
    for i in range(end):
        is_row = "\t" in lines[i] and lines[i].strip() != ""
        if is_row and not previous_is_row:
            filled = [c.strip() for c in lines[i].split("\t") if c.strip()]
            j = i - 1
            while j >= 0 and not lines[j].strip():
                j -= 1
            above = lines[j] if j >= 0 else ""
            if len(filled) == 1:
                out.append((i + 1, filled[0]))
            elif "\t" not in above:
                out.append((j + 1, above.strip()))
        previous_is_row = is_row
    out.append((end + 1, PERF_START))
    return out
