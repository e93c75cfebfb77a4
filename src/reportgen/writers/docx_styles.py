"""The Word styles reportgen uses, and the reference document that holds them.

A council restyles templates/reference.docx in Word; styles missing from a
council's reference document are added here with plain defaults, so any
.docx that opens in Word works as a reference. The built-in one is made by
make_reference() (python -m reportgen.writers.docx_styles templates/reference.docx):
its styles name their font and colour outright, with no theme fonts or
colours that would win over them.
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

from reportgen.writers.docx_page import truthful_properties

NUMBERED_PARAGRAPH = "Numbered Paragraph"
FRONT_MATTER = "Front Matter"
NOTICE = "Notice"
ACCENT = RGBColor(0x1D, 0x3F, 0x6E)  # 10.6:1 on white
TEXT = RGBColor(0x11, 0x11, 0x11)
FONT = "Arial"
BODY_PT, TABLE_PT = 12, 11
# (style, size in pt, italic): headings and title in the house font and accent colour
HEADINGS = (("Title", 18, False), ("Heading 1", 13, False), ("Heading 2", 12, True),
            ("Heading 3", 12, False))
_BORDER = "".join(f'<w:{side} w:val="single" w:sz="12" w:space="4" w:color="111111"/>'
                  for side in ("top", "left", "bottom", "right"))
_THEME_ATTRIBUTES = ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme", "themeColor",
                     "themeShade", "themeTint", "themeFill", "themeFillShade", "themeFillTint")


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
        style.paragraph_format.left_indent = Pt(120)  # a wrapped value stays in its column
        style.paragraph_format.first_line_indent = Pt(-120)
    if NOTICE not in names:  # a bordered box, as the PDF draws it
        style = styles.add_style(NOTICE, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = styles["Normal"]
        style.font.bold = True
        style.paragraph_format.space_after = Pt(12)
        style.element.get_or_add_pPr().append(parse_xml(f"<w:pBdr {nsdecls('w')}>{_BORDER}"
                                                        "</w:pBdr>"))
    set_language(document, "en-GB")


def _strip_theme(styles_element) -> None:
    """Remove theme fonts and colours, which Word prefers to the named ones."""
    for element in styles_element.iter():
        for attribute in _THEME_ATTRIBUTES:
            element.attrib.pop(qn(f"w:{attribute}"), None)


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
    _strip_theme(styles.element)
    defaults = styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault"))
    fonts = defaults.find(qn("w:rPr")).find(qn("w:rFonts"))
    for attribute in ("ascii", "hAnsi", "cs", "eastAsia"):
        fonts.set(qn(f"w:{attribute}"), FONT)
    normal = styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(BODY_PT)
    normal.font.color.rgb = TEXT
    normal.paragraph_format.space_after = Pt(6)
    for name, size, italic in HEADINGS:
        style = styles[name]
        style.font.name = FONT
        style.font.size = Pt(size)
        style.font.bold = True
        style.font.italic = italic
        style.font.color.rgb = ACCENT
        style.paragraph_format.space_before = Pt(12 if name != "Title" else 0)
        style.paragraph_format.space_after = Pt(6)
        style.paragraph_format.keep_with_next = True
    styles["Heading 1"].font.all_caps = True
    title_border = styles["Title"].element.pPr.find(qn("w:pBdr"))
    if title_border is not None:  # the PDF's title has no rule under it
        title_border.getparent().remove(title_border)
    caption = styles["Caption"]  # Word's own is 9 pt in a 4.0:1 blue
    caption.font.name = FONT
    caption.font.size = Pt(TABLE_PT)
    caption.font.color.rgb = TEXT
    caption.paragraph_format.keep_with_next = True
    ensure_styles(document)
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    document.core_properties.title = "reportgen reference document"
    truthful_properties(document)
    document.save(path)


if __name__ == "__main__":
    make_reference(Path(sys.argv[1]))
