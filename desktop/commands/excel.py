"""Excel (.xlsx): the year's tables out, a department's template out, a filled template in."""

from __future__ import annotations

import sys

from ..core.i18n import _
from ..store.errors import ImportRejected, WorkbookError
from .common import (
    Add,
    Failure,
    definition_of,
    file_for_department,
    known_department,
    not_an_input,
    open_workbook,
    own_department,
    with_definition,
)


def cmd_excel_export(args) -> int:
    from ..store.exchange.excel_export import export_excel

    not_an_input(args.out, args.file)
    with open_workbook(args.file, readonly=True) as wb:
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
    from ..store.exchange.excel_template import template_from_workbook, write_template

    department, args.source = file_for_department(args.department, args.source)
    if department is None and not args.source:
        raise Failure(_("Birim anahtarı ya da birim dosyası verin: faaliyet excel template BİRİM --out XLSX."))
    if args.source:
        not_an_input(args.out, args.source)
    try:
        if args.source:
            with open_workbook(args.source, readonly=True) as wb:
                department = department or own_department(wb, args.source, "excel template")
                if wb.department and wb.department != department:
                    raise Failure(
                        _("'{source}' '{department}' biriminin dosyası; '{department2}' için şablon üretilemez.").format(
                            source=args.source, department=wb.department, department2=department
                        )
                    )
                result = template_from_workbook(wb, department, args.out)
        else:
            definition = definition_of(args)
            known_department(definition, department, args)
            result = write_template(definition, department, args.out)
    except WorkbookError as exc:
        raise Failure(str(exc)) from None
    print(
        _("Şablon: {path} ({inputs} giriş hücresi; sayfalar: {join})").format(
            path=result.path, inputs=result.inputs, join=", ".join(result.sheets)
        )
    )
    return 0


def cmd_excel_import(args) -> int:
    from ..store.exchange.excel_import import import_template

    with open_workbook(args.file) as wb:
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


def add_excel(add: Add) -> None:
    """`faaliyet excel export|template|import`: the command and its arguments."""
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
    xt.add_argument(
        "department",
        nargs="?",
        metavar=_("BİRİM"),
        help=_("birim anahtarı (faaliyet departments), ya da bir birim dosyası (.faaliyet): o dosyanın birimi ve değerleri"),
    )
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
