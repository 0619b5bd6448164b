"""Build the report PDF from a workbook (see ``desktop.report.build_report``)."""

from __future__ import annotations

import datetime as dt
import errno
from pathlib import Path

from reportlab.platypus import Paragraph
from reportlab.platypus.doctemplate import LayoutError

from ..core import settings
from ..core.entries import ValueView
from ..store.errors import WorkbookError
from ..store.file.document import OpenFile
from ..store.file.tempfiles import publish, temp_beside
from ..store.file.workbook import Workbook
from . import ReportCancelled, ReportResult, declarations, fonts, parts, performance
from .context import Context
from .cover import cover
from .document import Cancelled, Heading, ReportDoc, fixed_canvas
from .fingerprint import fingerprint as data_fingerprint
from .sections import section_blocks
from .story import Story
from .styles import sheet
from .tables import RowTooTall
from .text import esc


def creation_date(definition, lookup=None) -> dt.date:
    """Fixed from the data: the latest signature date (overrides included), else the year's last day."""
    dates = []
    for s in settings.year_settings(definition, lookup).signers:
        if s.date:
            try:
                dates.append(dt.date.fromisoformat(s.date))
            except ValueError:
                pass
    return max(dates) if dates else dt.date(definition.year.year, 12, 31)


def consolidated_story(ctx: Context, story: Story, findings, draft: bool, fp: str, source: str) -> None:
    d = ctx.definition
    story.add(*cover(d, title="Faaliyet Raporu", subtitle=d.institution.name, width=ctx.portrait_width))
    story.page_break("portrait")
    parts.foreword(ctx, story)
    parts.toc(ctx, story)
    parts.chapters(ctx, story)
    finance = d.finance_department  # none declared: no finance declaration (the year's check warns)

    def unit(role: str) -> str:
        return f"{d.institution.name} {finance.name}" if role == declarations.FINANCE and finance else d.institution.name

    parts.annexes(ctx, story, ([declarations.FINANCE] if finance else []) + [declarations.TOP], unit)
    if draft:
        parts.findings_part(ctx, story, findings)
    parts.colophon(ctx, story, fp, source)


def department_story(ctx: Context, story: Story, dept_key: str, findings, draft: bool, fp: str, source: str) -> None:
    d = ctx.definition
    dept = d.department(dept_key)
    story.add(*cover(d, title="Birim Faaliyet Raporu", subtitle=dept.name, width=ctx.portrait_width))
    story.page_break("portrait")
    parts.toc(ctx, story)
    story.add(Heading("I. FAALİYET VE PROJE BİLGİLERİ", 0, ctx.key("b-faaliyet"), style="h0"))
    any_section = False
    for s in d.form(dept_key).sections:
        if s.chapter == settings.SETTINGS_CHAPTER:
            continue  # the year settings are never printed
        blocks = section_blocks(ctx, dept_key, s)
        if not blocks:
            continue
        story.add(Heading(esc(s.title), 1, ctx.key(f"{dept_key}-{s.key}"), style="h1"))
        for flow, landscape in blocks:
            story.add_block(flow, landscape)
        any_section = True
    if not any_section:
        story.add(Paragraph(parts.EMPTY, sheet()["empty"]))
    story.page_break("portrait")
    story.add(Heading("II. PERFORMANS SONUÇLARI", 0, ctx.key("b-performans"), style="h0"))
    story.add_landscape(*performance.performance_flowables(ctx, 1, dept_key))
    story.page_break("portrait")

    def signer(role: str):
        # the strategy unit's entry for the department, else its own manager, else a year-level signer
        return settings.spending_officer(d, ctx.entries.values.get, dept_key)

    parts.annexes(ctx, story, [declarations.SPENDING], lambda role: f"{d.institution.name} {dept.name}", signer)
    if draft:
        parts.findings_part(ctx, story, findings)
    parts.colophon(ctx, story, fp, source)


def _drop_trailing_break(items: list) -> list:
    from reportlab.platypus import NextPageTemplate, PageBreak

    while items and isinstance(items[-1], (PageBreak, NextPageTemplate)):
        items.pop()
    return items


def _seed_toc(items: list) -> None:
    """Give the table of contents its entries before the first pass.

    The headings are known before layout; only their page numbers are not.
    With the entries in place the first pass already lays out a TOC of the
    right length, so the second pass is usually the last (2 passes, not 3).
    """
    from reportlab.platypus.tableofcontents import TableOfContents

    toc = next((x for x in items if isinstance(x, TableOfContents)), None)
    if toc is None:
        return
    toc._entries = [(min(h.level, 3), h.outline, 99, h.key) for h in items if isinstance(h, Heading) and h.toc]


def build(wb: Workbook, out: Path, *, department=None, progress=None, cancelled=None) -> ReportResult:
    out = Path(out)
    definition = wb.definition
    if department is None and not wb.is_consolidated:
        department = wb.department
    if department is not None:
        if definition.department(department) is None:
            known = ", ".join(d.key for d in definition.departments)
            raise WorkbookError(f"'{department}' diye bir birim yok. Bilinen birimler: {known}")
        if department not in wb.departments:
            raise WorkbookError(
                f"Bu dosyada '{department}' biriminin verisi yok; birimin kendi dosyasını ya da birleştirilmiş dosyayı kullanın."
            )
    fonts.register()
    model = OpenFile(wb, department)  # the open file's entries and findings, as the windows see them
    entries = model.entries
    view = ValueView(definition, entries, previous=model.previous)  # previous-year columns: the stored year before
    findings = model.findings
    draft = any(f.is_error for f in findings)
    fp = data_fingerprint(wb, department)

    def report(step: int, total: int, text: str) -> None:
        if progress is not None:
            progress(step, total, text)

    def check_cancel() -> None:
        if cancelled is not None and cancelled():
            raise Cancelled()

    report(0, 100, "Rapor hazırlanıyor")
    if cancelled is not None and cancelled():  # before any file exists
        raise ReportCancelled("Rapor üretimi durduruldu; dosya yazılmadı.")
    inst = definition.institution
    dept = definition.department(department) if department else None
    header_right = f"{definition.year.year} {'Birim ' if dept else ''}Faaliyet Raporu"
    header_left = f"{inst.name} – {dept.name}" if dept else inst.name

    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        tmp = temp_beside(out)
    except OSError as exc:
        raise WorkbookError(
            f"Rapor '{out.parent}' klasörüne yazılamadı ({exc.strerror or exc}). Yazma izniniz olan başka bir klasör seçin."
        ) from None
    tmp_path = Path(tmp)
    counter = {"n": 0, "total": 1}

    def after_flowable() -> None:
        counter["n"] += 1
        if counter["n"] % 25 == 0:
            check_cancel()
            done = min(95, 5 + int(90 * counter["n"] / max(counter["total"], 1)))
            report(done, 100, "Sayfalar diziliyor")

    try:
        doc = ReportDoc(
            str(tmp_path),
            header_left=header_left,
            header_right=header_right,
            draft=draft,
            check=after_flowable,
            title=f"{inst.name} {definition.year.year} {'Birim ' if dept else ''}Faaliyet Raporu"
            + (f" – {dept.name}" if dept else ""),
            author=inst.name,
            subject="Faaliyet Raporu",
            creator="Faaliyet",
            producer="Faaliyet (ReportLab)",
            keywords=[f"sha256:{fp}"],
            lang="tr-TR",
        )
        ctx = Context(wb, definition, entries, view, doc.portrait_width, doc.landscape_width)
        story = Story()
        source = wb.path.name
        if dept:
            department_story(ctx, story, department, findings, draft, fp, source)
        else:
            consolidated_story(ctx, story, findings, draft, fp, source)
        check_cancel()
        items = _drop_trailing_break(story.items)
        _seed_toc(items)
        items.append(doc.counter)
        counter["total"] = len(items) * 2
        doc.multiBuild(items, canvasmaker=fixed_canvas(creation_date(definition, entries.values.get)))
        pages = doc.counter.current or doc.page
        publish(tmp_path, out)  # data on disk before the name points at it; readable by others
    except Cancelled:
        tmp_path.unlink(missing_ok=True)
        raise ReportCancelled("Rapor üretimi durduruldu; dosya yazılmadı.") from None
    except (LayoutError, RowTooTall):
        # the parts check what they print and name the field (``text.checked``, ``tables.RowTooTall``);
        # this is the last guard, for what no part names
        tmp_path.unlink(missing_ok=True)
        raise WorkbookError(
            "Rapor üretilemedi: raporda bir sayfaya sığmayan bir öğe var (çok uzun bir metin ya da çok büyük bir "
            "tablo). Uzun metinleri ve fotoğraf açıklamalarını kısaltıp raporu yeniden üretin; önceki rapor dosyası "
            "(varsa) olduğu gibi duruyor."
        ) from None
    except OSError as exc:
        tmp_path.unlink(missing_ok=True)
        what = "Disk dolu" if exc.errno == errno.ENOSPC else f"Yazma hatası ({exc.strerror or exc})"
        raise WorkbookError(
            f"{what}: rapor '{out.name}' yazılamadı. Diskte yer açıp ya da başka bir klasör seçip yeniden deneyin; "
            "önceki rapor dosyası (varsa) olduğu gibi duruyor."
        ) from None
    except BaseException:
        tmp_path.unlink(missing_ok=True)
        raise
    report(100, 100, "Rapor hazır")
    return ReportResult(path=out, pages=pages, draft=draft, fingerprint=fp)
