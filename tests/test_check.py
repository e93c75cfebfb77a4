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


@pytest.mark.parametrize("kind", ["executive-response", "scope", "cabinet", "monitoring"])
def test_new_item_reads_back_without_error(tmp_path, kind):
    path = tmp_path / f"{kind}.xlsx"
    assert run("new", "item", path, "--type", kind).exit_code == 0
    result = run("check", path)
    assert result.exit_code == 0, result.output
    wb = load_workbook(path)
    assert {"Report", "Recommendations", "Actions", "Sections", "Instructions"} <= set(
        wb.sheetnames)
    assert wb["Report"]["B2"].value == kind
    assert wb["Recommendations"].freeze_panes == "A2"
    validations = wb["Recommendations"].data_validations.dataValidation
    lists = {str(v.sqref): v.formula1 for v in validations}
    assert lists["C2:C1000"] == '"Accepted,Partially accepted,Not accepted,Noted"'
    assert lists["H2:H1000"] == '"Red,Amber,Green"'
    assert "Implemented" in lists["G2:G1000"]
    report_lists = [v.formula1 for v in wb["Report"].data_validations.dataValidation]
    assert '"Yes,No"' in report_lists and any("executive-response" in f for f in report_lists)
    assert wb["Recommendations"].column_dimensions["B"].width >= 40
    if kind == "scope":
        assert wb["Scope"]["A21"].value == "Reporting arrangements"


def test_new_meeting_reads_back_and_builds_nothing_by_mistake(tmp_path):
    path = tmp_path / "meeting.xlsx"
    assert run("new", "meeting", path).exit_code == 0
    result = run("check", path)
    # a blank meeting names what is missing, and never builds a near-empty pack
    assert result.exit_code == 1
    assert "meeting.xlsx: Meeting!B3: the Committee is empty" in result.output
    assert "meeting.xlsx: Meeting!B4: the Date is empty" in result.output
    wb = load_workbook(path)
    assert [c.value for c in wb["Agenda"][1]][:3] == ["Item", "Title", "Report"]


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
