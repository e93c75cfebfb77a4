"""The meeting workbook (the contract's Meeting and Agenda sheets) -> reportgen.model.Meeting.

The reader records what each row says, as typed; what the rows mean together
(exempt or not, output names, which pack) is decided once, in plan.py.
"""

from __future__ import annotations

import re
from pathlib import Path

from reportgen import contract
from reportgen.errors import InputError, ProblemList
from reportgen.files import resolve_input
from reportgen.model import AgendaEntry, Field, Meeting
from reportgen.readers.cells import cell_text, normalise, parse_date
from reportgen.readers.item import exempt_message, parse_exempt, parse_yes_no, require_columns
from reportgen.readers.placeholders import placeholder_warnings
from reportgen.readers.workbook import find_sheet, open_workbook, read_fields, read_table


def is_meeting_workbook(path: Path) -> bool:
    """True when the workbook has a visible Meeting sheet (so batch builds it as a
    meeting). Reads only the sheet names where the format allows: batch asks this
    of every workbook under a folder."""
    from reportgen.readers.formats import visible_sheet_titles

    wanted = {normalise(n) for n in contract.MEETING.names}
    return any(normalise(title) in wanted for title in visible_sheet_titles(path))


def read_meeting(path: Path, allowed: tuple[Path, ...] = ()) -> Meeting:
    """Read a meeting workbook; raise InputError listing every problem, including
    reports and appendices that do not exist or lie outside the meeting's folder and
    the allowed folders (reportgen.toml [inputs] allowed_folders)."""
    path = Path(path)
    problems = ProblemList(path)
    wb = open_workbook(path)
    sheet = find_sheet(wb, *contract.MEETING.names)
    agenda_sheet = find_sheet(wb, *contract.AGENDA.names)
    if sheet is None:
        hint = (" (this looks like an item workbook: build it with reportgen build)"
                if find_sheet(wb, *contract.REPORT.names) is not None else "")
        problems.error("no Meeting sheet: expected a sheet named Meeting with Field | Value "
                       f"rows{hint}")
    if agenda_sheet is None:
        problems.error("no Agenda sheet: expected a sheet named Agenda with one row per item")
    problems.raise_if_errors()

    fields, meeting_date = _read_meeting_fields(sheet, problems)
    agenda = _read_agenda(path, agenda_sheet, problems, allowed)
    problems.raise_if_errors()
    meeting = Meeting(path, fields, agenda, meeting_date)
    meeting.warnings = [p for p in problems.items if p.severity == "warning"]
    meeting.warnings += wb.left_out() + placeholder_warnings(path, wb)
    return meeting


def _read_meeting_fields(sheet, problems: ProblemList):
    lookup = {normalise(label): e.key for e in contract.MEETING.entries for label in e.names}
    fields, meeting_date = [], None
    for label, raw, cell in read_fields(sheet):
        key = lookup.get(normalise(label))
        fields.append(Field(label, cell_text(raw), key or normalise(label),
                            f"{sheet.title}!{cell}", known=key is not None))
        if key == "date":
            meeting_date = parse_date(raw)
            if meeting_date is None and cell_text(raw):
                problems.error(f"Date {cell_text(raw)!r} is not a date: expected a date cell "
                               "or a written date such as 7 March 2017", sheet.title, cell)
    # A meeting without a committee or a date would make a near-empty pack.
    for key in contract.MEETING.required:
        entry = contract.MEETING.entry(key)
        found = next((f for f in fields if f.key == key), None)
        if found is None:
            problems.error(f"no {entry.label} field: expected a row '{entry.label}' with "
                           "its value in column B", sheet.title)
        elif not found.value:
            problems.error(f"the {entry.label} is empty: expected the meeting's "
                           f"{entry.label.lower()}", *found.cell.split("!"))
    return fields, meeting_date


def _read_agenda(path: Path, agenda_sheet, problems: ProblemList,
                 allowed: tuple[Path, ...]) -> list[AgendaEntry]:
    spec = contract.AGENDA
    synonyms = spec.synonym_map()
    table = read_table(agenda_sheet, synonyms, required=spec.required)
    if table.missing == ["title"] and table.column("heading") is not None:
        # Version 1 took "Heading" as the Title column; such workbooks still build.
        synonyms["title"] += synonyms.pop("heading")
        table = read_table(agenda_sheet, synonyms, required=spec.required)
    if not require_columns(table, problems):
        return []
    agenda: list[AgendaEntry] = []
    numbered = 0
    for row in table.rows():
        entry = AgendaEntry(number="", title=row.text("title"), text=row.text("text"),
                            wards=row.text("wards"), row=row.number,
                            heading=row.text("heading"), presenter=row.text("presenter"),
                            late_reason=row.text("late_reason"), urgency=row.text("urgency"),
                            cells=row.wheres())
        if entry.heading and not entry.title and not row.text("report"):
            agenda.append(entry)  # a heading row: starts a group of items
            continue
        entry.heading = ""
        numbered += 1
        entry.number = row.text("item") or str(numbered)
        if not entry.title:
            problems.error("empty Title: expected the agenda item's title", table.name,
                           row.cell("title"))
        report = row.text("report")
        if report:
            entry.report = _resolve(path, report, "report", row, problems, allowed)
        exempt = row.text("exempt")
        ok, entry.exempt_paragraph = parse_exempt(exempt)
        entry.exempt_stated = bool(exempt.strip())
        if not ok:
            problems.error(exempt_message(exempt, "empty, No"), table.name, row.cell("exempt"))
        names = _split(row.text("appendices"))
        for name in names:
            appendix = _resolve(path, name, "appendix", row, problems, allowed, "appendices")
            if appendix is not None and appendix.suffix.lower() != ".pdf":
                problems.error(f"appendix {name!r} is not a PDF: expected a .pdf file",
                               table.name, row.cell("appendices"))
            if appendix is not None:
                entry.appendices.append(appendix)
        entry.appendix_titles = _split(row.text("appendix_titles"))
        if len(entry.appendix_titles) > len(names):
            problems.error(f"{len(entry.appendix_titles)} appendix titles for {len(names)} "
                           "appendices: expected one title per appendix, in the same order",
                           table.name, row.cell("appendix_titles"))
        supplementary = row.text("supplementary")
        entry.supplementary = bool(supplementary) and parse_yes_no(supplementary) is not False
        agenda.append(entry)
    return agenda


def _split(text: str) -> list[str]:
    return [part.strip() for part in re.split(r"[;\n]", text) if part.strip()]


def _resolve(meeting: Path, name: str, what: str, row, problems: ProblemList,
             allowed: tuple[Path, ...], column: str = "report") -> Path | None:
    """A file the agenda names, relative to the meeting workbook, inside its folder or
    an allowed one, a regular file; None (and one line naming the cell) otherwise."""
    try:
        return resolve_input(name, meeting.parent, allowed, row.where(column), meeting,
                             what=what)
    except InputError as exc:
        problems.items += exc.problems
        return None
