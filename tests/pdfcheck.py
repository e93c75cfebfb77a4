"""Reading produced PDFs in tests: text per page, tags, outline, metadata."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader


def structure_types(path: Path) -> list[str]:
    """Every structure element type (/S) in the PDF's tag tree, depth first."""
    root = PdfReader(path).trailer["/Root"]
    found: list[str] = []

    def walk(node):
        node = node.get_object()
        if isinstance(node, list):
            for child in node:
                walk(child)
            return
        if not hasattr(node, "get"):
            return
        if "/S" in node:
            found.append(str(node["/S"]).lstrip("/"))
        if "/K" in node:
            walk(node["/K"])

    walk(root["/StructTreeRoot"])
    return found


def outline_titles(path: Path) -> list[str]:
    reader = PdfReader(path)
    titles: list[str] = []

    def walk(items):
        for entry in items:
            if isinstance(entry, list):
                walk(entry)
            else:
                titles.append(entry.title)

    walk(reader.outline)
    return titles


def catalog(path: Path):
    return PdfReader(path).trailer["/Root"]
