"""Figures a narrative text states: references to computed values, and amounts typed by hand.

A long text may name a value of the file instead of copying it:
``{{mali_hizmetler.gider_ekonomik.toplam.gerceklesme}}`` is replaced, wherever the
text is shown or printed, by that value as the report prints it (its declared
places, the year's percent style, Turkish grouping). The name is a value key as
``faaliyet fields`` lists it: a field (``birim.alan``), a table cell
(``birim.tablo.satır.sütun``), a table total (``birim.tablo.toplam.sütun``) or an
indicator's actual (``gösterge.actual``). So the text cannot contradict its
table: it says what the table says.

Two checks (one place, run by ``LiveChecks``):

* a reference to a key the definition does not have is an error (the report
  would print a dash where the figure should stand);
* a money amount typed in the text ("67.892.756,94 TL", "46.900-TL", "₺1.250")
  that equals no figure of the file is a warning: either a typo or a figure
  the tables do not show; a reference says it for sure.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from .i18n import _
from .lazy_pattern import lazy_pattern

REFERENCE = re.compile(r"\{\{\s*([^{}\s]+)\s*\}\}")
# a money amount is found from its unit (rare in a text) and read backwards (a Turkish-written number
# directly before "TL" / "₺" / "lira": "67.892.756,94-TL", "46.900 TL") or forwards after "₺" ("₺1.250")
_UNIT = re.compile(r"TL\b|₺|[Tt]ürk [Ll]irası\b|[Ll]ira\b")
_BEFORE = re.compile(r"(?<![\d.,])(\d{1,3}(?:\.\d{3})+(?:,\d{1,2})?|\d+(?:,\d{1,2})?)\s*-?\s*$")
_AFTER = lazy_pattern(r"\s*(\d{1,3}(?:\.\d{3})+(?:,\d{1,2})?|\d+(?:,\d{1,2})?)(?![\d.,]\d)")
# amounts too small to be a figure of a table (a unit price "5 TL" is not a claim about the tables)
SMALL_AMOUNT = Decimal(1000)


def names_in(text) -> list[str]:
    """The keys a text refers to, in order, each once."""
    if not isinstance(text, str) or "{{" not in text:
        return []
    return list(dict.fromkeys(REFERENCE.findall(text)))


def expand(text: str, shown: Callable[[str], str | None]) -> str:
    """``text`` with every reference replaced by ``shown(key)`` ("—" for an unknown or empty one)."""
    if "{{" not in text:
        return text
    return REFERENCE.sub(lambda m: shown(m.group(1)) or "—", text)


@lru_cache(maxsize=1024)
def typed_amounts(text) -> tuple[tuple[str, Decimal], ...]:
    """Money amounts written out in a text (references excluded): (as typed, value)."""
    if not isinstance(text, str) or not _UNIT.search(text):
        return ()
    plain = REFERENCE.sub(" ", text)
    out = []
    for unit in _UNIT.finditer(plain):
        if unit.group() == "₺":
            m = _AFTER().match(plain, unit.end())
        else:
            m = _BEFORE.search(plain, max(0, unit.start() - 40), unit.start())
        if m is None:
            continue
        typed = m.group(1)
        try:
            value = Decimal(typed.replace(".", "").replace(",", "."))
        except InvalidOperation:  # pragma: no cover - the pattern allows digits only
            continue
        if value >= SMALL_AMOUNT:
            out.append((typed, value))
    return tuple(out)


def unknown_message(label: str, keys: Iterable[str]) -> str:
    return _(
        "'{label}' metninde tanımda olmayan değer adı var: {names}. Değer adlarını 'faaliyet fields' listesinden "
        "ya da alanın yardımından alın ve {{{{birim.tablo.satır.sütun}}}} biçiminde yazın."
    ).format(label=label, names=", ".join("{{" + k + "}}" for k in keys))


def amount_message(label: str, typed: list[str]) -> str:
    return _(
        "'{label}' metnindeki tutar dosyadaki hiçbir rakama eşit değil: {amounts} TL. Tutarı tablodan "
        "denetleyin; tablodaki rakamı yazmak için metne {{{{birim.tablo.satır.sütun}}}} biçiminde bir gönderme koyun."
    ).format(label=label, amounts=", ".join(typed))


def value_text(definition, get: Callable[[str], object], key: str, percent_style: str = "prefix") -> str | None:
    """The value at ``key`` as the report prints it (its slot's places, the year's percent style);
    None for an unknown key or an empty value."""
    from .numbers import format_number
    from .settings import definition_values, is_settings_key
    from .values import display

    v = get(key)
    if v is None:
        # a year setting nobody overrode: the definition's (the tolerance the tables print)
        return definition_values(definition).get(key) or None if is_settings_key(definition, key) else None
    slot = definition.slots.get(key)
    if slot is not None:
        return display(slot.type, v, percent_style, for_print=True, decimals=slot.places) or None
    if isinstance(v, (int, Decimal)) and key.endswith(".actual"):
        return format_number(v)
    return None
