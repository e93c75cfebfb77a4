"""The batch's public pages: index.html, meetings.ics and feed.atom.

index.html lists every meeting built, by committee and date, linking its
page, packs, reports and record of decisions. meetings.ics holds the
meetings from the build date on (icalendar: RFC 5545 escaping and line
folding), feed.atom the published packs and records of decisions, newest
first. Nothing carries a clock time: dates come from the meetings, and
"now" is SOURCE_DATE_EPOCH (writers.reproducible), so two runs over the
same inputs write the same bytes.
"""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from itertools import groupby
from pathlib import Path
from xml.etree import ElementTree
from zoneinfo import ZoneInfo

from reportgen.build import Builder
from reportgen.cycle.days import long_date
from reportgen.cycle.listing import Link, PublishedMeeting, published_meeting
from reportgen.cycle.publish import compose_document, write_all
from reportgen.errors import InputError, Problem
from reportgen.house import House
from reportgen.plan import slug
from reportgen.writers.reproducible import build_time

INDEX, CALENDAR, FEED = "index.html", "meetings.ics", "feed.atom"
NOTICE = "forward-plan/forward-plan.pdf"  # where the Makefile writes the notice
FEED_ENTRIES = 50
LONDON = ZoneInfo("Europe/London")
_ATOM = "http://www.w3.org/2005/Atom"


def publish_listing(built: list[tuple[Path, Path]], out_root: Path,
                    house: House | None = None) -> tuple[list[Path], list[Problem]]:
    """Write out_root/index.html, meetings.ics and feed.atom for the meetings built,
    given as (meeting workbook, its public output folder); return the paths written
    and a warning, on its workbook, for each meeting left out (and why)."""
    out_root = Path(out_root)
    meetings, problems = [], []
    for meeting_path, out_dir in built:
        try:
            meetings.append(published_meeting(meeting_path, out_dir, out_root, house))
        except InputError as exc:
            problems += [Problem(meeting_path, f"left out of {INDEX}, {CALENDAR} and {FEED}: "
                                 f"{problem}", severity="warning") for problem in exc.problems]
    council = house.council if house and house.council else next(
        (m.council for m in meetings if m.council), "")
    notice = Link("Notice of key decisions (forward plan)", NOTICE) \
        if (out_root / NOTICE).is_file() else None
    files = {
        out_root / INDEX: compose_index(meetings, council, notice, Builder(house)).encode(),
        out_root / CALENDAR: calendar_bytes(meetings, council, build_date()),
        out_root / FEED: feed_bytes(meetings, council),
    }
    return write_all(files), problems


def build_date() -> date:
    """Today for reproducible builds: the date of SOURCE_DATE_EPOCH (1 January 2000
    when unset, so every meeting counts as upcoming)."""
    return date(*build_time()[:3])


def compose_index(meetings: list[PublishedMeeting], council: str, notice: Link | None,
                  builder: Builder) -> str:
    """The index page: committees in name order, each one's meetings newest first."""
    ordered = sorted(meetings, key=lambda m: (m.committee.lower(), -_ordinal(m.date)))
    groups = [(committee, slug(committee), list(group))
              for committee, group in groupby(ordered, key=lambda m: m.committee)]
    title = f"{council}: committee meetings" if council else "Committee meetings"
    return compose_document(builder, "cycle/meetings-index.html.j2", council=council,
                            title=title, groups=groups, notice=notice,
                            long_date=long_date, calendar=CALENDAR, feed=FEED)


def calendar_bytes(meetings: list[PublishedMeeting], council: str, since: date) -> bytes:
    """An iCalendar file of the meetings on or after since; times in UTC, so no
    VTIMEZONE is needed; a meeting with no time is an all-day event."""
    from icalendar import Calendar, Event

    cal = Calendar()
    cal.add("prodid", "-//reportgen//committee meetings//EN")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", f"{council} committee meetings".strip())
    stamp = datetime(*build_time()[:6], tzinfo=UTC)
    for meeting in sorted(meetings, key=lambda m: (_ordinal(m.date), m.stem)):
        if meeting.date is None or meeting.date < since:
            continue
        event = Event()
        event.add("uid", f"{meeting.stem}.{_ordinal(meeting.date)}@reportgen")
        event.add("dtstamp", stamp)
        starts = meeting.starts
        event.add("dtstart", starts.replace(tzinfo=LONDON).astimezone(UTC) if starts
                  else meeting.date)
        event.add("summary", meeting.committee)
        if meeting.venue:
            event.add("location", " ".join(meeting.venue.split()))
        papers = f"Papers: {meeting.page.href}" if meeting.page else ""
        event.add("description", "\n".join(["Agenda:", *meeting.agenda, papers]).strip())
        cal.add_component(event)
    return cal.to_ical()


def feed_bytes(meetings: list[PublishedMeeting], council: str) -> bytes:
    """An Atom feed of the public packs and records of decisions, newest first, each
    dated the day it was (due to be) published."""
    entries = []
    for meeting in meetings:
        when = long_date(meeting.date) if meeting.date else ""
        for link in [*meeting.packs, *([meeting.decisions] if meeting.decisions else [])]:
            if link.published is not None:
                entries.append((link.published, f"{link.label}: {meeting.committee}, {when}",
                                link, f"{link.label} for the meeting of {meeting.committee} "
                                f"on {when}."))
    entries.sort(key=lambda e: (e[0], e[2].href), reverse=True)
    entries = entries[:FEED_ENTRIES]
    ElementTree.register_namespace("", _ATOM)
    feed = ElementTree.Element(f"{{{_ATOM}}}feed",
                               {"{http://www.w3.org/XML/1998/namespace}lang": "en-GB"})
    name = f"{council} committee papers".strip()
    _add(feed, "id", _urn(name))
    _add(feed, "title", name.capitalize() if not council else name)
    _add(feed, "updated", _stamp(entries[0][0] if entries else date(*build_time()[:3])))
    _add(_add(feed, "author"), "name", council or "Democratic services")
    _add(feed, "link", rel="self", href=FEED)
    _add(feed, "link", rel="alternate", type="text/html", href=INDEX)
    _add(feed, "generator", "reportgen")
    for published, title, link, summary in entries:
        entry = _add(feed, "entry")
        _add(entry, "id", _urn(link.href))
        _add(entry, "title", title)
        _add(entry, "updated", _stamp(published))
        kind = "application/pdf" if link.href.endswith(".pdf") else "text/html"
        _add(entry, "link", rel="alternate", type=kind, href=link.href)
        _add(entry, "summary", summary)
    ElementTree.indent(feed)
    return ElementTree.tostring(feed, encoding="utf-8", xml_declaration=True) + b"\n"


def _add(parent, tag: str, text: str | None = None, **attributes) -> ElementTree.Element:
    element = ElementTree.SubElement(parent, f"{{{_ATOM}}}{tag}", attributes)
    element.text = text
    return element


def _urn(name: str) -> str:
    """A stable id: the same name always gives the same urn:uuid."""
    return uuid.uuid5(uuid.NAMESPACE_URL, f"reportgen:{name}").urn


def _stamp(day: date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def _ordinal(day: date | None) -> int:
    return day.toordinal() if day else 0
