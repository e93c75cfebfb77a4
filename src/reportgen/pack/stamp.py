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

A pack's stamps are laid out in chunks of CHUNK_PAGES pages, each its own
document (stamp_chunks): WeasyPrint holds a whole document's layout in memory
and visits every element of it for each page, so one document of 5,000 stamps
took 700 MB and grew in time with the square of its length. Chunks keep both
flat, lay out side by side in the workers and are cached one by one.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

import pikepdf
from markupsafe import Markup

from reportgen.build import Builder

A4 = (595.28, 841.89)  # points
# 100 stamp pages: under 30 MB of layout, about 6 ms a page; longer chunks are slower
# per page, shorter ones repeat each chunk's own work (measured on 2,000 pages).
CHUNK_PAGES = 100


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


def stamp_chunks(builder: Builder, first_number: int, labels: list[str],
                 sizes: list[tuple[float, float]] | None = None,
                 pages: int | None = None) -> list[str]:
    """stamp_html() for each run of at most `pages` (CHUNK_PAGES) labels, numbered
    on from first_number: laid out one by one and read with StampPages, they are
    the same pages as stamp_html() of them all. No labels, no chunks."""
    sizes = sizes or [A4] * len(labels)
    pages = pages or CHUNK_PAGES
    return [stamp_html(builder, first_number + start, labels[start:start + pages],
                       sizes[start:start + pages]) for start in range(0, len(labels), pages)]


class StampPages(Sequence):
    """The stamp pages of chunks laid out as PDFs, in order, as one sequence of
    pikepdf pages (their PDFs stay open while it is kept)."""

    def __init__(self, chunks: Sequence[bytes]):
        self._pdfs = [pikepdf.open(io.BytesIO(data)) for data in chunks]
        self._pages = [page for pdf in self._pdfs for page in pdf.pages]

    def __getitem__(self, index):
        return self._pages[index]

    def __len__(self) -> int:
        return len(self._pages)
