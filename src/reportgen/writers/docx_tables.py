"""HTML tables -> Word tables: header rows that repeat, row spans as merges."""

from __future__ import annotations

import re

from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm

from reportgen.compose.tables import grid

TEXT_WIDTH_CM = 17.0
_PERCENT = re.compile(r"width:\s*([\d.]+)%")


def write_table(writer, container, table_el) -> None:
    placed, height, width = grid(table_el)
    if not placed:
        return
    table = container.add_table(rows=height, cols=width)
    try:
        table.style = "Table Grid"
    except KeyError:
        pass
    _set_widths(table, table_el, width)
    header_rows = {r for r, _, _, _, _, head in placed if head}
    for r in header_rows:
        tr_pr = table.rows[r]._tr.get_or_add_trPr()
        tr_pr.append(parse_xml(f'<w:tblHeader {nsdecls("w")} w:val="true"/>'))
    # table.cell() rebuilds the whole grid on every call: look cells up once instead,
    # again only after a merge across columns (merges down a column keep the grid).
    cells = table._cells
    for r, c, rowspan, colspan, cell_el, is_head in placed:
        cell = cells[r * width + c]
        if rowspan > 1 or colspan > 1:
            cell = cell.merge(cells[(r + rowspan - 1) * width + c + colspan - 1])
            if colspan > 1:
                cells = table._cells
        paragraph = cell.paragraphs[0]
        if len(cell_el) and any(child.tag in ("p", "ul", "ol") for child in cell_el):
            writer.blocks(cell, cell_el)
            first = cell.paragraphs[0]
            if not first.text and len(cell.paragraphs) > 1:
                first._p.getparent().remove(first._p)
        else:
            writer.inline(paragraph, cell_el, bold=is_head or cell_el.tag == "th")
        if is_head:
            _shade(cell)


def _shade(cell) -> None:
    tc_pr = cell._tc.get_or_add_tcPr()
    if tc_pr.find(qn("w:shd")) is None:
        tc_pr.append(parse_xml(f'<w:shd {nsdecls("w")} w:val="clear" w:color="auto" '
                               'w:fill="D9E2F3"/>'))


def _set_widths(table, table_el, columns: int) -> None:
    """Column widths from <col style="width: N%">, as Word needs them in every cell."""
    percents = [_PERCENT.search(col.get("style") or "") for col in table_el.iter("col")]
    if len(percents) != columns or not all(percents):
        return
    table.autofit = False
    for index, match in enumerate(percents):
        width = Cm(TEXT_WIDTH_CM * float(match.group(1)) / 100)
        table.columns[index].width = width
        for cell in table.columns[index].cells:
            cell.width = width
