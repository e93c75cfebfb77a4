"""`reportgen batch`: several meetings, incremental rebuilds, failures, reproducibility."""

import hashlib

import pytest

from reportgen.pack.build import PackBuilder

from .conftest import make_workbook, minimal_item, run


def meeting(folder, name, items: dict[str, str]):
    """A meeting workbook with one report per item: title -> purpose text."""
    rows = [["Item", "Title", "Report"]]
    for number, (title, text) in enumerate(items.items(), start=1):
        workbook = f"{name}-{number}.xlsx"
        make_workbook(folder / workbook, minimal_item(Sections=[["Section", "Text"],
                                                                ["Purpose", text]]))
        rows.append([number, title, workbook])
    return make_workbook(folder / f"{name}.xlsx", {
        "Meeting": [["Field", "Value"], ["Committee", f"Committee {name}"],
                    ["Date", "7 March 2017"]],
        "Agenda": rows})


@pytest.fixture
def two_meetings(tmp_path):
    source = tmp_path / "in"
    meeting(source / "a", "alpha", {"First": "Alpha one.", "Second": "Alpha two."})
    meeting(source / "b", "beta", {"Only": "Beta original text."})
    return source, tmp_path / "out"


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_batch_builds_then_skips_then_rebuilds_what_changed(two_meetings):
    source, out = two_meetings
    first = run("batch", source, "-o", out, "-j", "2")
    assert first.exit_code == 0, first.output
    assert "alpha: built" in first.output and "beta: built" in first.output
    assert (out / "alpha" / "agenda-pack.pdf").is_file()
    assert (out / "beta" / "items" / "01-only.docx").is_file()
    packs = {name: digest(out / name / "agenda-pack.pdf") for name in ("alpha", "beta")}

    second = run("batch", source, "-o", out)
    assert second.exit_code == 0
    assert "alpha: unchanged" in second.output and "beta: unchanged" in second.output
    table = second.output.splitlines()
    assert any(line.split()[:4] == ["beta", "1", "3", "unchanged"] for line in table), table

    make_workbook(source / "b" / "beta-1.xlsx", minimal_item(Sections=[
        ["Section", "Text"], ["Purpose", "Beta revised text."]]))
    third = run("batch", source, "-o", out)
    assert "alpha: unchanged" in third.output and "beta: built" in third.output
    assert digest(out / "alpha" / "agenda-pack.pdf") == packs["alpha"]
    assert digest(out / "beta" / "agenda-pack.pdf") != packs["beta"]
    from .conftest import pdf_pages_text
    text = " ".join(pdf_pages_text(out / "beta" / "agenda-pack.pdf"))
    assert "Beta revised text." in text and "Beta original text." not in text

    forced = run("batch", source, "-o", out, "--force")
    assert "alpha: built" in forced.output and "beta: built" in forced.output


def test_one_changed_item_is_the_only_one_laid_out_again(tmp_path):
    source = tmp_path / "in"
    path = meeting(source, "gamma", {"One": "One.", "Two": "Two.", "Three": "Three."})
    packer = PackBuilder(jobs=1)
    assert packer.build(path, tmp_path / "out").laid_out == 3
    assert packer.build(path, tmp_path / "out").laid_out == 0
    make_workbook(source / "gamma-2.xlsx", minimal_item(Sections=[["Section", "Text"],
                                                                  ["Purpose", "Two, changed."]]))
    result = packer.build(path, tmp_path / "out")
    assert result.laid_out == 1
    from .conftest import pdf_pages_text
    pages = pdf_pages_text(tmp_path / "out" / "agenda-pack.pdf")
    assert "Two, changed." in " ".join(pages)
    numbers = [int(p.strip().splitlines()[-1].removeprefix("Page ")) for p in pages]
    assert numbers == list(range(1, len(pages) + 1))


def test_a_broken_meeting_is_reported_and_the_others_still_built(two_meetings):
    source, out = two_meetings
    make_workbook(source / "c" / "broken.xlsx", {
        "Meeting": [["Field", "Value"], ["Committee", "Broken"]],
        "Agenda": [["Item", "Title", "Report"], [1, "Missing", "nowhere.xlsx"]]})
    result = run("batch", source, "-o", out)
    assert result.exit_code == 1
    assert "broken.xlsx: Agenda!C2: report 'nowhere.xlsx' not found" in result.output
    assert "broken: failed" in result.output
    assert (out / "alpha" / "agenda-pack.pdf").is_file()
    assert (out / "beta" / "agenda-pack.pdf").is_file()
    assert not (out / "broken").exists()


def test_no_meetings_is_bad_input(tmp_path):
    make_workbook(tmp_path / "item.xlsx", minimal_item())
    result = run("batch", tmp_path, "-o", tmp_path / "out")
    assert result.exit_code == 1 and "no meeting workbooks" in result.output


def test_two_builds_are_byte_identical(two_meetings):
    source, out = two_meetings
    for target in ("one", "two"):
        assert run("pack", source / "a" / "alpha.xlsx", "-o", out / target).exit_code == 0
    files = sorted(p.relative_to(out / "one") for p in (out / "one").rglob("*") if p.is_file())
    assert any(f.suffix == ".docx" for f in files) and any(f.suffix == ".pdf" for f in files)
    for name in files:
        assert digest(out / "one" / name) == digest(out / "two" / name), name


def test_two_meetings_with_one_name_are_refused(two_meetings):
    source, out = two_meetings
    (source / "b" / "alpha.xlsx").write_bytes((source / "a" / "alpha.xlsx").read_bytes())
    result = run("batch", source, "-o", out)
    assert result.exit_code == 1 and "has the same name as" in result.output
    assert not out.exists()


def test_a_meeting_left_out_of_the_public_index_is_said(two_meetings):
    source, out = two_meetings
    assert run("batch", source, "-o", out).exit_code == 0
    make_workbook(source / "b" / "beta.xlsx", {
        "Meeting": [["Field", "Value"], ["Committee", "Committee beta"],
                    ["Date", "7 March 2017"]],
        "Agenda": [["Item", "Title", "Report"], [1, "Only", "gone.xlsx"]]})
    result = run("batch", source, "-o", out)
    assert "beta: failed" in result.output
    assert "beta.xlsx: warning: left out of index.html, meetings.ics and feed.atom: " \
           "beta.xlsx: Agenda!C2: report 'gone.xlsx' not found" in result.output
    index = (out / "index.html").read_text()
    assert "Committee alpha" in index and "Committee beta" not in index
