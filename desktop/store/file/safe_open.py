"""Opening workbook files defensively.

Files arrive on USB sticks and by e-mail: nothing in them is trusted until it
has been checked. The checks, in order: the file's header (before SQLite
reads it), no WAL, a hot journal only for local files, ``quick_check``, the
application id, the schema version and the exact schema (no triggers, views or
altered tables). ``trusted_schema`` is off and size limits are set so that a
hostile file can neither run code nor exhaust memory.
"""

from __future__ import annotations

import os
import sqlite3
import stat
import urllib.parse
from functools import cache
from pathlib import Path

from ...core.i18n import _
from ..errors import DamagedWorkbook, NewerWorkbook, NotAWorkbook, WorkbookError
from .network_path import on_network
from .schema import APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION
from .stored_values import text_factory
from .temporary_place import in_temporary_folder

HEADER = b"SQLite format 3\x00"
MAX_VALUE_BYTES = 64 * 1024 * 1024  # a photo is scaled down long before this


def check_header(path: Path, incoming: bool) -> None:
    name = path.name
    st = file_stat(path)
    try:
        with path.open("rb") as fh:
            head = fh.read(100)
    except OSError as exc:
        raise unreadable(name, exc) from None
    check_head(path, head, st.st_size)
    if incoming:
        check_no_journal(path)


def file_stat(path: Path) -> os.stat_result:
    """The file's ``os.stat``, or the Turkish reason it is no file to open (missing, a folder, unreadable)."""
    name = path.name
    try:
        st = path.stat()
    except (FileNotFoundError, NotADirectoryError):
        raise WorkbookError(_("'{name}' bulunamadı. Dosyanın yerini ve adını kontrol edin.").format(name=name)) from None
    except OSError as exc:
        raise unreadable(name, exc) from None
    if not stat.S_ISREG(st.st_mode):
        raise NotAWorkbook(_("'{name}' bir dosya değil (klasör olabilir). Bir .faaliyet dosyası seçin.").format(name=name))
    return st


def unreadable(name: str, exc: OSError) -> WorkbookError:
    return WorkbookError(
        _("'{name}' okunamadı ({strerror}). Dosyanın izinlerini ve diskin takılı olduğunu kontrol edin.").format(
            name=name, strerror=exc.strerror
        )
    )


ZIP = b"PK\x03\x04"  # a zip archive's first bytes (an .xlsx is one too)


def _not_a_workbook(name: str, head: bytes) -> str:
    """Why a file that is no SQLite file is not a Faaliyet file, and what to do; the two that come
    instead of one most often said by name (a zip made for e-mail, the filled Excel template)."""
    if head.startswith(ZIP) and name.lower().endswith((".xlsx", ".xlsm")):
        return _(
            "'{name}' bir Excel dosyası, Faaliyet dosyası değil. Doldurulmuş Excel şablonundaki değerleri almak için birimin Faaliyet dosyasını açıp Dosya → 'Excel şablonundan doldur…' komutunu kullanın."
        ).format(name=name)
    if head.startswith(ZIP):
        return _(
            "'{name}' sıkıştırılmış bir klasör (.zip), Faaliyet dosyası değil. İçindeki .faaliyet dosyalarını bir klasöre çıkarın (sağ tık → 'Tümünü ayıkla'), sonra o dosyaları seçin."
        ).format(name=name)
    return _("'{name}' bir Faaliyet dosyası değil. Birimden gelen .faaliyet dosyasını seçin.").format(name=name)


def check_head(path: Path, head: bytes, size: int) -> None:
    """The checks of a file's first bytes (``head``: its first 100 or more, fewer when the file is
    shorter) and its ``size`` (``os.stat``)."""
    name = path.name
    if size == 0:
        raise NotAWorkbook(
            _("'{name}' boş (0 bayt). Dosya eksik kopyalanmış olabilir; göndereninden yeniden isteyin.").format(name=name)
        )
    head = head[:100]
    if not head.startswith(HEADER) or len(head) < 100:
        raise NotAWorkbook(_not_a_workbook(name, head))
    page_size = int.from_bytes(head[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or page_size & (page_size - 1) or size % page_size:
        raise DamagedWorkbook(
            _(
                "'{name}' bozuk ya da eksik kopyalanmış (boyutu sayfa boyutunun katı değil). Göndereninden dosyayı yeniden isteyin."
            ).format(name=name)
        )
    if head[18] == 2 or head[19] == 2:
        wal = Path(str(path) + "-wal")
        what = _("yanındaki -wal dosyası eksik") if not wal.exists() else _("tek parça değil (-wal dosyasıyla birlikte)")
        raise NotAWorkbook(
            _(
                "'{name}' WAL kipinde kaydedilmiş ve {what}. Faaliyet dosyaları tek parçadır: dosyayı Faaliyet'te 'Gönder…' ile yeniden oluşturup gönderin."
            ).format(name=name, what=what)
        )
    if (
        head[18:24] != b"\x01\x01\x00\x40\x20\x20"
        or head[44:48] != b"\x00\x00\x00\x04"
        or head[56:60] != b"\x00\x00\x00\x01"
        or head[64:68] != bytes(4)
        or head[72:92] != bytes(20)
    ):
        # Faaliyet always writes these header fields the same way (rollback journal, no
        # reserved bytes, schema format 4, UTF-8, no auto-vacuum); SQLite itself ignores
        # some of them, so a flipped byte here would otherwise go unnoticed.
        raise DamagedWorkbook(
            _(
                "'{name}' bozuk: dosya başlığı beklenen değerleri taşımıyor. Dosyanın yedeğini ya da göndereninden yeni bir kopyasını kullanın."
            ).format(name=name)
        )


def check_no_journal(path: Path) -> None:
    """A file from elsewhere with a ``-journal`` beside it was copied while being written: refused."""
    journal = Path(str(path) + "-journal")
    if journal.exists():
        raise DamagedWorkbook(
            _(
                "'{name}' yazılırken kopyalanmış (yanında '{name2}' var). Dosyayı gönderen bilgisayarda Faaliyet'le bir kez açıp kapatsın, sonra 'Gönder…' ile yeniden göndersin."
            ).format(name=path.name, name2=journal.name)
        )


def connect(path: Path, readonly: bool) -> sqlite3.Connection:
    uri = "file:" + urllib.parse.quote(absolute(path)) + ("?mode=ro" if readonly else "?mode=rw")
    try:
        conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
    except sqlite3.Error as exc:
        raise WorkbookError(
            _("'{name}' açılamadı ({exc}). Dosyanın izinlerini kontrol edin.").format(name=path.name, exc=exc)
        ) from None
    return defended(conn)


def checking_connection(factory: type[sqlite3.Connection] = sqlite3.Connection) -> sqlite3.Connection:
    """An empty in-memory database with every setting of ``connect``: a merge loads each
    private copy into it in turn (``merge/incoming.py``), so that its settings are made once.
    ``factory``: the connection's class."""
    return defended(sqlite3.connect(":memory:", uri=True, isolation_level=None, check_same_thread=False, factory=factory))


def defended(conn: sqlite3.Connection) -> sqlite3.Connection:
    """``conn`` with the settings every connection to a file from elsewhere has (see the module)."""
    conn.text_factory = text_factory  # invalid UTF-8 is a finding, never an exception
    conn.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, MAX_VALUE_BYTES)
    conn.setlimit(sqlite3.SQLITE_LIMIT_SQL_LENGTH, 1_000_000)
    conn.setlimit(sqlite3.SQLITE_LIMIT_ATTACHED, 2)
    conn.execute("PRAGMA trusted_schema = OFF")
    conn.execute("PRAGMA cell_size_check = ON")
    conn.execute("PRAGMA mmap_size = 0")
    conn.execute("PRAGMA busy_timeout = 3000")
    return conn


@cache
def expected_schema(version: int) -> frozenset:
    """(type, name, tbl_name, sql) of every object a file of ``version`` has."""
    mem = sqlite3.connect(":memory:")
    for v in range(1, version + 1):
        MIGRATIONS[v](mem)
    rows = mem.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall()
    mem.close()
    return frozenset(rows)


def unreadable_database(name: str, exc: sqlite3.Error) -> DamagedWorkbook:
    """SQLite could not read the file (its first read, or attaching it, failed)."""
    return DamagedWorkbook(
        _("'{name}' bozuk: SQLite dosyası okunamıyor ({exc}). Dosyanın yedeğini ya da yeni bir kopyasını kullanın.").format(
            name=name, exc=exc
        )
    )


def verify(conn: sqlite3.Connection, name: str, schema: str = "main") -> int:
    """Run every check on an open connection (on its database ``schema``: ``main``, or a file
    attached under that name); returns the schema version."""
    s = schema
    try:
        result = [r[0] for r in conn.execute(f"PRAGMA {s}.quick_check(20)")]
    except sqlite3.DatabaseError as exc:
        raise unreadable_database(name, exc) from None
    if result != ["ok"]:
        raise DamagedWorkbook(
            _(
                "'{name}' bozuk: bütünlük denetimi başarısız ({join}). Dosyanın yedeğini ya da göndereninden yeni bir kopyasını kullanın."
            ).format(name=name, join="; ".join(_findings(result)[:3]))
        )
    app_id = conn.execute(f"PRAGMA {s}.application_id").fetchone()[0]
    if app_id != APPLICATION_ID:
        raise NotAWorkbook(
            _(
                "'{name}' başka bir uygulamanın SQLite dosyası, Faaliyet dosyası değil. Birimden gelen .faaliyet dosyasını seçin."
            ).format(name=name)
        )
    version = conn.execute(f"PRAGMA {s}.user_version").fetchone()[0]
    if version > SCHEMA_VERSION:
        raise NewerWorkbook(
            _(
                "'{name}' Faaliyet'in daha yeni bir sürümüyle oluşturulmuş (şema {version}; bu sürüm {schema_version}'e kadar okur). Faaliyet'i güncelleyin."
            ).format(name=name, version=version, schema_version=SCHEMA_VERSION)
        )
    if version < 1:
        raise NotAWorkbook(
            _("'{name}' tamamlanmamış bir Faaliyet dosyası (şema sürümü yok). Dosyayı yeniden oluşturun.").format(name=name)
        )
    found = _schema(conn, s)
    extra = found - expected_schema(version)
    missing = expected_schema(version) - found
    if extra or missing:
        what = sorted({f"{t} {n}" for t, n, _x, _y in extra | missing})
        raise DamagedWorkbook(
            _(
                "'{name}' beklenmeyen bir yapı içeriyor ({join}). Güvenlik için açılmadı; dosyayı gönderenden Faaliyet'in 'Gönder…' komutuyla yeniden isteyin."
            ).format(name=name, join=", ".join(what[:5]))
        )
    oversized = _oversized(conn, s)
    if oversized:
        raise DamagedWorkbook(
            _(
                "'{name}' olağan dışı büyük bir değer içeriyor ({oversized}; en çok {max_value_bytes} MB). Güvenlik için açılmadı; dosyayı göndereninden 'Gönder…' ile yeniden isteyin."
            ).format(name=name, oversized=oversized, max_value_bytes=MAX_VALUE_BYTES // (1024 * 1024))
        )
    return version


def _findings(result: list) -> list[str]:
    """quick_check's findings one by one: for an attached database SQLite gives them as one text
    of many lines under a heading with its name for it ("*** in database inc ***"), which means
    nothing to the user (and is the merge's internal name)."""
    lines = (line.strip() for row in result for line in str(row).splitlines())
    return [line for line in lines if line and not (line.startswith("*** in database") and line.endswith("***"))]


def _schema(conn: sqlite3.Connection, schema: str = "main") -> set:
    """The file's (type, name, tbl_name, sql) rows, decoded by SQLite (a Python call per text was
    most of reading them); with a text that is not UTF-8, read again through the connection's own
    text factory (``stored_values.text_factory``: ``BadText``, which matches no expected row)."""
    factory = conn.text_factory
    conn.text_factory = str
    try:
        return set(conn.execute(f"SELECT type, name, tbl_name, sql FROM {schema}.sqlite_master").fetchall())
    except sqlite3.OperationalError as exc:
        if not str(exc).startswith(NOT_UTF8):
            raise
    finally:
        conn.text_factory = factory
    return set(conn.execute(f"SELECT type, name, tbl_name, sql FROM {schema}.sqlite_master").fetchall())


def absolute(path: Path) -> str:
    """The path for SQLite's URI: as it is when absolute and plain (a private copy's, a workbook
    opened by its full name), else resolved (``Path.resolve`` looks at every folder on the way)."""
    if path.is_absolute() and ".." not in path.parts:
        return str(path)
    return str(path.resolve())


# the error sqlite3 raises when a text read with ``text_factory = str`` is not UTF-8
NOT_UTF8 = "Could not decode to UTF-8"


def _oversized(conn: sqlite3.Connection, schema: str = "main") -> str | None:
    """The first column holding a value over MAX_VALUE_BYTES, or None.

    Runs after the schema check, so every name is one of ours. ``length()`` of
    a blob reads only its size; a text over the limit is refused by SQLite
    itself ("too big") before it is read, so memory stays bounded. One pass
    over each table measures all its columns (the audit log grows all year).

    A value is stored in the file's own pages (``quick_check``, which ran
    before, has followed every overflow chain and found each within the
    file's page count), and ``length()`` is at most its bytes: in a database
    no larger than MAX_VALUE_BYTES no value can be over it, so such a file
    (every department file of a year) is not read a second time.
    """
    s = schema
    page_size = conn.execute(f"PRAGMA {s}.page_size").fetchone()[0]
    if conn.execute(f"PRAGMA {s}.page_count").fetchone()[0] * page_size <= MAX_VALUE_BYTES:
        return None
    tables = [r[0] for r in conn.execute(f"SELECT name FROM {s}.sqlite_master WHERE type = 'table' ORDER BY name")]
    for table in tables:
        columns = [r[1] for r in conn.execute(f'PRAGMA {s}.table_info("{table}")')]
        if not columns:
            continue
        try:
            biggest = conn.execute(
                "SELECT " + ", ".join(f'max(length("{c}"))' for c in columns) + f' FROM {s}."{table}"'
            ).fetchone()
        except sqlite3.DataError:
            biggest = None  # too big to measure: find the column one by one
        for i, column in enumerate(columns):
            if biggest is None:
                try:
                    size = conn.execute(f'SELECT max(length("{column}")) FROM {s}."{table}"').fetchone()[0]
                except sqlite3.DataError:
                    return f"{table}.{column}"
            else:
                size = biggest[i]
            if size is not None and size > MAX_VALUE_BYTES:
                return f"{table}.{column}"
    return None


def writable_reason(path: Path) -> str | None:
    """Why a file must open read-only (read-only media, network path, a temporary folder), or None."""
    if on_network(path):
        return _(
            "Dosya bir ağ konumunda (paylaşılan klasör, ağ sürücüsü ya da ağa yönlendirilmiş klasör); "
            "ağ üzerindeki dosyalar yalnızca okunur açılır."
        )
    if not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK):
        return _("Dosya ya da bulunduğu klasör yazmaya kapalı (salt okunur disk, CD ya da kilitli USB bellek).")
    if in_temporary_folder(path):
        return _(
            "Dosya geçici bir klasörde (bir e-postanın ekinden ya da sıkıştırılmış bir klasörün içinden açılmış); "
            "oraya yazılanlar sonradan silinebilir."
        )
    return None
