from datetime import date, datetime

import pytest

from reportgen.errors import InputError
from reportgen.readers.cells import cell_text, clean_text, normalise, parse_date
from reportgen.readers.item import read_item

from .conftest import MERTON, make_workbook, minimal_item


def test_normalise_ignores_case_spaces_punctuation_and_plural():
    assert normalise("Lead Officer(s)") == normalise("lead_officer") == "leadofficer"
    assert normalise(" Executive-Response ") == "executiveresponse"
    assert normalise("#") == "#"


def test_cell_text_shows_numbers_dates_and_times_as_typed():
    assert cell_text(1.0) == "1"
    assert cell_text(2.5) == "2.5"
    assert cell_text(datetime(2017, 3, 7)) == "7 March 2017"
    assert cell_text(None) == ""
    assert cell_text(True) == "Yes"


def test_clean_text_decodes_excel_escapes_and_drops_control_characters():
    assert clean_text("a_x000B_b\x07c\r\nd") == "a\nbc\nd"


@pytest.mark.parametrize("text", ["7 March 2017", "07/03/2017", "2017-03-07",
                                  "Tuesday 7th March 2017", "7 Mar 2017"])
def test_written_dates(text):
    assert parse_date(text) == date(2017, 3, 7)


def test_parse_date_rejects_free_text():
    assert parse_date("Late 2017") is None


def test_merton_example_reads_into_typed_records():
    item = read_item(MERTON)
    assert item.report_type == "executive-response"
    assert item.meeting_date == date(2017, 3, 7)
    assert item.title == "Shared Services and Outsourced Services in Merton Task Group"
    assert [r.ref for r in item.recommendations] == [str(n) for n in range(1, 9)]
    first = item.recommendations[0]
    assert [(a.timeline, a.lead_officer) for a in first.actions] == [
        ("Late 2017", "AD Business Improvement"), ("Ongoing", "Directors"),
        ("Ongoing", "Chair, Merton Improvement Board")]
    assert item.recommendations[1].responses[0].timeline == "June 2017"


def test_header_synonyms_title_rows_and_extra_columns(tmp_path):
    path = make_workbook(tmp_path / "i.xlsx", minimal_item(Recommendations=[
        ["Action plan tracker"], [],
        ["No.", "RECOMMENDATION(S)", "Cabinet response", "Due", "Responsible officer",
         "Budget"],
        [1.0, "First.", "Yes.", "June", "Ann", "£10k"],
        [None, None, None, None, None, None],
        [2.0, "Second.", "No.", "July", "Bob", ""],
    ]))
    item = read_item(path)
    assert [r.ref for r in item.recommendations] == ["1", "2"]
    assert item.recommendations[0].lead_officer == "Ann"
    assert item.recommendations[0].timeline == "June"
    assert item.recommendations[0].extra == {"Budget": "£10k"}
    assert item.rec_columns == ["Budget"]


def test_refs_are_numbered_in_order_when_absent(tmp_path):
    path = make_workbook(tmp_path / "i.xlsx", minimal_item(Recommendations=[
        ["Recommendation"], ["One."], ["Two."]]))
    assert [r.ref for r in read_item(path).recommendations] == ["1", "2"]


def test_missing_recommendations_sheet_names_the_sheet(tmp_path):
    from reportgen.compose.report import compose
    from reportgen.compose.templates import TemplateSet

    path = make_workbook(tmp_path / "i.xlsx", minimal_item(Recommendations=None))
    with pytest.raises(InputError) as info:
        compose(read_item(path), TemplateSet())
    assert "no Recommendations sheet" in str(info.value)
    assert str(info.value).startswith("i.xlsx:")


def test_missing_column_and_bad_action_ref_name_their_cells(tmp_path):
    path = make_workbook(tmp_path / "i.xlsx", minimal_item(
        Recommendations=[["Ref", "Text"], [1, "x"]],
    ))
    with pytest.raises(InputError) as info:
        read_item(path)
    assert "Recommendations!A1: no Recommendation column" in str(info.value)

    path = make_workbook(tmp_path / "j.xlsx", minimal_item(
        Actions=[["Ref", "Action"], [1, "ok"], [9, "orphan"]]))
    with pytest.raises(InputError) as info:
        read_item(path)
    assert "Actions!A3: Ref '9' matches no recommendation" in str(info.value)


def test_duplicate_refs_are_an_error(tmp_path):
    path = make_workbook(tmp_path / "i.xlsx", minimal_item(Recommendations=[
        ["Ref", "Recommendation"], ["R1", "a"], ["R1", "b"]]))
    with pytest.raises(InputError, match=r"Recommendations!A3: duplicate Ref 'R1'"):
        read_item(path)


def test_unreadable_meeting_date_names_the_cell(tmp_path):
    sheets = minimal_item()
    sheets["Report"][3] = ["Meeting date", "next Tuesday"]
    path = make_workbook(tmp_path / "i.xlsx", sheets)
    with pytest.raises(InputError, match=r"Report!B4: Meeting date 'next Tuesday' is not a date"):
        read_item(path)
