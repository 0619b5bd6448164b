"""Definition folders for the plan spreadsheet tests: a copy of the sample, and a small one unlike it."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

from desktop import resources

SMALL_TANIM = """\
id: ornek-2031
institution:
  key: ornekkoy
  name: Örnekköy Belediyesi
year:
  year: 2031
  deviation_tolerance: 10
  percent_style: suffix
departments:
  - {key: planlama, name: Planlama Şubesi, role: institution}
  - {key: fen, name: Fen İşleri Şubesi}
  - {key: cevre, name: Çevre Şubesi}
"""

SMALL_PLAN = """\
name: Örnekköy 2030-2034 Stratejik Planı
period: 2030-2034
aims:
  - code: A1
    name: "Yaşanabilir çevre: su, yol ve çöp"
    goals:
      - code: A1.H1
        name: Yol ağını iyileştirmek
        targets:
          - key: yol
            name: Asfalt ve kaldırım
            indicators:
              - {key: asfalt, code: G-1, name: Serilen asfalt, unit: Ton, direction: increase, baseline: 100, target: 250.5, weight: 33.33, department: fen}
              - {key: kaza, code: G-2, name: Yoldan kaynaklı kaza, unit: Adet, direction: decrease, baseline: 40, target: 20, weight: 33.33, department: fen}
              - {key: sikayet, code: G-3, name: Şikâyet yanıtlama süresi, unit: Gün, direction: keep, baseline: 3, target: 3, weight: 33.34, department: cevre}
            activities:
              - {key: asfalt_f, code: F-1, name: "Asfalt serimi; ilçe merkezi", planned_cost: 1250000.75, department: fen}
              - {key: kaldirim_f, code: F-1, name: Kaldırım yenileme, unit: Metre, department: fen}
      - code: A1.H2
        name: Boş hedef (henüz performans hedefi yok)
  - code: A2
    name: Kurumsal kapasite
"""


def small_definition(tmp: Path) -> Path:
    """A small, valid definition folder whose keys, year and codes all differ from the sample's."""
    folder = tmp / "ornek-2031"
    (folder / "birimler").mkdir(parents=True)
    (folder / "tanim.yaml").write_text(SMALL_TANIM, encoding="utf-8")
    (folder / "plan.yaml").write_text(SMALL_PLAN, encoding="utf-8")
    (folder / "notlar.txt").write_text("plana dokunulmayan bir dosya\n", encoding="utf-8")
    return folder


def sample_copy(tmp: Path) -> Path:
    folder = tmp / "kars-2020"
    shutil.copytree(resources.default_definition(), folder)
    return folder


def digests(folder: Path) -> dict[str, str]:
    """sha256 of every file under ``folder`` (relative path -> digest)."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()
    }
