"""Workbooks read safely: any format, visible cells only, within limits, text as typed."""

from __future__ import annotations

import os
import re
import resource
import signal
import subprocess
import sys
from pathlib import Path

import lxml.html
import pytest

import reportgen
from reportgen.compose import markup
from reportgen.errors import InputError
from reportgen.files import read_limited, require_regular_file, resolve_input, sniff
from reportgen.readers import xlsx
from reportgen.readers.cells import clean_text, clean_text_report, normalise, split_lines
from reportgen.readers.placeholders import PLACEHOLDERS
from reportgen.readers.workbook import open_workbook, read_table

from . import hostile
from .conftest import make_workbook, minimal_item, run
from .corpus import REC_HEADER, edit, item


class Hung(BaseException):
    """Not an OSError (as TimeoutError is) nor an Exception, so no handler in the code
    under test can turn a hang into an ordinary refusal and a passing test."""


@pytest.fixture(autouse=True)
def no_hang():
    """A hang (a FIFO opened, a grid allocated) fails the test instead of blocking
    the suite: not a timing assertion, every case here takes a few seconds at most."""
    def fail(*_):
        raise Hung("reading the input did not finish")
    previous = signal.signal(signal.SIGALRM, fail)
    signal.alarm(60)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


def pdf_text(path: Path) -> str:
    """Content-stream order keeps each table cell's text together."""
    from pypdf import PdfReader

    return " ".join(" ".join(p.extract_text() for p in PdfReader(path).pages).split())


def refused(path: Path, *fragments: str) -> None:
    """build and check both exit 1 with one line naming the file, and no traceback."""
    for command in (("build", path, "-o", path.parent / "out"), ("check", path)):
        result = run(*command)
        assert result.exit_code == 1, result.output
        assert "Traceback" not in result.output
        first = result.output.strip().splitlines()[0]
        assert first.startswith(f"{path.name}: "), first
        for fragment in fragments:
            assert fragment in first, (fragment, first)
    assert not (path.parent / "out").exists()


# -- not workbooks ----------------------------------------------------------------
@pytest.mark.parametrize("make, fragments", [
    (hostile.fifo, ("named pipe",)),
    (hostile.dev_zero, ("a device",)),
    (hostile.pdf_named_xlsx, ("not an .xlsx workbook: it is a PDF document",)),
    (hostile.html_named_xls, ("not an .xls workbook: it is a web page (HTML)",)),
    (hostile.docx_named_xlsx, ("it is a Word document (.docx)",)),
    (hostile.plain_zip, ("it is a zip archive of other files",)),
], ids=["fifo", "symlink to /dev/zero", "pdf", "html", "docx", "zip"])
def test_not_a_workbook_is_one_line(make, fragments, tmp_path):
    refused(make(tmp_path), *fragments)


def test_a_folder_named_like_a_workbook(tmp_path):
    result = run("check", hostile.folder_named_xlsx(tmp_path))
    assert "Traceback" not in result.output


# -- too much ---------------------------------------------------------------------
def test_zip_bomb_refused_before_unpacking(tmp_path):
    refused(hostile.zip_bomb(tmp_path), "xl/media/image1.bin", "zip bomb")


def test_lying_zip_header_reads_no_more_than_declared(tmp_path):
    refused(hostile.lying_header(tmp_path), "damaged")


def test_cell_at_the_far_corner_is_refused_naming_it(tmp_path):
    refused(hostile.far_cell(tmp_path), "Recommendations!XFD1048576", "20,000 rows")


def test_hundred_thousand_rows_refused_promptly(tmp_path):
    refused(hostile.many_rows(tmp_path), "Recommendations!A20001", "20,000 rows")


def test_long_sheet_within_the_limit_is_read(tmp_path):
    book = open_workbook(hostile.many_rows(tmp_path, rows=5_000))
    rows = list(book.find("Recommendations").rows())
    assert len(rows) == 5_001 and rows[-1][1][1] == "Recommendation 5001."


def test_ten_million_shared_strings_declared(tmp_path):
    refused(hostile.shared_strings(tmp_path), "10,000,000 different texts")


def test_shared_strings_counted_not_trusted(tmp_path, monkeypatch):
    monkeypatch.setattr(xlsx, "MAX_SHARED_STRINGS", 5)
    with pytest.raises(InputError, match="6 different texts"):
        open_workbook(hostile.shared_strings(tmp_path, declared=1, held=50))


def test_two_million_styles_declared(tmp_path):
    refused(hostile.many_styles(tmp_path), "2,000,000 cell styles")


HOSTILE = {"fifo": hostile.fifo, "zero": hostile.dev_zero, "bomb": hostile.zip_bomb,
           "lying": hostile.lying_header, "far": hostile.far_cell, "rows": hostile.many_rows,
           "strings": hostile.shared_strings, "styles": hostile.many_styles,
           "ods": lambda folder: hostile.ods_item(folder, repeat={"Recommendations": 10**6})}
CHILD_ADDRESS_SPACE = 2 * 1024**3
CHILD_PEAK_MB = 600  # Python, openpyxl and calamine loaded take ~150 MB


def test_every_hostile_input_checked_in_bounded_memory(tmp_path):
    """`check` over a folder of every hostile input, in a child process capped at 2 GB
    of address space: each is one line, promptly, and the child's peak resident memory
    stays small. A capped child that allocates without bound would hit MemoryError,
    which the code could catch and report as an ordinary refusal: the peak catches it."""
    folder = tmp_path / "hostile"
    folder.mkdir()
    for name, make in HOSTILE.items():
        (tmp_path / name).mkdir()
        made = make(tmp_path / name)
        made.rename(folder / f"{name}{made.suffix}")
    code = ("import atexit, resource, sys; atexit.register(lambda: print('peak', resource."
            "getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)); "
            "from reportgen.cli import main; main(sys.argv[1:], prog_name='reportgen')")

    def cap():
        resource.setrlimit(resource.RLIMIT_AS, (CHILD_ADDRESS_SPACE, CHILD_ADDRESS_SPACE))
    env = {**os.environ, "PYTHONPATH": str(Path(reportgen.__file__).parents[1])}  # this tree
    result = subprocess.run([sys.executable, "-c", code, "check", str(folder)], cwd=tmp_path,
                            env=env, capture_output=True, text=True, timeout=30,
                            preexec_fn=cap)
    lines = result.stderr.strip().splitlines()
    peak_mb = int(lines[-1].removeprefix("peak ")) // 1024
    assert peak_mb < CHILD_PEAK_MB, (peak_mb, result.stderr)
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    for name in HOSTILE:
        assert any(line.startswith(f"{name}.") and ": warning" not in line
                   for line in lines), (name, result.stderr)


# -- regular expressions stay linear -------------------------------------------------
# Each input is big enough that a quadratic pattern would take minutes (32,000
# newlines squared is 10^9 steps); linear ones take milliseconds.
NEWLINES = "a" + "\n" * 200_000 + "b"
SPACES = " " * 200_000 + "x"
BRACKETS = "[insert " * 40_000


@pytest.mark.parametrize("text", [NEWLINES, SPACES, BRACKETS, "\n " * 100_000],
                         ids=["newlines", "spaces", "brackets", "blank lines"])
def test_text_functions_are_linear(text):
    assert split_lines(text) is not None
    assert clean_text(text) == text.strip()
    assert markup.parse_blocks(text) is not None
    PLACEHOLDERS.search(text.replace("[insert ", "[ins "))
    PLACEHOLDERS.search(text)


def test_long_cell_of_newlines_builds(tmp_path):
    text = "First line" + "\n" * 32_000 + "Last line"
    path = item(tmp_path, Recommendations=[REC_HEADER, [1, text, "Yes.", "June", "Ann"]],
                Sections=[["Section", "Text"], ["Purpose", text]])
    result = run("build", path, "-o", tmp_path / "out", "--format", "html,docx")
    assert result.exit_code == 0, result.output


# -- hidden means hidden ------------------------------------------------------------
def test_hidden_rows_columns_and_sheets_are_not_published(tmp_path):
    path = hostile.hidden_things(tmp_path)
    result = run("build", path, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.output
    html = (tmp_path / "out" / "item.html").read_text(encoding="utf-8")
    pdf = pdf_text(tmp_path / "out" / "item.pdf")
    for text in (html, pdf):
        assert "Shown recommendation." in text and "Public purpose." in text
        for secret in ("HIDDEN ROW TEXT", "SECRET NOTE", "Officer notes", "HIDDEN SHEET TEXT"):
            assert secret not in text


def test_check_lists_what_was_left_out_and_near_misses(tmp_path):
    result = run("check", hostile.hidden_things(tmp_path))
    out = result.output
    assert ("item.xlsx: Sections: warning: this sheet is hidden in Excel: left out of the "
            "report") in out
    assert "item.xlsx: Recommendations!A3: warning: row 3 is hidden in Excel" in out
    assert ("item.xlsx: Recommendations!F1: warning: column F 'Officer notes' is hidden in "
            "Excel: left out of the report") in out
    assert ("item.xlsx: Recommendations!G1: warning: header 'Statsu' is not one reportgen "
            "knows") in out and "(did you mean 'Status'?)" in out
    assert ("item.xlsx: Recomendations: warning: sheet 'Recomendations' is not read: "
            "expected a sheet named 'Recommendations'") in out


def test_book_api(tmp_path):
    book = open_workbook(hostile.hidden_things(tmp_path))
    assert [s.title for s in book.sheets] == ["Report", "Recommendations", "Narrative",
                                              "Recomendations"]
    assert book.hidden_sheets == ["Sections"]
    assert book.find("Section", "Sections") is None  # the hidden one is never used
    recs = book.find("Recommendation")
    assert recs.value("B2") == "Shown recommendation."
    assert recs.value("B3") is None and recs.value("F2") is None  # hidden row, column
    assert [str(gone) for gone in recs.left_out] == [
        "row 3 is hidden in Excel", "column F 'Officer notes' is hidden in Excel"]
    assert [n for n, _ in recs.rows()] == [1, 2]


def test_singular_and_plural_headers_and_sheets(tmp_path):
    path = make_workbook(tmp_path / "item.xlsx", minimal_item(
        Recommendations=None,
        Recommendation=[["Refs", "Recommendations", "Lead officers"], [1, "Plural.", "Ann"]]))
    book = open_workbook(path)
    table = read_table(book.find("Recommendations"),
                       {"ref": (), "recommendation": (), "lead_officer": ("Lead officer",)},
                       ("recommendation",))
    assert not table.missing and not table.suspects
    assert [c.key for c in table.columns] == ["ref", "recommendation", "lead_officer"]
    assert normalise("Status") == "status" and normalise("Progress") == "progress"


# -- text shows as typed ----------------------------------------------------------
def test_bidi_controls_and_surrogates_are_dropped_and_counted():
    text, dropped = clean_text_report("abc\u202edef\u2066x\u2069 _xD800_end")
    assert text == "abcdefx end" and dropped == ["U+202E", "U+2066", "U+2069", "U+D800"]
    assert clean_text_report("plain")[1] == []


def test_right_to_left_override_does_not_reverse_the_report(tmp_path):
    path = hostile.misleading_text(tmp_path)
    result = run("build", path, "-o", tmp_path / "out", "--format", "pdf,html")
    assert result.exit_code == 0, result.output
    html = lxml.html.parse(str(tmp_path / "out" / "item.html")).getroot().text_content()
    pdf = pdf_text(tmp_path / "out" / "item.pdf")
    for text in (html, pdf):
        assert "Approve the budget of 5 million now." in " ".join(text.split())
        assert "Surrogategone." in text
        assert not re.search("[\u202a-\u202e\u2066-\u2069\ud800-\udfff]", text)
    out = run("check", path).output
    assert "Recommendations!B2: warning: 2 characters that cannot be shown or would " \
           "reorder the text (U+202C, U+202E)" in out
    assert "Recommendations!B3: warning: 1 character" in out


# -- other formats ------------------------------------------------------------------
def test_ods_builds_without_hidden_cells(tmp_path):
    sheets = minimal_item(Recommendations=[
        REC_HEADER + ["Notes"], [1, "From LibreOffice.", "Yes.", "June", "Ann", "SECRET"],
        [2, "HIDDEN ODS ROW", "No.", "July", "Bo", ""]])
    sheets["Secret"] = [["Field", "Value"], ["Title", "HIDDEN ODS SHEET"]]
    path = hostile.ods_item(tmp_path, sheets, hidden_rows={"Recommendations": {3}},
                            hidden_columns={"Recommendations": {6}}, hidden_sheets=("Secret",))
    result = run("build", path, "-o", tmp_path / "out", "--format", "html")
    assert result.exit_code == 0, result.output
    html = (tmp_path / "out" / "item.html").read_text(encoding="utf-8")
    assert "From LibreOffice." in html and "Test item" in html
    for secret in ("HIDDEN ODS ROW", "SECRET", "HIDDEN ODS SHEET"):
        assert secret not in html
    out = run("check", path).output
    assert "item.ods: Recommendations!A3: warning: row 3 is hidden" in out
    assert "item.ods: Secret: warning: this sheet is hidden" in out


def test_ods_row_bomb_refused(tmp_path):
    refused(hostile.ods_item(tmp_path, repeat={"Recommendations": 1_000_000}),
            "Recommendations", "20,000 rows")


def test_legacy_xls_builds_without_hidden_cells(tmp_path):
    sheets = minimal_item(Recommendations=[
        REC_HEADER + ["Notes"], ["1", "From old Excel.", "Yes.", "June", "Ann", "SECRET"],
        ["2", "HIDDEN XLS ROW", "No.", "July", "Bo", ""]])
    path = hostile.xls_item(tmp_path, sheets, hidden_rows={"Recommendations": {3}},
                            hidden_columns={"Recommendations": {6}})
    result = run("build", path, "-o", tmp_path / "out", "--format", "html")
    assert result.exit_code == 0, result.output
    html = (tmp_path / "out" / "item.html").read_text(encoding="utf-8")
    assert "From old Excel." in html
    assert "HIDDEN XLS ROW" not in html and "SECRET" not in html


# -- files stay where they belong -------------------------------------------------------
def test_resolve_input_keeps_files_inside_the_allowed_folders(tmp_path):
    base, shared, outside = tmp_path / "meeting", tmp_path / "shared", tmp_path / "elsewhere"
    for folder in (base, shared, outside):
        folder.mkdir()
    (shared / "a.pdf").write_bytes(b"%PDF")
    (outside / "b.pdf").write_bytes(b"%PDF")
    (base / "link.pdf").symlink_to(outside / "b.pdf")
    source = base / "m.xlsx"
    assert resolve_input("../shared/a.pdf", base, [shared], "Agenda!F2", source) == \
        (shared / "a.pdf").resolve()
    for typed in ("../elsewhere/b.pdf", "link.pdf", "/etc/hostname"):
        with pytest.raises(InputError, match=r"^m\.xlsx: Agenda!F2: file .* is outside"):
            resolve_input(typed, base, [shared], "Agenda!F2", source)
    os.mkfifo(base / "pipe.pdf")
    with pytest.raises(InputError, match="named pipe"):
        resolve_input("pipe.pdf", base, [], "Agenda!F3", source)
    with pytest.raises(InputError, match="not found"):
        resolve_input("gone.pdf", base, [], "Agenda!F4", source)


def test_limited_reads_never_block_or_overread(tmp_path):
    os.mkfifo(tmp_path / "pipe")
    with pytest.raises(InputError, match="named pipe"):
        sniff(tmp_path / "pipe")
    with pytest.raises(InputError, match="a device"):
        require_regular_file(Path("/dev/zero"), "x.toml", "logo")
    big = tmp_path / "big.bin"
    big.write_bytes(b"x" * 101)
    assert read_limited(big, 101, big) == b"x" * 101
    with pytest.raises(InputError, match="larger than"):
        read_limited(big, 100, big)
    assert sniff(big, 4) == b"xxxx"


def test_batch_skips_a_fifo_named_like_a_meeting(tmp_path):
    os.mkfifo(tmp_path / "meeting.xlsx")
    result = run("batch", tmp_path, "-o", tmp_path / "out")
    assert result.exit_code == 1 and "no meeting workbooks" in result.output


def test_visible_sheet_titles_in_every_format(tmp_path):
    from reportgen.cycle.sheets import has_sheet
    from reportgen.readers.formats import sheet_titles, visible_sheet_titles
    from reportgen.readers.meeting import is_meeting_workbook

    for folder in ("a", "b", "c"):
        (tmp_path / folder).mkdir()
    ods = hostile.ods_item(tmp_path / "a", hidden_sheets=("Sections",))
    xls = hostile.xls_item(tmp_path / "b")
    xlsx = hostile.hidden_things(tmp_path / "c")
    assert visible_sheet_titles(ods) == ["Report", "Recommendations"]
    assert visible_sheet_titles(xls) == ["Report", "Recommendations", "Sections"]
    assert "Sections" not in visible_sheet_titles(xlsx)
    assert "Sections" in sheet_titles(xlsx, hidden=True)
    assert "Sections" in sheet_titles(ods, hidden=True) and has_sheet(ods, ("Section",))
    assert visible_sheet_titles(hostile.pdf_named_xlsx(tmp_path)) == []
    for folder, make in (("d", hostile.fifo), ("e", hostile.dev_zero)):  # never opened
        (tmp_path / folder).mkdir()
        assert not has_sheet(make(tmp_path / folder), ("Report",))
    meeting = hostile.ods_item(tmp_path, {"Meeting": [["Field", "Value"], ["Date", "1 May"]],
                                          "Agenda": [["Item", "Title"], [1, "Apologies"]]})
    assert is_meeting_workbook(meeting) and not is_meeting_workbook(ods)


def test_a_hidden_report_sheet_is_named_in_the_error(tmp_path):
    path = edit(item(tmp_path), lambda wb: setattr(wb["Report"], "sheet_state", "hidden"))
    result = run("check", path)
    assert result.exit_code == 1
    assert ("item.xlsx: no Report sheet: expected a sheet named Report with Field | Value rows "
            "(the sheet 'Report' is hidden in Excel") in result.output
