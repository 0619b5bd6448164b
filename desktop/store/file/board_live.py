"""The board of an open consolidated file, kept up to date edit by edit.

``submission.board`` reads the whole file: every entry decoded, every check of
the year run. That is the first read of an open board. After it, ``LiveBoard``
follows the file through its audit rows (``OpenFile.catch_up``: the places an
edit wrote are re-read and only the checks they reach re-run) and counts again
only the departments those places belong to. An update after one edit does not
grow with the file: it reads the audit rows written since the last look, one
department's part of the definition, and builds the rows (linear in the
departments). A write the audit rows do not describe place by place (a merge, an
earlier year added) reads the whole file again, as the first read does.
"""

from __future__ import annotations

from .change import Change
from .document import OpenFile
from .submission import DepartmentStatus, all_states, completeness, last_imports, severities, status_rows
from .workbook import Workbook


class LiveBoard:
    """One ``DepartmentStatus`` per department of ``wb``, followed through its audit rows."""

    def __init__(self, wb: Workbook):
        self.wb = wb
        self.model = OpenFile(wb, wb.department)
        self._counts = completeness(wb.definition, self.model.entries)
        self._severity = severities(self.model.findings)
        self._states = all_states(wb)
        self._last = last_imports(wb)
        self._rows: list[DepartmentStatus] | None = None

    def update(self) -> Change:
        """Follow what was written since the last look; the next ``rows`` shows it."""
        change = self.model.catch_up()
        if change.whole:
            self._counts = completeness(self.wb.definition, self.model.entries)
        elif change.stored or change.photos or change.plan:
            self._counts.update(completeness(self.wb.definition, self.model.entries, self._departments(change)))
        if change.whole or change.findings:
            self._severity = severities(self.model.findings)
        if change.whole or change.state:
            self._states = all_states(self.wb)
            self._last = last_imports(self.wb)
        if change.whole or change.stored or change.photos or change.plan or change.findings or change.state:
            self._rows = None
        return change

    def rows(self) -> list[DepartmentStatus]:
        if self._rows is None:
            self._rows = status_rows(self.wb, self._counts, self._severity, self._states, self._last)
        return self._rows

    def _departments(self, change: Change) -> list[str]:
        """The departments whose counts an edit can change: those of the places it wrote."""
        d = self.wb.definition
        out = set()
        for place in change.stored:
            slot = d.slots.get(place)
            if slot is not None:
                out.add(slot.department)
        for key in change.plan:
            item = d.plan_item(key)
            if item is not None:
                out.add(item.department)
        for list_key in change.photos:
            slot = d.slots.get(list_key)
            head = list_key.split(".", 1)[0]
            out.add(slot.department if slot is not None else head)
        return sorted(out)
