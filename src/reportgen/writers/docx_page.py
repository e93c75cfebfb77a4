"""Word page set-up: A4 sections, landscape sections for wide tables, the
"Page N" footer, an exempt report's header, and truthful document properties.
"""

from __future__ import annotations

from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Cm

A4_SHORT_CM, A4_LONG_CM = 21.0, 29.7
MARGINS_CM = (2.0, 2.0, 2.0, 2.2)  # left, right, top, bottom: as report.css
EXEMPT_HEADER = "Not for publication"  # shown in capitals by the run's caps property
APP_PROPERTIES = (
    "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
    'extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/'
    'docPropsVTypes"><Application>reportgen</Application><DocSecurity>0</DocSecurity>'
    "<ScaleCrop>false</ScaleCrop><LinksUpToDate>false</LinksUpToDate>"
    "<SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged></Properties>"
)


def set_up_pages(document, exempt: bool = False) -> None:
    """A4 portrait with the report's margins, "Page N" centred in the footer and,
    for an exempt report, its notice in the header. Call before any section
    break: later sections inherit all of it."""
    section = document.sections[0]
    _orient(section, landscape=False)
    section.left_margin, section.right_margin = Cm(MARGINS_CM[0]), Cm(MARGINS_CM[1])
    section.top_margin, section.bottom_margin = Cm(MARGINS_CM[2]), Cm(MARGINS_CM[3])
    footer = section.footer
    p = footer.paragraphs[0] if footer.paragraphs else footer.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.add_run("Page ")
    p._p.append(parse_xml(
        f'<w:fldSimple {nsdecls("w")} w:instr="PAGE"><w:r><w:t>1</w:t></w:r></w:fldSimple>'))
    if exempt:
        header = section.header
        p = header.paragraphs[0] if header.paragraphs else header.add_paragraph()
        run = p.add_run(EXEMPT_HEADER)
        run.bold = True
        run.font.all_caps = True


def start_section(document, landscape: bool) -> None:
    """End the current section here; what follows is on a new page, turned as asked."""
    _orient(document.add_section(WD_SECTION.NEW_PAGE), landscape)


def _orient(section, landscape: bool) -> None:
    short, long = Cm(A4_SHORT_CM), Cm(A4_LONG_CM)
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (long, short) if landscape else (short, long)


def truthful_properties(document) -> None:
    """docProps/app.xml names reportgen and claims no page or word counts (the
    template's said "Microsoft Macintosh Word", one page, no words)."""
    for part in document.part.package.iter_parts():
        if str(part.partname) == "/docProps/app.xml":
            part._blob = APP_PROPERTIES.encode("utf-8")
