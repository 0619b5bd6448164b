"""The fingerprint printed on a report's last page, from the store's content hashes.

A department's report prints that department's content hash: the same hash the
clerk's submission recorded and the strategy unit's import log shows, so a
printed copy can be matched to the file it came from. The consolidated report
prints SHA-256 over the definition's digest and every department's content
hash. Same data → same fingerprint, whatever file or order it came from.
"""

from __future__ import annotations

import hashlib
import json

from ..store.file.fingerprint import content_hash
from ..store.file.workbook import Workbook


def fingerprint(wb: Workbook, department: str | None = None) -> str:
    if department:
        return content_hash(wb.conn, department)
    doc = {"definition": wb.definition.digest, "departments": {d: content_hash(wb.conn, d) for d in wb.departments}}
    return hashlib.sha256(json.dumps(doc, sort_keys=True, separators=(",", ":")).encode("utf-8")).hexdigest()
