"""Appendix PDFs: read, counted, and checked for what makes them accessible."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pikepdf

from reportgen.errors import InputError, Problem


@dataclass
class Appendix:
    path: Path
    pages: int
    label: str  # "Agenda Item 6, Appendix A"
    data: bytes


def _has_text(pdf: pikepdf.Pdf, pages: int = 5) -> bool:
    """A text layer needs fonts; a scan has only images."""
    def fonts_in(resources, depth: int = 0) -> bool:
        if resources is None or depth > 3:
            return False
        if len(resources.get("/Font", {})):
            return True
        for xobject in resources.get("/XObject", {}).values():
            if xobject.get("/Subtype") == pikepdf.Name.Form and fonts_in(
                    xobject.get("/Resources"), depth + 1):
                return True
        return False

    return any(fonts_in(page.obj.get("/Resources")) for page in pdf.pages[:pages])


def inspect_appendix(path: Path, label: str, warnings: list[Problem]) -> Appendix:
    """Read an appendix; warn when it is untagged or has no text layer."""
    try:
        data = path.read_bytes()
        with pikepdf.open(path) as pdf:
            pages = len(pdf.pages)
            mark = pdf.Root.get("/MarkInfo")
            tagged = "/StructTreeRoot" in pdf.Root and bool(mark and mark.get("/Marked"))
            has_text = _has_text(pdf)
    except (pikepdf.PdfError, OSError) as exc:
        raise InputError(Problem(path, f"cannot read this PDF ({exc}); export it again "
                                 "from the program that made it")) from None
    if not has_text:
        warnings.append(Problem(path, "has no text layer (a scan?): it will not be accessible; "
                                "ask for a text PDF or run OCR", severity="warning"))
    elif not tagged:
        warnings.append(Problem(path, "is not a tagged PDF: screen readers will not find its "
                                "structure; ask for a tagged (accessible) PDF",
                                severity="warning"))
    return Appendix(path, pages, label, data)
