import lxml.html
import pytest

from reportgen.compose.markup import lines, parse_blocks
from reportgen.compose.report import compose
from reportgen.compose.templates import TemplateSet
from reportgen.errors import InputError
from reportgen.readers.item import read_item

from .conftest import MERTON, make_workbook, minimal_item


def numbers(html: str) -> list[str]:
    tree = lxml.html.document_fromstring(html)
    return [el.get("data-number") for el in tree.xpath("//*[@data-number]")]


def test_blocks_paragraphs_bullets_subheadings_and_emphasis():
    blocks = parse_blocks("Intro:\n• one\n• two\n\n## Sub\n\nText with **bold** and *it*.")
    assert [b.kind for b in blocks] == ["para", "bullets", "heading", "para"]
    assert blocks[1].items == ["one", "two"]
    assert "<strong>bold</strong>" in blocks[3].html and "<em>it</em>" in blocks[3].html


def test_raw_html_and_images_in_text_stay_text():
    html = parse_blocks('<script>x</script> ![a](file:///etc/passwd)')[0].html
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "<img" not in html


def test_lines_escapes_and_breaks():
    assert lines("a < b\nc") == "a &lt; b<br>c"


def test_merton_paragraph_numbers_follow_the_seed():
    html = compose(read_item(MERTON), TemplateSet())
    found = numbers(html)
    expected = (["1", "1.1", "2", "2.1", "3"] + [f"3.{n}" for n in range(1, 9)]
                + ["4", "4.1", "4.2", "5", "5.1", "6", "6.1", "7", "7.1", "8", "8.1",
                   "9", "9.1", "10", "10.1", "11", "11.1", "12", "12.1"])
    assert found == expected


def test_left_out_sections_get_standard_wording():
    html = compose(read_item(MERTON), TemplateSet())
    tree = lxml.html.document_fromstring(html)
    para = tree.xpath("//p[@data-number='9.1']")[0].text_content()
    assert para.endswith("None for the purposes of this report.")


def test_table_rows_span_a_recommendations_actions():
    tree = lxml.html.document_fromstring(compose(read_item(MERTON), TemplateSet()))
    rows = tree.xpath("//table[@class='responses']/tbody/tr")
    assert len(rows) == 8 + 2 + 1  # rec 1 has three actions, rec 5 two
    first = rows[0].xpath("td")
    assert first[0].get("rowspan") == "3"
    assert [r.xpath("td")[-2].text_content() for r in rows[:3]] == [
        "Late 2017", "Ongoing", "Ongoing"]
    assert tree.xpath("//table//thead//th/@scope") == ["col"] * 4


def test_cell_text_is_never_a_template(tmp_path):
    path = make_workbook(tmp_path / "i.xlsx", minimal_item(Sections=[
        ["Section", "Text"], ["Background", "{{ 7 * 7 }} {% if 1 %}x{% endif %} <b>hi</b>"]]))
    html = compose(read_item(path), TemplateSet())
    assert "{{ 7 * 7 }} {% if 1 %}x{% endif %} &lt;b&gt;hi&lt;/b&gt;" in html
    assert "49" not in html


def test_unknown_section_lists_valid_names(tmp_path):
    path = make_workbook(tmp_path / "i.xlsx", minimal_item(Sections=[
        ["Section", "Text"], ["Purpose", "ok"], ["Conclusions", "x"]]))
    with pytest.raises(InputError) as info:
        compose(read_item(path), TemplateSet())
    message = str(info.value)
    assert "Sections!A3: unknown section 'Conclusions'" in message
    assert "Purpose of report; Background; Executive response" in message


def test_unknown_report_type_names_the_cell(tmp_path):
    sheets = minimal_item()
    sheets["Report"][1] = ["Report type", "annual-report"]
    path = make_workbook(tmp_path / "i.xlsx", sheets)
    with pytest.raises(InputError, match=r"Report!B2: unknown Report type 'annual-report'"):
        compose(read_item(path), TemplateSet())


def test_extra_report_fields_are_shown(tmp_path):
    sheets = minimal_item()
    sheets["Report"].append(["Scrutiny panel", "Sustainable Communities"])
    html = compose(read_item(make_workbook(tmp_path / "i.xlsx", sheets)), TemplateSet())
    assert "Scrutiny panel:" in html and "Sustainable Communities" in html


def test_tracker_columns_typed_in_an_executive_response_are_shown(tmp_path):
    path = make_workbook(tmp_path / "i.xlsx", minimal_item(
        Recommendations=[["Ref", "Recommendation", "Decision", "Executive response",
                          "Timeline", "Lead officer", "RAG"],
                         [1, "Do it.", "Accepted", "Will do.", "June", "Ann", "Amber"]],
        Actions=[["Ref", "Action", "Timeline", "Lead officer", "Status", "Progress"],
                 [1, "Step one.", "May", "Bo", "In progress", "Half done."]]))
    tree = lxml.html.document_fromstring(compose(read_item(path), TemplateSet()))
    headings = tree.xpath("//table[@class='responses']//th/text()")
    assert headings == ["Recommendation", "Decision", "RAG", "Executive response", "Timeline",
                        "Lead officer", "Status", "Progress"]
    cells = [td.text_content() for td in tree.xpath("//table[@class='responses']//tbody//td")]
    assert cells[1:] == ["Accepted", "Amber", "Step one.", "May", "Bo", "In progress",
                         "Half done."]


def test_plain_executive_response_keeps_the_four_seed_columns():
    tree = lxml.html.document_fromstring(compose(read_item(MERTON), TemplateSet()))
    assert tree.xpath("//table[@class='responses']//th/text()") == [
        "Recommendation", "Executive response", "Timeline", "Lead officer"]


def test_extra_actions_columns_are_shown_per_action(tmp_path):
    path = make_workbook(tmp_path / "i.xlsx", minimal_item(
        Actions=[["Ref", "Action", "Timeline", "Lead officer", "Cost"],
                 [1, "Step one.", "May", "Bo", "£5,000"], [1, "Step two.", "June", "Cy", ""]]))
    tree = lxml.html.document_fromstring(compose(read_item(path), TemplateSet()))
    assert tree.xpath("//table[@class='responses']//th/text()")[-1] == "Cost"
    rows = tree.xpath("//table[@class='responses']/tbody/tr")
    assert [r.xpath("td")[-1].text_content() for r in rows] == ["£5,000", ""]


def test_a_mistyped_report_type_gets_a_suggestion(tmp_path):
    sheets = minimal_item()
    sheets["Report"][1] = ["Report type", "scoping"]
    path = make_workbook(tmp_path / "i.xlsx", sheets)
    with pytest.raises(InputError, match=r"Report!B2: unknown Report type 'scoping' "
                                         r"\(did you mean 'scope'\?\): expected one of"):
        compose(read_item(path), TemplateSet())
