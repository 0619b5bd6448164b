"""The `faaliyet` command line (no Qt). Every command has Turkish help.

Exit status: 0 success, 1 the work was done but found errors (check) or was
refused (import), 2 a file could not be opened or an argument is wrong.
"""

from __future__ import annotations

import argparse
import errno
import os
import sys
from pathlib import Path

from . import argparse_tr, resources
from .core import i18n
from .core.definition import Definition, describe_type
from .core.findings import Finding, count_by_severity
from .core.forms import InvalidData
from .core.i18n import _, lazy
from .core.loader import DefinitionError, load_definition
from .store import definition_cache
from .store.errors import ImportRejected, WorkbookError
from .store.exchange.valueset import dumps, export_values, import_values, read_json, to_csv
from .store.file.lockfile import refuse_if_held
from .store.file.tempfiles import write_atomic
from .store.file.workbook import Workbook
from .version import version


class Failure(Exception):
    def __init__(self, message: str, status: int = 2):
        super().__init__(message)
        self.status = status


# the plan's levels as plan_import counts them (Turkish keys), as this run's language says them
_PLAN_WORDS = {
    "amaç": lazy("amaç"),
    "hedef": lazy("hedef"),
    "performans hedefi": lazy("performans hedefi"),
    "gösterge": lazy("gösterge"),
    "faaliyet": lazy("faaliyet"),
}


def _definition(args) -> Definition:
    """The definition a command works with: ``--from FILE``'s copy, ``--definition FOLDER``, or the shipped sample."""
    if getattr(args, "source_file", None):
        if getattr(args, "definition", None):
            raise Failure(_("--definition ile --from birlikte verilemez: tanım ya klasörden ya dosyadan alınır."))
        with _open(args.source_file, readonly=True) as wb:
            return wb.definition
    folder = Path(args.definition) if getattr(args, "definition", None) else resources.default_definition()
    try:
        return definition_cache.load(folder)  # compiled once, then milliseconds
    except DefinitionError as exc:
        raise Failure(_("Form tanımı yüklenemedi ({folder}):\n{exc}").format(folder=folder, exc=exc)) from None


def _open(path: str, readonly: bool = False) -> Workbook:
    """Open a workbook; to write, only if no Faaliyet window has it open."""
    try:
        if not readonly:
            refuse_if_held(path)
        return Workbook.open(path, readonly=readonly)
    except WorkbookError as exc:
        raise Failure(str(exc)) from None


def _not_an_input(out: str, *inputs: str) -> None:
    """An output file must not replace the file it is made from (``--out`` given the workbook's name)."""
    target = Path(out)
    for name in inputs:
        if target.resolve() == Path(name).resolve() or _same_file(target, Path(name)):
            raise Failure(
                _(
                    "Çıktı dosyası ('{name}') okunan dosyanın kendisi; üzerine yazılırsa dosya kaybolur. --out ile başka bir ad verin."
                ).format(name=Path(out).name)
            )


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)  # hard links and other names of one file
    except OSError:
        return False


def cmd_departments(args) -> int:
    for d in _definition(args).departments:
        print(f"{d.key}\t{d.name}")
    return 0


def cmd_new(args) -> int:
    definition = _definition(args)
    if args.year is not None and args.year != definition.year.year:
        raise Failure(
            _("Form tanımı {year} yılı için; {year2} yılı için tanım yok. --definition ile o yılın klasörünü verin.").format(
                year=definition.year.year, year2=args.year
            )
        )
    department = None if args.consolidated else args.department
    try:
        Workbook.create(args.out, definition, department).close()
    except WorkbookError as exc:
        raise Failure(str(exc)) from None
    except OSError as exc:
        raise Failure(
            _("'{out}' oluşturulamadı ({x}). Yazılabilir bir klasör seçin.").format(out=args.out, x=exc.strerror or exc)
        ) from None
    if department is None:
        print(
            _("Birleşik dosya oluşturuldu: {out} ({name} {year})").format(
                out=args.out, name=definition.institution.name, year=definition.year.year
            )
        )
        print(_("Birim dosyaları için: faaliyet distribute {out} --out-dir KLASÖR").format(out=args.out))
    else:
        print(_("Oluşturuldu: {out}").format(out=args.out))
    return 0


def cmd_init(args) -> int:
    """A starting definition folder for a new municipality's year."""
    from .core.starter import StarterError, starter_files

    try:
        files = starter_files(args.institution, args.year)
    except StarterError as exc:
        raise Failure(str(exc)) from None
    out = Path(args.out)
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise Failure(
            _(
                "'{out}' boş bir klasör değil; tanımın üzerine yazılmasın diye hiçbir şey yazılmadı. Yeni ya da boş bir klasör adı verin."
            ).format(out=out)
        )
    existed = out.exists()
    try:
        for name, text in files.items():
            (out / name).parent.mkdir(parents=True, exist_ok=True)
            write_atomic(out / name, text)
        definition = load_definition(out)  # what was written loads: the strategy unit starts from a valid definition
    except (OSError, WorkbookError, DefinitionError) as exc:
        _remove_written(out, files, keep=out if existed else None)
        if isinstance(exc, OSError):
            raise Failure(
                _("'{out}' klasörüne yazılamadı ({x}). Yazılabilir bir klasör seçin.").format(out=out, x=exc.strerror or exc)
            ) from None
        raise Failure(_("Başlangıç tanımı yazılamadı; klasör eski haline getirildi:\n{exc}").format(exc=exc)) from None
    print(_("Tanım klasörü oluşturuldu: {out} ({id})").format(out=out, id=definition.id))
    for name in files:
        print(f"  {name}")
    print(
        _(
            "Sonra: tanımı doldurun, ardından faaliyet new --definition {out} --consolidated --out {key}-{year}-birlesik.faaliyet"
        ).format(out=out, key=definition.institution.key, year=definition.year.year)
    )
    return 0


def _remove_written(out: Path, files: dict, keep: Path | None) -> None:
    """Undo a half-written starting definition: the files init wrote, then the folders it made."""
    for name in files:
        (out / name).unlink(missing_ok=True)
    for folder in sorted({(out / n).parent for n in files} | {out}, key=lambda p: len(p.parts), reverse=True):
        if folder == keep:
            continue
        try:
            folder.rmdir()
        except OSError:
            pass  # not empty (someone else's file) or not there


def cmd_distribute(args) -> int:
    """One empty department file per department, from the consolidated file."""
    from .store.distribute import distribute

    with _open(args.file, readonly=True) as wb:
        try:
            results = distribute(wb, args.out_dir, args.department or None)
        except WorkbookError as exc:
            raise Failure(str(exc)) from None
    for r in results:
        print(r.line, file=sys.stdout if r.written else sys.stderr)
    written = sum(r.written for r in results)
    print(
        _("{written} birim dosyası yazıldı, {n} yazılmadı: {out_dir}").format(
            written=written, n=len(results) - written, out_dir=args.out_dir
        )
    )
    return 0 if written == len(results) else 1


def cmd_fields(args) -> int:
    definition = _definition(args)
    if definition.department(args.department) is None:
        known = ", ".join(d.key for d in definition.departments)
        raise Failure(
            _("'{department}' diye bir birim yok. Bilinen birimler: {known}").format(department=args.department, known=known)
        )
    for slot in definition.slots_of(args.department):
        kind = _("hesaplanan") if slot.computed else describe_type(slot.type)
        print(f"{slot.key}\t{kind}\t{slot.label}")
    for ind in definition.indicators_of(args.department):
        print(f"{ind.key}.actual\t{_('gösterge')}\t{ind.code} {ind.name} ({ind.unit})")
        print(f"{ind.key}.explanation\t{_('uzun metin')}\t{ind.code} {_('sapma açıklaması')}")
        print(f"{ind.key}.source\t{_('metin')}\t{ind.code} {_('kaynak belge/kayıt')}")
    for act in definition.activities_of(args.department):
        print(f"{act.key}.actual_cost\t{_('faaliyet')}\t{act.code} {act.name[:60]} ({_('gerçekleşen maliyet, TL')})")
    return 0


def cmd_values_import(args) -> int:
    with _open(args.file) as wb:
        try:
            n = import_values(wb, read_json(args.values))
        except ImportRejected as exc:
            print(str(exc), file=sys.stderr)
            return 1
        except WorkbookError as exc:
            raise Failure(str(exc)) from None
    print(_("{n} değer kaydedildi: {file}").format(n=n, file=args.file))
    return 0


def cmd_values_export(args) -> int:
    with _open(args.file, readonly=True) as wb:
        if not wb.department and not args.department:
            raise Failure(_("Bu birleştirilmiş bir dosya: --department ile birimi seçin."))
        try:
            data = export_values(wb, args.department, args.previous_year)
        except WorkbookError as exc:
            raise Failure(str(exc)) from None
    text = dumps(data) if args.format == "json" else to_csv(data)
    if args.out:
        _not_an_input(args.out, args.file)
        try:
            write_atomic(args.out, text)
        except WorkbookError as exc:
            raise Failure(str(exc)) from None
    else:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
    return 0


def cmd_year_next(args) -> int:
    """Next year from this year's consolidated file: its definition folder and its consolidated file."""
    from .store.year_cycle import next_year

    if bool(args.out_definition) == bool(args.definition):
        raise Failure(
            _(
                "Yeni yılın tanımı için ya --out-definition KLASÖR (tanımı bu dosyadan yaz) ya da --definition KLASÖR "
                "(hazırladığınız tanımı kullan) verin; ikisi birden değil."
            )
        )
    _not_an_input(args.out, args.file)
    folder = Path(args.out_definition) if args.out_definition else None
    if folder is not None and folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise Failure(
            _(
                "'{folder}' boş bir klasör değil; tanımın üzerine yazılmasın diye hiçbir şey yazılmadı. "
                "Yeni ya da boş bir klasör adı verin."
            ).format(folder=folder)
        )
    new = _definition(args) if args.definition else None
    with _open(args.file, readonly=True) as wb:
        try:
            rolled = next_year(wb, args.year, args.out, folder, new)  # the strategy window runs the same
        except WorkbookError as exc:
            raise Failure(str(exc)) from None
    if folder is not None:
        print(_("Tanım klasörü yazıldı: {folder} ({id})").format(folder=folder, id=rolled.definition.id))
    print(
        _("Yeni yılın birleşik dosyası yazıldı: {path} ({year}; {n} değer taşındı, geçmiş yıllar: {years})").format(
            path=rolled.path, year=rolled.definition.year.year, n=rolled.carried, years=", ".join(map(str, rolled.years))
        )
    )
    for note in rolled.notes:
        print(_("not: {note}").format(note=note))
    if rolled.dropped:
        print(
            _("Yeni yılda yeri olmayan {n} değer (taşınmadı, geçmiş yıl olarak da tutulmadı):").format(n=len(rolled.dropped)),
            file=sys.stderr,
        )
        for line in rolled.dropped:
            print(f"  {line}", file=sys.stderr)
    return 0


def cmd_year_history(args) -> int:
    """Earlier years' consolidated files added to a file's history."""
    from .store.year_cycle import add_years

    with _open(args.file) as wb:
        try:
            added = add_years(wb, args.sources)
        except WorkbookError as exc:
            raise Failure(str(exc), 1) from None
    for a in added:
        print(_("{year}: {n} değer eklendi ({name})").format(year=a.year, n=a.rows, name=a.path.name))
        for line in a.dropped:
            print(_("  bu yılda yeri yok: {line}").format(line=line), file=sys.stderr)
    return 0


def print_findings(findings: list[Finding], out=None) -> None:
    for f in sorted(findings, key=lambda f: (f.severity != "error", f.department, f.place)):
        print(f"{f.severity_label}\t{f.place}\t{f.message}", file=out or sys.stdout)


def cmd_check(args) -> int:
    with _open(args.file, readonly=True) as wb:
        findings = wb.findings(images=True)  # what a merge checks, photos decoded too
    print_findings(findings)
    counts = count_by_severity(findings)
    print(_("{error} hata, {warning} uyarı").format(error=counts["error"], warning=counts["warning"]), file=sys.stderr)
    return 1 if counts["error"] else 0


def cmd_demo(args) -> int:
    """Sample department files → consolidated file → findings → report."""
    from .store.sample import build_sample, department_file

    definition = _definition(args)
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
    with _open(str(consolidated), readonly=True) as wb:
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
    from .store.merge.run import merge_files

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


def _build(path: Path, out: Path, department: str | None) -> None:
    from .report import build_report

    with _open(str(path), readonly=True) as wb:
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
    _not_an_input(str(out), args.file)
    _build(Path(args.file), out, args.department)
    return 0


def cmd_merge(args) -> int:
    from .store.merge.run import MergeConflict, merge_files

    if not Path(args.into).exists():
        raise Failure(
            _(
                "'{into}' bulunamadı. Yılın birleşik dosyasını önce oluşturun: faaliyet new --definition KLASÖR --consolidated --out {into}"
            ).format(into=args.into)
        )
    try:
        refuse_if_held(args.into)
        result = merge_files(
            Path(args.into), [Path(f) for f in args.files], force=args.force, accept_time=args.accept_time, resolve=args.resolve
        )
    except MergeConflict as exc:
        print(str(exc), file=sys.stderr)
        return 1
    except WorkbookError as exc:
        raise Failure(str(exc)) from None
    for line in result.summary_lines():
        print(line)
    return 1 if result.refused else 0


def cmd_submit(args) -> int:
    """The clerk's "Gönder": check, mark as sent and write the copy, in one step."""
    from .store.file.sending import send

    _not_an_input(args.out, args.file)
    with _open(args.file) as wb:
        try:
            digest, written = send(wb, Path(args.out))
        except ImportRejected as exc:
            raise Failure(str(exc), 1) from None
        except WorkbookError as exc:
            raise Failure(str(exc)) from None
    print(_("Gönderildi olarak işaretlendi ve kopya yazıldı: {p} (özet {h})").format(p=written, h=digest[:12]))
    return 0


def cmd_copy(args) -> int:
    """A checked copy without sending; a file not yet sent gets -TASLAK in its name."""
    from .store.file.sending import is_draft_name, labelled_copy

    _not_an_input(args.out, args.file)
    with _open(args.file, readonly=True) as wb:
        try:
            written = labelled_copy(wb, Path(args.out))
        except WorkbookError as exc:
            raise Failure(str(exc)) from None
    print(_("Kopya yazıldı: {p}").format(p=written))
    if is_draft_name(written):
        print(_("TASLAK: dosya henüz gönderilmedi. Göndermek için: faaliyet submit DOSYA --out KOPYA"), file=sys.stderr)
    return 0


def cmd_reopen(args) -> int:
    from .store.file.sending import reopen

    with _open(args.file) as wb:
        try:
            reopen(wb, args.reason)
        except WorkbookError as exc:
            raise Failure(str(exc)) from None
    print(_("Gönderim geri alındı; dosya yeniden taslak. Gerekçe bir sonraki aktarımda Strateji Geliştirme'ye görünür."))
    return 0


def cmd_return(args) -> int:
    """The strategy unit sends a department back: the board records it, the file goes to the clerk."""
    from .store.file import return_note

    _not_an_input(args.out, args.file)
    with _open(args.file) as wb:
        try:
            ret = return_note.make(wb, args.department, args.note, args.field or ())
            written = return_note.write(wb, ret, Path(args.out))
        except WorkbookError as exc:
            raise Failure(str(exc)) from None
    print(_("{d} notla geri gönderildi; birime iletilecek dosya: {p}").format(d=args.department, p=written))
    return 0


def cmd_receive(args) -> int:
    """The clerk opens the return file: the department file is unlocked with the note."""
    from .store.file import return_note

    with _open(args.file) as wb:
        try:
            ret = return_note.read(Path(args.return_file))
            changed = return_note.receive(wb, ret, Path(args.return_file).name)
        except WorkbookError as exc:
            raise Failure(str(exc), 1) from None
    if not changed:
        print(_("Bu geri gönderme notu dosyaya daha önce işlenmiş; bir şey değişmedi."))
        return 0
    print(_("Dosya geri gönderildi ve düzenlemeye açıldı. Not: {n}").format(n=ret.note))
    for key in ret.fields:
        print(_("düzeltilecek: {k}").format(k=key))
    return 0


def cmd_excel_export(args) -> int:
    from .store.exchange.excel_export import export_excel

    _not_an_input(args.out, args.file)
    with _open(args.file, readonly=True) as wb:
        try:
            result = export_excel(wb, args.out)
        except WorkbookError as exc:
            raise Failure(str(exc)) from None
    print(
        _("Excel: {path} ({n} sayfa, {tables} tablo, {indicators} gösterge)").format(
            path=result.path, n=len(result.sheets), tables=result.tables, indicators=result.indicators
        )
    )
    return 0


def cmd_excel_template(args) -> int:
    from .store.exchange.excel_template import template_from_workbook, write_template

    if args.source:
        _not_an_input(args.out, args.source)
    try:
        if args.source:
            with _open(args.source, readonly=True) as wb:
                if wb.department and wb.department != args.department:
                    raise Failure(
                        _("'{source}' '{department}' biriminin dosyası; '{department2}' için şablon üretilemez.").format(
                            source=args.source, department=wb.department, department2=args.department
                        )
                    )
                result = template_from_workbook(wb, args.department, args.out)
        else:
            result = write_template(_definition(args), args.department, args.out)
    except WorkbookError as exc:
        raise Failure(str(exc)) from None
    print(
        _("Şablon: {path} ({inputs} giriş hücresi; sayfalar: {join})").format(
            path=result.path, inputs=result.inputs, join=", ".join(result.sheets)
        )
    )
    return 0


def cmd_excel_import(args) -> int:
    from .store.exchange.excel_import import import_template

    with _open(args.file) as wb:
        try:
            n = import_template(wb, args.template)
        except ImportRejected as exc:
            print(str(exc), file=sys.stderr)
            return 1
        except WorkbookError as exc:
            raise Failure(str(exc)) from None
    print(
        _("{n} değer kaydedildi: {file}").format(n=n, file=args.file)
        if n
        else _("Şablonda değişen değer yok; {file} değişmedi.").format(file=args.file)
    )
    return 0


def cmd_plan_template(args) -> int:
    from .store.exchange.plan_excel import write_plan_template

    definition = _definition(args)
    folder = Path(args.definition) if args.definition else resources.default_definition()
    _not_an_input(args.out, *[str(p) for p in folder.rglob("*.yaml")])  # --out D/plan.yaml would replace the plan
    try:
        result = write_plan_template(definition, args.out)
    except WorkbookError as exc:
        raise Failure(str(exc)) from None
    counts = ", ".join(
        f"{n} {what}"
        for what, n in zip((_("amaç"), _("hedef"), _("performans hedefi"), _("gösterge"), _("faaliyet")), result.rows.values())
    )
    print(_("Plan tablosu: {path} ({counts})").format(path=result.path, counts=counts))
    return 0


def cmd_plan_import(args) -> int:
    from .store.exchange.plan_import import import_plan

    try:
        result = import_plan(args.xlsx, args.definition, accept_weights=args.accept_weights)
    except ImportRejected as exc:
        print(str(exc), file=sys.stderr)
        return 1
    except WorkbookError as exc:
        raise Failure(str(exc)) from None
    for warning in result.warnings:
        print(_("uyarı: {warning}").format(warning=warning), file=sys.stderr)
    print(
        _("Plan yazıldı: {path} ({join})").format(
            path=result.path, join=", ".join(f"{n} {_PLAN_WORDS.get(what, what)}" for what, n in result.counts.items())
        )
    )
    return 0


def build_parser() -> argparse.ArgumentParser:
    argparse_tr.install()
    p = argparse.ArgumentParser(
        prog="faaliyet",
        description=_("Belediye faaliyet raporu: birim dosyaları, denetim, birleştirme ve rapor."),
        epilog=_("Pencereyi açmak için komutsuz 'faaliyet' ya da 'faaliyet open DOSYA' çalıştırın."),
    )
    p.add_argument("--version", action="version", version=f"faaliyet {version()}", help=_("sürümü yazar ve çıkar"))
    sub = p.add_subparsers(dest="command", metavar=_("KOMUT"), title=_("komutlar"))
    sub.required = True

    def add(name, helptext, func):
        sp = sub.add_parser(name, help=helptext, description=helptext)
        sp.set_defaults(func=func)
        return sp

    def with_definition(sp):
        sp.add_argument("--definition", metavar=_("KLASÖR"), help=_("form tanımı klasörü (varsayılan: forms/kars-2020)"))
        return sp

    def with_file(sp):
        sp.add_argument("--from", dest="source_file", metavar=_("DOSYA"), help=_("tanımı bu .faaliyet dosyasındaki kopyadan al"))
        return sp

    with_file(with_definition(add("departments", _("birimlerin anahtar ve adlarını listeler"), cmd_departments)))

    sp = add("init", _("yeni bir belediyenin yılı için başlangıç tanım klasörü yazar"), cmd_init)
    sp.add_argument("--institution", required=True, metavar=_("AD"), help=_('kurumun adı, ör. "Ad Belediyesi"'))
    sp.add_argument("--year", required=True, type=int, metavar=_("YIL"), help=_("rapor yılı"))
    sp.add_argument("--out", required=True, metavar=_("KLASÖR"), help=_("yazılacak tanım klasörü (yeni ya da boş olmalı)"))

    sp = with_definition(
        add("new", _("yılın birleşik dosyasını (--consolidated) ya da bir birimin boş dosyasını oluşturur"), cmd_new)
    )
    which = sp.add_mutually_exclusive_group(required=True)
    which.add_argument("--department", metavar=_("BİRİM"), help=_("birim anahtarı (faaliyet departments)"))
    which.add_argument("--consolidated", action="store_true", help=_("Strateji Geliştirme'nin birleşik dosyası"))
    sp.add_argument("--year", type=int, metavar=_("YIL"), help=_("rapor yılı (verilirse tanımın yılıyla aynı olmalı)"))
    sp.add_argument("--out", required=True, metavar=_("DOSYA"), help=_("oluşturulacak .faaliyet dosyası"))

    sp = add("distribute", _("birleşik dosyadan her birime boş birim dosyası üretir (yıl ayarlarıyla)"), cmd_distribute)
    sp.add_argument("file", metavar=_("BİRLEŞİK"), help=_("yılın birleşik .faaliyet dosyası"))
    sp.add_argument("--out-dir", required=True, metavar=_("KLASÖR"), help=_("birim dosyalarının yazılacağı klasör"))
    sp.add_argument("--department", action="append", metavar=_("BİRİM"), help=_("yalnızca bu birim (birden çok kez verilebilir)"))

    sp = with_file(with_definition(add("fields", _("bir birimin alan ve gösterge anahtarlarını listeler"), cmd_fields)))
    sp.add_argument("department", metavar=_("BİRİM"), help=_("birim anahtarı"))

    sp = add("values", _("değer dosyalarını (JSON/CSV) içe ve dışa aktarır"), None)
    vsub = sp.add_subparsers(dest="values_command", metavar=_("İŞLEM"), title=_("işlemler"))
    vsub.required = True
    vi = vsub.add_parser(
        "import",
        help=_("değer dosyasını içe aktarır (ya hepsi ya hiçbiri)"),
        description=_("değer dosyasını içe aktarır; tek bir hatalı değer bütün aktarımı reddeder ve dosya değişmez"),
    )
    vi.add_argument("file", metavar=_("DOSYA"), help=_(".faaliyet dosyası"))
    vi.add_argument("values", metavar=_("DEĞERLER"), help=_("değer dosyası (JSON)"))
    vi.set_defaults(func=cmd_values_import)
    ve = vsub.add_parser(
        "export", help=_("değerleri JSON ya da CSV olarak verir"), description=_("değerleri JSON ya da CSV olarak verir")
    )
    ve.add_argument("file", metavar=_("DOSYA"), help=_(".faaliyet dosyası"))
    ve.add_argument("--format", choices=["json", "csv"], default="json", help=_("çıktı biçimi (varsayılan json)"))
    ve.add_argument("--department", metavar=_("BİRİM"), help=_("birleştirilmiş dosyada birim"))
    ve.add_argument("--out", metavar=_("ÇIKTI"), help=_("çıktı dosyası (varsayılan: ekrana)"))
    ve.add_argument("--previous-year", action="store_true", help=_('dosyadaki geçen yılın değerlerini ver ("year": önceki yıl)'))
    ve.set_defaults(func=cmd_values_export)

    sp = add("year", _("yıl döngüsü: gelecek yılı bu yıldan yapar, geçmiş yılları ekler"), None)
    ysub = sp.add_subparsers(dest="year_command", metavar=_("İŞLEM"), title=_("işlemler"))
    ysub.required = True
    yn = ysub.add_parser(
        "next",
        help=_("bu yılın birleşik dosyasından gelecek yılın tanımını ve birleşik dosyasını yazar"),
        description=_(
            "bu yılın birleşik dosyasından gelecek yılın tanım klasörünü (yıl bir artar, o yılın hedefleri geçerli olur) ve birleşik dosyasını yazar: 'carry: true' alanlar bu yılın değerleriyle başlar, bu yılın değerleri geçen yıl olarak salt okunur tutulur; yeni yılda yeri olmayan değerler listelenir. Girdi dosyası değişmez."
        ),
    )
    yn.add_argument("file", metavar=_("BİRLEŞİK"), help=_("bu yılın birleşik .faaliyet dosyası"))
    yn.add_argument("--year", required=True, type=int, metavar=_("YIL"), help=_("gelecek yıl (dosyanın yılı + 1)"))
    yn.add_argument("--out", required=True, metavar=_("DOSYA"), help=_("yazılacak yeni birleşik .faaliyet dosyası"))
    which = yn.add_mutually_exclusive_group()
    which.add_argument("--out-definition", metavar=_("KLASÖR"), help=_("yeni yılın tanımını bu (yeni ya da boş) klasöre yaz"))
    which.add_argument(
        "--definition",
        metavar=_("KLASÖR"),
        help=_("hazırlanmış yeni yıl tanımını kullan (yeniden adlandırılan anahtarlar renamed_from ile eşlenir)"),
    )
    yn.set_defaults(func=cmd_year_next)
    yh = ysub.add_parser(
        "history",
        help=_("önceki yılların birleşik dosyalarının değerlerini geçmiş yıl olarak ekler"),
        description=_(
            "önceki yılların birleşik dosyalarının değerlerini dosyaya geçmiş yıl olarak ekler; kurum aynı, yıl daha önce ve plan eşlenebilir olmalı, yoksa hiçbiri eklenmez ve dosya değişmez (çıkış 1)"
        ),
    )
    yh.add_argument("file", metavar=_("BİRLEŞİK"), help=_("geçmişin ekleneceği birleşik .faaliyet dosyası"))
    yh.add_argument(
        "--from",
        dest="sources",
        action="append",
        required=True,
        metavar=_("ESKİ"),
        help=_("önceki bir yılın birleşik dosyası (birden çok kez verilebilir)"),
    )
    yh.set_defaults(func=cmd_year_history)

    sp = add("check", _("dosyayı denetler ve bulguları listeler (çıkış: 0 hatasız, 1 hatalı, 2 açılamadı)"), cmd_check)
    sp.add_argument("file", metavar=_("DOSYA"), help=_(".faaliyet dosyası"))

    sp = with_definition(add("demo", _("Kars 2020 örneğini kurar, denetler ve raporu üretir"), cmd_demo))
    sp.add_argument("--out", metavar="PDF", help=_("rapor dosyası"))
    sp.add_argument(
        "--workdir", metavar=_("KLASÖR"), help=_("birim dosyalarının yazılacağı klasör (varsayılan: ./faaliyet-demo)")
    )
    sp.add_argument("--findings", action="store_true", help=_("bütün bulguları da listeler"))

    sp = add("build", _("dosyadan raporu (PDF) üretir"), cmd_build)
    sp.add_argument("file", metavar=_("DOSYA"), help=_("birleştirilmiş ya da birim .faaliyet dosyası"))
    sp.add_argument("--out", metavar="PDF", help=_("rapor dosyası (varsayılan: dosya adı .pdf)"))
    sp.add_argument("--department", metavar=_("BİRİM"), help=_("yalnızca bu birimin birim faaliyet raporu"))

    sp = add("merge", _("birim dosyalarını birleştirilmiş dosyaya aktarır"), cmd_merge)
    sp.add_argument("--into", required=True, metavar=_("BİRLEŞİK"), help=_("birleştirilmiş .faaliyet dosyası"))
    sp.add_argument("files", nargs="+", metavar=_("DOSYA"), help=_("birimlerden gelen .faaliyet dosyaları"))
    sp.add_argument("--force", action="store_true", help=_("eldekinden eski bir dosyayı da aktar"))
    sp.add_argument(
        "--accept-time",
        action="store_true",
        help=_("gelecekte ya da yılın başından önce görünen değişiklik zamanlarını kabul et (gönderen PC'nin saati yanlışsa)"),
    )
    sp.add_argument(
        "--resolve",
        choices=["ours", "theirs"],
        help=_("çakışmada: ours = birleşikteki değer kalsın, theirs = gelen dosyadaki değer"),
    )

    sp = add(
        "submit", _("birim dosyasını denetler, gönderildi olarak işaretler ve gönderilecek kopyayı yazar (tek adım)"), cmd_submit
    )
    sp.add_argument("file", metavar=_("DOSYA"), help=_("birim .faaliyet dosyası"))
    sp.add_argument("--out", required=True, metavar=_("KOPYA"), help=_("gönderilecek kopya (USB bellek, ağ klasörü…)"))

    sp = add("copy", _("denetlenmiş bir kopya yazar; gönderilmemiş dosyanın kopyasının adına -TASLAK eklenir"), cmd_copy)
    sp.add_argument("file", metavar=_("DOSYA"), help=_(".faaliyet dosyası"))
    sp.add_argument("--out", required=True, metavar=_("KOPYA"), help=_("yazılacak kopya"))

    sp = add("reopen", _("gönderilmiş birim dosyasının gönderimini gerekçeyle geri alır (yeniden taslak)"), cmd_reopen)
    sp.add_argument("file", metavar=_("DOSYA"), help=_("birim .faaliyet dosyası"))
    sp.add_argument("--reason", required=True, metavar=_("GEREKÇE"), help=_("Strateji Geliştirme'nin göreceği gerekçe"))

    sp = add("return", _("bir birimi notla geri gönderir ve birime iletilecek geri gönderme dosyasını yazar"), cmd_return)
    sp.add_argument("file", metavar=_("BİRLEŞİK"), help=_("yılın birleşik .faaliyet dosyası"))
    sp.add_argument("--department", required=True, metavar=_("BİRİM"), help=_("geri gönderilecek birim"))
    sp.add_argument("--note", required=True, metavar=_("NOT"), help=_("birimin neyi düzeltmesi gerektiği"))
    sp.add_argument("--field", action="append", metavar=_("ANAHTAR"), help=_("düzeltilecek alan (birden çok kez verilebilir)"))
    sp.add_argument("--out", required=True, metavar=_("DOSYA"), help=_("yazılacak dosya, ör. itfaiye-2020.geri.json"))

    sp = add("receive", _("geri gönderme dosyasını birim dosyasına işler: dosya notla düzenlemeye açılır"), cmd_receive)
    sp.add_argument("file", metavar=_("DOSYA"), help=_("birim .faaliyet dosyası"))
    sp.add_argument("return_file", metavar=_("GERİ"), help=_("Strateji Geliştirme'nin gönderdiği .geri.json dosyası"))

    sp = add("excel", _("Excel (.xlsx): yılın tablolarını verir, birim şablonu üretir ve doldurulmuş şablonu içe aktarır"), None)
    xsub = sp.add_subparsers(dest="excel_command", metavar=_("İŞLEM"), title=_("işlemler"))
    xsub.required = True
    xe = xsub.add_parser(
        "export",
        help=_("performans tablosunu ve bütün tabloları tek .xlsx dosyasına verir"),
        description=_(
            "performans sonuçları tablosunu ve birimlerin bütün tablolarını tek .xlsx dosyasına verir (birleştirilmiş ya da birim dosyasından)"
        ),
    )
    xe.add_argument("file", metavar=_("DOSYA"), help=_("birleştirilmiş ya da birim .faaliyet dosyası"))
    xe.add_argument("--out", required=True, metavar="XLSX", help=_("yazılacak .xlsx dosyası, ör. yil.xlsx"))
    xe.set_defaults(func=cmd_excel_export)
    xt = xsub.add_parser(
        "template",
        help=_("bir birimin formunu doldurulacak .xlsx şablonu olarak verir"),
        description=_(
            "bir birimin formunu (bölümler, göstergeler, faaliyetler) doldurulacak .xlsx şablonu olarak verir; --from ile dosyadaki değerlerle doldurulur"
        ),
    )
    with_definition(xt)
    xt.add_argument("department", metavar=_("BİRİM"), help=_("birim anahtarı (faaliyet departments)"))
    xt.add_argument("--out", required=True, metavar="XLSX", help=_("yazılacak şablon, ör. sablon.xlsx"))
    xt.add_argument(
        "--from", dest="source", metavar=_("DOSYA"), help=_("şablonu bu .faaliyet dosyasının tanımı ve değerleriyle doldur")
    )
    xt.set_defaults(func=cmd_excel_template)
    xi = xsub.add_parser(
        "import",
        help=_("doldurulmuş şablonu içe aktarır (ya hepsi ya hiçbiri)"),
        description=_(
            "doldurulmuş şablonu içe aktarır; tek bir hatalı hücre bütün aktarımı reddeder, hatalar sayfa!hücre ile listelenir ve dosya değişmez (çıkış 1)"
        ),
    )
    xi.add_argument("file", metavar=_("DOSYA"), help=_(".faaliyet dosyası"))
    xi.add_argument("template", metavar=_("ŞABLON"), help=_("doldurulmuş .xlsx şablonu"))
    xi.set_defaults(func=cmd_excel_import)

    sp = add("plan", _("stratejik planı Excel tablosu olarak verir ve doldurulmuş tablodan plan.yaml yazar"), None)
    psub = sp.add_subparsers(dest="plan_command", metavar=_("İŞLEM"), title=_("işlemler"))
    psub.required = True
    pt = psub.add_parser(
        "template",
        help=_("tanımın planını doldurulacak .xlsx tablosu olarak verir"),
        description=_(
            "tanımın planını (amaçlar, hedefler, performans hedefleri, göstergeler, faaliyetler) Excel'de doldurulacak .xlsx tablosu olarak verir"
        ),
    )
    with_definition(pt)
    pt.add_argument("--out", required=True, metavar="XLSX", help=_("yazılacak tablo, ör. plan.xlsx"))
    pt.set_defaults(func=cmd_plan_template)
    pi = psub.add_parser(
        "import",
        help=_("doldurulmuş plan tablosundan tanımın plan.yaml dosyasını yazar (ya hepsi ya hiçbiri)"),
        description=_(
            "doldurulmuş plan tablosunu denetler ve tanım klasörünün plan.yaml dosyasını yazar; tek bir hata bütün tabloyu reddeder, hatalar sayfa!hücre ile listelenir ve plan.yaml değişmez (çıkış 1)"
        ),
    )
    pi.add_argument("xlsx", metavar="XLSX", help=_("doldurulmuş plan tablosu (faaliyet plan template ile alınır)"))
    pi.add_argument("--definition", required=True, metavar=_("KLASÖR"), help=_("plan.yaml'ı yazılacak tanım klasörü"))
    pi.add_argument(
        "--accept-weights",
        action="store_true",
        help=_(
            "göstergelerinin hedefe etkileri toplamı 100 olmayan performans hedeflerini plandaki gibi kabul et (uyarı verilir; denetim ve rapor bunları hata olarak gösterir)"
        ),
    )
    pi.set_defaults(func=cmd_plan_import)
    return p


def main(argv: list[str] | None = None) -> int:
    i18n.set_language(i18n.language_from_environment())  # Turkish unless FAALIYET_LANG=en
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        status = args.func(args)
        sys.stdout.flush()  # a closed pipe shows here, not at interpreter exit
        return status
    except Failure as exc:
        print(str(exc), file=sys.stderr)
        return exc.status
    except InvalidData as exc:  # e.g. another department's form asked of a department file (Turkish, says what to use)
        print(str(exc), file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(_("Durduruldu."), file=sys.stderr)
        return 130
    except OSError as exc:
        if not _closed_pipe(exc):
            raise
        _silence_stdout()
        return 128 + 13  # as if killed by SIGPIPE, like `yes | head`


def _closed_pipe(exc: OSError) -> bool:
    """The reader of our output went away (``faaliyet fields X | head``)."""
    # Windows reports a closed pipe as EINVAL on write
    return isinstance(exc, BrokenPipeError) or (os.name == "nt" and exc.errno == errno.EINVAL)


def _silence_stdout() -> None:
    """Point stdout at the null device so the final flush at exit cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass  # stdout is not a real file (tests capture it): nothing to flush at exit


if __name__ == "__main__":
    sys.exit(main())
