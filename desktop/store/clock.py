"""Who and when, for the audit log."""

from __future__ import annotations

import datetime as dt
import getpass
import os


def now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def current_user() -> str:
    name = os.environ.get("FAALIYET_USER")
    if name:
        return name
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 -- no user database entry (containers, service accounts)
        return "bilinmiyor"
