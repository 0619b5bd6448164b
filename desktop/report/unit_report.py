"""A department's own report, in the order of the regulation's unit report.

I general information (the unit, its manager, whom it reports to, its I.* sections), II its
goals in the plan, III.A its budget lines (the rows of any form's tables that the definition
assigns to the unit with ``department:``) and III.B its activities and performance, its own
parts IV and V, then the numbered annexes (the spending officer's declaration). A part the
unit has nothing for prints the one line every empty regulation heading prints.
"""

from __future__ import annotations

from reportlab.platypus import Spacer

from ..core import keys, settings
from ..core.entries import ValueView
from ..core.forms import TableDef
from ..core.i18n import _
from ..store.file.fingerprint import content_hash
from . import declarations, parts, performance
from .context import Context
from .cover import cover
from .document import Heading
from .findings_annex import findings_part
from .outline import OUTLINE, Node
from .paragraph import Paragraph
from .sections import NUMERIC, section_blocks, show
from .story import Story
from .styles import TABLE_SIZE, sheet
from .tables import Col, fit_table, make_table
from .text import esc

NODES = {n.code: n for top in OUTLINE for n in top.walk()}


def _heading(ctx: Context, story: Story, code: str, level: int) -> None:
    node: Node = NODES[code]
    story.add(Heading(esc(node.heading), level, ctx.key(f"u-{code}"), style="h0" if level == 0 else f"h{min(level, 3)}"))


def _sections(ctx: Context, story: Story, dept: str, sections: list, level: int) -> bool:
    printed = False
    for s in sections:
        blocks = section_blocks(ctx, dept, s)
        if not blocks:
            continue
        story.add(Heading(esc(s.title), level, ctx.key(f"{dept}-{s.key}"), style=f"h{min(level, 4)}"))
        for flow, landscape in blocks:
            story.add_block(flow, landscape)
        printed = True
    return printed


def general_facts(ctx: Context, dept_key: str):
    d = ctx.definition
    dept = d.department(dept_key)
    rows = [[_("Birim"), dept.name]]
    # the manager in force: the strategy unit's entry for the year, else the definition's (as the declaration)
    manager = settings.spending_officer(d, ctx.entries.values.get, dept_key)
    if manager is not None and manager.name:
        rows.append([_("Birim yöneticisi"), f"{manager.name}{', ' + manager.title if manager.title else ''}"])
    above = d.department(dept.reports_to) if dept.reports_to else None
    top = next((s for s in ctx.settings.signers if s.role == declarations.TOP), None)
    if above is not None:
        rows.append([_("Bağlı olduğu birim"), above.name])
    elif top is not None and top.title:
        rows.append([_("Bağlı olduğu makam"), top.title])
    return make_table(
        ["", ""],
        rows,
        [Col("left", True, 110, 1), Col("left", True, 150, 3)],
        ctx.portrait_width,
        TABLE_SIZE + 0.5,
        force=True,
        with_header=False,
    )


def goals_of(ctx: Context, dept_key: str) -> list:
    """The plan's goals with a target the unit has an indicator or activity in."""
    st = sheet()
    out = []
    for aim in ctx.definition.plan.aims:
        for goal in aim.goals:
            if any(x.department == dept_key for t in goal.targets for x in list(t.indicators) + list(t.activities)):
                out.append(Paragraph(f"<b>{esc(goal.code)}</b> {esc(goal.name)}", st["bullet"], bulletText="•"))
    return out


def budget_lines(ctx: Context, dept_key: str) -> list:
    """For every table with rows assigned to the unit: its title, header and those rows.

    The rows stand in another unit's table (the finance unit's): they are read from the whole
    file when it holds that unit's data (a consolidated file), and each table names the unit
    and the content hash they come from; the report's own fingerprint stays the unit's.
    """
    st = sheet()
    out: list = []
    whole = None
    for form in ctx.definition.forms_at_hand():  # a unit's own file: no other unit's table
        for section in form.sections:
            for item in section.items:
                if not isinstance(item, TableDef):
                    continue
                mine = [r for r in item.row_defs if r.department == dept_key]
                if not mine:
                    continue
                view = ctx.view
                if form.department != dept_key:
                    if form.department not in ctx.wb.departments:
                        continue  # not in this file (a unit's own file holds no finance tables)
                    if whole is None:
                        whole = ValueView(ctx.definition, ctx.wb.entries())
                    view = whole
                rows = [
                    [r.label] + [show(ctx, c, view.get(keys.join(form.department, item.key, r.key, c.key))) for c in item.columns]
                    for r in mine
                ]
                if not any(cell for row in rows for cell in row[1:]):
                    continue
                header = [item.row_header] + [c.label for c in item.columns]
                cols = [Col("left", True, 70, 3)] + [
                    Col("right" if c.type in NUMERIC else "left", c.type not in NUMERIC, 50, 2) for c in item.columns
                ]
                fitted = fit_table(header, rows, cols, ctx.portrait_width, ctx.portrait_width)
                source = ctx.definition.department(form.department)
                digest = content_hash(ctx.wb.conn, form.department)
                note = _("Kaynak: {unit} verisi (içerik özeti {digest}).").format(
                    unit=source.name if source else form.department, digest=digest[:16]
                )
                out += [Paragraph(esc(item.title), st["table_title"]), fitted.table, Paragraph(esc(note), st["note"])]
    return out


def unit_story(ctx: Context, story: Story, dept_key: str, findings, draft: bool, fp: str, source: str) -> None:
    d = ctx.definition
    dept = d.department(dept_key)
    story.add(*cover(d, title=_("Birim Faaliyet Raporu"), subtitle=dept.name, width=ctx.portrait_width))
    story.page_break("portrait")
    parts.toc(ctx, story)
    sections = [s for s in d.form(dept_key).sections if s.chapter != settings.SETTINGS_CHAPTER]

    def of(*prefixes: str) -> list:
        return [s for s in sections if s.chapter == prefixes[0] or s.chapter.startswith(tuple(p + "." for p in prefixes))]

    # I. general information
    _heading(ctx, story, "I", 0)
    story.add(general_facts(ctx, dept_key), Spacer(1, 8))
    _sections(ctx, story, dept_key, of("I"), 1)
    story.page_break("portrait")
    # II. goals
    _heading(ctx, story, "II", 0)
    goals = goals_of(ctx, dept_key)
    if goals:
        story.add(Paragraph(esc(_("Birimin performans göstergesi ya da faaliyeti bulunan stratejik hedefler:")), sheet()["body"]))
        story.add(*goals)
    printed = _sections(ctx, story, dept_key, of("II"), 1)
    if not goals and not printed:
        story.add(parts.no_information())
    story.page_break("portrait")
    # III. activities: A finance, B performance
    _heading(ctx, story, "III", 0)
    _heading(ctx, story, "III.A", 1)
    lines = budget_lines(ctx, dept_key)
    story.add(*lines)
    if not _sections(ctx, story, dept_key, of("III.A"), 2) and not lines:
        story.add(parts.no_information())
    _heading(ctx, story, "III.B", 1)
    _heading(ctx, story, "III.B.1", 2)
    known = {id(s) for s in of("I", "II", "III.A", "III.B.2", "III.B.3", "III.B.4", "IV", "V")}
    activities = [s for s in sections if id(s) not in known]  # III.B.1 and any chapter not placed above
    if not _sections(ctx, story, dept_key, activities, 3):
        story.add(parts.no_information())
    _heading(ctx, story, "III.B.2", 2)
    flows = performance.performance_flowables(ctx, 3, dept_key)
    if flows:
        story.add_landscape(*flows)
    else:  # a portrait line, not a landscape page of its own
        story.add(performance.no_targets(dept_key))
    for code in ("III.B.3", "III.B.4"):
        own = of(code)
        if own:
            _heading(ctx, story, code, 2)
            _sections(ctx, story, dept_key, own, 3)
    story.page_break("portrait")
    # IV and V: the unit's own
    for code in ("IV", "V"):
        _heading(ctx, story, code, 0)
        if not _sections(ctx, story, dept_key, of(code), 1):
            story.add(parts.no_information())
    story.page_break("portrait")

    def signer(role: str):
        # the strategy unit's entry for the department, else its own manager, else a year-level signer
        return settings.spending_officer(d, ctx.entries.values.get, dept_key)

    parts.annexes(ctx, story, [declarations.SPENDING], lambda role: f"{d.institution.name} {dept.name}", signer)
    if draft:
        findings_part(ctx, story, findings)
    parts.colophon(ctx, story, fp, source)
