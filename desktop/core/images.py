"""Images: checked, turned upright, scaled down and re-encoded before storing.

A photo from a camera is 4–12 MB; the report prints it a few centimetres
wide. Storing it at 1600 px on the long side as JPEG keeps a department file
small enough for e-mail. Images from elsewhere are untrusted: only JPEG and
PNG are ever decoded (Pillow knows formats whose decoders reach further, EPS
even Ghostscript), with a pixel limit checked before decoding, so
decompression bombs and non-images are refused with a Turkish message.
``normalize`` is for an image the user picks; ``image_problem`` checks an
image already stored (a photo of a file from another PC, a logo).
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass

from PIL import Image, ImageOps, UnidentifiedImageError

from .i18n import _
from .limits import MAX_LOGO_BYTES, MAX_STORED_SIDE

MAX_SIDE = 1600
MAX_INPUT_BYTES = 40 * 1024 * 1024
MAX_PIXELS = 80_000_000  # an image the user picks (a 50 MP camera fits)
# an image already stored (normalize makes at most 1600 px a side): generous, bounded
MAX_STORED_BYTES = 10 * 1024 * 1024
MAX_STORED_PIXELS = 16_000_000
FORMATS = {"image/jpeg": "JPEG", "image/png": "PNG"}  # the only formats ever decoded


class ImageProblem(ValueError):
    pass


@dataclass(frozen=True)
class StoredImage:
    data: bytes
    mime: str
    width: int
    height: int
    sha256: str


# the brands of an ISO media file's "ftyp" box that mark a HEIF/HEIC still image (an iPhone's photo)
HEIF_BRANDS = (b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"mif1", b"msf1")


def is_heif(data: bytes) -> bool:
    """Whether ``data`` begins as a HEIF/HEIC image does: an ``ftyp`` box naming a HEIF brand (never decoded)."""
    return len(data) >= 12 and data[4:8] == b"ftyp" and data[8:12] in HEIF_BRANDS


def normalize(data: bytes, name: str = "resim") -> StoredImage:
    if len(data) > MAX_INPUT_BYTES:
        raise ImageProblem(_("'{name}' çok büyük ({n} MB; en çok 40 MB).").format(name=name, n=len(data) // (1024 * 1024)))
    Image.MAX_IMAGE_PIXELS = MAX_PIXELS
    try:
        with Image.open(io.BytesIO(data), formats=list(FORMATS.values())) as opened:
            img: Image.Image = opened
            if img.width * img.height > MAX_PIXELS:
                raise ImageProblem(
                    _("'{name}' çok büyük ({width}×{height} piksel; en çok {max_pixels} milyon piksel).").format(
                        name=name, width=img.width, height=img.height, max_pixels=MAX_PIXELS // 1_000_000
                    )
                )
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
    except ImageProblem:
        raise
    except Image.DecompressionBombError:  # declares more pixels than Pillow's own limit
        raise ImageProblem(
            _("'{name}' çok büyük (en çok {limit} milyon piksel). Fotoğrafı küçültüp yeniden seçin.").format(
                name=name, limit=MAX_PIXELS // 1_000_000
            )
        ) from None
    except UnidentifiedImageError:  # another format (GIF, WEBP, HEIC…) or not a picture at all
        if is_heif(data):  # an iPhone's photo: the clerk did not choose its format, and cannot "save it as JPEG"
            raise ImageProblem(
                _(
                    "'{name}' bir HEIC fotoğrafı (iPhone'un kendi biçimi): yalnız JPEG ve PNG fotoğraflar eklenebilir. "
                    "Fotoğrafı iPhone'dan e-postayla gönderin (e-postada JPEG olur) ya da iPhone'da Ayarlar > Kamera > "
                    "Biçimler > “En Uyumlu”yu seçip yeniden çekin; sonra JPEG dosyasını seçin."
                ).format(name=name)
            ) from None
        raise ImageProblem(
            _(
                "'{name}' okunabilen bir resim değil: yalnız JPEG ve PNG fotoğraflar eklenebilir. "
                "Fotoğrafı JPEG ya da PNG olarak kaydedip yeniden seçin."
            ).format(name=name)
        ) from None
    except (OSError, ValueError, SyntaxError):  # a JPEG or PNG that breaks off or is damaged
        raise ImageProblem(
            _("'{name}' okunabilen bir resim değil: dosya bozuk ya da yarım kalmış. Fotoğrafı yeniden kopyalayıp seçin.").format(
                name=name
            )
        ) from None
    blob = out.getvalue()
    return StoredImage(blob, "image/jpeg", img.width, img.height, hashlib.sha256(blob).hexdigest())


def image_problem(data: bytes, mime: str, width: int, height: int) -> str | None:
    """Why a stored image must not be used (Turkish), or None.

    Decodes it completely (JPEG or PNG only, pixels bounded before decoding) and
    checks that the declared type and size are the image's own."""
    if not isinstance(data, bytes) or not data:
        return _("resim verisi yok")
    if len(data) > MAX_STORED_BYTES:
        return _("resim çok büyük ({n} MB; en çok {max_stored_bytes} MB)").format(
            n=len(data) // (1024 * 1024), max_stored_bytes=MAX_STORED_BYTES // (1024 * 1024)
        )
    fmt = FORMATS.get(mime) if isinstance(mime, str) else None
    if fmt is None:
        return _("resim türü '{mime}' kabul edilmiyor; yalnız JPEG ve PNG").format(mime=str(mime)[:40])
    try:
        with Image.open(io.BytesIO(data), formats=[fmt]) as img:
            w, h = img.size
            if w > MAX_STORED_SIDE or h > MAX_STORED_SIDE or w * h > MAX_STORED_PIXELS:
                return _("resim çok büyük ({w}×{h} piksel; bir kenar en çok {max_stored_side} piksel)").format(
                    w=w, h=h, max_stored_side=MAX_STORED_SIDE
                )
            if (w, h) != (width, height):
                return _("resmin boyutu kayıtlı boyutla tutmuyor ({w}×{h}, kayıtta {width}×{height})").format(
                    w=w, h=h, width=width, height=height
                )
            img.load()
    except Image.DecompressionBombError:  # declares more pixels than Pillow's own limit
        return _("resim çok büyük (bir kenar en çok {max_stored_side} piksel)").format(max_stored_side=MAX_STORED_SIDE)
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError, EOFError):
        return _("kayıtlı veri okunabilen bir {fmt} resmi değil").format(fmt=fmt)
    return None


def embeddable(data: bytes, name: str = "resim") -> StoredImage:
    """A JPEG or PNG file kept as it is (a logo embedded in the definition), checked
    by decoding it completely; or ImageProblem."""
    if len(data) > MAX_LOGO_BYTES:
        raise ImageProblem(
            _("'{name}' çok büyük ({n} KB; en çok {max_logo_bytes} KB).").format(
                name=name, n=len(data) // 1024, max_logo_bytes=MAX_LOGO_BYTES // 1024
            )
        )
    try:
        with Image.open(io.BytesIO(data), formats=list(FORMATS.values())) as img:
            mime = next(m for m, f in FORMATS.items() if f == img.format)
            width, height = img.size
    except (UnidentifiedImageError, Image.DecompressionBombError, OSError, ValueError, SyntaxError, StopIteration):
        raise ImageProblem(_("'{name}' okunabilen bir resim değil. JPEG ya da PNG bir dosya seçin.").format(name=name)) from None
    if problem := image_problem(data, mime, width, height):
        raise ImageProblem(f"'{name}': {problem}.")
    return StoredImage(data, mime, width, height, hashlib.sha256(data).hexdigest())
