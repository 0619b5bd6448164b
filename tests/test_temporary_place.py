"""A file opened from an e-mail or from inside a zip lies in a temporary folder: it opens read-only."""

from __future__ import annotations

import pytest

from desktop.store.file.temporary_place import in_temporary_folder

TEMP = r"C:\Users\Ayse\AppData\Local\Temp"


def temporary(path: str, temp: str = TEMP) -> bool:
    return in_temporary_folder(path, windows=True, temp_dir=temp, resolve=lambda p: p)


@pytest.mark.parametrize(
    "path",
    [
        TEMP + r"\Temp1_itfaiye.zip\kars-2020-itfaiye.faaliyet",  # opened inside a zip in Explorer
        r"c:\users\ayse\appdata\local\temp\kars-2020-itfaiye.faaliyet",  # Windows names are not case-sensitive
        r"C:\Users\Ayse\AppData\Local\Microsoft\Windows\INetCache\Content.Outlook\AB12CD34\kars-2020-itfaiye.faaliyet",
        r"C:\Users\Ayse\AppData\Local\Microsoft\Olk\Attachments\ooa-5f1c\kars-2020-itfaiye.faaliyet",  # the new Outlook
    ],
)
def test_an_attachment_or_a_file_inside_a_zip_is_in_a_temporary_folder(path):
    assert temporary(path)


@pytest.mark.parametrize(
    "path",
    [
        r"C:\Users\Ayse\Documents\kars-2020-itfaiye.faaliyet",
        r"C:\Users\Ayse\Desktop\Faaliyet\kars-2020-itfaiye.faaliyet",
        r"C:\Users\Ayse\AppData\Local\Temp2\kars-2020-itfaiye.faaliyet",  # a neighbour of the folder, not inside it
        r"D:\Temp\kars-2020-itfaiye.faaliyet",  # a folder the user made and named so
        r"E:\Olk\kars-2020-itfaiye.faaliyet",
        TEMP,  # the folder itself is no file in it
    ],
)
def test_a_lasting_place_is_not(path):
    assert not temporary(path)


def test_a_junction_or_short_name_is_resolved_first():
    short = r"C:\Users\AYSE~1\AppData\Local\Temp"
    names = {short: TEMP, short + r"\x.faaliyet": TEMP + r"\x.faaliyet"}
    assert in_temporary_folder(short + r"\x.faaliyet", windows=True, temp_dir=short, resolve=lambda p: names.get(p, p))


def test_only_on_windows():
    assert not in_temporary_folder("/tmp/kars-2020-itfaiye.faaliyet", windows=False, temp_dir="/tmp")


@pytest.mark.definition("small")
@pytest.mark.usefixtures("private_settings")
def test_a_file_in_a_temporary_folder_opens_read_only_with_the_offer_to_copy_it(qtbot, workbook_path, monkeypatch):
    """The clerk double-clicked the file in an e-mail: the window says why it cannot be written there
    and offers the copy to a lasting place (the banner's button), which then opens for editing."""
    from pathlib import Path

    from PySide6.QtWidgets import QFileDialog
    from ui_support import make_window

    from desktop.store.file import safe_open

    monkeypatch.setattr(safe_open, "in_temporary_folder", lambda p: Path(p) == workbook_path)
    win = make_window(qtbot, workbook_path)
    assert win.doc.readonly
    text = win.view.banner.label.text()
    assert "geçici bir klasörde" in text and "e-posta" in text and "silinebilir" in text
    dest = workbook_path.parent / "kalici" / workbook_path.name
    dest.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(dest), ""))
    win.view.banner.button.click()
    assert win.doc.path == dest and not win.doc.readonly
    win.close()


def test_the_temporary_folder_can_be_named(monkeypatch):
    monkeypatch.setenv("FAALIYET_TEMP_DIR", r"D:\Gecici")
    assert in_temporary_folder(r"D:\Gecici\x.faaliyet", windows=True, resolve=lambda p: p)
    assert not in_temporary_folder(TEMP + r"\x.faaliyet", windows=True, resolve=lambda p: p)
