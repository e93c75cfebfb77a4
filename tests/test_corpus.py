"""Every corpus case through `reportgen build` and `reportgen check`."""

import re

import docx
import lxml.html
import pytest
from pypdf import PdfReader

from .conftest import run
from .corpus import CASES, Case


def flat(text: str) -> str:
    return " ".join(text.split())


def docx_text(path) -> str:
    document = docx.Document(path)
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts += [cell.text for cell in row.cells]
    return flat(" ".join(parts))


def output_texts(out, formats: str) -> dict[str, str]:
    texts = {}
    if "html" in formats:
        texts["html"] = flat(lxml.html.parse(str(out / "item.html")).getroot().text_content())
    if "docx" in formats:
        texts["docx"] = docx_text(out / "item.docx")
    if "pdf" in formats:  # content-stream order keeps each table cell's text together
        texts["pdf"] = flat(" ".join(p.extract_text() for p in PdfReader(out / "item.pdf").pages))
    return texts


def test_corpus_is_large_enough():
    assert len(CASES) >= 25


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_build(case: Case, tmp_path, fetched):
    source = tmp_path / "in"
    source.mkdir()
    path = case.make(source)
    out = tmp_path / "out"
    result = run("build", path, "-o", out, "--format", case.formats)
    assert result.exit_code == case.exit_code, result.output
    assert "Traceback" not in result.output
    for fragment in case.message:
        assert fragment in result.output, (fragment, result.output)
    if case.exit_code:
        assert not out.exists() or not any(out.iterdir())
        first = result.output.strip().splitlines()[0]
        assert re.match(r"^item\.xlsx: ", first), first
        return
    for fmt, text in output_texts(out, case.formats).items():
        for literal in case.literal:
            assert flat(literal) in text, (fmt, literal)
        for gone in case.absent:
            assert flat(gone) not in text, (fmt, gone)
    assert all(status == "refused" or url.startswith("data:") for url, status in fetched), fetched


@pytest.mark.parametrize("case", [c for c in CASES if c.exit_code or c.check_warnings],
                         ids=[c.name for c in CASES if c.exit_code or c.check_warnings])
def test_check_agrees_with_build(case: Case, tmp_path):
    path = case.make(tmp_path)
    result = run("check", path)
    assert result.exit_code == case.exit_code, result.output
    for fragment in case.message + case.check_warnings:
        assert fragment in result.output, (fragment, result.output)
    assert list(tmp_path.iterdir()) == [path] + ([tmp_path / "sections"]
                                                if (tmp_path / "sections").exists() else [])
