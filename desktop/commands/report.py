"""The report: the file's findings (check), the PDF (build) and the sample year end to end (demo)."""

from __future__ import annotations

import sys
from pathlib import Path

from .. import resources
from ..core.findings import Finding, count_by_severity
from ..core.i18n import _
from ..store.errors import ImportRejected, WorkbookError
from ..store.file.lockfile import refuse_if_held
from ..store.file.workbook import Workbook
from .common import Add, Failure, definition_of, not_an_input, open_workbook, with_definition


def print_findings(findings: list[Finding], out=None) -> None:
    for f in sorted(findings, key=lambda f: (f.severity != "error", f.department, f.place)):
        print(f"{f.severity_label}\t{f.place}\t{f.message}", file=out or sys.stdout)


def cmd_check(args) -> int:
    with open_workbook(args.file, readonly=True) as wb:
        findings = wb.findings(images=True)  # what a merge checks, photos decoded too
    print_findings(findings)
    counts = count_by_severity(findings)
    print(_("{error} hata, {warning} uyarı").format(error=counts["error"], warning=counts["warning"]), file=sys.stderr)
    return 1 if counts["error"] else 0


def add_check(add: Add) -> None:
    """`faaliyet check`: the command and its arguments."""
    sp = add("check", _("dosyayı denetler ve bulguları listeler (çıkış: 0 hatasız, 1 hatalı, 2 açılamadı)"), cmd_check)
    sp.add_argument("file", metavar=_("DOSYA"), help=_(".faaliyet dosyası"))


def cmd_demo(args) -> int:
    """Sample department files → consolidated file → findings → report."""
    from ..store.sample import build_sample, department_file

    definition = definition_of(args)
    sample_dir = resources.sample(definition.id)
    if not sample_dir.is_dir() or not any(sample_dir.glob("*.json")):
        raise Failure(
            _(
                "'{id}' tanımının örnek verisi yok; örnek rapor ancak örnek verisi olan bir tanımla kurulur (--definition vermeden: uygulamayla gelen örnek). Kendi yılınız için: faaliyet new --definition KLASÖR --consolidated --out DOSYA"
            ).format(id=definition.id)
        )
    workdir = Path(args.workdir) if args.workdir else Path.cwd() / "faaliyet-demo"
    try:
        # the demo replaces its files: not one a window has open
        for path in [department_file(workdir, definition, d.key) for d in definition.departments] + [
            _demo_target(definition, workdir)
        ]:
            refuse_if_held(path)
        result = build_sample(definition, sample_dir, workdir)
    except (WorkbookError, ImportRejected) as exc:
        raise Failure(_("Örnek veriler kurulamadı:\n{exc}").format(exc=exc)) from None
    consolidated = _demo_merge(definition, workdir, result.files)
    with open_workbook(str(consolidated), readonly=True) as wb:
        findings = wb.findings()  # the whole year once: no finding counted per department
    plan = definition.plan
    tables = sum(1 for f in definition.forms for s in f.sections for i in s.items if i.kind == "table")
    counts = count_by_severity(findings)
    print(
        _("Örnek: {name} {year} ({workdir})").format(name=definition.institution.name, year=definition.year.year, workdir=workdir)
    )
    print(_("  birim: {n}").format(n=len(definition.departments)))
    print(_("  gösterge: {n}, faaliyet: {n2}").format(n=len(plan.indicators()), n2=len(plan.activities())))
    print(_("  tablo: {tables}, girilen değer: {values}").format(tables=tables, values=result.values))
    print(_("  bulgular: {error} hata, {warning} uyarı").format(error=counts["error"], warning=counts["warning"]))
    if args.findings:
        print_findings(findings)
    out = Path(args.out) if args.out else workdir / f"{definition.id}-faaliyet-raporu.pdf"
    _build(consolidated, out, None)
    return 0


def _demo_merge(definition, workdir: Path, files: dict) -> Path:
    """Merge the sample's department files into a fresh consolidated file."""
    from ..store.merge.run import merge_files

    target = _demo_target(definition, workdir)
    target.unlink(missing_ok=True)
    try:
        with Workbook.create(target, definition, None):
            pass
        merge_files(target, list(files.values()))
    except WorkbookError as exc:
        raise Failure(_("Örnek dosyalar birleştirilemedi:\n{exc}").format(exc=exc)) from None
    print(_("Birleştirilmiş dosya: {target}").format(target=target))
    return target


def _demo_target(definition, workdir: Path) -> Path:
    return workdir / f"{definition.id}-birlesik.faaliyet"


def add_demo(add: Add) -> None:
    """`faaliyet demo`: the command and its arguments."""
    sp = with_definition(add("demo", _("uygulamayla gelen örnek yılı kurar, denetler ve raporu üretir"), cmd_demo))
    sp.add_argument("--out", metavar="PDF", help=_("rapor dosyası"))
    sp.add_argument(
        "--workdir", metavar=_("KLASÖR"), help=_("birim dosyalarının yazılacağı klasör (varsayılan: ./faaliyet-demo)")
    )
    sp.add_argument("--findings", action="store_true", help=_("bütün bulguları da listeler"))


def _build(path: Path, out: Path, department: str | None) -> None:
    from ..report import build_report

    with open_workbook(str(path), readonly=True) as wb:
        try:
            result = build_report(wb, out, department=department)
        except WorkbookError as exc:
            raise Failure(str(exc)) from None
    if result.draft:
        print(_("Rapor: {path} ({pages} sayfa, TASLAK)").format(path=result.path, pages=result.pages))
    else:
        print(_("Rapor: {path} ({pages} sayfa)").format(path=result.path, pages=result.pages))


def cmd_build(args) -> int:
    out = Path(args.out) if args.out else Path(args.file).with_suffix(".pdf")
    not_an_input(str(out), args.file)
    _build(Path(args.file), out, args.department)
    return 0


def add_build(add: Add) -> None:
    """`faaliyet build`: the command and its arguments."""
    sp = add("build", _("dosyadan raporu (PDF) üretir"), cmd_build)
    sp.add_argument("file", metavar=_("DOSYA"), help=_("birleştirilmiş ya da birim .faaliyet dosyası"))
    sp.add_argument("--out", metavar="PDF", help=_("rapor dosyası (varsayılan: dosya adı .pdf)"))
    sp.add_argument("--department", metavar=_("BİRİM"), help=_("yalnızca bu birimin birim faaliyet raporu"))
