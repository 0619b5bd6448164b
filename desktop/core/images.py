"""Photos: checked, turned upright, scaled down and re-encoded before storing.

A photo from a camera is 4–12 MB; the report prints it a few centimetres
wide. Storing it at 1600 px on the long side as JPEG keeps a department file
small enough for e-mail. Images from elsewhere are untrusted: decompression
bombs and non-images are refused with a Turkish message.
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass

from PIL import Image, ImageOps, UnidentifiedImageError

MAX_SIDE = 1600
MAX_INPUT_BYTES = 40 * 1024 * 1024
MAX_PIXELS = 80_000_000


class ImageProblem(ValueError):
    pass


@dataclass(frozen=True)
class StoredImage:
    data: bytes
    mime: str
    width: int
    height: int
    sha256: str


def normalize(data: bytes, name: str = "resim") -> StoredImage:
    if len(data) > MAX_INPUT_BYTES:
        raise ImageProblem(f"'{name}' çok büyük ({len(data) // (1024 * 1024)} MB; en çok 40 MB).")
    Image.MAX_IMAGE_PIXELS = MAX_PIXELS
    try:
        with Image.open(io.BytesIO(data)) as img:
            img.load()
            img = ImageOps.exif_transpose(img)
            if img.mode not in ("RGB", "L"):
                background = Image.new("RGB", img.size, "white")
                rgba = img.convert("RGBA")
                background.paste(rgba, mask=rgba.getchannel("A"))
                img = background
            img.thumbnail((MAX_SIDE, MAX_SIDE), Image.Resampling.LANCZOS)
            out = io.BytesIO()
            img.save(out, "JPEG", quality=85, optimize=True)
    except (UnidentifiedImageError, Image.DecompressionBombError, OSError, ValueError, SyntaxError) as exc:
        raise ImageProblem(f"'{name}' okunabilen bir resim değil ({type(exc).__name__}). JPEG ya da PNG bir fotoğraf seçin.") from None
    blob = out.getvalue()
    return StoredImage(blob, "image/jpeg", img.width, img.height, hashlib.sha256(blob).hexdigest())
