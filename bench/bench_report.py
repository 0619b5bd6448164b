"""Building the report vs a plain ReportLab document with the same tables and pages.

1. The demo: the Kars 2020 sample in a consolidated workbook, built with
   ``build_report``. The baseline, in the same run: a plain ReportLab
   document (no application logic) with the same tables as plain-string
   cells (``repeatRows=1``), the same long texts as Paragraphs, a TOC through
   ``multiBuild``, header/footer, padded to the same number of pages.
   Prints both times and the ratio (goal: ≤ 1.0).

   Why the baseline is fair (the best plain way of the same work): it seeds
   its table of contents with the headings before ``multiBuild``, as the
   application does (``report/build.py`` ``_seed_toc``), so both settle in
   two passes (the passes are printed); an unseeded TOC costs a third full
   pass and would flatter the application. Both sides register their fonts
   inside the timing (the process-wide "registered" flag is reset before each
   run) and build their story inside it; both are timed in CPU seconds of
   this process, interleaved, best of ``--repeat``. Both run with the heap
   that exists before them frozen out of the collector's walks (``gc.freeze``:
   the application's build does it, ``report/heap.py``; the baseline gets the
   same, so neither pays for the open workbook the other one does not own).
2. Scale: a synthetic year of about 5,000 pages, built in a fresh process;
   prints time, pages and peak memory (goal: time linear, peak ≤ 300 MiB;
   issue #18 item 2), next to a run a quarter that size (a quarter of the
   departments). By default 680 departments, each a narrative of twelve text
   blocks (about 13,000 characters) and four tables of 8 rows × 6 columns:
   5,194 pages from 150,000 values. Pages need text: a year of tables alone
   reaches the definition's limits (``core.limits``: 200,000 values, 8 MB of
   stored definition) near 1,000 pages; the shape of the earlier check (116
   departments, four tables of 60 rows, one text block: 835 pages) is
   ``--scale-departments 116 --scale-rows 60 --scale-texts 1``.

    uv run python -m bench.bench_report [--no-scale] [--scale-departments 680]
        [--scale-rows 8] [--scale-texts 12]
"""

from __future__ import annotations

import argparse
import gc
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from desktop import resources
from desktop.core import keys
from desktop.core.definition import Definition
from desktop.core.entries import ValueView
from desktop.core.forms import FieldDef, TableDef
from desktop.core.loader import load_definition
from desktop.report import build_report
from desktop.store.exchange.valueset import import_values, read_json
from desktop.store.file.workbook import Workbook


def sample_workbook(folder: Path) -> Path:
    definition = load_definition(resources.default_definition())
    path = folder / "birlesik.faaliyet"
    with Workbook.create(path, definition, None) as wb:
        for f in sorted(resources.sample(definition.id).glob("*.json")):
            import_values(wb, read_json(f))
    return path


def content_of(path: Path) -> tuple[list[tuple[str, list[list[str]]]], list[str]]:
    """The report's tables (as strings) and long texts, prepared outside the timing.

    The same rows the report prints: every form table with its total row,
    the performance and activity tables, and the findings list.
    """
    from desktop.report.context import Context
    from desktop.report.performance import ACT_HEADER, IND_HEADER, target_rows
    from desktop.report.sections import table_rows

    with Workbook.open(path, readonly=True) as wb:
        d, entries = wb.definition, wb.entries()
        ctx = Context(wb, d, entries, ValueView(d, entries), 470, 770)
        tables, texts = [], []
        for form in d.forms:
            for section in form.sections:
                for item in section.items:
                    if isinstance(item, TableDef):
                        rows, _, _ = table_rows(ctx, form.department, item)
                        tables.append((item.title, [[item.row_header] + [c.label for c in item.columns]] + rows))
                    elif isinstance(item, FieldDef) and item.type == "longtext":
                        v = ctx.value(keys.join(form.department, item.key), item.default)
                        if v:
                            texts.extend(p for p in str(v).split("\n\n") if p.strip())
        for t in d.plan.targets():
            rows = target_rows(ctx, t, None)[0]
            tables.append((t.name, [IND_HEADER] + rows))
            if t.activities:
                tables.append(
                    (t.name, [ACT_HEADER] + [[a.code, a.name, str(a.planned_cost or ""), "", ""] for a in t.activities])
                )
        findings = wb.findings()
        if any(f.is_error for f in findings):
            tables.append(
                (
                    "Açık bulgular",
                    [["Önem", "Birim", "Açıklama"]] + [[f.severity_label, f.department, f.message] for f in findings],
                )
            )
    return tables, texts


def plain_document(out: Path, tables, texts, pages_wanted: int | None = None) -> tuple[float, int]:
    """The baseline: plain ReportLab, same tables and texts, padded to ``pages_wanted``."""
    from xml.sax.saxutils import escape

    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import cm
    from reportlab.platypus import BaseDocTemplate, Frame, PageBreak, PageTemplate, Paragraph, Table, TableStyle
    from reportlab.platypus.tableofcontents import TableOfContents

    from desktop.report import fonts

    fonts.register()  # the styles below need the names; registered again inside the timing
    body = ParagraphStyle("b", fontName=fonts.SERIF, fontSize=10, leading=14)
    head = ParagraphStyle("h", fontName=fonts.SANS_BOLD, fontSize=12, leading=15, keepWithNext=1)
    style = TableStyle([("FONT", (0, 0), (-1, -1), fonts.SANS, 7.5), ("GRID", (0, 0), (-1, -1), 0.25, (0.6, 0.6, 0.6))])

    class Doc(BaseDocTemplate):
        passes = 0

        def beforeDocument(self):
            self.passes += 1

        def afterFlowable(self, f):
            if getattr(f, "style", None) is head:
                self.notify("TOCEntry", (0, f.getPlainText(), self.page))

    def page(canv, doc):
        canv.setFont(fonts.SANS, 8)
        canv.drawString(2 * cm, A4[1] - 1.4 * cm, "Kurum  2020 Faaliyet Raporu")
        canv.drawCentredString(A4[0] / 2, 1.4 * cm, str(doc.page))

    def story(padding: int):
        s = [TableOfContents(), PageBreak()]
        for t in texts:
            s.append(Paragraph(escape(t), body))
        for title, rows in tables:
            s.append(Paragraph(escape(title), head))
            s.append(Table([[_wrap(c) for c in row] for row in rows], repeatRows=1, style=style))
        for _ in range(padding):
            s += [PageBreak(), Paragraph("…", body)]
        return s

    def build(padding: int) -> tuple[float, int, int]:
        t0 = time.process_time()
        gc.freeze()  # as the application's build does (report/heap.py): the heap already there is not walked
        try:
            return _build(padding, t0)
        finally:
            gc.unfreeze()

    def _build(padding: int, t0: float) -> tuple[float, int, int]:
        unregister_fonts()
        fonts.register()
        doc = Doc(str(out), pagesize=A4, invariant=1)
        frame = Frame(2.2 * cm, 2.2 * cm, A4[0] - 4.4 * cm, A4[1] - 4.7 * cm)
        doc.addPageTemplates([PageTemplate("p", [frame], onPage=page)])
        items = story(padding)
        # the headings are known before layout, their pages are not: seeded as the application seeds
        items[0]._entries = [(0, title, 99, None) for title, _ in tables]
        doc.multiBuild(items)
        return time.process_time() - t0, doc.page, doc.passes

    elapsed, pages, passes = build(0)
    if pages_wanted and pages < pages_wanted:
        elapsed, pages, passes = build(pages_wanted - pages)
    return elapsed, pages, passes


def unregister_fonts() -> None:
    """Make the next ``fonts.register()`` register again (TTF parsing included), so that
    both sides of the comparison pay for it inside their timing."""
    from desktop.report import fonts

    fonts._registered = False


def _wrap(text, width: int = 60) -> str:
    """Plain text cells wrapped at a fixed character count (no measuring)."""
    import textwrap

    text = "" if text is None else str(text)
    return "\n".join(textwrap.wrap(text, width)) if len(text) > width else text


# --- scale: a synthetic year -------------------------------------------------

ROWS = 8  # rows of each of a department's four tables
TEXTS = 12  # copies of the narrative's text block in a department's long text
DEPARTMENTS = 680  # with ROWS and TEXTS: 5,194 pages


def synthetic_definition(departments: int, rows: int = ROWS) -> Definition:
    depts = [{"key": "strateji", "name": "Strateji Geliştirme", "role": "institution"}]
    forms, aims = [], []
    for n in range(departments):
        key = f"birim_{n:03d}"
        depts.append({"key": key, "name": f"Örnek Müdürlüğü {n + 1}", "manager": "Ad SOYAD", "manager_title": "Müdür"})
        tables = [
            {
                "kind": "table",
                "key": f"tablo_{t}",
                "title": f"Çizelge {t + 1}: Aylara ve Türlere Göre İşlemler",
                "row_header": "Tür",
                "rows": [{"key": f"r{r}", "label": f"İşlem türü {r + 1} (şubeler dâhil)"} for r in range(rows)],
                "columns": [{"key": f"c{c}", "label": f"Sütun {c + 1}", "type": "count"} for c in range(4)]
                + [
                    {"key": "tutar", "label": "Tutar (TL)", "type": "money"},
                    {"key": "toplam", "label": "Toplam", "type": "count", "computed": "c0 + c1 + c2 + c3"},
                ],
                "total_row": True,
            }
            for t in range(4)
        ]
        forms.append(
            {
                "department": key,
                "sections": [
                    {
                        "key": "genel",
                        "title": "Faaliyetler",
                        "items": [{"kind": "field", "key": "anlatim", "label": "Çalışmalar", "type": "longtext"}] + tables,
                    }
                ],
            }
        )
        aims.append(
            {
                "code": f"SA{n + 1}",
                "name": f"Stratejik amaç {n + 1}",
                "goals": [
                    {
                        "code": f"H{n + 1}.1",
                        "name": "Hedef",
                        "targets": [
                            {
                                "key": f"ph_{n}",
                                "name": f"Performans hedefi {n + 1}",
                                "indicators": [
                                    {
                                        "key": f"pg_{n}_{i}",
                                        "code": f"PG.{n + 1}.1.{i + 1}",
                                        "name": f"Gösterge {i + 1}",
                                        "unit": "Adet",
                                        "target": 100,
                                        "weight": 25,
                                        "department": key,
                                    }
                                    for i in range(4)
                                ],
                            }
                        ],
                    }
                ],
            }
        )
    return Definition.from_data(
        {
            "id": "olcek-2020",
            "institution": {"key": "olcek", "name": "Ölçek Belediyesi"},
            "year": {"year": 2020},
            "departments": depts,
            "plan": {"aims": aims},
            "forms": forms,
        }
    )


def synthetic_workbook(path: Path, departments: int, rows: int = ROWS, texts: int = TEXTS) -> Path:
    d = synthetic_definition(departments, rows)
    text = (
        "Müdürlüğümüz yıl boyunca planlanan işleri yürütmüş, vatandaş başvurularını zamanında "
        "sonuçlandırmıştır. " * 6 + "\n\n- Birinci çalışma\n- İkinci çalışma\n- Üçüncü çalışma\n\n"
    ) * (2 * texts)
    with Workbook.create(path, d, None) as wb:
        values, indicators = {}, {}
        for n in range(departments):
            key = f"birim_{n:03d}"
            values[f"{key}.anlatim"] = text
            for t in range(4):
                for r in range(rows):
                    for c in range(4):
                        values[f"{key}.tablo_{t}.r{r}.c{c}"] = (n * 7 + t * 13 + r * 17 + c * 31) % 997
                    values[f"{key}.tablo_{t}.r{r}.tutar"] = ((n + 1) * (r + 1) * 104729) % 9_999_999 + 0.5
            for i in range(4):
                indicators[f"pg_{n}_{i}"] = {"actual": 80 + i * 5, "explanation": "Planlanan düzeyde."}
        wb.apply(values, indicators)
    return path


def _peak_mib() -> float:
    """Peak resident memory of this process (VmHWM; ru_maxrss would include the
    parent's peak before exec). Falls back to ru_maxrss off Linux."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def scale_child(departments: int, folder: str) -> None:
    """In a fresh process: build the report of an existing synthetic workbook."""
    path = Path(folder) / f"olcek-{departments}.faaliyet"
    base = _peak_mib()
    with Workbook.open(path, readonly=True) as wb:
        t0 = time.process_time()
        result = build_report(wb, Path(folder) / f"olcek-{departments}.pdf")
        elapsed = time.process_time() - t0
    size = (Path(folder) / f"olcek-{departments}.pdf").stat().st_size
    peak = _peak_mib()
    print(json.dumps({"pages": result.pages, "seconds": elapsed, "peak_mib": peak, "start_mib": base, "bytes": size}))


def scale_run(departments: int, rows: int = ROWS, texts: int = TEXTS) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        synthetic_workbook(Path(tmp) / f"olcek-{departments}.faaliyet", departments, rows, texts)  # not measured
        out = subprocess.run(
            [sys.executable, "-m", "bench.bench_report", "--scale-child", str(departments), "--folder", tmp],
            capture_output=True,
            text=True,
            check=True,
        )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--no-scale", action="store_true")
    p.add_argument("--repeat", type=int, default=5)
    p.add_argument("--scale-departments", type=int, default=DEPARTMENTS)
    p.add_argument("--scale-rows", type=int, default=ROWS, help="rows of each of a department's four tables")
    p.add_argument("--scale-texts", type=int, default=TEXTS, help="text blocks in a department's narrative")
    p.add_argument("--scale-child", type=int, help=argparse.SUPPRESS)
    p.add_argument("--folder", help=argparse.SUPPRESS)
    args = p.parse_args()
    if args.scale_child:
        scale_child(args.scale_child, args.folder)
        return
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        path = sample_workbook(folder)
        tables, texts = content_of(path)
        apps, bases = [], []
        with Workbook.open(path, readonly=True) as wb:
            build_report(wb, folder / "isinma.pdf")  # warm-up: fonts, imports
            plain_document(folder / "isinma-duz.pdf", tables, texts)
            for _ in range(args.repeat):  # interleaved; the best of each (the machine is shared)
                t0 = time.process_time()
                unregister_fonts()
                result = build_report(wb, folder / "rapor.pdf")
                apps.append(time.process_time() - t0)
                elapsed, base_pages, base_passes = plain_document(folder / "duz.pdf", tables, texts, result.pages)
                bases.append(elapsed)
        app, base = min(apps), min(bases)
    print("CPU time of this process (the machine is shared; wall time varies with other work)")
    print(f"demo report (build_report)       {app:6.2f} s  {result.pages} pages, {len(tables)} tables")
    print(f"plain ReportLab, same content    {base:6.2f} s  {base_pages} pages, {base_passes} passes (TOC seeded)")
    print(f"ratio app / plain                {app / base:6.2f}  (goal ≤ 1.0; best of {args.repeat} each)")
    if args.no_scale:
        return
    small = scale_run(max(1, args.scale_departments // 4), args.scale_rows, args.scale_texts)
    big = scale_run(args.scale_departments, args.scale_rows, args.scale_texts)
    for name, r in (("scale, quarter", small), ("scale, full", big)):
        print(
            f"{name:<16} {r['pages']:5d} pages  {r['seconds']:6.2f} s  {r['seconds'] / r['pages'] * 1000:5.1f} ms/page  "
            f"peak {r['peak_mib']:5.0f} MiB (goal ≤ 300 MiB; at start {r['start_mib']:3.0f})  {r['bytes'] / 1e6:5.1f} MB"
        )
    print(
        f"time per page, full / quarter    {(big['seconds'] / big['pages']) / (small['seconds'] / small['pages']):5.2f}  (1.0 = linear)"
    )
    print(
        f"peak memory ≤ 300 MiB            {'yes' if big['peak_mib'] <= 300 else 'NO'}  ({big['peak_mib']:.0f} MiB at {big['pages']} pages)"
    )


if __name__ == "__main__":
    main()
