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


def merton() -> None:
    import merton as m

    wb = Workbook()
    field_sheet(wb, "Report", m.REPORT)
    table_sheet(wb, "Recommendations",
                ["Ref", "Recommendation", "Executive response", "Timeline", "Lead officer"],
                m.RECOMMENDATIONS, heading="Executive response and action plan")
    table_sheet(wb, "Actions", ["Ref", "Action", "Timeline", "Lead officer"], m.ACTIONS)
    table_sheet(wb, "Sections", ["Section", "Text"], m.SECTIONS)
    save(wb, INPUTS / "osc-2017-03-07" / "shared-services-executive-response.xlsx")


if __name__ == "__main__":
    merton()
