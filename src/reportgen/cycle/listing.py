"""What a batch published, meeting by meeting: the public files only.

Read from each meeting's plan (reportgen.plan: which items are exempt and
what their files are called) and its public output folder: the meeting's
page, its public packs, each public item's report, its record of decisions.
Exempt items are left out altogether (not even their titles), and only
files that are there are listed, so nothing links to a file that was not
published. The exempt pack and the exempt folder are never looked at.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path

from reportgen.cycle.days import next_working_day
from reportgen.cycle.deadlines import publication_deadline
from reportgen.house import House
from reportgen.model import Meeting
from reportgen.plan import HEADING, REPORT, ItemPlan, MeetingPlan, resolve_meeting

PUBLIC_PACKS = (("agenda-pack.pdf", "Agenda pack"),
                ("agenda-pack-supplementary.pdf", "Supplementary agenda"))
DECISIONS_PAGE = "decisions.html"
_TIME = re.compile(r"^(\d{1,2})(?:[.:](\d{2}))?\s*([ap])\.?\s*m?\.?$|^(\d{1,2})[.:](\d{2})$",
                   re.IGNORECASE)
_ISSUED = re.compile(r'<meta name="dcterms\.issued" content="(\d{4}-\d{2}-\d{2})">')


@dataclass
class Link:
    """A public file: its label and its path relative to the batch's output folder."""

    label: str
    href: str
    published: date | None = None  # for the feed: when it was (due to be) published


@dataclass
class PublishedMeeting:
    """One meeting as the public index, calendar and feed show it."""

    stem: str
    committee: str
    council: str
    date: date | None
    time: time | None
    venue: str
    page: Link | None = None
    packs: list[Link] = field(default_factory=list)
    reports: list[Link] = field(default_factory=list)
    decisions: Link | None = None
    agenda: list[str] = field(default_factory=list)  # "4. Title" of each public item

    @property
    def starts(self) -> datetime | None:
        return datetime.combine(self.date, self.time) if self.date and self.time else None


def published_meeting(meeting_path: Path, out_dir: Path, out_root: Path,
                      house: House | None = None) -> PublishedMeeting:
    """The public side of one meeting built into out_dir; InputError when its plan
    cannot be resolved (as `pack` would refuse it)."""
    plan = resolve_meeting(meeting_path, house or House(), out_dir)
    meeting = plan.meeting
    listed = PublishedMeeting(
        stem=Path(out_dir).name, committee=meeting.field("committee") or "Meeting",
        council=meeting.field("council"), date=meeting.date,
        time=meeting_time(meeting.field("time")), venue=meeting.field("venue"))

    def link(relative: str, label: str, published: date | None = None) -> Link | None:
        path = Path(out_dir) / relative
        href = path.relative_to(out_root).as_posix()
        return Link(label, href, published) if path.is_file() else None

    deadline = publication_deadline(meeting.date) if meeting.date else None
    listed.page = link("index.html", "Meeting page")
    listed.packs = [p for p in (link(name, label, deadline) for name, label in PUBLIC_PACKS)
                    if p]
    for row in _public_rows(plan):
        listed.agenda.append(row.bookmark)  # "4. Title"
        if row.kind == REPORT:
            report = link((plan.folder(row) / f"{row.stem}.pdf").relative_to(out_dir)
                          .as_posix(), row.title, deadline)
            listed.reports += [report] if report else []
    listed.decisions = link(DECISIONS_PAGE, "Record of decisions",
                            _issued(Path(out_dir) / DECISIONS_PAGE, meeting))
    return listed


def meeting_time(text: str) -> time | None:
    """"7.15 pm", "7pm", "19:15" -> a time; anything else -> None."""
    match = _TIME.match(" ".join(text.split()))
    if not match:
        return None
    if match.group(4):
        hour, minute = int(match.group(4)), int(match.group(5))
    else:
        hour, minute = int(match.group(1)) % 12, int(match.group(2) or 0)
        hour += 12 if match.group(3).lower() == "p" else 0
    return time(hour, minute) if hour < 24 and minute < 60 else None


def _public_rows(plan: MeetingPlan) -> list[ItemPlan]:
    """The agenda's items as the plan decided them: not exempt, and not a row whose
    report could not be read (what it says about itself is not known)."""
    return [row for row in plan.rows
            if row.kind != HEADING and not row.exempt and not row.problems]


def _issued(page: Path, meeting: Meeting) -> date | None:
    """The publication date the record of decisions states, else the first working
    day after the meeting (its default)."""
    try:
        found = _ISSUED.search(page.read_text(encoding="utf-8"))
    except OSError:
        found = None
    if found:
        return date.fromisoformat(found.group(1))
    return next_working_day(meeting.date) if meeting.date else None
