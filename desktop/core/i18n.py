"""Translatable messages made outside the UI (core, store, report, CLI): ``_("…")``.

The source strings are Turkish. ``_`` returns the message in the current language;
placeholders are filled after translation (``_("{n} hata").format(n=3)``), never by an
f-string inside ``_()``, so the catalogue can find the message.

The catalogue is GNU gettext: ``resources/translations/messages_<lang>.po`` (the text a
translator edits, with Poedit or any text editor) compiled to ``messages_<lang>.mo``, read
by the standard library's ``gettext.GNUTranslations``. Why gettext and not the UI's Qt
``.ts``: core, store, report and the CLI must not need Qt, the stdlib reads ``.mo`` with no
new dependency, and ``.po`` is the format every translation tool knows. The UI's own
strings stay in Qt's ``faaliyet_en.ts`` (``tr()``); both follow the one language the
application chose (``set_language``, called by the UI at start and by the CLI).

A message built when a module is imported (a module-level constant) would be translated
before the language is set: write it as ``lazy("…")``, a text translated each time it is
turned into a string (``str()``, an f-string, ``format``, ``+``).

``tools/messages.py`` extracts every ``_("…")`` and ``lazy("…")`` into the ``.po`` and
compiles the ``.mo``; ``tests/test_messages_i18n.py`` fails when one is missing or
untranslated.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path

LANGUAGES = ("tr", "en")
"""Turkish is the source; English comes from the catalogue."""

_catalogue: dict[str, str] = {}
_language = "tr"
_TURKISH: dict[str, str] = {}
# a document being written in this thread (or context) is Turkish whatever the window's language
_document: ContextVar[dict[str, str] | None] = ContextVar("faaliyet_document_language", default=None)


def _(text: str) -> str:
    """The message in the current language (Turkish source; the catalogue is loaded by ``set_language``)."""
    table = _document.get()
    return (_catalogue if table is None else table).get(text, text)


@contextmanager
def document_language() -> Iterator[None]:
    """Turkish messages inside the block, in this thread only: for what goes into a document
    (the report's open findings), while the window (another thread) stays in its language."""
    token = _document.set(_TURKISH)
    try:
        yield
    finally:
        _document.reset(token)


def catalogue_path(lang: str) -> Path:
    """The compiled catalogue of ``lang`` (``messages_<lang>.mo`` under resources/translations)."""
    from .. import resources

    return resources.translations() / f"messages_{lang}.mo"


def set_language(lang: str | None) -> str:
    """Use ``lang`` ("tr" or "en"; anything else is Turkish) for every later ``_()``; returns the language set.

    Turkish needs no catalogue. A missing or unreadable catalogue leaves the messages
    Turkish rather than stopping the program.
    """
    global _language
    code = (lang or "tr").lower()[:2]
    table: dict[str, str] = {}
    if code != "tr" and code in LANGUAGES:
        table = _read(catalogue_path(code))
    else:
        code = "tr"
    _catalogue.clear()
    _catalogue.update(table)
    _language = code
    return code


def source(text: str | lazy) -> str:
    """The Turkish text of a message, whatever the language: for documents (the report, the
    Excel files), which are Turkish even when the window is English."""
    return text.source if isinstance(text, lazy) else str(text)


def language() -> str:
    """The language of ``_()`` now ("tr" until ``set_language`` is called)."""
    return _language


def language_from_environment() -> str:
    """``FAALIYET_LANG`` ("en" or "tr"); Turkish when unset (the CLI's default)."""
    import os

    return (os.environ.get("FAALIYET_LANG") or "tr").lower()[:2]


def _read(path: Path) -> dict[str, str]:
    import gettext

    try:
        with path.open("rb") as fp:
            translations = gettext.GNUTranslations(fp)
    except (OSError, ValueError):
        return {}
    catalog = getattr(translations, "_catalog", {})
    # the header (msgid "") and untranslated entries are not translations
    return {k: v for k, v in catalog.items() if isinstance(k, str) and k and v}


class lazy:  # noqa: N801 - reads like the function it stands for: lazy("…")
    """A message translated when it is used, for module-level constants built at import.

    ``str(x)``, ``f"{x}"``, ``x.format(...)``, ``x + "…"``, ``in`` and the other str methods
    work on the text in the current language; equality and hashing use the Turkish source.
    Where a real ``str`` is needed (Qt, a struct field typed ``str``), write ``str(x)``.
    """

    __slots__ = ("source",)

    def __init__(self, source: str):
        self.source = source

    def __str__(self) -> str:
        return _(self.source)

    def __repr__(self) -> str:
        return f"lazy({self.source!r})"

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)

    def format(self, *args: object, **kwargs: object) -> str:
        return str(self).format(*args, **kwargs)

    def __add__(self, other: object) -> str:
        return str(self) + str(other)

    def __radd__(self, other: object) -> str:
        return str(other) + str(self)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, lazy):
            return self.source == other.source
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self.source)

    def __len__(self) -> int:
        return len(str(self))

    def __contains__(self, part: str) -> bool:
        return part in str(self)

    def __getattr__(self, name: str):
        """Any other str method (``.lower()``, ``.startswith()``…) on the translated text."""
        if name.startswith("__"):
            raise AttributeError(name)
        return getattr(str(self), name)
