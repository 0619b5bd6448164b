"""English for messages made outside the UI: every _("…") / lazy("…") is a literal with a translation."""

from __future__ import annotations

import ast
import importlib.util
import string
import sys
from pathlib import Path

import pytest

from desktop.core import i18n
from desktop.core.i18n import _, lazy

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("faaliyet_messages_tool", ROOT / "tools" / "messages.py")
assert _spec and _spec.loader
messages = importlib.util.module_from_spec(_spec)
sys.modules[_spec.name] = messages
_spec.loader.exec_module(messages)


def _fields(text: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(text) if f is not None}


def test_every_message_is_a_literal():
    _, bad = messages.extract()
    assert not bad, "\n".join(bad[:10])


def test_every_message_is_in_the_catalogue_and_translated():
    found, _ = messages.extract()
    po = messages.read_po()
    missing = sorted(set(found) - set(po))
    assert not missing, f"run: uv run python tools/messages.py update (then translate): {missing[:5]}"
    untranslated = sorted(m for m in found if not po.get(m, "").strip())
    assert not untranslated, f"translate in {messages.PO.name}: {untranslated[:5]}"


def test_translations_keep_the_placeholders():
    for source, english in messages.read_po().items():
        if english:
            assert _fields(source) == _fields(english), (source, english)


def test_the_mo_is_the_compiled_po():
    assert messages.MO.read_bytes() == messages.compile_mo(messages.read_po()), "run: uv run python tools/messages.py compile"


def test_the_checker_catches_an_f_string_and_a_variable():
    tree = ast.parse('_(f"{n} hata")\n_(text)\n_("{n} hata")\nlazy(x + "y")\n')
    problems = [messages.problem(c) for c in messages.calls(tree)]
    assert problems[0] and "f-string" in problems[0]
    assert problems[1] and "variable" in problems[1]
    assert problems[2] is None
    assert problems[3] and "literal" in problems[3]


def test_po_round_trip_keeps_newlines_quotes_and_tabs(tmp_path):
    po = tmp_path / "x.po"
    texts = {'a "b"\nc\n': 'A "B"\nC\n', "t\tu \\ v": "T\tU \\ V", "tek": ""}
    messages.write_po({k: ["x.py:1"] for k in texts}, texts, po)
    assert messages.read_po(po) == texts


def test_english_and_back_to_turkish(english):
    # a message known to the catalogue comes out in English, and Turkish again after set_language("tr")
    source = next(iter(k for k, v in messages.read_po().items() if v))
    assert _(source) == messages.read_po()[source]
    i18n.set_language("tr")
    assert _(source) == source


def test_lazy_text_follows_the_language(english):
    source = next(iter(k for k, v in messages.read_po().items() if v))
    text = lazy(source)
    assert str(text) == f"{text}" == messages.read_po()[source]
    i18n.set_language("tr")
    assert str(text) == source and text + "!" == source + "!"
    assert text == lazy(source) and hash(text) == hash(lazy(source))


def test_unknown_language_is_turkish():
    assert i18n.set_language("xx") == "tr"
    assert i18n.set_language(None) == "tr"


def test_document_language_is_turkish_in_its_thread_only(english):
    import threading

    source = next(iter(k for k, v in messages.read_po().items() if v))
    english_text = messages.read_po()[source]
    seen = {}

    def other_thread():
        seen["other"] = _(source)

    with i18n.document_language():
        assert _(source) == source and str(lazy(source)) == source
        worker = threading.Thread(target=other_thread)
        worker.start()
        worker.join()
    assert seen["other"] == english_text  # the window's thread keeps its language
    assert _(source) == english_text


@pytest.mark.definition("small")
def test_a_report_made_from_the_english_window_lists_its_findings_in_turkish(english, workbook_path, tmp_path):
    from report_support import pdf_pages

    from desktop.report.build import build
    from desktop.store.file.workbook import Workbook

    with Workbook.open(workbook_path, readonly=True) as wb:
        shown = [f.message for f in wb.findings()]
        assert any("is required" in m for m in shown), shown  # the window's findings: English
        result = build(wb, tmp_path / "rapor.pdf", department="itfaiye")
    text = " ".join(" ".join(pdf_pages(result.path)).split())
    assert result.draft and "AÇIK BULGULAR" in text
    assert "zorunlu; doldurun." in text and "Hata" in text
    assert "is required" not in text and "Error" not in text


def test_helpers_tsv_lines_are_read_with_newlines(tmp_path):
    tsv = tmp_path / "x.tsv"
    tsv.write_text("# comment\n{n} hata\\nvar\t{n} errors\\nhere\n\nno tab here\n", encoding="utf-8")
    assert messages.read_tsv([str(tsv)]) == {"{n} hata\nvar": "{n} errors\nhere"}


def test_the_merge_summary_is_english(english, tmp_path):
    from desktop.store.merge.outcome import FileOutcome

    line = FileOutcome(
        tmp_path / "itfaiye.faaliyet",
        "imported",
        "itfaiye",
        changes={"eklenen": 2, "degisen": 1, "silinen": 1},
        deleted=["Kurtarılan hayvan"],
    ).line()
    assert line.startswith("itfaiye.faaliyet: imported (itfaiye) — 2 added, 1 changed, 1 removed values"), line
    assert "removed: Kurtarılan hayvan" in line  # the label is data: it stays as defined
    assert "aktarıldı" not in line and "silinen:" not in line


def test_an_unreadable_number_is_explained_in_english(english):
    from desktop.core.numbers import NumberError, parse_number

    with pytest.raises(NumberError) as exc:
        parse_number("12,5x", "count")
    assert str(exc.value) == "'12,5x' is not a number. Type digits only, e.g. 1234"
    with pytest.raises(NumberError) as exc:
        parse_number("1.2.34", "decimal")
    assert "thousands groups must have three digits" in str(exc.value) and "comma" in str(exc.value), str(exc.value)
