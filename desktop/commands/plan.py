"""The strategic plan as an Excel table: out of a definition (plan template), into its plan.yaml (plan import)."""

from __future__ import annotations

import sys
from pathlib import Path

from .. import resources
from ..core.i18n import _, lazy
from ..store.errors import ImportRejected, WorkbookError
from .common import Add, Failure, definition_of, not_an_input, with_definition

# the plan's levels as plan_import counts them (Turkish keys), as this run's language says them
_PLAN_WORDS = {
    "amaç": lazy("amaç"),
    "hedef": lazy("hedef"),
    "performans hedefi": lazy("performans hedefi"),
    "gösterge": lazy("gösterge"),
    "faaliyet": lazy("faaliyet"),
}


def cmd_plan_template(args) -> int:
    from ..store.exchange.plan_excel import write_plan_template

    definition = definition_of(args)
    folder = Path(args.definition) if args.definition else resources.default_definition()
    not_an_input(args.out, *[str(p) for p in folder.rglob("*.yaml")])  # --out D/plan.yaml would replace the plan
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
    from ..store.exchange.plan_import import import_plan

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


def add_plan(add: Add) -> None:
    """`faaliyet plan template|import`: the command and its arguments."""
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
