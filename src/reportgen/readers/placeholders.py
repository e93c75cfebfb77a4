"""Unfilled template placeholders ("[insert month]", "TBC") in any visible cell, and
characters no installed font can show.

A report that goes to committee with "[insert month]" in it is the commonest
slip in the seeds; `check`, `pack` and `batch` warn about each, by cell, and
`pack --strict` refuses to publish while one remains.
"""

from __future__ import annotations

import re
from pathlib import Path

from reportgen.errors import Problem
from reportgen.fonts import unshowable
from reportgen.readers.cells import cell_text, normalise
from reportgen.readers.workbook import Book

# Each alternative is bounded ([^\]]{0,80}), so a long cell cannot make it slow.
PLACEHOLDERS = re.compile(
    r"\[\s{0,3}(?:insert|enter|add|tbc|tba|date|name|todo)[^\]\n]{0,80}\]"
    r"|\[\s{0,3}(?:…|\.\.\.)\s{0,3}\]|\bTBC\b|\bTBA\b|\bXXX*\b|\?\?\?+|<\s{0,3}insert[^>\n]{0,80}>",
    re.IGNORECASE)
INSTRUCTIONS_SHEET = "instructions"


def find_placeholder(text: str) -> str | None:
    match = PLACEHOLDERS.search(text)
    return match.group(0) if match else None


def placeholder_warnings(path: Path, wb: Book) -> list[Problem]:
    """A warning per visible text cell holding a placeholder, or a character no
    installed font can show (the Instructions sheet that `new` writes is left alone)."""
    found = []
    for ws in wb.sheets:
        if normalise(ws.title) == INSTRUCTIONS_SHEET:
            continue
        for number, values in ws.rows():
            for column, value in enumerate(values, start=1):
                if not isinstance(value, str):
                    continue
                text, cell = cell_text(value), f"{_letter(column)}{number}"
                placeholder = find_placeholder(text)
                if placeholder:
                    found.append(Problem(path, f"unfilled placeholder {placeholder!r}",
                                         ws.title, cell, "warning", blocks_publication=True))
                missing = unshowable(text)
                if missing:
                    shown = ", ".join(f"U+{ord(c):04X}" for c in missing[:5])
                    found.append(Problem(path, f"no installed font can show {shown}: it would "
                                         "print as an empty box (for Chinese, Japanese or "
                                         "Korean install Debian fonts-noto-cjk)", ws.title,
                                         cell, "warning"))
    return found


def _letter(column: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(column)
