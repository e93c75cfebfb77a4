"""Repairing WeasyPrint's tag tree so that a screen reader can use it (PDF/UA-1).

What WeasyPrint (68-70) gives: a tag tree built page by page from the layout
boxes. An HTML element that runs over a page break becomes one structure
element per page (a table over three pages is three Tables, each with its
header row again; a paragraph or list breaks at every page end; `main` is a
Part per page). TD /Headers are counted without row spans, so the rows after
a row-spanning cell name the wrong column; TH has no /Scope; `dl` becomes
L > Div > LI > LBody, which is not a list. Margin boxes (running headers,
page numbers) are marked content with MCIDs, tagged but attached to nothing.

What repair() makes of it:
- one Document; the page fragments of each HTML element merged back into one
  element (recognised by which HTML element made them: see element_hints),
  so one Table, L, P, Sect and Part per HTML element, rows in order;
- the header rows WeasyPrint repeats on later pages taken out of the tree and
  their content re-marked /Artifact (pagination), like the running headers
  and page numbers, so they are read once;
- TH with /Scope (from the HTML scope, else Column in a THead or an all-TH
  row, else Row) and an /ID; TD /Headers recounted on the grid with row and
  column spans; the /IDTree that /Headers needs;
- `dl` as L > LI > Lbl (the term) + LBody (the description);
- the /ParentTree rebuilt from the tree, so every MCID and annotation points
  at the element that now holds it; figures keep /Alt.

repair() also runs on merged packs: their parts were repaired already, so it
renumbers table IDs across the pack, rebuilds the IDTree and the parent tree.

Upstream: the fragments (Kozea/WeasyPrint#2903), `dl` and the margin boxes
(#2482) belong in weasyprint/pdf/tags.py, which knows the boxes' elements;
the /Headers count is a bug there too. element_hints() is the one place we
reach into WeasyPrint: it wraps the private tags._build_box_tree. If a
WeasyPrint release drops it, repair() still runs but merges no fragments,
and the accessibility tests fail.
"""

from __future__ import annotations

import contextlib
import contextvars
import io
import re

import pikepdf
from pikepdf import Array, Dictionary, Name, Pdf

from reportgen.writers.tag_tree import (
    Element,
    is_element,
    kids,
    new_element,
    place_cells,
    read_tree,
    rebuild_id_tree,
    rebuild_parent_tree,
    set_kids,
    table_rows,
    walk,
    write_tree,
)

_NODE, _TAG, _SCOPE = "/RGNode", "/RGTag", "/RGScope"
_HINTS = (_NODE, _TAG, _SCOPE)
_ARTIFACT = (Name.Artifact, Dictionary(Type=Name.Pagination))
_MCID = re.compile(rb"/MCID\s+(\d+)")
_WEASYPRINT_BDC = re.compile(rb"(?<=\n)/\w+\n<</MCID (\d+)>>\nBDC(?=\n)")
_INLINE_IMAGE = re.compile(rb"\sBI\s")
_ARTIFACT_BDC = b"/Artifact\n<</Type /Pagination>>\nBDC"
_SCOPES = {"col": Name.Column, "colgroup": Name.Column, "row": Name.Row,
           "rowgroup": Name.Row, "both": Name.Both}
_COLUMN, _ROW, _BOTH = Name.Column, Name.Row, Name.Both

_tracking: contextvars.ContextVar[dict | None] = contextvars.ContextVar(
    "reportgen_pdf_hints", default=None)


@contextlib.contextmanager
def element_hints():
    """While open, WeasyPrint's structure elements note the HTML element that made
    them (/RGNode: a number per element; /RGTag; /RGScope for th); repair() reads
    the notes and removes them."""
    _install()
    token = _tracking.set({})
    try:
        yield
    finally:
        _tracking.reset(token)


def _install() -> None:
    from weasyprint.pdf import tags

    original = getattr(tags, "_build_box_tree", None)
    if original is None or getattr(original, "reportgen_hints", False):
        return

    def tracked(box, *args, **kwargs):
        for element in original(box, *args, **kwargs):
            numbers = _tracking.get()
            # The innermost call made the element; callers above only pass it on.
            if numbers is not None and "RGNode" not in element:
                _note(element, getattr(box, "_box", box), numbers)
            yield element

    tracked.reportgen_hints = True
    tags._build_box_tree = tracked


def _note(element, box, numbers: dict) -> None:
    html = getattr(box, "element", None)
    if html is None:
        return
    element["RGNode"] = numbers.setdefault(id(html), len(numbers))
    tag = str(getattr(box, "element_tag", "") or "")
    if tag.isalnum():
        element["RGTag"] = f"/{tag}"
    scope = str(html.get("scope", "")).lower() if tag == "th" else ""
    if scope in _SCOPES:
        element["RGScope"] = f"/{scope}"


def repair_bytes(data: bytes) -> bytes:
    """repair() on a PDF given and returned as bytes (saved reproducibly)."""
    with pikepdf.open(io.BytesIO(data)) as pdf:
        repair(pdf)
        out = io.BytesIO()
        # PDF/UA-1 is built on PDF 1.7, as WeasyPrint wrote it.
        pdf.save(out, deterministic_id=True, compress_streams=True, min_version="1.7",
                 object_stream_mode=pikepdf.ObjectStreamMode.generate)
    return out.getvalue()


def repair(pdf: Pdf) -> None:
    """Make pdf's tag tree one a screen reader can use (see the module docstring).

    Does nothing to an untagged PDF. Safe to run again on a repaired one."""
    root = pdf.Root.get("/StructTreeRoot")
    if root is None:
        return
    document = read_tree(_one_document(pdf, root), _HINTS)
    _merge_fragments(document)
    elements = list(walk(document))
    for element in elements:
        if element.hints.get(_TAG) == "/dl":
            _definition_list(pdf, element)
    for number, table in enumerate(e for e in elements if e.role == "/Table"):
        _table_headers(table, number + 1)
    write_tree(document)  # and the hints go
    claimed = rebuild_parent_tree(pdf, root, document)
    _mark_unclaimed_as_artifacts(pdf, claimed)
    rebuild_id_tree(pdf, root, document)


def _one_document(pdf: Pdf, root) -> Dictionary:
    top = [k for k in kids(root) if is_element(k)]
    if len(top) == 1 and top[0].get("/S") == Name.Document:
        top[0].P = root
        return top[0]
    document = pdf.make_indirect(Dictionary(Type=Name.StructElem, S=Name.Document,
                                            K=Array(top)))
    for kid in top:
        kid.P = document
    root.K = Array([document])
    document.P = root
    return document


# -- page fragments --------------------------------------------------------------
def _merge_fragments(element: Element) -> None:
    """Join consecutive kids made by one HTML element; drop repeated header rows."""
    kept: list = []
    heads: set = set()
    for kid in _unwrap_anonymous(element):
        node = kid.hints.get(_NODE) if isinstance(kid, Element) else None
        if node is not None and kept and isinstance(kept[-1], Element) \
                and kept[-1].hints.get(_NODE) == node and kept[-1].role == kid.role:
            _absorb(kept[-1], kid)
            continue
        if node is not None and kid.role in ("/THead", "/TFoot"):
            if node in heads:
                continue  # a header row repeated on a later page: becomes an artifact
            heads.add(node)
        kept.append(kid)
    if kept != element.kids:
        set_kids(element, kept)
    for kid in kept:
        if isinstance(kid, Element):
            _merge_fragments(kid)


def _unwrap_anonymous(element: Element) -> list:
    """element's kids, with any kid that repeats element itself (the anonymous box
    of a multi-column list, say) replaced by its own kids."""
    node = element.hints.get(_NODE)
    found = []
    for kid in element.kids:
        if node is not None and isinstance(kid, Element) and kid.hints.get(_NODE) == node \
                and kid.role == element.role:
            found += _unwrap_anonymous(kid)
        else:
            found.append(kid)
    return found


def _absorb(first: Element, later: Element) -> None:
    """Move later's content to the end of first; later's MCIDs keep their page."""
    page = later.page
    elsewhere = page is not None and (first.page is None
                                      or first.page.objgen != page.objgen)
    moved = [Dictionary(Type=Name.MCR, Pg=page, MCID=kid)
             if isinstance(kid, int) and elsewhere else kid for kid in later.kids]
    set_kids(first, first.kids + moved)


# -- definition lists ------------------------------------------------------------
def _definition_list(pdf: Pdf, dl: Element) -> None:
    """dl -> L > LI > Lbl (dt) + LBody (dd); a div around each pair becomes the LI."""
    items: list = []
    for kid in dl.kids:
        if not isinstance(kid, Element):
            continue
        tag = kid.hints.get(_TAG)
        if tag == "/div":
            kid.set_role("/LI")
            set_kids(kid, [_term_part(k) for k in kid.kids])
            items.append(kid)
        elif tag == "/dt" or not items:
            item = new_element(pdf, "/LI", kid)
            set_kids(item, [_term_part(kid)])
            items.append(item)
        else:
            set_kids(items[-1], items[-1].kids + [_term_part(kid)])
    set_kids(dl, items)


def _term_part(wrapper):
    """WeasyPrint's LI > LBody around a dt or dd, as one Lbl or LBody."""
    tag = wrapper.hints.get(_TAG) if isinstance(wrapper, Element) else None
    if tag not in ("/dt", "/dd"):
        return wrapper
    inner = wrapper.kids
    if len(inner) == 1 and isinstance(inner[0], Element) and inner[0].role == "/LBody":
        set_kids(wrapper, inner[0].kids)
    wrapper.set_role("/Lbl" if tag == "/dt" else "/LBody")
    return wrapper


# -- tables ----------------------------------------------------------------------
def _table_headers(table: Element, number: int) -> None:
    """Give each TH an /ID unique in the document. A table fresh from WeasyPrint
    also gets TH /Scope and TD /Headers (_headers); in one repaired before (a
    pack's part) or made elsewhere, only /Headers are renamed to match."""
    placed = place_cells(table_rows(table))
    renamed = {}
    for cell, _group, r, c, *_ in placed:
        if cell.role == "/TH":
            ident = pikepdf.String(f"table{number}-r{r + 1}c{c + 1}")
            if cell.ident is not None:
                renamed[cell.ident] = ident
            cell.set_ident(ident)
    if table.hints.get(_NODE) is not None:
        _headers(placed)
        return
    for *_, attrs in placed:
        if "/Headers" in attrs:
            attrs.Headers = Array([renamed.get(bytes(i), i) for i in attrs.Headers])


def _headers(placed: list) -> None:
    """TH: /Scope from the HTML scope, else Column in a THead or an all-TH row, else
    Row. TD: /Headers, the column THs above it, the row THs left of it in its
    rows, and the rowgroup TH heading the rows of its group down to the next."""
    heads = []  # (cell, group, row, column, rowspan, colspan, scope)
    for cell, group, r, c, down, across, attrs in placed:
        if cell.role != "/TH":
            continue
        hinted = cell.hints.get(_SCOPE)
        if hinted is not None:
            scope = _SCOPES[hinted[1:]]
        elif (group is not None and group.role == "/THead") or all(
                p[0].role == "/TH" for p in placed if p[2] == r):
            scope = _COLUMN
        else:
            scope = _ROW
        attrs.Scope = scope
        heads.append((cell, group, r, c, down, across, scope))
    groups = [(cell, group, r) for cell, group, r, *_ in heads
              if cell.hints.get(_SCOPE) == "/rowgroup"]
    for cell, group, r, c, down, across, attrs in placed:
        if cell.role != "/TD":
            continue
        columns, rows = set(range(c, c + across)), set(range(r, r + down))
        found = [h.obj.ID for h, _g, hr, hc, _d, hacross, scope in heads
                 if scope in (_COLUMN, _BOTH) and hr < r
                 and columns & set(range(hc, hc + hacross))]
        found += [h.obj.ID for h, _g, hr, hc, hdown, _a, scope in heads
                  if scope in (_ROW, _BOTH) and hc < c
                  and h.hints.get(_SCOPE) != "/rowgroup" and rows & set(range(hr, hr + hdown))]
        above = [h for h, g, hr in groups if _same(g, group) and hr < r]
        found += [above[-1].obj.ID] if above else []
        if found:
            attrs.Headers = Array(found)
        elif "/Headers" in attrs:
            del attrs["/Headers"]


def _same(one, other) -> bool:
    return one is other or (one is not None and other is not None
                            and one.obj.objgen == other.obj.objgen)


# -- artifacts ---------------------------------------------------------------------
def _mark_unclaimed_as_artifacts(pdf: Pdf, claimed: dict) -> None:
    """Marked content that no element holds (margin boxes, repeated header rows)
    becomes a pagination artifact, so it is neither lost nor read twice."""
    for page in pdf.pages:
        if "/StructParents" not in page.obj:
            continue  # an untagged part (an appendix) stays visibly untagged
        mine = claimed.get(page.obj.objgen, set())
        properties = page.obj.get("/Resources", {}).get("/Properties", {})
        if not properties and _remarked(pdf, page.obj, mine):
            continue
        if not properties and _marked_ids(page.obj) <= mine:
            continue  # nothing to change: skip the slower parse
        instructions = pikepdf.parse_content_stream(page)
        changed = False
        for index, (operands, operator) in enumerate(instructions):
            if str(operator) != "BDC" or len(operands) != 2:
                continue
            props = operands[1]
            if isinstance(props, Name):
                props = properties.get(props)
            if isinstance(props, Dictionary) and "/MCID" in props \
                    and int(props.MCID) not in mine:
                instructions[index] = pikepdf.ContentStreamInstruction(
                    list(_ARTIFACT), pikepdf.Operator("BDC"))
                changed = True
        if changed:
            page.obj.Contents = pdf.make_stream(pikepdf.unparse_content_stream(instructions))


def _remarked(pdf: Pdf, page, mine: set[int]) -> bool:
    """Re-mark a page's unclaimed content by pattern, without parsing the stream,
    when it is written as WeasyPrint writes it (one stream; "/Tag <</MCID n>> BDC",
    the only BDC; no literal strings, comments or inline images that could hold
    look-alikes). False, changing nothing, for any other stream."""
    contents = page.get("/Contents")
    if not isinstance(contents, pikepdf.Stream):
        return False
    data = contents.read_bytes()
    found = _WEASYPRINT_BDC.findall(data)
    if len(found) != data.count(b"BDC") or b"(" in data or b"%" in data \
            or (b"BI" in data and _INLINE_IMAGE.search(data)):
        return False
    if {int(mcid) for mcid in found} <= mine:
        return True  # nothing to change
    page.Contents = pdf.make_stream(_WEASYPRINT_BDC.sub(
        lambda m: m[0] if int(m[1]) in mine else _ARTIFACT_BDC, data))
    return True


def _marked_ids(page) -> set[int]:
    contents = page.get("/Contents")
    streams = contents if isinstance(contents, Array) else [contents] if contents else []
    return {int(m) for stream in streams for m in _MCID.findall(stream.read_bytes())}
