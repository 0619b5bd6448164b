"""A form section to flowables: texts, facts, tables (with charts) and photos."""

from __future__ import annotations

import io
import re

from reportlab.platypus import Image, Spacer, Table, TableStyle

from ..core import keys, organisation, references
from ..core.forms import ColumnDef, FieldDef, PhotoListDef, SectionDef, TableDef
from ..core.i18n import _
from ..core.numbers import NBSP
from ..core.tables import grand_total
from ..core.values import display
from ..store.file.photos import list_photos, photo_data, photo_problem
from . import charts, declarations, table_dress
from .context import Context
from .document import Anchor
from .makeup import Together
from .marks import anchor_name, mark_text, shade
from .org_chart import org_chart
from .paragraph import Paragraph
from .styles import RULE, TABLE_SIZE, sheet
from .tables import Col, RowTooTall, fit_table, make_table
from .text import checked, esc, flat, paragraphs, unfit

Block = tuple[list, bool]  # flowables, landscape


def show(ctx: Context, item: FieldDef | ColumnDef, value) -> str:
    """A field's or column's value as printed: its declared places, the year's percent style."""
    if value is None:
        return ""
    return display(item.type, value, ctx.percent_style, for_print=True, decimals=item.places)


def field_value(ctx: Context, dept: str, f: FieldDef):
    value = ctx.value(keys.join(dept, f.key), f.default)
    if f.type in ("text", "longtext"):
        checked(value, f.type, field_place(ctx, dept, f))
    return value


def narrative(ctx: Context, text):
    """A long text with its references (``{{key}}``, core.references) replaced by the figures."""
    if not isinstance(text, str):
        return text
    return references.expand(text, lambda key: references.value_text(ctx.definition, ctx.view.get, key, ctx.percent_style))


def department_name(ctx: Context, dept: str) -> str:
    found = ctx.definition.department(dept)
    return found.name if found else dept


def field_place(ctx: Context, dept: str, f: FieldDef) -> str:
    return _("{department_name}, '{label}' alanı").format(department_name=department_name(ctx, dept), label=f.label)


def cell_place(ctx: Context, dept: str, table: TableDef, row: int, column: int) -> str:
    """A body cell of a printed table in words (``row`` may be the total row, ``column`` 0 the row labels)."""
    labels = [r.label for r in table.row_defs] + ([table.total_label] if table.total_label else [])
    where = _("{department_name}, '{title}' tablosu, '{labels}' satırı").format(
        department_name=department_name(ctx, dept), title=table.title, labels=labels[row]
    )
    return where if column == 0 else _("{where}, '{label}' sütunu").format(where=where, label=table.columns[column - 1].label)


def section_blocks(ctx: Context, dept: str, section: SectionDef, *, single_text_label: bool = False) -> list[Block]:
    """Blocks of one section (without the section heading)."""
    story = _Story(ctx, dept, many=len(section.items) > 1, single_text_label=single_text_label)
    if section.intro:
        story.out.append((paragraphs(section.intro), False))
    for item in section.items:
        BLOCKS[item.kind](story, item)
    story.flush_facts()
    return story.out


class _Story:
    """The blocks of one section being built; neighbouring short fields gather into one fact table."""

    def __init__(self, ctx: Context, dept: str, *, many: bool, single_text_label: bool):
        self.ctx, self.dept, self.many, self.single_text_label = ctx, dept, many, single_text_label
        self.out: list[Block] = []
        self.facts: list[FieldDef] = []

    def flush_facts(self) -> None:
        if self.facts:
            block = fact_table(self.ctx, self.dept, self.facts)
            if block is not None:
                self.out.append(([block, Spacer(1, 6)], False))
            self.facts.clear()


def _field_story(story: _Story, item: FieldDef) -> None:
    if not item.print:
        return  # a check-only field: validated, not printed
    if item.type != "longtext":
        story.facts.append(item)
        return
    story.flush_facts()
    flow = paragraphs(narrative(story.ctx, field_value(story.ctx, story.dept, item)))
    if flow:
        as_heading = item.heading if item.heading is not None else story.many or story.single_text_label
        if as_heading:
            flow.insert(0, Paragraph(esc(item.label), sheet()["label"]))
        numbers = story.ctx.marks.numbers(keys.join(story.dept, item.key))
        if numbers:  # a finding about the text itself (encoding, debris, an amount no table holds)
            flow.append(Anchor(*(anchor_name(n) for n in numbers)))  # on the page of the mark below
            flow.append(
                Paragraph(
                    esc(f"{mark_text(numbers).strip()}: bu metinle ilgili açık bulgu; bkz. Açık Bulgular."), sheet()["note"]
                )
            )
        story.out.append((flow, False))


def _table_story(story: _Story, item: TableDef) -> None:
    story.flush_facts()
    block = table_block(story.ctx, story.dept, item)
    if block[0]:
        story.out.append(block)


def _photos_story(story: _Story, item: PhotoListDef) -> None:
    story.flush_facts()
    if item.org_chart:
        story.out.append((organisation_block(story.ctx, item), False))
    block = (portrait_block if item.portrait else photo_block)(story.ctx, story.dept, item)
    if block:
        story.out.append((block, False))


# the story builder of each kind of form item (forms.ITEM_KINDS)
BLOCKS = {"field": _field_story, "table": _table_story, "photos": _photos_story}


def fact_table(ctx: Context, dept: str, fields: list[FieldDef]):
    """Short fields (counts, dates, amounts) as a two-column list without a header."""
    rows, shown = [], []
    anchors: dict[int, tuple[str, ...]] = {}
    shading: list = []
    for f in fields:
        v = field_value(ctx, dept, f)
        if v is None or v == "":
            continue
        shown.append(f)
        text = show(ctx, f, v)
        if f.unit and f.type in ("count", "decimal"):
            text = f"{text}{NBSP}{f.unit}"
        if f.type == "money":
            text = f"{text}{NBSP}TL"
        numbers = ctx.marks.numbers(keys.join(dept, f.key))
        if numbers:
            shading.append(shade(1, len(rows), header=False))
            anchors[len(rows)] = tuple(anchor_name(n) for n in numbers)
        rows.append([f.label, text + mark_text(numbers)])
    if not rows:
        return None
    try:
        table = make_table(
            ["", ""],
            rows,
            [Col("left", True, 120, 3), Col("right", True, 60, 1)],
            ctx.portrait_width,
            TABLE_SIZE + 0.5,
            force=True,
            with_header=False,
            extra_style=shading,
            row_anchors=anchors,
        )
    except RowTooTall as exc:
        raise unfit(field_place(ctx, dept, shown[exc.row]), _("bir sayfaya sığmıyor")) from None
    return table


def table_rows(ctx: Context, dept: str, table: TableDef) -> tuple[list[list[str]], int | None, bool]:
    rows = []
    any_value = False
    for i, r in enumerate(table.row_defs):
        row = [r.label]
        for j, c in enumerate(table.columns, start=1):
            v = ctx.view.get(keys.join(dept, table.key, r.key, c.key))
            if c.type in ("text", "longtext") and v is not None:  # a cell's row cannot continue on the next page
                v = flat(checked(v, "text", cell_place(ctx, dept, table, i, j)))
            any_value = any_value or v is not None
            row.append(show(ctx, c, v))
        rows.append(row)
    total_index = None
    if table.total_label:
        row = [table.total_label]
        for c in table.columns:
            v = ctx.view.get(keys.join(dept, table.key, keys.TOTAL_ROW, c.key)) if c.total_mode != "none" else None
            row.append(show(ctx, c, v))
        total_index = len(rows)
        rows.append(row)
        if table.grand_total is not None:
            grand = grand_total(dept, table, ctx.view.get)
            rows.append([table.grand_total.label] + [show(ctx, c, grand.get(c.key)) for c in table.columns])
    return rows, total_index, any_value


NUMERIC = ("count", "decimal", "money", "percent")
_PERCENT_IN_LABEL = re.compile(r"\s*\(\s*%\s*\)|\s*%\s*$|^\s*%\s*")


def column_header(c: ColumnDef) -> str:
    """A column's printed header: "%" once per column, so a percent column, whose cells carry the sign
    in the year's style, loses a "(%)" its label may have ("Gerçekleşme Oranı (%)")."""
    if c.type != "percent":
        return c.label
    return _PERCENT_IN_LABEL.sub("", c.label).strip() or c.label


SHORT_TABLE = 16  # rows


def table_block(ctx: Context, dept: str, table: TableDef) -> Block:
    st = sheet()
    title = Paragraph(esc(table.title), st["table_title"])
    rows, total_index, any_value = table_rows(ctx, dept, table)
    if not any_value:
        return [], False  # an optional item left empty is not printed (parts.no_information: the one rule)
    header = [table.row_header] + [column_header(c) for c in table.columns]
    cols = [Col("left", True, 70, 3)] + [
        Col("right" if c.type in NUMERIC else "left", c.type not in NUMERIC, 50, 2) for c in table.columns
    ]
    bold = set(range(total_index, len(rows))) if total_index is not None else set()  # the total and a grand total
    anchors, shading = mark_table(ctx, dept, table, rows)
    try:
        fitted = fit_table(
            header, rows, cols, ctx.portrait_width, ctx.landscape_width, bold_rows=bold, extra_style=shading, row_anchors=anchors
        )
    except RowTooTall as exc:
        raise unfit(cell_place(ctx, dept, table, exc.row, exc.column), _("bir sayfaya sığmıyor")) from None
    table_dress.add_group_row(fitted.table, [c.group for c in table.columns], fitted.size)
    levels = [r.level for r in table.row_defs] + [0] * (len(rows) - len(table.row_defs))
    table_dress.indent_levels(fitted.table, levels, fitted.size)
    flow = [title, fitted.table]
    if table.note:
        flow.append(Paragraph(esc(table.note), st["note"]))
    else:
        flow.append(Spacer(1, 8))
    if table.chart:
        drawing = chart_of(ctx, dept, table, ctx.landscape_width if fitted.landscape else ctx.portrait_width)
        if drawing is not None:
            chart = [drawing, Paragraph(esc(f"Grafik: {table.title}"), st["caption"])]
            if len(rows) <= SHORT_TABLE:
                flow = [Together(flow + chart)]  # a short table and its chart share a page
            else:
                flow.append(Together(chart))  # (never nest them: a nested one forces a page break)
    return flow, fitted.landscape


def mark_table(ctx: Context, dept: str, table: TableDef, rows: list[list[str]]) -> tuple[dict, list]:
    """Mark, in ``rows`` (body rows, then the total row), every cell a finding concerns: "⚠n" after the
    figure and a shaded cell. Returns the anchors of each marked row (its page is recorded where the
    row is drawn) and the shading."""
    anchors: dict[int, tuple[str, ...]] = {}
    shading: list = []
    if not ctx.marks:
        return anchors, shading
    row_keys = [r.key for r in table.row_defs] + ([keys.TOTAL_ROW] if table.total_label else [])
    for i, rkey in enumerate(row_keys):
        found: set[int] = set()
        for j, c in enumerate(table.columns, start=1):
            numbers = ctx.marks.numbers(keys.join(dept, table.key, rkey, c.key))
            if numbers:
                rows[i][j] = f"{rows[i][j]}{mark_text(numbers)}"
                shading.append(shade(j, i))
                found.update(numbers)
        if found:
            anchors[i] = tuple(anchor_name(n) for n in sorted(found))
    return anchors, shading


def chart_of(ctx: Context, dept: str, table: TableDef, width: float):
    rows = table.row_defs
    cols = [c for c in table.columns if c.type in ("count", "decimal", "money")]
    plain = [c for c in cols if not c.computed]
    cols = plain or cols
    # one scale per chart: the columns of the most common type (money wins a tie)
    kinds = [c.type for c in cols]
    if kinds:
        kind = max(dict.fromkeys(kinds), key=lambda k: (kinds.count(k), k == "money"))
        cols = [c for c in cols if c.type == kind]
    series = [(c.label, [ctx.view.get(keys.join(dept, table.key, r.key, c.key)) for r in rows]) for c in cols]
    return charts.chart_for_table(table.chart, [r.label for r in rows], series, width, ctx.percent_style)


def organisation_block(ctx: Context, item: PhotoListDef) -> list:
    """The organisation chart drawn from the departments, under the head's title (the top signer's)."""
    top = next((s for s in ctx.settings.signers if s.role == declarations.TOP), None)
    head = top.title if top and top.title else ctx.definition.institution.name
    drawing = org_chart(organisation.chart(ctx.definition.departments, head), ctx.portrait_width)
    st = sheet()
    return [
        Paragraph(esc(item.title), st["table_title"]),
        drawing,
        Paragraph(esc(_("Şekil: {title}").format(title=item.title)), st["caption"]),
    ]


PHOTO_MAX_H = 200.0
PORTRAIT_H = 130.0


def portrait_block(ctx: Context, dept: str, item: PhotoListDef) -> list:
    """The list's first photo as a portrait: at the right, framed, its caption (a name) under it."""
    photos = list_photos(ctx.wb, keys.join(dept, item.key))
    if not photos:
        return []
    p = photos[0]
    checked(
        p.caption,
        "caption",
        _("{department_name}, '{title}' fotoğrafının açıklaması").format(
            department_name=department_name(ctx, dept), title=item.title
        ),
    )
    data = photo_data(ctx.wb, p.id)
    if photo_problem(data, p.mime, p.width, p.height):
        return []  # an unreadable portrait is left out (the photo list's own check names it)
    scale = min(PORTRAIT_H / p.height, (ctx.portrait_width / 3) / p.width)
    w, h = p.width * scale, p.height * scale
    cells = [[Image(io.BytesIO(data), width=w, height=h)]]
    if p.caption:
        cells.append([Paragraph(esc(p.caption), sheet()["caption"])])
    frame = Table(cells, colWidths=[w + 6], hAlign="RIGHT")
    frame.setStyle(TableStyle([("BOX", (0, 0), (0, 0), 0.6, RULE), ("ALIGN", (0, 0), (-1, -1), "CENTER")]))
    return [frame, Spacer(1, 6)]


def photo_block(ctx: Context, dept: str, item: PhotoListDef) -> list:
    """The photos in an aligned two-column grid: a row's pictures centred in boxes of one height,
    their captions on one line below, numbered through the report ("Fotoğraf 3: …")."""
    photos = list_photos(ctx.wb, keys.join(dept, item.key))
    if not photos:
        return []
    st = sheet()
    gap = 12
    cell_w = (ctx.portrait_width - gap) / 2
    cells = []
    for n, p in enumerate(photos, start=1):
        checked(
            p.caption,
            "caption",
            _("{department_name}, '{title}' listesindeki {n}. fotoğrafın açıklaması").format(
                department_name=department_name(ctx, dept), title=item.title, n=n
            ),
        )
        data = photo_data(ctx.wb, p.id)
        # decoded (JPEG or PNG only) before ReportLab hands it to Pillow, which would open any format
        problem = photo_problem(data, p.mime, p.width, p.height)
        if problem:
            img, h = Paragraph(esc(f"[{problem}]"), st["caption"]), 30.0
        else:
            scale = min((cell_w - 6) / p.width, PHOTO_MAX_H / p.height)
            img, h = Image(io.BytesIO(data), width=p.width * scale, height=p.height * scale), p.height * scale
        ctx.photos_shown += 1
        number = _("Fotoğraf {n}").format(n=ctx.photos_shown)
        cap = Paragraph(esc(f"{number}: {p.caption}" if p.caption else number), st["caption"])
        cells.append((img, h, cap))
    rows: list[list] = []
    heights: list[float | None] = []
    style = [
        ("ALIGN", (0, 0), (-1, -1), "CENTER"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]
    for i in range(0, len(cells), 2):
        pair = cells[i : i + 2]
        r = len(rows)
        rows.append([c[0] for c in pair] + [""] * (2 - len(pair)))
        rows.append([c[2] for c in pair] + [""] * (2 - len(pair)))
        heights += [max(c[1] for c in pair) + 6, None]
        style += [
            ("VALIGN", (0, r), (-1, r), "MIDDLE"),
            ("VALIGN", (0, r + 1), (-1, r + 1), "TOP"),
            ("BOTTOMPADDING", (0, r + 1), (-1, r + 1), 8),
            ("NOSPLIT", (0, r), (-1, r + 1)),  # a picture never leaves its caption
        ]
    grid = Table(rows, colWidths=[cell_w + gap / 2] * 2, rowHeights=heights, hAlign="CENTER")
    grid.setStyle(TableStyle(style))
    return [Paragraph(esc(item.title), st["table_title"]), grid]
