"""`reportgen new`: blank workbooks in the input contract's form.

Sheets and header rows, an Instructions sheet, drop-down lists for the
fields with fixed answers, frozen header rows and readable column widths.
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from reportgen.compose.templates import TemplateSet
from reportgen.tracker import RAG_RATINGS, STANDARD_STATUSES

DECISIONS = ("Accepted", "Partially accepted", "Not accepted", "Noted")
HEADER_FILL = PatternFill("solid", fgColor="1D3F6E")
HEADER_FONT = Font(bold=True, color="FFFFFF")

ITEM_FIELDS = ("Report type", "Committee", "Meeting date", "Agenda item", "Title", "Wards",
               "Lead officer", "Lead member", "Contact officer", "Recommendations",
               "Key decision", "Forward plan reference", "Exempt", "Reasons for urgency")
MEETING_FIELDS = ("Council", "Committee", "Date", "Time", "Venue", "Membership", "Quorum",
                  "Contact")
RECOMMENDATION_HEADERS = ("Ref", "Recommendation", "Decision", "Executive response",
                          "Timeline", "Lead officer", "Status", "RAG", "Progress", "Updated")
ACTION_HEADERS = ("Ref", "Action", "Timeline", "Lead officer", "Status", "Progress")
AGENDA_HEADERS = ("Item", "Title", "Report", "Text", "Wards", "Exempt", "Appendices",
                  "Supplementary")
SCOPE_ROWS = ("Subject", "Committee", "Membership", "Aims/ Objectives/ Outcomes",
              "Measures of success of review", "Scope", "Service priorities",
              "Review sponsor", "Accountable manager", "Support officer(s)",
              "Administrative support", "External input", "Methodology",
              "Equality implications", "Assumptions/ Constraints", "Section 17 implications",
              "Timescale", "Resource commitments", "Report author", "Reporting arrangements",
              "Follow up arrangements (proposals)")

ITEM_HELP = """How to fill in this workbook (reportgen item workbook)

Report sheet: one row per field; fill in the Value column. Report type picks the template.
Recommendations to the committee: one per line (Alt+Enter); they are lettered A., B., C.
Recommendations sheet: one row per recommendation. Ref may be left empty (numbered in order).
Actions sheet (optional): several actions for one recommendation; Ref is the recommendation's.
Sections sheet: one row per paragraph; Section is the heading it belongs under.
  Start a line with "- " for a bullet, a row with "## " for a sub-heading; **bold**, *italic*.
  A standard section left out gets the template's standard wording.
Check before building:  reportgen check THIS.xlsx
Build:                  reportgen build THIS.xlsx
"""

MEETING_HELP = """How to fill in this workbook (reportgen meeting workbook)

Meeting sheet: one row per field; Membership one member per line (Alt+Enter).
Agenda sheet: one row per item, in order.
  Report: path of the item's workbook, relative to this file (empty for procedural items).
  Text: what procedural items (apologies, minutes) say.
  Exempt: the paragraph of Schedule 12A (1 to 7) when the report is exempt, else empty.
  Appendices: paths of PDF files, separated by ;
  Supplementary: Yes for a late item (it goes in a supplementary agenda).
Check before building:  reportgen check THIS.xlsx
Build the packs:        reportgen pack THIS.xlsx
"""


def _header(ws, headers, widths) -> None:
    ws.append(list(headers))
    for index, width in enumerate(widths, start=1):
        cell = ws.cell(row=1, column=index)
        cell.fill, cell.font = HEADER_FILL, HEADER_FONT
        ws.column_dimensions[get_column_letter(index)].width = width
    ws.freeze_panes = "A2"


def _choices(ws, cells: str, values, strict: bool = True) -> None:
    """A drop-down list; when not strict, other words are allowed after a note."""
    validation = DataValidation(type="list", formula1='"' + ",".join(values) + '"',
                                allow_blank=True, showErrorMessage=True,
                                errorStyle="stop" if strict else "information",
                                error="Choose from the list" if strict else
                                "Not one of the standard words: it will be kept as typed")
    ws.add_data_validation(validation)
    validation.add(cells)


def _instructions(wb: Workbook, text: str) -> None:
    ws = wb.create_sheet("Instructions")
    for line in text.splitlines():
        ws.append([line])
    ws["A1"].font = Font(bold=True, size=13)
    ws.column_dimensions["A"].width = 110


def _fields(ws, fields, prefilled: dict[str, str]) -> dict[str, str]:
    _header(ws, ("Field", "Value"), (28, 90))
    rows = {}
    for name in fields:
        ws.append([name, prefilled.get(name)])
        rows[name] = f"B{ws.max_row}"
        ws[rows[name]].alignment = Alignment(wrap_text=True, vertical="top")
    return rows


def new_item(path: Path, kind: str, templates: TemplateSet) -> None:
    definition = templates.kind(kind)
    wb = Workbook()
    report = wb.active
    report.title = "Report"
    rows = _fields(report, ITEM_FIELDS, {"Report type": kind})
    _choices(report, rows["Report type"], templates.kinds(), strict=False)
    _choices(report, rows["Key decision"], ("Yes", "No"))
    recs = wb.create_sheet("Recommendations")
    _header(recs, RECOMMENDATION_HEADERS, (10, 50, 16, 50, 14, 22, 14, 8, 40, 14))
    _choices(recs, "C2:C1000", DECISIONS)
    _choices(recs, "G2:G1000", STANDARD_STATUSES, strict=False)
    _choices(recs, "H2:H1000", RAG_RATINGS)
    actions = wb.create_sheet("Actions")
    _header(actions, ACTION_HEADERS, (10, 60, 14, 22, 14, 40))
    _choices(actions, "E2:E1000", STANDARD_STATUSES, strict=False)
    sections = wb.create_sheet("Sections")
    _header(sections, ("Section", "Text"), (40, 100))
    names = [s.name for s in definition.sections] if definition else []
    if names and sum(len(n) + 1 for n in names) < 250:  # Excel's limit for a typed list
        _choices(sections, "A2:A1000", [n.replace(",", "") for n in names], strict=False)
    if kind == "scope":
        scope = wb.create_sheet("Scope")
        _fields(scope, SCOPE_ROWS, {})
    _instructions(wb, ITEM_HELP + ("\nSections of this report type: " + "; ".join(names)
                                   if names else ""))
    wb.save(path)


def new_meeting(path: Path) -> None:
    wb = Workbook()
    meeting = wb.active
    meeting.title = "Meeting"
    _fields(meeting, MEETING_FIELDS, {})
    agenda = wb.create_sheet("Agenda")
    _header(agenda, AGENDA_HEADERS, (8, 50, 45, 50, 14, 10, 45, 14))
    _choices(agenda, "F2:F500", ("1", "2", "3", "4", "5", "6", "7"))
    _choices(agenda, "H2:H500", ("Yes", "No"))
    _instructions(wb, MEETING_HELP)
    wb.save(path)
