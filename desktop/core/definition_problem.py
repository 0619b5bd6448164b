"""A problem of a definition folder: the file, the line and the place in its data, and what is wrong.

The loader collects every problem of every file (``loader.load_definition``) and raises them
together as one ``DefinitionError``, so one run shows them all.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    file: str
    line: int | None
    place: str
    message: str

    def __str__(self) -> str:
        where = self.file + (f":{self.line}" if self.line else "")
        return f"{where}: {self.place + ': ' if self.place else ''}{self.message}"


class DefinitionError(Exception):
    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))
