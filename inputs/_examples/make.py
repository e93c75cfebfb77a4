"""Regenerate the example workbooks in inputs/ from the content modules here.

    .venv/bin/python inputs/_examples/make.py

The workbooks are what officers would edit; these modules only keep their
content reviewable as text.
"""

from __future__ import annotations

import sys
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

HERE = Path(__file__).resolve().parent
INPUTS = HERE.parent
sys.path.insert(0, str(HERE))


def field_sheet(wb: Workbook, title: str, rows) -> None:
    ws = wb.create_sheet(title)
    ws.append(["Field", "Value"])
    for row in rows:
        ws.append(list(row))
    _style(ws, [28, 90])


def table_sheet(wb: Workbook, title: str, header: list[str], rows, heading: str = "") -> None:
    ws = wb.create_sheet(title)
    if heading:  # a title row above the header, as officers often add
        ws.append([heading])
        ws["A1"].font = Font(bold=True, size=14)
        ws.append([])
    ws.append(header)
    for row in rows:
        ws.append(list(row))
    _style(ws, [12 if h in ("Ref", "RAG") else 60 for h in header])


def _style(ws, widths) -> None:
    for i, width in enumerate(widths):
        ws.column_dimensions[chr(ord("A") + i)].width = width
    for row in ws.iter_rows():
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")


def save(wb: Workbook, path: Path) -> None:
    del wb["Sheet"]
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    print(path.relative_to(INPUTS.parent))


MEETING = INPUTS / "osc-2017-03-07"
ITEMS = MEETING / "items"


def merton() -> None:
    import merton as m

    wb = Workbook()
    field_sheet(wb, "Report", m.REPORT)
    table_sheet(wb, "Recommendations",
                ["Ref", "Recommendation", "Executive response", "Timeline", "Lead officer"],
                m.RECOMMENDATIONS, heading="Executive response and action plan")
    table_sheet(wb, "Actions", ["Ref", "Action", "Timeline", "Lead officer"], m.ACTIONS)
    table_sheet(wb, "Sections", ["Section", "Text"], m.SECTIONS)
    save(wb, ITEMS / "shared-services-executive-response.xlsx")


def harrow() -> None:
    import harrow as h

    wb = Workbook()
    field_sheet(wb, "Report", h.REPORT)
    field_sheet(wb, "Scope", h.SCOPE)
    table_sheet(wb, "Sections", ["Section", "Text"], [("Background", p) for p in h.BACKGROUND])
    save(wb, ITEMS / "shared-services-scope.xlsx")


def others() -> None:
    import others as o

    wb = Workbook()
    field_sheet(wb, "Report", o.CABINET_REPORT)
    table_sheet(wb, "Sections", ["Section", "Text"], o.CABINET_SECTIONS)
    save(wb, ITEMS / "cabinet-business-case-principles.xlsx")

    wb = Workbook()
    field_sheet(wb, "Report", o.EXEMPT_REPORT)
    table_sheet(wb, "Sections", ["Section", "Text"], o.EXEMPT_SECTIONS)
    save(wb, ITEMS / "shared-it-contract-award.xlsx")

    wb = Workbook()
    field_sheet(wb, "Report", o.MONITORING_REPORT)
    table_sheet(wb, "Recommendations",
                ["Ref", "Recommendation", "Decision", "Timeline", "Lead officer", "Status",
                 "RAG", "Progress", "Updated"], o.TRACKER, heading="Scrutiny tracker")
    table_sheet(wb, "Sections", ["Section", "Text"], o.MONITORING_SECTIONS)
    save(wb, ITEMS / "recommendations-tracker.xlsx")

    wb = Workbook()
    field_sheet(wb, "Meeting", o.MEETING)
    table_sheet(wb, "Agenda", o.AGENDA_HEADER, o.AGENDA)
    save(wb, MEETING / "osc-2017-03-07.xlsx")


CABINET = INPUTS / "cabinet-2017-03-21"


def cabinet() -> None:
    """The Cabinet meeting of 21 March 2017, its items, forward plan and Decisions."""
    import cabinet as c
    from openpyxl.styles import PatternFill
    from openpyxl.worksheet.datavalidation import DataValidation

    def item(report, sections, name, tracker=None) -> None:
        wb = Workbook()
        field_sheet(wb, "Report", report)
        if tracker:
            table_sheet(wb, "Recommendations", tracker[0], tracker[1],
                        heading="Scrutiny recommendations tracker")
            ws = wb["Recommendations"]
            for cell in ws[3]:  # the header row, as trackers are often styled
                cell.font = Font(bold=True, color="FFFFFF")
                cell.fill = PatternFill("solid", fgColor="1D3F6E")
            choices = DataValidation(type="list", allow_blank=True, formula1='"Accepted,'
                                     'Partially accepted,Not accepted,Noted"')
            choices.add(f"F4:F{3 + len(tracker[1])}")
            ws.add_data_validation(choices)
        table_sheet(wb, "Sections", ["Section", "Text"], sections)
        save(wb, CABINET / "items" / name)

    item(c.PRINCIPLES_REPORT, c.PRINCIPLES_SECTIONS, "business-case-principles.xlsx")
    item(c.FLEET_REPORT, c.FLEET_SECTIONS, "waste-fleet.xlsx")
    item(c.TRACKER_REPORT, c.TRACKER_SECTIONS, "shared-services-tracker.xlsx",
         (["Ref", "Recommendation", "Executive response", "Timeline", "Lead officer",
           "Decision", "Review", "Report date", "Executive date"], c.TRACKER))
    item(c.EXEMPT_REPORT, c.EXEMPT_SECTIONS, "it-interim-support.xlsx")

    wb = Workbook()
    table_sheet(wb, "Forward plan", ["Ref", "Matter", "Decision maker", "Decision date",
                                     "Wards", "Documents", "Contact", "Exempt paragraph",
                                     "First published"], c.FORWARD_PLAN,
                heading="Notice of key decisions")
    save(wb, CABINET / "forward-plan.xlsx")

    wb = Workbook()
    field_sheet(wb, "Meeting", c.MEETING)
    table_sheet(wb, "Agenda", ["Item", "Title", "Report", "Text", "Wards", "Exempt"],
                c.AGENDA)
    table_sheet(wb, "Decisions", ["Item", "Decision", "Reasons", "Alternatives",
                                  "Interests declared", "Dispensations", "Urgent",
                                  "Recommendations"], c.DECISIONS)
    save(wb, CABINET / "cabinet-2017-03-21.xlsx")


def appendix() -> None:
    """An appendix as councils receive them: a plain PDF from another tool, untagged."""


def _pdf(html: str, name: str, title: str, page: str = "A4") -> None:
    """A PDF as councils receive them from other tools: plain and untagged."""
    from weasyprint import HTML

    document = (f"<html lang='en-GB'><head><title>{title}</title><style>@page{{size:{page};"
                "margin:20mm}} body{{font-family:serif;font-size:12pt}} table{{border-collapse:"
                "collapse}} td,th{{border:1px solid #444;padding:4pt}}</style></head><body>"
                + html + "</body></html>")
    target = MEETING / "appendices" / name
    target.parent.mkdir(parents=True, exist_ok=True)
    HTML(string=document).write_pdf(target)
    print(target.relative_to(INPUTS.parent))


def appendices() -> None:
    import others as o

    _pdf("<h1>Appendix A: Guiding principles for business cases</h1>"
         + "".join(f"<p>{n}. {t}</p>" for n, t in enumerate(o.PRINCIPLES, start=1)),
         "appendix-a-guiding-principles.pdf", "Guiding principles for business cases")
    _pdf("<h1>Appendix B: Savings by delivery option, 2017/18 to 2021/22</h1><table><thead><tr>"
         + "".join(f"<th>{h}</th>" for h in o.SAVINGS_HEADER) + "</tr></thead><tbody>"
         + "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in o.SAVINGS)
         + "</tbody></table>", "appendix-b-savings-by-option.pdf",
         "Savings by delivery option", page="A4 landscape")
    _pdf("<h1>Overview and Scrutiny Commission</h1><h2>Minutes of the meeting held on "
         "1 February 2017</h2>" + "".join(f"<p>{p}</p>" for p in o.MINUTES),
         "minutes-2017-02-01.pdf", "")


if __name__ == "__main__":
    merton()
    harrow()
    others()
    appendices()
    cabinet()
