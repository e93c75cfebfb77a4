"""A rebuild with nothing changed: the manifest, and everything that makes it stale."""

from datetime import date, timedelta

import pytest

from reportgen.errors import InputError
from reportgen.pack.build import PackBuilder
from reportgen.pack.manifest import MANIFEST

from .conftest import make_workbook, minimal_item, run
from .test_batch import meeting

TODAY = date(2026, 11, 28)


@pytest.fixture
def built(tmp_path):
    path = meeting(tmp_path / "in", "gamma", {"One": "One.", "Two": "Two."})
    out = tmp_path / "out" / "gamma"
    first = PackBuilder(jobs=1).build(path, out, today=TODAY)
    assert first.laid_out == 2 and not first.unchanged
    return path, out, first


def mtimes(folder):
    return {p: p.stat().st_mtime_ns for p in folder.rglob("*") if p.is_file()}


def test_nothing_changed_reads_nothing_and_writes_nothing(built, monkeypatch):
    path, out, first = built
    before = mtimes(out) | mtimes(out.parent / "gamma-exempt")

    def read_again(*args, **kwargs):
        raise AssertionError("the meeting was read again")

    monkeypatch.setattr("reportgen.pack.build.resolve_meeting", read_again)
    again = PackBuilder(jobs=1).build(path, out, today=TODAY)
    assert again.unchanged and again.laid_out == 0
    assert (again.items, again.pages) == (first.items, first.pages)
    assert [str(p) for p in again.warnings] == [str(p) for p in first.warnings]
    assert any("publication deadline" in str(p) for p in again.warnings)
    assert sorted(p.resolve() for p in again.written) == sorted(
        p.resolve() for p in first.written)
    assert mtimes(out) | mtimes(out.parent / "gamma-exempt") == before


def test_the_manifest_is_kept_only_in_the_exempt_folder(built):
    _, out, _ = built
    assert (out.parent / "gamma-exempt" / MANIFEST).is_file()
    assert not any(p.name == MANIFEST for p in out.rglob("*"))


def test_a_changed_input_is_built_again(built):
    path, out, _ = built
    make_workbook(path.parent / "gamma-2.xlsx", minimal_item(Sections=[
        ["Section", "Text"], ["Purpose", "Two, changed."]]))
    again = PackBuilder(jobs=1).build(path, out, today=TODAY)
    assert not again.unchanged and again.laid_out == 1


def test_a_missing_or_edited_output_is_built_again(built):
    path, out, _ = built
    report = out / "items" / "01-one.pdf"
    report.unlink()
    again = PackBuilder(jobs=1).build(path, out, today=TODAY)
    assert not again.unchanged and report.is_file()
    (out / "agenda-pack.pdf").write_bytes(b"edited by hand")
    assert not PackBuilder(jobs=1).build(path, out, today=TODAY).unchanged
    assert (out / "agenda-pack.pdf").read_bytes().startswith(b"%PDF")


def test_other_options_or_force_build_again(built):
    path, out, _ = built
    assert not PackBuilder(jobs=1).build(path, out, today=TODAY, force=True).unchanged
    assert not PackBuilder(jobs=1).build(path, out, ("pdf",), today=TODAY).unchanged
    assert not PackBuilder(jobs=1).build(path, out, ("pdf",), out.parent / "elsewhere",
                                         today=TODAY).unchanged


def test_warnings_are_checked_again_on_another_day(built):
    path, out, _ = built
    tomorrow = PackBuilder(jobs=1).build(path, out, today=TODAY + timedelta(days=1))
    assert not tomorrow.unchanged and tomorrow.laid_out == 0  # reports from the cache
    assert PackBuilder(jobs=1).build(path, out, today=TODAY + timedelta(days=1)).unchanged


def test_strict_refuses_on_the_recorded_warnings(built):
    path, out, _ = built
    with pytest.raises(InputError, match="publication deadline"):
        PackBuilder(jobs=1).build(path, out, today=TODAY, strict=True)


def test_the_command_line_says_what_the_recorded_build_said(tmp_path):
    path = meeting(tmp_path / "in", "delta", {"One": "One."})
    out = tmp_path / "out"
    first = run("pack", path, "-o", out)
    again = run("pack", path, "-o", out)
    assert first.exit_code == again.exit_code == 0, again.output
    assert "publication deadline" in again.output
    assert "nothing changed since the last build" in again.output and "1 item" in again.output
    assert run("pack", path, "-o", out, "--strict").exit_code == 1
    forced = run("pack", path, "-o", out, "--force")
    assert forced.exit_code == 0 and "laid out 0, the rest from the cache" in forced.output
