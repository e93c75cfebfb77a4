"""Keeping mammoth's HTML to the elements our writers understand.

mammoth escapes the document's text, but its HTML still carries whatever the
document asked for (links of any scheme, ids, anchors, sup/sub, linked
pictures). clean_fragment parses it with lxml and keeps only:

  h1-h4, p, br                    headings and paragraphs
  ul, ol, li                      lists, nested
  table, thead, tbody, tr         tables; th gets scope="col" in thead
  th, td                          with rowspan / colspan (whole numbers)
  img                             only a data: URI of a PNG, JPEG or GIF; alt kept
  strong, em                      bold and italic
  a                               only an http(s) or mailto href

Every other element is unwrapped to its text, and every other attribute
dropped (so are footnotes' links back to their references).
"""

from __future__ import annotations

import re

import lxml.html
from lxml.html import HtmlElement

ALLOWED = {"h1", "h2", "h3", "h4", "p", "br", "ul", "ol", "li", "table", "thead", "tbody",
           "tr", "th", "td", "img", "strong", "em", "a"}
HEADINGS = ("h1", "h2", "h3", "h4")
IMAGE_URI = re.compile(r"^data:image/(png|jpeg|gif);base64,[A-Za-z0-9+/=\s]*$")
_SAFE_HREF = re.compile(r"^(https?://|mailto:)", re.IGNORECASE)
_SPAN = re.compile(r"^[1-9]\d{0,2}$")  # 1 to 999 rows or columns
# Pictures arrive as long data: URIs; libxml2 refuses long text without huge_tree
# (the package's part-size limits bound what reaches it).
_PARSER = lxml.html.HTMLParser(huge_tree=True)


def clean_fragment(html: str) -> HtmlElement:
    """mammoth's HTML -> a <div> holding only the allowed elements and attributes."""
    root = lxml.html.fragment_fromstring(html or "", create_parent="div", parser=_PARSER)
    for element in list(root.iter()):
        if element is root:
            continue
        if not isinstance(element.tag, str) or _is_back_link(element):
            element.drop_tree()
        elif element.tag not in ALLOWED:
            element.drop_tag()  # keeps its text and children
        else:
            _clean_attributes(element)
    for img in list(root.iter("img")):
        if "src" not in img.attrib:
            img.drop_tree()  # a picture we could not embed (linked, or not an image)
    for cell in root.iter("th", "td"):
        if len(cell) == 1 and cell[0].tag == "p" and not (cell.text or "").strip():
            cell[0].drop_tag()  # Word puts a paragraph in every cell; one is just the cell
    root.attrib.clear()
    return root


def _clean_attributes(element: HtmlElement) -> None:
    keep: dict[str, str] = {}
    tag, attrib = element.tag, element.attrib
    if tag == "a" and _SAFE_HREF.match(attrib.get("href", "").strip()):
        keep["href"] = attrib["href"].strip()
    elif tag == "img":
        if IMAGE_URI.match(attrib.get("src", "")):
            keep["src"] = attrib["src"]
        if "alt" in attrib:
            keep["alt"] = " ".join(attrib["alt"].split())
    elif tag in ("th", "td"):
        keep.update({name: attrib[name] for name in ("rowspan", "colspan")
                     if _SPAN.match(attrib.get(name, "").strip())})
        if tag == "th":
            in_head = any(a.tag == "thead" for a in element.iterancestors())
            keep["scope"] = "col" if in_head else "row"
    attrib.clear()
    attrib.update(keep)
    if tag == "a" and "href" not in keep:
        element.drop_tag()


def _is_back_link(element: HtmlElement) -> bool:
    """mammoth's "\u2191" link from a footnote back to its reference: nothing to a reader."""
    return (element.tag == "a" and element.get("href", "").startswith("#")
            and element.text_content().strip() == "\u2191")


def text_of(element: HtmlElement) -> str:
    return " ".join(element.text_content().split())


def first_heading(root: HtmlElement) -> HtmlElement | None:
    return next((el for el in root.iter(*HEADINGS)), None)


def drop_leading_title(root: HtmlElement, title: str) -> None:
    """Remove the fragment's first block when it is a heading saying the title:
    the template puts the title at the top already."""
    first = next(iter(root), None)
    if (first is not None and not (root.text or "").strip() and first.tag in HEADINGS
            and text_of(first).casefold() == " ".join(title.split()).casefold()):
        root.text = (root.text or "") + (first.tail or "")
        root.remove(first)


def to_html(root: HtmlElement) -> str:
    """The children of root as HTML (text escaped by lxml)."""
    from html import escape

    parts = [escape(root.text or "", quote=False)]
    parts += [lxml.html.tostring(child, encoding="unicode", method="html") for child in root]
    return "".join(parts)
