"""`reportgen check`, and the same checks inside `pack` and `batch`.

Errors are what stops a build (the readers', the plan's and composition's own
checks). Warnings are what a clerk wants caught before publication:
placeholders left in, empty standard and required sections, recommendations
without a lead officer or a timeline, timelines passed, key decisions
without a forward plan reference, reports dated for another meeting, late
items without their reasons, a passed publication deadline. Those marked
blocks_publication make `pack --strict` refuse.

"Overdue" is judged against the meeting's date, as the report itself judges
it; a separate line names timelines that have passed since.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from reportgen.compose.report import prepare, prepare_problems
from reportgen.compose.templates import TemplateSet
from reportgen.cycle.deadlines import long_date, publication_deadline
from reportgen.cycle.forward_plan import (
    forward_plans_near,
    key_decision_warnings,
    read_forward_plan,
)
from reportgen.cycle.responses import tracker_warnings
from reportgen.errors import InputError, Problem
from reportgen.house import CycleSettings, House
from reportgen.model import Item
from reportgen.plan import REPORT, MeetingPlan, resolve_meeting
from reportgen.readers.cells import normalise
from reportgen.readers.formats import workbooks_under
from reportgen.tracker import STANDARD_STATUSES, is_overdue

_LOOKS_LIKE_A_DATE = re.compile(r"^\s*\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}\s*$")


@dataclass
class CheckReport:
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # information, e.g. deadlines

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    def add(self, problems: list[Problem]) -> None:
        self.problems += [p for p in problems if p not in self.problems]


class Checker:
    """Runs every check over workbooks; meetings first, so their items are checked
    against the meeting they are on the agenda of (and only once)."""

    def __init__(self, templates: TemplateSet | None = None, today: date | None = None,
                 house: House | None = None):
        self.house = house or House()
        self.templates = templates or self.house.template_set()
        self.today = today or date.today()
        self.report = CheckReport()
        self._seen: set[Path] = set()

    def check(self, paths: list[Path]) -> CheckReport:
        from reportgen.readers.meeting import is_meeting_workbook

        words = [p.absolute() for p in paths if p.suffix.lower() == ".docx" and p.is_file()]
        books = [p.absolute() for p in workbooks_under(
            [p for p in paths if p.suffix.lower() != ".docx"])]  # named as given
        self.report.add(house_warnings(self.house))
        for path in words:
            from reportgen.readers.word import word_report_warnings

            self.report.add(word_report_warnings(path))
        if not books and not words:
            self.report.problems.append(Problem(
                ", ".join(str(p) for p in paths), "no workbooks here: expected .xlsx, .xlsm, "
                ".ods or .xls item or meeting workbooks"))
        from reportgen.cycle.forward_plan import is_forward_plan

        meetings = [b for b in books if is_meeting_workbook(b)]
        for path in meetings:
            self.check_meeting(path)
        for path in books:
            if path.resolve() in self._seen:
                continue
            if is_forward_plan(path):
                self._seen.add(path.resolve())
                try:
                    read_forward_plan(path)
                except InputError as exc:
                    self.report.add(exc.problems)
            else:
                self.check_item(path)
        return self.report

    def check_meeting(self, path: Path) -> None:
        self._seen.add(path.resolve())
        try:
            plan = resolve_meeting(path, self.house, Path("outputs") / path.stem)
        except InputError as exc:
            self.report.add(exc.problems)
            return
        self._seen.update(row.entry.report for row in plan.rows if row.entry.report)
        self.report.add(plan.problems)
        for row in plan.rows:
            if row.record is not None:
                self.report.add(prepare_problems(row.record, self.templates))
        self.report.add(plan_warnings(plan, self.templates, self.today, self.house.cycle))
        if plan.meeting.date:
            deadline = publication_deadline(plan.meeting.date)
            self.report.notes.append(
                f"{path.name}: publish the agenda and reports by {long_date(deadline)} "
                f"(five clear working days before the meeting on "
                f"{long_date(plan.meeting.date)})")
        self._check_decisions(plan)

    def _check_decisions(self, plan: MeetingPlan) -> None:
        """The meeting's Decisions sheet, when it has one, read as `reportgen decisions`
        reads it."""
        from reportgen.cycle.decisions import has_decisions, read_decisions

        if has_decisions(plan.meeting.source):
            try:
                self.report.add(read_decisions(plan, None, self.house.cycle).warnings)
            except InputError as exc:
                self.report.add(exc.problems)

    def check_item(self, path: Path) -> None:
        from reportgen.readers.item import read_item

        self._seen.add(path.resolve())
        try:
            item = read_item(path)
        except InputError as exc:
            self.report.add(exc.problems)
            if exc.partial is not None:  # its sections can still be checked
                self.report.add(exc.partial.warnings)
                self.report.add(prepare_problems(exc.partial, self.templates))
            return
        self.report.add(item.warnings)
        errors = prepare_problems(item, self.templates)
        self.report.add(errors)
        if not errors:
            self.report.add(item_warnings(item, self.templates, item.meeting_date or self.today,
                                          self.today, self.house.cycle))


def plan_warnings(plan: MeetingPlan, templates: TemplateSet, today: date,
                  cycle: CycleSettings | None = None) -> list[Problem]:
    """Every warning about a resolved meeting: what `check`, `pack` and `batch` print."""
    meeting = plan.meeting
    warnings = list(plan.warnings)
    try:
        warnings += key_decision_warnings(
            meeting, [row.record for row in plan.rows if row.record is not None],
            forward_plans_near(meeting.source))
    except InputError as exc:
        warnings += exc.problems
    if not any(row.kind != "heading" for row in plan.rows):
        warnings.append(Problem(meeting.source, "the agenda has no items yet", "Agenda",
                                severity="warning"))
    if meeting.date and publication_deadline(meeting.date) < today:
        warnings.append(Problem.at(
            meeting.source, f"the publication deadline, "
            f"{long_date(publication_deadline(meeting.date))}, has passed",
            meeting.cell("date"), "warning", blocks_publication=True))
    for row in plan.rows:
        if row.late and not (row.entry.late_reason and row.entry.urgency):
            missing = " and ".join(n for n, v in (("lateness", row.entry.late_reason),
                                                 ("urgency", row.entry.urgency)) if not v)
            warnings.append(Problem.at(
                meeting.source, f"late item {row.number} has no reason for {missing}: the "
                "supplementary agenda must give both (section 100B(4)(b) of the Local "
                "Government Act 1972)", f"Agenda!A{row.entry.row}", "warning"))
        if row.kind != REPORT or row.record is None or row.problems:
            continue
        item = row.record
        try:
            warnings += item_warnings(item, templates, plan.reference_date or today, today,
                                      cycle)
        except InputError:
            pass  # its errors are reported where they stop the build (check, render)
        if meeting.date and item.meeting_date and item.meeting_date != meeting.date:
            warnings.append(Problem.at(
                item.source, f"the report is dated for a meeting on "
                f"{long_date(item.meeting_date)}, but {meeting.source.name} is the meeting "
                f"on {long_date(meeting.date)}", item.cell("meeting_date"), "warning",
                blocks_publication=True))
    return warnings


def _warn(item: Item, message: str, where: str = "", blocks: bool = False) -> Problem:
    return Problem.at(item.source, message, where, "warning", blocks)


def item_warnings(item: Item, templates: TemplateSet, on: date, today: date | None = None,
                  cycle: CycleSettings | None = None) -> list[Problem]:
    """Warnings about one report; overdue judged against `on` (the meeting's date, as
    the report judges it), and a separate line for timelines passed since then;
    responses due and stale progress judged against today (cycle.responses)."""

    kind, sections = prepare(item, templates)
    required = _required_sections(item, kind)
    warnings = tracker_warnings(item, today or on, cycle) + markup_warnings(item, templates)
    if not item.title:
        warnings.append(_warn(item, "the report has no Title (or Subject)", "Report"))
    for section in sections:
        if section.key in required and not section.typed:
            warnings.append(_warn(item, f"the section {section.heading!r} is required for "
                                  f"this report but was not written", "Sections", True))
        elif not section.blocks and not section.table:
            warnings.append(_warn(item, f"the standard section {section.heading!r} is empty",
                                  "Sections"))
    uses_responses = any(s.table == "responses" for s in sections)
    if item.recommendations and not any(s.table in ("responses", "tracker") for s in sections):
        warnings.append(_warn(item, f"the Recommendations sheet is not shown by report type "
                              f"{item.report_type}: its rows will not be published",
                              "Recommendations"))
    for rec in item.recommendations:
        warnings += _recommendation_warnings(item, rec, uses_responses, on, today)
    if item.key_decision and not item.field("forward_plan_reference"):
        warnings.append(_warn(item, "a key decision needs a Forward plan reference",
                              item.cell("key_decision", "Report")))
    return warnings


def _required_sections(item: Item, kind) -> set[str]:
    """Sections a kind's .toml marks `required = true`, or `required_when` a Report
    field (e.g. key_decision) is yes."""
    required = set()
    for spec in kind.sections:
        when = spec.required_when
        if spec.required or (when and getattr(item, when, None) or
                             (when and normalise(item.field(when)) in ("yes", "y", "true"))):
            required.add(normalise(spec.name))
    return required


def _recommendation_warnings(item: Item, rec, uses_responses: bool, on: date,
                             today: date | None) -> list[Problem]:
    warnings = []
    for response in (rec.actions or [rec]) if uses_responses else []:
        where = response.cells
        if not response.lead_officer:
            warnings.append(_warn(item, f"recommendation {rec.ref} has no lead officer",
                                  where.get("lead_officer", where.get("ref", ""))))
        if not response.timeline:
            warnings.append(_warn(item, f"recommendation {rec.ref} has no timeline",
                                  where.get("timeline", where.get("ref", ""))))
    for key, text, parsed in (("timeline", rec.timeline, rec.timeline_date),
                              ("updated", rec.updated, rec.updated_date)):
        if text and parsed is None and _LOOKS_LIKE_A_DATE.match(text):
            warnings.append(_warn(item, f"{key} {text!r} is not a date (day/month/year): "
                                  "it cannot be judged overdue", rec.cells.get(key, "")))
    if rec.timeline_date and is_overdue(rec, on):
        warnings.append(_warn(item, f"recommendation {rec.ref}'s timeline "
                              f"({long_date(rec.timeline_date)}) has passed and its status is "
                              f"{rec.status or 'empty'}, not Implemented",
                              rec.cells.get("timeline", "")))
    elif today and rec.timeline_date and on < today and is_overdue(rec, today):
        warnings.append(_warn(item, f"recommendation {rec.ref}'s timeline "
                              f"({long_date(rec.timeline_date)}) has passed since the "
                              f"meeting, on {long_date(on)}", rec.cells.get("timeline", "")))
    if rec.status and normalise(rec.status) not in {normalise(s) for s in STANDARD_STATUSES}:
        warnings.append(_warn(item, f"status {rec.status!r} is the council's own word (kept "
                              f"as typed); the standard ones are "
                              f"{', '.join(STANDARD_STATUSES)}", rec.cells.get("status", "")))
    return warnings


def markup_warnings(item: Item, templates: TemplateSet) -> list[Problem]:
    """A council's own template that writes markup outside the document tree's
    vocabulary: the Word document would lose that structure. Built-in templates
    keep to it (a test proves it), so only council folders are looked at."""
    from reportgen.compose.report import compose
    from reportgen.vocabulary import unknown_markup

    council = templates.folders[:-1]
    kind = templates.kind(item.report_type)
    found = [templates.find(kind.template)] if kind else []
    if not council or not found or not any(found[0].is_relative_to(f) for f in council):
        return []
    try:
        unknown = unknown_markup(compose(item, templates))
    except InputError:
        return []
    if not unknown:
        return []
    return [Problem(found[0], "uses markup the Word writer does not know, so the Word "
                    f"document loses its structure: {', '.join(unknown[:6])} (see "
                    "docs/vocabulary.md; classes starting house- are for styling)",
                    severity="warning")]


def house_warnings(house: House) -> list[Problem]:
    """A house style whose body text is below 12 pt, the minimum councils' and GOV.UK's
    accessibility guidance give (tables are set at most 2 pt smaller)."""
    from reportgen.compose.tables import body_points

    if body_points(house.font_size) >= 12:
        return []
    return [Problem(house.source or "reportgen.toml", f"font_size {house.font_size} is below "
                    "12 pt, the smallest body text councils' and GOV.UK's accessibility "
                    "guidance allow", severity="warning")]
