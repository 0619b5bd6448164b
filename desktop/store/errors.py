"""Errors of the store; every message is Turkish and says what to do."""


class WorkbookError(Exception):
    """A workbook could not be opened or changed. ``str()`` is for the user."""


class NotAWorkbook(WorkbookError):
    pass


class DamagedWorkbook(WorkbookError):
    pass


class NewerWorkbook(WorkbookError):
    pass


class ReadOnlyWorkbook(WorkbookError):
    pass


class ImportRejected(WorkbookError):
    """A value set (or incoming file) was refused as a whole; ``problems`` lists why."""

    def __init__(self, message: str, problems: list[str] | None = None):
        self.problems = problems or []
        text = message if not self.problems else message + "\n" + "\n".join(f"  - {p}" for p in self.problems)
        super().__init__(text)


class StaleImport(ImportRejected):
    """An incoming file older than the one already imported for its department;
    ``merge(..., force=True)`` imports it anyway."""


class UntrustedTime(ImportRejected):
    """An incoming file with timestamps beyond the present or before the year's start;
    ``merge(..., accept_time=True)`` imports it anyway (the strategy unit's explicit decision)."""
