"""Characters a stored text may hold: one rule for every way text comes in.

* Invisible direction controls - the embeddings and overrides U+202A-U+202E,
  the isolates U+2066-U+2069 and the marks U+200E, U+200F, U+061C - are
  REMOVED. They carry no meaning in Turkish text, a clerk cannot see them
  (they come with text pasted from other programs), and they can make a
  spreadsheet or the printed report show characters in another order than
  stored ("Trojan Source"). Removing them changes nothing a reader should see,
  so the text is kept rather than refused.
* Every other control character (C0, DEL, C1), lone surrogates (not text at
  all: they cannot be written as UTF-8) and the non-characters U+FFFE/U+FFFF
  are REFUSED with the position; a tab and a line break are allowed only
  where the text may have several lines (``multiline``).
"""

from __future__ import annotations

import re

from .i18n import _

BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
_BIDI = re.compile(f"[{BIDI_CONTROLS}]")
_BAD_ONE_LINE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_BAD_MULTILINE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


class CharacterProblem(ValueError):
    """A character a text may not hold; the message is Turkish."""


def strip_bidi(text: str) -> str:
    """``text`` without the invisible direction controls."""
    return _BIDI.sub("", text)


def check_characters(text: str, multiline: bool) -> None:
    """Raise CharacterProblem for the first character the text may not hold."""
    bad = (_BAD_MULTILINE if multiline else _BAD_ONE_LINE).search(text)
    if bad is None:
        return
    c, at = bad.group(), bad.start() + 1
    if c in "\n\r\t":
        what = _("satır sonu") if c != "\t" else _("sekme (Tab)")
        raise CharacterProblem(
            _("{at}. karakter bir {what}; bu alan tek satırlık. Metni tek satırda yazın.").format(at=at, what=what)
        )
    if "\ud800" <= c <= "\udfff":
        what = _("geçersiz bir karakter (eşi olmayan vekil kod U+{code:04X})").format(code=ord(c))
    else:
        what = _("görünmeyen bir denetim karakteri (U+{code:04X})").format(code=ord(c))
    raise CharacterProblem(
        _("{at}. karakter {what}. Metni yeniden yazın ya da düz metin olarak yapıştırın.").format(at=at, what=what)
    )


# --- text hygiene: warnings, never refusals ------------------------------------------------
# Letters a Turkish text is written with: the ASCII letters, the Turkish ones and the circumflexed
# vowels of loan words. A Latin letter outside them (ř, ę, Ő, đ, Ã…) in a Turkish sentence almost
# always means the text went through a wrong code page ("Mcadele alıřmaları", "Ä±" for "ı"); a
# U+FFFD is a character a program could not read at all.
TURKISH_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZçğıöşüÇĞİÖŞÜâîûÂÎÛ")
_FOREIGN = re.compile(r"[\u00c0-\u024f\ufffd]")
# a line left over from a markdown or spreadsheet table: only "-|:=" (also as a bullet: "- -----"), an
# empty bullet, a line starting with "|", or "**" bold markers
_DEBRIS_LINE = re.compile(r"^[ \t]*(?:[-•*][ \t]+)?(?:[-|:=][-|:= \t]*[-|:=]|[-|])[ \t\r]*$|^[ \t]*\|.*$|^.*\*\*.*$", re.M)


def _foreign(text: str) -> list[str]:
    found = dict.fromkeys(c for c in _FOREIGN.findall(text) if c not in TURKISH_LETTERS)
    return list(found)


def _debris_lines(text: str) -> list[int]:
    """The numbers (from 1) of the lines that are table or markup debris."""
    return [text.count("\n", 0, m.start()) + 1 for m in _DEBRIS_LINE.finditer(text)]


def hygiene_problems(text: str) -> list[str]:
    """What in ``text`` betrays a broken encoding or markdown debris, in Turkish (empty: clean).

    Each problem is one sentence without the field's name; the caller names the field.
    """
    if not isinstance(text, str) or not text:
        return []
    out = []
    foreign = _foreign(text)
    if foreign:
        shown = " ".join(foreign[:6]) + (" …" if len(foreign) > 6 else "")
        first = next(m for m in _FOREIGN.finditer(text) if m.group() in foreign)
        start = text.rfind(" ", 0, max(first.start() - 12, 0)) + 1
        context = " ".join(text[start : first.start() + 20].split())
        out.append(
            _(
                'Türkçede olmayan karakterler var ({chars}), örneğin "{context}": metin bozuk bir kodlamayla '
                "gelmiş olabilir. Doğru harflerle yeniden yazın."
            ).format(chars=shown, context=context)
        )
    lines = _debris_lines(text)
    if lines:
        shown = ", ".join(str(n) for n in lines[:5]) + (" …" if len(lines) > 5 else "")
        out.append(
            _(
                "{n} satır tablo ya da biçim artığı (yalnız '-', '|', ':' ya da '**'; satır {lines}). "
                "Bu satırları silin; tabloyu metin ya da madde listesi olarak yazın."
            ).format(n=len(lines), lines=shown)
        )
    return out
