"""Structural memory rules of the report (no timing): a story paragraph holds its text, not its
parse and lines, except while it is laid out; a released one lays out to the same lines."""

from __future__ import annotations

import io

from reportlab.pdfgen.canvas import Canvas

from desktop.report import fonts
from desktop.report.document import KEEP_LINES, PassMode
from desktop.report.paragraph import Paragraph
from desktop.report.styles import sheet
from desktop.report.text import paragraphs

TEXT = "Müdürlüğümüz yıl boyunca 1.250 TL harcamış, başvuruları zamanında sonuçlandırmıştır. " * 8


def test_a_story_paragraph_is_parsed_only_while_laid_out_and_released_after_drawing():
    fonts.register()
    p = Paragraph(TEXT, sheet()["body"])
    assert "frags" not in p.__dict__  # made: only its text
    width, height = p.wrap(400, 800)
    lines = [line for line in p.blPara.lines]
    assert "frags" in p.__dict__ and len(lines) > 1
    p.drawOn(Canvas(io.BytesIO()), 0, 0)
    assert not {"frags", "blPara", "_lines_for", "canv", "_frame"} & p.__dict__.keys()  # back to its text
    assert p.wrap(400, 800) == (width, height)
    assert [(x[0], list(x[1])) for x in p.blPara.lines] == [(x[0], list(x[1])) for x in lines]


def test_a_long_texts_paragraphs_make_the_same_markup_from_the_stored_text():
    stored = "Birinci  satır\n 5 TL ikinci <satır> & \n\n- madde\n\nson\r\nsatır"
    made = [(p.getPlainText(), p.style.name) for p in paragraphs(stored)]
    assert made == [("Birinci satır 5\xa0TL ikinci <satır> &", "body"), ("madde", "bullet"), ("son satır", "body")]
    plain = "Bir paragraf\nsüren satır"
    held = paragraphs(plain)[0]._source[0]
    assert not isinstance(held, str) and held.text is plain  # its place in the stored text, not a marked-up copy


def test_the_dry_pass_keeps_the_lines_of_at_most_keep_lines_paragraphs():
    mode = PassMode()
    p = Paragraph(TEXT, sheet()["body"])
    kept = sum(mode.keeps(p) for _ in range(KEEP_LINES + 10))
    assert kept == KEEP_LINES
    assert not PassMode().keeps(object())  # only what may keep what it made (a paragraph, a table)
