"""`reportgen pack` on the example meeting, and on broken meetings."""

import re
import shutil

import lxml.html
import pytest
from pypdf import PdfReader

from .conftest import MEETING, make_workbook, minimal_item, pdf_pages_text, run
from .pdfcheck import catalog, outline_titles, structure_types

EXEMPT_WORDS = "Bidder B scored 87.5"


@pytest.fixture(scope="module")
def packed(tmp_path_factory):
    out = tmp_path_factory.mktemp("pack")
    result = run("pack", MEETING, "-o", out)
    assert result.exit_code == 0, result.output
    return out, result.output


def page_numbers(pages):
    return [int(text.strip().splitlines()[-1]) for text in pages]


def test_public_pack_pages_run_on_by_one_through_appendices(packed):
    out, _ = packed
    pages = pdf_pages_text(out / "agenda-pack.pdf")
    assert page_numbers(pages) == list(range(1, len(pages) + 1))
    assert pages[-1].startswith("Agenda Item 6, Appendix A")


def test_agenda_page_ranges_land_on_the_items_and_their_appendices(packed):
    out, _ = packed
    pages = pdf_pages_text(out / "agenda-pack.pdf")
    front = "\n".join(p for p in pages if "Business" in p and "Pages" in p)
    ranges = {item: (int(first), int(last or first)) for item, first, last in re.findall(
        r"^(\d) .*?Pages? (\d+)(?: \u2013 (\d+))?$", front, re.M)}
    assert set(ranges) == {"3", "4", "5", "6"}  # 3 minutes (PDF), 7 late, 8 exempt: not here
    ends = sorted(ranges.values())
    assert all(a[1] + 1 == b[0] for a, b in zip(ends, ends[1:], strict=False))
    assert ends[-1][1] == len(pages)
    for item, (first, last) in ranges.items():
        if item != "3":
            assert pages[first - 1].startswith(f"Agenda Item {item}"), item
        assert not pages[last].startswith(f"Agenda Item {item}") if last < len(pages) else True
    assert pages[ranges["6"][1] - 1].startswith("Agenda Item 6, Appendix A")


def test_bookmarks_one_per_item_with_sections_and_appendix(packed):
    out, _ = packed
    reader = PdfReader(out / "agenda-pack.pdf")
    top = [entry.title for entry in reader.outline if not isinstance(entry, list)]
    assert top == ["Overview and Scrutiny Commission",
                   "Shared Services and Outsourced Services in Merton Task Group",
                   "Scrutiny review on shared services – Scope",
                   "Alternative delivery models: guiding principles for business cases"]
    titles = outline_titles(out / "agenda-pack.pdf")
    assert "1 Purpose of report" in titles
    assert titles[-2:] == ["Appendix A \u2013 Guiding principles",
                           "Appendix A: Guiding principles for business cases"]


def test_pack_is_tagged_titled_with_language_and_artifact_stamps(packed):
    out, _ = packed
    root = catalog(out / "agenda-pack.pdf")
    assert root["/Lang"] == "en-GB" and bool(root["/MarkInfo"]["/Marked"])
    types = structure_types(out / "agenda-pack.pdf")
    assert types.count("H1") >= 4 and "Table" in types and "TH" in types
    reader = PdfReader(out / "agenda-pack.pdf")
    assert reader.metadata.title == "Overview and Scrutiny Commission, 7 March 2017: Agenda"
    appendix_page = reader.pages[-1].get_contents().get_data()
    assert re.search(rb"/Artifact\s*<<\s*/Type\s*/Pagination>> BDC q [^Q]*/RGStamp\d+ Do Q EMC",
                     appendix_page)


def test_untagged_appendix_warns_by_name(packed):
    _, output = packed
    assert "appendix-a-guiding-principles.pdf: warning: is not a tagged PDF" in output


def test_exempt_content_only_in_the_exempt_pack(packed):
    out, _ = packed
    public = " ".join(" ".join(pdf_pages_text(out / "agenda-pack.pdf")).split())
    assert EXEMPT_WORDS not in public
    assert "exempt from publication under paragraph 3 of Part 1 of Schedule 12A" in public
    index = (out / "index.html").read_text()
    assert EXEMPT_WORDS not in index and "Shared IT infrastructure: contract award" in index
    for path in (out / "items").iterdir():
        assert EXEMPT_WORDS.encode() not in path.read_bytes() or path.suffix == ".docx"
    assert not any("contract-award" in p.name for p in (out / "items").iterdir())
    exempt = " ".join(" ".join(pdf_pages_text(out / "agenda-pack-exempt.pdf")).split())
    assert EXEMPT_WORDS in exempt and exempt.startswith("NOT FOR PUBLICATION")


def test_supplementary_pack_holds_the_late_item(packed):
    out, _ = packed
    pages = pdf_pages_text(out / "agenda-pack-supplementary.pdf")
    assert "Supplementary agenda" in pages[0]
    assert any(p.startswith("Agenda Item 7") for p in pages)
    assert page_numbers(pages) == list(range(1, len(pages) + 1))
    public = " ".join(pdf_pages_text(out / "agenda-pack.pdf"))
    assert "To follow in a supplementary agenda." in public
    assert "SR (16/17) 04" not in public


def test_per_item_files_and_index_links(packed):
    out, _ = packed
    names = sorted(p.name for p in (out / "items").iterdir())
    assert "04-shared-and-outsourced-services-executive-response-and-action.pdf" in names
    assert len(names) == 4 * 3  # items 4-7, three formats each
    tree = lxml.html.parse(str(out / "index.html")).getroot()
    links = tree.xpath("//a/@href")
    assert "agenda-pack.pdf" in links and "agenda-pack-supplementary.pdf" in links
    assert "agenda-pack-exempt.pdf" not in links
    for link in links:
        assert (out / link).is_file(), link
    # the per-item PDF is the pack's own layout: it starts on the pack's page
    item = pdf_pages_text(out / "items" / names[names.index(
        "05-scrutiny-review-on-shared-services-scope.pdf")])
    assert item[0].startswith("Agenda Item 5")
    assert item[0].strip().splitlines()[-1] == "10"


def test_missing_item_and_appendix_one_line_each_and_no_pack(tmp_path):
    folder = tmp_path / "meeting"
    shutil.copytree(MEETING.parent, folder)
    (folder / "items" / "shared-services-scope.xlsx").unlink()
    (folder / "appendices" / "appendix-a-guiding-principles.pdf").unlink()
    out = tmp_path / "out"
    result = run("pack", folder / MEETING.name, "-o", out)
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 2
    assert lines[0].startswith("osc-2017-03-07.xlsx: Agenda!C6: report "
                               "'items/shared-services-scope.xlsx' not found")
    assert lines[1].startswith("osc-2017-03-07.xlsx: Agenda!G7: appendix "
                               "'appendices/appendix-a-guiding-principles.pdf' not found")
    assert not out.exists()


def test_a_bad_item_is_reported_the_others_still_built_and_no_pack(tmp_path):
    make_workbook(tmp_path / "good.xlsx", minimal_item())
    make_workbook(tmp_path / "bad.xlsx", minimal_item(Sections=[
        ["Section", "Text"], ["Nonsense", "x"]]))
    meeting = make_workbook(tmp_path / "m.xlsx", {
        "Meeting": [["Field", "Value"], ["Committee", "Cabinet"], ["Date", "7 March 2017"]],
        "Agenda": [["Item", "Title", "Report"], [1, "Good", "good.xlsx"],
                   [2, "Bad", "bad.xlsx"]]})
    result = run("pack", meeting, "-o", tmp_path / "out")
    assert result.exit_code == 1
    assert "bad.xlsx: Sections!A2: unknown section 'Nonsense'" in result.output
    assert (tmp_path / "out" / "items" / "01-good.pdf").is_file()
    assert not (tmp_path / "out" / "agenda-pack.pdf").exists()


def test_scanned_appendix_warns_no_text_layer(tmp_path):
    from PIL import Image

    Image.new("RGB", (200, 280), "white").save(tmp_path / "scan.pdf")
    make_workbook(tmp_path / "good.xlsx", minimal_item())
    meeting = make_workbook(tmp_path / "m.xlsx", {
        "Meeting": [["Field", "Value"], ["Committee", "Cabinet"], ["Date", "7 March 2017"]],
        "Agenda": [["Item", "Title", "Report", "Appendices"],
                   [1, "Good", "good.xlsx", "scan.pdf"]]})
    result = run("pack", meeting, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert "scan.pdf: warning: has no text layer (a scan?)" in result.output
    pages = pdf_pages_text(tmp_path / "out" / "agenda-pack.pdf")
    assert pages[-1].strip().endswith(str(len(pages)))


def test_exempt_content_is_never_cached_beside_the_public_files(packed):
    out, _ = packed
    for path in (out / ".reportgen-cache").iterdir():
        assert EXEMPT_WORDS.encode() not in path.read_bytes(), path.name
    html = [p for p in (out / ".reportgen-cache").glob("*.html")]
    assert len(html) == 4  # the four public reports' renderings
