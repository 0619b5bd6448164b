"""Turkish casing and alphabetical order (pure stdlib).

Python's own ``str.upper``/``lower`` get the dotted and dotless i wrong for
Turkish ('i'.upper() is 'I', 'İ'.lower() is two characters). These functions
apply the Turkish rules: i <-> İ and ı <-> I. Every function first normalizes
to NFC, so a decomposed 'İ' (I + U+0307) is treated as 'İ'.
"""

from __future__ import annotations

import re
import unicodedata

from .lazy_pattern import lazy_pattern

ALPHABET = "abcçdefgğhıijklmnoöpqrsştuüvwxyz"
"""Turkish order; q, w, x (not Turkish) sit where Latin puts them."""

_RANK = {c: i for i, c in enumerate(ALPHABET)}
_TO_UPPER = str.maketrans({"i": "İ", "ı": "I"})
_TO_LOWER = str.maketrans({"İ": "i", "I": "ı"})
_WORD_START = lazy_pattern(r"(?<![\w'’])\w")
_TOKEN = lazy_pattern(r"[0-9]+|.", re.S)


def nfc(s: str) -> str:
    """Unicode NFC; text typed by users is stored this way."""
    return unicodedata.normalize("NFC", s)


def _prepare(s: str) -> str:
    # 'i' + combining dot is what str.lower() makes of 'İ'; it is just 'i'.
    return nfc(s).replace("i\u0307", "i")


def upper(s: str) -> str:
    """Turkish upper case: 'istanbul ılıca' -> 'İSTANBUL ILICA'."""
    return nfc(_prepare(s).translate(_TO_UPPER).upper())


def lower(s: str) -> str:
    """Turkish lower case: 'İSTANBUL ILICA' -> 'istanbul ılıca'."""
    return nfc(_prepare(s).translate(_TO_LOWER).lower())


def title(s: str) -> str:
    """Each word capitalized the Turkish way: 'istanbul ılıca' -> 'İstanbul Ilıca'.

    A word starts after anything that is not a letter, digit or apostrophe,
    so "kars'ta" -> "Kars'ta" and "ali-veli" -> "Ali-Veli".
    """
    return _WORD_START().sub(lambda m: m.group().translate(_TO_UPPER).title(), lower(s))


def casefold(s: str) -> str:
    """Key for Turkish case-insensitive comparison and search ('I' -> 'ı')."""
    return lower(s).casefold()


def _char_key(c: str) -> tuple:
    if c in _RANK:
        return (2, _RANK[c])
    base = unicodedata.normalize("NFD", c)[0]
    if base in _RANK:  # â, î, û, é ... sort as their base letter; accent breaks ties
        return (2, _RANK[base])
    if not c.isalnum():  # spaces and punctuation first
        return (0, ord(c))
    return (3, ord(c))  # other scripts last


def sort_key(s: str) -> tuple:
    """Key for ``sorted`` in Turkish alphabetical order.

    Case-insensitive first (ties then broken by accent and case, lower case
    first, so the order is total). Spaces and punctuation come before digits,
    digits before letters; runs of digits compare by value ('2' < '10').
    """
    s = nfc(s)
    folded = casefold(s)
    primary = []
    for tok in _TOKEN().findall(folded):
        if tok[0] in "0123456789":
            digits = tok.lstrip("0")
            primary.append((1, len(digits), digits, len(tok)))
        else:
            primary.append(_char_key(tok))
    return (tuple(primary), lower(s), tuple(c.isupper() for c in s), s)


_ASCII = str.maketrans({"ç": "c", "ğ": "g", "ı": "i", "ö": "o", "ş": "s", "ü": "u", "â": "a", "î": "i", "û": "u"})
_NOT_KEY = lazy_pattern(r"[^a-z0-9]+")


def slug(s: str, max_length: int = 64) -> str:
    """A key segment (``a-z``, ``0-9``, ``_``) from a Turkish text: 'Şırnak İlçe' -> 'sirnak_ilce'.

    Turkish letters become their ASCII base letter (İ/ı -> i, ş -> s, ğ -> g…);
    any other accent is dropped; anything else separates words. Empty when the
    text has no letter or digit; a leading digit is kept (callers prefix one).
    """
    text = lower(s).translate(_ASCII)
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return _NOT_KEY().sub("_", text).strip("_")[:max_length].rstrip("_")
