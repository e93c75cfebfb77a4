"""The tag repair's quick paths give what its general ones give.

pdf_structure re-marks unclaimed content by pattern in WeasyPrint's streams and
parses any other stream; both must leave the same page content and tree.
"""

from __future__ import annotations

import io

import pikepdf

from reportgen.writers import pdf_structure
from reportgen.writers.pdf import PDF_OPTIONS, layout

# Running headers (margin boxes) and a table whose header row repeats on every
# page: marked content that no element claims, on every page.
_HTML = ("<!DOCTYPE html><html lang='en-GB'><head><title>t</title><style>@page {size: A6;"
         " @top-center {content: 'Running header'}} td, th {border: 1px solid}</style>"
         "</head><body><h1>Title</h1><table><thead><tr><th>Ref</th><th>Text</th></tr>"
         "</thead><tbody>"
         + "".join(f"<tr><td>{n}</td><td>Recommendation {n}</td></tr>" for n in range(60))
         + "</tbody></table></body></html>")


def _raw() -> bytes:
    with pdf_structure.element_hints():
        return layout(_HTML, []).write_pdf(uncompressed_pdf=True, **PDF_OPTIONS)


def _content(data: bytes) -> list:
    with pikepdf.open(io.BytesIO(data)) as pdf:
        return [[(str(op), [str(x) for x in operands])
                 for operands, op in pikepdf.parse_content_stream(page)]
                for page in pdf.pages]


def test_pattern_and_parse_re_mark_the_same_content(monkeypatch):
    raw = _raw()
    remarked = []
    pattern = pdf_structure._remarked
    monkeypatch.setattr(pdf_structure, "_remarked",
                        lambda *args: remarked.append(pattern(*args)) or remarked[-1])
    quick = pdf_structure.repair_bytes(raw)
    assert remarked and all(remarked)  # every page took the quick path
    monkeypatch.setattr(pdf_structure, "_remarked", lambda *args: False)
    parsed = pdf_structure.repair_bytes(raw)
    pages = _content(quick)
    assert len(pages) > 2
    assert pages == _content(parsed)
    artifacts = [operands for page in pages for op, operands in page
                 if op == "BDC" and operands[0] == "/Artifact"]
    assert len(artifacts) >= 2 * len(pages)  # the header on each page, and the repeated rows


def test_a_stream_not_written_as_weasyprint_writes_is_left_to_the_parser():
    pdf = pikepdf.new()
    stream = b"/P <</MCID 0>> BDC (BDC) Tj EMC\n"
    pdf.add_blank_page()
    page = pdf.pages[0].obj
    page.Contents = pdf.make_stream(stream)
    assert not pdf_structure._remarked(pdf, page, set())
    assert page.Contents.read_bytes() == stream
