"""Layout regressions: chosen pages of the sample report look as their reference images
(``tests/layout_images.py`` says how they are compared and how to update them on purpose)."""

from __future__ import annotations

import pytest
from layout_images import PAGES, REFERENCES, TOLERANCE, UPDATE, difference, find_pages, render
from PIL import Image
from report_support import sample_consolidated

from desktop.report import build_report
from desktop.store.file.workbook import Workbook


@pytest.fixture(scope="module")
def sample_report(tmp_path_factory, definitions):
    folder = tmp_path_factory.mktemp("gorunum")
    path = sample_consolidated(folder / "birlesik.faaliyet", definitions("kars"))
    out = folder / "rapor.pdf"
    with Workbook.open(path, readonly=True) as wb:
        build_report(wb, out)
    return out, find_pages(out)


@pytest.mark.parametrize("name", sorted(PAGES))
def test_page_looks_as_its_reference(sample_report, name, tmp_path):
    pdf, pages = sample_report
    image = render(pdf, pages[name])
    reference_path = REFERENCES / f"{name}.png"
    if UPDATE:
        REFERENCES.mkdir(parents=True, exist_ok=True)
        image.save(reference_path, optimize=True)
        return
    assert reference_path.exists(), f"no reference for {name}: see tests/layout_images.py"
    reference = Image.open(reference_path).convert("L")
    share = difference(image, reference)
    if share > TOLERANCE:
        image.save(tmp_path / f"{name}.png")  # to look at next to the reference
    assert share <= TOLERANCE, f"page {pages[name] + 1} ({name}) differs in {share:.2%} of its pixels; see {tmp_path}"


def test_a_moved_block_is_caught(sample_report):
    """The comparison is not blind: the same page moved down by two lines differs."""
    pdf, pages = sample_report
    image = render(pdf, pages["butce"])
    moved = Image.new("L", image.size, 255)
    moved.paste(image.crop((0, 0, image.width, image.height - 12)), (0, 12))
    assert difference(moved, image) > TOLERANCE
    assert difference(image, image) == 0.0
