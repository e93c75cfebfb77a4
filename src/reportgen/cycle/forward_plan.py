"""The forward plan: key decisions from forward plan workbooks and Cabinet items.

A forward plan workbook has a Forward plan sheet, one row per key decision.
A Cabinet item workbook (Report type cabinet, Key decision Yes) describes
its own key decision; it is matched to a forward plan row by its Forward
plan reference, and where both describe one decision the item's wording
wins. The forward plan row keeps the date the decision entered the notice
(First published), which the 28 clear days rule is counted from (regulation
9 of the 2012 Regulations).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields, replace
from datetime import date, datetime
from pathlib import Path

from reportgen.cycle.days import clear_days_between, latest_date_for_clear_days, long_date
from reportgen.cycle.sheets import has_sheet, table_of
from reportgen.errors import InputError, Problem, ProblemList
from reportgen.model import Item, Meeting
from reportgen.readers.cells import normalise, parse_date
from reportgen.readers.formats import SUFFIXES, workbooks_under
from reportgen.readers.item import parse_exempt, read_item
from reportgen.readers.workbook import find_sheet, open_workbook

# --- input contract: the Forward plan sheet (to move into reportgen.contract) -------------
FORWARD_PLAN_SHEET = ("Forward plan", "Notice of key decisions", "Key decisions")
FORWARD_PLAN_COLUMNS: dict[str, tuple[str, ...]] = {
    "ref": ("Reference", "Forward plan reference", "Forward plan ref", "No", "#"),
    "matter": ("Subject", "Title", "Matter for decision"),
    "decision_maker": ("Decision taker", "Decision by"),
    "decision_date": ("Date of decision", "Expected decision date", "Date"),
    "wards": ("Ward", "Wards affected"),
    "documents": ("Documents to be considered", "Documents submitted", "Reports"),
    "contact": ("Contact officer", "Lead officer"),
    "exempt": ("Exempt paragraph", "Exempt", "Private", "Part 2", "Schedule 12A"),
    "first_published": ("Date first published", "Published", "Date added"),
}
FORWARD_PLAN_REQUIRED = ("ref", "matter")
# ------------------------------------------------------------------------------------------

NOTICE_CLEAR_DAYS = 28
_MONTH_YEAR = re.compile(r"^([A-Za-z]+)\s+(\d{4})$")


@dataclass
class KeyDecision:
    """One key decision as the notice of key decisions shows it."""

    ref: str
    matter: str
    decision_maker: str = ""
    decision_date: date | None = None  # the first day of the month for "April 2017"
    decision_when: str = ""  # as typed, e.g. "April 2017"
    wards: str = ""
    documents: str = ""
    contact: str = ""
    exempt_paragraph: int | None = None
    first_published: date | None = None
    source: Path | None = None  # the forward plan workbook, or the item when none
    where: str = ""  # the row's Ref cell, "Forward plan!A5", or the item's reference field
    item: Path | None = None  # the Cabinet item workbook describing the decision, if any


def is_forward_plan(path: Path) -> bool:
    """True when the workbook has a Forward plan sheet (sheet names only are read)."""
    return has_sheet(path, FORWARD_PLAN_SHEET)


def read_forward_plan(path: Path, wb=None) -> list[KeyDecision]:
    """Every row of a forward plan workbook (or wb, already opened from path); raise
    InputError naming each bad cell."""
    path = Path(path)
    problems = ProblemList(path)
    table = table_of(wb if wb is not None else open_workbook(path), path, FORWARD_PLAN_SHEET,
                     FORWARD_PLAN_COLUMNS, FORWARD_PLAN_REQUIRED, "one row per key decision")
    found: list[KeyDecision] = []
    for row in table.rows():
        decision = KeyDecision(
            ref=row.text("ref"), matter=row.text("matter"),
            decision_maker=row.text("decision_maker"), decision_when=row.text("decision_date"),
            wards=row.text("wards"), documents=row.text("documents"),
            contact=row.text("contact"), source=path, where=row.where("ref"))
        if not decision.ref:
            problems.error("empty Ref: expected the key decision's forward plan reference",
                           table.name, row.cell("ref"))
        if not decision.matter:
            problems.error("empty Matter: expected what is to be decided", table.name,
                           row.cell("matter"))
        decision.decision_date = decision_month(row.raw("decision_date"))
        if parse_date(row.raw("decision_date")):  # a day, written as the notice writes days
            decision.decision_when = long_date(decision.decision_date)
        if decision.decision_when and decision.decision_date is None:
            problems.error(f"Decision date {decision.decision_when!r} is not a date: expected "
                           "a date, or a month such as April 2017", table.name,
                           row.cell("decision_date"))
        ok, decision.exempt_paragraph = parse_exempt(row.text("exempt"))
        if not ok:
            problems.error(f"Exempt paragraph {row.text('exempt')!r}: expected empty, No, or "
                           "the paragraph of Schedule 12A (1 to 7)", table.name,
                           row.cell("exempt"))
        decision.first_published = parse_date(row.raw("first_published"))
        if row.text("first_published") and decision.first_published is None:
            problems.error(f"First published {row.text('first_published')!r} is not a date: "
                           "expected the date the decision entered the notice", table.name,
                           row.cell("first_published"))
        found.append(decision)
    problems.items += _duplicates(found)
    problems.raise_if_errors()
    return found


def decision_month(value: object) -> date | None:
    """A date, or "April 2017" as the first of the month; else None."""
    if parse_date(value):
        return parse_date(value)
    match = _MONTH_YEAR.match(" ".join(str(value or "").split()))
    if match:
        try:
            return datetime.strptime(f"1 {match.group(1)} {match.group(2)}", "%d %B %Y").date()
        except ValueError:
            return None
    return None


def from_item(item: Item) -> KeyDecision | None:
    """The key decision a Cabinet item workbook describes, or None when it is not one."""
    if item.report_type != "cabinet" or not item.key_decision:
        return None
    ref_field = next((f for f in item.fields if f.key == "forward_plan_reference"), None)
    key_field = next(f for f in item.fields if f.key == "key_decision")
    when = item.meeting_date
    return KeyDecision(
        ref=item.field("forward_plan_reference"), matter=item.title,
        decision_maker=item.field("committee"), decision_date=when,
        decision_when=long_date(when) if when else "", wards=item.field("wards"),
        contact=item.field("contact_officer"), exempt_paragraph=item.exempt_paragraph,
        source=item.source, where=(ref_field or key_field).cell, item=item.source)


def merge(planned: list[KeyDecision], described: list[KeyDecision]) -> list[KeyDecision]:
    """Forward plan rows and items' own key decisions, one per reference; the item's
    wording wins field by field, the row keeps its First published date. Of several
    items with one reference (a report seen by scrutiny before the Cabinet, a deferred
    decision), the one for the latest meeting describes the decision."""
    merged = {d.ref: d for d in planned if d.ref}
    unmatched = [d for d in planned if not d.ref]
    latest: dict[str, KeyDecision] = {}
    for decision in described:
        key = decision.ref or str(decision.item)
        if key not in latest or (decision.decision_date or date.min) >= (
                latest[key].decision_date or date.min):
            latest[key] = decision
    for decision in latest.values():
        row = merged.get(decision.ref) if decision.ref else None
        if row is not None:
            wording = {f.name: getattr(decision, f.name) for f in fields(KeyDecision)
                       if getattr(decision, f.name) and f.name not in ("source", "where")}
            merged[decision.ref] = replace(row, **wording)
        elif decision.ref:
            merged[decision.ref] = decision
        else:
            unmatched.append(decision)
    return sorted([*merged.values(), *unmatched],
                  key=lambda d: (d.decision_date or date.max, d.ref))


@dataclass
class Collected:
    """What a folder holds: its key decisions, and the forward plan rows alone."""

    decisions: list[KeyDecision] = field(default_factory=list)
    planned: list[KeyDecision] = field(default_factory=list)
    sources: list[Path] = field(default_factory=list)


def collect(folder: Path) -> Collected:
    """Every forward plan workbook and Cabinet key decision item under folder; raise
    InputError listing every problem (a notice is never made from a broken input)."""
    planned, described, problems, sources = [], [], [], []
    for path in workbooks_under([Path(folder)]):
        try:
            wb = open_workbook(path)
            if find_sheet(wb, *FORWARD_PLAN_SHEET) is not None:
                planned += read_forward_plan(path, wb)
                sources.append(path)
            elif find_sheet(wb, "Report") is not None and find_sheet(wb, "Meeting") is None:
                decision = from_item(read_item(path, wb))
                described += [decision] if decision else []
        except InputError as exc:
            problems += exc.problems
    problems += _duplicates(planned)
    if problems:
        raise InputError(problems)
    return Collected(merge(planned, described), planned, sources)


def forward_plans_near(meeting_path: Path) -> list[KeyDecision]:
    """The forward plan rows beside a meeting workbook and in the folder above it
    (where `check` looks); InputError when one of them is broken."""
    meeting_path = Path(meeting_path).resolve()
    found: list[KeyDecision] = []
    for folder in (meeting_path.parent, meeting_path.parent.parent):
        for path in sorted(folder.iterdir()):
            if path.suffix.lower() in SUFFIXES and not path.name.startswith(("~$", ".")) \
                    and ".bak." not in path.name and is_forward_plan(path):
                found += read_forward_plan(path)
    return found


def key_decision_warnings(meeting: Meeting, items: list[Item],
                          planned: list[KeyDecision]) -> list[Problem]:
    """A warning for each key decision taken at the meeting (a Cabinet item with Key
    decision Yes whose Committee is the meeting's, or unnamed) that was not in a notice
    first published 28 clear days before it. items are the agenda's item workbooks as
    the plan read them (one that could not be read is `check`'s error already); a
    Cabinet report on a scrutiny agenda is not decided there."""
    if meeting.date is None:
        return []
    by_ref = {d.ref: d for d in planned if d.ref}
    warnings = []
    for item in items:
        decision = from_item(item)
        if decision is None or not _decided_at(decision, meeting):
            continue
        message = _notice_shortfall(decision, by_ref.get(decision.ref), meeting.date)
        if message:
            warnings.append(Problem.at(item.source, message + _ROUTES, decision.where,
                                       "warning"))
    return warnings


def _decided_at(decision: KeyDecision, meeting: Meeting) -> bool:
    committee = normalise(meeting.field("committee"))
    return not decision.decision_maker or not committee or normalise(
        decision.decision_maker) == committee


_ROUTES = (" To take it at this meeting use the general exception (regulation 10 of the "
           "2012 Regulations: tell the chair of the overview and scrutiny committee in "
           "writing and publish a notice at least 5 clear days before) or special urgency "
           "(regulation 11: the chair's agreement that the decision is urgent and cannot "
           "reasonably be deferred), or defer it.")


def _notice_shortfall(decision: KeyDecision, row: KeyDecision | None,
                      meeting: date) -> str:
    """Why the decision was not given 28 clear days' notice, or "" when it was."""
    name = f"key decision {decision.ref}" if decision.ref else "this key decision"
    needed = latest_date_for_clear_days(meeting, NOTICE_CLEAR_DAYS)
    if row is None:
        return (f"{name} is in no forward plan workbook's Forward plan sheet: it must be in "
                f"the notice of key decisions by {long_date(needed)}, 28 clear days before "
                f"the meeting on {long_date(meeting)}.")
    if row.first_published is None:
        return (f"{name} has no First published date in {Path(row.source).name} "
                f"{row.where}: it must have been in the notice by {long_date(needed)}.")
    clear = clear_days_between(row.first_published, meeting)
    if clear >= NOTICE_CLEAR_DAYS:
        return ""
    return (f"{name} was first published in the forward plan on "
            f"{long_date(row.first_published)}, {clear} clear days before the meeting on "
            f"{long_date(meeting)}; the notice needs {NOTICE_CLEAR_DAYS} clear days (published "
            f"by {long_date(needed)}).")


def _duplicates(decisions: list[KeyDecision]) -> list[Problem]:
    seen: dict[str, KeyDecision] = {}
    problems = []
    for decision in decisions:
        first = seen.setdefault(decision.ref, decision) if decision.ref else decision
        if first is not decision:
            problems.append(Problem.at(
                decision.source, f"forward plan reference {decision.ref!r} is also used by "
                f"{Path(first.source).name} {first.where}: expected one forward plan row "
                "per key decision", decision.where))
    return problems
