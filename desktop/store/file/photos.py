"""Photo lists of a workbook: add, caption, reorder, remove, read.

Every change is one transaction; what it changes is read inside that transaction. A
``precondition`` (a callable given the transaction's connection) runs right after the
transaction begins, before anything is read or written: an undo passes its check that the
photo is still as the step left it there, so no other connection can write in between
(``undo.py``). It raises to refuse; the transaction is then rolled back.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass

from ...core.i18n import _
from ...core.images import ImageProblem, image_problem, normalize
from ...core.values import ValueProblem, coerce
from ..errors import WorkbookError
from .clock import now
from .workbook import Workbook

Precondition = Callable[[sqlite3.Connection], None]


@dataclass(frozen=True)
class Photo:
    id: int
    list_key: str
    position: int
    caption: str
    mime: str
    width: int
    height: int
    sha256: str


def _list_department(wb: Workbook, list_key: str) -> str:
    dept, _dot, item = list_key.partition(".")
    found = wb.definition.item(dept, item)
    if found is None or getattr(found, "kind", "") != "photos":
        raise WorkbookError(_("'{list_key}' diye bir fotoğraf listesi yok.").format(list_key=list_key))
    problem = wb._department_problem(dept)
    if wb.readonly:
        raise WorkbookError(_("Dosya salt okunur açık: {readonly_reason}").format(readonly_reason=wb.readonly_reason))
    if problem:
        raise WorkbookError(problem)
    return dept


def photo_problem(data: bytes, mime: str, width: int, height: int) -> str | None:
    """Why a stored photo (e.g. one of a file from another PC) must be refused, in Turkish, or None.

    Decodes it with Pillow, JPEG and PNG only, within a pixel limit, and checks
    that the declared mime, width and height are the image's own."""
    problem = image_problem(data, mime, width, height)
    return _("Fotoğraf kullanılamaz: {problem}.").format(problem=problem) if problem else None


def list_photos(wb: Workbook, list_key: str) -> list[Photo]:
    rows = wb.conn.execute(
        "SELECT id, list_key, position, caption, mime, width, height, sha256 FROM photo WHERE list_key = ? ORDER BY position, id",
        (list_key,),
    ).fetchall()
    return [Photo(*r) for r in rows]


def photo_data(wb: Workbook, photo_id: int) -> bytes:
    row = wb.conn.execute("SELECT data FROM photo WHERE id = ?", (photo_id,)).fetchone()
    if row is None:
        raise WorkbookError(_("Fotoğraf bulunamadı; başka bir pencerede silinmiş olabilir."))
    return row[0]


def checked_caption(caption: str) -> str:
    """A caption as stored (``core.values`` rules for the kind "caption"), or WorkbookError."""
    try:
        return coerce("caption", caption if caption is not None else "") or ""
    except ValueProblem as exc:
        raise WorkbookError(_("Fotoğraf açıklaması kaydedilmedi: {exc}").format(exc=exc)) from None


def add_photo(
    wb: Workbook,
    list_key: str,
    data: bytes,
    caption: str = "",
    name: str = "resim",
    *,
    index: int | None = None,
    precondition: Precondition | None = None,
) -> Photo:
    """Add a photo at the end of its list, or at ``index`` (then moved there in the same
    transaction, with its own "photo.move" audit row, as ``move_photo`` writes it)."""
    dept = _list_department(wb, list_key)
    caption = checked_caption(caption)
    item = wb.definition.item(dept, list_key.partition(".")[2])
    try:
        img = normalize(data, name)
    except ImageProblem as exc:
        raise WorkbookError(str(exc)) from None
    with wb.transaction() as conn:
        if precondition is not None:
            precondition(conn)
        count, last = conn.execute(
            "SELECT count(*), coalesce(max(position), -1) FROM photo WHERE list_key = ?", (list_key,)
        ).fetchone()
        if count >= item.max_count:
            raise WorkbookError(_("Bu listeye en çok {max_count} fotoğraf eklenebilir.").format(max_count=item.max_count))
        cur = conn.execute(
            "INSERT INTO photo (department, list_key, position, caption, mime, width, height, sha256, data, changed_at, changed_by) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (dept, list_key, last + 1, caption, img.mime, img.width, img.height, img.sha256, img.data, now(), wb.user),
        )
        wb._audit(conn, dept, list_key, "photo.add", None, img.sha256)
        pid = cur.lastrowid
        assert pid is not None  # an INSERT
        if index is not None and index != count:
            _reorder(wb, conn, dept, list_key, pid, index)
    return next(p for p in list_photos(wb, list_key) if p.id == pid)


def placed(conn: sqlite3.Connection, photo_id: int) -> tuple[str, int, str] | None:
    """Where a photo is: (its list, its index in the list, its caption), or None if it is gone.
    Read on ``conn`` (inside a transaction: as that transaction sees it)."""
    row = conn.execute("SELECT list_key, caption FROM photo WHERE id = ?", (photo_id,)).fetchone()
    if row is None:
        return None
    ids = [r[0] for r in conn.execute("SELECT id FROM photo WHERE list_key = ? ORDER BY position, id", (row[0],))]
    return row[0], ids.index(photo_id), row[1]


def _stored(conn: sqlite3.Connection, photo_id: int, columns: str) -> tuple:
    row = conn.execute(f"SELECT {columns} FROM photo WHERE id = ?", (photo_id,)).fetchone()
    if row is None:
        raise WorkbookError(_("Fotoğraf bulunamadı."))
    return row


def _list_of(wb: Workbook, photo_id: int, precondition: Precondition | None) -> str:
    """The photo's list (a photo never changes its list). When it is gone, the ``precondition``
    (run in a transaction of its own) says why first: an undo whose photo was deleted elsewhere
    is a change made elsewhere (``HistoryCleared``), not a bare "not found"."""
    row = wb.conn.execute("SELECT list_key FROM photo WHERE id = ?", (photo_id,)).fetchone()
    if row is None and precondition is not None:
        with wb.transaction() as conn:
            precondition(conn)
    if row is None:
        raise WorkbookError(_("Fotoğraf bulunamadı."))
    return row[0]


def set_caption(wb: Workbook, photo_id: int, caption: str, *, precondition: Precondition | None = None) -> None:
    list_key = _list_of(wb, photo_id, precondition)
    dept = _list_department(wb, list_key)
    caption = checked_caption(caption)
    with wb.transaction() as conn:
        if precondition is not None:
            precondition(conn)
        old = _stored(conn, photo_id, "caption")[0]
        if old == caption:
            return
        conn.execute(
            "UPDATE photo SET caption = ?, changed_at = ?, changed_by = ? WHERE id = ?", (caption, now(), wb.user, photo_id)
        )
        wb._audit(conn, dept, list_key, "photo.caption", old, caption)


def move_photo(wb: Workbook, photo_id: int, new_index: int, *, precondition: Precondition | None = None) -> tuple[int, int]:
    """Move a photo to ``new_index`` of its list (kept within the list); (old index, new index)."""
    list_key = _list_of(wb, photo_id, precondition)
    dept = _list_department(wb, list_key)
    with wb.transaction() as conn:
        if precondition is not None:
            precondition(conn)
        _stored(conn, photo_id, "id")  # still there
        return _reorder(wb, conn, dept, list_key, photo_id, new_index)


def _reorder(wb: Workbook, conn: sqlite3.Connection, dept: str, list_key: str, photo_id: int, new_index: int) -> tuple[int, int]:
    """Inside a transaction: put the photo at ``new_index`` (kept within the list), with its audit row."""
    ids = [r[0] for r in conn.execute("SELECT id FROM photo WHERE list_key = ? ORDER BY position, id", (list_key,))]
    old_index = ids.index(photo_id)
    new_index = max(0, min(new_index, len(ids) - 1))
    ids.insert(new_index, ids.pop(old_index))
    for pos, pid in enumerate(ids):
        conn.execute("UPDATE photo SET position = ? WHERE id = ?", (pos, pid))
    wb._audit(conn, dept, list_key, "photo.move", old_index, new_index)
    return old_index, new_index


def remove_photo(wb: Workbook, photo_id: int, *, precondition: Precondition | None = None) -> None:
    """Remove a photo; nothing to do if it is gone already (after ``precondition`` agreed)."""
    row = wb.conn.execute("SELECT list_key FROM photo WHERE id = ?", (photo_id,)).fetchone()
    if row is None and precondition is None:
        return
    dept = _list_department(wb, row[0]) if row is not None else None
    with wb.transaction() as conn:
        if precondition is not None:
            precondition(conn)
        row = conn.execute("SELECT list_key, sha256 FROM photo WHERE id = ?", (photo_id,)).fetchone()
        if row is None or dept is None:
            return
        conn.execute("DELETE FROM photo WHERE id = ?", (photo_id,))
        wb._audit(conn, dept, row[0], "photo.remove", row[1], None)
