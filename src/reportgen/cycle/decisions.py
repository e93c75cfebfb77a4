"""The Decisions sheet of an executive meeting -> a record of decisions.

One row per item decided (regulation 12 of the 2012 Regulations): the
decision, reasons, alternative options rejected, conflicts of interest
declared and dispensations, and whether it was urgent (then not subject to
call-in). The record is published on a date (by default the first working
day after the meeting) and the call-in period ends a number of working days
after that ([cycle] call_in_working_days, default 5).

An optional Recommendations column says what the executive decided on each
scrutiny recommendation of the item's tracker, one per line: "SR 01:
Accepted", "2: Partially accepted"; "All: Noted" (or a bare "Noted") covers
every recommendation not named on another line.

Which items are exempt, and each item's tracker, are read from the meeting
plan (reportgen.plan), the one place that decides them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from reportgen import contract
from reportgen.cycle.days import add_working_days, next_working_day
from reportgen.cycle.sheets import has_sheet, table_of
from reportgen.errors import InputError, Problem, ProblemList
from reportgen.house import CycleSettings
from reportgen.model import AgendaEntry, Meeting
from reportgen.plan import HEADING, ItemPlan, MeetingPlan
from reportgen.readers.cells import normalise
from reportgen.readers.item import parse_yes_no
from reportgen.readers.workbook import open_workbook

# --- input contract: the Decisions sheet (to move into reportgen.contract) ----------------
DECISIONS_SHEET = ("Decisions", "Record of decisions", "Decisions taken")
DECISION_COLUMNS: dict[str, tuple[str, ...]] = {
    "item": ("Agenda item", "Item no", "No", "Number", "#"),
    "decision": ("Decision made", "Decisions", "Resolved", "Resolution"),
    "reasons": ("Reasons for the decision", "Reasons for decision", "Reason"),
    "alternatives": ("Alternative options rejected", "Alternative options considered and "
                     "rejected", "Alternative options", "Options rejected"),
    "interests": ("Conflicts of interest", "Conflict of interest", "Interests declared",
                  "Declarations of interest"),
    "dispensations": ("Dispensation", "Dispensations granted"),
    "urgent": ("Urgent decision", "Urgency", "Not subject to call-in"),
    "recommendations": ("Recommendation", "Decisions on recommendations",
                        "Scrutiny recommendations", "Tracker"),
}
DECISIONS_REQUIRED = ("item", "decision")
# ------------------------------------------------------------------------------------------

ALL = "all"
_ASSIGNMENT = re.compile(r"^(?:(?P<ref>[^:]+?)\s*:\s*)?(?P<decision>[^:]+?)$")


@dataclass
class Decision:
    """One item decided, as the record shows it."""

    row: ItemPlan  # its agenda row as the meeting plan resolved it
    decision: str
    reasons: str = ""
    alternatives: str = ""
    interests: str = ""
    dispensations: str = ""
    urgent: bool = False
    recommendations: dict[str, str] = field(default_factory=dict)  # tracker ref -> decision
    tracker: Path | None = None  # the item workbook to write them back into
    cells: dict[str, str] = field(default_factory=dict)  # key -> "Decisions!C4"

    @property
    def entry(self) -> AgendaEntry:
        return self.row.entry

    @property
    def exempt_paragraph(self) -> int | None:
        """Decided in private under this Schedule 12A paragraph (the plan's decision)."""
        return self.row.exempt_paragraph


@dataclass
class DecisionRecord:
    """A meeting's decisions with the dates the record states."""

    meeting: Meeting
    decisions: list[Decision]
    published: date
    call_in_ends: date  # the last day on which a decision can be called in
    in_force: date  # the first day a decision subject to call-in may be implemented
    warnings: list[Problem] = field(default_factory=list)

    @property
    def exempt(self) -> list[Decision]:
        return [d for d in self.decisions if d.exempt_paragraph]


def has_decisions(meeting_path: Path) -> bool:
    """True when the meeting workbook has a Decisions sheet (sheet names only are read)."""
    return has_sheet(meeting_path, DECISIONS_SHEET)


def call_in_dates(published: date, settings: CycleSettings) -> tuple[date, date]:
    """(last day of the call-in period, first day a decision may be implemented)."""
    ends = add_working_days(published, settings.call_in_working_days)
    return ends, next_working_day(ends)


def read_decisions(plan: MeetingPlan, published: date | None = None,
                   settings: CycleSettings | None = None) -> DecisionRecord:
    """Read the Decisions sheet of the meeting plan's workbook (plan.resolve_meeting),
    with the exempt status and tracker the plan gives each item decided; raise
    InputError listing every problem."""
    meeting = plan.meeting
    meeting_path = meeting.source
    if meeting.date is None:
        raise InputError(Problem(meeting_path, "no Date: the record of decisions needs the "
                                 "meeting's date", "Meeting"))
    table = table_of(open_workbook(meeting_path), meeting_path, DECISIONS_SHEET,
                     DECISION_COLUMNS, DECISIONS_REQUIRED, "one row per item decided (Item, "
                     "Decision, Reasons, Alternatives, Interests declared, Dispensations, "
                     "Urgent)")
    problems = ProblemList(meeting_path)
    by_number = {r.number: r for r in plan.rows if r.kind != HEADING}
    decisions: list[Decision] = []
    seen: dict[str, str] = {}
    for row in table.rows():
        number = row.text("item")
        item = by_number.get(number)
        if item is None:
            problems.error(f"Item {number!r} is not on the agenda: expected one of "
                           f"{', '.join(by_number) or 'none'}", table.name, row.cell("item"))
            continue
        if number in seen:
            problems.error(f"item {number} is decided twice (also at {seen[number]}): expected "
                           "one row per item", table.name, row.cell("item"))
            continue
        seen[number] = row.where("item")
        decision = Decision(item, row.text("decision"), row.text("reasons"),
                            row.text("alternatives"), row.text("interests"),
                            row.text("dispensations"), cells=row.wheres())
        if not decision.decision:
            problems.error(f"empty Decision for item {number}: expected what was decided",
                           table.name, row.cell("decision"))
        urgent = row.text("urgent")
        decision.urgent = bool(urgent) and parse_yes_no(urgent) is not False
        if urgent and parse_yes_no(urgent) is None:
            problems.error(f"Urgent {urgent!r}: expected Yes (not subject to call-in) or No",
                           table.name, row.cell("urgent"))
        _item_side(decision, row.text("recommendations"), problems)
        decisions.append(decision)
    if problems.errors:  # the warnings too, so one run says everything
        raise InputError(problems.items)
    published = published or next_working_day(meeting.date)
    ends, in_force = call_in_dates(published, settings or CycleSettings())
    return DecisionRecord(meeting, decisions, published, ends, in_force, problems.warnings)


def _item_side(decision: Decision, assignments: str, problems: ProblemList) -> None:
    """The tracker decisions checked against the refs of the item workbook's
    Recommendations sheet (as the plan read it)."""
    where = decision.cells.get("recommendations", "Decisions")
    if decision.row.problems:  # its report could not be read
        problems.items += decision.row.problems
        return
    item = decision.row.record
    if not decision.reasons and not decision.exempt_paragraph:
        problems.warn(f"item {decision.entry.number} has no Reasons: regulation 12 asks the record "
                      "to give the reasons for each decision", *_split(decision.cells.get(
                          "reasons", decision.cells["item"])))
    refs = [r.ref for r in item.recommendations] if item is not None else []
    if assignments and not refs:
        problems.error(f"item {decision.entry.number} has recommendation decisions but its report "
                       "has no Recommendations sheet to write them into", *_split(where))
    elif refs and not assignments:
        problems.warn(f"item {decision.entry.number} responds to scrutiny (its workbook has a "
                      "Recommendations sheet) but no decision per recommendation is given: "
                      "its tracker is not updated", *_split(where))
    elif refs:
        try:
            decision.recommendations = assign(assignments, refs)
        except ValueError as exc:
            problems.error(str(exc), *_split(where))
        decision.tracker = decision.entry.report


def assign(text: str, refs: list[str]) -> dict[str, str]:
    """"SR 01: Accepted\\nAll: Noted" -> {ref: decision} over refs, in the tracker's
    spelling; ValueError saying what was expected."""
    wanted = {normalise(r): r for r in refs}
    canonical = {normalise(d): d for d in contract.DECISIONS}
    named: dict[str, str] = {}
    rest = ""
    for line in [p.strip() for p in re.split(r"[\n;]", text) if p.strip()]:
        match = _ASSIGNMENT.match(line)
        word = canonical.get(normalise(match.group("decision"))) if match else None
        if word is None:
            raise ValueError(f"{line!r}: expected 'Ref: decision' with a decision of "
                             f"{', '.join(contract.DECISIONS)}")
        ref = match.group("ref")
        if ref is None or normalise(ref) == ALL:
            rest = word
        elif normalise(ref) not in wanted:
            raise ValueError(f"{line!r}: no recommendation {ref!r} in the tracker; its refs are "
                             f"{', '.join(refs)}")
        else:
            named[wanted[normalise(ref)]] = word
    return {ref: named.get(ref, rest) for ref in refs if named.get(ref, rest)}


def _split(where: str) -> tuple[str | None, str | None]:
    sheet, _, cell = where.partition("!")
    return sheet or None, cell or None
