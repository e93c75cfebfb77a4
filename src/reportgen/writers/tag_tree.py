"""Reading and editing a PDF's structure tree (tags) with pikepdf: the few
operations pdf_structure's repairs are made of, tables' grids among them, and
the bookkeeping every edit ends with (the ID tree and the parent tree)."""

from __future__ import annotations

from collections import defaultdict

import pikepdf
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


_GROUPS = (Name.THead, Name.TBody, Name.TFoot)


def table_rows(table) -> list:
    """(TR, its THead/TBody/TFoot or None) in order."""
    rows = []
    for kid in kids(table):
        if not is_element(kid):
            continue
        if kid.S == Name.TR:
            rows.append((kid, None))
        elif kid.S in _GROUPS:
            rows += [(row, kid) for row in kids(kid) if is_element(row) and row.S == Name.TR]
    return rows


def table_attributes(cell) -> Dictionary:
    """The cell's /A dictionary owned by /Table, made if missing."""
    found = cell.get("/A")
    for attrs in (found if isinstance(found, Array) else [found]):
        if isinstance(attrs, Dictionary) and attrs.get("/O") == Name.Table:
            return attrs
    attrs = Dictionary(O=Name.Table)
    cell.A = Array(list(found) + [attrs]) if isinstance(found, Array) else (
        Array([found, attrs]) if isinstance(found, Dictionary) else attrs)
    return cell.A[-1] if isinstance(cell.A, Array) else cell.A


def _span(attrs, key: str) -> int:
    try:
        return max(1, int(attrs.get(key, 1)))
    except (TypeError, ValueError):
        return 1


def place_cells(rows: list) -> list:
    """(cell, group, row, column, rowspan, colspan) for each cell, on the grid."""
    taken: set = set()
    placed = []
    for r, (row, group) in enumerate(rows):
        column = 0
        for cell in kids(row):
            if not is_element(cell) or cell.S not in (Name.TH, Name.TD):
                continue
            while (r, column) in taken:
                column += 1
            attrs = table_attributes(cell)
            down, across = _span(attrs, "/RowSpan"), _span(attrs, "/ColSpan")
            taken.update((r + i, column + j) for i in range(down) for j in range(across))
            placed.append((cell, group, r, column, down, across))
            column += across
    return placed


# -- the ID tree and the parent tree ------------------------------------------------
def rebuild_id_tree(pdf: Pdf, root, document) -> None:
    """The /IDTree that /Headers and /ID need, from the IDs the tree holds now."""
    named: dict[bytes, object] = {}
    for element in walk(document):
        if "/ID" in element:
            named.setdefault(bytes(element.ID), element)
    if "/IDTree" in root:
        del root["/IDTree"]
    if named:
        flat = []
        for key in sorted(named):
            flat += [pikepdf.String(key), named[key]]
        root.IDTree = pdf.make_indirect(Dictionary(Names=Array(flat)))


def rebuild_parent_tree(pdf: Pdf, root, document) -> dict:
    """Point every MCID and annotation at the element holding it now.

    Returns {page objgen: set of MCIDs the tree claims}."""
    owners: dict = defaultdict(dict)  # page objgen -> {mcid: element}
    annotations: dict = {}

    def visit(element, page) -> None:
        page = element.get("/Pg", page)
        for kid in kids(element):
            if isinstance(kid, int) and page is not None:
                owners[page.objgen][kid] = element
            elif isinstance(kid, Dictionary) and kid.get("/Type") == Name.MCR:
                if "/Stm" not in kid and kid.get("/Pg", page) is not None:
                    owners[kid.get("/Pg", page).objgen][int(kid.MCID)] = element
            elif isinstance(kid, Dictionary) and kid.get("/Type") == Name.OBJR:
                if "/StructParent" in kid.Obj:
                    annotations[int(kid.Obj.StructParent)] = element
            elif is_element(kid):
                visit(kid, page)

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
