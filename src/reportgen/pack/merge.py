"""Putting finished PDFs together without losing their tags.

Concatenating pages alone drops each document's structure tree (its tags),
and with it the accessibility of the result. merge() copies the pages and
the tag trees: each tagged part becomes a Part under one Document element,
its marked-content keys (StructParents) moved past the parts before it.
Outlines are rebuilt with the parts' bookmarks at their new pages, each
part's under the bookmark it is given: an item's report under "6. Title",
its appendices under that as "Appendix A – Title". A part's own outline
with a single root that only repeats its title gives its children instead
(no "6. Title" > "Title" > headings), and nothing is ever named after a file.

The result claims PDF/UA-1 (XMP pdfuaid:part, which WeasyPrint writes for
each report) only when every part is tagged: an untagged appendix or a
scanned PDF report leaves pages no screen reader can follow, so the claim is
dropped and untagged_parts() names the parts that stopped it.

stamp() then draws page numbers and marks on pages as pagination artifacts.
Each stamp page is laid out (pack.stamp) at the size of the page it goes on
as the reader sees it: its crop box, turned by its /Rotate. stamp() puts it
on the crop box's corner and turns it back, so the mark sits at the top right
and the number at the bottom centre of what is shown, upright, on landscape,
A3, rotated and cropped pages alike.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import islice

import pikepdf
from pikepdf import Array, Dictionary, Name, OutlineItem, Pdf

from reportgen.errors import Problem
from reportgen.writers.pdf_structure import repair


@dataclass
class PartSource:
    """One document to put in: a tagged report or front sheet, or an appendix.

    With a bookmark title, the part's own bookmarks go under a new bookmark of
    that title, itself under the top-level bookmark named nest_under (made at
    the part's first page when no part before it made one: an agenda row with
    appendices and no report). title is what the part is called besides its
    bookmark (the agenda's title of its item, an appendix's title)."""

    pdf: Pdf
    tagged: bool
    bookmark: str = ""
    nest_under: str = ""
    name: str = ""  # the file it came from, for messages
    title: str = ""


def is_tagged(pdf: Pdf) -> bool:
    """True when pdf has a structure tree and says its content is marked."""
    mark = pdf.Root.get("/MarkInfo")
    return "/StructTreeRoot" in pdf.Root and isinstance(mark, Dictionary) and bool(
        mark.get("/Marked"))


def open_part(data: bytes | str, bookmark: str = "", nest_under: str = "",
              name: str = "", title: str = "") -> PartSource:
    pdf = Pdf.open(io.BytesIO(data) if isinstance(data, bytes) else data)
    return PartSource(pdf, is_tagged(pdf), bookmark, nest_under, name, title)


def untagged_parts(parts: list[PartSource]) -> list[str]:
    """The names of the parts that stop a merge of them claiming PDF/UA."""
    return [part.name or f"part {number}" for number, part in enumerate(parts, 1)
            if not part.tagged]


def ua_warning(target: str, parts: list[PartSource]) -> Problem | None:
    """ "agenda-pack.pdf: warning: not PDF/UA: x.pdf is untagged", or None."""
    names = untagged_parts(parts)
    if not names:
        return None
    verb = "is" if len(names) == 1 else "are"
    return Problem(target, f"not PDF/UA: {', '.join(names)} {verb} untagged",
                   severity="warning")


def merge(parts: list[PartSource], title: str, lang: str = "en-GB") -> Pdf:
    """One PDF of the parts' pages in order, with one merged structure tree,
    titled and in lang; it claims PDF/UA-1 only when untagged_parts(parts) is empty."""
    out = pikepdf.new()
    document = out.make_indirect(Dictionary(Type=Name.StructElem, S=Name.Document, K=Array()))
    tree = out.make_indirect(Dictionary(Type=Name.StructTreeRoot, K=Array([document]),
                                        ParentTree=Dictionary(Nums=Array())))
    document.P = tree
    nums: list = []
    next_key = 0
    outlines: list[tuple[list, int, PartSource]] = []
    for part in parts:
        first = len(out.pages)
        _add_pages(out, part.pdf)
        outlines.append((_outline_of(part.pdf), first, part))
        if part.tagged:
            next_key = _graft_tree(out, part.pdf, document, first, next_key, nums)
        else:
            for page in islice(out.pages, first, None):
                if "/StructParents" in page.obj:
                    del page.obj["/StructParents"]
    tree.ParentTree.Nums = Array(nums)
    tree.ParentTreeNextKey = next_key
    out.Root.StructTreeRoot = tree
    out.Root.MarkInfo = Dictionary(Marked=True)
    out.Root.Lang = pikepdf.String(lang)
    out.Root.ViewerPreferences = Dictionary(DisplayDocTitle=True)
    _write_metadata(out, title, claim_ua=not untagged_parts(parts))
    _rebuild_outline(out, outlines)
    repair(out)  # one ID tree and parent tree for the whole pack
    return out


def _add_pages(out: Pdf, src: Pdf) -> None:
    """src's pages after out's, with their form fields, layers and named destinations
    (bookmarks are rebuilt by merge(), under their part).

    pikepdf's add_pages_from brings those, but finds each page by index, walking the
    page list each time: 4 s of a 5,000-page appendix's merge. A document that has
    none of them gets nothing more from it than appending its pages."""
    root = src.Root
    names = root.get("/Names")
    if any(key in root for key in ("/AcroForm", "/OCProperties", "/Dests")) or (
            isinstance(names, Dictionary) and "/Dests" in names):
        out.add_pages_from(src, outlines="ignore")
        return
    for page in src.pages:
        out.pages.append(page)


def _graft_tree(out: Pdf, src: Pdf, document, first: int, offset: int, nums: list) -> int:
    """Copy src's tag tree under document; returns the next free StructParents key."""
    root = src.Root.StructTreeRoot
    kids = root.K if isinstance(root.K, Array) else Array([root.K])
    part = out.make_indirect(Dictionary(Type=Name.StructElem, S=Name.Part, P=document,
                                        K=Array()))
    for kid in kids:
        # WeasyPrint's tree has one Document element; its children go under the Part.
        grandchildren = kid.get("/K") if kid.get("/S") == Name.Document else None
        for child in (grandchildren if isinstance(grandchildren, Array)
                      else [grandchildren] if grandchildren is not None else [kid]):
            copied = _copy(out, child)
            if isinstance(copied, Dictionary):
                copied.P = part
            part.K.append(copied)
    document.K.append(part)
    highest = offset - 1
    source_nums = root.ParentTree.get("/Nums", Array())
    for index in range(0, len(source_nums), 2):
        key = int(source_nums[index]) + offset
        nums += [key, _copy(out, source_nums[index + 1])]
        highest = max(highest, key)
    for page in islice(out.pages, first, None):
        if "/StructParents" in page.obj:
            page.obj.StructParents = int(page.obj.StructParents) + offset
        for annot in page.obj.get("/Annots", Array()):
            if "/StructParent" in annot:
                annot.StructParent = int(annot.StructParent) + offset
    return highest + 1


def _copy(out: Pdf, obj):
    """copy_foreign for direct containers too (it takes only indirect objects)."""
    if isinstance(obj, pikepdf.Object) and obj.is_indirect:
        return out.copy_foreign(obj)
    if isinstance(obj, Array):
        return Array([_copy(out, item) for item in obj])
    if isinstance(obj, Dictionary):
        return Dictionary({key: _copy(out, value) for key, value in obj.items()})
    return obj


def _write_metadata(out: Pdf, title: str, claim_ua: bool) -> None:
    """XMP and document information written afresh: nothing of a part's own
    metadata (its title, its PDF/UA claim) is carried over by mistake."""
    # No editor stamp: it would add the time of the build and change the bytes.
    with out.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as xmp:
        if claim_ua:
            xmp["pdfuaid:part"] = "1"
        xmp["dc:title"] = title
        xmp["pdf:Producer"] = "reportgen"
    out.docinfo = out.make_indirect(Dictionary(Title=pikepdf.String(title),
                                               Producer=pikepdf.String("reportgen")))


def _outline_of(pdf: Pdf) -> list:
    """The bookmarks as (title, page index, children), read before the page copy."""
    index = {page.objgen: number for number, page in enumerate(pdf.pages)}
    # Named destinations point into the source's /Names tree.
    names = {}
    dests = pdf.Root.get("/Names", {}).get("/Dests") if "/Names" in pdf.Root else None
    if dests is not None:
        flat = dests.get("/Names", Array())
        names = {str(flat[i]): flat[i + 1] for i in range(0, len(flat), 2)}

    def page_of(item) -> int:
        dest = item.destination
        if isinstance(dest, (pikepdf.String, str)):
            dest = names.get(str(dest))
        if isinstance(dest, Array) and len(dest):
            return index.get(dest[0].objgen, 0)
        return 0

    def walk(items) -> list:
        return [(i.title, page_of(i), walk(i.children)) for i in items]

    with pdf.open_outline() as outline:
        return walk(outline.root)


def _rebuild_outline(out: Pdf, outlines: list[tuple[list, int, PartSource]]) -> None:
    def make(entries, first: int) -> list[OutlineItem]:
        made = []
        for title, page, children in entries:
            item = OutlineItem(title, first + page)
            item.children.extend(make(children, first))
            made.append(item)
        return made

    with out.open_outline() as outline:
        for entries, first, part in outlines:
            if not part.bookmark:
                outline.root.extend(make(entries, first))
                continue
            if len(entries) == 1 and _repeats_title(entries[0][0], part):
                entries = entries[0][2]
            wrapper = OutlineItem(part.bookmark, first)
            wrapper.children.extend(make(entries, first))
            if not part.nest_under:
                outline.root.append(wrapper)
                continue
            parent = next((i for i in reversed(outline.root) if i.title == part.nest_under),
                          None)
            if parent is None:  # an agenda row whose first papers are this appendix
                parent = OutlineItem(part.nest_under, first)
                outline.root.append(parent)
            parent.children.append(wrapper)


def _repeats_title(root: str, part: PartSource) -> bool:
    """True when a part's only top bookmark says no more than the part's own names:
    its bookmark, its title or its document title ("Appendix A: Guiding principles"
    under "Appendix A – Guiding principles")."""
    info = part.pdf.trailer.get("/Info")
    own = str(info.get("/Title", "")) if isinstance(info, Dictionary) else ""
    return _key(root) in {_key(name) for name in (part.bookmark, part.title, own) if name}


def _key(title: str) -> str:
    """A title for comparing: case, spaces, punctuation and dashes left out."""
    return "".join(ch for ch in title.casefold() if ch.isalnum())


def displayed_size(page: pikepdf.Page) -> tuple[float, float]:
    """Width and height of the page as a reader sees it: crop box, turned by /Rotate."""
    x0, y0, x1, y1 = _visible_box(page)
    turned = _rotation(page) in (90, 270)
    return (y1 - y0, x1 - x0) if turned else (x1 - x0, y1 - y0)


def stamp(target: Pdf, pages: list[int], stamps: Pdf | Sequence[pikepdf.Page],
          first_stamp: int = 0) -> None:
    """Draw stamps' page first_stamp + i over target.pages[pages[i]] as an artifact.

    stamps is a PDF or a sequence of pages (pack.stamp.StampPages). Each stamp
    page should have the displayed_size() of its target page: its lower left
    corner goes on the lower left corner of what the reader sees.
    """
    # pikepdf finds pages[i] by walking the page list: listed once, not per page.
    shown = list(target.pages)
    sources = list(stamps.pages if isinstance(stamps, Pdf) else stamps)
    for offset, number in enumerate(pages):
        page = shown[number]
        source = sources[first_stamp + offset]
        form = target.copy_foreign(source.as_form_xobject())
        # Named by page, not at random, so the same inputs give the same bytes; pages
        # may share one resource dictionary, so the name must differ per page.
        name = page.add_resource(form, Name.XObject, Name(f"/RGStamp{number}"))
        matrix = " ".join(f"{v:.2f}" for v in _placement(page))
        content = (f"/Artifact <</Type /Pagination>> BDC q {matrix} cm "
                   f"{name} Do Q EMC\n").encode()
        # Added around the page's own streams, never joined with them: joining decodes
        # them into memory, and a small hostile appendix can inflate to gigabytes.
        page.contents_add(pikepdf.Stream(target, b"q\n"), prepend=True)
        page.contents_add(pikepdf.Stream(target, b"Q\n" + content))


def _visible_box(page: pikepdf.Page) -> tuple[float, float, float, float]:
    """The crop box inside the media box (what viewers show), in user space."""
    def box(value) -> tuple[float, float, float, float]:
        x0, y0, x1, y1 = (float(v) for v in value)
        return min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)

    media = box(page.mediabox)
    crop = box(page.cropbox)  # pikepdf falls back to the media box
    inside = (max(media[0], crop[0]), max(media[1], crop[1]),
              min(media[2], crop[2]), min(media[3], crop[3]))
    return inside if inside[0] < inside[2] and inside[1] < inside[3] else media


def _rotation(page: pikepdf.Page) -> int:
    """/Rotate (inherited from the page tree too) as 0, 90, 180 or 270."""
    try:
        turn = int(page.rotation)
    except (TypeError, ValueError, pikepdf.PdfError):
        return 0
    return turn % 360 if turn % 90 == 0 else 0  # viewers ignore other angles


def _placement(page: pikepdf.Page) -> tuple[float, ...]:
    """The matrix taking a stamp laid out upright at displayed_size() onto the page.

    A page with /Rotate r is shown turned r degrees clockwise, so the stamp's
    lower left corner goes on the corner that is shown lower left, and it is
    turned r degrees anticlockwise to be upright when shown.
    """
    x0, y0, x1, y1 = _visible_box(page)
    return {0: (1, 0, 0, 1, x0, y0),
            90: (0, 1, -1, 0, x1, y0),
            180: (-1, 0, 0, -1, x1, y1),
            270: (0, -1, 1, 0, x0, y1)}[_rotation(page)]


def to_bytes(pdf: Pdf) -> bytes:
    out = io.BytesIO()
    # PDF/UA-1 is built on PDF 1.7; pikepdf would write the lowest version that fits.
    pdf.save(out, deterministic_id=True, compress_streams=True, min_version="1.7",
             object_stream_mode=pikepdf.ObjectStreamMode.generate)
    return out.getvalue()
