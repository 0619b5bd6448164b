"""The report's parts in the regulation's order: chapters I–V, annexes, findings."""

from __future__ import annotations

from reportlab.lib.units import cm
from reportlab.platypus import CondPageBreak, KeepTogether, Spacer

from ..core import turkish
from ..core.forms import SectionDef
from ..core.i18n import _
from . import declarations, performance
from .contents import Contents
from .context import Context
from .document import Heading
from .outline import GENERATED, OUTLINE, Node
from .paragraph import Paragraph
from .sections import section_blocks
from .story import Story
from .styles import sheet
from .text import esc


# one rule for an empty part: a heading the regulation requires (the outline's, a department's
# part of III.B.1) prints with this line; an optional one (a form's section, item) is left out
def no_information() -> Paragraph:
    return Paragraph(esc(_("Bu başlık altında bildirilecek bilgi yoktur.")), sheet()["empty"])


def chapter_sections(ctx: Context) -> dict[str, list[tuple[str, SectionDef]]]:
    """chapter code → (department, section) in the definition's department order."""
    out: dict[str, list] = {}
    foreword = ctx.definition.foreword_section
    for dept in ctx.definition.departments:
        for s in ctx.definition.form(dept.key).sections:
            if s is foreword:
                continue  # printed before the table of contents (foreword)
            if s.chapter == "III.B.1" and dept.role == "department":
                continue  # printed per department by departments_part
            out.setdefault(s.chapter, []).append((dept.key, s))
    return out


def foreword(ctx: Context, story: Story) -> None:
    """The section declared ``foreword: true`` (roles.py), under its own title, signed by the top executive."""
    inst, section = ctx.definition.institution_department, ctx.definition.foreword_section
    if inst is None or section is None:
        return
    story.add(Heading(esc(section.title), 0, ctx.key("foreword"), style="h0"))
    blocks = section_blocks(ctx, inst.key, section)
    for flow, _landscape in blocks:
        story.add(*flow)
    if not blocks:
        story.add(no_information())
    signer = signer_of(ctx, declarations.TOP)
    if signer:
        st = sheet()
        story.add(
            Spacer(1, 16), KeepTogether([Paragraph(esc(signer.name), st["sign_bold"]), Paragraph(esc(signer.title), st["sign"])])
        )
    story.page_break("portrait")


def toc(ctx: Context, story: Story) -> None:
    st = sheet()
    t = Contents(dotsMinLevel=0)
    t.levelStyles = [st["toc0"], st["toc1"], st["toc2"], st["toc3"]]
    story.add(Heading("İçindekiler", 0, ctx.key("icindekiler"), style="h0", toc=False), t)
    story.page_break("portrait")


def _section_heading_needed(node: Node, sections: list) -> bool:
    return not (len(sections) == 1 and turkish.casefold(sections[0][1].title) == turkish.casefold(node.title))


def _sections(ctx: Context, story: Story, node: Node, sections: list, level: int) -> bool:
    printed = False
    show_titles = _section_heading_needed(node, sections)
    for dept, section in sections:
        blocks = section_blocks(ctx, dept, section)
        if not blocks:
            continue
        if show_titles:
            story.add(
                Heading(esc(section.title), level, ctx.key(f"{dept}-{section.key}"), style=f"h{min(level, 4)}", toc=level <= 3)
            )
        for flow, landscape in blocks:
            story.add_block(flow, landscape)
        printed = True
    return printed


def departments_part(ctx: Context, story: Story, level: int) -> bool:
    """III-B-1: one part per department, in the definition's order."""
    printed = False
    for dept in ctx.definition.departments:
        if dept.role != "department":
            continue
        sections = [s for s in ctx.definition.form(dept.key).sections if s.chapter == "III.B.1"]
        if not sections:
            continue
        story.add(CondPageBreak(7 * cm))  # a department starts high on a page
        story.add(Heading(esc(dept.name), level, ctx.key(f"birim-{dept.key}"), style="dept"))
        any_content = False
        for s in sections:
            blocks = section_blocks(ctx, dept.key, s)
            if not blocks:
                continue
            if len(sections) > 1 or turkish.casefold(s.title) != turkish.casefold(dept.name):
                story.add(Heading(esc(s.title), level + 1, ctx.key(f"{dept.key}-{s.key}"), style="h4", toc=False))
            for flow, landscape in blocks:
                story.add_block(flow, landscape)
            any_content = True
        if not any_content:
            story.add(no_information())
        printed = True
    return printed


def aims_part(ctx: Context, story: Story) -> bool:
    st = sheet()
    plan = ctx.definition.plan
    if not plan.aims:
        return False
    if plan.name:
        story.add(
            Paragraph(
                esc(
                    f"{plan.name}{' (' + plan.period + ')' if plan.period and plan.period not in plan.name else ''} "
                    "stratejik amaç ve hedefleri:"
                ),
                st["body"],
            )
        )
    for aim in plan.aims:
        story.add(Paragraph(esc(f"Stratejik Amaç {aim.code}: {aim.name}"), st["label"]))
        for goal in aim.goals:
            story.add(Paragraph(f"<b>{esc(goal.code)}</b> {esc(goal.name)}", st["bullet"], bulletText="•"))
        story.add(Spacer(1, 6))
    return True


def generated(ctx: Context, story: Story, node: Node, level: int) -> bool:
    if node.code == "II.A":
        return aims_part(ctx, story)
    if node.code == "III.B.1":
        return departments_part(ctx, story, level)
    if node.code == "III.B.2":
        flows = performance.performance_flowables(ctx, level)
        if not flows:  # a portrait line, not a landscape page of its own
            story.add(performance.no_targets(None))
            return True
        story.add(
            Paragraph(
                esc(
                    "Göstergelerin başlangıç (A), hedef (B) ve gerçekleşme (C) değerleri ile gerçekleşme oranları "
                    "aşağıdaki tablolardadır. Oranlar ve performans hedeflerinin ağırlıklı gerçekleşme oranları "
                    "girilen değerlerden hesaplanmıştır."
                ),
                sheet()["body"],
            )
        )
        story.add_landscape(*flows)
        return True
    if node.code == "III.B.3":
        table = performance.summary_table(ctx)
        if table is None:
            return False
        story.add(Paragraph("Performans hedeflerinin ağırlıklı gerçekleşme oranları:", sheet()["body"]), table, Spacer(1, 8))
        return True
    return False


def chapters(ctx: Context, story: Story) -> None:
    by_chapter = chapter_sections(ctx)

    def node_out(node: Node, level: int):
        story.add(Heading(esc(node.heading), level, ctx.key(f"b-{node.code}"), style="h0" if level == 0 else f"h{min(level, 3)}"))
        printed = False
        if node.code in GENERATED:
            printed = generated(ctx, story, node, level + 1)
        printed = _sections(ctx, story, node, by_chapter.get(node.code, []), level + 1) or printed
        for child in node.children:
            node_out(child, level + 1)
            printed = True
        if not printed:
            story.add(no_information())

    for top in OUTLINE:
        node_out(top, 0)
        story.page_break("portrait")


def signer_of(ctx: Context, role: str):
    return next((s for s in ctx.settings.signers if s.role == role), None)


def annexes(ctx: Context, story: Story, roles: list[str], unit_for, signer_for=None) -> None:
    story.add(Heading("EKLER", 0, ctx.key("ekler"), style="h0"))
    for n, role in enumerate(roles, start=1):
        signer = (signer_for or (lambda r: signer_of(ctx, r)))(role)
        if n > 1:
            story.page_break("portrait")
        # numbered: "Ek 1" over the declaration's own title, and in the contents and bookmarks
        number = _("Ek {n}").format(n=n)
        title = declarations.title_of(role)
        story.add(Paragraph(esc(number), sheet()["annex_number"]))
        heading = Heading(esc(title), 1, ctx.key(f"beyan-{role}"), style="decl_title", outline=f"{number}: {title}")
        story.add(*declarations.declaration(role, signer, year=ctx.year, unit=unit_for(role), heading=heading))


def colophon(ctx: Context, story: Story, fingerprint: str, source: str) -> None:
    st = sheet()
    groups = " ".join(fingerprint[i : i + 8] for i in range(0, len(fingerprint), 8))
    story.add(
        Spacer(1, 24),
        KeepTogether(
            [
                Paragraph("Rapor künyesi", st["label"]),
                Paragraph(
                    esc(f"Kaynak dosya: {source}. Form tanımı: {ctx.definition.id} sürüm {ctx.definition.version}."), st["note"]
                ),
                Paragraph(esc(f"Veri parmak izi (SHA-256): {groups}"), st["note"]),
                Paragraph(
                    "Basılı bir kopyanın hangi dosyadan üretildiği bu parmak iziyle doğrulanabilir: aynı veriler "
                    "her zaman aynı parmak izini ve aynı PDF dosyasını verir.",
                    st["note"],
                ),
            ]
        ),
    )
