"""Real Word list numbering (numbering.xml) for the DOCX writer.

Section headings and numbered paragraphs share one multi-level list
(level 0 "1", level 1 "1.1."), so when an officer inserts a paragraph in
Word the numbers after it move on, as they would in a hand-made report.
"""

from __future__ import annotations

from docx.document import Document
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.text.paragraph import Paragraph

# (format, text, left indent, hanging) per level, in twentieths of a point.
# Report numbers hang 900 (1.59 cm, report.css's --hang): "12.14." in 12 pt Arial
# is 667 wide, so every number keeps a clear gap before its text and wrapped
# heading lines align under the heading's text.
REPORT_LEVELS = [("decimal", "%1", 900, 900), ("decimal", "%1.%2.", 900, 900)]
LETTERED_LEVELS = [("upperLetter", "%1.", 720, 360)]
DECIMAL_LEVELS = [("decimal", "%1.", 1080, 360)]
BULLET_LEVELS = [("bullet", "\u2022", 1080, 360)]
# Table cells are narrow: lists in them hang from the cell's edge.
CELL_BULLET_LEVELS = [("bullet", "\u2022", 284, 284)]
CELL_DECIMAL_LEVELS = [("decimal", "%1.", 360, 360)]


def _level_xml(ilvl: int, fmt: str, text: str, left: int, hanging: int) -> str:
    font = '<w:rPr><w:rFonts w:ascii="Symbol" w:hAnsi="Symbol" w:hint="default"/></w:rPr>' \
        if fmt == "bullet" and text != "\u2022" else ""
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
        f'<w:pPr><w:tabs><w:tab w:val="num" w:pos="{left}"/></w:tabs>'
        f'<w:ind w:left="{left}" w:hanging="{hanging}"/></w:pPr>{font}</w:lvl>'
    )


class Numbering:
    """Adds list definitions to a document and numbers its paragraphs."""

    def __init__(self, document: Document):
        self._numbering = document.part.numbering_part.element
        self._abstract: dict[str, int] = {}
        self.report = self.new_list("report", REPORT_LEVELS, multi_level=True)

    def _abstract_id(self, name: str, levels: list, multi_level: bool) -> int:
        if name in self._abstract:
            return self._abstract[name]
        existing = [int(a.get(qn("w:abstractNumId")))
                    for a in self._numbering.findall(qn("w:abstractNum"))]
        abstract_id = max(existing, default=0) + 1
        kind = "multilevel" if multi_level else "singleLevel"
        xml = (f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">'
               f'<w:multiLevelType w:val="{kind}"/>'
               + "".join(_level_xml(i, *lvl) for i, lvl in enumerate(levels))
               + "</w:abstractNum>")
        element = parse_xml(xml)
        first_num = self._numbering.find(qn("w:num"))
        if first_num is not None:  # the schema wants every abstractNum before any num
            first_num.addprevious(element)
        else:
            self._numbering.append(element)
        self._abstract[name] = abstract_id
        return abstract_id

    def new_list(self, name: str, levels: list, multi_level: bool = False) -> int:
        """A new list instance (its own count from 1) of the named definition."""
        num = self._numbering.add_num(self._abstract_id(name, levels, multi_level))
        num.add_lvlOverride(ilvl=0).add_startOverride(1)
        return num.numId

    def lettered(self) -> int:
        return self.new_list("lettered", LETTERED_LEVELS)

    def decimal(self) -> int:
        return self.new_list("decimal", DECIMAL_LEVELS)

    def bullets(self, in_cell: bool = False) -> int:
        if in_cell:
            return self.new_list("cell-bullet", CELL_BULLET_LEVELS)
        return self.new_list("bullet", BULLET_LEVELS)

    def decimal_in_cell(self) -> int:
        return self.new_list("cell-decimal", CELL_DECIMAL_LEVELS)


def number(paragraph: Paragraph, num_id: int, level: int = 0) -> None:
    """Attach a paragraph to list num_id at level."""
    num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
    num_pr.get_or_add_ilvl().val = level
    num_pr.get_or_add_numId().val = num_id
