"""Appendix PDFs in an agenda pack: checking, inserting, numbering.

The pack itself is laid out by WeasyPrint as one tagged PDF. Appendices are
finished PDFs from elsewhere; pypdf inserts their pages after their report,
keeping the pack's structure tree, and stamps the pack's page number and the
agenda item on each inserted page as a pagination artifact.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from pypdf import PageObject, PdfReader, PdfWriter
from pypdf.errors import PdfReadError
from pypdf.generic import (
    ArrayObject,
    DecodedStreamObject,
    DictionaryObject,
    NameObject,
    NumberObject,
    TextStringObject,
)

from reportgen.errors import InputError, Problem


@dataclass
class Appendix:
    path: Path
    pages: int
    label: str  # "Agenda Item 6, Appendix A"


def inspect_appendix(path: Path, label: str, warnings: list[Problem]) -> Appendix:
    """Count an appendix's pages; warn when it is untagged or has no text layer."""
    try:
        reader = PdfReader(path)
        pages = len(reader.pages)
        root = reader.trailer["/Root"]
        mark_info = root.get("/MarkInfo")
        tagged = "/StructTreeRoot" in root and bool(mark_info and mark_info.get("/Marked"))
        has_text = any((page.extract_text() or "").strip() for page in reader.pages[:5])
    except (PdfReadError, OSError, ValueError, KeyError) as exc:
        raise InputError(Problem(path, f"cannot read this PDF ({exc}); export it again "
                                 "from the program that made it")) from None
    if not has_text:
        warnings.append(Problem(path, "has no text layer (a scan?): it will not be accessible; "
                                "ask for a text PDF or run OCR", severity="warning"))
    elif not tagged:
        warnings.append(Problem(path, "is not a tagged PDF: screen readers will not find its "
                                "structure; ask for a tagged (accessible) PDF",
                                severity="warning"))
    return Appendix(path, pages, label)


def insert_appendices(pack: bytes, inserts: list[tuple[int, Appendix, int, str]]) -> bytes:
    """Insert appendices into the laid-out pack.

    inserts: (pack page index to insert before, appendix, first page number to
    stamp, title of the item's bookmark to nest the appendix under), in page order.
    """
    if not inserts:
        return pack
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pack)))
    shift = 0
    for index, appendix, first_number, parent_title in inserts:
        source = PdfReader(appendix.path)
        at = index + shift
        for offset, page in enumerate(source.pages):
            writer.insert_page(page, at + offset)
            _stamp(writer.pages[at + offset], first_number + offset, appendix.label)
        _add_bookmark(writer, parent_title, f"Appendix: {appendix.path.stem}", at)
        shift += len(source.pages)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _add_bookmark(writer: PdfWriter, parent_title: str, title: str, page_index: int) -> None:
    """Add a bookmark as the last child of the top-level bookmark parent_title
    (WeasyPrint's outline is plain dictionaries, which pypdf cannot extend)."""
    outlines = writer.root_object.get("/Outlines")
    node = outlines.get_object().get("/First") if outlines else None
    while node is not None and node.get_object().get("/Title") != parent_title:
        node = node.get_object().get("/Next")
    if node is None:
        writer.add_outline_item(title, page_index)
        return
    parent = node.get_object()
    entry = DictionaryObject({
        NameObject("/Title"): TextStringObject(title),
        NameObject("/Parent"): node,
        NameObject("/Dest"): ArrayObject([writer.pages[page_index].indirect_reference,
                                          NameObject("/Fit")]),
    })
    ref = writer._add_object(entry)
    last = parent.get("/Last")
    if last is None:
        parent[NameObject("/First")] = ref
    else:
        last.get_object()[NameObject("/Next")] = ref
        entry[NameObject("/Prev")] = last
    parent[NameObject("/Last")] = ref
    count = int(parent.get("/Count", 0))
    parent[NameObject("/Count")] = NumberObject(count + 1 if count >= 0 else count - 1)


def _pdf_string(text: str) -> bytes:
    data = text.encode("cp1252", "replace")
    return b"(" + data.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def _stamp(page: PageObject, number: int, label: str) -> None:
    """Page number (foot, centre) and item label (top right), marked as artifacts."""
    box = page.mediabox
    width, height = float(box.width), float(box.height)
    x0, y0 = float(box.left), float(box.bottom)
    number_text = str(number)
    ops = (
        b"/Artifact <</Type /Pagination /Subtype /Footer>> BDC q BT /RGStamp 9 Tf "
        + f"{x0 + width / 2 - 2.5 * len(number_text):.2f} {y0 + 28:.2f} Td ".encode()
        + _pdf_string(number_text) + b" Tj ET Q EMC\n"
        + b"/Artifact <</Type /Pagination /Subtype /Header>> BDC q BT /RGStamp 10 Tf "
        + f"{x0 + width - 57 - 5.0 * len(label):.2f} {y0 + height - 34:.2f} Td ".encode()
        + _pdf_string(label) + b" Tj ET Q EMC\n"
    )
    stamp = PageObject.create_blank_page(width=width, height=height)
    font = DictionaryObject({
        NameObject("/Type"): NameObject("/Font"),
        NameObject("/Subtype"): NameObject("/Type1"),
        NameObject("/BaseFont"): NameObject("/Helvetica-Bold"),
        NameObject("/Encoding"): NameObject("/WinAnsiEncoding"),
    })
    stamp[NameObject("/Resources")] = DictionaryObject({
        NameObject("/Font"): DictionaryObject({NameObject("/RGStamp"): font})})
    content = DecodedStreamObject()
    content.set_data(ops)
    stamp[NameObject("/Contents")] = content
    stamp.mediabox = box
    page.merge_page(stamp)
    page[NameObject("/Tabs")] = NameObject("/S")
    if "/Rotate" not in page:
        page[NameObject("/Rotate")] = NumberObject(0)
