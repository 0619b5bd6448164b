"""Turkish texts for argparse's own messages (usage, help, errors)."""

from __future__ import annotations

import argparse

_TEXTS = {
    "usage: ": "kullanım: ",
    "positional arguments": "konumsal argümanlar",
    "options": "seçenekler",
    "show this help message and exit": "bu yardımı gösterir ve çıkar",
    "the following arguments are required: %s": "şu argümanlar gerekli: %s",
    "unrecognized arguments: %s": "tanınmayan argümanlar: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": "geçersiz seçim: %(value)r (şunlardan biri: %(choices)s)",
    "argument %(argument_name)s: %(message)s": "%(argument_name)s argümanı: %(message)s",
    "expected one argument": "bir değer bekleniyor",
    "invalid %(type)s value: %(value)r": "geçersiz %(type)s değeri: %(value)r",
    "%(prog)s: error: %(message)s\n": "%(prog)s: hata: %(message)s\n",
    "one of the arguments %s is required": "şu argümanlardan biri gerekli: %s",
}


_ENGLISH = argparse._  # type: ignore[attr-defined]  # argparse's own gettext


def _(text: str) -> str:
    return _TEXTS.get(text, text)


def install() -> None:
    """argparse's own words in Turkish, unless the CLI runs in English (``FAALIYET_LANG=en``)."""
    from .core import i18n

    if i18n.language() != "tr":
        argparse._ = _ENGLISH  # its own English (undoes an earlier install)
        return
    argparse._ = _  # argparse looks up its translation function at call time
