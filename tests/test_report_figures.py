"""The figures of the sample report as a council member reads them (issue #17, items 1 and 6):
every figure a finding concerns is marked where it stands, the annex names it by its printed
labels and page, the draft banner says how many errors are open and where, no internal key is
printed anywhere, and numbers keep one format."""

from __future__ import annotations

import re
import subprocess

import pytest
from report_support import annex_pages, layout_pages, sample_consolidated

from desktop.report import build_report
from desktop.store.file.workbook import Workbook


@pytest.fixture(scope="module")
def sample(tmp_path_factory, definitions):
    definition = definitions("kars")
    folder = tmp_path_factory.mktemp("figures")
    path = sample_consolidated(folder / "birlesik.faaliyet", definition)
    out = folder / "rapor.pdf"
    with Workbook.open(path, readonly=True) as wb:
        result = build_report(wb, out)
        findings = wb.findings()
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(out), "-"], capture_output=True, text=True, check=True).stdout
    return definition, result, out, text, layout_pages(out), findings


def _keys(definition) -> set[str]:
    """Every key of the definition a reader could mistake for text: value keys, item keys with their
    unit, plan keys, rule keys and unit keys (keys without '.' or '_' are ordinary words)."""
    plan = definition.plan
    keys = set(definition.slots)
    keys |= {i.key for i in plan.indicators()} | {t.key for t in plan.targets()} | {a.key for a in plan.activities()}
    keys |= {r.key for f in definition.forms for r in f.rules} | {d.key for d in definition.departments}
    keys |= {f"{f.department}.{i.key}" for f in definition.forms for s in f.sections for i in s.items}
    keys |= {f"{i.key}.{part}" for i in plan.indicators() for part in ("actual", "explanation", "source")}
    return {k for k in keys if "." in k or "_" in k}


def test_no_internal_key_is_printed(sample):
    definition, _, _, text, _, _ = sample
    keys = _keys(definition)
    assert len(keys) > 1000
    printed = sorted(k for k in keys if re.search(rf"(?<![\w.]){re.escape(k)}(?!\w)", text))
    assert printed == []
    # a reference is printed as its figure; only a message that explains the syntax shows its pattern
    assert set(re.findall(r"\{\{([^{}]*)\}\}", text)) <= {"birim.tablo.satır.sütun"}


@pytest.mark.parametrize(
    "figure",
    [
        "87.864,00",  # physical area: rows 87.864, declared 88.145
        "109",  # staff by cadre 109 vs by sex 97
        "71",  # permits: rows 71, register 152
        "2.059.500,00",  # fire damage 2.059.500 vs 1.999.500
        "80.216.029,83",  # the expenditure table's total vs the budget results
    ],
)
def test_the_reference_contradictions_are_marked_where_they_stand(sample, figure):
    _, _, _, text, _, _ = sample
    assert re.search(rf"(?<![\d.,]){re.escape(figure)} \u26a0\d", text), figure


def test_the_annex_names_the_page_of_every_marked_figure(sample):
    _, result, out, _, pages, findings = sample
    listed = annex_pages(out)
    assert sorted(listed) == list(range(1, len(findings) + 1))
    on_pages = {n: p for n, p in listed.items() if p != "—"}
    assert len(on_pages) > 40  # every rule contradiction stands in a table
    for n, page in on_pages.items():
        assert re.search(rf"\u26a0(\d+,)*{n}(?!\d)", pages[int(page) - 1]), (n, page)
    # and every mark printed is in the annex, on the page it names or after it (one finding may
    # mark figures of two tables)
    for i, page in enumerate(pages[: result.pages], start=1):
        for marks in re.findall(r"\u26a0(\d+(?:,\d+)*)", page):
            for n in marks.split(","):
                assert listed[int(n)] != "—" and int(listed[int(n)]) <= i, (n, i)


def test_the_annex_speaks_in_printed_labels(sample):
    _, _, _, text, _, _ = sample
    annex = " ".join(text[text.index("AÇIK BULGULAR\nBu rapor") :].split())
    assert "Cinsiyete Göre Personel Dağılımı / Toplam / Memur" in annex
    assert "insan_kaynaklari" not in annex and "[" not in annex
    # the figures that disagree, each with its label, in the year's format
    assert "/ Toplam / Memur = 97;" in annex and "/ Memur / Personel Sayısı = 109)" in annex
    assert re.search(r"104\.810\.943,1(?!\d)", annex) is None and "104.810.943,10" in annex


def test_the_draft_banner_counts_the_errors_and_points_to_the_list(sample):
    _, result, _, _, pages, findings = sample
    errors = sum(1 for f in findings if f.is_error)
    banners = {m for p in pages for m in re.findall(r"TASLAK – \d+ hata açık; liste: Açık Bulgular, s\. \d+", p)}
    assert len(banners) == 1
    (banner,) = banners
    assert f"TASLAK – {errors} hata açık" in banner
    page = int(banner.rsplit(" ", 1)[1])
    assert re.search(r"^\s*AÇIK BULGULAR\s*$", pages[page - 1], re.M)
    assert sum(1 for p in pages[: result.pages] if banner in p) == result.pages


def test_one_number_format_per_column(sample):
    _, _, _, text, _, _ = sample
    # "%" once: a percent column's header loses its "(%)", its cells carry the sign
    assert "Gerçekleşme Oranı (%)" not in text and "Tahsilat Oranı (%)" not in text
    # rates with two places: "%76,7" beside "%47,06" was two formats in one column
    perf = text[text.index("Performans Hedefi:") : text.index("AÇIK BULGULAR\nBu rapor")]
    rates = re.findall(r"%[\d.]+(?:,\d+)?", perf)
    assert rates and all(re.fullmatch(r"%\d{1,3}(\.\d{3})*,\d\d", r) for r in rates if "," in r), rates
    # a number and its unit stay on one line
    assert re.search(r"\d\n(TL|₺)\b", text) is None
