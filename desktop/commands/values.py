"""Value files (JSON/CSV) into and out of a workbook: `faaliyet values import|export`."""

from __future__ import annotations

import sys

from ..core.i18n import _
from ..store.errors import ImportRejected, WorkbookError
from ..store.exchange.valueset import CSV_BOM, dumps, export_values, import_values, read_json, to_csv
from ..store.file.tempfiles import write_atomic
from .common import Add, Failure, not_an_input, open_workbook


def cmd_values_import(args) -> int:
    with open_workbook(args.file) as wb:
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
    with open_workbook(args.file, readonly=True) as wb:
        if not wb.department and not args.department:
            raise Failure(_("Bu birleştirilmiş bir dosya: --department ile birimi seçin."))
        try:
            data = export_values(wb, args.department, args.previous_year)
        except WorkbookError as exc:
            raise Failure(str(exc)) from None
    text = dumps(data) if args.format == "json" else to_csv(data)
    if args.out:
        not_an_input(args.out, args.file)
        try:
            write_atomic(args.out, CSV_BOM + text if args.format == "csv" else text)
        except WorkbookError as exc:
            raise Failure(str(exc)) from None
    else:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
    return 0


def add_values(add: Add) -> None:
    """`faaliyet values import|export`: the command and its arguments."""
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
