"""The year settings as the strategy unit reads them (deviation tolerance, signers).

They come from the year's definition, which the file keeps as a read-only
snapshot (its digest identifies the year); neither the store nor the
institution form offers a place to override them, so this tab shows them and
says where they are changed.
"""

from __future__ import annotations

import datetime as dt
from html import escape

from ...core.dates import format_date
from ...core.definition import Definition
from ...core.numbers import format_number
from ..i18n import tr


def _role(role: str) -> str:
    return {
        "ust_yonetici": tr("Üst yönetici (İç kontrol güvence beyanı)"),
        "mali_hizmetler": tr("Mali hizmetler birim yöneticisi (beyan)"),
        "harcama_yetkilisi": tr("Harcama yetkilisi (beyan)"),
    }.get(role, role)


def _date(iso: str | None) -> str:
    if not iso:
        return "–"
    try:
        return format_date(dt.date.fromisoformat(iso))
    except ValueError:
        return iso


def year_settings_html(definition: Definition) -> str:
    y = definition.year
    tol = f"%{format_number(y.deviation_tolerance)}"
    style = tr("%92 (önde)") if y.percent_style == "prefix" else tr("92% (sonda)")
    rows = [
        (tr("Yıl"), str(y.year)),
        (tr("Kurum"), definition.institution.name),
        (tr("Sapma toleransı"), tol + " — " + tr("gerçekleşmenin hedeften bu kadar sapması açıklama istemez")),
        (tr("Yüzde yazımı"), style),
        (tr("Tanım"), f"{definition.id} ({definition.digest[:12]})"),
    ]
    out = [f"<h2>{escape(tr('Yıl ayarları'))}</h2><table cellspacing='0' cellpadding='6' border='1' style='border-collapse:collapse'>"]
    out += [f"<tr><th align='left' bgcolor='#f3f4f6'>{escape(k)}</th><td>{escape(v)}</td></tr>" for k, v in rows]
    out.append("</table>")
    out.append(f"<h3>{escape(tr('Beyanları imzalayanlar (Ekler)'))}</h3>")
    if y.signers:
        out.append("<table cellspacing='0' cellpadding='6' border='1' style='border-collapse:collapse'><tr bgcolor='#f3f4f6'>"
                   + "".join(f"<th align='left'>{escape(h)}</th>" for h in (tr("Beyan"), tr("Ad soyad"), tr("Unvan"), tr("Yer"), tr("Tarih")))
                   + "</tr>")
        for s in y.signers:
            out.append("<tr>" + "".join(f"<td>{escape(v)}</td>" for v in (_role(s.role), s.name, s.title, s.place or "–", _date(s.date))) + "</tr>")
        out.append("</table>")
    else:
        out.append(f"<p>{escape(tr('İmzalayan tanımlanmamış; beyanlarda ad yerine noktalı boşluk basılır.'))}</p>")
    out.append("<p style='color:#5f6b76'>" + escape(tr(
        "Bu ayarlar yılın form tanımından gelir ve birleşik dosyada değiştirilemez (tanım, birim dosyalarıyla aynı kalmalıdır). "
        "Değiştirmek için tanım klasöründeki tanim.yaml dosyasının 'year' bölümü güncellenip yıl dosyaları yeniden oluşturulmalıdır.")) + "</p>")
    return "".join(out)
