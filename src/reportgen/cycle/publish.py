"""The cycle's documents in the house style: compose once, write PDF, DOCX and HTML.

Each document (the notice of key decisions, a record of decisions) is one
HTML document composed from a template in templates/cycle/ with the house
stylesheet and logo; the report writers turn it into the three formats, all
made in memory before anything is written, each written atomically.
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import TemplateError
from markupsafe import Markup

from reportgen.build import FORMATS, Builder, Rendered
from reportgen.errors import InputError, Problem
from reportgen.output import write_bytes


def compose_document(builder: Builder, template: str, **context) -> str:
    """Render templates/<template> with the house context (council, css, logo) added;
    a broken council template is an InputError naming it."""
    house, templates = builder.house, builder.templates
    base = {"house": house, "council": context.pop("council", "") or house.council,
            "css": Markup(house.stylesheet(templates)), "logo": house.logo_uri(templates)}
    try:
        return templates.env.get_template(template).render(**base, **context)
    except TemplateError as exc:
        where = templates.find(template) or template
        raise InputError(Problem(where, f"the template could not be rendered: {exc}")) from None


def document_files(builder: Builder, html: str, out_dir: Path, stem: str,
                   formats: tuple[str, ...] = FORMATS) -> dict[Path, bytes]:
    """out_dir/<stem>.<format> -> bytes, for each format, laid out and made in memory."""
    document = builder.layout(html) if "pdf" in formats else None
    made = builder.outputs(Rendered(None, html, document), formats)
    return {Path(out_dir) / f"{stem}.{fmt}": data for fmt, data in made.items()}


def write_all(files: dict[Path, bytes]) -> list[Path]:
    """Write every file atomically (each replaces its old version only when complete)."""
    for path, data in files.items():
        write_bytes(path, data)
    return list(files)
