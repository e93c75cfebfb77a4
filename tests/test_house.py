"""A council's own house style: reportgen.toml, template overrides, new kinds."""

import io
import textwrap

import docx
import lxml.html
import pytest
from PIL import Image

from .conftest import make_workbook, minimal_item, run


@pytest.fixture
def council(tmp_path):
    folder = tmp_path / "council"
    (folder / "templates").mkdir(parents=True)
    logo = io.BytesIO()
    Image.new("RGB", (120, 40), (0, 102, 0)).save(logo, format="PNG")
    (folder / "logo.png").write_bytes(logo.getvalue())
    (folder / "reportgen.toml").write_text(textwrap.dedent("""
        council = "Test Borough Council"
        logo = "logo.png"
        templates = "templates"
        accent_colour = "#006600"
        font = "DejaVu Serif, serif"
    """))
    (folder / "templates" / "executive-response.toml").write_text(textwrap.dedent("""
        required_sheets = ["Recommendations"]
        [[sections]]
        name = "Why this report matters"
        synonyms = ["Purpose of report", "Purpose"]
        [[sections]]
        name = "What the executive will do"
        table = "responses"
        [[sections]]
        name = "Money"
        default = "There are no financial implications."
    """))
    (folder / "templates" / "briefing-note.html.j2").write_text(textwrap.dedent("""
        {% extends "base.html.j2" %}
        {% import "_macros.html.j2" as m with context %}
        {% block body %}
        <h1>Briefing note: {{ title }}</h1>
        {{ m.report_sections(sections) }}
        {% endblock %}
    """))
    return folder


def build(tmp_path, council, sheets, *extra):
    item = make_workbook(tmp_path / "item.xlsx", sheets)
    result = run("build", item, "-o", tmp_path / "out", "--config",
                 council / "reportgen.toml", *extra)
    return result, tmp_path / "out"


def test_council_overrides_heading_wording_logo_and_colour(tmp_path, council):
    result, out = build(tmp_path, council, minimal_item())
    assert result.exit_code == 0, result.output
    tree = lxml.html.parse(str(out / "item.html")).getroot()
    headings = [h.text_content() for h in tree.xpath("//h2[@data-number]")]
    assert headings == ["1 Why this report matters", "2 What the executive will do", "3 Money"]
    assert "There are no financial implications." in tree.text_content()
    logo = tree.xpath("//img[@class='logo']")[0]
    assert logo.get("src").startswith("data:image/png;base64,")
    assert logo.get("alt") == "Test Borough Council logo"
    assert "--accent: #006600" in tree.findtext(".//style")
    document = docx.Document(out / "item.docx")
    assert len(document.inline_shapes) == 1
    assert "Test Borough Council" in tree.xpath("string(//p[@class='council'])")


def test_a_new_template_file_is_a_new_report_type(tmp_path, council):
    sheets = minimal_item(Recommendations=None)
    sheets["Report"][1] = ["Report type", "Briefing note"]
    sheets["Sections"] = [["Section", "Text"], ["Context", "Why we are here."],
                          ["Next steps", "What happens next."]]
    result, out = build(tmp_path, council, sheets, "--format", "html")
    assert result.exit_code == 0, result.output
    tree = lxml.html.parse(str(out / "item.html")).getroot()
    assert tree.xpath("string(//h1)") == "Briefing note: Test item"
    assert [h.text_content() for h in tree.xpath("//h2")] == ["1 Context", "2 Next steps"]


def test_config_in_current_folder_is_found(tmp_path, council, monkeypatch):
    item = make_workbook(tmp_path / "item.xlsx", minimal_item())
    monkeypatch.chdir(council)
    result = run("build", item, "-o", tmp_path / "out", "--format", "html")
    assert result.exit_code == 0, result.output
    assert "Why this report matters" in (tmp_path / "out" / "item.html").read_text()


def test_council_templates_are_sandboxed(tmp_path, council):
    (council / "templates" / "briefing-note.html.j2").write_text(
        "{{ ''.__class__.__mro__[1].__subclasses__() }}")
    sheets = minimal_item()
    sheets["Report"][1] = ["Report type", "briefing-note"]
    result, out = build(tmp_path, council, sheets)
    assert result.exit_code == 1
    assert "template error" in result.output and "unsafe" in result.output
    assert not out.exists() or not any(out.iterdir())


def test_bad_config_is_bad_input(tmp_path, council):
    (council / "reportgen.toml").write_text('logo = "missing.png"\ncolour = "red"\n')
    result, _ = build(tmp_path, council, minimal_item())
    assert result.exit_code == 1
    assert "reportgen.toml: logo" in result.output and "does not exist" in result.output
    assert "unknown setting 'colour'" in result.output


def test_pdf_renderer_fetches_only_template_files(tmp_path, council, fetched):
    (council / "templates" / "logo-inside.png").write_bytes((council / "logo.png").read_bytes())
    (council / "templates" / "briefing-note.html.j2").write_text(textwrap.dedent("""
        {% extends "base.html.j2" %}
        {% block body %}
        <h1>{{ title }}</h1>
        <img src="logo-inside.png" alt="inside">
        <img src="file:///etc/hostname" alt="outside">
        <img src="http://127.0.0.1:9/tracker.png" alt="network">
        {% endblock %}
    """))
    sheets = minimal_item()
    sheets["Report"][1] = ["Report type", "briefing-note"]
    result, out = build(tmp_path, council, sheets, "--format", "pdf")
    assert result.exit_code == 0, result.output
    calls = [(url.rsplit("/", 1)[-1], status) for url, status in fetched
             if not url.startswith("data:")]  # the logo is inline
    assert sorted(calls) == [("hostname", "refused"), ("logo-inside.png", "fetched"),
                             ("tracker.png", "refused")]
