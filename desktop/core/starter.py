"""The starting definition of a new municipality's year (``faaliyet init``).

A small, valid definition folder that the strategy unit fills: the institution
unit with the regulation's institution-level chapters and the year-settings
section, one example department, an empty strategic plan. ``starter_files``
gives the files' texts (YAML with comments that say what to fill); the caller
writes them. The institution key (and so the file names of the year) is
derived from the name, the Turkish way (``turkish.slug``).
"""

from __future__ import annotations

import json
import unicodedata

from . import settings
from .i18n import _
from .turkish import slug, upper

INSTITUTION_UNIT = "kurum"  # the institution unit's key in the starter (any key works; see forms/README.md)
EXAMPLE_DEPARTMENT = "ornek_mudurluk"
_SUFFIX = "belediyesi"  # "Ad Belediyesi" -> "ad": file names read ad-2026-fen_isleri.faaliyet
MIN_YEAR, MAX_YEAR = 2000, 2100  # as YearDef allows


class StarterError(ValueError):
    """A name or a year a definition cannot be made from (Turkish message)."""


def institution_key(name: str) -> str:
    """'Ad Belediyesi' -> 'ad'; 'İğdır İl Özel İdaresi' -> 'igdir_il_ozel_idaresi'."""
    key = slug(name)
    if key.endswith("_" + _SUFFIX):
        key = key[: -len(_SUFFIX) - 1]
    if not key:
        raise StarterError(
            _("'{name}' adından bir kurum anahtarı çıkarılamadı: ad en az bir harf içermeli (ör. \"Ad Belediyesi\").").format(
                name=name
            )
        )
    if not key[0].isalpha():
        key = "k_" + key
    return key[:64].rstrip("_")


def full_name(name: str) -> str:
    """'Ad Belediyesi' -> 'T.C. AD BELEDİYE BAŞKANLIĞI' (the cover's line; editable in tanim.yaml)."""
    words = name.split()
    if len(words) > 1 and slug(words[-1]) == _SUFFIX:
        return "T.C. " + upper(" ".join(words[:-1])) + " BELEDİYE BAŞKANLIĞI"
    return "T.C. " + upper(name)


def _q(text: str) -> str:
    """A YAML double-quoted scalar (JSON's string syntax is valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def starter_files(institution: str, year: int) -> dict[str, str]:
    """{relative path: YAML text} of the starting definition folder."""
    name = " ".join(institution.split())
    if not name:
        raise StarterError(_('Kurumun adı boş; --institution "Ad Belediyesi" biçiminde verin.'))
    odd = next((c for c in name if unicodedata.category(c).startswith("C")), None)
    if odd is not None:
        raise StarterError(
            _("Kurumun adında görünmeyen bir denetim karakteri var (U+{code:04X}); adı yeniden yazın.").format(code=ord(odd))
        )
    if len(name) > 200:
        raise StarterError(_("Kurumun adı çok uzun (en çok 200 karakter)."))
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise StarterError(
            _("Yıl {min_year} ile {max_year} arasında olmalı ({year}).").format(min_year=MIN_YEAR, max_year=MAX_YEAR, year=year)
        )
    key = institution_key(name)
    return {
        "tanim.yaml": _tanim(name, key, year),
        "plan.yaml": _plan(name, year),
        f"birimler/{INSTITUTION_UNIT}.yaml": _institution_form(),
        f"birimler/{EXAMPLE_DEPARTMENT}.yaml": _example_form(),
    }


def _tanim(name: str, key: str, year: int) -> str:
    return f"""# {name} {year} yılı tanımı: kurum, yıl ayarları ve birimler.
# 'faaliyet init' ile oluşturuldu; Strateji Geliştirme doldurur (bkz. forms/README.md, "Yeni bir belediye").
# Sayılar YAML biçiminde yazılır: binlik ayırıcı yok, ondalık ayırıcı nokta (12.5).
id: {key}-{year}
version: "1"

institution:
  key: {key}  # dosya adlarında görünür: {key}-{year}-<birim>.faaliyet
  name: {_q(name)}
  full_name: {_q(full_name(name))}
  address: ""
  phone: ""
  web: ""
  email: ""
  # logo: logo.png  # kapaktaki logo: bu klasördeki bir JPEG ya da PNG dosyası

year:
  year: {year}
  deviation_tolerance: 0  # yüzde puan; gerçekleşme hedeften bundan çok saparsa açıklama zorunlu
  percent_style: prefix  # prefix: %92, suffix: 92 %
  signers: []
  # signers:
  #   - {{role: ust_yonetici, name: "Ad SOYAD", title: "Belediye Başkanı", place: "Yer", date: "{year + 1}-04-01"}}
  #   - {{role: mali_hizmetler, name: "Ad SOYAD", title: "Mali Hizmetler Müdürü", place: "Yer", date: "{year + 1}-04-01"}}

# Birimler: her müdürlük bir satır. Anahtar kalıcıdır (küçük harf, a-z, 0-9, _), ad basılır.
# role: institution olan birim kurum bölümlerini (sunuş, misyon, I-B, II-B, IV, V…) taşır;
# Strateji Geliştirme bunları birleşik dosyada doldurur, ayrı bir birim dosyası değildir.
# Mali hizmetler birimini de (bütçe ve mali tablolar) buraya bir birim olarak ekleyin ve ona
# 'finance: true' yazın: raporun eklerindeki mali hizmetler beyanı o birimin adıyla basılır.
departments:
  - key: {INSTITUTION_UNIT}
    name: "Strateji Geliştirme (Kurum Bölümleri)"
    role: institution
  - key: {EXAMPLE_DEPARTMENT}
    name: "Örnek Müdürlüğü"
    manager: ""
    manager_title: ""
"""


def _plan(name: str, year: int) -> str:
    return f"""# Stratejik plan: amaçlar → hedefler → performans hedefleri → göstergeler ve faaliyetler.
# Boş başlar; elle ya da bir hesap tablosundan ('faaliyet plan import plan.xlsx --definition KLASÖR') doldurulur.
name: {_q(name + " Stratejik Planı")}
period: ""
aims: []
# aims:
#   - code: SA1
#     name: "…"
#     goals:
#       - code: H1.1
#         name: "…"
#         targets:
#           - key: ph_1_1
#             name: "…"
#             indicators:
#               - {{key: pg_1_1_1, code: "PG.1.1.1", name: "…", unit: "Adet", target: 10, weight: 100, department: {EXAMPLE_DEPARTMENT}}}
#             activities:
#               - {{key: f_1_1_1, code: "F.1.1.1", name: "…", planned_cost: 100000, department: {EXAMPLE_DEPARTMENT}}}
"""


_FOREWORD = "sunus"  # the starter's foreword section (declared with foreword: true; a definition may rename it)
_SETTINGS_SECTION = "ayarlar"  # the starter's settings section key (found by its chapter, never by this key)
# the regulation's institution-level chapters: (section key, title, chapter, [(field key, label)])
_CHAPTERS = [
    ("sunus", "Sunuş", "I.A", [("sunus", "Başkanın sunuşu")]),
    (
        "misyon_vizyon",
        "Misyon ve Vizyon",
        "I.A",
        [("misyon", "Misyonumuz"), ("vizyon", "Vizyonumuz"), ("degerler", "Temel Değerler")],
    ),
    ("yetki", "Yetki, Görev ve Sorumluluklar", "I.B", [("yetki", "Yetki, görev ve sorumluluklar")]),
    ("fiziksel_yapi", "Fiziksel Yapı", "I.C.1", [("fiziksel_yapi", "Fiziksel yapı")]),
    ("orgut", "Örgüt Yapısı", "I.C.2", [("orgut", "Örgüt yapısı")]),
    ("bilgi_teknoloji", "Bilgi ve Teknolojik Kaynaklar", "I.C.3", [("bilgi_teknoloji", "Bilgi ve teknolojik kaynaklar")]),
    ("insan_kaynaklari", "İnsan Kaynakları", "I.C.4", [("insan_kaynaklari", "İnsan kaynakları")]),
    ("hizmetler", "Sunulan Hizmetler", "I.C.5", [("hizmetler", "Sunulan hizmetler")]),
    ("yonetim", "Yönetim ve İç Kontrol Sistemi", "I.C.6", [("yonetim", "Yönetim ve iç kontrol")]),
    ("diger", "Diğer Hususlar", "I.D", [("diger", "Diğer hususlar")]),
    ("politikalar", "Temel Politikalar ve Öncelikler", "II.B", [("politikalar", "Temel politikalar ve öncelikler")]),
    ("mali_denetim", "Mali Denetim Sonuçları", "III.A.3", [("mali_denetim", "Mali denetim sonuçları")]),
    (
        "performans_degerlendirme",
        "Performans Sonuçlarının Değerlendirilmesi",
        "III.B.3",
        [("performans_degerlendirme", "Performans sonuçlarının değerlendirilmesi")],
    ),
    (
        "pbs",
        "Performans Bilgi Sisteminin Değerlendirilmesi",
        "III.B.4",
        [("pbs", "Performans bilgi sisteminin değerlendirilmesi")],
    ),
    ("ustunlukler", "Üstünlükler", "IV.A", [("ustunlukler", "Üstünlükler")]),
    ("zayifliklar", "Zayıflıklar", "IV.B", [("zayifliklar", "Zayıflıklar")]),
    ("degerlendirme", "Değerlendirme", "IV.C", [("degerlendirme", "Değerlendirme")]),
    ("oneriler", "Öneri ve Tedbirler", "V", [("oneriler", "Öneri ve Tedbirler")]),
]

# the year-settings section: its field keys are fixed (core/settings.py)
_SETTINGS_FIELDS = [
    (settings.TOLERANCE, "Sapma toleransı", "percent"),
    (settings.SIGNER_FIELDS["ust_yonetici"][0], "Üst yönetici (iç kontrol güvence beyanı): ad soyad", "text"),
    (settings.SIGNER_FIELDS["ust_yonetici"][1], "Üst yöneticinin unvanı", "text"),
    (settings.SIGNER_FIELDS["mali_hizmetler"][0], "Mali hizmetler birim yöneticisi (beyan): ad soyad", "text"),
    (settings.SIGNER_FIELDS["mali_hizmetler"][1], "Mali hizmetler birim yöneticisinin unvanı", "text"),
    (settings.PLACE, "Beyanların yeri", "text"),
    (settings.DATE, "Beyanların tarihi", "date"),
]


def _institution_form() -> str:
    out = [
        "# Kurum düzeyindeki bölümler (Strateji Geliştirme birleşik dosyada doldurur): yönetmeliğin kurum",
        "# bölümleri ve basılmayan yıl ayarları. Metinler boş uzun metin alanlarıdır; gerekmeyen bölümü silin.",
        f"department: {INSTITUTION_UNIT}",
        "sections:",
    ]
    for key, title, chapter, fields in _CHAPTERS:
        out += [f"  - key: {key}", f"    title: {_q(title)}", f"    chapter: {chapter}"]
        if key == _FOREWORD:
            out += ["    foreword: true  # içindekilerden önce başkanın sunuşu olarak basılır"]
        out += ["    items:"]
        for fkey, label in fields:
            out += ["      - kind: field", f"        key: {fkey}", f"        label: {_q(label)}", "        type: longtext"]
    out += [
        f"  - key: {_SETTINGS_SECTION}",
        '    title: "Yıl ayarları ve imzacılar"',
        f"    chapter: {settings.SETTINGS_CHAPTER}",
        '    intro: "Boş bırakılan her ayar için yılın tanımındaki değer (tanim.yaml, year) geçerlidir. '
        "Birim dosyaları 'Birim dosyalarını dağıt' (faaliyet distribute) ile birleşik dosyadan üretildiğinde "
        'buradaki tolerans ve imzacılar birim dosyalarına da geçer."',
        "    items:",
    ]
    for fkey, label, ftype in _SETTINGS_FIELDS:
        out += [
            "      - kind: field",
            f"        key: {fkey}",
            f"        label: {_q(label)}",
            f"        type: {ftype}",
            "        print: false",
        ]
    out += [
        "      - kind: table",
        f"        key: {settings.SPENDING_TABLE}",
        '        title: "Birim raporlarındaki harcama yetkilileri (boş: birimin müdürü)"',
        '        row_header: "Birim"',
        "        # satırlar: kurum birimi dışındaki her birim (anahtarı tanim.yaml'daki gibi)",
        "        rows:",
        f'          - {{key: {EXAMPLE_DEPARTMENT}, label: "Örnek Müdürlüğü"}}',
        "        columns:",
        f'          - {{key: {settings.SPENDING_NAME}, label: "Ad soyad", type: text}}',
        f'          - {{key: {settings.SPENDING_TITLE}, label: "Unvan", type: text}}',
        "rules:",
        "  - key: sapma_toleransi_araligi",
        f'    check: "{INSTITUTION_UNIT}.{settings.TOLERANCE} >= 0 and {INSTITUTION_UNIT}.{settings.TOLERANCE} <= 100"',
        '    message: "Sapma toleransı %0 ile %100 arasında olmalı; bu değer kullanılmıyor, tanımdaki tolerans geçerli."',
    ]
    return "\n".join(out) + "\n"


def _example_form() -> str:
    return f"""# Örnek bir birim formu: her müdürlük için bu dosyayı kopyalayın, 'department' anahtarını
# tanim.yaml'daki birim anahtarıyla değiştirin ve bölümleri müdürlüğün raporuna göre düzenleyin.
department: {EXAMPLE_DEPARTMENT}
sections:
  - key: faaliyetler
    title: "Faaliyetler"
    chapter: III.B.1
    items:
      - kind: field
        key: anlatim
        label: "Müdürlüğün yıl içindeki çalışmaları"
        type: longtext
        help: "Paragrafları boş satırla ayırın; madde işaretli satırları \\"- \\" ile başlatın."
      - kind: field
        key: basvuru
        label: "Sonuçlandırılan başvuru"
        type: count
        unit: Adet
      - kind: table
        key: isler
        title: "Yapılan İşler"
        row_header: "İş"
        rows:
          - {{key: birinci, label: "Birinci iş"}}
          - {{key: ikinci, label: "İkinci iş"}}
        columns:
          - {{key: adet, label: "Adet", type: count}}
          - {{key: tutar, label: "Tutar (TL)", type: money}}
        total_row: true
      - kind: photos
        key: fotograflar
        title: "Fotoğraflar"
"""
