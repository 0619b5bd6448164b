"""Who and when, for the audit log."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


# Where every store module's time comes from. Modules import ``now``, never this: replacing
# ``source`` (tests do, through their ``clock`` fixture) moves the time of all of them at once.
source: Callable[[], dt.datetime] = utc_now


def now() -> str:
    return source().isoformat(timespec="seconds")


def current_user() -> str:
    name = os.environ.get("FAALIYET_USER")
    if name:
        return name
    import getpass  # here: opening a file for reading never needs it

    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 -- no user database entry (containers, service accounts)
        return "bilinmiyor"
