"""A corpus of awkward, broken and hostile item workbooks, made on the fly.

Each case is a function writing a workbook into a folder and returning its
path, with the outcome `reportgen build` must give: the exit status, the
text the message must hold (sheet and cell), and for workbooks that build,
the literal text every output format must show.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from openpyxl import load_workbook

from .conftest import MERTON, make_workbook, minimal_item


@dataclass
class Case:
    name: str
    make: object  # (folder: Path) -> Path
    exit_code: int
    message: tuple[str, ...] = ()  # substrings of the output
    literal: tuple[str, ...] = ()  # text every output format must show
    absent: tuple[str, ...] = ()  # text no output format may show
    check_warnings: tuple[str, ...] = ()  # substrings `reportgen check` must print
    formats: str = "pdf,docx,html"


def item(folder: Path, name: str = "item.xlsx", **sheets) -> Path:
    return make_workbook(folder / name, minimal_item(**sheets))


def edit(path: Path, change) -> Path:
    wb = load_workbook(path)
    change(wb)
    wb.save(path)
    return path


def replace_part(path: Path, part: str, transform) -> Path:
    data = io.BytesIO(path.read_bytes())
    out = io.BytesIO()
    with zipfile.ZipFile(data) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            blob = source.read(info.filename)
            target.writestr(info, transform(blob) if info.filename == part else blob)
    path.write_bytes(out.getvalue())
    return path


REC_HEADER = ["Ref", "Recommendation", "Executive response", "Timeline", "Lead officer"]


# -- awkward but valid ----------------------------------------------------------
def odd_names(folder):
    return make_workbook(folder / "item.xlsx", {
        "REPORT": [["FIELD", "VALUE"], ["report TYPE", "Executive Response"],
                   ["Subject", "Odd names"]],
        "Recommendation(s)": [["NO.", "Recommendation(s)", "Cabinet Response", "DEADLINE",
                               "owner"], [1, "Rec typed oddly.", "Fine.", "May", "Jo Bloggs"]],
        "sections": [["SECTION", "text"], ["purpose", "Odd casing works."]]})


def title_rows_and_merged_cells(folder):
    path = make_workbook(folder / "item.xlsx", minimal_item(Recommendations=[
        ["Tracker of recommendations"], ["Prepared by scrutiny"], [],
        REC_HEADER, [1, "Below the titles.", "Yes.", "June", "Ann"]]))
    return edit(path, lambda wb: wb["Recommendations"].merge_cells("A1:E1"))


def dates_and_times(folder):
    sheets = minimal_item(Recommendations=[REC_HEADER, [1, "Dated.", "Yes.", date(2017, 6, 30),
                                                        "Ann"]])
    sheets["Report"][3] = ["Meeting date", datetime(2017, 3, 7, 19, 15)]
    return make_workbook(folder / "item.xlsx", sheets)


def written_date(folder):
    sheets = minimal_item()
    sheets["Report"][3] = ["Meeting date", "Tuesday 7th March 2017"]
    return make_workbook(folder / "item.xlsx", sheets)


def refs_as_numbers(folder):
    return item(folder, Recommendations=[REC_HEADER, [1.0, "First.", "", "", ""],
                                         [2.0, "Second.", "Done.", "July", "Bo"]],
                Actions=[["Ref", "Action", "Timeline", "Lead officer"],
                         [1, "Numbered action.", "June", "Cy"]])


def extra_columns_and_sheets(folder):
    path = item(folder, Recommendations=[REC_HEADER + ["Budget"],
                                         [1, "Costed.", "Yes.", "June", "Ann", "£12,000"]])
    return edit(path, lambda wb: wb.create_sheet("Officer notes").append(["ignore me"]))


def hidden_and_empty_rows(folder):
    path = item(folder, Recommendations=[REC_HEADER, [1, "Visible.", "Yes.", "June", "Ann"],
                                         [None] * 5, [None] * 5,
                                         [2, "Hidden row text.", "Yes.", "July", "Bo"]])
    return edit(path, lambda wb: setattr(wb["Recommendations"].row_dimensions[5],
                                         "hidden", True))


def line_breaks(folder):
    return item(folder, Recommendations=[REC_HEADER, [1, "Line one\nLine two", "Yes.",
                                                      "June", "Ann\nBo"]])


def escapes_and_control_characters(folder):
    """Excel stores control characters as _xHHHH_ escapes; openpyxl will not write them."""
    path = item(folder, Recommendations=[REC_HEADER, [1, "Alpha-MARK-Gamma", "Yes.", "June",
                                                      "Ann"]])
    return replace_part(path, "xl/worksheets/sheet2.xml",  # openpyxl writes inline strings
                        lambda blob: blob.replace(b"-MARK-", b"_x000B_Beta_x0001__x001F_"))


def very_long_cell(folder):
    text = "Long words here. " * 1200 + "ENDOFTHELONGCELL"
    return item(folder, Recommendations=[REC_HEADER, [1, text, "Yes.", "June", "Ann"]])


def hundreds_of_recommendations(folder):
    rows = [[n, f"Recommendation number {n} text.", f"Response {n}.", "June", "Ann"]
            for n in range(1, 301)]
    return item(folder, Recommendations=[REC_HEADER, *rows])


def sections_folder(folder):
    (folder / "sections").mkdir()
    (folder / "sections" / "background.md").write_text(
        "Narrative from a Markdown file.\n\n- a bullet from the file\n", encoding="utf-8")
    return item(folder)


# -- broken ---------------------------------------------------------------------
def not_a_workbook(folder):
    path = folder / "item.xlsx"
    path.write_text("Ref,Recommendation\n1,CSV saved with the wrong name\n")
    return path


def empty_file(folder):
    path = folder / "item.xlsx"
    path.write_bytes(b"")
    return path


def corrupted(folder):
    path = item(folder)
    data = bytearray(path.read_bytes())
    data[2000:2007] = b"garbage"  # inside a compressed sheet: the zip index is intact
    path.write_bytes(bytes(data))
    return path


def truncated(folder):
    path = item(folder)
    path.write_bytes(path.read_bytes()[:3000])
    return path


def legacy_xls(folder):
    path = folder / "item.xlsx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600 + b"Workbook")
    return path


def password_protected(folder):
    path = folder / "item.xlsx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600
                     + "EncryptedPackage".encode("utf-16-le") + b"\0" * 64)
    return path


def formula_without_value(folder):
    return item(folder, Recommendations=[REC_HEADER, [1, "Computed.", "Yes.", "=TODAY()+30",
                                                      "Ann"]])


def entity_bomb(folder):
    path = item(folder)
    bomb = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
            b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
            b'<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>')
    return replace_part(path, "xl/worksheets/sheet1.xml",
                        lambda blob: bomb + (blob.split(b"?>", 1)[1] if b"?>" in blob else blob))


def missing_report_sheet(folder):
    return item(folder, Report=None)


def missing_recommendation_column(folder):
    return item(folder, Recommendations=[["Ref", "Response"], [1, "x"]])


def duplicate_refs(folder):
    return item(folder, Recommendations=[REC_HEADER, ["R1", "a", "", "", ""],
                                         ["R1", "b", "", "", ""]])


def orphan_action(folder):
    return item(folder, Actions=[["Ref", "Action"], [7, "For nobody."]])


def unknown_section(folder):
    return item(folder, Sections=[["Section", "Text"], ["Purpose", "ok"],
                                  ["Lessons learnt", "x"]])


def unknown_report_type(folder):
    sheets = minimal_item()
    sheets["Report"][1] = ["Report type", "annual report"]
    return make_workbook(folder / "item.xlsx", sheets)


def bad_meeting_date(folder):
    sheets = minimal_item()
    sheets["Report"][3] = ["Meeting date", "the Tuesday after next"]
    return make_workbook(folder / "item.xlsx", sheets)


def bad_key_decision(folder):
    sheets = minimal_item()
    sheets["Report"].append(["Key decision", "Probably"])
    return make_workbook(folder / "item.xlsx", sheets)


def bad_exempt(folder):
    sheets = minimal_item()
    sheets["Report"].append(["Exempt", "Secret"])
    return make_workbook(folder / "item.xlsx", sheets)


# -- hostile --------------------------------------------------------------------
TEMPLATE_TEXT = "{{ 7 * 7 }} {% for x in range(3) %}loop{% endfor %} {# note #}"
HTML_TEXT = "<script>alert('x')</script> <b>not bold</b> &amp; <!-- c -->"
FETCH_TEXT = '<img src="file:///etc/hostname"> <link rel="stylesheet" href="http://127.0.0.1:9/x.css">'


def template_syntax(folder):
    sheets = minimal_item(Recommendations=[REC_HEADER, [1, TEMPLATE_TEXT, "Yes.", "June", "A"]],
                          Sections=[["Section", "Text"], ["Purpose", TEMPLATE_TEXT]])
    sheets["Report"][4] = ["Title", "Title {{ config }}"]
    return make_workbook(folder / "item.xlsx", sheets)


def html_and_script(folder):
    return item(folder, Recommendations=[REC_HEADER, [1, HTML_TEXT, "Yes.", "June", "A"]],
                Sections=[["Section", "Text"], ["Purpose", HTML_TEXT]])


def urls_and_files(folder):
    text = FETCH_TEXT + " ![pic](file:///etc/passwd) see http://127.0.0.1:9/page"
    return item(folder, Recommendations=[REC_HEADER, [1, FETCH_TEXT, "Yes.", "June", "A"]],
                Sections=[["Section", "Text"], ["Purpose", text]])


TYPED_AS_IS = ("{{ ''.__class__ }} stays with its underscores; &amp; stays &amp; too.\n\n"
               "[1]: https://www.legislation.gov.uk/ukpga/1972/70/schedule/12A\n\n"
               + "\n".join("  " * depth + f"- level{depth + 1} word" for depth in range(10))
               + "\n\n# one hash, *star* and_under_scores, a\\backslash, <b>tag</b>")


def section_text_as_typed(folder):
    return item(folder, Sections=[["Section", "Text"], ["Purpose", TYPED_AS_IS]])


def merton_copy(folder):
    target = folder / "item.xlsx"
    target.write_bytes(MERTON.read_bytes())
    return target


CASES = [
    Case("odd sheet and header names", odd_names, 0, literal=("Rec typed oddly.", "Jo Bloggs")),
    Case("title rows and merged cells", title_rows_and_merged_cells, 0,
         literal=("Below the titles.",)),
    Case("date and time cells", dates_and_times, 0, literal=("30 June 2017", "7 March 2017")),
    Case("written meeting date", written_date, 0, literal=("7 March 2017",)),
    Case("refs typed as numbers", refs_as_numbers, 0,
         literal=("Recommendation 1", "Numbered action.", "Recommendation 2")),
    Case("extra columns and sheets", extra_columns_and_sheets, 0,
         literal=("Budget", "£12,000")),
    Case("hidden and empty rows", hidden_and_empty_rows, 0, literal=("Visible.",),
         absent=("Hidden row text.",),
         check_warnings=("Recommendations!A5: warning: row 5 is hidden in Excel: left out "
                         "of the report",)),
    Case("line breaks in cells", line_breaks, 0, literal=("Line one", "Line two")),
    Case("_x000B_ escapes and control characters", escapes_and_control_characters, 0,
         literal=("Alpha", "BetaGamma")),
    Case("very long cell", very_long_cell, 0, literal=("ENDOFTHELONGCELL",)),
    Case("hundreds of recommendations", hundreds_of_recommendations, 0,
         literal=("Recommendation number 300 text.",), formats="docx,html"),
    Case("sections from Markdown files", sections_folder, 0,
         literal=("Narrative from a Markdown file.", "a bullet from the file")),
    Case("section text shows as typed", section_text_as_typed, 0, literal=(
        "{{ ''.__class__ }} stays with its underscores; &amp; stays &amp; too.",
        "[1]: https://www.legislation.gov.uk/ukpga/1972/70/schedule/12A",
        *(f"level{n} word" for n in range(1, 11)),
        "# one hash, star and_under_scores, a\\backslash, <b>tag</b>")),
    Case("the Merton example", merton_copy, 0, literal=("Chair, Merton Improvement Board",)),
    Case("not a workbook", not_a_workbook, 1, ("item.xlsx: not an .xlsx workbook",)),
    Case("empty file", empty_file, 1, ("item.xlsx: the file is empty",)),
    Case("truncated file", truncated, 1, ("item.xlsx: the workbook is truncated or damaged",)),
    Case("corrupted inside", corrupted, 1, ("item.xlsx: the workbook is damaged",)),
    Case("legacy .xls", legacy_xls, 1, ("legacy .xls workbook", "save it as .xlsx")),
    Case("password-protected", password_protected, 1, ("password-protected",)),
    Case("formula with no saved value", formula_without_value, 1,
         ("item.xlsx: Recommendations!D2: formula with no saved value", "save it")),
    Case("XML entity bomb", entity_bomb, 1, ("forbidden XML",)),
    Case("no Report sheet", missing_report_sheet, 1, ("item.xlsx: no Report sheet",)),
    Case("no Recommendation column", missing_recommendation_column, 1,
         ("item.xlsx: Recommendations!A1: no Recommendation column",)),
    Case("duplicate refs", duplicate_refs, 1, ("Recommendations!A3: duplicate Ref 'R1'",)),
    Case("action for a missing recommendation", orphan_action, 1,
         ("Actions!A2: Ref '7' matches no recommendation: expected one of 1",)),
    Case("unknown section", unknown_section, 1,
         ("Sections!A3: unknown section 'Lessons learnt'", "Purpose of report;")),
    Case("unknown report type", unknown_report_type, 1,
         ("Report!B2: unknown Report type 'annual-report'", "executive-response")),
    Case("unreadable meeting date", bad_meeting_date, 1,
         ("Report!B4: Meeting date 'the Tuesday after next' is not a date",)),
    Case("key decision neither yes nor no", bad_key_decision, 1,
         ("Report!B6: Key decision 'Probably': expected Yes or No",)),
    Case("exempt without a paragraph", bad_exempt, 1,
         ("Report!B6: Exempt 'Secret': expected No, or the paragraph of Schedule 12A",)),
    Case("template syntax in cells", template_syntax, 0,
         literal=("{{ 7 * 7 }} {% for x in range(3) %}loop{% endfor %} {# note #}",
                  "Title {{ config }}")),
    Case("HTML and script in cells", html_and_script, 0,
         literal=("<script>alert('x')</script> <b>not bold</b> &amp;",)),
    Case("file and network URLs in cells", urls_and_files, 0,
         literal=('<img src="file:///etc/hostname">', "http://127.0.0.1:9/page")),
]
