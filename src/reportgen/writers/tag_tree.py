"""A PDF's structure tree (tags) read once into Python, edited there, written back.

pikepdf reaches every key of every element through the C++ library, and a
report's tree has a thousand elements or more, walked by several repairs; so
read_tree() reads each element once (role, kids, page, ID, reportgen's hints),
the repairs edit these Elements, and write_tree() writes back only what
changed. Beside it: tables' grids, and the bookkeeping every edit ends with
(the ID tree and the parent tree)."""

from __future__ import annotations

from collections import defaultdict

import pikepdf
from pikepdf import Array, Dictionary, Name, Pdf

_STRUCT_ELEM, _TABLE, _MCR, _OBJR = Name.StructElem, Name.Table, Name.MCR, Name.OBJR
_NOT_ELEMENTS = (_MCR, _OBJR)


class Element:
    """One structure element: its dictionary (obj), role ("/P"), kids (Elements,
    MCIDs as int, MCR and OBJR dictionaries), its own /Pg (page, or None), /ID
    as bytes (ident), and the hints named when it was read (hints: key -> value)."""

    __slots__ = ("obj", "role", "kids", "page", "ident", "hints", "_parent", "_changed")

    def __init__(self, obj: Dictionary, role: str, kids: list, page=None, ident=None,
                 hints: dict | None = None, parent: tuple | None = None,
                 changed: bool = True):
        self.obj, self.role, self.kids, self.page = obj, role, kids, page
        self.ident, self.hints = ident, hints or {}
        self._parent, self._changed = parent, changed  # /P's objgen as read; /K to write

    def set_role(self, role: str) -> None:
        self.role = role
        self.obj.S = Name(role)

    def set_ident(self, ident: pikepdf.String) -> None:
        self.ident = bytes(ident)
        self.obj.ID = ident


def is_element(obj) -> bool:
    """A structure element's dictionary, not a marked-content or object reference."""
    return (isinstance(obj, Dictionary) and "/S" in obj
            and obj.get("/Type") not in _NOT_ELEMENTS)


def kids(obj) -> list:
    """A dictionary's /K as a list."""
    found = obj.get("/K")
    if found is None:
        return []
    return list(found) if isinstance(found, Array) else [found]


def read_tree(obj: Dictionary, hint_keys: tuple[str, ...] = (), keys=None) -> Element:
    """The element obj and everything below it, with the hints in hint_keys
    (integers stay int, names become str). keys: obj's keys, when known."""
    keys = obj.keys() if keys is None else keys
    found = obj.get("/K") if "/K" in keys else None
    raw = list(found) if isinstance(found, Array) else [] if found is None else [found]
    element_kids = [_read_kid(kid, hint_keys) for kid in raw]
    hints = {}
    for key in hint_keys:
        if key in keys:
            value = obj[key]
            hints[key] = value if isinstance(value, int) else str(value)
    parent = obj.get("/P") if "/P" in keys else None
    return Element(obj, str(obj.get("/S")), element_kids,
                   page=obj.get("/Pg") if "/Pg" in keys else None,
                   ident=bytes(obj.ID) if "/ID" in keys else None, hints=hints,
                   parent=parent.objgen if isinstance(parent, Dictionary) else None,
                   changed=not isinstance(found, Array))


def _read_kid(kid, hint_keys):
    if isinstance(kid, Dictionary):
        keys = kid.keys()
        if "/S" in keys and ("/Type" not in keys or kid.Type not in _NOT_ELEMENTS):
            return read_tree(kid, hint_keys, keys)
    return kid


def write_tree(top: Element) -> None:
    """Write every changed /K below top, and /P wherever an element's parent is new;
    delete the hints read (they are notes for the repairs, not for readers)."""
    for element in walk(top):
        for hint in element.hints:
            del element.obj[hint]
        element.hints = {}
        if element._changed:
            element.obj.K = Array([k.obj if isinstance(k, Element) else k
                                   for k in element.kids])
            element._changed = False
        key = element.obj.objgen
        for kid in element.kids:
            if isinstance(kid, Element) and (kid._parent != key or key == (0, 0)):
                kid.obj.P = element.obj
                kid._parent = key


def set_kids(element: Element, new: list) -> None:
    """Make new the kids of element (written by write_tree)."""
    element.kids = new
    element._changed = True


def walk(element: Element):
    """element and every element below it, depth first, in order."""
    stack = [element]
    while stack:
        element = stack.pop()
        yield element
        stack.extend(k for k in reversed(element.kids) if isinstance(k, Element))


def new_element(pdf: Pdf, role: str, like: Element) -> Element:
    """An empty element of this role, on the page of like if it has one."""
    obj = pdf.make_indirect(Dictionary(Type=_STRUCT_ELEM, S=Name(role), K=Array()))
    if like.page is not None:
        obj.Pg = like.page
    return Element(obj, role, [], page=like.page)


_GROUPS = ("/THead", "/TBody", "/TFoot")


def table_rows(table: Element) -> list:
    """(TR, its THead/TBody/TFoot or None) in order."""
    rows = []
    for kid in table.kids:
        if not isinstance(kid, Element):
            continue
        if kid.role == "/TR":
            rows.append((kid, None))
        elif kid.role in _GROUPS:
            rows += [(row, kid) for row in kid.kids
                     if isinstance(row, Element) and row.role == "/TR"]
    return rows


def table_attributes(cell: Element) -> Dictionary:
    """The cell's /A dictionary owned by /Table, made if missing."""
    obj = cell.obj
    found = obj.get("/A")
    for attrs in (found if isinstance(found, Array) else [found]):
        if isinstance(attrs, Dictionary) and attrs.get("/O") == _TABLE:
            return attrs
    attrs = Dictionary(O=_TABLE)
    obj.A = Array(list(found) + [attrs]) if isinstance(found, Array) else (
        Array([found, attrs]) if isinstance(found, Dictionary) else attrs)
    return obj.A[-1] if isinstance(obj.A, Array) else obj.A


def _span(attrs, key: str) -> int:
    try:
        return max(1, int(attrs.get(key, 1)))
    except (TypeError, ValueError):
        return 1


def place_cells(rows: list) -> list:
    """(cell, group, row, column, rowspan, colspan, its /Table attributes) for each
    cell, on the grid."""
    taken: set = set()
    placed = []
    for r, (row, group) in enumerate(rows):
        column = 0
        for cell in row.kids:
            if not isinstance(cell, Element) or cell.role not in ("/TH", "/TD"):
                continue
            while (r, column) in taken:
                column += 1
            attrs = table_attributes(cell)
            down, across = _span(attrs, "/RowSpan"), _span(attrs, "/ColSpan")
            taken.update((r + i, column + j) for i in range(down) for j in range(across))
            placed.append((cell, group, r, column, down, across, attrs))
            column += across
    return placed


# -- the ID tree and the parent tree ------------------------------------------------
def rebuild_id_tree(pdf: Pdf, root, document: Element) -> None:
    """The /IDTree that /Headers and /ID need, from the IDs the tree holds now."""
    named: dict[bytes, object] = {}
    for element in walk(document):
        if element.ident is not None:
            named.setdefault(element.ident, element.obj)
    if "/IDTree" in root:
        del root["/IDTree"]
    if named:
        flat = []
        for key in sorted(named):
            flat += [pikepdf.String(key), named[key]]
        root.IDTree = pdf.make_indirect(Dictionary(Names=Array(flat)))


def rebuild_parent_tree(pdf: Pdf, root, document: Element) -> dict:
    """Point every MCID and annotation at the element holding it now.

    Returns {page objgen: set of MCIDs the tree claims}."""
    owners: dict = defaultdict(dict)  # page objgen -> {mcid: element}
    annotations: dict = {}

    def visit(element: Element, page) -> None:
        if element.page is not None:
            page = element.page
        for kid in element.kids:
            if isinstance(kid, int) and page is not None:
                owners[page.objgen][kid] = element.obj
            elif isinstance(kid, Element):
                visit(kid, page)
            elif isinstance(kid, Dictionary) and kid.get("/Type") == _MCR:
                if "/Stm" not in kid and kid.get("/Pg", page) is not None:
                    owners[kid.get("/Pg", page).objgen][int(kid.MCID)] = element.obj
            elif isinstance(kid, Dictionary) and kid.get("/Type") == _OBJR:
                if "/StructParent" in kid.Obj:
                    annotations[int(kid.Obj.StructParent)] = element.obj

    visit(document, None)
    old = _flatten_numbers(root.get("/ParentTree"))
    next_key = max([int(k) for k in old] + list(annotations) + [-1]) + 1
    entries = {}
    for page in pdf.pages:
        mcids = owners.get(page.obj.objgen)
        if "/StructParents" not in page.obj:
            if not mcids:
                continue
            page.obj.StructParents, next_key = next_key, next_key + 1
        key = int(page.obj.StructParents)
        mcids = mcids or {}
        entries[key] = Array([mcids.get(m) for m in range(max(mcids, default=-1) + 1)])
    entries.update(annotations)
    for key, value in old.items():
        entries.setdefault(key, value)  # e.g. form XObjects' own keys
    nums = []
    for key in sorted(entries):
        nums += [key, entries[key]]
    root.ParentTree = pdf.make_indirect(Dictionary(Nums=Array(nums)))
    root.ParentTreeNextKey = max(entries, default=-1) + 1
    return {objgen: set(found) for objgen, found in owners.items()}


def _flatten_numbers(tree) -> dict:
    found = {}
    if not isinstance(tree, Dictionary):
        return found
    nums = tree.get("/Nums", Array())
    for i in range(0, len(nums) - 1, 2):
        found[int(nums[i])] = nums[i + 1]
    for kid in tree.get("/Kids", Array()):
        found.update(_flatten_numbers(kid))
    return found
