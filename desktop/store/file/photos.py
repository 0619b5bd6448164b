"""Photo lists of a workbook: add, caption, reorder, remove, read."""

from __future__ import annotations

from dataclasses import dataclass

from ...core.i18n import _
from ...core.images import ImageProblem, image_problem, normalize
from ...core.values import ValueProblem, coerce
from ..errors import WorkbookError
from .clock import now
from .workbook import Workbook


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


def add_photo(wb: Workbook, list_key: str, data: bytes, caption: str = "", name: str = "resim") -> Photo:
    dept = _list_department(wb, list_key)
    caption = checked_caption(caption)
    item = wb.definition.item(dept, list_key.partition(".")[2])
    try:
        img = normalize(data, name)
    except ImageProblem as exc:
        raise WorkbookError(str(exc)) from None
    with wb.transaction() as conn:
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
    return next(p for p in list_photos(wb, list_key) if p.id == pid)


def set_caption(wb: Workbook, photo_id: int, caption: str) -> None:
    row = wb.conn.execute("SELECT list_key, caption FROM photo WHERE id = ?", (photo_id,)).fetchone()
    if row is None:
        raise WorkbookError(_("Fotoğraf bulunamadı."))
    dept = _list_department(wb, row[0])
    caption = checked_caption(caption)
    if row[1] == caption:
        return
    with wb.transaction() as conn:
        conn.execute(
            "UPDATE photo SET caption = ?, changed_at = ?, changed_by = ? WHERE id = ?", (caption, now(), wb.user, photo_id)
        )
        wb._audit(conn, dept, row[0], "photo.caption", row[1], caption)


def move_photo(wb: Workbook, photo_id: int, new_index: int) -> None:
    row = wb.conn.execute("SELECT list_key FROM photo WHERE id = ?", (photo_id,)).fetchone()
    if row is None:
        raise WorkbookError(_("Fotoğraf bulunamadı."))
    dept = _list_department(wb, row[0])
    ids = [p.id for p in list_photos(wb, row[0])]
    old_index = ids.index(photo_id)
    ids.insert(max(0, min(new_index, len(ids) - 1)), ids.pop(old_index))
    with wb.transaction() as conn:
        for pos, pid in enumerate(ids):
            conn.execute("UPDATE photo SET position = ? WHERE id = ?", (pos, pid))
        wb._audit(conn, dept, row[0], "photo.move", old_index, new_index)


def remove_photo(wb: Workbook, photo_id: int) -> None:
    row = wb.conn.execute("SELECT list_key, sha256 FROM photo WHERE id = ?", (photo_id,)).fetchone()
    if row is None:
        return
    dept = _list_department(wb, row[0])
    with wb.transaction() as conn:
        conn.execute("DELETE FROM photo WHERE id = ?", (photo_id,))
        wb._audit(conn, dept, row[0], "photo.remove", row[1], None)
