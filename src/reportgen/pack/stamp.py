"""Page numbers and marks for packs: laid out by WeasyPrint, stamped on with pack.merge.

Stamps are drawn from the report stylesheet's own footer, so a stamped
number looks exactly like one a report draws itself. Each stamp page is laid
out at the size its target page is shown at (pack.merge.displayed_size: the
crop box, turned by /Rotate), one named @page per distinct size, so the
stylesheet's margins put the mark at the top right and the number at the
bottom centre of any page: A4 landscape, A3, rotated or cropped. (Placing a
mark and a number as two loose pieces would need the footer's margins and
fonts restated in Python; this way the stylesheet stays the one place for
them.) pack.merge.stamp() puts each stamp page on its page, turned upright.
"""

from __future__ import annotations

from markupsafe import Markup

from reportgen.build import Builder

A4 = (595.28, 841.89)  # points


def stamp_html(builder: Builder, first_number: int, labels: list[str],
               sizes: list[tuple[float, float]] | None = None) -> str:
    """One page per label, numbered from first_number; labels may be empty.

    sizes[i] is the (width, height) in points of the page labels[i] goes on, as
    displayed; A4 portrait when sizes is not given.
    """
    sizes = [(round(w, 2), round(h, 2)) for w, h in sizes or [A4] * len(labels)]
    distinct = sorted(set(sizes))
    stamps = [(label, distinct.index(size)) for label, size in zip(labels, sizes, strict=True)]
    return builder.templates.env.get_template("pack/stamps.html.j2").render(
        css=Markup(builder.house.stylesheet(builder.templates)), first_number=first_number,
        stamps=stamps, sizes=distinct)
