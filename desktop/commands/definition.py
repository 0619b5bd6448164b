"""The year's definition: its departments and their field keys, and a starting definition folder (init)."""

from __future__ import annotations

from pathlib import Path

from ..core.definition import Definition
from ..core.forms import describe_type
from ..core.i18n import _
from ..core.loader import DefinitionError, load_definition
from ..store.errors import WorkbookError
from ..store.file.tempfiles import write_atomic
from .common import (
    Add,
    Failure,
    definition_of,
    file_for_department,
    known_department,
    open_workbook,
    own_department,
    with_definition,
    with_file,
)


def cmd_departments(args) -> int:
    for d in definition_of(args).departments:
        print(f"{d.key}\t{d.name}")
    return 0


def add_departments(add: Add) -> None:
    """`faaliyet departments`: the command and its arguments."""
    with_file(with_definition(add("departments", _("birimlerin anahtar ve adlarını listeler"), cmd_departments)))


def cmd_fields(args) -> int:
    definition, department = _fields_of(args)
    for slot in definition.slots_of(department):
        kind = _("hesaplanan") if slot.computed else describe_type(slot.type)
        print(f"{slot.key}\t{kind}\t{slot.label}")
    for ind in definition.indicators_of(department):
        print(f"{ind.key}.actual\t{_('gösterge')}\t{ind.code} {ind.name} ({ind.unit})")
        print(f"{ind.key}.explanation\t{_('uzun metin')}\t{ind.code} {_('sapma açıklaması')}")
        print(f"{ind.key}.source\t{_('metin')}\t{ind.code} {_('kaynak belge/kayıt')}")
    for act in definition.activities_of(department):
        print(f"{act.key}.actual_cost\t{_('faaliyet')}\t{act.code} {act.name[:60]} ({_('gerçekleşen maliyet, TL')})")
    return 0


def _fields_of(args) -> tuple[Definition, str]:
    """The definition and the department whose keys ``fields`` lists: ``BİRİM`` in the definition
    (``--definition``, ``--from`` or the sample), or a department file's own department when the file
    is given (in place of ``BİRİM``, or with ``--from`` and no ``BİRİM``)."""
    department, args.source_file = file_for_department(args.department, args.source_file)
    if department is None:
        if not args.source_file:
            raise Failure(_("Birim anahtarı ya da birim dosyası verin: faaliyet fields BİRİM (birimler: faaliyet departments)."))
        with open_workbook(args.source_file, readonly=True) as wb:
            return wb.definition, own_department(wb, args.source_file, "fields")
    definition = definition_of(args)
    known_department(definition, department, args)
    return definition, department


def add_fields(add: Add) -> None:
    """`faaliyet fields BİRİM|DOSYA`: the command and its arguments."""
    sp = with_file(with_definition(add("fields", _("bir birimin alan ve gösterge anahtarlarını listeler"), cmd_fields)))
    sp.add_argument(
        "department",
        nargs="?",
        metavar=_("BİRİM"),
        help=_("birim anahtarı, ya da bir birim dosyası (.faaliyet): o dosyanın birimi ve tanımı"),
    )


def cmd_init(args) -> int:
    """A starting definition folder for a new municipality's year."""
    from ..core.starter import StarterError, starter_files

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


def add_init(add: Add) -> None:
    """`faaliyet init`: the command and its arguments."""
    sp = add("init", _("yeni bir belediyenin yılı için başlangıç tanım klasörü yazar"), cmd_init)
    sp.add_argument("--institution", required=True, metavar=_("AD"), help=_('kurumun adı, ör. "Ad Belediyesi"'))
    sp.add_argument("--year", required=True, type=int, metavar=_("YIL"), help=_("rapor yılı"))
    sp.add_argument("--out", required=True, metavar=_("KLASÖR"), help=_("yazılacak tanım klasörü (yeni ya da boş olmalı)"))
