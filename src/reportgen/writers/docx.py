"""DOCX writer: the composed HTML document -> an editable Word document.

It reads only the document tree's vocabulary (reportgen.vocabulary), by its
declared names:
  h1 -> Title; h2 -> Heading 1; h3 -> Heading 2; h2.numbered and p.numbered
  -> the report's multi-level Word numbering (span.number is left out: Word
  draws the number); ul / ol / ol.lettered -> Word lists; dl.front-matter ->
  "Label:<tab>value" lines; table -> Word table, thead rows repeated on every
  page, rowspan as vertical merges; img (data: URI) -> picture with its alt
  text; strong / em / br inline; a[href] (web and e-mail) -> a Word hyperlink;
  span.caps -> capitals by the run's caps property; div.agenda-mark -> a
  right-aligned line; a section holding a .landscape table -> a landscape
  Word section; body.exempt -> the exempt notice in every page's header.
  Table widths, type size and RAG shading: see writers/docx_tables.py.
"""

from __future__ import annotations

import base64
import copy
import io
import itertools
import re

import lxml.html
from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, RGBColor
from docx.table import _Cell
from docx.text.paragraph import Paragraph

from reportgen import vocabulary as v
from reportgen.vocabulary import classes
from reportgen.writers.docx_numbering import Numbering, number
from reportgen.writers.docx_page import set_up_pages, start_section, truthful_properties
from reportgen.writers.docx_styles import FRONT_MATTER, NOTICE, NUMBERED_PARAGRAPH, ensure_styles
from reportgen.writers.docx_tables import write_table
from reportgen.writers.reproducible import reproducible_zip

CONTAINERS = {"body", "header", "main", "section", "div", "article", "footer", "figure", "nav"}
LINK_COLOUR = RGBColor(0x1F, 0x4E, 0x79)  # 8.6:1 on white
_SPACE = re.compile(r"\s+")
_RUN = qn("w:r")
_LINKABLE = re.compile(r"^(https?:|mailto:)", re.IGNORECASE)
_LANDSCAPE = f"boolean(.//*[contains(concat(' ', @class, ' '), ' {v.LANDSCAPE} ')])"


class DocxWriter:
    """Walks the HTML tree once, adding Word paragraphs and tables."""

    def __init__(self, reference: str | None, exempt: bool = False):
        self.document = Document(reference)
        body = self.document.element.body
        for child in list(body):
            if child.tag != qn("w:sectPr"):
                body.remove(child)
        ensure_styles(self.document)
        set_up_pages(self.document, exempt)
        self.numbering = Numbering(self.document)
        self._style_ids: dict[tuple, str | None] = {}
        self._default_styles: dict = {}
        # A landscape HTML section turns the Word section; it turns back only when
        # portrait content comes (two wide tables in a row share one landscape
        # section, with no empty portrait page between them or after the last).
        self._turned = self._inside_landscape = False

    def style_id(self, name: str, kind=WD_STYLE_TYPE.PARAGRAPH) -> str | None:
        """The id of the named style, None for the default one of its kind (as
        python-docx's get_style_id); KeyError if the document lacks it.

        python-docx scans every style for the default on each call; the styles are
        fixed once the writer starts, so each name and default is looked up once."""
        if (name, kind) not in self._style_ids:
            styles = self.document.styles
            style = styles[name]
            if style.type != kind:
                raise ValueError(f"style {name!r} is not a {kind} style")
            if kind not in self._default_styles:
                self._default_styles[kind] = styles.default(kind)
            self._style_ids[name, kind] = (None if style == self._default_styles[kind]
                                           else style.style_id)
        return self._style_ids[name, kind]

    def paragraph(self, container, style: str | None = None) -> Paragraph:
        """A new paragraph at the end of container, in the named paragraph style."""
        p = container.add_paragraph()
        if style is not None:
            p._p.style = self.style_id(style)
        return p

    def _portrait_again(self, container) -> None:
        """Portrait content is coming: end the landscape Word section, if one is open."""
        if self._turned and not self._inside_landscape and container is self.document:
            start_section(self.document, landscape=False)
            self._turned = False

    # -- blocks ---------------------------------------------------------
    def blocks(self, container, element) -> None:
        """Write element's children as blocks into container (document or cell)."""
        loose = (element.text or "").strip()
        if loose:
            self._portrait_again(container)
            self.add_paragraph(container, element, text_only=True)
        for child in element:
            if not isinstance(child.tag, str):
                continue
            self.block(container, child)

    def block(self, container, el) -> None:
        tag, cls = el.tag, classes(el)
        if tag in ("style", "script", "title", "meta", "head"):
            return
        landscape = tag == "section" and container is self.document and el.xpath(_LANDSCAPE)
        if not landscape and tag not in CONTAINERS:
            self._portrait_again(container)
        if v.AGENDA_MARK in cls:
            p = self.add_paragraph(container, el)
            p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            for run in p.runs:
                run.bold = True
        elif landscape:  # the section with its wide table, on landscape pages
            if not self._turned:
                start_section(self.document, landscape=True)
                self._turned = True
            self._inside_landscape = True
            try:
                self.blocks(container, el)
            finally:
                self._inside_landscape = False
        elif tag in CONTAINERS:
            self.blocks(container, el)
        elif tag == "h1":
            self.add_paragraph(container, el, "Title")
        elif tag == "h2" and v.NUMBERED in cls:
            number(self.add_paragraph(container, el, "Heading 1"), self.numbering.report, 0)
        elif tag == "h2" and v.LABEL in cls:
            p = self.add_paragraph(container, el)
            for run in p.runs:
                run.bold = True
        elif tag in ("h2", "h3", "h4"):
            self.add_paragraph(container, el, f"Heading {int(tag[1]) - 1}")
        elif tag == "p" and v.NUMBERED in cls:
            p = self.add_paragraph(container, el, NUMBERED_PARAGRAPH)
            number(p, self.numbering.report, 1)
        elif tag == "p":
            style = NOTICE if v.NOTICE in cls else None
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
        p = self.paragraph(container, style)
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
        elif v.LETTERED in cls:
            num_id = self.numbering.lettered()
        else:
            num_id = self.numbering.decimal_in_cell() if in_cell else self.numbering.decimal()
        for li in el.iter("li"):
            p = self.paragraph(container, "List Paragraph")
            self.inline(p, li, skip_lists=True)
            _trim(p)
            number(p, num_id, 0)

    def add_fields(self, container, dl) -> None:
        for dt in dl.iter("dt"):
            dd = dt.getnext()
            p = self.paragraph(container, FRONT_MATTER)
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
        width = Cm(float(el.get(v.WIDTH_CM, "15")))
        run = p.add_run()
        run.add_picture(io.BytesIO(data), width=width)
        doc_pr = run._r.find(".//" + qn("wp:docPr"))
        if doc_pr is not None:
            doc_pr.set("descr", el.get("alt", ""))
            doc_pr.set("title", el.get("alt", ""))

    # -- inline ---------------------------------------------------------
    def inline(self, p: Paragraph, el, bold=False, italic=False, skip_lists=False,
               caps=False) -> None:
        if el.text:
            _add_text(p, el.text, bold, italic, caps)
        for child in el:
            if not isinstance(child.tag, str):
                pass
            elif child.tag == "span" and v.NUMBER in classes(child):
                pass  # Word numbering draws the number
            elif child.tag == "a" and _LINKABLE.match(child.get("href") or ""):
                _add_link(p, child.get("href"), _SPACE.sub(" ", child.text_content()))
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
                            italic or child.tag in ("em", "i"), skip_lists,
                            caps or v.CAPS in classes(child))
            if child.tail:
                _add_text(p, child.tail, bold, italic, caps)


def _add_link(p: Paragraph, href: str, text: str) -> None:
    """A Word hyperlink to href showing text, underlined in a dark link colour."""
    r_id = p.part.relate_to(href, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), r_id)
    run = p.add_run(text)
    run.font.underline = True
    run.font.color.rgb = LINK_COLOUR
    run._r.addprevious(link)
    link.append(run._r)
    p.add_run()  # so the text after the link keeps its leading space (see _add_text)


def _add_text(p: Paragraph, text: str, bold: bool, italic: bool, caps: bool = False) -> None:
    """A run of text (white space collapsed, as HTML shows it) at the end of p.

    Made from a ready-made run rather than through python-docx's setters, which
    cost more than the rest of the writer; the XML is the same as theirs."""
    text = _SPACE.sub(" ", text)
    last = _last_run(p)
    if last is None or last.text.endswith((" ", "\n")):  # HTML collapses leading space
        text = text.lstrip()
    if not text:
        return
    run = copy.deepcopy(_RUNS[bool(bold), bool(italic), bool(caps)])
    t = run[1]
    t.text = text
    if len(text.strip()) < len(text):
        t.set(_PRESERVE, "preserve")
    p._p.append(run)


def _run_prototype(bold: bool, italic: bool, caps: bool):
    """<w:r><w:rPr>[b][i][caps]</w:rPr><w:t/></w:r>, as python-docx's setters leave it."""
    flags = "".join(f"<w:{tag}/>" for tag, on in (("b", bold), ("i", italic), ("caps", caps))
                    if on)
    return parse_xml(f"<w:r {nsdecls('w')}><w:rPr>{flags}</w:rPr><w:t/></w:r>")


_RUNS = {flags: _run_prototype(*flags) for flags in itertools.product((False, True), repeat=3)}
_PRESERVE = qn("xml:space")


def _last_run(p: Paragraph):
    """p's last w:r (what p.runs[-1] wraps), or None."""
    runs = p._p.findall(_RUN)
    return runs[-1] if runs else None


def _trim(p: Paragraph) -> None:
    last = _last_run(p)
    if last is not None and last.text.endswith(" "):
        last.text = last.text.rstrip()


def docx_bytes(html: str, reference: str | None = None) -> bytes:
    """The document as .docx bytes, styled by the reference document."""
    tree = lxml.html.document_fromstring(html)
    body = tree.find("body")
    writer = DocxWriter(reference, exempt=v.EXEMPT in classes(body))
    writer.blocks(writer.document, body)
    truthful_properties(writer.document)
    props = writer.document.core_properties
    props.title = (tree.findtext(".//title") or "").strip()
    props.author = (tree.xpath("string(//meta[@name='author']/@content)") or "reportgen")
    props.language = tree.get("lang", "en-GB")
    out = io.BytesIO()
    writer.document.save(out)
    return reproducible_zip(out.getvalue())



