"""SHA-256 without loading OpenSSL at start-up.

``hashlib`` loads OpenSSL's libcrypto when it is imported (~4 ms here), on the
clerk's cold start path, only to check a file's definition snapshot. Python
ships its own SHA-256 as a small extension module (``_sha256`` up to 3.11,
``_sha2`` from 3.12); it gives the same digest. ``hashlib`` is the fallback.
"""

try:  # Python 3.11
    from _sha256 import sha256
except ImportError:  # pragma: no cover - other Pythons
    try:
        from _sha2 import sha256  # type: ignore[no-redef]  # Python >= 3.12
    except ImportError:
        from hashlib import sha256  # type: ignore[no-redef]


def sha256_hex(data: bytes) -> str:
    return sha256(data).hexdigest()
