"""Write the example Word report: an officer's own .docx, as councils receive them.

    .venv/bin/python inputs/_examples/word_report.py

Writes inputs/osc-2017-03-07/reports/waste-contract-performance.docx with
python-docx from the text below: Title property, Heading 1/2, numbered and
bulleted lists (nested), a KPI table with a repeated header row, bold and
italic, and a chart with alt text. Reproducible: the core-property dates are
pinned and the zip entries carry a fixed time.
"""

from __future__ import annotations

import io
import os
import sys
import zipfile
from datetime import datetime
from pathlib import Path

from docx import Document
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm

HERE = Path(__file__).resolve().parent
TARGET = HERE.parent / "osc-2017-03-07" / "reports" / "waste-contract-performance.docx"

TITLE = "Waste and street cleansing contract: performance update"
PINNED = datetime(2017, 2, 20, 9, 0, 0)

FRONT = [
    ("Committee", "Overview and Scrutiny Commission"),
    ("Date", "7 March 2017"),
    ("Wards", "All"),
    ("Lead officer", "Chris Lee, Director of Environment and Regeneration"),
    ("Lead member", "Cllr Ross Garrod, Cabinet Member for Street Cleanliness and Parking"),
    ("Contact officer", "Cathryn James, Assistant Director of Public Space"),
]

RECOMMENDATIONS = [
    "That the Commission notes the contractor's performance in the first three quarters "
    "of 2016/17.",
    "That the Commission comments on the improvement plan agreed with the contractor "
    "for missed collections and fly-tip removal.",
]

SERVICES = [  # (level, text): the contract's services, nested as Word nests lists
    (0, "household waste and recycling collections;"),
    (0, "street cleansing, including:"),
    (1, "litter picking and mechanical sweeping;"),
    (1, "removal of fly-tips and graffiti;"),
    (0, "winter gritting of the priority network."),
]

PLAN = [
    (0, "add two crews to the Monday and Tuesday rounds from March;"),
    (0, "report missed collections to the council daily, including:"),
    (1, "assisted collections, which are to be returned to the same day;"),
    (1, "streets missed twice or more in a quarter;"),
    (0, "clear reported fly-tips within 24 hours, seven days a week."),
]

KPIS = [  # KPI, target, Q1, Q2, Q3
    ("Missed bin collections per 100,000", "80", "142", "118", "96"),
    ("Streets below litter standard (%)", "9", "14", "12", "10"),
    ("Fly-tips removed within 24 hours (%)", "95", "81", "88", "92"),
    ("Household waste recycled (%)", "40", "37.2", "38.1", "38.9"),
    ("Assisted collections missed", "0", "31", "22", "14"),
    ("Complaints answered within 10 days (%)", "90", "84", "89", "93"),
    ("Graffiti removed within 5 days (%)", "90", "94", "95", "96"),
]

ALT_TEXT = ("Bar chart of missed bin collections per 100,000: 142 in quarter 1, 118 in "
            "quarter 2 and 96 in quarter 3, against a target of 80.")


def chart_png() -> bytes:
    """A small bar chart of missed collections, made here so nothing binary is kept."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(4.5, 2.4), dpi=100)
    ax.bar(["Q1", "Q2", "Q3"], [142, 118, 96], color="#1d3f6e")
    ax.axhline(80, color="#a00000", linestyle="--", linewidth=1, label="Target (80)")
    ax.set_ylabel("Missed per 100,000")
    ax.legend(frameon=False, fontsize=8)
    fig.tight_layout()
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", metadata={"Software": None})
    plt.close(fig)
    return buffer.getvalue()


def repeat_header(row) -> None:
    """Mark a table row as a header row repeated on every page (w:tblHeader)."""
    properties = row._tr.get_or_add_trPr()
    flag = OxmlElement("w:tblHeader")
    flag.set(qn("w:val"), "true")
    properties.append(flag)


def word_list(doc, levels: list[tuple[str, str]]) -> int:
    """A multi-level list as Word makes one for its list buttons: an abstract
    numbering with a (format, text) per level, and an instance of it; its id."""
    numbering = doc.part.numbering_part.element
    abstract_id = max((int(a.get(qn("w:abstractNumId")))
                       for a in numbering.findall(qn("w:abstractNum"))), default=-1) + 1
    lvls = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
        f'<w:pPr><w:ind w:left="{720 * (i + 1)}" w:hanging="360"/></w:pPr></w:lvl>'
        for i, (fmt, text) in enumerate(levels))
    abstract = parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">'
                         f'<w:multiLevelType w:val="hybridMultilevel"/>{lvls}</w:abstractNum>')
    numbering.find(qn("w:num")).addprevious(abstract)  # abstract numberings come first
    return numbering.add_num(abstract_id).numId


def number(paragraph, num_id: int, level: int = 0) -> None:
    """Put a paragraph in a list at a level, as Word does for a list item."""
    properties = paragraph._p.get_or_add_pPr()
    properties.get_or_add_numPr().get_or_add_ilvl().val = level
    properties.get_or_add_numPr().get_or_add_numId().val = num_id


def mixed(paragraph, *parts: tuple[str, str]) -> None:
    """Runs of text, each "" (plain), "b" (bold) or "i" (italic)."""
    for style, text in parts:
        run = paragraph.add_run(text)
        run.bold = style == "b"
        run.italic = style == "i"


def build() -> Document:
    doc = Document()
    props = doc.core_properties
    props.title = TITLE
    props.author = "Cathryn James"
    props.created = props.modified = PINNED
    props.last_modified_by = "Cathryn James"
    props.revision = 1
    props.language = "en-GB"

    doc.add_paragraph(TITLE, style="Title")
    for label, value in FRONT:
        mixed(doc.add_paragraph(), ("b", f"{label}: "), ("", value))

    doc.add_heading("Recommendations", level=1)
    for text in RECOMMENDATIONS:
        doc.add_paragraph(text, style="List Number")

    doc.add_heading("Purpose of report", level=1)
    mixed(doc.add_paragraph(),
          ("", "This report updates the Commission on the performance of the waste "
               "collection and street cleansing contract in its first year, as the "
               "Commission asked at its meeting on "), ("i", "8 November 2016"), ("", "."))

    doc.add_heading("Background", level=1)
    doc.add_paragraph(
        "The contract began on 3 April 2016 and runs for eight years, with an option to "
        "extend by a further eight. It covers:")
    bullets = word_list(doc, [("bullet", "\u2022"), ("bullet", "o")])
    for level, text in SERVICES:
        number(doc.add_paragraph(text, style="List Paragraph"), bullets, level)

    doc.add_heading("Performance", level=1)
    doc.add_heading("Key performance indicators", level=2)
    mixed(doc.add_paragraph(),
          ("", "The table shows each indicator against its target for the first three "
               "quarters. "), ("b", "Four of the seven indicators are improving"),
          ("", " but remain below target."))
    table = doc.add_table(rows=1, cols=5)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, ("KPI", "Target", "Q1", "Q2", "Q3"),
                          strict=True):
        cell.text = text
    repeat_header(table.rows[0])
    for values in KPIS:
        for cell, text in zip(table.add_row().cells, values, strict=True):
            cell.text = text

    doc.add_heading("Missed collections", level=2)
    doc.add_paragraph("Missed collections have fallen in each quarter since the new "
                      "rounds settled in.")
    doc.add_picture(io.BytesIO(chart_png()), width=Cm(12))
    doc.inline_shapes[-1]._inline.docPr.set("descr", ALT_TEXT)

    doc.add_heading("Improvement plan", level=1)
    doc.add_paragraph("The contractor has agreed to:")
    steps = word_list(doc, [("decimal", "%1."), ("lowerLetter", "(%2)")])
    for level, text in PLAN:
        number(doc.add_paragraph(text, style="List Paragraph"), steps, level)

    doc.add_heading("Financial implications", level=1)
    doc.add_paragraph("Deductions of £46,300 have been made under the contract's "
                      "performance mechanism in the first three quarters.")
    return doc


def pinned_zip(data: bytes) -> bytes:
    """The same package with every entry dated PINNED, so rebuilding changes nothing."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, PINNED.timetuple()[:6])
            entry.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(entry, source.read(info.filename))
    return out.getvalue()


def main() -> None:
    buffer = io.BytesIO()
    build().save(buffer)
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    TARGET.write_bytes(pinned_zip(buffer.getvalue()))
    print(os.path.relpath(TARGET, Path.cwd()), file=sys.stdout)


if __name__ == "__main__":
    main()
