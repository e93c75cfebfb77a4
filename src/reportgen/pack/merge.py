"""Putting finished PDFs together without losing their tags.

Concatenating pages alone drops each document's structure tree (its tags),
and with it the accessibility of the result. merge() copies the pages and
the tag trees: each tagged part becomes a Part under one Document element,
its marked-content keys (StructParents) moved past the parts before it.
Outlines are rebuilt with the parts' bookmarks at their new pages.
stamp() then draws page numbers and marks on pages as pagination artifacts.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

import pikepdf
from pikepdf import Array, Dictionary, Name, OutlineItem, Pdf


@dataclass
class PartSource:
    """One document to put in: a tagged report or front sheet, or an appendix.

    With a bookmark title, the part's own bookmarks go under a new bookmark of
    that title, itself under the top-level bookmark named nest_under."""

    pdf: Pdf
    tagged: bool
    bookmark: str = ""
    nest_under: str = ""


def _is_tagged(pdf: Pdf) -> bool:
    mark = pdf.Root.get("/MarkInfo")
    return "/StructTreeRoot" in pdf.Root and bool(mark and mark.get("/Marked"))


def open_part(data: bytes | str, bookmark: str = "", nest_under: str = "") -> PartSource:
    pdf = Pdf.open(io.BytesIO(data) if isinstance(data, bytes) else data)
    return PartSource(pdf, _is_tagged(pdf), bookmark, nest_under)


def merge(parts: list[PartSource], title: str, lang: str = "en-GB") -> Pdf:
    """One PDF of the parts' pages in order, with one merged structure tree."""
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
        for page in part.pdf.pages:
            out.pages.append(page)
        outlines.append((_outline_of(part.pdf), first, part))
        if part.tagged:
            next_key = _graft_tree(out, part.pdf, document, first, next_key, nums)
        else:
            for page in out.pages[first:]:
                if "/StructParents" in page.obj:
                    del page.obj["/StructParents"]
    tree.ParentTree.Nums = Array(nums)
    tree.ParentTreeNextKey = next_key
    out.Root.StructTreeRoot = tree
    out.Root.MarkInfo = Dictionary(Marked=True)
    out.Root.Lang = pikepdf.String(lang)
    out.Root.ViewerPreferences = Dictionary(DisplayDocTitle=True)
    _copy_metadata(out, parts[0].pdf, title)
    _rebuild_outline(out, outlines)
    return out


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
    for page in out.pages[first:]:
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


def _copy_metadata(out: Pdf, first: Pdf, title: str) -> None:
    if "/Metadata" in first.Root:
        out.Root.Metadata = out.copy_foreign(first.Root.Metadata)
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
            items = make(entries, first)
            if not part.bookmark:
                outline.root.extend(items)
                continue
            wrapper = OutlineItem(part.bookmark, first)
            wrapper.children.extend(items)
            parent = next((i for i in outline.root if i.title == part.nest_under), None)
            (parent.children if parent is not None else outline.root).append(wrapper)


def stamp(target: Pdf, pages: list[int], stamps: Pdf, first_stamp: int = 0) -> None:
    """Draw stamps.pages[first_stamp + i] over target.pages[pages[i]] as an artifact.

    The stamp is centred horizontally on pages wider or narrower than it.
    """
    for offset, number in enumerate(pages):
        page = target.pages[number]
        source = stamps.pages[first_stamp + offset]
        form = target.copy_foreign(source.as_form_xobject())
        # Named by page, not at random, so the same inputs give the same bytes; pages
        # may share one resource dictionary, so the name must differ per page.
        name = page.add_resource(form, Name.XObject, Name(f"/RGStamp{number}"))
        box = page.mediabox
        dx = (float(box[2]) - float(box[0]) - float(source.mediabox[2])) / 2 + float(box[0])
        dy = float(box[1])
        content = (f"/Artifact <</Type /Pagination>> BDC q 1 0 0 1 {dx:.2f} {dy:.2f} cm "
                   f"{name} Do Q EMC\n").encode()
        page.contents_coalesce()
        page.contents_add(pikepdf.Stream(target, b"q\n"), prepend=True)
        page.contents_add(pikepdf.Stream(target, b"Q\n" + content))


def to_bytes(pdf: Pdf) -> bytes:
    out = io.BytesIO()
    pdf.save(out, deterministic_id=True, compress_streams=True,
             object_stream_mode=pikepdf.ObjectStreamMode.generate)
    return out.getvalue()
