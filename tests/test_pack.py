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
    return [int(text.strip().splitlines()[-1].removeprefix("Page ")) for text in pages]


def test_public_pack_pages_run_on_by_one_through_appendices(packed):
    out, _ = packed
    pages = pdf_pages_text(out / "agenda-pack.pdf")
    assert page_numbers(pages) == list(range(1, len(pages) + 1))
    assert any(p.startswith("Agenda Item 6, Appendix B") for p in pages)
    assert any(p.startswith("Agenda Item 3, Appendix A") and "Minutes of the meeting held on "
               "1 February 2017" in p for p in pages)  # the minutes' PDF on a procedural row


def test_agenda_page_ranges_land_on_the_items_and_their_appendices(packed):
    out, _ = packed
    pages = pdf_pages_text(out / "agenda-pack.pdf")
    front = "\n".join(p for p in pages if "Business" in p and "Pages" in p)
    ranges = {item: (int(first), int(last or first)) for item, first, last in re.findall(
        r"^(\d) .*?Pages? (\d+)(?: \u2013 (\d+))?$", front, re.M)}
    assert set(ranges) == {"3", "4", "5", "6", "7"}  # 8 late, 9 exempt: not in this pack
    ends = sorted(ranges.values())
    assert all(a[1] + 1 == b[0] for a, b in zip(ends, ends[1:], strict=False))
    assert ends[-1][1] == len(pages)
    for item, (first, last) in ranges.items():
        assert pages[first - 1].startswith(f"Agenda Item {item}"), item
        assert last == len(pages) or not pages[last].startswith(f"Agenda Item {item}")
    assert pages[ranges["6"][1] - 1].startswith("Agenda Item 6, Appendix B")


def test_bookmarks_one_per_item_with_sections_and_appendices(packed):
    out, _ = packed
    reader = PdfReader(out / "agenda-pack.pdf")
    top = [entry.title for entry in reader.outline if not isinstance(entry, list)]
    assert top[0] == "Overview and Scrutiny Commission"
    assert "4. Shared and outsourced services: executive response and action plan" in top
    assert "7. Waste and street cleansing contract: performance update" in top
    titles = outline_titles(out / "agenda-pack.pdf")
    assert "1 Purpose of report" in titles
    assert "Appendix A \u2013 Guiding principles for business cases" in titles
    assert "Appendix B \u2013 Savings by delivery option" in titles
    assert not any(t.endswith(".pdf") for t in titles)


def outline_tree(reader: PdfReader, entries=None) -> dict:
    """The bookmarks as {title: (page number from 1, {children})}, in order."""
    tree: dict = {}
    for entry in reader.outline if entries is None else entries:
        if isinstance(entry, list):  # the children of the entry before it
            last = next(reversed(tree))
            tree[last] = (tree[last][0], outline_tree(reader, entry))
        else:
            tree[entry.title] = (reader.get_destination_page_number(entry) + 1, {})
    return tree


def test_bookmark_tree_items_their_headings_and_appendices(packed):
    out, _ = packed
    reader = PdfReader(out / "agenda-pack.pdf")
    tree = outline_tree(reader)
    pages = pdf_pages_text(out / "agenda-pack.pdf")
    assert [t for t in tree if t[0].isdigit()] == [
        "3. Minutes of the previous meeting",
        "4. Shared and outsourced services: executive response and action plan",
        "5. Scrutiny review on shared services: scope",
        "6. Alternative delivery models: guiding principles for business cases",
        "7. Waste and street cleansing contract: performance update"]
    # a procedural row with the minutes and no report: its own bookmark, the appendix under it
    page, minutes = tree["3. Minutes of the previous meeting"]
    assert list(minutes) == ["Appendix A \u2013 Minutes, 1 February 2017"]
    assert minutes["Appendix A \u2013 Minutes, 1 February 2017"][0] == page
    assert pages[page - 1].startswith("Agenda Item 3, Appendix A")
    # the report's headings straight under the item (its own title root left out), then
    # the appendices lettered and titled
    page, six = tree["6. Alternative delivery models: guiding principles for business cases"]
    assert list(six)[0] == "1 Purpose of report" and six["1 Purpose of report"][0] == page
    assert list(six)[-3:] == ["14 Background papers",
                              "Appendix A \u2013 Guiding principles for business cases",
                              "Appendix B \u2013 Savings by delivery option"]
    assert not any(t.startswith("Alternative delivery") for t in six)
    for letter in "AB":
        first = next(p for t, (p, _) in six.items() if t.startswith(f"Appendix {letter}"))
        assert pages[first - 1].startswith(f"Agenda Item 6, Appendix {letter}")
    # a Word report: its own heading levels kept under the item
    _, seven = tree["7. Waste and street cleansing contract: performance update"]
    assert list(seven) == ["Recommendations", "Purpose of report", "Background",
                           "Performance", "Improvement plan", "Financial implications"]
    assert list(seven["Performance"][1]) == ["Key performance indicators",
                                             "Missed collections"]


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
    assert not any("contract-award" in p.name for p in (out / "items").iterdir())
    assert not (out / "agenda-pack-exempt.pdf").exists()
    exempt_dir = out.parent / f"{out.name}-exempt"
    exempt = " ".join(" ".join(pdf_pages_text(exempt_dir / "agenda-pack-exempt.pdf")).split())
    assert EXEMPT_WORDS in exempt and exempt.startswith("NOT FOR PUBLICATION")


def test_supplementary_pack_holds_the_late_item(packed):
    out, _ = packed
    pages = pdf_pages_text(out / "agenda-pack-supplementary.pdf")
    assert "Supplementary agenda" in pages[0]
    assert any(p.startswith("Agenda Item 8") for p in pages)
    assert page_numbers(pages) == list(range(1, len(pages) + 1))
    cover = " ".join(pages[0].split())
    assert "Reason for lateness: The February progress updates" in cover
    assert "Reason for urgency: The Commission's next meeting" in cover
    public = " ".join(pdf_pages_text(out / "agenda-pack.pdf"))
    assert "To follow in a supplementary agenda." in public
    assert "SR (16/17) 04" not in public


def test_per_item_files_appendices_and_index_links(packed):
    out, _ = packed
    names = sorted(p.name for p in (out / "items").iterdir())
    assert "04-shared-and-outsourced-services-executive-response-and-action.pdf" in names
    assert "03-minutes-of-the-previous-meeting-appendix-a.pdf" in names
    assert "06-alternative-delivery-models-guiding-principles-for-business-appendix-b.pdf" \
        in names
    assert len(names) == 5 * 3 + 3  # items 4-8 in three formats, three appendices
    tree = lxml.html.parse(str(out / "index.html")).getroot()
    links = tree.xpath("//a/@href")
    assert "agenda-pack.pdf" in links and "agenda-pack-supplementary.pdf" in links
    assert not any("exempt" in link for link in links)
    for link in links:
        if not link.startswith(("mailto:", "http:", "https:")):  # addresses typed are links
            assert (out / link).is_file(), link
    assert "Appendix B: Savings by delivery option (PDF)" in tree.text_content()
    # the per-item PDF is the pack's own layout: it starts on the pack's page
    item = pdf_pages_text(out / "items" / "05-scrutiny-review-on-shared-services-scope.pdf")
    assert item[0].startswith("Agenda Item 5")
    front = " ".join(pdf_pages_text(out / "agenda-pack.pdf")[:2])
    first = re.search(r"Scrutiny review on shared services: scope.*?Pages? (\d+)", front, re.S)
    assert item[0].strip().splitlines()[-1] == f"Page {first.group(1)}"


def test_agenda_as_councils_publish_it(packed):
    out, _ = packed
    front = " ".join(" ".join(pdf_pages_text(out / "agenda-pack.pdf")[:2]).split())
    assert "Procedural items" in front and "Part 2 \u2013 not open to the public" in front
    assert "To receive apologies for absence from members of the committee." in front
    assert "Presented by: Sophie Ellis" in front
    resolution = front.index("section 100A(4)")
    assert front.index("Part 2") < resolution < front.index("9 Shared IT infrastructure")
    assert "Item 9, Shared IT infrastructure: contract award: paragraph 3" in front


def test_word_report_is_in_the_pack_in_house_style(packed):
    out, _ = packed
    from .conftest import INPUTS
    source = INPUTS / "osc-2017-03-07" / "reports" / "waste-contract-performance.docx"
    stem = "07-waste-and-street-cleansing-contract-performance-update"
    assert (out / "items" / f"{stem}.docx").read_bytes() == source.read_bytes()
    pages = pdf_pages_text(out / "items" / f"{stem}.pdf")
    assert pages[0].startswith("Agenda Item 7")
    assert "Waste and street cleansing contract" in " ".join(pages)


def test_missing_item_and_appendix_one_line_each_and_no_pack(tmp_path):
    folder = tmp_path / "meeting"
    shutil.copytree(MEETING.parent, folder)
    (folder / "items" / "shared-services-scope.xlsx").unlink()
    (folder / "appendices" / "appendix-a-guiding-principles.pdf").unlink()
    out = tmp_path / "out"
    result = run("pack", folder / MEETING.name, "-o", out)
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 2, lines
    assert lines[0].startswith("osc-2017-03-07.xlsx: Agenda!D8: report ")
    assert "shared-services-scope.xlsx" in lines[0] and "not found" in lines[0]
    assert lines[1].startswith("osc-2017-03-07.xlsx: Agenda!I9: appendix ")
    assert "appendix-a-guiding-principles.pdf" in lines[1]
    assert not out.exists()


def test_a_bad_item_stops_the_pack_and_nothing_is_published(tmp_path):
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
    assert not (tmp_path / "out" / "agenda-pack.pdf").exists()
    assert not (tmp_path / "out" / "items").exists()


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
    assert len(html) == 5  # the five public reports' renderings


def test_every_built_in_template_keeps_to_the_document_vocabulary(packed, tmp_path):
    from reportgen.vocabulary import unknown_markup

    out, _ = packed
    pages = sorted((out / "items").glob("*.html")) + [out / "index.html"]
    assert len(pages) >= 6
    for page in pages:
        assert unknown_markup(page.read_text(encoding="utf-8")) == [], page.name
    assert unknown_markup("<p><aside class='x'>y</aside></p>") == [
        "<aside>", 'class "x" on <aside>']


def test_check_warns_about_council_template_markup_word_would_drop(tmp_path):
    templates = tmp_path / "ours"
    templates.mkdir()
    (templates / "briefing-note.html.j2").write_text(
        '{% extends "base.html.j2" %}{% block body %}<h1>{{ title }}</h1>'
        '<aside class="pullquote">Said</aside>{% endblock %}', encoding="utf-8")
    (tmp_path / "reportgen.toml").write_text('templates = "ours"\n', encoding="utf-8")
    sheets = minimal_item(Recommendations=None)
    sheets["Report"][1] = ["Report type", "briefing-note"]
    path = make_workbook(tmp_path / "note.xlsx", sheets)
    result = run("check", path, "--config", tmp_path / "reportgen.toml")
    assert "briefing-note.html.j2: warning: uses markup the Word writer does not know" \
        in result.output
    assert "<aside>" in result.output and 'class "pullquote"' in result.output


SECRET = "Tender score 91.25 for Bidder Q"


def public_bytes(folder) -> bytes:
    """Every byte a resident could read in a published folder: each file, every PDF
    stream decompressed, every part of every Word file."""
    import io
    import zipfile

    import pikepdf

    found = []
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        data = path.read_bytes()
        found.append(data)
        if path.suffix == ".pdf":
            with pikepdf.open(io.BytesIO(data)) as pdf:
                for obj in pdf.objects:
                    if isinstance(obj, pikepdf.Stream):
                        try:
                            found.append(obj.read_bytes())
                        except pikepdf.PdfError:
                            pass
            found.append(" ".join(pdf_pages_text(path)).encode())
        elif path.suffix == ".docx":
            with zipfile.ZipFile(path) as package:
                found += [package.read(name) for name in package.namelist()]
    return b"\n".join(found)


@pytest.mark.parametrize("side", ["report sheet", "agenda"])
def test_an_item_exempt_on_one_side_only_never_reaches_the_public_folder(tmp_path, side):
    secret = minimal_item(Sections=[["Section", "Text"], ["Purpose", SECRET]])
    if side == "report sheet":
        secret["Report"].append(["Exempt", "Paragraph 3"])
    make_workbook(tmp_path / "secret.xlsx", secret)
    make_workbook(tmp_path / "open.xlsx", minimal_item())
    meeting = make_workbook(tmp_path / "m.xlsx", {
        "Meeting": [["Field", "Value"], ["Committee", "Cabinet"], ["Date", "7 March 2017"]],
        "Agenda": [["Item", "Title", "Report", "Part II"], [1, "Open", "open.xlsx", None],
                   [2, "Contract award", "secret.xlsx", "3" if side == "agenda" else None]]})
    out = tmp_path / "out" / "m"
    result = run("pack", meeting, "-o", out)
    assert result.exit_code == 0, result.output
    assert SECRET.encode() not in public_bytes(out)
    assert b"Contract award" in (out / "index.html").read_bytes()  # the title, and only that
    exempt = " ".join(pdf_pages_text(out.parent / "m-exempt" / "agenda-pack-exempt.pdf"))
    assert SECRET in " ".join(exempt.split())
    own = pdf_pages_text(out.parent / "m-exempt" / "items" / "02-contract-award.pdf")
    assert "NOT FOR PUBLICATION" in own[0]
    if side == "report sheet":
        assert "exempt (paragraph 3) on one side only" in result.output
        strict = run("pack", meeting, "-o", tmp_path / "strict", "--strict")
        assert strict.exit_code == 1 and not (tmp_path / "strict").exists()


def test_an_item_made_exempt_is_removed_from_the_public_folder(tmp_path):
    make_workbook(tmp_path / "item.xlsx", minimal_item(
        Sections=[["Section", "Text"], ["Purpose", SECRET]]))

    def agenda(exempt):
        return make_workbook(tmp_path / "m.xlsx", {
            "Meeting": [["Field", "Value"], ["Committee", "Cabinet"], ["Date", "7 March 2017"]],
            "Agenda": [["Item", "Title", "Report", "Exempt"], [1, "Award", "item.xlsx", exempt]]})

    out = tmp_path / "out"
    assert run("pack", agenda(None), "-o", out).exit_code == 0
    (out / "items" / "not-ours.txt").write_text("a file reportgen did not write")
    assert (out / "items" / "01-award.pdf").is_file()
    assert run("pack", agenda("3"), "-o", out).exit_code == 0
    assert not (out / "items" / "01-award.pdf").exists()
    assert (out / "items" / "not-ours.txt").is_file()  # never touched
    assert SECRET.encode() not in public_bytes(out)
    assert (tmp_path / "out-exempt" / "items" / "01-award.pdf").is_file()


def test_two_items_that_would_share_a_file_name_are_refused(tmp_path):
    make_workbook(tmp_path / "a.xlsx", minimal_item())
    meeting = make_workbook(tmp_path / "m.xlsx", {
        "Meeting": [["Field", "Value"], ["Committee", "Cabinet"], ["Date", "7 March 2017"]],
        "Agenda": [["Item", "Title", "Report"], [1, "Budget", "a.xlsx"], [1, "Budget!", "a.xlsx"]]})
    result = run("pack", meeting, "-o", tmp_path / "out")
    assert result.exit_code == 1
    assert "m.xlsx: Agenda!A3: rows 2 and 3 would both be written as items/01-budget.*" \
        in result.output
