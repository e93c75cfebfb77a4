"""The meeting workbook (input contract v1) -> reportgen.model.Meeting."""

from __future__ import annotations

import re
from pathlib import Path

from reportgen.errors import InputError, ProblemList
from reportgen.files import resolve_input
from reportgen.model import AgendaEntry, Field, Meeting
from reportgen.readers.cells import cell_text, normalise, parse_date
from reportgen.readers.item import parse_exempt, parse_yes_no
from reportgen.readers.workbook import find_sheet, open_workbook, read_fields, read_table

MEETING_FIELDS: dict[str, tuple[str, ...]] = {
    "council": ("Authority", "Organisation"),
    "committee": ("Meeting of", "Body"),
    "date": ("Meeting date", "Date of meeting"),
    "time": ("Start time",),
    "venue": ("Place", "Location"),
    "membership": ("Members", "Membership of the committee"),
    "quorum": (),
    "contact": ("Contact officer", "Clerk", "Democratic services contact"),
}

AGENDA_COLUMNS: dict[str, tuple[str, ...]] = {
    "item": ("No", "Number", "Item no", "#"),
    "title": ("Subject", "Heading"),
    "report": ("Workbook", "Report workbook", "File"),
    "text": ("Procedural text", "Description"),
    "wards": ("Ward",),
    "exempt": ("Exempt information", "Schedule 12A", "Part 2"),
    "appendices": ("Appendix", "Appendix PDFs"),
    "supplementary": ("Late", "Late item", "To follow"),
}


def is_meeting_workbook(path: Path) -> bool:
    """True when the workbook has a Meeting sheet (so batch builds it as a meeting).

    Reads only the sheet names (xl/workbook.xml), not the workbook: batch asks
    this of every workbook under a folder.
    """
    import zipfile

    from defusedxml import ElementTree

    from reportgen.errors import InputError
    from reportgen.files import open_regular

    try:
        with open_regular(path, path) as handle, zipfile.ZipFile(handle) as package:
            if package.getinfo("xl/workbook.xml").file_size > 10_000_000:
                return False
            root = ElementTree.fromstring(package.read("xl/workbook.xml"))
    except (zipfile.BadZipFile, KeyError, OSError, ElementTree.ParseError, ValueError,
            InputError):
        return False
    names = [el.get("name", "") for el in root.iter() if el.tag.endswith("}sheet")]
    return any(normalise(name) == "meeting" for name in names)


def read_meeting(path: Path) -> Meeting:
    """Read a meeting workbook; raise InputError listing every problem, including
    item workbooks and appendices that do not exist."""
    path = Path(path)
    problems = ProblemList(path)
    wb = open_workbook(path)
    sheet = find_sheet(wb, "Meeting")
    agenda_sheet = find_sheet(wb, "Agenda")
    if sheet is None:
        hint = (" (this looks like an item workbook: build it with reportgen build)"
                if find_sheet(wb, "Report") is not None else "")
        problems.error("no Meeting sheet: expected a sheet named Meeting with Field | Value "
                       f"rows{hint}")
    if agenda_sheet is None:
        problems.error("no Agenda sheet: expected a sheet named Agenda with one row per item")
    problems.raise_if_errors()

    lookup = {normalise(label): key for key, labels in MEETING_FIELDS.items()
              for label in (key, *labels)}
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

    table = read_table(agenda_sheet, AGENDA_COLUMNS, required=("title",))
    for key in table.missing:
        problems.error(f"no {key.title()} column: expected a header row naming it",
                       table.name, f"row {table.header_row}")
    agenda: list[AgendaEntry] = []
    for row in ([] if table.missing else table.rows()):
        entry = AgendaEntry(number=row.text("item") or str(len(agenda) + 1),
                            title=row.text("title"), text=row.text("text"),
                            wards=row.text("wards"), row=row.number)
        if not entry.title:
            problems.error("empty Title: expected the agenda item's title", table.name,
                           row.cell("title"))
        report = row.text("report")
        if report:
            try:
                entry.report = resolve_input(report, path.parent, (), row.where("report"), path,
                                             what="item workbook")
            except InputError as exc:
                entry.report = (path.parent / report).resolve()
                problems.items += exc.problems
        ok, entry.exempt_paragraph = parse_exempt(row.text("exempt"))
        if not ok:
            problems.error(f"Exempt {row.text('exempt')!r}: expected empty, No, or the "
                           "paragraph of Schedule 12A (1 to 7)", table.name, row.cell("exempt"))
        for name in [a.strip() for a in re.split(r"[;\n]", row.text("appendices")) if a.strip()]:
            try:
                appendix = resolve_input(name, path.parent, (), row.where("appendices"), path,
                                         what="appendix")
            except InputError as exc:
                problems.items += exc.problems
                continue
            entry.appendices.append(appendix)
            if appendix.suffix.lower() != ".pdf":
                problems.error(f"appendix {name!r} is not a PDF: expected a .pdf file",
                               table.name, row.cell("appendices"))
        supplementary = row.text("supplementary")
        entry.supplementary = bool(supplementary) and parse_yes_no(supplementary) is not False
        agenda.append(entry)
    problems.raise_if_errors()
    return Meeting(path, fields, agenda, meeting_date)
