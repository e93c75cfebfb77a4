"""OpenDocument (.ods) and legacy Excel (.xls) workbooks -> Book, through calamine.

calamine reads values (dates as dates) and sheet visibility, but not hidden
rows or columns. For .ods, content.xml is scanned as a stream first (as
reportgen.readers.xlsx does for Excel): its real extent, counting repeated
rows and cells, is checked against the limits, and its collapsed or filtered
rows and columns are taken out. A legacy .xls is at most 65,536 rows by 256
columns by its format; its hidden rows and columns come from readers.biff.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl.utils import get_column_letter

from reportgen.files import MAX_COLUMNS, MAX_ROWS
from reportgen.readers.package import DAMAGED, check_package, forget, local, stream_elements
from reportgen.readers.workbook import Book, make_sheet, refuse

_PASSWORD = ("the workbook is password-protected: remove the password in Excel or "
             "LibreOffice and save it again")
_HIDDEN = ("collapse", "filter")
_ODS_TAGS = ("style", "table-properties", "table", "table-row", "table-column", "table-cell",
             "covered-table-cell")
_XLS_DAMAGED = ("this legacy .xls workbook is damaged and cannot be read: open it in Excel or "
                "LibreOffice and save it as .xlsx")


@dataclass
class _Table:
    """One table of content.xml, as scanned."""

    name: str
    hidden: bool = False
    rows: int = 0
    columns: int = 0
    hidden_rows: set[int] = field(default_factory=set)
    hidden_columns: set[int] = field(default_factory=set)


def read_ods(path: Path, handle, package: zipfile.ZipFile) -> Book:
    """An OpenDocument spreadsheet as a Book, within the limits."""
    check_package(path, package)
    if "content.xml" not in package.namelist():
        raise refuse(path, DAMAGED)
    if "META-INF/manifest.xml" in package.namelist() and b"encryption-data" in \
            package.read("META-INF/manifest.xml")[:1_000_000]:
        raise refuse(path, _PASSWORD)
    tables = scan_tables(path, package)
    return _read_calamine(path, handle, {t.name: t for t in tables}, DAMAGED)


def read_xls(path: Path, handle) -> Book:
    """A legacy .xls workbook as a Book (hidden rows and columns taken out)."""
    from reportgen.readers.biff import BiffError, hidden_rows_and_columns

    handle.seek(0)
    try:
        hidden = hidden_rows_and_columns(handle.read())
    except BiffError:
        raise refuse(path, _XLS_DAMAGED) from None
    handle.seek(0)
    scans = {name: _Table(name, hidden_rows=rows, hidden_columns=columns)
             for name, (rows, columns) in hidden.items()}
    return _read_calamine(path, handle, scans, _XLS_DAMAGED)


def _read_calamine(path: Path, handle, scans: dict[str, _Table], damaged: str) -> Book:
    from python_calamine import CalamineError, CalamineWorkbook, PasswordError

    try:
        handle.seek(0)
        workbook = CalamineWorkbook.from_filelike(handle)
    except PasswordError:
        raise refuse(path, _PASSWORD) from None
    except (CalamineError, OSError, ValueError):
        raise refuse(path, damaged) from None
    book = Book(path, [])
    with workbook:
        for meta in workbook.sheets_metadata:
            if str(meta.visible).rpartition(".")[2].lower() != "visible" or \
                    (meta.name in scans and scans[meta.name].hidden):
                book.hidden_sheets.append(meta.name)
                continue
            if str(meta.typ).rpartition(".")[2].lower() != "worksheet":
                continue
            try:
                sheet = workbook.get_sheet_by_name(meta.name)
                end = sheet.end or (-1, -1)
                _check_limits(path, meta.name, end[0] + 1, end[1] + 1)
                values = sheet.to_python(skip_empty_area=False)
            except CalamineError:
                raise refuse(path, damaged) from None
            scan = scans.get(meta.name, _Table(meta.name))
            rows = ((n, tuple(None if v == "" else v for v in row))
                    for n, row in enumerate(values, start=1))
            book.sheets.append(make_sheet(meta.name, rows, scan.hidden_rows,
                                          scan.hidden_columns))
    return book


def _check_limits(path: Path, title: str, rows: int, columns: int) -> None:
    if rows > MAX_ROWS or columns > MAX_COLUMNS:
        raise refuse(path, f"the sheet reaches row {rows:,}, column "
                     f"{get_column_letter(min(columns, 16384))}: beyond the {MAX_ROWS:,} rows "
                     f"and {MAX_COLUMNS} columns reportgen reads; delete stray cells there, or "
                     "split the sheet", title)


def scan_tables(path: Path, package: zipfile.ZipFile) -> list[_Table]:
    """Each table's real extent (repeats counted), hidden rows and columns, and
    whether the table itself is hidden, from content.xml read as a stream."""
    hidden_styles: set[str] = set()
    tables: list[_Table] = []
    row = column = 0
    table: _Table | None = None
    style = ""
    for event, tag, element in stream_elements(path, package, "content.xml", ("start", "end"),
                                               _ODS_TAGS):
        attributes = element.attrib
        if event == "start":
            if tag == "style":
                style = local(attributes, "name") or ""
            elif tag == "table-properties" and local(attributes, "display") == "false":
                hidden_styles.add(style)
            elif tag == "table":
                table = _Table(local(attributes, "name") or "",
                               local(attributes, "style-name") in hidden_styles)
                tables.append(table)
                row = column = 0
            elif tag == "table-row" and table is not None:
                column = 0
            continue
        if table is None:
            continue
        if tag == "table-column":
            repeat = _repeat(attributes, "number-columns-repeated")
            if local(attributes, "visibility") in _HIDDEN:
                table.hidden_columns.update(range(column + 1, column + 1 + min(repeat,
                                                                              MAX_COLUMNS)))
            column += repeat
            if column >= MAX_COLUMNS:
                column = MAX_COLUMNS
        elif tag in ("table-cell", "covered-table-cell"):
            repeat = _repeat(attributes, "number-columns-repeated")
            if local(attributes, "value-type") or len(element):
                table.columns = max(table.columns, column + repeat)
                table.rows = max(table.rows, row + 1)
                _check_limits(path, table.name, row + 1, column + repeat)
            column += repeat
            forget(element)
        elif tag == "table-row":
            repeat = _repeat(attributes, "number-rows-repeated")
            if table.rows == row + 1 and repeat > 1:  # a row holding values, repeated
                table.rows = row + repeat
                _check_limits(path, table.name, table.rows, table.columns)
            if local(attributes, "visibility") in _HIDDEN and table.rows > row:
                table.hidden_rows.update(range(row + 1, row + 1 + repeat))
            row += repeat
            forget(element)
        elif tag == "table":
            table = None
            column = 0
    return tables


def _repeat(attributes, name: str) -> int:
    text = local(attributes, name)
    return int(text) if text and text.isdigit() else 1
