"""DOCX writer: the composed HTML document -> an editable Word document.

What it reads from the HTML (and nothing else):
  h1 -> Title; h2 -> Heading 1; h3 -> Heading 2; h2.numbered and p.numbered
  -> the report's multi-level Word numbering (span.number is left out: Word
  draws the number); ul / ol / ol.lettered -> Word lists; dl.front-matter ->
  "Label:<tab>value" lines; table -> Word table, thead rows repeated on every
  page, rowspan as vertical merges; img (data: URI) -> picture with its alt
  text; strong / em / br / a inline; div.agenda-mark -> a right-aligned line.
"""

from __future__ import annotations

import base64
import io
import re

import lxml.html
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm
from docx.table import _Cell
from docx.text.paragraph import Paragraph

from reportgen.writers.docx_numbering import Numbering, number
from reportgen.writers.docx_styles import FRONT_MATTER, NOTICE, NUMBERED_PARAGRAPH, ensure_styles
from reportgen.writers.docx_tables import write_table
from reportgen.writers.reproducible import reproducible_zip

CONTAINERS = {"body", "header", "main", "section", "div", "article", "footer", "figure", "nav"}
_SPACE = re.compile(r"\s+")


def classes(element) -> set[str]:
    return set((element.get("class") or "").split())


class DocxWriter:
    """Walks the HTML tree once, adding Word paragraphs and tables."""

    def __init__(self, reference: str | None):
        self.document = Document(reference)
        body = self.document.element.body
        for child in list(body):
            if child.tag != qn("w:sectPr"):
                body.remove(child)
        ensure_styles(self.document)
        self.numbering = Numbering(self.document)

    # -- blocks ---------------------------------------------------------
    def blocks(self, container, element) -> None:
        """Write element's children as blocks into container (document or cell)."""
        loose = (element.text or "").strip()
        if loose:
            self.add_paragraph(container, element, text_only=True)
        for child in element:
            if not isinstance(child.tag, str):
                continue
            self.block(container, child)

    def block(self, container, el) -> None:
        tag, cls = el.tag, classes(el)
        if tag in ("style", "script", "title", "meta", "head"):
            return
        if "agenda-mark" in cls:
            p = self.add_paragraph(container, el)
            p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            for run in p.runs:
                run.bold = True
        elif tag in CONTAINERS:
            self.blocks(container, el)
        elif tag == "h1":
            self.add_paragraph(container, el, "Title")
        elif tag == "h2" and "numbered" in cls:
            number(self.add_paragraph(container, el, "Heading 1"), self.numbering.report, 0)
        elif tag == "h2" and "label" in cls:
            p = self.add_paragraph(container, el)
            for run in p.runs:
                run.bold = True
        elif tag in ("h2", "h3", "h4"):
            self.add_paragraph(container, el, f"Heading {int(tag[1]) - 1}")
        elif tag == "p" and "numbered" in cls:
            p = self.add_paragraph(container, el, NUMBERED_PARAGRAPH)
            number(p, self.numbering.report, 1)
        elif tag == "p":
            style = NOTICE if "notice" in cls else None
            self.add_paragraph(container, el, style)
        elif tag in ("ul", "ol"):
            self.add_list(container, el)
        elif tag == "dl":
            self.add_fields(container, el)
        elif tag == "table":
            write_table(self, container, el)
        elif tag == "img":
            self.add_image(container, el)
        elif tag == "figcaption" or tag == "caption":
            self.add_paragraph(container, el, "Caption")
        else:
            self.add_paragraph(container, el)

    def add_paragraph(self, container, el, style: str | None = None,
                      text_only: bool = False) -> Paragraph:
        p = container.add_paragraph(style=style)
        if text_only:
            p.add_run(_SPACE.sub(" ", el.text.strip()))
        else:
            self.inline(p, el)
            _trim(p)
        return p

    def add_list(self, container, el) -> None:
        cls = classes(el)
        in_cell = isinstance(container, _Cell)
        if el.tag == "ul":
            num_id = self.numbering.bullets(in_cell)
        elif "lettered" in cls:
            num_id = self.numbering.lettered()
        else:
            num_id = self.numbering.decimal_in_cell() if in_cell else self.numbering.decimal()
        for li in el.iter("li"):
            p = container.add_paragraph(style="List Paragraph")
            self.inline(p, li, skip_lists=True)
            _trim(p)
            number(p, num_id, 0)

    def add_fields(self, container, dl) -> None:
        for dt in dl.iter("dt"):
            dd = dt.getnext()
            p = container.add_paragraph(style=FRONT_MATTER)
            p.add_run(_SPACE.sub(" ", dt.text_content().strip())).bold = True
            p.add_run("\t")
            if dd is not None:
                self.inline(p, dd)
            _trim(p)

    def add_image(self, container, el) -> None:
        src = el.get("src") or ""
        if not src.startswith("data:") or ";base64," not in src:
            return  # only embedded images: a writer never fetches
        data = base64.b64decode(src.split(";base64,", 1)[1])
        if "svg" in src.split(";", 1)[0]:
            return  # Word cannot take SVG through python-docx; the alt text stays below
        p = container.add_paragraph()
        width = Cm(float(el.get("data-width-cm", "15")))
        run = p.add_run()
        run.add_picture(io.BytesIO(data), width=width)
        doc_pr = run._r.find(".//" + qn("wp:docPr"))
        if doc_pr is not None:
            doc_pr.set("descr", el.get("alt", ""))
            doc_pr.set("title", el.get("alt", ""))

    # -- inline ---------------------------------------------------------
    def inline(self, p: Paragraph, el, bold=False, italic=False, skip_lists=False) -> None:
        if el.text:
            _add_text(p, el.text, bold, italic)
        for child in el:
            if not isinstance(child.tag, str):
                pass
            elif child.tag == "span" and "number" in classes(child):
                pass  # Word numbering draws the number
            elif child.tag == "br":
                p.add_run().add_break(WD_BREAK.LINE)
            elif child.tag in ("ul", "ol") and skip_lists:
                pass
            elif child.tag == "p":
                if p.runs:
                    p.add_run().add_break(WD_BREAK.LINE)
                self.inline(p, child, bold, italic)
            else:
                self.inline(p, child, bold or child.tag in ("strong", "b", "th"),
                            italic or child.tag in ("em", "i"), skip_lists)
            if child.tail:
                _add_text(p, child.tail, bold, italic)


def _add_text(p: Paragraph, text: str, bold: bool, italic: bool) -> None:
    text = _SPACE.sub(" ", text)
    runs = p.runs
    if not runs or runs[-1].text.endswith((" ", "\n")):  # HTML collapses leading space
        text = text.lstrip()
    if not text:
        return
    run = p.add_run(text)
    run.bold = bold or None
    run.italic = italic or None


def _trim(p: Paragraph) -> None:
    if p.runs and p.runs[-1].text.endswith(" "):
        p.runs[-1].text = p.runs[-1].text.rstrip()


def add_page_number_footer(document) -> None:
    for section in document.sections:
        footer = section.footer
        p = footer.paragraphs[0] if footer.paragraphs else footer.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p._p.append(parse_xml(
            f'<w:fldSimple {nsdecls("w")} w:instr="PAGE"><w:r><w:t>1</w:t></w:r></w:fldSimple>'))
        section.page_height, section.page_width = Cm(29.7), Cm(21.0)
        section.left_margin = section.right_margin = Cm(2)
        section.top_margin, section.bottom_margin = Cm(2), Cm(2.2)


def docx_bytes(html: str, reference: str | None = None) -> bytes:
    """The document as .docx bytes, styled by the reference document."""
    tree = lxml.html.document_fromstring(html)
    writer = DocxWriter(reference)
    writer.blocks(writer.document, tree.find("body"))
    add_page_number_footer(writer.document)
    props = writer.document.core_properties
    props.title = (tree.findtext(".//title") or "").strip()
    props.author = (tree.xpath("string(//meta[@name='author']/@content)") or "reportgen")
    props.language = tree.get("lang", "en-GB")
    out = io.BytesIO()
    writer.document.save(out)
    return reproducible_zip(out.getvalue())



