"""SHA-256 without loading OpenSSL at start-up.

``hashlib`` loads OpenSSL's libcrypto when it is imported (~4 ms here), on the
clerk's cold start path, only to check a file's definition snapshot. Python
ships its own SHA-256 as a small extension module (``_sha256`` up to 3.11,
``_sha2`` from 3.12); it gives the same digest. ``hashlib`` is the fallback.
"""

import sys

try:  # Python 3.11
    from _sha256 import sha256
except ImportError:  # pragma: no cover - other Pythons
    try:
        from _sha2 import sha256  # type: ignore[no-redef]  # Python >= 3.12
    except ImportError:
        from hashlib import sha256  # type: ignore[no-redef]


# OpenSSL's SHA-256 is ~5x faster here (0,4 against 2,2 ms for 713 KB, a year of 120 departments'
# stored definition): used once loaded, and loaded for data from this size (its ~4 ms then pay).
OPENSSL_FROM = 1536 * 1024


def sha256_hex(data: bytes) -> str:
    if len(data) >= OPENSSL_FROM or "hashlib" in sys.modules:
        import hashlib  # noqa: PLC0415 - see the module's docstring

        return hashlib.sha256(data).hexdigest()
    return sha256(data).hexdigest()
