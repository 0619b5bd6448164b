"""The year's files: its consolidated file (new), the departments' empty files (distribute), next year
from this one (year next) and earlier years added to its history (year history)."""

from __future__ import annotations

import sys
from pathlib import Path

from ..core.i18n import _
from ..store.errors import WorkbookError
from ..store.file.workbook import Workbook
from .common import Add, Failure, definition_of, not_an_input, open_workbook, with_definition


def cmd_new(args) -> int:
    definition = definition_of(args)
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


def add_new(add: Add) -> None:
    """`faaliyet new`: the command and its arguments."""
    sp = with_definition(
        add("new", _("yılın birleşik dosyasını (--consolidated) ya da bir birimin boş dosyasını oluşturur"), cmd_new)
    )
    which = sp.add_mutually_exclusive_group(required=True)
    which.add_argument("--department", metavar=_("BİRİM"), help=_("birim anahtarı (faaliyet departments)"))
    which.add_argument("--consolidated", action="store_true", help=_("Strateji Geliştirme'nin birleşik dosyası"))
    sp.add_argument("--year", type=int, metavar=_("YIL"), help=_("rapor yılı (verilirse tanımın yılıyla aynı olmalı)"))
    sp.add_argument("--out", required=True, metavar=_("DOSYA"), help=_("oluşturulacak .faaliyet dosyası"))


def cmd_distribute(args) -> int:
    """One empty department file per department, from the consolidated file."""
    from ..store.distribute import distribute

    with open_workbook(args.file, readonly=True) as wb:
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


def add_distribute(add: Add) -> None:
    """`faaliyet distribute`: the command and its arguments."""
    sp = add("distribute", _("birleşik dosyadan her birime boş birim dosyası üretir (yıl ayarlarıyla)"), cmd_distribute)
    sp.add_argument("file", metavar=_("BİRLEŞİK"), help=_("yılın birleşik .faaliyet dosyası"))
    sp.add_argument("--out-dir", required=True, metavar=_("KLASÖR"), help=_("birim dosyalarının yazılacağı klasör"))
    sp.add_argument("--department", action="append", metavar=_("BİRİM"), help=_("yalnızca bu birim (birden çok kez verilebilir)"))


def cmd_year_next(args) -> int:
    """Next year from this year's consolidated file: its definition folder and its consolidated file."""
    from ..store.year_cycle import next_year

    if bool(args.out_definition) == bool(args.definition):
        raise Failure(
            _(
                "Yeni yılın tanımı için ya --out-definition KLASÖR (tanımı bu dosyadan yaz) ya da --definition KLASÖR "
                "(hazırladığınız tanımı kullan) verin; ikisi birden değil."
            )
        )
    not_an_input(args.out, args.file)
    folder = Path(args.out_definition) if args.out_definition else None
    if folder is not None and folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise Failure(
            _(
                "'{folder}' boş bir klasör değil; tanımın üzerine yazılmasın diye hiçbir şey yazılmadı. "
                "Yeni ya da boş bir klasör adı verin."
            ).format(folder=folder)
        )
    new = definition_of(args) if args.definition else None
    with open_workbook(args.file, readonly=True) as wb:
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
    from ..store.year_cycle import add_years

    with open_workbook(args.file) as wb:
        try:
            added = add_years(wb, args.sources)
        except WorkbookError as exc:
            raise Failure(str(exc), 1) from None
    for a in added:
        print(_("{year}: {n} değer eklendi ({name})").format(year=a.year, n=a.rows, name=a.path.name))
        for line in a.dropped:
            print(_("  bu yılda yeri yok: {line}").format(line=line), file=sys.stderr)
    return 0


def add_year(add: Add) -> None:
    """`faaliyet year next|history`: the command and its arguments."""
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
