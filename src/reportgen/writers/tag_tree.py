"""Reading and editing a PDF's structure tree (tags) with pikepdf: the few
operations pdf_structure's repairs are made of."""

from __future__ import annotations

from pikepdf import Array, Dictionary, Name, Pdf


def is_element(obj) -> bool:
    """A structure element, not a marked-content or object reference."""
    return (isinstance(obj, Dictionary) and "/S" in obj
            and obj.get("/Type") not in (Name.MCR, Name.OBJR))


def kids(element) -> list:
    """/K as a list: elements, MCIDs (int), MCR and OBJR dictionaries."""
    found = element.get("/K")
    if found is None:
        return []
    return list(found) if isinstance(found, Array) else [found]


def set_kids(element, new: list) -> None:
    """Make new the kids of element, and element their parent."""
    element.K = Array(new)
    for kid in new:
        if is_element(kid):
            kid.P = element


def walk(element):
    """element and every structure element below it, depth first, in order."""
    yield element
    for kid in kids(element):
        if is_element(kid):
            yield from walk(kid)


def new_element(pdf: Pdf, role: Name, like) -> Dictionary:
    """An empty element of this role, on the page of like (an element) if it has one."""
    element = pdf.make_indirect(Dictionary(Type=Name.StructElem, S=role, K=Array()))
    if "/Pg" in like:
        element.Pg = like.Pg
    return element
