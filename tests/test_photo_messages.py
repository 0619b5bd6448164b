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
