"""The report kinds beyond the executive response: scope, Cabinet, monitoring."""

import docx
import lxml.html
import pytest
from docx.oxml.ns import qn

from .conftest import CABINET, EXEMPT, HARROW, MONITORING, pdf_pages_text, run
from .pdfcheck import structure_types


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("kinds")
    for item in (HARROW, CABINET, MONITORING, EXEMPT):
        result = run("build", item, "-o", out)
        assert result.exit_code == 0, result.output

    def get(item, fmt):
        return out / f"{item.stem}.{fmt}"
    return get


def html_tree(path):
    return lxml.html.parse(str(path)).getroot()


# -- scope -------------------------------------------------------------------
def test_scope_form_is_numbered_in_order_with_an_unnumbered_follow_up(built):
    rows = html_tree(built(HARROW, "html")).xpath("//table[@class='scope-form']/tbody/tr")
    numbers = [r.xpath("td")[0].text_content().strip() for r in rows]
    labels = [r.xpath("th")[0].text_content().strip() for r in rows]
    assert numbers == [f"{n}." for n in range(1, 21)] + [""]
    assert labels[0] == "Subject" and labels[19] == "Reporting arrangements"
    assert labels[20] == "Follow up arrangements (proposals)"


def test_scope_cells_hold_aim_objectives_and_lists(built):
    tree = html_tree(built(HARROW, "html"))
    aims = tree.xpath("//table[@class='scope-form']/tbody/tr")[3].xpath("td")[1]
    assert [s.text for s in aims.xpath(".//strong")] == ["Aim:", "Objectives:"]
    assert len(aims.xpath(".//ul/li")) == 3


def test_scope_pdf_follows_the_harrow_words(built):
    text = " ".join(" ".join(pdf_pages_text(built(HARROW, "pdf"))).split())
    for words in ("SCRUTINY REVIEW ON SHARED SERVICES – Scope",
                  "Councillor Honey Jamie (Co-Chair, Scrutiny Lead Member for Resources)",
                  "The purpose of the review is to better understand and influence how Shared "
                  "Services can be a part of the Council's future commissioning decisions",
                  "19. Report author Mohammed Ilyas, Policy Officer", "20. Reporting",
                  "in [insert month], and responded to in [insert month]",
                  "1. Develop a sound business case to support the decision",
                  "8. Develop a contingency plan as part of the wider risk management strategy",
                  "Have an 'exit strategy' as part of the formal agreement between partners"):
        assert words in text, words
    assert "BACKGROUND" in text.upper()


def test_scope_background_lists_in_docx(built):
    document = docx.Document(built(HARROW, "docx"))
    list_paras = [p for p in document.paragraphs if p._p.pPr is not None
                  and p._p.pPr.numPr is not None]
    assert any(p.text.startswith("Develop a sound business case") for p in list_paras)
    form = document.tables[0]
    assert form.rows[20].cells[1].text == "Reporting arrangements"
    assert form.rows[20].cells[0].text == "20."


# -- cabinet -----------------------------------------------------------------
def test_cabinet_front_matter_and_sections(built):
    text = " ".join(" ".join(pdf_pages_text(built(CABINET, "pdf"))).split())
    assert "Key decision: Yes (Forward plan reference: FP/2017/014)" in text
    assert "Exempt: No" in text
    assert "A. That Cabinet approves the guiding principles" in text
    for n, heading in enumerate(["PURPOSE OF REPORT", "RECOMMENDATIONS",
                                 "REASONS FOR THE RECOMMENDATIONS",
                                 "ALTERNATIVE OPTIONS CONSIDERED", "BACKGROUND",
                                 "CONSULTATION UNDERTAKEN OR PROPOSED", "TIMETABLE",
                                 "FINANCIAL, RESOURCE AND PROPERTY IMPLICATIONS",
                                 "LEGAL AND STATUTORY IMPLICATIONS",
                                 "EQUALITIES IMPLICATIONS", "CRIME AND DISORDER IMPLICATIONS",
                                 "RISK MANAGEMENT AND HEALTH AND SAFETY IMPLICATIONS"], start=1):
        assert f"{n} {heading}" in text, heading
    assert "14 BACKGROUND PAPERS" in text


def test_exempt_cabinet_item_carries_the_schedule_12a_notice(built):
    text = " ".join(" ".join(pdf_pages_text(built(EXEMPT, "pdf"))).split())
    assert ("NOT FOR PUBLICATION by virtue of paragraph 3 of Part 1 of Schedule 12A to the "
            "Local Government Act 1972") in text


# -- monitoring --------------------------------------------------------------
def tracker_rows(path):
    tree = html_tree(path)
    return {r.xpath("td")[0].text_content(): r for r in
            tree.xpath("//table[@class='tracker']/tbody/tr")}


def test_monitoring_marks_overdue_and_keeps_refs_as_typed(built):
    rows = tracker_rows(built(MONITORING, "html"))
    assert list(rows)[0] == "SR (16/17) 01" and len(rows) == 8
    overdue = {ref for ref, row in rows.items() if row.xpath(".//*[@class='overdue']")}
    assert overdue == {"SR (16/17) 04"}  # 31 January 2017, in progress, meeting 7 March


def test_rag_is_text_and_colour(built):
    rows = tracker_rows(built(MONITORING, "html"))
    rag = rows["SR (16/17) 04"].xpath(".//span[contains(@class, 'rag')]")[0]
    assert rag.text == "Red" and "rag-red" in rag.get("class")


def test_monitoring_summary_and_charts_with_text_alternatives(built):
    tree = html_tree(built(MONITORING, "html"))
    # each count shown once: a chart and its caption, no table or drawn title repeating it
    assert not tree.xpath("//table[@class='counts']")
    assert tree.xpath("//figure[@class='chart']/figcaption/text()") == [
        "Recommendations by status", "Recommendations by RAG rating"]
    images = tree.xpath("//figure[@class='chart']/img")
    assert len(images) == 2
    assert images[0].get("src").startswith("data:image/png;base64,")
    assert images[0].get("alt") == ("Recommendations by status: Not started 2; In progress 3; "
                                    "Implemented 1; Not accepted 1; Ongoing 1.")
    document = docx.Document(built(MONITORING, "docx"))
    descriptions = [d.get("descr") for d in document.element.body.iter(qn("wp:docPr"))]
    assert descriptions[0].startswith("Recommendations by status: Not started 2")
    assert "Figure" in structure_types(built(MONITORING, "pdf"))
    text = " ".join(" ".join(pdf_pages_text(built(MONITORING, "pdf"))).split())
    assert "SR (16/17) 04" in text and "Overdue" in text


def test_lists_in_docx_table_cells_hang_from_the_cell_edge(built):
    document = docx.Document(built(HARROW, "docx"))
    numbering = document.part.numbering_part.element
    nums = {n.get(qn("w:numId")): n.find(qn("w:abstractNumId")).get(qn("w:val"))
            for n in numbering.findall(qn("w:num"))}
    indents = {a.get(qn("w:abstractNumId")): a.find(f"{qn('w:lvl')}/{qn('w:pPr')}/{qn('w:ind')}")
               for a in numbering.findall(qn("w:abstractNum"))}
    cell = document.tables[0].rows[4].cells[2]  # Aims / Objectives / Outcomes
    listed = [p for p in cell.paragraphs if p._p.pPr is not None and p._p.pPr.numPr is not None]
    assert len(listed) == 3
    num_id = str(listed[0]._p.pPr.numPr.numId.val)
    assert indents[nums[num_id]].get(qn("w:left")) == "284"
