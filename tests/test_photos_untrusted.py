"""Photos are decoded as JPEG or PNG only, within pixel limits; a stored photo's mime and size must be its own."""

from __future__ import annotations

import subprocess

import pytest

from bench.attacks_definition import PHOTO_LIST, bomb_png, eps, picture, pillow_formats, store_photo
from desktop.store.errors import WorkbookError
from desktop.store.file.photos import add_photo, list_photos, photo_problem
from desktop.store.file.workbook import Workbook


@pytest.mark.parametrize("fmt,mime", [("JPEG", "image/jpeg"), ("PNG", "image/png")])
def test_a_genuine_photo_passes(fmt, mime):
    assert photo_problem(picture(fmt), mime, 8, 6) is None


@pytest.mark.parametrize(
    "data,mime,size,expected",
    [
        (b"<html>", "image/jpeg", (8, 6), "okunabilen bir JPEG resmi değil"),
        (eps(), "image/jpeg", (8, 6), "okunabilen bir JPEG resmi değil"),
        (eps(), "application/postscript", (8, 6), "kabul edilmiyor; yalnız JPEG ve PNG"),
        (picture("GIF"), "image/gif", (8, 6), "kabul edilmiyor"),
        (picture("GIF"), "image/png", (8, 6), "okunabilen bir PNG resmi değil"),
        (picture("TIFF"), "image/jpeg", (8, 6), "okunabilen bir JPEG resmi değil"),
        (picture("PNG"), "image/jpeg", (8, 6), "okunabilen bir JPEG resmi değil"),
        (picture("JPEG"), "image/jpeg", (80, 60), "boyutu kayıtlı boyutla tutmuyor (8×6, kayıtta 80×60)"),
        (picture("JPEG", (400, 300))[:300], "image/jpeg", (400, 300), "okunabilen bir JPEG resmi değil"),
        (bomb_png(), "image/png", (40_000, 40_000), "resim çok büyük"),
        (b"", "image/png", (8, 6), "resim verisi yok"),
    ],
)
def test_anything_else_is_refused_with_a_turkish_reason(data, mime, size, expected):
    problem = photo_problem(data, mime, *size)
    assert problem is not None and expected in problem and problem.startswith("Fotoğraf kullanılamaz")


def test_an_oversized_blob_is_refused_before_decoding():
    assert "çok büyük" in photo_problem(b"\x89PNG" + b"\0" * (11 * 1024 * 1024), "image/png", 8, 6)


@pytest.mark.parametrize("data", [picture("GIF"), picture("TIFF"), eps(), bomb_png()])
def test_adding_anything_but_jpeg_or_png_is_refused(workbook, data):
    with pytest.raises(WorkbookError, match="JPEG ya da PNG|çok büyük"):
        add_photo(workbook, PHOTO_LIST, data, name="x")
    assert list_photos(workbook, PHOTO_LIST) == []


@pytest.mark.parametrize("fmt", ["JPEG", "PNG"])
def test_adding_jpeg_or_png_still_works(workbook, fmt):
    photo = add_photo(workbook, PHOTO_LIST, picture(fmt, (40, 30)), name="x")
    assert (photo.mime, photo.width, photo.height) == ("image/jpeg", 40, 30)


def test_the_report_shows_why_a_stored_photo_is_not_printed_and_never_opens_it(workbook_path, tmp_path):
    from desktop.cli import main

    store_photo(workbook_path, eps(), "image/jpeg", 8, 6)
    with Workbook.open(workbook_path) as wb:
        add_photo(wb, PHOTO_LIST, picture("PNG", (40, 30)), name="x")
    out = tmp_path / "birim.pdf"
    with pillow_formats() as seen:
        assert main(["build", str(workbook_path), "--out", str(out)]) == 0
    assert set(seen) <= {"JPEG", "PNG"} and "JPEG" in seen  # the good photo is printed
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    assert "Fotoğraf kullanılamaz: kayıtlı veri okunabilen bir JPEG resmi değil" in " ".join(text.split())
