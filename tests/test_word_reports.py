"""Word reports: an officer's .docx laid out in house style, published unchanged."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
from docx import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from reportgen.build import Builder
from reportgen.compose.templates import TemplateSet
from reportgen.compose.word import compose_word_report
from reportgen.readers.word import read_word_report, word_report_warnings
from reportgen.readers.word_html import clean_fragment, to_html

from .conftest import INPUTS, pdf_pages_text, run
from .pdfcheck import structure_types

EXAMPLE = INPUTS / "osc-2017-03-07" / "reports" / "waste-contract-performance.docx"
TITLE = "Waste and street cleansing contract: performance update"
HEADINGS = ["Recommendations", "Purpose of report", "Background", "Performance",
            "Key performance indicators", "Missed collections", "Improvement plan",
            "Financial implications"]


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict:
    out = tmp_path_factory.mktemp("word")
    result = run("build", EXAMPLE, "-o", out)
    assert result.exit_code == 0, result.output
    files = {fmt: out / f"{EXAMPLE.stem}.{fmt}" for fmt in ("pdf", "docx", "html")}
    return {"result": result, **files}


def png() -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (40, 20), "#1d3f6e").save(buffer, "PNG")
    return buffer.getvalue()


def make_docx(path: Path, title: str | None = None, headings: bool = True, edit=None) -> Path:
    """A small officer's report; edit(doc) changes it before it is saved."""
    doc = Document()
    if title is not None:
        doc.core_properties.title = title
    if headings:
        doc.add_heading("Parking permits review", level=1)
    doc.add_paragraph("The review looked at resident permits in every zone.")
    if headings:
        doc.add_heading("Findings", level=2)
    doc.add_paragraph("Permit take-up rose by a tenth.")
    if edit:
        edit(doc)
    doc.save(path)
    return path


def picture(doc, alt: str | None = None):
    doc.add_picture(io.BytesIO(png()))
    inline = doc.inline_shapes[-1]._inline
    if alt is not None:
        inline.docPr.set("descr", alt)
    return inline


def warnings_text(path: Path) -> str:
    return "\n".join(str(p) for p in word_report_warnings(path))


# -- the example, built ------------------------------------------------------

def test_pdf_has_the_words_and_headings_in_order(built):
    text = "\n".join(pdf_pages_text(built["pdf"]))
    positions = [text.find(h) for h in [TITLE.split(":")[0]] + HEADINGS]
    assert -1 not in positions and positions == sorted(positions), positions
    for words in ("Overview and Scrutiny Commission", "litter picking and mechanical sweeping",
                  "Missed bin collections per 100,000", "142", "38.9",
                  "Four of the seven indicators are improving", "£46,300"):
        assert words in text.replace("\n", " "), words


def test_pdf_is_tagged_with_headings_lists_tables_and_a_figure(built):
    tags = set(structure_types(built["pdf"]))
    assert {"H1", "H2", "H3", "L", "LI", "Table", "TH", "TD", "Figure"} <= tags


def test_pdf_figure_carries_the_alt_text(built):
    import pikepdf

    def figures(node):
        if isinstance(node, pikepdf.Array):
            for child in node:
                yield from figures(child)
        elif isinstance(node, pikepdf.Dictionary) and "/K" in node:
            if node.get("/S") == "/Figure":
                yield str(node.get("/Alt", ""))
            yield from figures(node.K)

    with pikepdf.open(built["pdf"]) as pdf:
        alts = list(figures(pdf.Root.StructTreeRoot))
    assert len(alts) == 1 and alts[0].startswith("Bar chart of missed bin collections"), alts


def test_html_has_headings_in_order_and_column_headers(built):
    html = built["html"].read_text(encoding="utf-8")
    assert f"<title>{TITLE}</title>" in html
    headings = re.findall(r"<h([1-4])>(.*?)</h\1>", html)
    assert headings[0] == ("1", TITLE)
    assert [text for _, text in headings[1:]] == HEADINGS
    assert ('<thead><tr><th scope="col">KPI</th><th scope="col">Target</th>'
            '<th scope="col">Q1</th>') in html
    assert re.search(r'<img src="data:image/png;base64,[^"]+" alt="Bar chart of missed', html)
    assert "<li>street cleansing, including:<ul><li>litter picking" in html  # nested list


def test_word_file_is_the_officers_own_bytes(built):
    assert built["docx"].read_bytes() == EXAMPLE.read_bytes()


def test_clean_example_warns_nothing(built):
    assert built["result"].output.strip().splitlines() == [str(built[f]) for f in
                                                           ("pdf", "docx", "html")]
    assert word_report_warnings(EXAMPLE) == []


# -- API for the pack ------------------------------------------------------

def test_builder_renders_a_docx_and_outputs_its_own_bytes():
    builder = Builder()
    rendered = builder.render(EXAMPLE, agenda_item="7", layout=False, page_numbers=False)
    assert rendered.item.title == TITLE and rendered.warnings == []
    assert "Agenda Item 7" in rendered.html
    assert "@bottom-center { content: none; }" in rendered.html
    assert builder.outputs(rendered, ("docx",)) == {"docx": EXAMPLE.read_bytes()}


def test_compose_marks_an_exempt_report():
    report = read_word_report(EXAMPLE)
    html = compose_word_report(report, TemplateSet(), exempt_paragraph=3)
    assert "Not for publication</span> by virtue of paragraph 3" in html  # capitals by CSS
    assert 'class="report kind-word-report exempt"' in html


def test_word_report_template_is_not_a_report_type():
    assert "word-report" not in TemplateSet().kinds()


# -- the title -----------------------------------------------------------------

def test_title_from_the_title_property(tmp_path):
    path = make_docx(tmp_path / "r.docx", title="Parking permits: annual review")
    report = read_word_report(path)
    assert report.title == "Parking permits: annual review"
    assert "<h2>Parking permits review</h2>" in report.body_html  # a heading, kept


def test_title_from_the_first_heading_which_is_not_repeated(tmp_path):
    report = read_word_report(make_docx(tmp_path / "r.docx"))
    assert report.title == "Parking permits review"
    assert "Parking permits review" not in report.body_html
    assert report.body_html.startswith("<p>The review looked at")


def test_title_from_the_file_name_when_nothing_else(tmp_path):
    report = read_word_report(make_docx(tmp_path / "parking_permits-review.docx",
                                        headings=False))
    assert report.title == "Parking permits review"


# -- warnings ----------------------------------------------------------------

def test_tracked_change_warns_with_its_paragraph(tmp_path):
    def edit(doc):
        doc.paragraphs[-1]._p.append(parse_xml(
            f'<w:ins {nsdecls("w")} w:id="90" w:author="Officer" w:date="2017-02-01T10:00:00Z">'
            "<w:r><w:t> Up by 12%.</w:t></w:r></w:ins>"))

    text = warnings_text(make_docx(tmp_path / "r.docx", title="T", edit=edit))
    assert ("r.docx: paragraph 4: warning: the document still has 1 tracked change, the "
            "first here (under \u201cFindings\u201d)") in text


def test_comment_warns(tmp_path):
    def edit(doc):
        doc.add_comment(doc.paragraphs[1].runs, text="Check the figure", author="Clerk")

    text = warnings_text(make_docx(tmp_path / "r.docx", title="T", edit=edit))
    assert "r.docx: paragraph 2: warning: the document has 1 comment" in text
    assert "Delete All Comments" in text


def test_picture_without_alt_text_warns_and_with_alt_does_not(tmp_path):
    without = make_docx(tmp_path / "a.docx", title="T", edit=lambda doc: picture(doc))
    text = warnings_text(without)
    assert "a.docx: paragraph 5: warning: a picture (under \u201cFindings\u201d) has no alt text" \
        in text
    with_alt = make_docx(tmp_path / "b.docx", title="T",
                         edit=lambda doc: picture(doc, "Permits by zone"))
    assert word_report_warnings(with_alt) == []
    assert 'alt="Permits by zone"' in read_word_report(with_alt).body_html


def test_no_headings_warns(tmp_path):
    text = warnings_text(make_docx(tmp_path / "r.docx", title="T", headings=False))
    assert "r.docx: warning: has no headings: the report will not be navigable" in text


def test_table_without_header_row_warns(tmp_path):
    def edit(doc):
        table = doc.add_table(rows=3, cols=2)
        table.cell(0, 0).text = "Zone"

    text = warnings_text(make_docx(tmp_path / "r.docx", title="T", edit=edit))
    assert "r.docx: table 1: warning: the table (under \u201cFindings\u201d) has no header row" \
        in text


def test_build_prints_warnings_one_line_each_and_exits_0(tmp_path):
    path = make_docx(tmp_path / "r.docx", title="T", headings=False,
                     edit=lambda doc: picture(doc))
    result = run("build", path, "-o", tmp_path / "out", "--format", "html")
    assert result.exit_code == 0, result.output
    lines = result.output.strip().splitlines()
    assert [line.split(": warning: ")[0] for line in lines[:-1]] == ["r.docx: paragraph 3",
                                                                     "r.docx"]
    assert lines[-1].endswith("r.html")


# -- hostile documents -----------------------------------------------------------

def one_line_error(tmp_path: Path, path: Path) -> str:
    result = run("build", path, "-o", tmp_path / "out")
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.output, result.output
    assert not (tmp_path / "out").exists()
    return lines[0]


def test_not_a_zip_is_one_line(tmp_path):
    path = tmp_path / "notes.docx"
    path.write_text("<html>not a Word document</html>")
    assert one_line_error(tmp_path, path).startswith(
        "notes.docx: is not a .docx Word document (it is not a zip package)")


def test_truncated_docx_is_one_line(tmp_path):
    path = tmp_path / "cut.docx"
    path.write_bytes(EXAMPLE.read_bytes()[:20000])
    assert one_line_error(tmp_path, path).startswith("cut.docx: is damaged")


def test_encrypted_docx_is_one_line(tmp_path):
    path = tmp_path / "locked.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 500
                     + "EncryptedPackage".encode("utf-16-le") + b"\0" * 500)
    assert "password-protected" in one_line_error(tmp_path, path)


def test_zip_bomb_part_is_refused(tmp_path):
    path = make_docx(tmp_path / "bomb.docx", title="T")
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as package:
        package.writestr("word/media/filler.bin", b"\0" * (51 * 1024 * 1024))
    assert path.stat().st_size < 1024 * 1024  # small on disk, 51 MB unpacked
    assert one_line_error(tmp_path, path) == (
        "bomb.docx: part word/media/filler.bin is 51 MB unpacked, more than the 50 MB "
        "reportgen reads: refusing it")


def test_entity_declarations_are_refused(tmp_path):
    path = make_docx(tmp_path / "lol.docx", title="T")
    rewrite_part(path, "word/document.xml", lambda xml: xml.replace(
        b"?>", b'?><!DOCTYPE w:document [<!ENTITY lol "lol">]>', 1))
    assert "declares a DTD or entities" in one_line_error(tmp_path, path)


def test_linked_picture_is_never_fetched(tmp_path, fetched, monkeypatch):
    opened: list[str] = []
    monkeypatch.setattr("urllib.request.urlopen", lambda *a, **k: opened.append(a) or None)

    def edit(doc):
        inline = picture(doc, "A linked picture")
        rid = doc.part.relate_to("file:///etc/passwd", RT.IMAGE, is_external=True)
        blip = next(inline.iter(qn("a:blip")))
        del blip.attrib[qn("r:embed")]
        blip.set(qn("r:link"), rid)

    path = make_docx(tmp_path / "linked.docx", title="T", edit=edit)
    result = run("build", path, "-o", tmp_path / "out", "--format", "pdf,html")
    assert result.exit_code == 0, result.output
    assert ("linked.docx: paragraph 5: warning: a picture (under \u201cFindings\u201d) is "
            "linked from outside the document (file:///etc/passwd) and is left out") \
        in result.output
    html = (tmp_path / "out" / "linked.html").read_text(encoding="utf-8")
    assert "<img" not in html and "root:" not in html
    assert not opened and all("passwd" not in url for url, _ in fetched)


def rewrite_part(path: Path, name: str, change) -> None:
    parts = {}
    with zipfile.ZipFile(path) as package:
        for info in package.infolist():
            parts[info.filename] = package.read(info)
    parts[name] = change(parts[name])
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        for part, data in parts.items():
            package.writestr(part, data)


# -- cleaning mammoth's HTML ---------------------------------------------------------

def test_only_our_elements_and_safe_attributes_are_kept():
    root = clean_fragment(
        '<p id="x" style="color:red">A <a href="javascript:alert(1)">bad</a> and '
        '<a href="https://example.org/x">good</a> link<sup>2</sup>.</p>'
        '<h5>Deep</h5><table><thead><tr><th colspan="2" onclick="x">H</th></tr></thead>'
        '<tbody><tr><td rowspan="9999">a</td><td rowspan="2">b</td></tr></tbody></table>'
        '<p><img src="file:///etc/passwd" alt="x"><img src="data:image/png;base64,AAAA" '
        'alt=" A  chart "></p><p>&lt;script&gt;alert(1)&lt;/script&gt;</p>')
    html = to_html(root)
    assert html == (
        '<p>A bad and <a href="https://example.org/x">good</a> link2.</p>Deep'
        '<table><thead><tr><th colspan="2" scope="col">H</th></tr></thead>'
        '<tbody><tr><td>a</td><td rowspan="2">b</td></tr></tbody></table>'
        '<p><img src="data:image/png;base64,AAAA" alt="A chart"></p>'
        '<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>')


def test_warnings_for_check_give_the_error_of_an_unreadable_file(tmp_path):
    path = tmp_path / "notes.docx"
    path.write_bytes(b"PK\x03\x04 truncated")
    problems = word_report_warnings(path)
    assert len(problems) == 1 and problems[0].severity == "error"
    assert str(problems[0]).startswith("notes.docx: is damaged")


def test_picture_in_a_format_the_pdf_cannot_show_warns(tmp_path):
    path = make_docx(tmp_path / "r.docx", title="T", edit=lambda doc: picture(doc, "Zones"))
    media = next(n for n in zipfile.ZipFile(path).namelist() if n.startswith("word/media/"))
    rewrite_part(path, media, lambda data: b"\x01\x00\x00\x00 an EMF drawing")
    report = read_word_report(path)
    assert "<img" not in report.body_html
    assert [str(p) for p in report.warnings] == [
        "r.docx: warning: 1 picture (image/png) cannot be shown in the PDF, which takes PNG, "
        "JPEG and GIF pictures, and is left out: in Word, cut each one and paste it back as a "
        "PNG picture (Paste Special)"]


def word_meeting(folder: Path, report: Path) -> Path:
    from .conftest import make_workbook

    return make_workbook(folder / "meeting.xlsx", {
        "Meeting": [["Field", "Value"], ["Committee", "Cabinet"], ["Date", "7 March 2017"]],
        "Agenda": [["Item", "Title", "Report"], [1, "Waste contract", report.name]]})


def test_a_pack_reads_each_word_report_once(tmp_path, monkeypatch):
    import reportgen.readers.word as word
    from reportgen.pack.build import PackBuilder

    report = tmp_path / EXAMPLE.name
    report.write_bytes(EXAMPLE.read_bytes())
    reads = []
    original = word.read_word_report
    monkeypatch.setattr(word, "read_word_report",
                        lambda path: reads.append(path) or original(path))
    result = PackBuilder(jobs=1).build(word_meeting(tmp_path, report), tmp_path / "out")
    assert result.laid_out == 1 and reads == [report]
    assert TITLE in " ".join(" ".join(pdf_pages_text(tmp_path / "out" / "agenda-pack.pdf"))
                             .split())


def test_a_damaged_word_report_in_a_meeting_is_one_error_and_nothing_is_built(tmp_path):
    report = tmp_path / "cut.docx"
    report.write_bytes(EXAMPLE.read_bytes()[:20000])
    result = run("pack", word_meeting(tmp_path, report), "-o", tmp_path / "out")
    assert result.exit_code == 1
    errors = [line for line in result.output.splitlines() if line.startswith("cut.docx")]
    assert len(errors) == 1 and errors[0].startswith("cut.docx: is damaged"), result.output
    assert not (tmp_path / "out" / "agenda-pack.pdf").exists()
