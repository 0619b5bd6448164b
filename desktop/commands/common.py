"""What every command shares: the failure that ends it, opening a workbook or a definition with Turkish
errors, the output that must not replace its input, and the options several commands take."""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable
from pathlib import Path

from .. import resources
from ..core.definition import Definition
from ..core.i18n import _
from ..core.loader import DefinitionError
from ..store import definition_cache
from ..store.errors import WorkbookError
from ..store.file.lockfile import refuse_if_held
from ..store.file.workbook import Workbook

Command = Callable[[argparse.Namespace], int]
Add = Callable[[str, str, Command | None], argparse.ArgumentParser]
"""Adds a command to the top-level parser: ``add(name, help, func)`` → its sub-parser."""


class Failure(Exception):
    """The command could not do its work: the message goes to stderr, ``status`` is the exit status."""

    def __init__(self, message: str, status: int = 2):
        super().__init__(message)
        self.status = status


def definition_of(args) -> Definition:
    """The definition a command works with: ``--from FILE``'s copy, ``--definition FOLDER``, or the shipped sample."""
    if getattr(args, "source_file", None):
        if getattr(args, "definition", None):
            raise Failure(_("--definition ile --from birlikte verilemez: tanım ya klasörden ya dosyadan alınır."))
        with open_workbook(args.source_file, readonly=True) as wb:
            return wb.definition
    folder = Path(args.definition) if getattr(args, "definition", None) else resources.default_definition()
    try:
        return definition_cache.load(folder)  # compiled once, then milliseconds
    except DefinitionError as exc:
        raise Failure(_("Form tanımı yüklenemedi ({folder}):\n{exc}").format(folder=folder, exc=exc)) from None


def names_a_file(text: str) -> bool:
    """A department key is letters, digits and '_' only: a text with a dot or a slash names a file."""
    return any(c in text for c in "./\\")


def file_for_department(department: str | None, source: str | None) -> tuple[str | None, str | None]:
    """(BİRİM, --from) as meant: a department file typed where the department goes (as a clerk
    would type it) is the file to read, and its own department the one meant."""
    if department is not None and names_a_file(department):
        if source:
            raise Failure(_("Ya bir birim dosyası ya da --from ile birim anahtarı verin, ikisini birden değil."))
        return None, department
    return department, source


def own_department(wb: Workbook, name: str, command: str) -> str:
    """The department of the file ``name`` given without one: a consolidated file holds them all."""
    if wb.department is None:
        raise Failure(
            _("'{name}' birleşik dosya; hangi birim? Birimi de verin: faaliyet {command} --from {name} BİRİM").format(
                name=name, command=command
            )
        )
    return wb.department


def known_department(definition: Definition, department: str, args) -> None:
    """Refuse a department the definition does not have, saying which definition was read: the
    shipped sample's, when neither ``--definition`` nor ``--from`` was given."""
    if definition.department(department) is not None:
        return
    known = ", ".join(d.key for d in definition.departments)
    where = getattr(args, "source_file", None) or getattr(args, "source", None) or getattr(args, "definition", None)
    if where:
        raise Failure(
            _("'{department}' diye bir birim yok ({where}). Bilinen birimler: {known}").format(
                department=department, where=where, known=known
            )
        )
    sample = resources.default_definition()
    raise Failure(
        _(
            "'{department}' örnek tanımda ({folder}) bir birim değil. Kendi yılınızın birimi için tanımı verin: --from BİRLEŞİK_DOSYA ya da --definition KLASÖR (örneğin birimleri: {known})"
        ).format(department=department, folder=f"{sample.parent.name}/{sample.name}", known=known)
    )


def out_path(text: str) -> Path:
    """``--out`` as given: a name ending in a folder separator means a folder, which must exist
    (``Path`` drops the separator, and the copy would be written as a file of that name)."""
    if text.endswith(("/", os.sep)) and not Path(text).is_dir():
        raise Failure(_("'{out}' klasörü yok. Var olan bir klasör ya da kopya için bir dosya adı verin.").format(out=text))
    return Path(text)


def open_workbook(path: str, readonly: bool = False) -> Workbook:
    """Open a workbook; to write, only if no Faaliyet window has it open."""
    try:
        if not readonly:
            refuse_if_held(path)
        return Workbook.open(path, readonly=readonly)
    except WorkbookError as exc:
        raise Failure(str(exc)) from None


def not_an_input(out: str, *inputs: str) -> None:
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


def with_definition(sp: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """``--definition KLASÖR``: the definition folder a command reads (default: the shipped sample)."""
    sp.add_argument(
        "--definition", metavar=_("KLASÖR"), help=_("form tanımı klasörü (varsayılan: uygulamayla gelen örnek yılın tanımı)")
    )
    return sp


def with_file(sp: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """``--from DOSYA``: the definition taken from a .faaliyet file's copy instead."""
    sp.add_argument("--from", dest="source_file", metavar=_("DOSYA"), help=_("tanımı bu .faaliyet dosyasındaki kopyadan al"))
    return sp
