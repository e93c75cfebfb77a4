"""The document tree: the semantic HTML that composition writes and writers read.

Templates (built-in or a council's) produce one HTML document; the PDF writer
lays it out as it is, and the Word writer reads only what is declared here:
these elements, these classes and these data attributes. Markup outside the
vocabulary still shows its text in Word, but loses its structure, so `check`
warns when a council template uses any (`unknown_markup`). docs/vocabulary.md
is the short reference.
"""

from __future__ import annotations

# -- elements: what each means in the Word document -------------------------------
ELEMENTS = {
    "html": "the document; lang sets the Word language",
    "head": "metadata only", "title": "the document's title property",
    "meta": "metadata (author)", "style": "the stylesheet (PDF and HTML only)",
    "body": "the report; class exempt marks it NOT FOR PUBLICATION",
    "header": "a group of blocks", "main": "a group of blocks",
    "section": "a group of blocks; with a .landscape table, a landscape Word section",
    "div": "a group of blocks", "nav": "a group of blocks", "footer": "a group of blocks",
    "article": "a group of blocks", "figure": "a figure: its image and caption",
    "h1": "the Title style", "h2": "Heading 1 (numbered with .numbered)",
    "h3": "Heading 2", "h4": "Heading 3",
    "p": "a paragraph (numbered with .numbered, boxed with .notice)",
    "ul": "a bulleted Word list", "ol": "a numbered Word list (lettered with .lettered)",
    "li": "a list item",
    "dl": "front matter: label and value rows", "dt": "a label", "dd": "a value",
    "table": "a Word table", "caption": "the Caption style", "colgroup": "column widths",
    "col": "a column's width (data-width-cm)", "thead": "header rows, repeated on each page",
    "tbody": "body rows", "tfoot": "footer rows", "tr": "a row",
    "th": "a header cell (bold, shaded)", "td": "a cell (rowspan and colspan merge)",
    "img": "a picture from a data: URI, with its alt text", "figcaption": "the Caption style",
    "strong": "bold", "b": "bold", "em": "italic", "i": "italic", "br": "a line break",
    "a": "a hyperlink (http, https and mailto only)",
    "span": "inline text (see .number, .caps, .rag)",
}

# -- classes the writers act on ----------------------------------------------------
NUMBERED = "numbered"  # h2 / p: part of the report's multi-level numbering
NUMBER = "number"  # span: the number composition wrote; Word draws its own
LETTERED = "lettered"  # ol: A., B., C.
LABEL = "label"  # h2: a bold run-in label ("Recommendations:"), not a heading
NOTICE = "notice"  # p: a bordered notice (the Schedule 12A one)
AGENDA_MARK = "agenda-mark"  # div: "Agenda Item N", right-aligned on page one
CAPS = "caps"  # span: capitals by style, never stored in the text
EXEMPT = "exempt"  # body: NOT FOR PUBLICATION on every page
LANDSCAPE = "landscape"  # div.table-region: its table needs landscape pages
RAG = "rag"  # span: a RAG word; rag-red / rag-amber / rag-green shade its cell

CLASSES = {
    NUMBERED: "h2 and p in the report's numbering", NUMBER: "the number itself",
    LETTERED: "ol lettered A., B., C.", LABEL: "h2 shown as a bold label",
    NOTICE: "p in a box", AGENDA_MARK: "Agenda Item N on the first page",
    CAPS: "capitals by style", EXEMPT: "body of an exempt report",
    LANDSCAPE: "a table on landscape pages", RAG: "a RAG rating word",
}

# Classes that only style the PDF and HTML (the Word writer needs nothing from them),
# by name or by prefix; a council's own template may add more with the "house-" prefix.
STYLE_ONLY = {
    "actions", "agenda", "chart", "committee-recommendations", "council", "counts",
    "decision", "decision-details", "exclusion-items", "exempt-notice", "field",
    "first-of-group", "front-matter", "front-sheet", "key-decision", "logo",
    "meeting-details", "meeting-index", "meetings", "membership", "overdue", "packs", "pages",
    "recommendation", "recommendation-decisions", "ref", "report", "report-header",
    "report-section", "responses", "scope-form", "stamp", "table-region", "tracker",
    "visually-hidden", "word-report", "numbered-section",
}
STYLE_ONLY_PREFIXES = ("agenda-", "field-", "kind-", "pack-", "rag-", "section-",
                       "stamp-size-", "house-")

# -- data attributes ---------------------------------------------------------------
WIDTH_CM = "data-width-cm"  # col and img: width in cm, computed once in composition
FONT_PT = "data-font-pt"  # table: its type size
FIT = "data-fit"  # table: "tight" when it needs hyphenation even on landscape pages
WRAP = "data-wrap"  # cell: "anywhere" for a word longer than its column
NUMBER_ATTR = "data-number"  # h2 and p.numbered: their number, for tools reading the HTML

DATA_ATTRIBUTES = {WIDTH_CM, FONT_PT, FIT, WRAP, NUMBER_ATTR}


def classes(element) -> set[str]:
    """An lxml element's classes."""
    return set((element.get("class") or "").split())


def unknown_markup(html: str) -> list[str]:
    """Elements, classes and data attributes in html that the vocabulary does not
    declare (the Word writer would lose their structure), each once, in order."""
    import lxml.html

    found: list[str] = []
    for el in lxml.html.document_fromstring(html).iter():
        if not isinstance(el.tag, str):
            continue
        if el.tag not in ELEMENTS:
            found.append(f"<{el.tag}>")
        for name in classes(el):
            if name not in CLASSES and name not in STYLE_ONLY and not name.startswith(
                    STYLE_ONLY_PREFIXES):
                found.append(f'class "{name}" on <{el.tag}>')
        for attribute in el.attrib:
            if attribute.startswith("data-") and attribute not in DATA_ATTRIBUTES:
                found.append(f"{attribute} on <{el.tag}>")
    return list(dict.fromkeys(found))


def markdown() -> str:
    """docs/vocabulary.md."""
    lines = ["# The document tree", "",
             "Generated from `src/reportgen/vocabulary.py` by "
             "`python -m reportgen.vocabulary > docs/vocabulary.md`.", "",
             "Every template produces one HTML document. The PDF writer lays it out as it "
             "is; the Word writer reads only the markup below. A council template may use "
             "other markup for the PDF and HTML (classes starting `house-` are kept for "
             "that), but `reportgen check` warns about anything else, because Word would "
             "lose its structure.", "", "## Elements", "", "| element | in Word |",
             "| --- | --- |"]
    lines += [f"| `<{tag}>` | {meaning} |" for tag, meaning in ELEMENTS.items()]
    lines += ["", "## Classes the writers act on", "", "| class | meaning |", "| --- | --- |"]
    lines += [f"| `{name}` | {meaning} |" for name, meaning in CLASSES.items()]
    lines += ["", "Style-only classes (no meaning in Word): "
              + ", ".join(f"`{c}`" for c in sorted(STYLE_ONLY)) + "; and any starting "
              + ", ".join(f"`{p}`" for p in STYLE_ONLY_PREFIXES) + ".", "",
              "## Data attributes", ""]
    lines += [f"- `{name}`" for name in sorted(DATA_ATTRIBUTES)]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    print(markdown(), end="")
