"""A photo that cannot be added is refused with a Turkish reason and what to do, never a Python error name."""

from __future__ import annotations

import pytest

from bench.attacks_definition import picture
from desktop.core.images import ImageProblem, normalize


@pytest.mark.parametrize(
    "data,words",
    [
        (picture("GIF"), ["yalnız JPEG ve PNG", "kaydedip yeniden seçin"]),
        (picture("WEBP"), ["yalnız JPEG ve PNG"]),
        ("bir metin dosyası".encode(), ["yalnız JPEG ve PNG"]),
        (picture("PNG", (300, 200))[:319], ["bozuk ya da yarım"]),  # a PNG that breaks off
        (picture("JPEG", (300, 200))[:808], ["bozuk ya da yarım"]),
    ],
)
def test_an_unreadable_photo_gets_a_turkish_reason(data, words):
    with pytest.raises(ImageProblem) as info:
        normalize(data, "tatbikat.x")
    message = str(info.value)
    assert message.startswith("'tatbikat.x' ")
    for word in words:
        assert word in message, message
    assert "Error" not in message and "(" not in message, message  # no UnidentifiedImageError, OSError…


def _heic(brand: bytes) -> bytes:
    """The first boxes of an iPhone photo: ftyp with a HEIF brand, then what follows (never decoded)."""
    ftyp = b"ftyp" + brand + b"\x00\x00\x00\x00" + b"mif1" + b"heic" + b"miaf"
    return len(ftyp + b"\x00" * 4).to_bytes(4, "big") + ftyp + b"\x00\x00\x00\x08meta" + bytes(200)


@pytest.mark.parametrize("brand", [b"heic", b"mif1"])
def test_an_iphone_heic_photo_says_how_to_get_a_jpeg(brand):
    """ "Fotoğrafı JPEG ya da PNG olarak kaydedip…": a clerk with an iPhone photo does not know how;
    e-mailed from the phone it arrives as a JPEG."""
    with pytest.raises(ImageProblem) as info:
        normalize(_heic(brand), "IMG_0042.HEIC")
    message = str(info.value)
    assert message.startswith("'IMG_0042.HEIC' bir HEIC fotoğrafı") and "e-postayla" in message and "En Uyumlu" in message


def test_only_the_ftyp_box_of_a_heif_brand_is_taken_for_heic():
    from desktop.core.images import is_heif

    assert is_heif(_heic(b"heic")) and not is_heif(_heic(b"isom"))  # an MP4 video is no HEIC photo
    assert not is_heif(b"heic" * 10) and not is_heif(b"")
