"""The report never fails on a long word or a long text.

Texts at their kind's limit (``core.values.TEXT_LIMITS``) lay out, also as one
word with no spaces; a longer text in a file written elsewhere is refused with
a Turkish message naming the field, never a LayoutError traceback.
"""

from __future__ import annotations

import copy
import sqlite3
from pathlib import Path

import pytest
from report_support import jpeg, pdf_pages
from small_year import SMALL_YEAR

from bench.attacks import clear_message
from desktop.core.definition import Definition
from desktop.core.values import TEXT_LIMITS
from desktop.report import build_report
from desktop.report import fonts as F
from desktop.report.fonts import width as string_width
from desktop.report.tables import PAD, Col, RowTooTall, fit_table, make_table, wrap_lines
from desktop.store.errors import WorkbookError
from desktop.store.file.photos import add_photo, list_photos, set_caption
from desktop.store.file.workbook import Workbook

WORD = "Ç" + "x" * 2998 + "Ş"  # 3.000 characters, no space


def text_definition(text_columns: int = 2) -> Definition:
    """The clean test year with a one-line field and a table of text columns for İtfaiye."""
    data = copy.deepcopy(SMALL_YEAR)
    items = data["forms"][1]["sections"][0]["items"]
    items.append({"kind": "field", "key": "kisa", "label": "Kısa Bilgi", "type": "text"})
    items.append(
        {
            "kind": "table",
            "key": "liste",
            "title": "Araç Listesi",
            "row_header": "Sıra",
            "rows": [{"key": "a", "label": "Birinci"}, {"key": "b", "label": "İkinci"}],
            "columns": [{"key": f"c{i}", "label": f"Açıklama {i}", "type": "text"} for i in range(text_columns)]
            + [{"key": "adet", "label": "Adet", "type": "count"}],
        }
    )
    return Definition.from_data(data)


def filled(path: Path, definition: Definition, text: str, text_columns: int = 2) -> Path:
    """Every text of the İtfaiye file at ``text`` cut to its kind's limit."""

    def cut(kind: str) -> str:
        return text[: TEXT_LIMITS[kind]]

    with Workbook.create(path, definition, None) as wb:
        values = {f"itfaiye.liste.{r}.c{i}": cut("text") for r in ("a", "b") for i in range(text_columns)}
        values |= {"itfaiye.kisa": cut("text"), "itfaiye.anlatim": cut("longtext"), "itfaiye.liste.a.adet": 3}
        wb.apply(values)
        wb.set_indicator("pg_5_3_1", actual=9, explanation=cut("note"), source=cut("note"))
        wb.set_activity("f_5_3_1", actual_cost=100, explanation=cut("note"))
        add_photo(wb, "itfaiye.foto", jpeg(), cut("caption"))
        add_photo(wb, "itfaiye.foto", jpeg(), cut("caption"))
        add_photo(wb, "itfaiye.foto", jpeg(), cut("caption"))
    return path


def build(path: Path, out: Path):
    with Workbook.open(path, readonly=True) as wb:
        return build_report(wb, out)


# --- tables: words wider than their column ----------------------------------------


def test_wrap_lines_breaks_a_long_word():
    F.register()
    lines = wrap_lines(f"kısa {WORD} son", F.SANS, 8, 100)
    assert all(string_width(line, F.SANS, 8) <= 100 for line in lines)
    assert "".join(lines).replace(" ", "") == f"kısa{WORD}son"
    assert len(lines) > 10


def test_a_long_word_does_not_widen_its_column():
    F.register()
    rows = [["Birinci", WORD, "12"], ["İkinci", "kısa metin", "3"]]
    cols = [Col("left", True, 70, 3), Col("left", True, 50, 2), Col("right")]
    fitted = fit_table(["Sıra", "Açıklama", "Adet"], rows, cols, 470, 742)
    table = fitted.table
    assert not fitted.landscape and min(table.widths) > 2 * PAD
    for row in table.body[1:]:
        for text, width in zip(row, table.widths):
            for line in str(text).split("\n"):
                assert string_width(line, F.SANS, fitted.size) <= width - 2 * PAD + 0.02


def test_a_row_taller_than_a_page_is_named_not_laid_out():
    F.register()
    rows = [["Birinci"] + [WORD * 3] * 30]
    cols = [Col("left", True, 70, 3)] + [Col("left", True, 50, 2)] * 30
    with pytest.raises(RowTooTall) as info:
        fit_table(["Sıra"] + [f"S{i}" for i in range(30)], rows, cols, 470, 742)
    assert info.value.row == 0 and info.value.column >= 1
    assert make_table(["Sıra", "S"], [["a", WORD * 10]], cols[:2], 470, 9) is None


# --- the whole report at the limits -------------------------------------------------


@pytest.mark.parametrize("text", [WORD * 40, ("Müdürlüğümüz " * 8000)], ids=["one-word", "words"])
def test_every_text_at_its_limit_builds(tmp_path, text):
    definition = text_definition()
    path = filled(tmp_path / "t.faaliyet", definition, text)
    result = build(path, tmp_path / "t.pdf")
    body = "".join("".join(p.split()) for p in pdf_pages(tmp_path / "t.pdf"))
    assert result.pages > 10
    assert text[:60].replace(" ", "") in body  # printed, not dropped


def test_twenty_text_columns_at_their_limit_build(tmp_path):
    """The measurement behind TEXT_LIMITS["text"]: a wide table of full cells still lays out."""
    definition = text_definition(20)
    path = filled(tmp_path / "t.faaliyet", definition, WORD * 40, 20)
    assert build(path, tmp_path / "t.pdf").pages > 10


def test_a_table_no_page_can_hold_is_refused_naming_the_cell(tmp_path):
    definition = text_definition(50)  # within the column limit (core/limits.py)
    path = filled(tmp_path / "t.faaliyet", definition, "Müdürlük " * 55, 50)  # each cell within its 500 characters
    out = tmp_path / "t.pdf"
    with pytest.raises(WorkbookError) as info:
        build(path, out)
    message = str(info.value)
    assert clear_message(message) is None
    assert "İtfaiye Müdürlüğü" in message and "'Araç Listesi' tablosu" in message and "sığmıyor" in message
    assert not out.exists()


# --- a file written elsewhere: too long for its kind ------------------------------------

WRITTEN_ELSEWHERE = [
    ("UPDATE photo SET caption = ? WHERE position = 1", 3_300, "2. fotoğrafın açıklaması"),
    ("UPDATE photo SET caption = ? WHERE position = 0", 10_000_000, "1. fotoğrafın açıklaması"),
]
# values the one rule set of store/file/stored.py leaves out of entries(): the report is a draft and the
# finding names the field (what check reports and a merge refuses)
LEFT_OUT = [
    ("UPDATE entry SET value = ? WHERE key = 'itfaiye.liste.a.c0'", 6_000, "Araç Listesi"),
    ("UPDATE entry SET value = ? WHERE key = 'itfaiye.kisa'", 3_000, "Kısa Bilgi"),
    ("UPDATE indicator SET explanation = ? WHERE key = 'pg_5_3_1'", 6_000, "(sapma açıklaması)"),
    ("UPDATE activity SET explanation = ? WHERE key = 'f_5_3_1'", 6_000, "(sapma açıklaması)"),
    (
        "UPDATE entry SET value = ? WHERE key = 'itfaiye.anlatim'",
        TEXT_LIMITS["longtext"] + 1,
        "Müdürlüğün yıl içindeki çalışmaları",
    ),
]


@pytest.mark.parametrize("sql,length,label", LEFT_OUT, ids=[f"{p[2]}-{p[1]}" for p in LEFT_OUT])
def test_a_text_too_long_for_its_kind_is_left_out_and_named(tmp_path, sql, length, label):
    definition = text_definition()
    path = filled(tmp_path / "t.faaliyet", definition, "kısa metin")
    conn = sqlite3.connect(path)
    with conn:
        conn.execute(sql, (("uzun " * (length // 5 + 1))[:length],))
    conn.close()
    out = tmp_path / "t.pdf"
    result = build(path, out)
    assert result.draft
    assert "uzun uzun uzun" not in " ".join(pdf_pages(out))
    with Workbook.open(path, readonly=True) as wb:
        named = [f.message for f in wb.findings() if f.rule == "saklanan_kayit"]
    assert any(label in m and f"({length} karakter" in m for m in named), named


@pytest.mark.parametrize("sql,length,place", WRITTEN_ELSEWHERE, ids=[p for _, _, p in WRITTEN_ELSEWHERE])
def test_a_text_too_long_for_its_kind_is_refused_naming_the_field(tmp_path, sql, length, place):
    definition = text_definition()
    path = filled(tmp_path / "t.faaliyet", definition, "kısa metin")
    out = tmp_path / "t.pdf"
    out.write_bytes(b"%PDF- eski rapor")
    conn = sqlite3.connect(path)
    with conn:
        conn.execute(sql, (("uzun " * (length // 5 + 1))[:length],))
    conn.close()
    with pytest.raises(WorkbookError) as info:
        build(path, out)
    message = str(info.value)
    assert clear_message(message) is None
    assert place in message and f"({length} karakter" in message
    assert out.read_bytes() == b"%PDF- eski rapor"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([path.name, out.name])  # no temporary left


def test_caption_at_the_limit_in_a_full_photo_grid_builds(tmp_path):
    definition = text_definition()
    path = filled(tmp_path / "t.faaliyet", definition, "kısa")
    with Workbook.open(path) as wb:
        for photo in list_photos(wb, "itfaiye.foto"):
            set_caption(wb, photo.id, "W" * TEXT_LIMITS["caption"])
    assert build(path, tmp_path / "t.pdf").pages > 10


def test_anything_no_page_can_hold_is_a_turkish_message_not_a_layout_error(tmp_path, monkeypatch):
    """The last guard: a flowable that no part checked (here: one taller than any page)."""
    from reportlab.platypus import Spacer

    from desktop.report import parts

    definition = text_definition()
    path = filled(tmp_path / "t.faaliyet", definition, "kısa")
    original = parts.colophon
    monkeypatch.setattr(parts, "colophon", lambda ctx, story, *a: (story.add(Spacer(10, 5000)), original(ctx, story, *a)))
    out = tmp_path / "t.pdf"
    with pytest.raises(WorkbookError) as info:
        build(path, out)
    assert clear_message(str(info.value)) is None and "sığmayan" in str(info.value)
    assert not out.exists() and sorted(p.name for p in tmp_path.iterdir()) == [path.name]


def test_an_explanation_of_many_lines_is_one_cell_line_in_the_report(tmp_path):
    """A note may hold line breaks; in a table cell they would make a row taller than a page."""
    definition = text_definition()
    path = filled(tmp_path / "t.faaliyet", definition, "kısa")
    lines = "satır\n" * (TEXT_LIMITS["note"] // 6)
    with Workbook.open(path) as wb:
        wb.set_indicator("pg_5_3_1", explanation=lines)
        wb.set_activity("f_5_3_1", explanation=lines)
    assert build(path, tmp_path / "t.pdf").pages > 10
    assert "satır satır satır" in " ".join(" ".join(pdf_pages(tmp_path / "t.pdf")).split())
