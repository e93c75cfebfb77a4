"""What a clerk should know before an officer's .docx is published.

Read from the document's own XML (parsed by word_package with defusedxml):
tracked changes and comments still in the document, pictures without alt
text, pictures linked from outside the document, Word charts and diagrams
(which only Word can draw) and tables without a header row. Each is a
warning naming the paragraph (or table) and the heading it sits under.
"""

from __future__ import annotations

import re
from xml.etree.ElementTree import Element

from reportgen.errors import Problem
from reportgen.readers.word_package import Package, W

R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_TRACKED = {W + "ins", W + "del", W + "moveFrom", W + "moveTo"}
_HEADING_STYLE = re.compile(r"^(heading \d|title)$")
_FALSE = {"0", "false", "off"}


def document_warnings(package: Package) -> list[Problem]:
    """Warnings about the package's main document, in document order of kind."""
    root = package.xml("word/document.xml")
    body = root.find(W + "body") if root is not None else None
    if body is None:
        return []
    where = _Locator(body, _style_names(package))
    warnings = _tracked_changes(root, where) + _comments(package, root, where)
    warnings += _drawings(package, where) + _tables(body, where)
    return [Problem(package.path, message, location, severity="warning")
            for location, message in warnings]


class _Locator:
    """Says where an element is: its paragraph's number in the document and the
    last heading before it."""

    def __init__(self, body: Element, styles: dict[str, str]):
        self.paragraphs = list(body.iter(W + "p"))
        self.inside: dict[int, int] = {}  # id(element) -> index of its paragraph
        self.headings: list[str] = []
        heading = ""
        for index, p in enumerate(self.paragraphs):
            style = p.find(f"{W}pPr/{W}pStyle")
            name = styles.get(style.get(W + "val", "") if style is not None else "", "")
            if _HEADING_STYLE.match(name):
                heading = _text(p) or heading
            self.headings.append(heading)
            for element in p.iter():
                self.inside.setdefault(id(element), index)

    def paragraph(self, element: Element) -> str | None:
        """"paragraph 12", counting every paragraph (tables' too) from the top."""
        index = self.inside.get(id(element))
        return None if index is None else f"paragraph {index + 1}"

    def under(self, element: Element) -> str:
        """' (under "Heading")' for the heading above element, else ''."""
        index = self.inside.get(id(element))
        heading = self.headings[index] if index is not None else ""
        return f" (under \u201c{_clip(heading)}\u201d)" if heading else ""

    def find(self, *local_names: str) -> list[Element]:
        """Elements with these local names inside paragraphs, in document order."""
        ends = tuple("}" + name for name in local_names)
        seen: dict[int, Element] = {}
        for p in self.paragraphs:
            for el in p.iter():
                if el.tag.endswith(ends):
                    seen.setdefault(id(el), el)
        return list(seen.values())


_Found = list[tuple[str | None, str]]  # (location, message)


def _tracked_changes(root: Element, where: _Locator) -> _Found:
    changes = [el for el in root.iter() if el.tag in _TRACKED]
    if not changes:
        return []
    count, first = len(changes), changes[0]
    return [(where.paragraph(first),
             f"the document still has {count} tracked change{'s' * (count != 1)}, the first "
             f"here{where.under(first)}: the PDF shows them accepted but the published Word "
             "file still shows them; accept or reject them in Word (Review > Accept) and save "
             "it again")]


def _comments(package: Package, root: Element, where: _Locator) -> _Found:
    part = package.xml("word/comments.xml")
    count = len(part.findall(W + "comment")) if part is not None else 0
    marks = list(root.iter(W + "commentRangeStart")) + list(root.iter(W + "commentReference"))
    if not count and not marks:
        return []
    count = count or len({m.get(W + "id") for m in marks})
    first = marks[0] if marks else None
    return [(where.paragraph(first) if first is not None else None,
             f"the document has {count} comment{'s' * (count != 1)}"
             f"{where.under(first) if first is not None else ''}: they are left out of the "
             "PDF but anyone can read them in the published Word file; delete them in Word "
             "(Review > Delete All Comments) and save it again")]


def _drawings(package: Package, where: _Locator) -> _Found:
    """Pictures without alt text or linked from outside; charts and diagrams."""
    links = _relationships(package)
    found = []
    for drawing in where.find("inline", "anchor"):
        doc_pr = next((c for c in drawing if c.tag.endswith("}docPr")), None)
        if doc_pr is None:
            continue
        at, under = where.paragraph(drawing), where.under(drawing)
        parts = list(drawing.iter())
        if any(el.tag.endswith(("}chart", "}relIds")) for el in parts):
            found.append((at, f"a Word chart or SmartArt diagram{under} is left out of the "
                          "PDF: paste it as a picture, with alt text, instead"))
            continue
        for blip in (el for el in parts if el.tag.endswith("}blip")):
            if blip.get(R + "link") and not blip.get(R + "embed"):
                target = _clip(links.get(blip.get(R + "link", ""), "?"), 60)
                found.append((at, f"a picture{under} is linked from outside the document "
                              f"({target}) and is left out: insert the picture into the "
                              "document instead"))
        if not _has_alt(doc_pr) and any(el.tag.endswith("}pic") for el in parts):
            found.append((at, f"a picture{under} has no alt text: right-click it in Word, "
                          "choose Edit Alt Text and describe what it shows (or mark it "
                          "decorative)"))
    return found


def _tables(body: Element, where: _Locator) -> _Found:
    found = []
    for number, table in enumerate(body.iter(W + "tbl"), start=1):
        rows = table.findall(W + "tr")
        if len(rows) < 2 or rows[0].find(f"{W}trPr/{W}tblHeader") is not None:
            continue
        first = next(rows[0].iter(W + "p"), None)
        under = where.under(first) if first is not None else ""
        found.append((f"table {number}", f"the table{under} has no header row: select its "
                      "first row and tick Table Properties > Row > \u201cRepeat as header "
                      "row\u201d, so screen readers know the column headings"))
    return found


def _has_alt(doc_pr: Element) -> bool:
    if (doc_pr.get("descr") or doc_pr.get("title") or "").strip():
        return True
    return any(el.tag.endswith("}decorative") and el.get("val", "1").lower() not in _FALSE
               for el in doc_pr.iter())


def _style_names(package: Package) -> dict[str, str]:
    styles = package.xml("word/styles.xml")
    if styles is None:
        return {}
    names = {}
    for style in styles.iter(W + "style"):
        name = style.find(W + "name")
        if name is not None:
            names[style.get(W + "styleId", "")] = name.get(W + "val", "").strip().lower()
    return names


def _relationships(package: Package) -> dict[str, str]:
    rels = package.xml("word/_rels/document.xml.rels")
    if rels is None:
        return {}
    return {rel.get("Id", ""): rel.get("Target", "") for rel in rels}


def _text(p: Element) -> str:
    return " ".join("".join(t.text or "" for t in p.iter(W + "t")).split())


def _clip(text: str, length: int = 50) -> str:
    return text if len(text) <= length else text[: length - 1].rstrip() + "\u2026"
