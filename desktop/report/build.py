"""Build the report PDF from a workbook (see ``desktop.report.build_report``)."""

from __future__ import annotations

import datetime as dt
import errno
from pathlib import Path

from reportlab.platypus.doctemplate import LayoutError

from ..core import settings
from ..core.entries import ValueView
from ..core.i18n import _, document_language
from ..store.errors import WorkbookError
from ..store.file.document import OpenFile
from ..store.file.tempfiles import publish, temp_beside
from ..store.file.workbook import Workbook
from . import ReportCancelled, ReportResult, declarations, fonts, parts, unit_report
from .context import Context
from .cover import cover
from .document import Cancelled, Heading, ReportDoc, fixed_canvas
from .findings_annex import findings_part
from .fingerprint import fingerprint as data_fingerprint
from .marks import Marks
from .story import Story
from .tables import RowTooTall


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
        findings_part(ctx, story, findings)
    parts.colophon(ctx, story, fp, source)


def department_story(ctx: Context, story: Story, dept_key: str, findings, draft: bool, fp: str, source: str) -> None:
    unit_report.unit_story(ctx, story, dept_key, findings, draft, fp, source)


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
            raise WorkbookError(
                _("'{department}' diye bir birim yok. Bilinen birimler: {known}").format(department=department, known=known)
            )
        if department not in wb.departments:
            raise WorkbookError(
                _(
                    "Bu dosyada '{department}' biriminin verisi yok; birimin kendi dosyasını ya da birleştirilmiş dosyayı kullanın."
                ).format(department=department)
            )
    fonts.register()
    # the open file's entries and findings, as the windows see them; in Turkish whatever the
    # window's language (the findings are made here and listed in the report)
    with document_language():
        model = OpenFile(wb, department)
        findings = model.findings
    entries = model.entries
    view = ValueView(definition, entries, previous=model.previous)  # previous-year columns: the stored year before
    # the open file's live-check index (every key's checks, figures, shown values) has given its
    # findings: let it go before the story and the pages are made
    del model
    draft = any(f.is_error for f in findings)
    fp = data_fingerprint(wb, department)

    def report(step: int, total: int, text: str) -> None:
        if progress is not None:
            progress(step, total, text)

    def check_cancel() -> None:
        if cancelled is not None and cancelled():
            raise Cancelled()

    report(0, 100, _("Rapor hazırlanıyor"))
    if cancelled is not None and cancelled():  # before any file exists
        raise ReportCancelled(_("Rapor üretimi durduruldu; dosya yazılmadı."))
    inst = definition.institution
    dept = definition.department(department) if department else None
    header_right = f"{definition.year.year} {'Birim ' if dept else ''}Faaliyet Raporu"
    header_left = f"{inst.name} – {dept.name}" if dept else inst.name

    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        tmp = temp_beside(out)
    except OSError as exc:
        raise WorkbookError(
            _("Rapor '{parent}' klasörüne yazılamadı ({x}). Yazma izniniz olan başka bir klasör seçin.").format(
                parent=out.parent, x=exc.strerror or exc
            )
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
        marks = Marks(definition, findings) if draft else Marks()
        doc.open_errors = sum(1 for f in findings if f.is_error)
        ctx = Context(wb, definition, entries, view, doc.portrait_width, doc.landscape_width, marks=marks, pages=doc.pages)
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
        items.append(doc.pages)
        counter["total"] = len(items) * 2
        doc.multiBuild(items, canvasmaker=fixed_canvas(creation_date(definition, entries.values.get)))
        pages = doc.counter.current or doc.page
        publish(tmp_path, out)  # data on disk before the name points at it; readable by others
    except Cancelled:
        tmp_path.unlink(missing_ok=True)
        raise ReportCancelled(_("Rapor üretimi durduruldu; dosya yazılmadı.")) from None
    except (LayoutError, RowTooTall):
        # the parts check what they print and name the field (``text.checked``, ``tables.RowTooTall``);
        # this is the last guard, for what no part names
        tmp_path.unlink(missing_ok=True)
        raise WorkbookError(
            _(
                "Rapor üretilemedi: raporda bir sayfaya sığmayan bir öğe var (çok uzun bir metin ya da çok büyük bir tablo). Uzun metinleri ve fotoğraf açıklamalarını kısaltıp raporu yeniden üretin; önceki rapor dosyası (varsa) olduğu gibi duruyor."
            )
        ) from None
    except OSError as exc:
        tmp_path.unlink(missing_ok=True)
        what = _("Disk dolu") if exc.errno == errno.ENOSPC else _("Yazma hatası ({x})").format(x=exc.strerror or exc)
        raise WorkbookError(
            _(
                "{what}: rapor '{name}' yazılamadı. Diskte yer açıp ya da başka bir klasör seçip yeniden deneyin; önceki rapor dosyası (varsa) olduğu gibi duruyor."
            ).format(what=what, name=out.name)
        ) from None
    except BaseException:
        tmp_path.unlink(missing_ok=True)
        raise
    report(100, 100, _("Rapor hazır"))
    return ReportResult(path=out, pages=pages, draft=draft, fingerprint=fp)
