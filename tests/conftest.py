"""Shared fixtures: the example inputs, a workbook factory, output readers."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import Workbook

from reportgen.cli import main

ROOT = Path(__file__).resolve().parents[1]
INPUTS = ROOT / "inputs"
MEETING = INPUTS / "osc-2017-03-07" / "osc-2017-03-07.xlsx"
ITEMS = INPUTS / "osc-2017-03-07" / "items"
MERTON = ITEMS / "shared-services-executive-response.xlsx"
HARROW = ITEMS / "shared-services-scope.xlsx"
CABINET = ITEMS / "cabinet-business-case-principles.xlsx"
MONITORING = ITEMS / "recommendations-tracker.xlsx"
EXEMPT = ITEMS / "shared-it-contract-award.xlsx"


def pytest_configure(config):
    """Cap the suite's address space at 4 GB (it peaks near 0.5 GB), so a hostile
    input that makes reportgen allocate without bound cannot take the machine. Only a
    guard: a MemoryError can be caught and reported as a refusal, so test_workbooks
    asserts the peak memory of a capped child instead."""
    import resource

    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    cap = 4 * 1024**3
    if soft == resource.RLIM_INFINITY or soft > cap:
        resource.setrlimit(resource.RLIMIT_AS, (cap, hard))


def make_workbook(path: Path, sheets: dict[str, list[list]]) -> Path:
    """Write a workbook: sheet name -> rows (first row usually the header)."""
    wb = Workbook()
    del wb["Sheet"]
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append(row)
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path


def minimal_item(**overrides) -> dict[str, list[list]]:
    """The smallest valid executive-response item, as sheets for make_workbook."""
    sheets = {
        "Report": [["Field", "Value"], ["Report type", "executive-response"],
                   ["Committee", "Overview and Scrutiny Commission"],
                   ["Meeting date", "7 March 2017"], ["Title", "Test item"]],
        "Recommendations": [["Ref", "Recommendation", "Executive response", "Timeline",
                             "Lead officer"],
                            [1, "Do the thing.", "We will do it.", "June 2017", "Director"]],
        "Sections": [["Section", "Text"], ["Purpose of report", "To test."]],
    }
    sheets.update(overrides)
    return {k: v for k, v in sheets.items() if v is not None}


def run(*args: str):
    """Run the CLI in-process; returns click's Result (exit_code, output)."""
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def pdf_pages_text(path: Path) -> list[str]:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return [page.extract_text() or "" for page in pdf.pages]


@pytest.fixture(scope="session")
def merton_build(tmp_path_factory) -> dict[str, Path]:
    """The Merton example built once into all three formats."""
    out = tmp_path_factory.mktemp("merton")
    result = run("build", MERTON, "-o", out)
    assert result.exit_code == 0, result.output
    return {fmt: out / f"{MERTON.stem}.{fmt}" for fmt in ("pdf", "docx", "html")}


@pytest.fixture
def workdir(tmp_path) -> Path:
    return tmp_path


@pytest.fixture
def merton_copy(tmp_path) -> Path:
    target = tmp_path / MERTON.name
    shutil.copy(MERTON, target)
    return target


@pytest.fixture
def fetched(monkeypatch) -> list[tuple[str, str]]:
    """Every URL the PDF renderer asks for, as (url, "fetched" | "refused")."""
    from reportgen.writers import pdf as pdf_writer

    calls: list[tuple[str, str]] = []
    original = pdf_writer.TemplateOnlyFetcher.fetch

    def spy(self, url, headers=None):
        try:
            response = original(self, url, headers)
        except ValueError:
            calls.append((url, "refused"))
            raise
        calls.append((url, "fetched"))
        return response

    monkeypatch.setattr(pdf_writer.TemplateOnlyFetcher, "fetch", spy)
    return calls
