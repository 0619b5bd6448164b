"""The Qt side of ``store.year_board.YearBoard``: the same model, with a signal.

Every action of the model goes through here and ends with ``changed`` (the
``Change`` record; None when the action was refused, after which the board
is read again all the same). Widgets show what the model holds and call it;
none of them opens the file, merges or runs SQL.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from ...store.file.workbook import Workbook
from ...store.year_board import Change, YearBoard


class YearModel(QObject):
    changed = Signal(object)  # Change | None

    def __init__(self, wb: Workbook, parent=None):
        super().__init__(parent)
        self.board = YearBoard(wb)

    @property
    def wb(self) -> Workbook:
        return self.board.wb

    def refresh(self) -> None:
        """Something changed the file behind the model (an edit of the chapters or settings)."""
        self.board.refresh()
        self.changed.emit(None)

    def _run(self, action, *args) -> Change:
        change = None
        try:
            change = action(*args)
            return change
        finally:
            self.changed.emit(change)

    def accept(self, department: str) -> Change:
        return self._run(self.board.accept, department)

    def send_back(self, department: str, note: str, out=None, fields=()) -> Change:
        return self._run(self.board.send_back, department, note, out, fields)

    def conflicted(self, conflicts: list) -> Change:
        return self._run(self.board.conflicted, conflicts)

    def merged(self, result) -> Change:
        return self._run(self.board.merged, result)

    def distribute(self, folder) -> Change:
        return self._run(self.board.distribute, folder)

    def next_year(self, year: int, folder, out) -> Change:
        return self.board.next_year(year, folder, out)  # this file does not change

    def add_years(self, paths) -> Change:
        return self._run(self.board.add_years, paths)

    def export_excel(self, out) -> Change:
        return self.board.export_excel(out)  # the board does not change
