"""The logo is read only by the loader, from inside the definition folder, and embedded in the definition."""

from __future__ import annotations

import base64
import hashlib
import shutil
from pathlib import Path

import pytest

from bench.attacks_definition import definition_data, eps, picture, pillow_formats
from desktop import resources
from desktop.core.definition import Definition
from desktop.core.forms import InvalidData
from desktop.core.loader import DefinitionError, load_definition
from desktop.report import fonts
from desktop.report.cover import logo


@pytest.fixture(autouse=True)
def _fonts():
    fonts.register()  # the emblem writes the institution's name


@pytest.fixture
def folder(tmp_path):
    dst = tmp_path / "kars-2020"
    shutil.copytree(resources.default_definition(), dst)
    return dst


def _name_logo(folder: Path, name: str) -> None:
    head = folder / "tanim.yaml"
    text = head.read_text(encoding="utf-8")
    head.write_text(
        text.replace("  email: kars@kars.bel.tr\n", f"  email: kars@kars.bel.tr\n  logo: '{name}'\n", 1), encoding="utf-8"
    )


def _problems(folder: Path) -> str:
    with pytest.raises(DefinitionError) as info:
        load_definition(folder)
    return str(info.value)


def test_a_logo_in_the_folder_is_embedded_and_drawn_from_the_definition(folder, definition):
    png = picture("PNG", (60, 40))
    (folder / "resim").mkdir()
    (folder / "resim" / "logo.png").write_bytes(png)
    _name_logo(folder, "resim/logo.png")
    loaded = load_definition(folder)
    embedded = loaded.institution.logo
    assert (embedded.name, embedded.mime, embedded.width, embedded.height) == ("resim/logo.png", "image/png", 60, 40)
    assert embedded.raw() == png and embedded.sha256 == hashlib.sha256(png).hexdigest()
    assert loaded.digest != definition.digest  # the image is part of what the digest identifies
    again = Definition.from_json(loaded.canonical_json())  # every file carries it
    (folder / "resim" / "logo.png").unlink()  # nothing reads the folder afterwards
    with pillow_formats() as seen:
        mark = logo(again)
    assert type(mark).__name__ == "Image" and set(seen) == {"PNG"}
    assert (mark.drawWidth, mark.drawHeight) == (130, pytest.approx(130 * 40 / 60))


def test_without_a_logo_the_cover_has_the_emblem(definition):
    assert definition.institution.logo is None
    assert type(logo(definition)).__name__ == "Drawing"


@pytest.mark.parametrize(
    "name,expected",
    [
        ("../disari.png", "tanım klasörünün içinde bir dosya olmalı"),
        ("/etc/hostname", "tanım klasörünün içinde bir dosya olmalı"),
        (r"\\sunucu\paylasim\logo.png", "tanım klasörünün içinde bir dosya olmalı"),
        ("//sunucu/paylasim/logo.png", "tanım klasörünün içinde bir dosya olmalı"),
        (r"C:\logo.png", "tanım klasörünün içinde bir dosya olmalı"),
        ("C:logo.png", "tanım klasörünün içinde bir dosya olmalı"),
        ("resim/../../logo.png", "tanım klasörünün içinde bir dosya olmalı"),
        ("yok.png", "'yok.png' dosyası tanım klasöründe yok"),
        ("birimler", "'birimler' dosyası tanım klasöründe yok"),
    ],
)
def test_a_logo_outside_the_folder_or_missing_is_refused_with_file_and_line(folder, name, expected):
    _name_logo(folder, name)
    text = _problems(folder)
    assert expected in text
    assert "tanim.yaml:" in text and "institution.logo" in text


def test_a_name_with_a_nul_character_is_refused(folder):
    head = folder / "tanim.yaml"
    text = head.read_text(encoding="utf-8")
    head.write_text(
        text.replace("  email: kars@kars.bel.tr\n", '  email: kars@kars.bel.tr\n  logo: "logo\\0.png"\n', 1), encoding="utf-8"
    )
    assert "tanım klasörünün içinde bir dosya olmalı" in _problems(folder)


def test_a_link_out_of_the_folder_is_refused(folder, tmp_path):
    outside = tmp_path / "disarida.png"
    outside.write_bytes(picture("PNG"))
    (folder / "logo.png").symlink_to(outside)
    _name_logo(folder, "logo.png")
    assert "dışındaki bir dosyaya bağlantı" in _problems(folder)


@pytest.mark.parametrize(
    "data,expected",
    [
        (picture("GIF"), "okunabilen bir resim değil"),
        (eps(), "okunabilen bir resim değil"),
        (b"\x89PNG\r\n\x1a\n" + b"\0" * 100, "okunabilen bir resim değil"),
        (b"\xff\xd8\xff" + b"\0" * (3 * 1024 * 1024), "çok büyük"),
    ],
)
def test_a_logo_that_is_not_a_jpeg_or_png_is_refused(folder, data, expected):
    (folder / "logo.png").write_bytes(data)
    _name_logo(folder, "logo.png")
    assert expected in _problems(folder)


def _stored_logo(definition, value) -> str:
    data = definition_data(definition)
    data["institution"]["logo"] = value
    import msgspec

    return msgspec.json.encode(data).decode()


@pytest.mark.parametrize("path", [r"\\sunucu\paylasim\logo.png", "/etc/passwd", "logo.png"])
def test_a_stored_definition_naming_a_path_is_refused(definition, path):
    with pytest.raises(InvalidData, match="institution.logo"):
        Definition.from_json(_stored_logo(definition, path))


def _embedded(image: bytes, mime="image/png", **changes) -> dict:
    value = {
        "name": "logo.png",
        "mime": mime,
        "width": 8,
        "height": 6,
        "sha256": hashlib.sha256(image).hexdigest(),
        "data": base64.b64encode(image).decode(),
    }
    return {**value, **changes}


@pytest.mark.parametrize(
    "value,expected",
    [
        (_embedded(eps()), "PNG resmi değil"),
        (_embedded(picture("GIF"), mime="image/gif"), "institution.logo.mime"),
        (_embedded(picture("PNG"), sha256="0" * 64), "özeti tutmuyor"),
        (_embedded(picture("PNG"), data="bu base64 değil!"), "institution.logo"),
        (_embedded(picture("PNG"), width=100_000), "institution.logo.width"),
    ],
)
def test_a_stored_embedded_logo_is_checked_on_read(definition, value, expected):
    with pytest.raises(InvalidData) as info:
        Definition.from_json(_stored_logo(definition, value))
    assert expected in str(info.value)


def test_a_stored_logo_that_does_not_decode_gives_the_emblem(definition):
    broken = b"\x89PNG\r\n\x1a\n" + b"\0" * 50
    stored = Definition.from_json(_stored_logo(definition, _embedded(broken)))
    with pillow_formats() as seen:
        assert type(logo(stored)).__name__ == "Drawing"
    assert set(seen) <= {"PNG"}
