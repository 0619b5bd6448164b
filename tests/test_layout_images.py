"""Layout regressions: chosen pages of the sample report look as their reference images
(``tests/layout_images.py`` says how they are compared and how to update them on purpose)."""

from __future__ import annotations

import pytest
from layout_images import DPI, PAGES, REFERENCES, TOLERANCE, UPDATE, difference, find_pages, render
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


@pytest.mark.parametrize("name", ["butce", "kapak"])
def test_a_block_moved_by_less_than_a_line_is_caught(sample_report, name):
    """The comparison is not blind: the page moved down by 4 pixels (about 8 points) differs."""
    pdf, pages = sample_report
    image = render(pdf, pages[name])
    moved = Image.new("L", image.size, 255)
    moved.paste(image.crop((0, 0, image.width, image.height - 4)), (0, 4))
    assert difference(moved, image) > TOLERANCE
    assert difference(image, image) == 0.0


@pytest.mark.parametrize("name", sorted(PAGES))
def test_glyph_edges_rendered_differently_pass(sample_report, name):
    """Robust to how a machine draws glyph edges: rendered at DPI + 1 and scaled back, every
    edge is re-sampled (more than font hinting changes), and the page still passes."""
    pdf, pages = sample_report
    image = render(pdf, pages[name])
    other = render(pdf, pages[name], dpi=DPI + 1).resize(image.size)
    assert difference(other, image) <= TOLERANCE
