"""The democratic cycle: day counting, forward plan and 28-day notices, records of
decisions with call-in, tracker write-back, responses due, the public index."""

import io
import re
import shutil
import zipfile
from datetime import date

import pytest
from openpyxl import load_workbook

from reportgen.cycle.days import add_months, add_working_days, clear_days_between
from reportgen.cycle.decisions import call_in_dates
from reportgen.cycle.responses import tracker_warnings
from reportgen.errors import InputError
from reportgen.house import CycleSettings
from reportgen.readers.item import read_item

from .conftest import INPUTS, make_workbook, minimal_item, pdf_pages_text, run

CABINET = INPUTS / "cabinet-2017-03-21"
SECRET = "184,000"  # the exempt item's decision and report: never in a public file
OSC_SECRET = "87.5"  # the OSC meeting's exempt report


# --- counting days ------------------------------------------------------------------------
@pytest.mark.parametrize("start, count, expected", [
    (date(2017, 3, 17), 1, date(2017, 3, 20)),     # Friday -> Monday, over the weekend
    (date(2017, 3, 22), 5, date(2017, 3, 29)),     # the example's call-in period
    (date(2021, 12, 24), 5, date(2022, 1, 5)),     # Christmas and Boxing Day on a weekend:
                                                   # substitute days 27, 28 Dec and 3 Jan
    (date(2017, 4, 13), 5, date(2017, 4, 24)),     # Good Friday and Easter Monday
    (date(2017, 8, 25), 1, date(2017, 8, 29)),     # the August bank holiday
    (date(2017, 3, 21), -6, date(2017, 3, 13)),    # backwards: the publication deadline
])
def test_working_days_leave_out_weekends_and_bank_holidays(start, count, expected):
    assert add_working_days(start, count) == expected


def test_clear_days_and_months():
    assert clear_days_between(date(2017, 3, 10), date(2017, 3, 21)) == 10
    assert clear_days_between(date(2017, 3, 20), date(2017, 3, 21)) == 0
    assert add_months(date(2017, 1, 23), 2) == date(2017, 3, 23)
    assert add_months(date(2016, 12, 31), 2) == date(2017, 2, 28)
    assert add_months(date(2019, 12, 31), 2) == date(2020, 2, 29)


@pytest.mark.parametrize("published, days, ends, in_force", [
    (date(2017, 3, 22), 5, date(2017, 3, 29), date(2017, 3, 30)),
    (date(2017, 4, 13), 5, date(2017, 4, 24), date(2017, 4, 25)),    # over Easter
    (date(2021, 12, 23), 3, date(2021, 12, 30), date(2021, 12, 31)),  # over Christmas
])
def test_call_in_period_ends_working_days_after_publication(published, days, ends, in_force):
    assert call_in_dates(published, CycleSettings(call_in_working_days=days)) == (ends,
                                                                                  in_force)


# --- the forward plan and the 28 clear days ------------------------------------------------
def key_decision_meeting(folder, first_published):
    make_workbook(folder / "forward-plan.xlsx", {"Forward plan": [
        ["Ref", "Matter", "Decision maker", "Decision date", "First published"],
        ["FP/1", "Library hours", "Cabinet", "21 March 2017", first_published]]})
    for name, ref in (("item", "FP/1"), ("unplanned", "FP/2")):
        make_workbook(folder / f"{name}.xlsx", minimal_item(Report=[
            ["Field", "Value"], ["Report type", "cabinet"], ["Committee", "Cabinet"],
            ["Meeting date", "21 March 2017"], ["Title", f"Decision {ref}"],
            ["Key decision", "Yes"], ["Forward plan reference", ref]], Recommendations=None))
    return make_workbook(folder / "cabinet.xlsx", {
        "Meeting": [["Field", "Value"], ["Committee", "Cabinet"], ["Date", "21 March 2017"]],
        "Agenda": [["Item", "Title", "Report"], [1, "Decision FP/1", "item.xlsx"],
                   [2, "Decision FP/2", "unplanned.xlsx"]]})


@pytest.mark.parametrize("first_published, clear, warned", [
    ("20 February 2017", 28, False), ("21 February 2017", 27, True)])
def test_28_clear_days_notice(tmp_path, first_published, clear, warned):
    out = run("check", key_decision_meeting(tmp_path, first_published)).output
    late = [line for line in out.splitlines() if "key decision FP/1" in line]
    assert bool(late) == warned, out
    if warned:
        assert late[0].startswith("item.xlsx: Report!B7: warning: key decision FP/1 was first "
                                  f"published in the forward plan on Tuesday 21 February 2017, "
                                  f"{clear} clear days before the meeting")
        assert "general exception (regulation 10" in late[0]
        assert "special urgency (regulation 11" in late[0]
    assert ("unplanned.xlsx: Report!B7: warning: key decision FP/2 is in no forward plan "
            "workbook's Forward plan sheet") in out


def test_the_example_warns_about_the_late_key_decision_only():
    out = run("check", CABINET).output
    assert [line.split(":")[0] for line in out.splitlines() if "key decision FP" in line] \
        == ["waste-fleet.xlsx"]
    assert "10 clear days before the meeting on Tuesday 21 March 2017" in out
    assert "0 errors" in out


@pytest.fixture(scope="module")
def notice(tmp_path_factory):
    out = tmp_path_factory.mktemp("notice")
    result = run("forward-plan", INPUTS, "-o", out, "--from", "2017-03-01")
    assert result.exit_code == 0, result.output
    return out


def test_notice_lists_the_period_and_the_item_wording_wins(notice):
    text = " ".join(" ".join(pdf_pages_text(notice / "forward-plan.pdf")).split())
    assert "Notice of key decisions" in text
    assert "Wednesday 1 March 2017 to Friday 30 June 2017" in text
    for ref in ("FP/2017/014", "FP/2017/027", "FP/2017/031", "FP/2017/033"):
        assert ref in text
    assert "FP/2016/052" not in text  # decided in January, before the period
    assert "Alternative delivery models: guiding principles for business cases" in text
    assert "Guiding principles for alternative delivery model business cases" not in text
    assert "First published: Friday 13 January 2017" in text
    assert re.search(r"Disposal of the former Hill Road depot site.*To be taken in private.*"
                     r"paragraph 3 of Part 1 of Schedule 12A", text)
    assert "Bidder B" not in text and OSC_SECRET not in text
    from docx import Document
    words = " ".join(p.text for p in Document(notice / "forward-plan.docx").paragraphs)
    assert "FP/2017/031: Disposal of the former Hill Road depot site" in words
    assert "<h1>Notice of key decisions</h1>" in (notice / "forward-plan.html").read_text()


def test_bad_forward_plan_cells_are_named(tmp_path):
    make_workbook(tmp_path / "fp.xlsx", {"Forward plan": [
        ["Ref", "Matter", "Decision date", "First published", "Exempt paragraph"],
        ["FP/1", "One", "soon", "last week", "Yes"], ["FP/1", "Two", None, None, None]]})
    out = run("forward-plan", tmp_path, "-o", tmp_path / "out").output
    assert "fp.xlsx: Forward plan!C2: Decision date 'soon' is not a date" in out
    assert "fp.xlsx: Forward plan!D2: First published 'last week' is not a date" in out
    assert "fp.xlsx: Forward plan!E2: Exempt paragraph 'Yes': expected empty, No, or" in out
    assert "fp.xlsx: Forward plan!A3: forward plan reference 'FP/1' is also used by" in out
    assert not (tmp_path / "out").exists()


def test_a_forward_plan_in_any_workbook_format_is_read(tmp_path):
    """An OpenDocument forward plan is found by `forward-plan` and beside a meeting,
    as `check` and `pack` find any workbook (it once looked at .xlsx files only)."""
    from reportgen.cycle.forward_plan import forward_plans_near

    from .hostile import ods_item

    ods_item(tmp_path, {"Forward plan": [
        ["Ref", "Matter", "Decision date", "First published"],
        ["FP/9", "Library hours", "soon", "1 March 2017"]]})
    out = run("forward-plan", tmp_path, "-o", tmp_path / "out").output
    assert "item.ods: Forward plan!C2: Decision date 'soon' is not a date" in out
    with pytest.raises(InputError, match="Decision date 'soon' is not a date"):
        forward_plans_near(tmp_path / "meeting.xlsx")


# --- the record of decisions and the tracker write-back ----------------------------------
@pytest.fixture
def cabinet(tmp_path):
    shutil.copytree(CABINET, tmp_path / "in")
    return tmp_path / "in" / "cabinet-2017-03-21.xlsx"


def words_of(path) -> str:
    if path.suffix == ".pdf":
        return " ".join(" ".join(pdf_pages_text(path)).split())
    from docx import Document
    return " ".join(p.text for p in Document(path).paragraphs)


def test_record_of_decisions_public_and_exempt(cabinet, tmp_path):
    result = run("decisions", cabinet, "-o", tmp_path / "out" / "cab", "--no-write-back")
    assert result.exit_code == 0, result.output
    public, exempt = tmp_path / "out" / "cab", tmp_path / "out" / "cab-exempt"
    for fmt in ("pdf", "docx"):
        text = words_of(public / f"decisions.{fmt}")
        assert "Record of decisions" in text and "Wednesday 22 March 2017" in text
        assert "Call-in deadline:" in text and "Wednesday 29 March 2017" in text
        assert "Item 7: Shared IT infrastructure: interim support contract" in text
        assert "decided in private" in text and "paragraph 3 of Part 1 of Schedule 12A" in text
        assert "urgent and is not subject to call-in" in text  # item 5
        assert SECRET not in text and "Bidder B" not in text
        full = words_of(exempt / f"decisions.{fmt}")
        assert SECRET in full and "NOT FOR PUBLICATION" in full
    html = (public / "decisions.html").read_text()
    assert '<html lang="en-GB">' in html and SECRET not in html
    assert "may be implemented on Thursday 30 March 2017" in html


def test_published_date_and_call_in_setting(cabinet, tmp_path):
    config = tmp_path / "reportgen.toml"
    config.write_text("[cycle]\ncall_in_working_days = 3\n")
    result = run("decisions", cabinet, "-o", tmp_path / "o", "--published", "2017-04-13",
                 "--no-write-back", "--config", config)
    assert result.exit_code == 0, result.output
    text = words_of(tmp_path / "o" / "decisions.pdf")
    assert "Thursday 13 April 2017" in text and "end of Thursday 20 April 2017" in text
    assert "3 working days after this record was published" in text
    config.write_text("[cycle]\ncall_in_working_days = 'five'\n")
    bad = run("decisions", cabinet, "--config", config, "-o", tmp_path / "o")
    assert bad.exit_code == 1 and "call_in_working_days = 'five': expected a whole" in bad.output


def snapshot(path) -> dict:
    """Every cell's value and style, and each sheet's validations, widths and merges."""
    wb = load_workbook(path)
    found = {}
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                found[ws.title, c.coordinate] = (
                    c.value, c.number_format, repr(c.font), repr(c.fill), repr(c.border),
                    repr(c.alignment), repr(c.protection))
        found[ws.title, "validations"] = [(v.type, v.formula1, str(v.sqref))
                                          for v in ws.data_validations.dataValidation]
        found[ws.title, "widths"] = {k: d.width for k, d in ws.column_dimensions.items()}
        found[ws.title, "merged"] = sorted(str(r) for r in ws.merged_cells.ranges)
    found["sheets"] = wb.sheetnames
    return found


def test_write_back_changes_only_the_decision_cells(cabinet, tmp_path):
    tracker = cabinet.parent / "items" / "shared-services-tracker.xlsx"
    original, before = tracker.read_bytes(), snapshot(tracker)
    result = run("decisions", cabinet, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert "Recommendations!F8: recommendation 5: decision (empty) -> Not accepted" in result.output
    after = snapshot(tracker)
    changed = {k for k in before if before[k] != after.get(k)}
    assert changed == {("Recommendations", f"F{row}") for row in range(4, 12)}
    assert [r.decision for r in read_item(tracker).recommendations] == [
        "Accepted", "Partially accepted", "Partially accepted", "Accepted", "Not accepted",
        "Accepted", "Accepted", "Accepted"]
    for key in changed:  # the drop-down's cells keep their style
        assert before[key][1:] == after[key][1:]
    backup = tracker.with_name("shared-services-tracker.2017-03-21.bak.xlsx")
    assert backup.read_bytes() == original
    again = run("decisions", cabinet, "-o", tmp_path / "out")
    assert "decision (empty)" not in again.output and backup.read_bytes() == original
    assert "recommendations 1, 2" not in run("check", tracker).output  # no longer awaiting


def test_write_back_adds_a_decision_column_and_refuses_unsafe_trackers(tmp_path):
    make_workbook(tmp_path / "item.xlsx", minimal_item())
    meeting = make_workbook(tmp_path / "m.xlsx", {
        "Meeting": [["Field", "Value"], ["Committee", "Cabinet"], ["Date", "21 March 2017"]],
        "Agenda": [["Item", "Title", "Report"], [1, "Response", "item.xlsx"]],
        "Decisions": [["Item", "Decision", "Reasons", "Recommendations"],
                      [1, "Agreed.", "Because.", "Noted"]]})
    lock = tmp_path / "~$item.xlsx"
    lock.write_bytes(b"x")
    refused = run("decisions", meeting, "-o", tmp_path / "out")
    assert refused.exit_code == 1 and "the tracker is open in Excel" in refused.output
    assert not (tmp_path / "out").exists()  # nothing written
    lock.unlink()
    assert run("decisions", meeting, "-o", tmp_path / "out").exit_code == 0
    ws = load_workbook(tmp_path / "item.xlsx")["Recommendations"]
    assert (ws["F1"].value, ws["F2"].value) == ("Decision", "Noted")


def test_bad_decisions_rows_are_named(cabinet, tmp_path):
    wb = load_workbook(cabinet)
    ws = wb["Decisions"]
    ws["A3"], ws["H4"], ws["G2"] = 9, "2: Maybe", "Perhaps"
    wb.save(cabinet)
    out = run("decisions", cabinet, "-o", tmp_path / "out").output
    assert "cabinet-2017-03-21.xlsx: Decisions!A3: Item '9' is not on the agenda: expected " \
           "one of 1, 2, 3, 4, 5, 6, 7" in out
    assert "cabinet-2017-03-21.xlsx: Decisions!G2: Urgent 'Perhaps': expected Yes" in out
    assert "cabinet-2017-03-21.xlsx: Decisions!H4: '2: Maybe': expected 'Ref: decision'" in out
    assert not (tmp_path / "out").exists()
    checked = run("check", cabinet).output  # check reads the Decisions sheet too
    assert "cabinet-2017-03-21.xlsx: Decisions!A3: Item '9' is not on the agenda" in checked


def test_exempt_on_the_report_sheet_only_is_private_in_the_record_and_listing(tmp_path):
    """The meeting plan decides exemption for the cycle too: the item's own Report sheet
    is enough, though its Agenda row says nothing."""
    from reportgen.cycle.listing import published_meeting

    report = minimal_item()
    report["Report"] = report["Report"] + [["Exempt", "Paragraph 3"]]
    make_workbook(tmp_path / "secret.xlsx", report)
    make_workbook(tmp_path / "open.xlsx", minimal_item())
    meeting = make_workbook(tmp_path / "m.xlsx", {
        "Meeting": [["Field", "Value"], ["Committee", "Cabinet"], ["Date", "21 March 2017"]],
        "Agenda": [["Item", "Heading", "Title", "Report"], [None, "Decisions", None, None],
                   [1, None, "Open item", "open.xlsx"], [2, None, "Land sale", "secret.xlsx"]],
        "Decisions": [["Item", "Decision", "Reasons"], [1, "Agreed.", "Because."],
                      [2, "Sell to bidder X.", "Best price."]]})
    result = run("decisions", meeting, "-o", tmp_path / "out" / "m", "--no-write-back")
    assert result.exit_code == 0, result.output
    public = words_of(tmp_path / "out" / "m" / "decisions.pdf")
    assert "Item 2: Land sale" in public and "decided in private" in public
    assert "bidder X" not in public
    assert "bidder X" in words_of(tmp_path / "out" / "m-exempt" / "decisions.pdf")
    listed = published_meeting(meeting, tmp_path / "out" / "m", tmp_path / "out")
    assert listed.agenda == ["1. Open item"]  # no exempt title, no heading row


# --- responses due and stale progress ------------------------------------------------------
def tracker_item(tmp_path, decision=None, updated=None, status="In progress"):
    return read_item(make_workbook(tmp_path / "t.xlsx", minimal_item(Recommendations=[
        ["Ref", "Recommendation", "Decision", "Status", "Updated", "Review", "Executive date"],
        ["R1", "Do it.", decision, status, updated, "Parks review", "23 January 2017"],
        ["R2", "Do more.", None, status, None, "Parks review", "23 January 2017"]])))


def test_executive_response_due_then_overdue(tmp_path):
    item = tracker_item(tmp_path)
    assert tracker_warnings(item, date(2017, 2, 20)) == []
    due = [str(p) for p in tracker_warnings(item, date(2017, 3, 1))]
    assert due == ["t.xlsx: Recommendations!C2: warning: the executive's response to Parks "
                   "review (received Monday 23 January 2017) is due by Thursday 23 March "
                   "2017, two months after the Executive date: recommendations R1, R2 have "
                   "no Decision"]
    late = str(tracker_warnings(item, date(2017, 3, 24))[0])
    assert "was due by Thursday 23 March 2017" in late
    answered = tracker_item(tmp_path, decision="Accepted")
    assert "recommendation R2 has no Decision" in str(
        tracker_warnings(answered, date(2017, 3, 24))[0])


def test_progress_older_than_the_monitoring_interval(tmp_path):
    stale = tracker_item(tmp_path, "Accepted", "1 August 2016")
    found = [str(p) for p in tracker_warnings(stale, date(2017, 3, 1))
             if "progress update" in str(p)]
    assert found == ["t.xlsx: Recommendations!E2: warning: recommendation R1 has had no "
                     "progress update since Monday 1 August 2016, more than 6 months ago "
                     "(the monitoring interval)"]
    yearly = CycleSettings(monitoring_interval_months=12)
    assert not [p for p in tracker_warnings(stale, date(2017, 3, 1), yearly)
                if "progress update" in str(p)]
    done = tracker_item(tmp_path, "Accepted", "1 August 2016", "Implemented")
    assert not [p for p in tracker_warnings(done, date(2017, 3, 1)) if "progress" in str(p)]


# --- batch: the public index, calendar and feed --------------------------------------------
@pytest.fixture(scope="module")
def published(tmp_path_factory):
    root = tmp_path_factory.mktemp("published")
    shutil.copytree(INPUTS, root / "inputs", ignore=shutil.ignore_patterns("_*"))
    out = root / "outputs"
    for args in (("forward-plan", root / "inputs", "-o", out / "forward-plan", "--from",
                  "2017-03-01"),
                 ("decisions", root / "inputs" / CABINET.name / f"{CABINET.name}.xlsx", "-o",
                  out / CABINET.name, "--no-write-back"),
                 ("batch", root / "inputs", "-o", out, "-j", "2")):
        result = run(*args)
        assert result.exit_code == 0, result.output
    return out


def test_index_lists_every_meeting_and_its_public_files(published):
    html = (published / "index.html").read_text()
    assert '<html lang="en-GB">' in html and "<h1>Committee meetings</h1>" in html
    assert "<h2>Cabinet</h2>" in html and "<h2>Overview and Scrutiny Commission</h2>" in html
    links = re.findall(r'href="([^"#]+)"', html)
    assert {"cabinet-2017-03-21/index.html", "osc-2017-03-07/index.html",
            "cabinet-2017-03-21/decisions.html", "osc-2017-03-07/agenda-pack.pdf",
            "forward-plan/forward-plan.pdf", "meetings.ics", "feed.atom"} <= set(links)
    for link in links:
        assert (published / link).is_file(), link
        assert "exempt" not in link
    assert "interim support contract" not in html and "contract award" not in html


def test_calendar_and_feed(published, monkeypatch):
    from icalendar import Calendar
    events = Calendar.from_ical((published / "meetings.ics").read_bytes()).walk("VEVENT")
    assert sorted(str(e["summary"]) for e in events) == ["Cabinet",
                                                         "Overview and Scrutiny Commission"]
    cabinet = next(e for e in events if str(e["summary"]) == "Cabinet")
    assert cabinet.decoded("dtstart").isoformat() == "2017-03-21T19:15:00+00:00"
    assert "Waste and street cleaning" in str(cabinet["description"])
    assert "interim support" not in str(cabinet["description"])
    from xml.etree import ElementTree
    atom = "{http://www.w3.org/2005/Atom}"
    feed = ElementTree.parse(published / "feed.atom").getroot()
    titles = [e.findtext(f"{atom}title") for e in feed.iter(f"{atom}entry")]
    assert titles[0] == "Record of decisions: Cabinet, Tuesday 21 March 2017"
    assert "Agenda pack: Overview and Scrutiny Commission, Tuesday 7 March 2017" in titles

    from reportgen.cycle.public import publish_listing
    built = [(p, published / p.parent.name) for p in sorted(
        (published.parent / "inputs").glob("*/*-20*.xlsx"))]
    before = {n: (published / n).read_bytes() for n in ("index.html", "meetings.ics",
                                                        "feed.atom")}
    publish_listing(built, published)
    assert {n: (published / n).read_bytes() for n in before} == before  # reproducible
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1489536000")  # 15 March 2017
    ics = publish_listing(built, published)[0][1].read_text()
    assert "SUMMARY:Cabinet" in ics and "Overview and Scrutiny" not in ics  # upcoming only
    monkeypatch.undo()  # and put back what the other tests read
    publish_listing(built, published)


def public_text(path) -> str:
    """Everything a file holds as text: docx parts unzipped, PDF strings and streams
    decompressed (pikepdf) and the PDF's text as a reader would extract it."""
    data = path.read_bytes()
    if path.suffix == ".docx":
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            return " ".join(package.read(n).decode("utf-8", "replace")
                            for n in package.namelist())
    if path.suffix == ".pdf":
        import pikepdf
        parts = [" ".join(pdf_pages_text(path))]
        with pikepdf.open(path) as pdf:
            for obj in pdf.objects:
                if isinstance(obj, pikepdf.Stream):
                    parts.append(obj.read_bytes().decode("latin-1"))
                elif isinstance(obj, pikepdf.Dictionary):
                    parts += [str(v) for v in obj.values() if isinstance(v, pikepdf.String)]
        return " ".join(parts)
    return data.decode("utf-8", "replace")


def test_nothing_exempt_in_any_published_file(published):
    def exempt_place(path) -> bool:  # the exempt folders, and pack's exempt files in place
        parts = path.relative_to(published).parts
        return any(p.endswith("-exempt") or p == "exempt" for p in parts[:-1]) or \
            path.name.startswith("agenda-pack-exempt")

    files = [p for p in published.rglob("*") if p.is_file()]
    public = [p for p in files if not exempt_place(p)]
    assert len(public) > 20
    for path in public:
        text = public_text(path)
        # a number on its own, not inside a PDF coordinate such as "287.529614 Tm"
        assert SECRET not in text and not re.search(r"(?<![\d.])87\.5(?!\d)", text), path
    exempt_record = published / "cabinet-2017-03-21-exempt" / "decisions.docx"
    assert SECRET in public_text(exempt_record)  # the search does find it where it is
    assert SECRET in public_text(exempt_record.with_suffix(".pdf"))
