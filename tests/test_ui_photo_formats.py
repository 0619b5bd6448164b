"""The window draws a photo's thumbnail only as the JPEG or PNG it is declared to be."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel
from ui_support import make_window, widget

from bench.attacks_definition import PHOTO_LIST, picture, store_photo

pytestmark = [pytest.mark.definition("small"), pytest.mark.usefixtures("private_settings")]


def test_thumbnails_decode_only_jpeg_or_png(qtbot, workbook_path):
    from desktop.ui.editors.photos import PhotoRow

    store_photo(workbook_path, picture("PNG"), "image/png", 8, 6)
    store_photo(workbook_path, picture("GIF"), "image/gif", 8, 6)  # a format Qt would decode if asked to guess
    store_photo(workbook_path, picture("GIF"), "image/png", 8, 6)  # declared PNG: Qt's PNG reader refuses it
    win = make_window(qtbot, workbook_path)
    try:
        win.view.navigator.select("fotograflar")
        rows = sorted(widget(win, PHOTO_LIST).findChildren(PhotoRow), key=lambda r: r.index)
        thumbs = [row.findChildren(QLabel)[0].pixmap() for row in rows]
        assert [t is not None and not t.isNull() for t in thumbs] == [True, False, False]
    finally:
        win.close()
