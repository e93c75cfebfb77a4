"""The three writers, checked on the built Merton example."""

import re

import docx
import lxml.html
import pdfplumber
from docx.oxml.ns import qn
from pypdf import PdfReader

from .conftest import pdf_pages_text
from .pdfcheck import catalog, outline_titles, structure_types

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


# -- PDF ---------------------------------------------------------------------
def test_pdf_words_and_paragraph_numbers_follow_the_seed(merton_build):
    text = "\n".join(pdf_pages_text(merton_build["pdf"]))
    for number in ["1.1.", "2.1.", *[f"3.{n}." for n in range(1, 9)], "4.1.", "4.2.", "5.1.",
                   "6.1.", "7.1.", "8.1.", "9.1.", "10.1.", "11.1.", "12.1."]:
        assert re.search(rf"^{re.escape(number)} ", text, re.M), number
    assert "PURPOSE OF REPORT" in text and "12 BACKGROUND PAPERS" in text
    assert "A. That the Commission discuss and comment on the executive response" in text
    assert "8.1. None for the purposes of this report." in text
    assert "Recommendations 2 and 3 – development of business case template" in " ".join(
        text.split())


def test_pdf_page_numbers_in_footer(merton_build):
    pages = pdf_pages_text(merton_build["pdf"])
    assert len(pages) >= 4
    for number, text in enumerate(pages, start=1):
        assert text.strip().splitlines()[-1].strip() == f"Page {number}"


def test_pdf_is_tagged_titled_with_language_and_bookmarks(merton_build):
    root = catalog(merton_build["pdf"])
    assert bool(root["/MarkInfo"]["/Marked"])
    assert root["/Lang"] == "en-GB"
    assert root["/ViewerPreferences"]["/DisplayDocTitle"]
    reader = PdfReader(merton_build["pdf"])
    assert reader.metadata.title.startswith("Shared Services and Outsourced Services")
    types = structure_types(merton_build["pdf"])
    for tag in ("H1", "H2", "H3", "P", "L", "LI", "Table", "TH", "TR", "TD"):
        assert tag in types, tag
    titles = outline_titles(merton_build["pdf"])
    assert "1 Purpose of report" in titles and "12 Background papers" in titles


def test_pdf_table_header_repeats_and_actions_align(merton_build):
    with pdfplumber.open(merton_build["pdf"]) as pdf:
        table_pages = [p for p in pdf.pages if "Executive response" in (p.extract_text() or "")
                       and "Lead officer" in (p.extract_text() or "")]
        assert len(table_pages) >= 2  # the table spans pages; its header is on each
        for page in table_pages:
            words = page.extract_words()
            assert any(w["text"] == "Timeline" for w in words)
        first = next(n for n, p in enumerate(pdf.pages) if "Late 2017" in (p.extract_text()
                                                                           or ""))
        # (page, top) of each word on that page and the next: rows may go over a page
        words = [dict(w, top=(n, w["top"])) for n in (first, first + 1)
                 for w in pdf.pages[n].extract_words(keep_blank_chars=False)]

        def top(text):
            return next(w["top"] for w in words if w["text"] == text)

        late = top("Late")
        directors = top("Directors")
        assert top("AD")[0] == late[0] and abs(top("AD")[1] - late[1]) < 2  # on its row
        assert directors > late  # the second action's lead is on a lower row


# -- DOCX --------------------------------------------------------------------
def report_numbers(document) -> list[str]:
    """What Word shows: the numbers of the report's multi-level list, computed."""
    heading_num = None
    shown, section, para = [], 0, 0
    for p in document.paragraphs:
        ppr = p._p.pPr
        if ppr is None or ppr.numPr is None:
            continue
        num, level = ppr.numPr.numId.val, ppr.numPr.ilvl.val
        if p.style.name == "Heading 1":
            heading_num = num
        if num != heading_num:
            continue
        if level == 0:
            section, para = section + 1, 0
            shown.append(str(section))
        else:
            para += 1
            shown.append(f"{section}.{para}")
    return shown


def test_docx_numbering_is_real_word_numbering(merton_build):
    document = docx.Document(merton_build["docx"])
    html = lxml.html.parse(str(merton_build["html"]))
    expected = [e.get("data-number") for e in html.xpath("//*[@data-number]")]
    assert report_numbers(document) == expected
    numbering = document.part.numbering_part.element
    texts = {tuple(v.find(qn("w:lvlText")).get(qn("w:val")) for v in a.findall(qn("w:lvl")))
             for a in numbering.findall(qn("w:abstractNum"))}
    assert ("%1", "%1.%2.") in texts
    assert ("%1.",) in texts  # the lettered recommendations
    # the numbers are not typed into the text: Word draws them
    assert not any(p.text.startswith("1.1") for p in document.paragraphs)


def test_docx_table_header_repeats_and_rows_merge(merton_build):
    table = docx.Document(merton_build["docx"]).tables[0]
    header = table.rows[0]
    assert header._tr.trPr.find(qn("w:tblHeader")) is not None
    assert [c.text for c in header.cells] == ["Recommendation", "Executive response",
                                              "Timeline", "Lead officer"]
    rows = [[c.text for c in r.cells] for r in table.rows[1:4]]
    assert [r[2:] for r in rows] == [["Late 2017", "AD Business Improvement"],
                                     ["Ongoing", "Directors"],
                                     ["Ongoing", "Chair, Merton Improvement Board"]]
    assert rows[0][0] == rows[2][0] and rows[0][0].startswith("Recommendation 1 That")
    merge = [r.cells[0]._tc.tcPr.find(qn("w:vMerge")) for r in table.rows[1:4]]
    assert merge[0].get(qn("w:val")) == "restart" and merge[1] is not None


def test_docx_title_language_headings_and_page_numbers(merton_build):
    document = docx.Document(merton_build["docx"])
    assert document.core_properties.title.startswith("Shared Services")
    assert document.core_properties.language == "en-GB"
    styles = [p.style.name for p in document.paragraphs]
    assert styles.count("Heading 1") == 12 and "Heading 2" in styles and "Title" in styles
    footer = document.sections[0].footer._element
    assert any("PAGE" in (f.get(qn("w:instr")) or "") for f in footer.iter(qn("w:fldSimple")))
    lang = document.styles.element.find(f".//{W}rPrDefault//{W}lang")
    assert lang.get(qn("w:val")) == "en-GB"


# -- HTML --------------------------------------------------------------------
def test_html_is_an_accessible_standalone_page(merton_build):
    tree = lxml.html.parse(str(merton_build["html"])).getroot()
    assert tree.get("lang") == "en-GB"
    assert tree.findtext(".//title").startswith("Shared Services")
    assert len(tree.xpath("//h1")) == 1 and len(tree.xpath("//h2[@data-number]")) == 12
    assert set(tree.xpath("//th/@scope")) == {"col"}
    assert not tree.xpath("//link[@rel='stylesheet'] | //script")  # nothing to fetch


def _orientations(html: str) -> list[tuple[str, list[str]]]:
    """Each Word section's orientation and the words of its paragraphs and cells."""
    import io

    from reportgen.writers.docx import docx_bytes

    document = docx.Document(io.BytesIO(docx_bytes(html, None)))
    found: list[tuple[str, list[str]]] = [("", [])]
    for child in document.element.body.iterchildren():
        words = "".join(t.text or "" for t in child.iter(qn("w:t"))).split()
        found[-1][1].extend(words)
        properties = child.find(f".//{qn('w:sectPr')}") if child.tag == qn("w:p") else \
            child if child.tag == qn("w:sectPr") else None
        if properties is not None:
            size = properties.find(qn("w:pgSz"))
            found[-1] = ("landscape" if size.get(qn("w:orient")) == "landscape"
                         else "portrait", found[-1][1])
            found.append(("", []))
    return [section for section in found if section[0]]


def test_docx_wide_tables_in_a_row_share_one_landscape_section():
    """No empty portrait section (a blank page) between two wide tables, none after
    a last one, and portrait again only when portrait content comes."""
    def wide(name: str) -> str:
        return (f'<section class="report-section"><h2>{name}</h2><table class="landscape">'
                f"<tr><td>{name} cell</td></tr></table></section>")

    before = "<section><p>Opening words.</p></section>"
    after = "<section><p>Closing words.</p></section>"
    shown = _orientations(f"<html><body>{before}{wide('First')}{wide('Second')}{after}"
                          "</body></html>")
    assert [o for o, _ in shown] == ["portrait", "landscape", "portrait"]
    assert "Second" in shown[1][1] and "First" in shown[1][1]
    assert shown[2][1] == ["Closing", "words."]
    last = _orientations(f"<html><body>{before}{wide('Only')}</body></html>")
    assert [o for o, _ in last] == ["portrait", "landscape"]
