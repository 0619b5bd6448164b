"""The fingerprint printed on a report's last page, from the store's content hashes.

A department's report prints that department's content hash: the same hash the
clerk's submission recorded and the strategy unit's import log shows, so a
printed copy can be matched to the file it came from. The consolidated report
prints SHA-256 over the definition's digest and every department's content
hash. Same data → same fingerprint, whatever file or order it came from.
The earlier years a file holds are printed too (previous-year columns, the
performance table's previous year, trends): when it holds any, their hash
(``history_hash``) is part of the fingerprint.
"""

from __future__ import annotations

import hashlib
import json

from ..store.file.fingerprint import content_hash, history_hash
from ..store.file.workbook import Workbook


def fingerprint(wb: Workbook, department: str | None = None) -> str:
    history = history_hash(wb.conn, department)
    if department:
        own = content_hash(wb.conn, department)
        if history is None:
            return own
        doc: dict = {"content": own, "history": history}
        return hashlib.sha256(json.dumps(doc, sort_keys=True, separators=(",", ":")).encode("utf-8")).hexdigest()
    doc = {"definition": wb.definition.digest, "departments": {d: content_hash(wb.conn, d) for d in wb.departments}}
    if history is not None:
        doc["history"] = history
    return hashlib.sha256(json.dumps(doc, sort_keys=True, separators=(",", ":")).encode("utf-8")).hexdigest()
