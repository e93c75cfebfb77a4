"""Composition for a meeting: the agenda front sheets and the web index page.

Like compose.py, it turns records into one HTML document through the
templates; page numbers come in from the pack, which knows them.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from markupsafe import Markup

from reportgen.compose.templates import TemplateSet
from reportgen.house import House
from reportgen.model import AgendaEntry, Meeting
from reportgen.readers.cells import format_date, split_lines

PUBLIC, EXEMPT, SUPPLEMENTARY = "public", "exempt", "supplementary"


def slug(text: str, limit: int = 60) -> str:
    """'Minutes of the previous meeting' -> 'minutes-of-the-previous-meeting'."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return (words[:limit].rstrip("-") or "item")


def item_stem(entry: AgendaEntry) -> str:
    number = entry.number.zfill(2) if entry.number.isdigit() else slug(entry.number, 10)
    return f"{number}-{slug(entry.title)}"


def pack_of(entry: AgendaEntry) -> str:
    """Which pack an item's report goes in: exempt wins over late."""
    if entry.exempt_paragraph:
        return EXEMPT
    return SUPPLEMENTARY if entry.supplementary else PUBLIC


@dataclass
class AgendaRow:
    """An agenda line as a front sheet or the index shows it."""

    entry: AgendaEntry
    page: int | None = None  # where its report starts in this pack
    shown: str = "report"  # "report", "procedural", "exempt", "to-follow", "elsewhere"
    stem: str = ""

    @property
    def number(self) -> str:
        return self.entry.number

    @property
    def title(self) -> str:
        return self.entry.title


def agenda_rows(meeting: Meeting, pack: str, pages: dict[str, int]) -> list[AgendaRow]:
    """The agenda as one pack's front sheet shows it: every item for the public
    pack (exempt ones by title only, late ones as to follow); only its own items
    for the exempt and supplementary packs."""
    rows = []
    for entry in meeting.agenda:
        stem = item_stem(entry)
        own = entry.report is not None and pack_of(entry) == pack
        if entry.procedural:
            if pack != PUBLIC:
                continue
            shown = "procedural"
        elif own:
            shown = "report"
        elif pack != PUBLIC:
            continue
        elif entry.exempt_paragraph:
            shown = "exempt"
        else:
            shown = "to-follow"
        rows.append(AgendaRow(entry, pages.get(stem) if own else None, shown, stem))
    return rows


def _context(meeting: Meeting, house: House, templates: TemplateSet) -> dict:
    date = format_date(meeting.date) if meeting.date else meeting.field("date")
    committee = meeting.field("committee")
    return {
        "meeting": meeting,
        "house": house,
        "council": meeting.field("council") or house.council,
        "committee": committee,
        "date": date,
        "membership": split_lines(meeting.field("membership")),
        "css": Markup(house.stylesheet(templates)),
        "logo": house.logo_uri(templates),
        "extra_fields": [f for f in meeting.fields if not f.known and f.value],
    }


def compose_front_sheet(meeting: Meeting, pack: str, pages: dict[str, int],
                        templates: TemplateSet, house: House) -> str:
    context = _context(meeting, house, templates)
    titles = {PUBLIC: "Agenda", EXEMPT: "Agenda: exempt items",
              SUPPLEMENTARY: "Supplementary agenda"}
    return templates.env.get_template("pack/front-sheet.html.j2").render(
        **context, pack=pack, heading=titles[pack], rows=agenda_rows(meeting, pack, pages),
        title=f"{context['committee']}, {context['date']}: {titles[pack]}",
    )


def compose_index(meeting: Meeting, packs: dict[str, str], templates: TemplateSet,
                  house: House) -> str:
    """The meeting's public web page: the agenda, linking each public item's files."""
    context = _context(meeting, house, templates)
    rows = agenda_rows(meeting, PUBLIC, {})
    for row in rows:
        if row.entry.report is not None and pack_of(row.entry) == SUPPLEMENTARY:
            row.shown = "late"
    return templates.env.get_template("pack/index.html.j2").render(
        **context, rows=rows, packs=packs,
        title=f"{context['committee']}, {context['date']}",
    )
