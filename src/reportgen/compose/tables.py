"""Composed tables made to fit: empty columns left out, widths set once.

The report macros wrap each data table in ``{% filter fit_table(label) %}``.
fit_table() reads the table back, leaves out every column with no value in
any row, works out the widths (compose.widths) and writes them into the
table, where every writer finds them:

  <div class="table-region [landscape]" role="region" aria-label="…" tabindex="0">
    <table class="…" data-font-pt="11" style="font-size: 11pt; --min-width: …cm">
      <colgroup><col style="width: 30.5%" data-width-cm="5.19"> …

The region (a labelled, keyboard-scrollable box on screens) is added only
when the table cannot shrink to a phone's 320 px; "landscape" asks the PDF
and Word writers for a landscape page. A cell holding a word no column is
made wide enough for (a web address, a 10,000-character string) is marked
data-wrap="anywhere"; a table too wide even for landscape, data-fit="tight".
"""

from __future__ import annotations

import re

import lxml.html
from markupsafe import Markup

from reportgen import vocabulary as v
from reportgen.compose.widths import TableFit, fit_columns, ordinary_words

PHONE_CM = 7.6  # a 320 px wide screen less the page's 1em margins, at 96 px per inch
_BLOCKS = {"p", "li", "ul", "ol", "div"}
_SPACE = re.compile(r"\s+")
_POINTS = re.compile(r"^\s*([\d.]+)\s*(pt|px)?\s*$")


def grid(table_el) -> tuple[list[tuple[int, int, int, int, object, bool]], int, int]:
    """Place each cell on the grid: (row, col, rowspan, colspan, element, is_header_row)."""
    rows = []
    for section in ("thead", "tbody", "tfoot"):
        for part in table_el.findall(section):
            rows += [(tr, section == "thead") for tr in part.findall("tr")]
    rows += [(tr, False) for tr in table_el.findall("tr")]
    taken: set[tuple[int, int]] = set()
    placed = []
    width = 0
    for r, (tr, is_head) in enumerate(rows):
        c = 0
        for cell in tr:
            if cell.tag not in ("td", "th"):
                continue
            while (r, c) in taken:
                c += 1
            rowspan = max(1, int(cell.get("rowspan", "1") or 1))
            colspan = max(1, int(cell.get("colspan", "1") or 1))
            for dr in range(rowspan):
                for dc in range(colspan):
                    taken.add((r + dr, c + dc))
            placed.append((r, c, rowspan, colspan, cell, is_head))
            c += colspan
            width = max(width, c)
    height = max((r + rs for r, _, rs, _, _, _ in placed), default=0)
    return placed, height, width


def body_points(font_size: object) -> float:
    """A house font size ("12pt", "16px", 12) in points; 12 when it is not one."""
    match = _POINTS.match(str(font_size))
    if not match:
        return 12.0
    value = float(match.group(1))
    return value * 0.75 if match.group(2) == "px" else value


def cell_text(element) -> str:
    """The text a cell shows: spaces collapsed, a line per <br>, paragraph or list item."""
    parts = [_SPACE.sub(" ", element.text or "")]
    for child in element:
        if isinstance(child.tag, str):
            if child.tag == "br":
                parts.append("\n")
            elif child.tag in _BLOCKS:
                parts.append("\n" + cell_text(child) + "\n")
            else:
                parts.append(cell_text(child))
        parts.append(_SPACE.sub(" ", child.tail or ""))
    return "\n".join(line.strip() for line in "".join(parts).split("\n") if line.strip())


def fit_table(html: str, label: str, body_pt: float = 12.0) -> Markup:
    """The table in html (one <table> element, as a macro wrote it) with its empty
    columns left out and its widths, type size and page orientation set."""
    table = lxml.html.fragment_fromstring(str(html).strip())
    placed, _, width = grid(table)
    keep = _filled_columns(placed, width)
    _drop_columns(placed, keep)
    headers = [" ".join(cell_text(el) for _, c, _, cs, el, head in placed
                        if head and c == column and cs == 1) for column in keep]
    body = [[el for _, c, _, cs, el, head in placed if not head and c == column and cs == 1]
            for column in keep]
    fit = fit_columns(headers, [[cell_text(el) for el in cells] for cells in body], body_pt,
                      [[cell_text(b) for el in cells for b in _bold_parts(el)]
                       for cells in body])
    _write_widths(table, fit)
    for _, _, _, _, el, _ in placed:
        if el.getparent() is not None and _has_long_words(cell_text(el)):
            el.set(v.WRAP, "anywhere")
    out = lxml.html.tostring(table, encoding="unicode", method="html")
    if fit.min_cm <= PHONE_CM:
        return Markup(out)
    caption = table.find("caption")
    name = cell_text(caption) if caption is not None else label
    kind = "table-region landscape" if fit.landscape else "table-region"
    return Markup('<div class="{}" role="region" aria-label="{}" tabindex="0">{}</div>').format(
        kind, name, Markup(out))


def _has_long_words(text: str) -> bool:
    """Whether text has a word no column is made wide enough for (report.css wraps it)."""
    return any(sum(map(len, ordinary_words(token))) < len(token) for token in text.split())


def _bold_parts(cell) -> list:
    """The parts of a body cell set in bold: a row header, strong text, a RAG label."""
    if cell.tag == "th":
        return [cell]
    return cell.xpath(".//strong | .//b | .//*[contains(concat(' ', @class, ' '), ' rag ')]")


def _filled_columns(placed, width: int) -> list[int]:
    """The columns some body cell has a value in (all of them for a table with no body)."""
    body = [(c, cs, el) for _, c, _, cs, el, head in placed if not head]
    if not body:
        return list(range(width))
    return [column for column in range(width)
            if any(c <= column < c + cs and cell_text(el) for c, cs, el in body)]


def _drop_columns(placed, keep: list[int]) -> None:
    """Remove the cells of columns not kept; narrow cells that spanned them."""
    kept = set(keep)
    for _, c, _, cs, el, _ in placed:
        span = sum(1 for column in range(c, c + cs) if column in kept)
        if span == 0:
            el.getparent().remove(el)
        elif span != cs:
            el.set("colspan", str(span))


def _write_widths(table, fit: TableFit) -> None:
    for old in table.findall("colgroup"):
        table.remove(old)
    colgroup = lxml.html.fragment_fromstring("<colgroup></colgroup>")
    for percent, cm in zip(fit.percents, fit.cm, strict=True):
        col = lxml.html.fragment_fromstring("<col>")
        col.set("style", f"width: {percent:g}%")
        col.set(v.WIDTH_CM, f"{cm:g}")
        colgroup.append(col)
    caption = table.find("caption")
    table.insert(0 if caption is None else table.index(caption) + 1, colgroup)
    table.set(v.FONT_PT, f"{fit.font_pt:g}")
    if fit.tight:
        table.set(v.FIT, "tight")  # report.css hyphenates its words
    # The minimum width matters on screens only (report.css), where a region scrolls.
    table.set("style", f"font-size: {fit.font_pt:g}pt; --min-width: {fit.min_cm:g}cm")
