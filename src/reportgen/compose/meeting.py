"""Composition for a meeting: agenda front sheets and the meeting's web page.

Reads the meeting plan only (plan.py decided what each row is and where its
papers go); page ranges come in from the pack, which knows them.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from reportgen.compose.templates import TemplateSet
from reportgen.house import House
from reportgen.plan import (
    EXEMPT,
    HEADING,
    PUBLIC,
    REPORT,
    SUPPLEMENTARY,
    ItemPlan,
    MeetingPlan,
    procedural_wording,
)
from reportgen.readers.cells import format_date, split_lines

PACK_HEADINGS = {PUBLIC: "Agenda", EXEMPT: "Agenda: exempt items",
                 SUPPLEMENTARY: "Supplementary agenda"}


@dataclass
class AgendaRow:
    """An agenda line as a front sheet or the index shows it.

    shown: "heading", "exclusion" (the resolution before Part 2), "report",
    "procedural", "exempt" (title and notice only), "to-follow" (late, in the
    supplementary pack), "late" (on the index page).
    """

    plan: ItemPlan | None
    shown: str
    pages: tuple[int, int] | None = None  # first and last page in this pack
    wording: str = ""  # standard procedural wording, rendered

    @property
    def number(self) -> str:
        return self.plan.number if self.plan else ""

    @property
    def title(self) -> str:
        return self.plan.title if self.plan else ""

    @property
    def entry(self):
        return self.plan.entry if self.plan else None

    @property
    def page_range(self) -> str:
        if not self.pages:
            return ""
        first, last = self.pages
        return f"Page {first}" if first == last else f"Pages {first} \u2013 {last}"


def agenda_rows(plan: MeetingPlan, pack: str, pages: dict[str, tuple[int, int]],
                templates: TemplateSet) -> list[AgendaRow]:
    """The agenda as one pack's front sheet shows it: every row for the public pack
    (exempt ones by title and notice only, late ones as to follow); only its own
    rows for the exempt and supplementary packs. The exclusion resolution goes
    before the first exempt row."""
    rows: list[AgendaRow] = []
    excluded = [r for r in plan.rows if r.exempt]
    for item in plan.rows:
        if item.kind == HEADING:
            if pack == PUBLIC:
                rows.append(AgendaRow(item, "heading"))
            continue
        own = item.has_papers and item.pack == pack
        if pack != PUBLIC and not own and not (pack == EXEMPT and item.exempt):
            continue
        if item.exempt and not any(r.shown == "exclusion" for r in rows):
            rows.append(AgendaRow(None, "exclusion", wording=exclusion_resolution(
                excluded, templates)))
        if item.exempt and pack == PUBLIC:
            shown = "exempt"
        elif item.late and pack == PUBLIC and item.has_papers:
            shown = "to-follow"
        else:
            shown = "report" if item.kind == REPORT else "procedural"
        rows.append(AgendaRow(item, shown, pages.get(item.stem) if own else None,
                              _wording(item, templates) if shown == "procedural" else ""))
    return rows


def exclusion_resolution(items: list[ItemPlan], templates: TemplateSet) -> Markup:
    """The s100A(4) resolution naming each exempt item's paragraph (a template a
    council may override: templates/pack/exclusion.html.j2)."""
    return Markup(templates.env.get_template("pack/exclusion.html.j2").render(
        items=items).strip())


def _wording(item: ItemPlan, templates: TemplateSet) -> Markup:
    """A procedural row's Text, or the council's standard wording when it is empty."""
    if item.entry.text:
        return Markup("")
    name = procedural_wording(item.entry.title)
    if name is None:
        return Markup("")
    return Markup(templates.env.get_template(f"procedural/{name}.html.j2").render(
        item=item).strip())


def _context(plan: MeetingPlan, house: House, templates: TemplateSet) -> dict:
    meeting = plan.meeting
    date = format_date(meeting.date) if meeting.date else meeting.field("date")
    return {
        "meeting": meeting,
        "house": house,
        "council": meeting.field("council") or house.council,
        "committee": meeting.field("committee"),
        "date": date,
        "membership": split_lines(meeting.field("membership")),
        "css": Markup(house.stylesheet(templates)),
        "logo": house.logo_uri(templates),
        "extra_fields": [f for f in meeting.fields if not f.known and f.value],
    }


def compose_front_sheet(plan: MeetingPlan, pack: str, pages: dict[str, tuple[int, int]],
                        templates: TemplateSet, house: House) -> str:
    """One pack's front sheet as an HTML document."""
    context = _context(plan, house, templates)
    heading = PACK_HEADINGS[pack]
    return templates.env.get_template("pack/front-sheet.html.j2").render(
        **context, pack=pack, heading=heading, rows=agenda_rows(plan, pack, pages, templates),
        title=f"{context['committee']}, {context['date']}: {heading}",
    )


def compose_index(plan: MeetingPlan, packs: dict[str, str], templates: TemplateSet,
                  house: House) -> str:
    """The meeting's public web page: the agenda, linking each public item's files."""
    context = _context(plan, house, templates)
    rows = agenda_rows(plan, PUBLIC, {}, templates)
    for row in rows:
        if row.shown == "to-follow":
            row.shown = "late"
    return templates.env.get_template("pack/index.html.j2").render(
        **context, rows=rows, packs=packs, title=f"{context['committee']}, {context['date']}",
    )
