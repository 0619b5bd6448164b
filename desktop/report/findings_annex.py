"""The findings annex of a draft report ("Açık Bulgular").

Each open finding under its number (the "⚠n" printed beside the figures it concerns),
named by what the reader sees: the unit, the printed labels of the place ("table /
row / column", a field's label, an indicator's code and name), the page where that
figure stands and the message, which gives the figures that disagree. No internal
key is printed. The pages come from the previous layout pass (``document.PageBook``):
the table is built when the frame lays it out, not before.
"""

from __future__ import annotations

from reportlab.platypus import Flowable, Paragraph

from ..core.findings import Finding
from ..core.validation import label_of
from . import fonts as F
from .context import Context
from .document import Anchor, Heading
from .marks import LIST_ANCHOR, MARK, anchor_name
from .story import Story
from .styles import sheet
from .tables import Col, fit_table
from .text import esc

HEADER = ["No", "Önem", "Birim", "Yeri (tablo / satır / sütun)", "Sayfa", "Açıklama ve tutmayan rakamlar"]
COLS = [Col("right"), Col("left"), Col("left", True, 60, 1), Col("left", True, 90, 2), Col("right"), Col("left", True, 160, 5)]
NO_PAGE = "—"  # a finding about something the report does not print (an empty required field)


class FindingsTable(Flowable):
    """The annex table, made when it is laid out, with the pages the previous pass found."""

    def __init__(self, ctx: Context):
        super().__init__()
        self.ctx = ctx
        self._made: tuple[dict, Flowable] | None = None

    def _table(self) -> Flowable:
        known = dict(self.ctx.pages.known)
        if self._made is None or self._made[0] != known:
            self._made = (known, make_table(self.ctx))
        return self._made[1]

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


def where(ctx: Context, f: Finding) -> str:
    """The finding's place in printed labels (the other figures it names are in its message)."""
    return label_of(ctx.definition, f.place)


def rows(ctx: Context) -> list[list[str]]:
    names = {d.key: d.name for d in ctx.definition.departments}
    out = []
    for n, f, _keys in ctx.marks.numbered:
        out.append(
            [
                str(n),
                f.severity_label.capitalize(),
                names.get(f.department, f.department) or "Plan",
                where(ctx, f),
                page_of(ctx, n),
                f.message,
            ]
        )
    return out


def make_table(ctx: Context) -> Flowable:
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
