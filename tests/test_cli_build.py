"""`reportgen build`: exit codes, messages, all-or-nothing outputs."""

from reportgen import __version__

from .conftest import make_workbook, minimal_item, run


def test_version_and_help():
    assert __version__ in run("--version").output
    for command in ("build", "--help"):
        result = run(command, "--help") if command != "--help" else run("--help")
        assert result.exit_code == 0 and "Usage:" in result.output


def test_build_writes_the_requested_formats_only(tmp_path):
    item = make_workbook(tmp_path / "in" / "item.xlsx", minimal_item())
    result = run("build", item, "-o", tmp_path / "out", "--format", "docx,html")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["item.docx", "item.html"]


def test_missing_recommendations_sheet_exit_1_names_sheet_no_output(tmp_path):
    item = make_workbook(tmp_path / "item.xlsx", minimal_item(Recommendations=None))
    result = run("build", item, "-o", tmp_path / "out")
    assert result.exit_code == 1
    assert result.output.strip() == ("item.xlsx: no Recommendations sheet: expected a sheet "
                                     "named Recommendations with a Recommendation column")
    assert "Traceback" not in result.output
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_every_error_of_a_broken_workbook_at_once_as_check_gives_them(tmp_path):
    """A misspelt column and a misspelt Report type: both lines, not the first alone."""
    sheets = minimal_item(Recommendations=[["Ref", "Recomendation", "Executive response"],
                                           [1, "Do the thing.", "We will."]])
    sheets["Report"][1] = ["Report type", "exec-respnse"]
    item = make_workbook(tmp_path / "item.xlsx", sheets)
    result = run("build", item, "-o", tmp_path / "out")
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 2, lines
    assert lines[0].startswith("item.xlsx: Recommendations!A1: no Recommendation column "
                               "(did you mean 'Recomendation'?)")
    assert lines[1].startswith("item.xlsx: Report!B2: unknown Report type 'exec-respnse' "
                               "(did you mean 'executive-response'?)")
    checked = run("check", item).output.splitlines()
    assert all(line in checked for line in lines)
    assert not (tmp_path / "out").exists()


def test_unknown_section_exit_1_and_previous_outputs_kept(tmp_path):
    out = tmp_path / "out"
    good = make_workbook(tmp_path / "item.xlsx", minimal_item())
    assert run("build", good, "-o", out, "--format", "html").exit_code == 0
    before = (out / "item.html").read_bytes()
    make_workbook(tmp_path / "item.xlsx", minimal_item(Sections=[
        ["Section", "Text"], ["Purpose", "ok"], ["Summary of findings", "x"]]))
    result = run("build", good, "-o", out)
    assert result.exit_code == 1
    assert "item.xlsx: Sections!A3: unknown section 'Summary of findings'" in result.output
    assert (out / "item.html").read_bytes() == before
    assert sorted(p.name for p in out.iterdir()) == ["item.html"]  # no temporary files left


def test_bad_usage_exits_2(tmp_path):
    item = make_workbook(tmp_path / "item.xlsx", minimal_item())
    assert run("build", item, "--format", "odt").exit_code == 2
    assert run("build", tmp_path / "nope.xlsx").exit_code == 2
    assert run("frobnicate").exit_code == 2


def test_not_a_workbook_is_bad_input(tmp_path):
    bogus = tmp_path / "notes.xlsx"
    bogus.write_text("just text")
    result = run("build", bogus, "-o", tmp_path / "out")
    assert result.exit_code == 1
    assert result.output.startswith("notes.xlsx: not an .xlsx workbook")


def test_two_builds_of_an_item_are_byte_identical(tmp_path):
    from .conftest import MONITORING

    for target in ("one", "two"):
        assert run("build", MONITORING, "-o", tmp_path / target).exit_code == 0
    for fmt in ("pdf", "docx", "html"):
        name = f"{MONITORING.stem}.{fmt}"
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes()


def test_the_wrong_kind_of_workbook_says_which_command(tmp_path):
    from .conftest import MEETING, MERTON

    result = run("build", MEETING, "-o", tmp_path)
    assert result.exit_code == 1 and "this is a meeting workbook" in result.output
    result = run("pack", MERTON, "-o", tmp_path)
    assert result.exit_code == 1 and "looks like an item workbook" in result.output
