"""Composition: an Item and the templates -> one semantic HTML document.

This is the only place that numbers things: sections (1, 2 …) and their
paragraphs (1.1, 1.2 …) are assigned here once, written into the HTML, and
every writer reads them from there.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

from jinja2 import TemplateError
from markupsafe import Markup

from reportgen import contract
from reportgen.compose.markup import Block, parse_blocks
from reportgen.compose.templates import KindDef, SectionDef, TemplateSet
from reportgen.errors import InputError, Problem, did_you_mean
from reportgen.house import House
from reportgen.model import Item
from reportgen.readers.cells import format_date, normalise, split_lines
from reportgen.tracker import mark_overdue, summarise

APPENDICES_KEY = "appendices"  # the section listing a report's appendices


def _list_appendices(typed: list[Block], appendices) -> list[Block]:
    """The officer's own words, then the appendices the meeting attaches, so the
    report and the pack never disagree on what is attached."""
    from markupsafe import escape

    items = [Markup("Appendix {} \u2013 {}").format(letter, escape(title))
             for letter, title in appendices]
    return typed + [Block("bullets", items=items)]




@dataclass
class Section:
    """A section as the template shows it; number is "" when unnumbered."""

    heading: str
    number: str = ""
    blocks: list[Block] = field(default_factory=list)
    table: str = ""
    key: str = ""
    typed: bool = False  # the officer wrote it (not the standard wording)


def prepare_problems(item: Item, templates: TemplateSet) -> list[Problem]:
    """What prepare() finds wrong with the item, as a list: [] when it fits its kind."""
    try:
        prepare(item, templates)
    except InputError as exc:
        return exc.problems
    return []


def prepare(item: Item, templates: TemplateSet,
            appendices: tuple[tuple[str, str], ...] = ()) -> tuple[KindDef, list[Section]]:
    """Check the item against its report kind and number its sections; raise
    InputError naming the cells at fault. check runs this without rendering."""
    kind = templates.kind(item.report_type)
    if kind is None:
        where = next((f.cell for f in item.fields if f.key == "report_type"), "Report")
        kinds = templates.kinds()
        raise InputError(Problem.at(
            item.source, f"unknown Report type {item.report_type!r}"
            f"{did_you_mean(item.report_type, kinds)}: expected one of {', '.join(kinds)}",
            where))
    missing = [name for name in kind.settings.get("required_sheets", ())
               if normalise(name) not in item.sheets]
    if missing:
        raise InputError([Problem(item.source, f"no {name} sheet: expected a sheet named "
                                  f"{name} with a {name.rstrip('s')} column")
                          for name in missing])
    return kind, build_sections(item, kind, appendices)


def compose(item: Item, templates: TemplateSet, house: House | None = None,
            agenda_item: str = "", today: date | None = None, page_numbers: bool = True,
            exempt_paragraph: int | None = None,
            appendices: tuple[tuple[str, str], ...] = ()) -> str:
    """Render the item as a standalone HTML document (CSS and images inline).

    page_numbers=False leaves the page numbers out of the PDF layout: a pack
    stamps its own on (see pack/build.py). A meeting plan passes what it decided:
    the exempt paragraph (from the Agenda or the report) and the appendices the
    meeting attaches, as (letter, title), which the Appendices section lists."""
    house = house or House()
    if exempt_paragraph is not None:
        item = replace(item, exempt_paragraph=exempt_paragraph)
    kind, sections = prepare(item, templates, appendices)
    on = item.meeting_date or today or date.today()
    mark_overdue(item.recommendations, on)
    try:
        template = templates.env.get_template(kind.template)
        return template.render(
            item=item,
            kind=kind,
            house=house,
            logo=house.logo_uri(templates),
            css=Markup(house.stylesheet(templates)),
            summary=summarise(item.recommendations),
            scope_rows=scope_rows(item, kind),
            optional_columns=optional_columns(item),
            overdue_on=format_date(on),
            title=item.title or "Untitled report",
            agenda_item=agenda_item or item.field("agenda_item"),
            meeting_date=format_date(item.meeting_date) if item.meeting_date
            else item.field("meeting_date"),
            front_matter=front_matter(item, kind.settings.get("placed_fields", ())),
            committee_recommendations=split_lines(item.field("recommendations")),
            sections=sections,
            page_numbers=page_numbers,
        )
    except TemplateError as exc:
        where = _template_name(exc, kind, templates)
        raise InputError(Problem(where, f"template error: {exc}")) from None


def _template_name(exc: TemplateError, kind: KindDef, templates: TemplateSet) -> str:
    """The template file at fault, for the message (a council's own, usually)."""
    name = getattr(exc, "filename", None) or getattr(exc, "name", None)
    if name:
        return name
    found = templates.find(kind.template)
    return str(found) if found else kind.template


def front_matter(item: Item, placed=()) -> list[tuple[str, str, str]]:
    """(key, label, value) rows of the fields with a value: the contract's Report
    fields in its order, then the officer's own fields as typed; not those the
    template places itself (the title is the heading, shown once)."""
    skip = set(contract.PLACED_ELSEWHERE) | set(placed)
    order = {key: n for n, key in enumerate(contract.REPORT.keys())}
    known = sorted((f for f in item.fields if f.known and f.value and f.key not in skip),
                   key=lambda f: order[f.key])
    extra = [f for f in item.fields if not f.known and f.value]
    return [(f.key, f.label, f.value) for f in known + extra]


def optional_columns(item: Item) -> dict[str, list]:
    """The recommendations' columns that have a value in some row, in the contract's
    order, as (key, label): nothing typed in a tracker is dropped, and no column is
    empty. The officer's extra columns follow, as typed."""
    recs = item.recommendations
    responses = [r for rec in recs for r in rec.responses]
    label = {e.key: e.label for e in contract.RECOMMENDATIONS.entries}
    action_extras = list(dict.fromkeys(name for r in responses for name, value
                                       in r.extra.items() if value))
    return {
        "recommendation": [(k, label[k]) for k in contract.PER_RECOMMENDATION_COLUMNS
                           if any(getattr(r, k) for r in recs)],
        "response": [(k, label[k]) for k in contract.PER_RESPONSE_COLUMNS
                     if any(getattr(r, k) for r in responses)],
        "response_extra": action_extras,  # extra Actions columns, as typed
        "tracker": [(k, label[k]) for k in contract.TRACKER_COLUMNS
                    if k in ("ref", "recommendation") or any(getattr(r, k) for r in recs)
                    or k == "status" and any(r.overdue for r in recs)],
    }


def scope_rows(item: Item, kind: KindDef) -> list[tuple[str, str, list[Block]]]:
    """The Scope sheet's rows as (number, label, blocks), numbered in order; rows the
    kind lists as unnumbered (e.g. follow-up arrangements) get no number."""
    unnumbered = {normalise(n) for n in kind.settings.get("unnumbered_rows", [])}
    rows, number = [], 0
    for f in item.scope:
        shown = ""
        if f.key not in unnumbered:
            number += 1
            shown = str(number)
        rows.append((shown, f.label, parse_blocks(f.value)))
    return rows


def build_sections(item: Item, kind: KindDef,
                   appendices: tuple[tuple[str, str], ...] = ()) -> list[Section]:
    """Match the officer's texts to the kind's sections, fill defaults, number."""
    texts: dict[str, list[str]] = {}
    order: list[str] = []
    problems: list[Problem] = []
    for st in item.sections:
        spec = kind.find_section(st.name) if kind.sections else None
        if kind.sections and spec is None:
            names = [s.name for s in kind.sections]
            problems.append(Problem.at(item.source, f"unknown section {st.name!r}"
                                       f"{did_you_mean(st.name, names)} for report type "
                                       f"{kind.name}: expected one of: {'; '.join(names)}",
                                       st.where))
            continue
        name = spec.name if spec else st.name
        if name not in texts:
            order.append(name)
        texts.setdefault(name, []).append(st.text)
    if problems:
        raise InputError(problems)

    specs = kind.sections or tuple(SectionDef(n) for n in order)
    sections: list[Section] = []
    number = 0
    for spec in specs:
        text = "\n\n".join(t for t in texts.get(spec.name, []) if t.strip())
        if not text.strip() and spec.optional and not spec.table:
            continue
        section = Section(spec.name, table=spec.table, key=normalise(spec.name),
                          blocks=parse_blocks(text or spec.default), typed=bool(text.strip()))
        if appendices and section.key.startswith(APPENDICES_KEY):
            section.blocks = _list_appendices(parse_blocks(text), appendices)
        if spec.numbered:
            number += 1
            section.number = str(number)
            paragraph = 0
            for block in section.blocks:
                if block.kind == "para":
                    paragraph += 1
                    block.number = f"{number}.{paragraph}"
        sections.append(section)
    return sections
