"""Labels are not content: a label prints as a heading only where the form says so, no heading
repeats the one right above it, and an empty required heading says so in one clear line."""

from __future__ import annotations

from reportlab.platypus import Paragraph, Spacer

from desktop.report import fonts
from desktop.report.document import Heading
from desktop.report.makeup import Together, heading_text
from desktop.report.story import Story
from desktop.report.styles import sheet


def _texts(story: Story) -> list[str]:
    out = []
    for f in story.items:
        for g in f._content if isinstance(f, Together) else [f]:
            if isinstance(g, Paragraph):
                out.append(g.getPlainText())
    return out


def test_heading_text_ignores_numbering_case_and_colon():
    fonts.register()
    st = sheet()
    assert heading_text(Heading("2. Örgüt Yapısı", 2, "a")) == heading_text(Paragraph("ÖRGÜT YAPISI:", st["label"]))
    assert heading_text(Paragraph("İnsan Kaynakları", st["table_title"])) == "insan kaynakları"
    assert heading_text(Paragraph("Örgüt yapısı", st["body"])) is None  # body text is not a heading


def test_a_heading_repeating_the_one_above_is_left_out():
    fonts.register()
    st = sheet()
    story = Story()
    story.add(
        Heading("3. Bilgi ve Teknolojik Kaynaklar", 2, "a"),
        Spacer(1, 4),
        Paragraph("Bilgi ve teknolojik kaynaklar", st["label"]),
        Paragraph("Metin.", st["body"]),
        Paragraph("Bilgi ve teknolojik kaynaklar", st["label"]),  # after content: kept
    )
    story.add(Paragraph("Yazılım", st["label"]), Together([Paragraph("Yazılım", st["table_title"]), Spacer(1, 2)]))
    assert _texts(story) == ["3. Bilgi ve Teknolojik Kaynaklar", "Metin.", "Bilgi ve teknolojik kaynaklar", "Yazılım"]


def test_a_label_marked_not_a_heading_is_not_printed(tmp_path, definitions):
    from report_support import pdf_pages, sample_consolidated

    from desktop.report import build_report
    from desktop.store.file.workbook import Workbook

    definition = definitions("kars")
    foreword = definition.foreword_section
    assert foreword is not None and all(i.heading is False for i in foreword.items if i.kind == "field")
    path = sample_consolidated(tmp_path / "b.faaliyet", definition)
    out = tmp_path / "r.pdf"
    with Workbook.open(path, readonly=True) as wb:
        build_report(wb, out)
    pages = pdf_pages(out)
    front = "\n".join(pages[:3])
    assert "Kapak içi özdeyiş" not in front and "Başkanın sunuşu" not in front
    text = "\n".join(pages)
    assert "Bu bölüme ilişkin bilgi girilmemiştir" not in text
    # the regulation's headings that the sample leaves empty say so, once each
    empty = text.count("Bu başlık altında bildirilecek bilgi yoktur.")
    assert empty >= 1


def test_an_empty_form_table_is_left_out(tmp_path):
    """A form's table is optional: with no value it is not printed (its title neither)."""
    from report_support import clean_workbook, pdf_pages

    from desktop.report import build_report
    from desktop.store.file.workbook import Workbook

    path = clean_workbook(tmp_path / "t.faaliyet")
    out = tmp_path / "t.pdf"
    with Workbook.open(path, readonly=True) as wb:
        build_report(wb, out)
    body = "\n".join(pdf_pages(out)[3:])  # after the cover, the foreword and the contents
    assert "Aylara Göre Makbuz Gelirleri" in body  # filled
    assert "Aylara Göre Akaryakıt Sarfiyatı" not in body  # left empty
    assert "veri girilmemiştir" not in body
