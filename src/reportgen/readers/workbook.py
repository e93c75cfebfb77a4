"""Opening workbooks safely and finding sheets, header rows and columns.

The input contract lets officers rename things a little: sheet names and
headers match case-insensitively, ignoring spaces, punctuation and a
trailing "(s)", and a header row may sit below title rows.
"""

from __future__ import annotations

import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import openpyxl
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from reportgen.errors import InputError, Problem
from reportgen.readers.cells import cell_text, normalise

HEADER_SEARCH_ROWS = 10
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED_MARK = "EncryptedPackage".encode("utf-16-le")


def open_workbook(path: Path) -> Workbook:
    """Load an .xlsx with saved values, or raise InputError saying why not."""
    def fail(message: str) -> InputError:
        return InputError(Problem(path, message))

    if not path.exists():
        raise fail("file not found")
    if path.is_dir():
        raise fail("is a folder, expected an .xlsx workbook")
    head = path.read_bytes()[:8]
    if not head:
        raise fail("the file is empty, expected an .xlsx workbook")
    if head == _OLE_MAGIC:
        if _ENCRYPTED_MARK in path.read_bytes():
            raise fail("the workbook is password-protected: remove the password in Excel "
                       "(File > Info > Protect Workbook) and save it again")
        raise fail("this is a legacy .xls workbook: open it in Excel or LibreOffice and "
                   "save it as .xlsx")
    if not zipfile.is_zipfile(path):
        if head.startswith(b"PK"):
            raise fail("the workbook is truncated or damaged (incomplete zip package): copy "
                       "it again, or open it in Excel and save it again")
        raise fail("not an .xlsx workbook (it is not a zip package); save it from Excel "
                   "or LibreOffice as .xlsx")
    try:
        wb = openpyxl.load_workbook(path, data_only=True)
        _check_formulas(path, wb)
        return wb
    except InputError:
        raise
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, EOFError,
            zlib.error):
        raise fail("the workbook is damaged or truncated and cannot be read: open it in "
                   "Excel and save it again, or go back to an earlier copy") from None
    except Exception as exc:  # openpyxl raises many types for malformed XML
        if _caused_by_defusedxml(exc):
            raise fail("the workbook contains forbidden XML (entity declarations, as in an "
                       "'XML bomb'); it is refused for safety") from None
        raise fail("the workbook is damaged or not a valid .xlsx and cannot be read: open "
                   "it in Excel and save it again") from None


def _caused_by_defusedxml(exc: BaseException | None) -> bool:
    while exc is not None:
        if type(exc).__module__.startswith("defusedxml"):
            return True
        exc = exc.__cause__ or exc.__context__
    return False


def _check_formulas(path: Path, values: Workbook) -> None:
    """Formula cells whose value Excel never saved read as empty: say so, by cell.

    Files written by scripts (not by Excel or LibreOffice) often hold formulas
    with no saved result; reportgen reads saved values and computes nothing.
    """
    formulas = openpyxl.load_workbook(path, read_only=True, data_only=False)
    problems = []
    try:
        for ws in formulas.worksheets:
            if not hasattr(ws, "iter_rows"):
                continue
            for row in ws.iter_rows():
                for cell in row:
                    if getattr(cell, "data_type", None) != "f":
                        continue
                    if values[ws.title][cell.coordinate].value is None:
                        problems.append(Problem(
                            path, "formula with no saved value: open the workbook in Excel "
                            "or LibreOffice and save it, so its results are stored",
                            ws.title, cell.coordinate))
    finally:
        formulas.close()
    if problems:
        raise InputError(problems)


def find_sheet(wb: Workbook, *names: str) -> Worksheet | None:
    """The first sheet whose normalised name matches one of names."""
    wanted = {normalise(n) for n in names}
    for ws in wb.worksheets:
        if normalise(ws.title) in wanted:
            return ws
    return None


@dataclass
class Column:
    key: str  # canonical field name, or the normalised header for extra columns
    label: str  # as typed
    index: int  # 1-based column number
    extra: bool = False

    @property
    def letter(self) -> str:
        return get_column_letter(self.index)


@dataclass
class Table:
    """A sheet read as a header row and data rows."""

    sheet: Worksheet
    header_row: int
    columns: list[Column]
    missing: list[str] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.sheet.title

    def column(self, key: str) -> Column | None:
        return next((c for c in self.columns if c.key == key), None)

    def rows(self) -> Iterator[Row]:
        """Data rows below the header; rows with nothing in them are skipped."""
        for number, values in enumerate(
            self.sheet.iter_rows(min_row=self.header_row + 1, values_only=True),
            start=self.header_row + 1,
        ):
            if any(v is not None and cell_text(v) != "" for v in values):
                yield Row(self, number, values)


@dataclass
class Row:
    table: Table
    number: int
    values: tuple

    def raw(self, key: str) -> object:
        col = self.table.column(key)
        if col is None or col.index > len(self.values):
            return None
        return self.values[col.index - 1]

    def text(self, key: str) -> str:
        return cell_text(self.raw(key))

    def cell(self, key: str) -> str:
        col = self.table.column(key)
        return f"{col.letter}{self.number}" if col else f"A{self.number}"

    def where(self, key: str) -> str:
        """"Recommendations!E5": the sheet and cell of key in this row, for messages."""
        return f"{self.table.name}!{self.cell(key)}"

    def wheres(self) -> dict[str, str]:
        """where() of every known column of the row."""
        return {c.key: self.where(c.key) for c in self.table.columns if not c.extra}

    def extras(self) -> dict[str, str]:
        return {c.label: cell_text(self.values[c.index - 1])
                for c in self.table.columns
                if c.extra and c.index <= len(self.values)}


def read_table(ws: Worksheet, synonyms: dict[str, tuple[str, ...]],
               required: tuple[str, ...]) -> Table:
    """Find the header row (within the first rows) and map its columns.

    synonyms maps each canonical key to the header labels that mean it.
    The header row is the first row holding all required columns, or failing
    that the row holding the most known columns.
    """
    lookup = {normalise(label): key for key, labels in synonyms.items()
              for label in (key, *labels)}
    best: tuple[int, list[Column]] | None = None
    for number, values in enumerate(
        ws.iter_rows(min_row=1, max_row=HEADER_SEARCH_ROWS, values_only=True), start=1
    ):
        columns = _map_columns(values, lookup)
        known = {c.key for c in columns if not c.extra}
        if all(r in known for r in required):
            return Table(ws, number, columns)
        if known and (best is None or len(known) > len({c.key for c in best[1] if not c.extra})):
            best = (number, columns)
    number, columns = best or (1, [])
    known = {c.key for c in columns if not c.extra}
    return Table(ws, number, columns, [r for r in required if r not in known])


def _map_columns(values: tuple, lookup: dict[str, str]) -> list[Column]:
    columns: list[Column] = []
    seen: set[str] = set()
    for index, value in enumerate(values, start=1):
        label = cell_text(value)
        if not label:
            continue
        key = lookup.get(normalise(label))
        if key is None or key in seen:
            columns.append(Column(normalise(label), label, index, extra=True))
        else:
            seen.add(key)
            columns.append(Column(key, label, index))
    return columns


def read_fields(ws: Worksheet) -> list[tuple[str, object, str]]:
    """A Field | Value sheet as (label, raw value, value cell) triples, in order.

    A "Field | Value" header row, and title rows above it, are skipped.
    """
    rows = list(ws.iter_rows(values_only=True))
    start = 0
    for i, values in enumerate(rows[:HEADER_SEARCH_ROWS]):
        if values and normalise(values[0]) == "field":
            start = i + 1
            break
    found = []
    for i, values in enumerate(rows[start:], start=start + 1):
        label = cell_text(values[0]) if values else ""
        if not label:
            continue
        value = values[1] if len(values) > 1 else None
        found.append((label, value, f"B{i}"))
    return found
