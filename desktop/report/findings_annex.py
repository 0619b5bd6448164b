"""The findings annex of a draft report ("Açık Bulgular").

Each open finding under its number (the "⚠n" printed beside the figures it concerns),
named by what the reader sees: the unit, the printed labels of the place ("table /
row / column", a field's label, an indicator's code and name), the page where that
figure stands and the message, which gives the figures that disagree. No internal
key is printed. The pages come from the previous layout pass (``document.PageBook``):
the table is built when the frame lays it out, not before.
"""

from __future__ import annotations

from reportlab.platypus import Flowable

from ..core.findings import SEVERITY_LABELS, Finding
from ..core.i18n import source
from ..core.validation import label_of
from . import fonts as F
from .context import Context
from .document import Anchor, Heading
from .marks import LIST_ANCHOR, MARK, anchor_name
from .paragraph import Paragraph
from .story import Story
from .styles import sheet
from .tables import Col, LazyTable, fit_table
from .text import esc

HEADER = ["No", "Önem", "Birim", "Sayfa", "Yeri, açıklama ve tutmayan rakamlar"]
COLS = [Col("right"), Col("left"), Col("left", True, 60, 1), Col("right"), Col("left", True, 200, 6)]
PAGE = HEADER.index("Sayfa")
NO_PAGE = "—"  # a finding about something the report does not print (an empty required field)


class FindingsTable(Flowable):
    """The annex table, laid out once; its "Sayfa" column is filled with the pages the previous pass
    found each time it is laid out (a page number is never wider than the column's header)."""

    def __init__(self, ctx: Context):
        super().__init__()
        self.ctx = ctx
        self._lazy: LazyTable | None = None
        self._pages: dict | None = None

    def _table(self) -> LazyTable:
        if self._lazy is None:
            self._lazy = make_table(self.ctx)
        known = dict(self.ctx.pages.known)
        if known != self._pages:
            self._pages = known
            header = self._lazy.repeat_rows
            for i, (n, _f, _keys) in enumerate(self.ctx.marks.numbered):
                self._lazy.body[header + i][PAGE] = page_of(self.ctx, n)
            self._lazy.release()
        return self._lazy

    def wrap(self, aw, ah):
        t = self._table()
        t.canv = getattr(self, "canv", None)
        self.width, self.height = t.wrap(aw, ah)
        return self.width, self.height

    def split(self, aw, ah):
        t = self._table()
        t.canv = getattr(self, "canv", None)
        return t.split(aw, ah)

    def drawOn(self, canvas, x, y, _sW=0):
        self._table().drawOn(canvas, x, y, _sW)


def page_of(ctx: Context, n: int) -> str:
    page = ctx.pages.page(anchor_name(n))
    return str(page) if page else NO_PAGE


def described(ctx: Context, f: Finding) -> str:
    """The finding's message, naming its place by its printed labels ("table / row / column", a field's
    label, an indicator's code and name): a rule's message names every figure it compares with its
    label and value; any other is prefixed with the label of its place."""
    label = label_of(ctx.definition, f.place)
    # the name the message may already use: the label, a target's name, an indicator's code and name
    names = {label, label.split(": ", 1)[-1], label.split(" – ", 1)[0]}
    return f.message if any(n in f.message for n in names) else f"{label}: {f.message}"


def rows(ctx: Context) -> list[list[str]]:
    names = {d.key: d.name for d in ctx.definition.departments}
    severity = {k: source(v) for k, v in SEVERITY_LABELS.items()}  # Turkish whatever the window's language
    out = []
    for n, f, _keys in ctx.marks.numbered:
        out.append(
            [
                str(n),
                severity.get(f.severity, f.severity).capitalize(),
                names.get(f.department, f.department) or "Plan",
                page_of(ctx, n),
                described(ctx, f),
            ]
        )
    return out


def make_table(ctx: Context) -> LazyTable:
    return fit_table(HEADER, rows(ctx), COLS, ctx.portrait_width, ctx.landscape_width).table


def findings_part(ctx: Context, story: Story, findings: list[Finding]) -> None:
    st = sheet()
    errors = sum(1 for f in findings if f.is_error)
    story.page_break("portrait")
    story.add(Heading("AÇIK BULGULAR", 0, ctx.key("bulgular"), style="h0"), Anchor(LIST_ANCHOR))
    text = esc(
        f"Bu rapor TASLAKTIR: denetimde {errors} hata ve {len(findings) - errors} uyarı açık kalmıştır. "
        "Hatalar giderilmeden rapor Meclise sunulmamalıdır. Her bulgunun numarası, ilgili rakamın yanında "
        f"“{MARK}n” işaretiyle ve renkli hücreyle basılmıştır; “Sayfa” o rakamın bulunduğu sayfadır."
    )
    story.add(
        Paragraph(text.replace(MARK, f'<font name="{F.SANS}">{MARK}</font>'), st["body"]),
        FindingsTable(ctx),
    )
