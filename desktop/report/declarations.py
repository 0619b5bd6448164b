"""The annex declarations (güvence beyanları): fixed texts, name, title, date, place to sign."""

from __future__ import annotations

import datetime as dt

from reportlab.platypus import Spacer, Table, TableStyle

from ..core.dates import format_date
from ..core.institution import SignerDef
from .paragraph import Paragraph
from .styles import MUTED, RULE, sheet
from .text import esc

UST_YONETICI = (
    "İÇ KONTROL GÜVENCE BEYANI",
    "Üst yönetici olarak yetkim dâhilinde;",
    [
        "Bu raporda yer alan bilgilerin güvenilir, tam ve doğru olduğunu beyan ederim.",
        "Bu raporda açıklanan faaliyetler için bütçe ile tahsis edilmiş kaynakların, planlanmış amaçlar "
        "doğrultusunda ve iyi mali yönetim ilkelerine uygun olarak kullanıldığını ve iç kontrol sisteminin "
        "işlemlerin yasallık ve düzenliliğine ilişkin yeterli güvenceyi sağladığını bildiririm.",
        "Bu güvence, üst yönetici olarak sahip olduğum bilgi ve değerlendirmeler, iç kontroller, iç denetçi "
        "raporları ile Sayıştay raporları gibi bilgim dâhilindeki hususlara dayanmaktadır.",
        "Burada raporlanmayan, idarenin menfaatlerine zarar veren herhangi bir husus hakkında bilgim olmadığını beyan ederim.",
    ],
)

MALI_HIZMETLER = (
    "MALİ HİZMETLER BİRİM YÖNETİCİSİNİN BEYANI",
    "Mali hizmetler birim yöneticisi olarak yetkim dâhilinde;",
    [
        "Bu idarede, faaliyetlerin mali yönetim ve kontrol mevzuatı ile diğer mevzuata uygun olarak "
        "yürütüldüğünü, kamu kaynaklarının etkili, ekonomik ve verimli bir şekilde kullanılmasını temin "
        "etmek üzere iç kontrol süreçlerinin işletildiğini, izlendiğini ve gerekli tedbirlerin alınması için "
        "düşünce ve önerilerimin zamanında üst yöneticiye raporlandığını beyan ederim.",
        "İdaremizin {year} Yılı Faaliyet Raporunun “III/A - Mali Bilgiler” bölümünde yer alan bilgilerin "
        "güvenilir, tam ve doğru olduğunu teyit ederim.",
    ],
)

HARCAMA_YETKILISI = (
    "HARCAMA YETKİLİSİNİN İÇ KONTROL GÜVENCE BEYANI",
    "Harcama yetkilisi olarak yetkim dâhilinde;",
    [
        "Bu raporda yer alan bilgilerin güvenilir, tam ve doğru olduğunu beyan ederim.",
        "Bu raporda açıklanan faaliyetler için idare bütçesinden harcama birimimize tahsis edilmiş "
        "kaynakların etkili, ekonomik ve verimli bir şekilde kullanıldığını, görev ve yetki alanım "
        "çerçevesinde iç kontrol sisteminin amaçlarına uygun olarak faaliyetlerin yürütüldüğünü ve iç "
        "kontrol sisteminin işlemlerin yasallık ve düzenliliği hususunda yeterli güvenceyi sağladığını "
        "bildiririm.",
        "Bu güvence, harcama yetkilisi olarak sahip olduğum bilgi ve değerlendirmeler, iç kontroller, iç "
        "denetçi raporları ile Sayıştay raporları gibi bilgim dâhilindeki hususlara dayanmaktadır.",
        "Burada raporlanmayan, idarenin menfaatlerine zarar veren herhangi bir husus hakkında bilgim olmadığını beyan ederim.",
    ],
)

# the signer roles (SignerDef.role: the application's words, not a definition's keys)
TOP, FINANCE, SPENDING = "ust_yonetici", "mali_hizmetler", "harcama_yetkilisi"
TEXTS = {TOP: UST_YONETICI, FINANCE: MALI_HIZMETLER, SPENDING: HARCAMA_YETKILISI}


def title_of(role: str) -> str:
    return TEXTS[role][0]


def _date_text(date: str | None) -> str:
    if not date:
        return "…/…/……"
    try:
        return format_date(dt.date.fromisoformat(date))
    except ValueError:
        return date


def declaration(role: str, signer: SignerDef | None, *, year: int, unit: str, heading) -> list:
    """Flowables of one declaration page; ``heading`` is the (bookmarked) title flowable."""
    st = sheet()
    _, opening, paras = TEXTS[role]
    out = [heading, Paragraph(esc(opening), st["body"]), Spacer(1, 4)]
    for p in paras:
        out.append(Paragraph(esc(p.format(year=year)), st["body"]))
    name = signer.name if signer and signer.name else "……………………………"
    title = signer.title if signer and signer.title else ""
    place = signer.place if signer and signer.place else ""
    date = _date_text(signer.date if signer else None)
    out.append(Paragraph(esc(f"({unit} – {place + ', ' if place else ''}{date})"), st["body"]))
    out.append(Spacer(1, 36))
    sign_box = Table(
        [
            [Paragraph("İmza", st["note"])],
            [""],
            [Paragraph(esc(name), st["sign_bold"])],
            [Paragraph(esc(title), st["sign"])],
            [Paragraph(esc(f"Tarih: {date}"), st["sign"])],
        ],
        colWidths=[200],
        rowHeights=[12, 48, None, None, None],
        hAlign="RIGHT",
    )
    sign_box.setStyle(
        TableStyle(
            [
                ("LINEBELOW", (0, 1), (0, 1), 0.6, RULE),
                ("TEXTCOLOR", (0, 0), (0, 0), MUTED),
                ("ALIGN", (0, 0), (-1, -1), "CENTER"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    out.append(sign_box)
    return out
