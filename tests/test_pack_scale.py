"""What keeps long packs cheap, kept to the same result: page numbers and marks
laid out in chunks (pack.stamp) are the same pages as one document, numbered on
across chunks in the pack and in each item's own PDF; pages without forms,
layers or named destinations are appended as pikepdf's add_pages_from would.

Small inputs only; benchmarks/big_appendix.py measures thousands of pages.
"""

from __future__ import annotations

import io

import pdfplumber
import pytest
from weasyprint import HTML

from reportgen.build import Builder
from reportgen.pack import merge as merge_module
from reportgen.pack import stamp as stamp_module
from reportgen.pack.merge import merge, open_part, to_bytes
from reportgen.pack.stamp import StampPages, stamp_chunks, stamp_html

from .conftest import make_workbook, minimal_item, pdf_pages_text, run
from .test_pdf_inputs import SHAPES, hostile_pdf, text_pdf

LABELS = ["", "Agenda Item 2, Appendix A", "Agenda Item 2, Appendix A", "",
          "Agenda Item 3, Appendix B"]
SIZES = [(595.28, 841.89), (841.89, 595.28), (841.89, 1190.55), (595.28, 841.89), (400, 550)]


def drawn(documents: list[bytes]) -> list[tuple]:
    """Each page's size and words with their places, across documents in order."""
    pages = []
    for data in documents:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            pages += [(tuple(round(float(v), 2) for v in page.mediabox),
                       [(w["text"], round(w["x0"], 2), round(w["top"], 2))
                        for w in page.extract_words()]) for page in pdf.pages]
    return pages


def test_stamps_in_chunks_are_the_pages_of_one_document():
    builder = Builder()
    chunks = stamp_chunks(builder, 7, LABELS, SIZES, pages=2)
    assert len(chunks) == 3
    laid_out = [builder.layout(chunk).write_pdf() for chunk in chunks]
    whole = builder.layout(stamp_html(builder, 7, LABELS, SIZES)).write_pdf()
    assert drawn(laid_out) == drawn([whole])
    texts = [" ".join(word for word, *_ in words) for _, words in drawn(laid_out)]
    assert texts == ["Page 7", "Agenda Item 2, Appendix A Page 8",
                     "Agenda Item 2, Appendix A Page 9", "Page 10",
                     "Agenda Item 3, Appendix B Page 11"]
    pages = StampPages(laid_out)
    assert len(pages) == 5 and [float(p.mediabox[2]) for p in pages[3:]] == [595.28, 400]
    assert stamp_chunks(builder, 1, []) == []


@pytest.fixture(scope="module")
def chunked_pack(tmp_path_factory):
    """Two reports with appendices (one of pages of every shape), its stamps laid
    out three pages to a chunk."""
    folder = tmp_path_factory.mktemp("chunks")
    text_pdf(list(SHAPES.values())).save(folder / "site-plans.pdf")
    text_pdf([{}] * 4).save(folder / "responses.pdf")
    make_workbook(folder / "one.xlsx", minimal_item())
    make_workbook(folder / "two.xlsx", minimal_item())
    make_workbook(folder / "m.xlsx", {
        "Meeting": [["Field", "Value"], ["Committee", "Cabinet"], ["Date", "7 March 2017"]],
        "Agenda": [["Item", "Title", "Report", "Appendices"],
                   [1, "One", "one.xlsx", "site-plans.pdf"],
                   [2, "Two", "two.xlsx", "responses.pdf"]]})
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(stamp_module, "CHUNK_PAGES", 3)
        result = run("pack", folder / "m.xlsx", "-o", folder / "out")
    assert result.exit_code == 0, result.output
    return folder / "out"


MARKS = ("Agenda Item 1, Appendix A", "Agenda Item 2, Appendix A")


def last_line(text: str) -> str:
    return text.strip().splitlines()[-1]


def test_pack_numbers_run_on_across_chunks_and_appendix_pages_are_marked(chunked_pack):
    pages = pdf_pages_text(chunked_pack / "agenda-pack.pdf")
    assert [last_line(p) for p in pages] == [f"Page {n}" for n in range(1, len(pages) + 1)]
    marks = [next((m for m in MARKS if m in " ".join(p.split())), "") for p in pages]
    report = ["", ""]  # each report is two pages long
    assert marks == [""] + report + [MARKS[0]] * len(SHAPES) + report + [MARKS[1]] * 4


def test_each_items_own_pdf_has_its_pack_page_numbers(chunked_pack):
    pages = pdf_pages_text(chunked_pack / "agenda-pack.pdf")
    starts = [n for n, p in enumerate(pages, 1) if p.startswith("Agenda Item 2\n")]
    assert len(starts) == 1
    own = pdf_pages_text(chunked_pack / "items" / "02-two.pdf")
    assert [last_line(p) for p in own] == [f"Page {starts[0] + n}" for n in range(len(own))]


def test_pages_appended_directly_merge_as_add_pages_from_would(tmp_path, monkeypatch):
    text_pdf(list(SHAPES.values())).save(tmp_path / "plain.pdf")  # appended directly
    hostile_pdf(tmp_path / "form.pdf")  # a form: add_pages_from
    HTML(string="<html lang='en-GB'><a href='#end'>To the end</a><h1 style='break-before: "
         "page' id='end'>End</h1></html>").write_pdf(tmp_path / "linked.pdf")  # named dests

    def merged() -> bytes:
        parts = [open_part((tmp_path / f"{name}.pdf").read_bytes(), name, name=name)
                 for name in ("linked", "plain", "form", "plain")]
        return to_bytes(merge(parts, "Pack"))

    direct = merged()
    monkeypatch.setattr(merge_module, "_add_pages",
                        lambda out, src: out.add_pages_from(src, outlines="ignore"))
    assert direct == merged()


def test_stamping_never_decodes_a_pages_own_streams():
    """A page's content streams are kept as they are, around the stamp: joining them
    (as contents_coalesce did) inflates a small hostile appendix into gigabytes."""
    import zlib

    import pikepdf

    from reportgen.pack.merge import stamp

    target = pikepdf.new()
    target.add_blank_page(page_size=(595.28, 841.89))
    bomb = pikepdf.Stream(target, zlib.compress(b" " * (64 << 20), 1))
    bomb.Filter = pikepdf.Name.FlateDecode
    raw = bytes(bomb.read_raw_bytes())
    page = target.pages[0].obj
    page.Contents = pikepdf.Array([target.make_indirect(bomb),
                                   target.make_indirect(pikepdf.Stream(target, b"q Q"))])
    stamps = pikepdf.new()
    stamps.add_blank_page(page_size=(595.28, 841.89))
    stamp(target, [0], stamps)
    contents = list(target.pages[0].obj.Contents)
    assert len(contents) == 4  # q, the page's two streams untouched, Q and the stamp
    assert bytes(contents[1].read_raw_bytes()) == raw and len(raw) < 1 << 20
    assert contents[3].read_bytes().startswith(b"Q\n/Artifact <</Type /Pagination>> BDC")
