"""Page numbers for packs: laid out by WeasyPrint, stamped on with pack.merge.

Stamps are drawn from the report stylesheet's own footer, so a stamped
number looks exactly like one a report draws itself.
"""

from __future__ import annotations

import io

import pikepdf
from markupsafe import Markup

from reportgen.build import Builder


def stamp_html(builder: Builder, first_number: int, labels: list[str]) -> str:
    """One page per label, numbered from first_number; labels may be empty."""
    return builder.templates.env.get_template("pack/stamps.html.j2").render(
        css=Markup(builder.house.stylesheet(builder.templates)), first_number=first_number,
        labels=labels)


def stamp_pdf(builder: Builder, html: str) -> pikepdf.Pdf:
    data = builder.layout(html).write_pdf()  # untagged: it becomes an artifact
    return pikepdf.open(io.BytesIO(data))
