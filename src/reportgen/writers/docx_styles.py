"""The Word styles reportgen uses, and the reference document that holds them.

A council restyles templates/reference.docx in Word; styles missing from a
council's reference document are added here with plain defaults, so any
.docx that opens in Word works as a reference.
"""

from __future__ import annotations

import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_TAB_ALIGNMENT
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Pt, RGBColor

NUMBERED_PARAGRAPH = "Numbered Paragraph"
FRONT_MATTER = "Front Matter"
NOTICE = "Notice"
ACCENT = RGBColor(0x1D, 0x3F, 0x6E)


def ensure_styles(document) -> None:
    """Add any style the writer needs that the reference document lacks."""
    styles = document.styles
    names = {s.name for s in styles}
    if NUMBERED_PARAGRAPH not in names:
        style = styles.add_style(NUMBERED_PARAGRAPH, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = styles["Normal"]
        style.paragraph_format.space_after = Pt(6)
    if FRONT_MATTER not in names:
        style = styles.add_style(FRONT_MATTER, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = styles["Normal"]
        style.paragraph_format.space_after = Pt(2)
        style.paragraph_format.tab_stops.add_tab_stop(Pt(120), WD_TAB_ALIGNMENT.LEFT)
    if NOTICE not in names:
        style = styles.add_style(NOTICE, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = styles["Normal"]
        style.font.bold = True
    set_language(document, "en-GB")


def set_language(document, lang: str) -> None:
    """Default proofing language for every run, and the document's language."""
    doc_defaults = document.styles.element.find(qn("w:docDefaults"))
    rpr = doc_defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    lang_el = rpr.find(qn("w:lang"))
    if lang_el is None:
        lang_el = parse_xml(f"<w:lang {nsdecls('w')}/>")
        rpr.append(lang_el)
    lang_el.set(qn("w:val"), lang)
    lang_el.set(qn("w:eastAsia"), lang)
    document.core_properties.language = lang


def make_reference(path: Path) -> None:
    """Write the built-in reference document: a plain council house style."""
    document = Document()
    styles = document.styles
    normal = styles["Normal"]
    normal.font.name = "Arial"
    normal.font.size = Pt(11)
    normal.paragraph_format.space_after = Pt(6)
    for name, size in (("Title", 16), ("Heading 1", 12), ("Heading 2", 11), ("Heading 3", 11)):
        style = styles[name]
        style.font.name = "Arial"
        style.font.size = Pt(size)
        style.font.bold = True
        style.font.italic = name == "Heading 2"
        style.font.color.rgb = ACCENT
        style.paragraph_format.space_before = Pt(12 if name != "Title" else 0)
        style.paragraph_format.space_after = Pt(6)
    styles["Heading 1"].font.all_caps = True
    ensure_styles(document)
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    document.core_properties.title = "reportgen reference document"
    document.save(path)


if __name__ == "__main__":
    make_reference(Path(sys.argv[1]))
