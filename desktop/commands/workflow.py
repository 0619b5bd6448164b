"""A department's file on its way: submit, copy and reopen (the clerk), merge into the consolidated file,
return with a note and receive the note (the strategy unit and back)."""

from __future__ import annotations

import sys
from pathlib import Path

from ..core.i18n import _
from ..store.errors import ImportRejected, WorkbookError
from ..store.file.lockfile import refuse_if_held
from .common import Add, Failure, not_an_input, open_workbook, out_path


def cmd_merge(args) -> int:
    from ..store.merge.run import MergeConflict, merge_files

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
    if len(result.files) > 1:
        print(result.headline())
    return 1 if result.refused else 0


def add_merge(add: Add) -> None:
    """`faaliyet merge`: the command and its arguments."""
    sp = add("merge", _("birim dosyalarını birleştirilmiş dosyaya aktarır"), cmd_merge)
    sp.add_argument("--into", required=True, metavar=_("BİRLEŞİK"), help=_("birleştirilmiş .faaliyet dosyası"))
    sp.add_argument(
        "files", nargs="+", metavar=_("DOSYA"), help=_("birimlerden gelen .faaliyet dosyaları (bir klasör ya da .zip de olur)")
    )
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


def cmd_submit(args) -> int:
    """The clerk's "Gönder": check, mark as sent and write the copy, in one step."""
    from ..store.file.sending import send

    not_an_input(args.out, args.file)
    with open_workbook(args.file) as wb:
        try:
            digest, written = send(wb, out_path(args.out))
        except ImportRejected as exc:
            raise Failure(str(exc), 1) from None
        except WorkbookError as exc:
            raise Failure(str(exc)) from None
    print(_("Gönderildi olarak işaretlendi ve kopya yazıldı: {p} (özet {h})").format(p=written, h=digest[:12]))
    return 0


def add_submit(add: Add) -> None:
    """`faaliyet submit`: the command and its arguments."""
    sp = add(
        "submit", _("birim dosyasını denetler, gönderildi olarak işaretler ve gönderilecek kopyayı yazar (tek adım)"), cmd_submit
    )
    sp.add_argument("file", metavar=_("DOSYA"), help=_("birim .faaliyet dosyası"))
    sp.add_argument(
        "--out",
        required=True,
        metavar=_("KOPYA"),
        help=_("gönderilecek kopya (USB bellek, ağ klasörü…); bir klasör verilirse kopya içine dosyanın adıyla yazılır"),
    )


def cmd_copy(args) -> int:
    """A checked copy without sending; a file not yet sent gets -TASLAK in its name."""
    from ..store.file.sending import is_draft_name, labelled_copy

    not_an_input(args.out, args.file)
    with open_workbook(args.file, readonly=True) as wb:
        try:
            written = labelled_copy(wb, out_path(args.out))
        except WorkbookError as exc:
            raise Failure(str(exc)) from None
    print(_("Kopya yazıldı: {p}").format(p=written))
    if is_draft_name(written):
        print(_("TASLAK: dosya henüz gönderilmedi. Göndermek için: faaliyet submit DOSYA --out KOPYA"), file=sys.stderr)
    return 0


def add_copy(add: Add) -> None:
    """`faaliyet copy`: the command and its arguments."""
    sp = add("copy", _("denetlenmiş bir kopya yazar; gönderilmemiş dosyanın kopyasının adına -TASLAK eklenir"), cmd_copy)
    sp.add_argument("file", metavar=_("DOSYA"), help=_(".faaliyet dosyası"))
    sp.add_argument(
        "--out", required=True, metavar=_("KOPYA"), help=_("yazılacak kopya; bir klasör verilirse içine dosyanın adıyla")
    )


def cmd_reopen(args) -> int:
    from ..store.file.sending import reopen

    with open_workbook(args.file) as wb:
        try:
            reopen(wb, args.reason)
        except WorkbookError as exc:
            raise Failure(str(exc)) from None
    print(_("Gönderim geri alındı; dosya yeniden taslak. Gerekçe bir sonraki aktarımda Strateji Geliştirme'ye görünür."))
    return 0


def add_reopen(add: Add) -> None:
    """`faaliyet reopen`: the command and its arguments."""
    sp = add("reopen", _("gönderilmiş birim dosyasının gönderimini gerekçeyle geri alır (yeniden taslak)"), cmd_reopen)
    sp.add_argument("file", metavar=_("DOSYA"), help=_("birim .faaliyet dosyası"))
    sp.add_argument("--reason", required=True, metavar=_("GEREKÇE"), help=_("Strateji Geliştirme'nin göreceği gerekçe"))


def cmd_return(args) -> int:
    """The strategy unit sends a department back: the board records it, the file goes to the clerk."""
    from ..store.file import return_note

    not_an_input(args.out, args.file)
    with open_workbook(args.file) as wb:
        try:
            ret = return_note.make(wb, args.department, args.note, args.field or ())
            written = return_note.write(wb, ret, out_path(args.out))
        except WorkbookError as exc:
            raise Failure(str(exc)) from None
    print(_("{d} notla geri gönderildi; birime iletilecek dosya: {p}").format(d=args.department, p=written))
    return 0


def add_return(add: Add) -> None:
    """`faaliyet return`: the command and its arguments."""
    sp = add("return", _("bir birimi notla geri gönderir ve birime iletilecek geri gönderme dosyasını yazar"), cmd_return)
    sp.add_argument("file", metavar=_("BİRLEŞİK"), help=_("yılın birleşik .faaliyet dosyası"))
    sp.add_argument("--department", required=True, metavar=_("BİRİM"), help=_("geri gönderilecek birim"))
    sp.add_argument("--note", required=True, metavar=_("NOT"), help=_("birimin neyi düzeltmesi gerektiği"))
    sp.add_argument("--field", action="append", metavar=_("ANAHTAR"), help=_("düzeltilecek alan (birden çok kez verilebilir)"))
    sp.add_argument(
        "--out",
        required=True,
        metavar=_("DOSYA"),
        help=_("yazılacak dosya, ör. BİRİM-YIL.geri.json; bir klasör verilirse içine bu adla"),
    )


def cmd_receive(args) -> int:
    """The clerk opens the return file: the department file is unlocked with the note."""
    from ..store.file import return_note

    with open_workbook(args.file) as wb:
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


def add_receive(add: Add) -> None:
    """`faaliyet receive`: the command and its arguments."""
    sp = add("receive", _("geri gönderme dosyasını birim dosyasına işler: dosya notla düzenlemeye açılır"), cmd_receive)
    sp.add_argument("file", metavar=_("DOSYA"), help=_("birim .faaliyet dosyası"))
    sp.add_argument("return_file", metavar=_("GERİ"), help=_("Strateji Geliştirme'nin gönderdiği .geri.json dosyası"))
