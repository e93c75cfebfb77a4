"""`reportgen new`: blank workbooks in the input contract's form.

Everything here is drawn from contract.py: a kind's workbook has only the
sheets, fields and columns that kind uses, with the contract's drop-down
lists; its Sections sheet is pre-filled with the kind's sections in order,
each with its standard wording beside it. The meeting workbook comes with
the usual procedural rows.
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from reportgen import contract
from reportgen.compose.templates import TemplateSet

HEADER_FILL = PatternFill("solid", fgColor="1D3F6E")
HEADER_FONT = Font(bold=True, color="FFFFFF")
HINT_FONT = Font(italic=True, color="595959")  # 7:1 on white
TABLE_ROWS = 1000  # rows a drop-down covers
LISTS_SHEET = "Lists"  # long drop-down lists live here (a typed list is capped at 255)
STANDARD_WORDING = "Standard wording (used when Text is empty)"
PROCEDURAL_ROWS = ("Apologies for absence", "Declarations of interest",
                   "Minutes of the previous meeting")

ITEM_HELP = """How to fill in this workbook (reportgen item workbook, report type {kind})

{sheets}
Sections sheet: one row per paragraph; Section is the heading it belongs under.
  Start a line with "- " for a bullet, a row with "## " for a sub-heading; **bold**, *italic*.
  A section whose Text is left empty gets the standard wording shown beside it.
Check before building:  reportgen check THIS.xlsx
Build:                  reportgen build THIS.xlsx
"""

MEETING_HELP = """How to fill in this workbook (reportgen meeting workbook)

{sheets}
Check before building:  reportgen check THIS.xlsx
Build the packs:        reportgen pack THIS.xlsx
"""


class _Lists:
    """Drop-down lists, typed into the rule when short, else kept on the Lists sheet."""

    def __init__(self, wb: Workbook):
        self.wb = wb
        self.sheet = None

    def add(self, ws, cells: str, values, open_choices: bool = False) -> None:
        values = [str(v) for v in values]
        formula = '"' + ",".join(values) + '"'
        if len(formula) > 250 or any("," in v for v in values):
            formula = self._range(values)
        validation = DataValidation(
            type="list", formula1=formula, allow_blank=True, showErrorMessage=True,
            errorStyle="information" if open_choices else "stop",
            error=("Not one of the standard words: it will be kept as typed" if open_choices
                   else "Choose from the list"))
        ws.add_data_validation(validation)
        validation.add(cells)

    def _range(self, values: list[str]) -> str:
        if self.sheet is None:
            self.sheet = self.wb.create_sheet(LISTS_SHEET)
        column = get_column_letter(self.sheet.max_column + (self.sheet.max_row > 1 or
                                                            self.sheet["A1"].value is not None))
        for row, value in enumerate(values, start=1):
            self.sheet[f"{column}{row}"] = value
        return f"{LISTS_SHEET}!${column}$1:${column}${len(values)}"


def _header(ws, entries) -> None:
    ws.append([e.label for e in entries])
    for index, entry in enumerate(entries, start=1):
        cell = ws.cell(row=1, column=index)
        cell.fill, cell.font = HEADER_FILL, HEADER_FONT
        ws.column_dimensions[get_column_letter(index)].width = entry.width
    ws.freeze_panes = "A2"


def _table(wb: Workbook, lists: _Lists, sheet: contract.Sheet, kind: str):
    ws = wb.create_sheet(sheet.name)
    entries = sheet.for_kind(kind)
    _header(ws, entries)
    for index, entry in enumerate(entries, start=1):
        if entry.choices:
            letter = get_column_letter(index)
            lists.add(ws, f"{letter}2:{letter}{TABLE_ROWS}", entry.choices, entry.open_choices)
    return ws


def _fields(wb: Workbook, lists: _Lists, sheet: contract.Sheet, kind: str,
            values: dict[str, str], choices: dict[str, tuple] | None = None):
    ws = wb.active if wb.active.title == "Sheet" else wb.create_sheet(sheet.name)
    ws.title = sheet.name
    ws.append(["Field", "Value"])
    for index, width in enumerate((28, 90), start=1):
        cell = ws.cell(row=1, column=index)
        cell.fill, cell.font = HEADER_FILL, HEADER_FONT
        ws.column_dimensions[get_column_letter(index)].width = width
    ws.freeze_panes = "A2"
    for entry in sheet.for_kind(kind):
        ws.append([entry.label, values.get(entry.key)])
        cell = f"B{ws.max_row}"
        ws[cell].alignment = Alignment(wrap_text=True, vertical="top")
        options = (choices or {}).get(entry.key, entry.choices)
        if options:
            lists.add(ws, cell, options, entry.open_choices or entry.key in (choices or {}))
    return ws


def _instructions(wb: Workbook, text: str) -> None:
    ws = wb.create_sheet("Instructions")
    for line in text.splitlines():
        ws.append([line])
    ws["A1"].font = Font(bold=True, size=13)
    ws.column_dimensions["A"].width = 110


def _sheet_help(sheets) -> str:
    return "\n".join(f"{s.name} sheet: {s.help}." for s in sheets if s.help)


def new_item(path: Path, kind: str, templates: TemplateSet) -> None:
    """An item workbook for report type kind: only the sheets and columns it uses."""
    wb = Workbook()
    lists = _Lists(wb)
    _fields(wb, lists, contract.REPORT, kind, {"report_type": kind},
            {"report_type": tuple(templates.kinds())})
    used = [s for s in (contract.RECOMMENDATIONS, contract.ACTIONS) if s.used_by(kind)]
    for sheet in used:
        _table(wb, lists, sheet, kind)
    _sections(wb, lists, kind, templates)
    if contract.SCOPE.used_by(kind) and kind == "scope":
        _fields(wb, lists, contract.SCOPE, kind, {})
    _instructions(wb, ITEM_HELP.format(kind=kind, sheets=_sheet_help(
        [contract.REPORT, *used])))
    wb.save(path)


def _sections(wb: Workbook, lists: _Lists, kind: str, templates: TemplateSet) -> None:
    """The Sections sheet, pre-filled with the kind's sections and their standard wording."""
    ws = _table(wb, lists, contract.SECTIONS, kind)
    ws.cell(row=1, column=3, value=STANDARD_WORDING).font = HINT_FONT
    ws.column_dimensions["C"].width = 50
    definition = templates.kind(kind)
    names = [s.name for s in definition.sections] if definition else []
    for spec in definition.sections if definition else ():
        ws.append([spec.name, None, spec.default or ("(left out when empty)" if spec.optional
                                                     else "")])
        ws.cell(row=ws.max_row, column=3).font = HINT_FONT
    if names:
        lists.add(ws, f"A2:A{TABLE_ROWS}", names, open_choices=True)


def new_meeting(path: Path) -> None:
    """A meeting workbook with the usual procedural rows on its agenda."""
    wb = Workbook()
    lists = _Lists(wb)
    _fields(wb, lists, contract.MEETING, "", {})
    agenda = _table(wb, lists, contract.AGENDA, "")
    keys = contract.AGENDA.keys()
    for number, title in enumerate(PROCEDURAL_ROWS, start=1):
        row = [None] * len(keys)
        row[keys.index("item")], row[keys.index("title")] = number, title
        agenda.append(row)
    _instructions(wb, MEETING_HELP.format(sheets=_sheet_help(
        [contract.MEETING, contract.AGENDA])))
    wb.save(path)
