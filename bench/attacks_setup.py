"""Attacks on setting a year up (issue #13: ``faaliyet init``, ``faaliyet distribute``).

- ``setup/settings-too-long-for-definition``: year settings written into the
  consolidated file with plain SQL (a signer's name, a spending officer) longer
  than a field or a definition may hold; handing out department files must not
  carry them nor crash, and every file it writes must open.
- ``setup/hostile-institution-name``: ``init`` with names that are YAML
  syntax, control characters, quotes, tags, other scripts or nothing usable:
  either a definition that loads with exactly that name, or a clear refusal
  that writes nothing.
- ``setup/link-in-out-dir``: a dangling link named like a department file in
  the output folder, pointing outside it; nothing may be written through it.
"""

from __future__ import annotations

import os
from pathlib import Path

from bench.attacks import Attack, clear_message, cli
from desktop.core import settings
from desktop.core.definition import Definition


def _consolidated(definition: Definition, work: Path, values: dict | None = None) -> Path:
    from desktop.store.file.workbook import Workbook  # noqa: PLC0415

    path = work / "birlesik.faaliyet"
    with Workbook.create(path, definition, None) as wb:
        if values:
            wb.apply(values=values)
    return path


def settings_too_long(definition: Definition, work: Path) -> list[str]:
    """Settings longer than any field may hold, written into the consolidated file with plain SQL
    (typed in, they are refused at the field): the one rule set leaves them out, so they never
    reach a department file, and every file written opens."""
    import sqlite3  # noqa: PLC0415

    from desktop.core.form_parts import part_json  # noqa: PLC0415
    from desktop.store.file.workbook import Workbook  # noqa: PLC0415

    inst = definition.institution_department
    section = settings.settings_section(definition)
    if inst is None or section is None:
        return []  # a definition without year settings has nothing to carry
    name_key = f"{inst.key}.{settings.SIGNER_FIELDS['ust_yonetici'][0]}"
    receivers = [d.key for d in definition.departments if d.role != "institution"]
    officer = f"{inst.key}.{settings.SPENDING_TABLE}.{receivers[0]}.{settings.SPENDING_NAME}"
    keys = [k for k in (name_key, officer) if k in definition.slots]
    if not keys:
        return []
    path = _consolidated(definition, work)
    conn = sqlite3.connect(path)
    with conn:
        conn.executemany(
            "INSERT INTO entry VALUES (?, ?, ?, '2021-01-05T10:00:00+00:00', 'x')", [(k, inst.key, "Ad " * 2000) for k in keys]
        )
    conn.close()
    out = work / "dagitim"
    rc, stdout, stderr = cli("distribute", path, "--out-dir", out)
    problems = []
    if not isinstance(rc, int):
        return [f"distribute: {rc}"]
    if rc != 0 and (why := clear_message(stderr)):
        problems.append(f"distribute: {why}")
    for written in out.glob("*.faaliyet") if out.is_dir() else []:
        try:
            with Workbook.open(written, readonly=True) as wb:
                # the settings travel in the head (the year block, the department's manager); the file
                # carries its own form and the institution unit's besides
                stored = [wb.definition.head_json(), *(part_json(f) for f in wb.definition.forms_at_hand())]
                if any(b"Ad Ad Ad" in data for data in stored):
                    problems.append(f"{written.name} carries a setting the consolidated file holds against the rules")
        except Exception as exc:  # noqa: BLE001
            problems.append(f"{written.name} was written but does not open: {exc}")
    return problems


HOSTILE_NAMES = [
    'Ad: "Belediyesi"',
    "&a *a !!python/object:os.system Belediyesi",
    "{x: 1} [y] # yorum Belediyesi",
    "Satır\nbaşı\r\nBelediyesi",
    "Zil\x07 ve NUL\x00 Belediyesi",
    "' tek tırnak ' Belediyesi",
    "Ümraniye \u202eters\u202c Belediyesi",
    "東京 Belediyesi",
    "---",
    "x" * 5000,
]


def hostile_institution_name(definition: Definition, work: Path) -> list[str]:
    from desktop.core.loader import DefinitionError, load_definition  # noqa: PLC0415

    problems = []
    for i, name in enumerate(HOSTILE_NAMES):
        out = work / f"tanim{i}"
        rc, stdout, stderr = cli("init", "--institution", name, "--year", 2026, "--out", out)
        if rc == 0:
            try:
                loaded = load_definition(out)
            except DefinitionError as exc:
                problems.append(f"{name[:30]!r}: init wrote a definition that does not load: {str(exc)[:200]}")
                continue
            if loaded.institution.name != " ".join(name.split()):
                problems.append(f"{name[:30]!r}: the name became {loaded.institution.name[:40]!r}")
        elif rc == 2:
            if why := clear_message(stderr):
                problems.append(f"{name[:30]!r}: {why}")
            if out.exists() and any(out.iterdir()):
                problems.append(f"{name[:30]!r}: refused but left files behind")
        else:
            problems.append(f"{name[:30]!r}: init ended with {rc}")
    return problems


def link_in_out_dir(definition: Definition, work: Path) -> list[str]:
    from desktop.store.distribute import file_name, receivers  # noqa: PLC0415

    path = _consolidated(definition, work)
    out, outside = work / "dagitim", work / "disarisi"
    out.mkdir()
    outside.mkdir()
    target = outside / "buraya-yazilmamali.faaliyet"
    link = out / file_name(definition, receivers(definition)[0])
    try:
        os.symlink(target, link)
    except (OSError, NotImplementedError):
        return []  # no links here (Windows without the privilege): nothing to attack
    rc, stdout, stderr = cli("distribute", path, "--out-dir", out)
    problems = []
    if not isinstance(rc, int):
        problems.append(f"distribute: {rc}")
    if target.exists():
        problems.append("a department file was written through a link, outside the chosen folder")
    return problems


ATTACKS = [
    Attack("setup/settings-too-long-for-definition", "definition", settings_too_long),
    Attack("setup/hostile-institution-name", "text", hostile_institution_name),
    Attack("setup/link-in-out-dir", "misc", link_in_out_dir),
]
