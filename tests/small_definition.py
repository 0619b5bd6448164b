"""A small definition folder unlike Kars (other keys, year, tolerance, percent style), as YAML files."""

from __future__ import annotations

from pathlib import Path

HEAD = """\
id: ornek-2031
institution:
  key: ornekkent
  name: Örnekkent Belediyesi
year:
  year: 2031
  deviation_tolerance: 10
  percent_style: suffix
departments:
  - key: kurum
    name: Örnekkent Belediyesi
    role: institution
  - key: zabita
    name: Zabıta Müdürlüğü
"""

FORM = """\
department: zabita
sections:
  - key: denetim
    title: Denetimler
    items:
      - kind: field
        key: denetim_sayisi
        label: Denetim sayısı
        type: count
"""


def write_folder(folder: Path, head: str = HEAD, form: str = FORM) -> Path:
    (folder / "birimler").mkdir(parents=True)
    (folder / "tanim.yaml").write_text(head, encoding="utf-8")
    (folder / "birimler" / "zabita.yaml").write_text(form, encoding="utf-8")
    return folder
