"""Layout: tables fit the page in PDF and Word, numbers keep their gap, the
HTML reflows, colours keep their contrast. Built from tests/trackers.py."""

from __future__ import annotations

import re
import resource
import shutil
import subprocess
import zipfile
from functools import cache
from pathlib import Path

import docx
import lxml.html
import pdfplumber
import pytest
from docx.oxml.ns import qn

from reportgen.build import Builder
from reportgen.compose.charts import RAG_COLOURS
from reportgen.compose.tables import cell_text
from reportgen.compose.widths import PORTRAIT_CM, fit_columns, ordinary_words, text_cm

from .conftest import EXEMPT, MONITORING
from .trackers import LONG_URL, LONG_WORD, TRACKERS, numbered_paragraphs

ROOT = Path(__file__).resolve().parents[1]
MARGIN_PT = 20 / 25.4 * 72  # report.css: 20 mm left and right
TOLERANCE = 1.0
CELL_MARGINS_TWIPS = 2 * 108  # Word's default cell margins, 0.19 cm each side


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict[str, dict[str, Path]]:
    folder = tmp_path_factory.mktemp("trackers")
    builder = Builder()
    out = {}
    for name, make in {**TRACKERS, "numbered": numbered_paragraphs}.items():
        builder.build(make(folder), folder / "out", stem=name)
        out[name] = {fmt: folder / "out" / f"{name}.{fmt}" for fmt in ("pdf", "docx", "html")}
    return out


def cell_texts(html: Path) -> list[str]:
    tree = lxml.html.parse(str(html))
    return [cell_text(td) for td in tree.xpath("//table//td")]


# -- PDF ---------------------------------------------------------------------
def _squeezed(text: str) -> str:
    """Text without spaces, line ends or hyphens: a word hyphenated at a line end
    reads the same as the word whole."""
    return re.sub(r"[\s\-\u2010]", "", text or "")


@pytest.mark.parametrize("name", sorted(TRACKERS))
def test_every_word_is_inside_the_page_and_none_is_lost(built, name):
    shown: list[str] = []
    in_cells: list[str] = []
    with pdfplumber.open(built[name]["pdf"]) as pdf:
        for page in pdf.pages:
            left, top, right, bottom = page.bbox
            for word in page.extract_words():
                assert word["x0"] >= left + MARGIN_PT - TOLERANCE, (page.page_number, word)
                assert word["x1"] <= right - MARGIN_PT + TOLERANCE, (page.page_number, word)
                assert top <= word["top"] and word["bottom"] <= bottom, word
                shown.append(word["text"])
            in_cells += [_squeezed(cell) for table in page.extract_tables()
                         for row in table for cell in row]
    cells = cell_texts(built[name]["html"])
    tight = bool(lxml.html.parse(str(built[name]["html"])).xpath("//table[@data-fit]"))
    words = set(shown)
    table_text = "|".join(in_cells)
    for cell in cells:
        for word in ordinary_words(cell):
            if tight:  # hyphenated where it must be, but nothing lost
                assert _squeezed(word) in table_text, (name, word)
            else:  # where the page has room for them, words whole
                assert word in words or word.strip(".,;:()") in " ".join(words), (name, word)
    if name == "hostile_words":
        joined = "".join(shown)
        assert joined.count("Ж") == len(LONG_WORD)  # broken across lines, none lost
        assert _squeezed(LONG_URL) in table_text


def test_a_long_address_is_a_link_in_pdf_and_word(built):
    with pdfplumber.open(built["hostile_words"]["pdf"]) as pdf:
        uris = {link["uri"] for page in pdf.pages for link in page.hyperlinks}
    assert LONG_URL in uris
    rels = docx.Document(built["hostile_words"]["docx"]).part.rels.values()
    assert LONG_URL in {r.target_ref for r in rels if r.is_external}


def test_wide_trackers_go_landscape_and_narrow_ones_stay_portrait(built):
    def turned(name):
        with pdfplumber.open(built[name]["pdf"]) as pdf:
            return [page.width > page.height for page in pdf.pages]

    assert not any(turned("four_columns"))
    twelve = turned("twelve_columns")
    assert twelve[0] is False and True in twelve and twelve[-1] is False
    orientations = [s.orientation for s in docx.Document(built["twelve_columns"]["docx"]).sections]
    assert 1 in orientations and orientations[0] == 0 and orientations[-1] == 0


def test_paragraph_numbers_keep_a_gap_and_the_text_aligns(built):
    with pdfplumber.open(built["numbered"]["pdf"]) as pdf:
        words = [w for page in pdf.pages for w in page.extract_words()]
    starts = {}
    for number in ("10.1.", "12.1.", "12.9.", "12.10.", "12.14."):
        at = next(i for i, w in enumerate(words) if w["text"] == number)
        number_word, text_word = words[at], words[at + 1]
        assert abs(text_word["top"] - number_word["top"]) < 2  # same line
        assert text_word["x0"] - number_word["x1"] >= 4, number  # a clear gap
        starts[number] = text_word["x0"]
    assert max(starts.values()) - min(starts.values()) < 1  # one hanging indent for all


def test_the_monitoring_tracker_shows_every_column_typed(built):
    tree = lxml.html.parse(str(built["york"]["html"]))
    headers = tree.xpath("//table[@class='tracker']//th/text()")
    # Origin, Date and Exec Date are the contract's Review, Report date, Executive date
    for typed in ("Review", "Report date", "Area", "Executive date", "Executive response",
                  "Lead officer", "Status", "Progress"):
        assert typed in headers, typed
    assert "RAG" not in headers and "Updated" not in headers  # nobody typed one: left out


# -- Word --------------------------------------------------------------------
@cache
def _font(bold: bool):
    from fontTools.ttLib import TTFont

    name = "LiberationSans-Bold.ttf" if bold else "LiberationSans-Regular.ttf"
    found = sorted(Path("/usr/share/fonts").rglob(name))
    if not found:
        pytest.skip("Liberation Sans (Arial's metrics) is not installed")
    font = TTFont(found[0])
    return font.getBestCmap(), font["hmtx"], font["head"].unitsPerEm


def word_twips(word: str, size_pt: float, bold: bool) -> float:
    cmap, hmtx, units = _font(bold)
    advance = sum(hmtx[cmap[ord(c)]][0] if ord(c) in cmap else units for c in word)
    return advance / units * size_pt * 20


def test_trackers_too_wide_for_landscape_are_hyphenated_at_10pt(built):
    for name in ("york", "twelve_columns"):
        table = lxml.html.parse(str(built[name]["html"])).xpath("//table[@data-fit]")[0]
        assert table.get("data-fit") == "tight" and table.get("data-font-pt") == "10"
    css = (ROOT / "templates" / "css" / "report.css").read_text()
    assert re.search(r'table\[data-fit="tight"\] td \{ hyphens: auto', css)
    document = docx.Document(built["york"]["docx"])  # Word hyphenates that table only
    assert document.settings.element.find(qn("w:autoHyphenation")) is not None
    cell = document.tables[-1].rows[1].cells[1].paragraphs[0]
    assert cell._p.pPr.find(qn("w:suppressAutoHyphens")).get(qn("w:val")) == "0"
    normal = document.styles["Normal"].element.pPr.find(qn("w:suppressAutoHyphens"))
    assert normal.get(qn("w:val")) == "1"


FITTING = sorted(set(TRACKERS) - {"york", "twelve_columns"})


@pytest.mark.parametrize("name", FITTING)
def test_word_columns_are_never_narrower_than_their_longest_word(built, name):
    document = docx.Document(built[name]["docx"])
    table = document.tables[-1]
    tbl = table._tbl
    grid = [int(c.get(qn("w:w"))) for c in tbl.tblGrid.iter(qn("w:gridCol"))]
    assert tbl.tblPr.find(qn("w:tblLayout")).get(qn("w:type")) == "fixed"
    widest = max(s.page_width - s.left_margin - s.right_margin for s in document.sections)
    assert sum(grid) <= widest / 635 + 20  # EMU to twips
    for tr in tbl.iter(qn("w:tr")):
        column = 0
        for tc in tr.iter(qn("w:tc")):
            span = tc.tcPr.gridSpan.val if tc.tcPr is not None and tc.tcPr.gridSpan else 1
            room = sum(grid[column:column + span]) - CELL_MARGINS_TWIPS
            for r in tc.iter(qn("w:r")):
                rpr = r.rPr
                size = rpr.sz.val.pt if rpr is not None and rpr.sz is not None else 12
                bold = rpr is not None and rpr.b is not None
                text = "".join(t.text or "" for t in r.iter(qn("w:t")))
                for word in ordinary_words(text):
                    assert word_twips(word, size, bold) <= room, (name, word, room)
            column += span


def test_word_header_repeats_rows_hold_together_and_rag_is_word_and_shade(built):
    table = docx.Document(built["many_rows"]["docx"]).tables[-1]
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    assert all(row._tr.trPr.find(qn("w:cantSplit")) is not None for row in table.rows)
    rag = [c for c in table.rows[1].cells if c.text in ("Red", "Amber", "Green")][0]
    assert rag._tc.tcPr.find(qn("w:shd")).get(qn("w:fill")) in ("F4C7C3", "FCE8B2", "B7E1CD")
    sizes = {r.font.size.pt for r in table.rows[1].cells[1].paragraphs[0].runs}
    assert sizes and min(sizes) >= 10


def test_word_package_tells_the_truth_and_uses_the_house_font(built):
    path = built["four_columns"]["docx"]
    with zipfile.ZipFile(path) as package:
        app = package.read("docProps/app.xml").decode()
        styles = package.read("word/styles.xml").decode()
    assert "<Application>reportgen</Application>" in app
    assert "Microsoft" not in app and "<Pages>" not in app and "<Words>" not in app
    assert "asciiTheme" not in styles and "themeColor" not in styles
    document = docx.Document(path)
    for name in ("Title", "Heading 1", "Heading 2", "Caption"):
        assert document.styles[name].font.name == "Arial", name
    caption = document.styles["Caption"].font.color.rgb
    assert contrast(str(caption)) >= 4.5
    footer = document.sections[0].footer.paragraphs[0]
    assert footer.text.startswith("Page ")


def test_exempt_word_report_has_its_notice_in_every_page_header(tmp_path):
    Builder().build(EXEMPT, tmp_path, formats=("docx",))
    document = docx.Document(tmp_path / f"{EXEMPT.stem}.docx")
    header = document.sections[0].header.paragraphs[0]
    assert header.text == "Not for publication" and header.runs[0].font.all_caps
    notice = next(p for p in document.paragraphs if p.style.name == "Notice")
    assert notice.style.element.pPr.find(qn("w:pBdr")) is not None  # a bordered box
    assert all(s.header.is_linked_to_previous for s in document.sections[1:])


# -- HTML --------------------------------------------------------------------
def test_wide_tables_scroll_in_a_labelled_focusable_region(built):
    tree = lxml.html.parse(str(built["twelve_columns"]["html"]))
    region = tree.xpath("//div[contains(@class, 'table-region')]")[0]
    assert region.get("role") == "region" and region.get("tabindex") == "0"
    assert region.get("aria-label") == "Recommendations tracker"
    assert region.find("table") is not None
    cols = region.xpath(".//col")
    assert all(re.match(r"width: [\d.]+%$", c.get("style")) and c.get("data-width-cm")
               for c in cols)
    css = (ROOT / "templates" / "css" / "report.css").read_text()
    assert re.search(r"\.table-region \{[^}]*overflow-x: auto", css)
    assert re.search(r"td\[data-wrap\], th\[data-wrap\] \{ overflow-wrap: anywhere", css)
    hostile = lxml.html.parse(str(built["hostile_words"]["html"]))
    wrapped = [cell_text(td) for td in hostile.xpath("//td[@data-wrap='anywhere']")]
    assert len(wrapped) == 2 and LONG_WORD in wrapped and LONG_URL in " ".join(wrapped)


PHONE_PROBE = """<!DOCTYPE html><html><head><title>probe</title></head><body style="margin:0">
<iframe id="page" style="width:320px;height:800px;border:0" srcdoc="{page}"></iframe>
<script>
document.getElementById("page").addEventListener("load", function () {{
  var inner = this.contentDocument, wide = [];
  inner.querySelectorAll("body *").forEach(function (e) {{
    if (e.getBoundingClientRect().right > 320 && !e.closest(".table-region")) wide.push(e.tagName);
  }});
  document.title = "W" + inner.documentElement.scrollWidth + " " + wide.join(" ");
}});
</script></body></html>"""


@pytest.mark.parametrize("page", ["twelve_columns", "york", "hostile_words"])
def test_nothing_but_the_regions_scrolls_sideways_at_320px(built, tmp_path, page):
    """Headless Chromium's window is at least 500 px wide: the page goes in a 320 px frame."""
    import html

    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        pytest.skip("headless Chromium is not installed")
    probe = tmp_path / "probe.html"
    probe.write_text(PHONE_PROBE.format(page=html.escape(built[page]["html"].read_text())))
    _, hard = resource.getrlimit(resource.RLIMIT_AS)  # conftest caps memory; Chromium
    done = subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu",  # maps more
                           "--virtual-time-budget=5000", "--dump-dom", probe.as_uri()],
                          capture_output=True, text=True, timeout=120,
                          preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_AS, (hard, hard)))
    found = re.search(r"<title>W(\d+) ?([^<]*)</title>", done.stdout)
    assert found, done.stderr[-2000:]
    width, wide = found.groups()
    assert int(width) <= 320 and not wide, wide


# -- colours and widths ------------------------------------------------------
def contrast(colour: str, against: str = "ffffff") -> float:
    def luminance(hex_colour: str) -> float:
        channels = [int(hex_colour.lstrip("#")[i:i + 2], 16) / 255 for i in (0, 2, 4)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
                  for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    high, low = sorted((luminance(colour), luminance(against)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_text_has_4_5_to_1_and_chart_marks_3_to_1():
    css = (ROOT / "templates" / "css" / "report.css").read_text()
    for colour in re.findall(r"(?<![-\w])color: #([0-9a-fA-F]{6}|[0-9a-fA-F]{3})\b", css):
        colour = "".join(c * 2 for c in colour) if len(colour) == 3 else colour
        if colour.lower() != "ffffff":
            assert contrast(colour) >= 4.5, colour
    assert contrast("ffffff", "1d3f6e") >= 4.5  # header text on the default accent
    for rag in ("f4c7c3", "fce8b2", "b7e1cd"):
        assert contrast("111111", rag) >= 4.5
    for colour in RAG_COLOURS.values():
        assert contrast(colour) >= 3, colour


def test_widths_keep_refs_and_dates_narrow_and_words_whole():
    fit = fit_columns(["Ref", "Recommendation", "Updated"],
                      [["R1", "R2"], ["A long recommendation " * 8, "Another " * 20],
                       ["20 February 2017", "9 January 2017"]])
    assert not fit.landscape and fit.font_pt == 11
    assert abs(sum(fit.cm) - PORTRAIT_CM) < 0.05
    ref, text, updated = fit.cm
    assert text > 2 * ref and text > 2 * updated
    assert updated >= text_cm("20 February 2017", 11) + 0.3  # a date stays on one line
    assert ref >= text_cm("Ref", 11, bold=True)


def test_a_table_a_little_too_wide_gets_smaller_type_then_landscape():
    def fit(*extra):
        words = ["Implementation"] * 4 + list(extra)
        return fit_columns(words, [[w] for w in words])

    assert (fit().landscape, fit().font_pt) == (False, 11)
    assert (fit("Ref").landscape, fit("Ref").font_pt) == (False, 10.5)  # a few mm: smaller
    assert (fit("Status").landscape, fit("Status").font_pt) == (False, 10)
    assert (fit("Updated").landscape, fit("Updated").font_pt) == (True, 11)  # more: turned
    widest = fit(*["Implementation"] * 4)
    assert widest.landscape and widest.font_pt == 10 and widest.tight


def test_monitoring_summary_is_shown_once(tmp_path):
    Builder().build(MONITORING, tmp_path, formats=("html",))
    tree = lxml.html.parse(str(tmp_path / f"{MONITORING.stem}.html"))
    text = " ".join(tree.xpath("//main")[0].text_content().split())
    assert text.count("Recommendations by status") == 1
    assert text.count("Recommendations by RAG rating") == 1
