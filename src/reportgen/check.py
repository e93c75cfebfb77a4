"""`reportgen check`: every problem in the inputs, at once, writing nothing.

Errors are what stops a build (the readers' and composition's own checks).
Warnings are what a clerk wants caught before publication: placeholders
left in, empty standard sections, recommendations without a lead officer
or a timeline, timelines passed, key decisions without a forward plan
reference, reports dated for another meeting, a passed publication deadline.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from reportgen.compose.report import prepare
from reportgen.compose.templates import TemplateSet
from reportgen.cycle.deadlines import long_date, publication_deadline
from reportgen.cycle.forward_plan import (
    FORWARD_PLAN_SHEET,
    forward_plans_near,
    key_decision_warnings,
    read_forward_plan,
)
from reportgen.cycle.responses import tracker_warnings
from reportgen.errors import InputError, Problem
from reportgen.house import CycleSettings
from reportgen.model import Item, Meeting
from reportgen.readers.cells import cell_text, normalise
from reportgen.readers.item import read_item
from reportgen.readers.meeting import is_meeting_workbook, read_meeting
from reportgen.readers.workbook import find_sheet, open_workbook
from reportgen.tracker import STANDARD_STATUSES, is_overdue

PLACEHOLDERS = re.compile(
    r"\[\s*(?:insert|enter|add|tbc|tba|date|name|todo)[^\]]*\]"
    r"|\[\s*(?:…|\.\.\.)\s*\]|\bTBC\b|\bTBA\b|\bXXX*\b|\?\?\?+|<\s*insert[^>]*>",
    re.IGNORECASE)


@dataclass
class CheckReport:
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # information, e.g. deadlines

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]


def workbooks_under(paths: list[Path]) -> list[Path]:
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += [p for p in sorted(path.rglob("*.xlsx"))
                      if not p.name.startswith("~$") and not p.name.endswith(".bak.xlsx")
                      and not any(part.startswith((".", "_"))
                                  for part in p.relative_to(path).parts)]
        else:
            found.append(path)
    return found


class Checker:
    """Runs every check over workbooks; meetings first, so their items are
    checked against the meeting they are on the agenda of."""

    def __init__(self, templates: TemplateSet | None = None, today: date | None = None,
                 cycle: CycleSettings | None = None):
        self.templates = templates or TemplateSet()
        self.today = today or date.today()
        self.cycle = cycle or CycleSettings()
        self.report = CheckReport()
        self._seen: set[Path] = set()

    def check(self, paths: list[Path]) -> CheckReport:
        books = [p.resolve() for p in workbooks_under(paths)]
        meetings = [b for b in books if is_meeting_workbook(b)]
        for path in meetings + [b for b in books if b not in meetings]:
            self.check_workbook(path)
        return self.report

    def check_workbook(self, path: Path, meeting: Meeting | None = None) -> None:
        path = Path(path).resolve()
        if path in self._seen:
            return
        self._seen.add(path)
        try:
            wb = open_workbook(path)
        except InputError as exc:
            self.report.problems += exc.problems
            return
        self.report.problems += scan_cells(path, wb)
        if find_sheet(wb, "Meeting") is not None:
            self.check_meeting(path)
        elif find_sheet(wb, *FORWARD_PLAN_SHEET) is not None:
            self._problems_of(read_forward_plan, path, wb)
        else:
            self.check_item(path, wb, meeting)

    def check_item(self, path: Path, wb, meeting: Meeting | None = None) -> None:
        try:
            item = read_item(path, wb)
        except InputError as exc:
            self.report.problems += exc.problems
            if exc.partial is not None:  # its sections can still be checked
                try:
                    prepare(exc.partial, self.templates)
                except InputError as more:
                    self.report.problems += [p for p in more.problems
                                             if p not in self.report.problems]
            return
        try:
            kind, sections = prepare(item, self.templates)
        except InputError as exc:
            self.report.problems += exc.problems
            return
        self.report.problems += item_warnings(item, sections, self.today, self.cycle)
        if meeting and meeting.date and item.meeting_date and item.meeting_date != meeting.date:
            where = next(f.cell for f in item.fields if f.key == "meeting_date")
            self.report.problems.append(Problem.at(
                path, f"the report is dated for a meeting on {long_date(item.meeting_date)}, "
                f"but {meeting.source.name} is the meeting on {long_date(meeting.date)}",
                where, "warning"))

    def check_meeting(self, path: Path) -> None:
        try:
            meeting = read_meeting(path)
        except InputError as exc:
            self.report.problems += exc.problems
            return
        if not meeting.agenda:
            self.report.problems.append(Problem(path, "the agenda has no items yet", "Agenda",
                                                severity="warning"))
        if meeting.date:
            deadline = publication_deadline(meeting.date)
            self.report.notes.append(
                f"{path.name}: publish the agenda and reports by {long_date(deadline)} "
                f"(five clear working days before the meeting on {long_date(meeting.date)})")
            if deadline < self.today:
                where = next(f.cell for f in meeting.fields if f.key == "date")
                self.report.problems.append(Problem.at(
                    path, f"the publication deadline, {long_date(deadline)}, has passed",
                    where, "warning"))
        for entry in meeting.agenda:
            if entry.report is not None:
                self.check_workbook(entry.report, meeting)
        planned = self._problems_of(forward_plans_near, path)
        self.report.problems += key_decision_warnings(meeting, planned or [])

    def _problems_of(self, read, *args):
        """read(*args), its problems added to the report; None when it failed."""
        try:
            return read(*args)
        except InputError as exc:
            self.report.problems += [p for p in exc.problems if p not in self.report.problems]
            return None


def scan_cells(path: Path, wb) -> list[Problem]:
    """Placeholders anywhere, and hidden rows that will still be published."""
    found = []
    for ws in wb.worksheets:
        if normalise(ws.title) == "instructions":
            continue
        for row in ws.iter_rows():
            for cell in row:
                if not isinstance(cell.value, str):
                    continue
                match = PLACEHOLDERS.search(cell_text(cell.value))
                if match:
                    found.append(Problem(path, f"unfilled placeholder {match.group(0)!r}",
                                         ws.title, cell.coordinate, "warning"))
        for number, dims in sorted(ws.row_dimensions.items()):
            if dims.hidden and any(c.value is not None for c in ws[number]):
                found.append(Problem(path, "this row is hidden in Excel but will be "
                                     "published: delete it if it should not be",
                                     ws.title, f"A{number}", "warning"))
    return found


def _warn(item: Item, message: str, where: str = "") -> Problem:
    return Problem.at(item.source, message, where, "warning")


def item_warnings(item: Item, sections, today: date,
                  cycle: CycleSettings | None = None) -> list[Problem]:
    warnings = tracker_warnings(item, today, cycle)
    if not item.title:
        warnings.append(_warn(item, "the report has no Title (or Subject)", "Report"))
    for section in sections:
        if not section.blocks and not section.table:
            warnings.append(_warn(item, f"the standard section {section.heading!r} is empty",
                                  "Sections"))
    uses_responses = any(s.table == "responses" for s in sections)
    if item.recommendations and not any(s.table in ("responses", "tracker") for s in sections):
        warnings.append(_warn(item, f"the Recommendations sheet is not shown by report type "
                              f"{item.report_type}: its rows will not be published",
                              "Recommendations"))
    for rec in item.recommendations:
        for response in (rec.actions or [rec]) if uses_responses else []:
            where = response.cells
            if not response.lead_officer:
                warnings.append(_warn(item, f"recommendation {rec.ref} has no lead officer",
                                      where.get("lead_officer", where.get("ref", ""))))
            if not response.timeline:
                warnings.append(_warn(item, f"recommendation {rec.ref} has no timeline",
                                      where.get("timeline", where.get("ref", ""))))
        if rec.timeline_date and is_overdue(rec, today):
            warnings.append(_warn(item, f"recommendation {rec.ref}'s timeline "
                                  f"({long_date(rec.timeline_date)}) has passed and its "
                                  f"status is {rec.status or 'empty'}, not Implemented",
                                  rec.cells.get("timeline", "")))
        if rec.status and rec.status not in STANDARD_STATUSES and normalise(rec.status) not in {
                normalise(s) for s in STANDARD_STATUSES}:
            warnings.append(_warn(item, f"status {rec.status!r} is the council's own word "
                                  f"(kept as typed); the standard ones are "
                                  f"{', '.join(STANDARD_STATUSES)}", rec.cells.get("status", "")))
    if item.key_decision and not item.field("forward_plan_reference"):
        cell = next((f.cell for f in item.fields if f.key == "key_decision"), "Report")
        warnings.append(_warn(item, "a key decision needs a Forward plan reference", cell))
    return warnings
