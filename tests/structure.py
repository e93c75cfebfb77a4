"""Walking a PDF's tag tree in tests: roles, attributes, text and where it is.

The tree is read with pikepdf and the text of each marked-content sequence
(MCID) with pdfplumber, so a test sees what a screen reader would be given:
elements in tree order with the words they hold.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import pdfplumber
import pikepdf

# Elements whose text a screen reader reads as one block.
BLOCKS = {"H1", "H2", "H3", "H4", "H5", "H6", "P", "Lbl", "LBody", "TH", "TD", "Caption",
          "Figure"}


@dataclass
class Element:
    role: str
    obj: pikepdf.Dictionary
    page: int | None  # index of its /Pg page
    kids: list[Element] = field(default_factory=list)
    content: list[tuple[int, int]] = field(default_factory=list)  # (page, MCID) held here
    text: str = ""  # all the text below it, in tree order
    where: tuple[int, float, float] | None = None  # (page, top, left) of its first glyph

    def walk(self):
        yield self
        for kid in self.kids:
            yield from kid.walk()

    def find(self, role: str) -> list[Element]:
        return [e for e in self.walk() if e.role == role]

    def attribute(self, key: str):
        """A /Table or other owner's attribute from /A (a dictionary or an array)."""
        attrs = self.obj.get("/A")
        for entry in attrs if isinstance(attrs, pikepdf.Array) else [attrs]:
            if isinstance(entry, pikepdf.Dictionary) and key in entry:
                return entry[key]
        return None


@dataclass
class Tree:
    root: Element
    ids: dict[bytes, pikepdf.Dictionary]  # /IDTree
    claimed: set[tuple[int, int]]  # every (page, MCID) the tree holds
    pdf: pikepdf.Pdf

    def by_id(self, ident) -> Element | None:
        target = self.ids.get(bytes(ident))
        return next((e for e in self.root.walk() if target is not None
                     and e.obj.objgen == target.objgen), None)


def read_tree(path: Path) -> Tree:
    """The whole tag tree of the PDF at path, with text per element (read once
    per version of the file: trees are not changed by the tests)."""
    stat = Path(path).stat()
    return _read_tree(Path(path), stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=32)
def _read_tree(path: Path, _mtime: int, _size: int) -> Tree:
    texts, places = _marked_text(path)
    pdf = pikepdf.open(path)  # kept open by the Tree: elements are read lazily
    pages = {page.objgen: i for i, page in enumerate(pdf.pages)}
    root = pdf.Root.StructTreeRoot
    claimed: set[tuple[int, int]] = set()

    def build(obj, page) -> Element:
        if "/Pg" in obj:
            page = pages.get(obj.Pg.objgen)
        element = Element(str(obj.S)[1:], obj, page)
        kids = obj.get("/K")
        for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
            if isinstance(kid, int):
                element.content.append((page, kid))
            elif isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/MCR":
                on = pages.get(kid.Pg.objgen) if "/Pg" in kid else page
                element.content.append((on, int(kid.MCID)))
            elif isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
                element.kids.append(build(kid, page))
        claimed.update(element.content)
        parts = [texts.get(key, "") for key in element.content] + [k.text for k in element.kids]
        element.text = " ".join(" ".join(p for p in parts if p).split())
        firsts = [places[k] for k in element.content if k in places]
        firsts += [k.where for k in element.kids if k.where]
        element.where = min(firsts) if firsts else None
        return element

    kids = root.K if isinstance(root.K, pikepdf.Array) else [root.K]
    top = Element("StructTreeRoot", root, None, [build(k, None) for k in kids])
    names = root.get("/IDTree", {}).get("/Names", [])
    ids = {bytes(names[i]): names[i + 1] for i in range(0, len(names), 2)}
    return Tree(top, ids, claimed, pdf)


def _marked_text(path: Path):
    """(page, MCID) -> its text, and -> (page, top, left) of its first glyph."""
    chars: dict = defaultdict(list)
    places = {}
    with pdfplumber.open(path) as pdf:
        for index, page in enumerate(pdf.pages):
            for char in page.chars:
                if char.get("mcid") is None:
                    continue
                key = (index, char["mcid"])
                chars[key].append(char["text"])
                places.setdefault(key, (index, round(char["top"], 1), round(char["x0"], 1)))
    return {key: "".join(text) for key, text in chars.items()}, places


def reading_order(path: Path) -> list[tuple[str, str]]:
    """(role, text) of each block a screen reader reads, in tree order: the
    innermost headings, paragraphs, list labels and bodies, table cells."""
    return [(role, text) for role, text, _ in blocks(read_tree(path))]


def blocks(tree: Tree) -> list[tuple[str, str, tuple | None]]:
    """Like reading_order, with where each block's first glyph is on the page."""
    found = []

    def visit(element: Element) -> None:
        inner = [k for k in element.kids if any(d.role in BLOCKS for d in k.walk())]
        if element.role in BLOCKS and not inner:
            if element.text:
                found.append((element.role, element.text, element.where))
            return
        for kid in element.kids:
            visit(kid)

    visit(tree.root)
    return found


def outline(path: Path) -> str:
    """The tree as indented lines 'Role: text', for printing in a failing test."""
    lines = []

    def visit(element: Element, depth: int) -> None:
        text = element.text if element.role in BLOCKS else ""
        lines.append(f"{'  ' * depth}{element.role}{': ' + text[:70] if text else ''}")
        if element.role not in BLOCKS:
            for kid in element.kids:
                visit(kid, depth + 1)

    for kid in read_tree(path).root.kids:
        visit(kid, 0)
    return "\n".join(lines)
