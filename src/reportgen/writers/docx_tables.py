"""HTML tables -> Word tables: header rows that repeat, row spans as merges,
the column widths and type size composition worked out (compose/tables.py),
fixed so Word never re-flows them, and RAG ratings as the word on a tinted cell.
"""

from __future__ import annotations

import copy
import re

from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt

from reportgen import vocabulary as v
from reportgen.compose.tables import grid

TEXT_WIDTH_CM = 17.0  # for a council template's table that gives percentages only
HEADER_FILL = "D9E2F3"
RAG_FILLS = {"rag-red": "F4C7C3", "rag-amber": "FCE8B2", "rag-green": "B7E1CD"}  # report.css
# What follows w:suppressAutoHyphens in a paragraph's properties (ECMA-376 order).
_AFTER_SUPPRESS = tuple(f"w:{n}" for n in (
    "kinsoku", "wordWrap", "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN",
    "bidi", "adjustRightInd", "snapToGrid", "spacing", "ind", "contextualSpacing",
    "mirrorIndents", "suppressOverlap", "jc", "textDirection", "textAlignment",
    "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr", "sectPr", "pPrChange"))
# What a text run's w:rPr may hold that comes before w:sz in the schema.
_BEFORE_SIZE = {qn("w:b"), qn("w:i"), qn("w:caps")}
_CANT_SPLIT = parse_xml(f'<w:cantSplit {nsdecls("w")}/>')
_HEADER_ROW = parse_xml(f'<w:tblHeader {nsdecls("w")} w:val="true"/>')
_PERCENT = re.compile(r"width:\s*([\d.]+)%")


def write_table(writer, container, table_el) -> None:
    placed, height, width = grid(table_el)
    if not placed:
        return
    caption = table_el.find("caption")
    if caption is not None:
        writer.add_paragraph(container, caption, "Caption").paragraph_format.keep_with_next = True
    table = container.add_table(rows=height, cols=width)
    try:
        table._tbl.tblStyle_val = writer.style_id("Table Grid", WD_STYLE_TYPE.TABLE)
    except KeyError:
        pass
    _set_widths(table, table_el, width)
    header_rows = {r for r, _, _, _, _, head in placed if head}
    for r, row in enumerate(table.rows):  # rows never split across pages, as in the PDF
        tr_pr = row._tr.get_or_add_trPr()
        tr_pr.append(copy.deepcopy(_CANT_SPLIT))
        if r in header_rows:
            tr_pr.append(copy.deepcopy(_HEADER_ROW))
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
            _shade(cell, HEADER_FILL)
        else:
            rag = next((RAG_FILLS[c] for span in cell_el.iter("span")
                        for c in (span.get("class") or "").split() if c in RAG_FILLS), None)
            if rag:
                _shade(cell, rag)
    _set_type_size(table, table_el)
    if table_el.get(v.FIT) == "tight":
        _hyphenate(writer.document, table)


def _shade(cell, fill: str) -> None:
    tc_pr = cell._tc.get_or_add_tcPr()
    if tc_pr.find(qn("w:shd")) is None:
        tc_pr.append(parse_xml(f'<w:shd {nsdecls("w")} w:val="clear" w:color="auto" '
                               f'w:fill="{fill}"/>'))


def _hyphenate(document, table) -> None:
    """Let Word hyphenate this table's words, as the PDF does for a tight table: the
    document allows it, every paragraph style but this table's cells refuses it."""
    settings = document.settings.element
    if settings.find(qn("w:autoHyphenation")) is None:
        settings.append(parse_xml(f'<w:autoHyphenation {nsdecls("w")}/>'))
        for style in document.styles:
            if style.type == WD_STYLE_TYPE.PARAGRAPH:
                _set_hyphens(style.element.get_or_add_pPr(), allowed=False)
    for p in table._tbl.iter(qn("w:p")):
        _set_hyphens(p.get_or_add_pPr(), allowed=True)


def _set_hyphens(ppr, allowed: bool) -> None:
    suppress = ppr.find(qn("w:suppressAutoHyphens"))
    if suppress is None:
        suppress = parse_xml(f'<w:suppressAutoHyphens {nsdecls("w")}/>')
        ppr.insert_element_before(suppress, *_AFTER_SUPPRESS)
    suppress.set(qn("w:val"), "0" if allowed else "1")


def _set_type_size(table, table_el) -> None:
    """Every run and paragraph mark of the table in the size composition chose."""
    try:
        size = Pt(float(table_el.get(v.FONT_PT) or ""))
    except ValueError:
        return
    sz = OxmlElement("w:sz")
    sz.val = size
    for r in table._tbl.iter(qn("w:r")):
        rpr = r.get_or_add_rPr()
        if all(child.tag in _BEFORE_SIZE for child in rpr):
            rpr.append(copy.deepcopy(sz))  # where get_or_add_sz would put it, but quicker
        else:
            rpr.get_or_add_sz().val = size
    mark = parse_xml(f'<w:rPr {nsdecls("w")}><w:sz w:val="{round(size.pt * 2)}"/></w:rPr>')
    for p in table._tbl.iter(qn("w:p")):  # the paragraph marks too, so empty cells match
        ppr = p.get_or_add_pPr()
        if ppr.find(qn("w:rPr")) is None:
            ppr.append(copy.deepcopy(mark))


def _set_widths(table, table_el, columns: int) -> None:
    """Column widths from <col data-width-cm> (else <col style="width: N%"> of the
    text width), as Word needs them in every cell, with the layout fixed."""
    cols = list(table_el.iter("col"))
    if len(cols) != columns:
        return
    widths = []
    for col in cols:
        match = _PERCENT.search(col.get("style") or "")
        try:
            widths.append(float(col.get(v.WIDTH_CM) or ""))
        except ValueError:
            if not match:
                return
            widths.append(TEXT_WIDTH_CM * float(match.group(1)) / 100)
    table.autofit = False  # w:tblLayout fixed
    tbl_w = table._tbl.tblPr.find(qn("w:tblW"))
    if tbl_w is not None:
        tbl_w.set(qn("w:type"), "dxa")
        tbl_w.set(qn("w:w"), str(int(Cm(sum(widths)).twips)))
    cells = table._cells  # column.cells would rebuild the grid for every column
    for c, (column, cm) in enumerate(zip(table.columns, widths, strict=True)):
        column.width = Cm(cm)
        for cell in cells[c::columns]:
            cell.width = Cm(cm)
