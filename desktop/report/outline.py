"""The regulation's outline (Kamu İdarelerince Hazırlanacak Faaliyet Raporları Hakkında Yönetmelik).

Each node has the chapter code used by ``SectionDef.chapter`` ("I.C.4"), the
number printed before its title and the title. Nodes marked ``generated`` are
built from the plan (II.A), the departments (III.B.1) or the indicators
(III.B.2, III.B.3) in addition to any sections assigned to them.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Node:
    code: str
    number: str
    title: str
    children: tuple[Node, ...] = field(default_factory=tuple)

    @property
    def heading(self) -> str:
        return f"{self.number}. {self.title}" if self.number else self.title

    @property
    def level(self) -> int:
        return self.code.count(".")

    def walk(self):
        yield self
        for c in self.children:
            yield from c.walk()


def _n(code, number, title, *children):
    return Node(code, number, title, tuple(children))


OUTLINE: tuple[Node, ...] = (
    _n(
        "I",
        "I",
        "GENEL BİLGİLER",
        _n("I.A", "A", "Misyon ve Vizyon"),
        _n("I.B", "B", "Yetki, Görev ve Sorumluluklar"),
        _n(
            "I.C",
            "C",
            "İdareye İlişkin Bilgiler",
            _n("I.C.1", "1", "Fiziksel Yapı"),
            _n("I.C.2", "2", "Örgüt Yapısı"),
            _n("I.C.3", "3", "Bilgi ve Teknolojik Kaynaklar"),
            _n("I.C.4", "4", "İnsan Kaynakları"),
            _n("I.C.5", "5", "Sunulan Hizmetler"),
            _n("I.C.6", "6", "Yönetim ve İç Kontrol Sistemi"),
        ),
        _n("I.D", "D", "Diğer Hususlar"),
    ),
    _n(
        "II",
        "II",
        "AMAÇ VE HEDEFLER",
        _n("II.A", "A", "İdarenin Amaç ve Hedefleri"),
        _n("II.B", "B", "Temel Politikalar ve Öncelikler"),
    ),
    _n(
        "III",
        "III",
        "FAALİYETLERE İLİŞKİN BİLGİ VE DEĞERLENDİRMELER",
        _n(
            "III.A",
            "A",
            "Mali Bilgiler",
            _n("III.A.1", "1", "Bütçe Uygulama Sonuçları"),
            _n("III.A.2", "2", "Temel Mali Tablolara İlişkin Açıklamalar"),
            _n("III.A.3", "3", "Mali Denetim Sonuçları"),
        ),
        _n(
            "III.B",
            "B",
            "Performans Bilgileri",
            _n("III.B.1", "1", "Faaliyet ve Proje Bilgileri"),
            _n("III.B.2", "2", "Performans Sonuçları Tablosu"),
            _n("III.B.3", "3", "Performans Sonuçlarının Değerlendirilmesi"),
            _n("III.B.4", "4", "Performans Bilgi Sisteminin Değerlendirilmesi"),
        ),
    ),
    _n(
        "IV",
        "IV",
        "KURUMSAL KABİLİYET VE KAPASİTENİN DEĞERLENDİRİLMESİ",
        _n("IV.A", "A", "Üstünlükler"),
        _n("IV.B", "B", "Zayıflıklar"),
        _n("IV.C", "C", "Değerlendirme"),
    ),
    _n("V", "V", "ÖNERİ VE TEDBİRLER"),
)

GENERATED = {"II.A", "III.B.1", "III.B.2", "III.B.3"}
