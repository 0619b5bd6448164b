"""Images in the report: the organisation chart drawn from the definition (no image file),
photos numbered through the report in an aligned grid. (The logo: tests/test_logo.py.)"""

from __future__ import annotations

import msgspec
import pytest
from report_support import clean_workbook, jpeg, pdf_pages
from reportlab.graphics.shapes import String

from desktop.core.definition import Definition
from desktop.core.institution import DepartmentDef
from desktop.core.organisation import chart, reporting_problem
from desktop.report import build_report, fonts
from desktop.report.org_chart import org_chart
from desktop.store.file.photos import add_photo
from desktop.store.file.workbook import Workbook


def _departments(*pairs) -> list[DepartmentDef]:
    return [
        msgspec.convert({"key": k, "name": k.title(), **({"reports_to": to} if to else {})}, DepartmentDef) for k, to in pairs
    ]


def test_units_hang_under_the_unit_they_report_to():
    depts = _departments(("fen", None), ("su", "fen"), ("park", None), ("yol", "su"))
    root = chart(depts, "Belediye Başkanı")
    assert [u.name for u in root.units] == ["Fen", "Park"]
    assert [u.name for u in root.units[0].units] == ["Su"]
    assert [u.name for u in root.units[0].units[0].units] == ["Yol"]


@pytest.mark.parametrize(
    ("pairs", "expected"),
    [
        ((("fen", "yok"),), "'yok' diye bir birim yok"),
        ((("fen", "su"), ("su", "fen")), "kendisine dönüyor"),
        ((("fen", "fen"),), "kendisine dönüyor"),
    ],
)
def test_a_wrong_reports_to_is_refused(pairs, expected):
    assert expected in (reporting_problem(_departments(*pairs)) or "")


def test_a_definition_with_a_circle_of_units_does_not_load(definitions):
    data = msgspec.to_builtins(definitions("small"))
    data["departments"][1]["reports_to"] = data["departments"][2]["key"]
    data["departments"][2]["reports_to"] = data["departments"][1]["key"]
    with pytest.raises(msgspec.ValidationError, match="kendisine dönüyor"):
        msgspec.convert(data, Definition)


def test_the_chart_draws_every_name_whole_inside_the_width():
    fonts.register()
    long = "Kültür ve Sosyal İşler ile Uluslararası İlişkiler ve Kardeş Şehirler Müdürlüğü"
    depts = _departments(*[(f"b{i}", None) for i in range(9)], ("alt", "b0"))
    depts = [d if d.key != "b3" else msgspec.structs.replace(d, name=long) for d in depts]
    d = org_chart(chart(depts, "Belediye Başkanı"), 450)
    strings = [s for s in d.contents if isinstance(s, String)]
    words = " ".join(s.text for s in strings).split()
    assert all(w in words for w in long.split())  # wrapped, not cut
    assert "…" not in " ".join(s.text for s in strings)
    for s in strings:
        right = s.x + fonts.width(s.text, s.fontName, s.fontSize) / (2 if s.textAnchor == "middle" else 1)
        assert right <= 450.01


def test_the_sample_prints_its_organisation_chart(tmp_path, definitions):
    from report_support import sample_consolidated

    definition = definitions("kars")
    path = sample_consolidated(tmp_path / "b.faaliyet", definition)
    out = tmp_path / "r.pdf"
    with Workbook.open(path, readonly=True) as wb:
        build_report(wb, out)
    import pdfplumber

    with pdfplumber.open(str(out)) as pdf:  # the words of the text, not of the TASLAK watermark
        pages = [" ".join(w["text"] for w in p.extract_words(extra_attrs=["size"]) if w["size"] < 20) for p in pdf.pages]
    page = next(p for p in pages if "Şekil: Teşkilat şeması" in p)
    for dept in definition.departments:
        if dept.role == "department":
            assert dept.name.split()[0] in page


def test_photos_are_numbered_through_the_report_in_an_aligned_grid(tmp_path):
    path = clean_workbook(tmp_path / "t.faaliyet")
    with Workbook.open(path) as wb:
        add_photo(wb, "itfaiye.foto", jpeg(size=(200, 320)), "Dikey")
        add_photo(wb, "itfaiye.foto", jpeg(size=(400, 200)), "Geniş")
    out = tmp_path / "r.pdf"
    with Workbook.open(path, readonly=True) as wb:
        build_report(wb, out)
    text = "\n".join(pdf_pages(out))
    assert "Fotoğraf 1: Ağustos tatbikatı" in text
    assert "Fotoğraf 2: Dikey" in text and "Fotoğraf 3: Geniş" in text
    import pdfplumber

    with pdfplumber.open(str(out)) as pdf:
        page = next(p for p in pdf.pages if "Fotoğraf 1" in (p.extract_text() or ""))
        tops = {w["text"]: w["top"] for w in page.extract_words() if w["text"].startswith(("1:", "2:"))}
    assert abs(tops["1:"] - tops["2:"]) < 1  # the captions of one row stand on one line


def test_a_foreword_portrait_prints_at_the_right_without_a_number(tmp_path, definitions):
    from report_support import sample_consolidated

    definition = definitions("kars")
    section = definition.foreword_section
    slot = next(i for i in section.items if getattr(i, "portrait", False))
    path = sample_consolidated(tmp_path / "b.faaliyet", definition)
    with Workbook.open(path) as wb:
        add_photo(wb, f"{definition.institution_department.key}.{slot.key}", jpeg(size=(300, 400)), "Başkanın adı")
    out = tmp_path / "r.pdf"
    with Workbook.open(path, readonly=True) as wb:
        build_report(wb, out)
    import pdfplumber

    with pdfplumber.open(str(out)) as pdf:
        page = next(p for p in pdf.pages if section.title in (p.extract_text() or ""))
        images = page.images
        text = page.extract_text()
    assert len(images) == 1
    assert images[0]["x0"] > page.width / 2  # at the right
    assert images[0]["bottom"] - images[0]["top"] <= 131
    assert "Başkanın adı" in text and "Fotoğraf 1" not in text
