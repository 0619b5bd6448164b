"""A photo list: add, caption, reorder, remove.

Images are scaled down (``desktop.core.images``) and stored inside the file;
nothing refers to the original picture afterwards. Each caption editor's
``objectName`` is ``<list key>.<position>.caption``. A caption is saved as
the text editors are: after a pause in typing, on Enter or leaving it, and
when the window closes; one visit to it is one undo step.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QPalette, QPixmap
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...core.forms import PhotoListDef
from ...core.images import FORMATS
from ...core.values import text_limit
from .. import look
from ..commands import Editor
from ..i18n import tr
from . import fields

THUMB = 160


class CaptionEdit(QLineEdit):
    """Counts the visits: saves of one visit merge into one undo step."""

    visit = 0

    def focusInEvent(self, event) -> None:
        self.visit += 1
        super().focusInEvent(event)


class PhotoRow(QFrame):
    def __init__(self, owner: PhotoListEditor, photo, index: int, count: int):
        super().__init__(owner)
        self.owner, self.photo, self.index = owner, photo, index
        self.setFrameShape(QFrame.Shape.StyledPanel)
        lay = QHBoxLayout(self)
        thumb = QLabel(self)
        pix = QPixmap()
        fmt = FORMATS.get(photo.mime)  # only JPEG or PNG, never a format guessed from the bytes
        if fmt:
            pix.loadFromData(owner.editor.doc.photo_data(photo.id), fmt)
        thumb.setPixmap(pix.scaled(THUMB, THUMB, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation))
        thumb.setFixedSize(THUMB, THUMB)
        thumb.setAlignment(Qt.AlignmentFlag.AlignCenter)
        lay.addWidget(thumb)
        right = QVBoxLayout()
        title = QLabel(tr("Fotoğraf {0} / {1} — açıklama (raporda fotoğrafın altına yazılır):").format(index + 1, count), self)
        title.setWordWrap(True)  # two lines on a narrow window, never a page wider than it
        right.addWidget(title)
        self.caption = CaptionEdit(photo.caption, self)
        self.caption.setObjectName(f"{owner.key}.{index}.caption")
        self.caption.setPlaceholderText(tr("ör. Yangın tatbikatı, Mart {0}").format(owner.editor.doc.definition.year.year))
        self.caption.setMaxLength(text_limit("caption"))  # the same limit the file keeps
        self.caption.editingFinished.connect(self.commit)
        self._autosave = QTimer(self)
        self._autosave.setSingleShot(True)
        self._autosave.setInterval(fields.AUTOSAVE_MS)  # read now: tests shorten it
        self._autosave.timeout.connect(self.commit)
        self.caption.textEdited.connect(lambda _text: self._autosave.start())  # restarted by every key
        self.caption.setReadOnly(owner.editor.doc.locked)
        if owner.editor.doc.locked:
            self.caption.setPalette(look.palette((QPalette.ColorRole.Base, look.READONLY_BASE)))
        right.addWidget(self.caption)
        buttons = QHBoxLayout()
        for text, tip, slot, enabled in (
            (tr("▲ Yukarı"), tr("Fotoğrafı bir öne al"), lambda: self._move(-1), index > 0),
            (tr("▼ Aşağı"), tr("Fotoğrafı bir sona al"), lambda: self._move(1), index < count - 1),
            (tr("Sil"), tr("Fotoğrafı listeden kaldır (Ctrl+Z ile geri alınabilir)"), self._remove, True),
        ):
            b = QPushButton(text, self)
            b.setToolTip(tip)
            b.clicked.connect(slot)
            b.setEnabled(enabled and not owner.editor.doc.locked)
            buttons.addWidget(b)
        buttons.addStretch(1)
        size = QLabel(f"{photo.width} × {photo.height} px", self)
        look.text_color(size, "#666666")
        buttons.addWidget(size)
        right.addLayout(buttons)
        lay.addLayout(right, 1)

    def dirty(self) -> bool:
        return not self.caption.isReadOnly() and self.caption.text().strip() != self.photo.caption

    def commit(self) -> None:
        """Save the caption as typed (also called when the window closes: ``commit_pending``)."""
        self._autosave.stop()
        if self.dirty():
            merge = ("caption", self.photo.id, self.caption.visit)
            self.owner.editor.caption_photo(self.owner.key, self.photo, self.caption.text().strip(), merge)

    def update_photo(self, photo) -> None:
        """The stored photo changed its caption (a save, undo, redo): show it unless typing is unsaved."""
        typed = self.dirty()
        self.photo = photo
        if not typed and self.caption.text().strip() != photo.caption:
            self.caption.setText(photo.caption)

    def _move(self, delta: int) -> None:
        self.owner.editor.move_photo(self.owner.key, self.photo.id, self.index, self.index + delta)

    def _remove(self) -> None:
        self.owner.editor.remove_photo(self.owner.key, self.photo, self.index)


class PhotoListEditor(QWidget):
    def __init__(self, editor: Editor, department: str, item: PhotoListDef, parent=None):
        super().__init__(parent)
        self.editor, self.item = editor, item
        self.key = f"{department}.{item.key}"
        self.setObjectName(self.key)
        self.setAccessibleName(item.title)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        head = QHBoxLayout()
        self.count_label = QLabel(self)
        self.count_label.setWordWrap(True)
        head.addWidget(self.count_label, 1)
        self.add_button = QPushButton(tr("Fotoğraf ekle…"), self)
        self.add_button.setToolTip(tr("Bilgisayardan bir ya da birkaç fotoğraf seçin; küçültülüp dosyaya kaydedilir."))
        self.add_button.clicked.connect(self.choose)
        head.addWidget(self.add_button)
        lay.addLayout(head)
        self.rows = QVBoxLayout()
        lay.addLayout(self.rows)
        editor.doc.photosChanged.connect(self._changed)
        editor.doc.stateChanged.connect(self.rebuild)
        self.rebuild()

    def _changed(self, list_key: str) -> None:
        if list_key != self.key:
            return
        photos = self.editor.doc.photos(self.key)
        rows = [self.rows.itemAt(i).widget() for i in range(self.rows.count())]
        if [r.photo.id for r in rows] == [p.id for p in photos]:
            # only captions changed: update the rows in place, so that the caption
            # being typed keeps its editor, focus and cursor while it autosaves
            for row, photo in zip(rows, photos):
                row.update_photo(photo)
            return
        self.rebuild()

    def rebuild(self) -> None:
        # rows leave the tree at once (findChild must not see them) but are kept
        # alive until the next rebuild: one of them may be emitting the signal
        # that caused this rebuild.
        self._retired = []
        while self.rows.count():
            w = self.rows.takeAt(0).widget()
            if w is not None:
                w.hide()
                w.setParent(None)
                self._retired.append(w)
        photos = self.editor.doc.photos(self.key)
        for i, p in enumerate(photos):
            self.rows.addWidget(PhotoRow(self, p, i, len(photos)))
        self.count_label.setText(
            tr("{0} fotoğraf (en çok {1}).").format(len(photos), self.item.max_count)
            if photos
            else tr('Henüz fotoğraf yok. "Fotoğraf ekle…" ile ekleyin.')
        )
        self.add_button.setEnabled(not self.editor.doc.locked and len(photos) < self.item.max_count)

    def choose(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        # "all files" too: an iPhone's .HEIC is then chosen and told how to become a JPEG, not missing from the list
        names, _ = QFileDialog.getOpenFileNames(
            self,
            tr("Fotoğraf seçin"),
            str(Path.home()),
            tr("JPEG ya da PNG fotoğraflar (*.jpg *.jpeg *.png *.JPG *.JPEG *.PNG)") + ";;" + tr("Tüm dosyalar (*)"),
        )
        for name in names:
            self.add_file(Path(name))

    def add_file(self, path: Path, caption: str = "") -> bool:
        try:
            data = path.read_bytes()
        except OSError as exc:
            self.editor.problem.emit(tr("'{0}' okunamadı ({1}).").format(path.name, exc.strerror))
            return False
        return self.editor.add_photo(self.key, data, caption, path.name)
