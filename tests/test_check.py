"""`reportgen check` and `reportgen new`, and the publication deadline."""

from datetime import date

import pytest
from openpyxl import load_workbook

from reportgen.cycle.deadlines import publication_deadline

from .conftest import INPUTS, MEETING, MERTON, make_workbook, minimal_item, run


@pytest.mark.parametrize("meeting, deadline", [
    (date(2017, 3, 7), date(2017, 2, 27)),    # Tuesday: the Monday of the week before
    (date(2026, 12, 29), date(2026, 12, 17)),  # Christmas and Boxing Day bank holidays
    (date(2026, 4, 9), date(2026, 3, 30)),   # Good Friday and Easter Monday
    (date(2026, 12, 7), date(2026, 11, 27)),  # a Monday meeting: the Friday 10 days before
])
def test_five_clear_working_days(meeting, deadline):
    assert publication_deadline(meeting) == deadline


def test_check_on_the_examples_states_the_deadline_and_warns(tmp_path):
    before = sorted(p.name for p in INPUTS.rglob("*"))
    result = run("check", INPUTS)
    assert result.exit_code == 0, result.output
    out = result.output
    assert ("osc-2017-03-07.xlsx: publish the agenda and reports by Monday 27 February 2017 "
            "(five clear working days before the meeting on Tuesday 7 March 2017)") in out
    assert "osc-2017-03-07.xlsx: Meeting!B4: warning: the publication deadline" in out
    assert "shared-services-scope.xlsx: Scope!B22: warning: unfilled placeholder " \
           "'[insert month]'" in out
    assert "shared-services-scope.xlsx: Report!B4: warning: the report is dated for a " \
           "meeting on Monday 16 September 2019" in out
    assert "recommendations-tracker.xlsx: Recommendations!F11: warning: status 'Ongoing'" in out
    assert "shared-it-contract-award.xlsx: Sections: warning: the standard section " \
           "'Reasons for the recommendations' is empty" in out
    assert "cabinet-business-case-principles.xlsx: Sections: warning: the section " \
           "'Risk management and health and safety implications' is required" in out
    assert ("recommendations-tracker.xlsx: Recommendations!D5: warning: recommendation "
            "SR (16/17) 02's timeline (Friday 30 June 2017) has passed since the meeting") in out
    assert out.rstrip().endswith("0 errors, 33 warnings")
    assert "waste-fleet.xlsx: Report!B11: warning: key decision FP/2017/027 was first" in out
    assert out.count("shared-services-executive-response.xlsx: Recommendations!D6") == 1
    assert sorted(p.name for p in INPUTS.rglob("*")) == before  # wrote nothing


def test_check_warns_what_a_clerk_wants_caught(tmp_path):
    sheets = minimal_item(Recommendations=[
        ["Ref", "Recommendation", "Executive response", "Timeline", "Lead officer", "Status"],
        [1, "No lead.", "Yes.", "June", None, "In progress"],
        [2, "No timeline, XX.", "Yes.", None, "Ann", "Paused"],
        [3, "Late.", "Yes.", "1 January 2020", "Bo", "In progress"]])
    sheets["Report"] += [["Key decision", "Yes"]]
    path = make_workbook(tmp_path / "item.xlsx", sheets)
    out = run("check", path).output
    assert "item.xlsx: Recommendations!E2: warning: recommendation 1 has no lead officer" in out
    assert "item.xlsx: Recommendations!D3: warning: recommendation 2 has no timeline" in out
    assert "item.xlsx: Recommendations!B3: warning: unfilled placeholder 'XX'" in out
    assert ("item.xlsx: Recommendations!D4: warning: recommendation 3's timeline "
            "(Wednesday 1 January 2020) has passed") in out
    assert "item.xlsx: Recommendations!F3: warning: status 'Paused'" in out
    assert "item.xlsx: Report!B6: warning: a key decision needs a Forward plan reference" in out
    assert "Sections: warning: the standard section 'Background' is empty" in out


def test_check_lists_errors_first_and_every_one(tmp_path):
    path = make_workbook(tmp_path / "item.xlsx", minimal_item(
        Recommendations=[["Ref", "Recomendation"], [1, "x TBC"]],
        Sections=[["Section", "Text"], ["Backgrund", "x"]]))
    result = run("check", path)
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert lines[0].startswith("item.xlsx: Recommendations!A1: no Recommendation column "
                               "(did you mean 'Recomendation'?)")
    assert lines[1].startswith("item.xlsx: Sections!A2: unknown section 'Backgrund' "
                               "(did you mean 'Background'?)")
    assert "warning" in lines[2] and lines[-1] == "2 errors, 1 warning"


SHEETS_OF_KIND = {
    "executive-response": {"Report", "Recommendations", "Actions", "Sections"},
    "cabinet": {"Report", "Recommendations", "Actions", "Sections"},
    "monitoring": {"Report", "Recommendations", "Sections"},
    "scope": {"Report", "Sections", "Scope"},
}


@pytest.mark.parametrize("kind", sorted(SHEETS_OF_KIND))
def test_new_item_has_only_what_its_kind_uses_and_reads_back(tmp_path, kind):
    from reportgen import contract

    path = tmp_path / f"{kind}.xlsx"
    assert run("new", "item", path, "--type", kind).exit_code == 0
    result = run("check", path)
    assert result.exit_code == 0, result.output
    wb = load_workbook(path)
    assert set(wb.sheetnames) - {"Instructions", "Lists"} == SHEETS_OF_KIND[kind]
    assert wb["Report"]["B2"].value == kind
    labels = [c.value for c in wb["Report"]["A"]][1:]
    assert ("Key decision" in labels) == (kind == "cabinet")
    if "Recommendations" in wb.sheetnames:
        header = [c.value for c in wb["Recommendations"][1]]
        assert header == [e.label for e in contract.RECOMMENDATIONS.for_kind(kind)]
        assert ("RAG" in header) == (kind == "monitoring")
        assert wb["Recommendations"].freeze_panes == "A2"
        lists = [v.formula1 for v in wb["Recommendations"].data_validations.dataValidation]
        assert '"Accepted,Partially accepted,Not accepted,Noted"' in lists
        assert not any("Overdue" in f for f in lists)
    sections = [c.value for c in wb["Sections"]["A"]][1:]
    from reportgen.compose.templates import TemplateSet
    assert sections == [s.name for s in TemplateSet().kind(kind).sections]
    assert wb["Sections"].data_validations.dataValidation  # the kind's section names
    if kind == "scope":
        assert wb["Scope"]["A21"].value == "Reporting arrangements"


@pytest.mark.parametrize("kind", sorted(SHEETS_OF_KIND))
def test_new_item_filled_in_every_column_builds(tmp_path, kind):
    """A workbook filled in every column `new` offers builds, and every word of it is
    inside the PDF's page box."""
    import pdfplumber

    path = tmp_path / f"{kind}.xlsx"
    assert run("new", "item", path, "--type", kind).exit_code == 0
    wb = load_workbook(path)
    wb["Report"]["B6"] = "A report filled in everywhere"
    for name in ("Recommendations", "Actions"):
        if name in wb.sheetnames:
            ws = wb[name]
            for column, cell in enumerate(ws[1], start=1):
                ws.cell(row=2, column=column, value="1" if cell.value == "Ref" else
                        "31 December 2026" if "date" in cell.value.lower()
                        or cell.value in ("Timeline", "Updated") else
                        "Accepted" if cell.value == "Decision" else
                        "Amber" if cell.value == "RAG" else f"Typed {cell.value} text")
    wb["Sections"]["B2"] = "Typed purpose."
    wb.save(path)
    out = tmp_path / "out"
    result = run("build", path, "-o", out)
    assert result.exit_code == 0, result.output
    with pdfplumber.open(out / f"{kind}.pdf") as pdf:
        for page in pdf.pages:
            for word in page.extract_words():
                assert word["x1"] <= page.width and word["x0"] >= 0, word


def test_new_meeting_reads_back_and_builds_nothing_by_mistake(tmp_path):
    path = tmp_path / "meeting.xlsx"
    assert run("new", "meeting", path).exit_code == 0
    result = run("check", path)
    # a blank meeting names what is missing, and never builds a near-empty pack
    assert result.exit_code == 1
    assert "meeting.xlsx: Meeting!B3: the Committee is empty" in result.output
    assert "meeting.xlsx: Meeting!B4: the Date is empty" in result.output
    wb = load_workbook(path)
    from reportgen import contract
    assert [c.value for c in wb["Agenda"][1]] == [e.label for e in contract.AGENDA.entries]
    assert [r[2].value for r in wb["Agenda"].iter_rows(min_row=2)] == [
        "Apologies for absence", "Declarations of interest", "Minutes of the previous meeting"]


def test_new_refuses_to_overwrite_and_unknown_types(tmp_path):
    path = tmp_path / "a.xlsx"
    path.write_bytes(MERTON.read_bytes())
    assert run("new", "item", path).exit_code == 2
    assert path.read_bytes() == MERTON.read_bytes()
    assert run("new", "item", tmp_path / "b.xlsx", "--type", "haiku").exit_code == 2
    assert run("new", "item", tmp_path / "c.txt").exit_code == 2


def test_check_meeting_reports_missing_files(tmp_path):
    meeting = make_workbook(tmp_path / "m.xlsx", {
        "Meeting": [["Field", "Value"], ["Date", "7 March 2017"]],
        "Agenda": [["Item", "Title", "Report"], [1, "Gone", "missing.xlsx"]]})
    result = run("check", meeting, MEETING)
    assert result.exit_code == 1
    assert "m.xlsx: Agenda!C2: report 'missing.xlsx' not found" in result.output


def test_check_and_the_report_agree_on_overdue_for_a_past_meeting(tmp_path):
    """Both judge against the meeting's date; check adds a line for timelines passed since."""
    import lxml.html

    header = ["Ref", "Recommendation", "Timeline", "Status", "RAG"]
    sheets = minimal_item(Recommendations=[
        header, ["R1", "Before the meeting.", "31 January 2017", "In progress", "Red"],
        ["R2", "After the meeting.", "31/12/2017", "In progress", "Amber"]])
    sheets["Report"][1] = ["Report type", "monitoring"]
    path = make_workbook(tmp_path / "tracker.xlsx", sheets)
    out = run("check", path).output
    assert "Recommendations!C2: warning: recommendation R1's timeline (Tuesday 31 January " \
           "2017) has passed and its status is In progress" in out
    assert "recommendation R2's timeline (Sunday 31 December 2017) has passed since the " \
           "meeting" in out
    assert run("build", path, "-o", tmp_path / "out", "--format", "html").exit_code == 0
    page = lxml.html.parse(str(tmp_path / "out" / "tracker.html")).getroot()
    rows = {r.xpath("string(td[1])").strip(): r.text_content() for r in
            page.xpath("//table[contains(@class, 'tracker')]//tbody/tr")}
    assert "Overdue" in rows["R1"] and "Overdue" not in rows["R2"]
    assert "31 December 2017" in rows["R2"]  # typed as 31/12/2017, shown as a date cell


def test_a_character_no_font_can_show_is_named_by_cell(tmp_path):
    """Welsh, Greek, Cyrillic and Hebrew are shown; a code point no installed font has
    (here one of the private-use plane, which no font ships) is named, by cell."""
    sheets = minimal_item(Recommendations=[
        ["Ref", "Recommendation", "Executive response", "Timeline", "Lead officer"],
        [1, "Cymraeg ŵ ŷ, Ελληνικά, Русский, עברית", "Yes.", "June", "Ann"],
        [2, "A lost glyph \U000F0001 here.", "Yes.", "June", "Bo"]])
    path = make_workbook(tmp_path / "item.xlsx", sheets)
    out = run("check", path).output
    assert "item.xlsx: Recommendations!B3: warning: no installed font can show U+F0001" in out
    assert "Recommendations!B2: warning: no installed font" not in out


def test_check_reads_word_reports_and_warns_a_small_house_font(tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph("No headings at all.")
    document.save(tmp_path / "report.docx")
    (tmp_path / "reportgen.toml").write_text('font_size = "10.5pt"\n', encoding="utf-8")
    result = run("check", tmp_path / "report.docx", "--config", tmp_path / "reportgen.toml")
    assert "report.docx" in result.output and "heading" in result.output
    assert "reportgen.toml: warning: font_size 10.5pt is below 12 pt" in result.output


def test_check_on_a_folder_with_no_workbooks_says_so(tmp_path):
    result = run("check", tmp_path)
    assert result.exit_code == 1 and "no workbooks here" in result.output
