"""Excel workbooks (.xlsx, .xlsm) -> Book, within the limits in reportgen.files.

Before openpyxl touches the package, each part it would load is measured as a
stream: shared strings and cell styles are counted, and each visible sheet is
scanned once for its real extent (the last cell holding a value, whatever its
<dimension> claims), its hidden rows and columns, and formulas whose results
were never saved. openpyxl then reads saved values in read-only mode, bounded
by that extent, so a stray cell at XFD1048576 never makes it build a grid.
"""

from __future__ import annotations

import posixpath
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl.utils import get_column_letter

from reportgen.errors import InputError, Problem
from reportgen.files import MAX_CELL_STYLES, MAX_COLUMNS, MAX_ROWS, MAX_SHARED_STRINGS
from reportgen.readers.package import DAMAGED, check_package, forget, local, stream_elements
from reportgen.readers.workbook import Book, make_sheet, refuse

_REL_TYPES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_HIDDEN = ("1", "true")


@dataclass
class _Extent:
    """What one scan of a sheet's XML found."""

    rows: int = 0  # last row holding a value
    columns: int = 0  # last column holding a value
    hidden_rows: set[int] = field(default_factory=set)
    hidden_columns: list[tuple[int, int]] = field(default_factory=list)  # (min, max)
    unsaved: list[str] = field(default_factory=list)  # formula cells with no saved value

    def column_hidden(self, index: int) -> bool:
        return any(low <= index <= high for low, high in self.hidden_columns)


def read_xlsx(path: Path, handle) -> Book:
    """An .xlsx/.xlsm package (open binary file) as a Book; InputError when it is
    damaged, too big, or holds formulas whose results were never saved."""
    import openpyxl

    try:
        package = zipfile.ZipFile(handle)
    except (zipfile.BadZipFile, OSError, EOFError):
        raise refuse(path, "the workbook is truncated or damaged (incomplete zip package): "
                     "copy it again, or open it in Excel and save it again") from None
    check_package(path, package)
    parts = workbook_parts(path, package)
    if parts.get("sharedStrings"):
        _count(path, package, parts["sharedStrings"], "si", MAX_SHARED_STRINGS,
               "different texts (shared strings)", "uniqueCount")
    if parts.get("styles"):
        _count(path, package, parts["styles"], "xf", MAX_CELL_STYLES, "cell styles", "count")
    visible = [(title, part) for title, state, part in parts["sheets"] if state == "visible"]
    hidden = [title for title, state, _ in parts["sheets"] if state != "visible"]
    extents = {title: _scan_sheet(path, package, title, part) for title, part in visible}
    unsaved = [Problem(path, "formula with no saved value: open the workbook in Excel or "
                       "LibreOffice and save it, so its results are stored", title, cell)
               for title, extent in extents.items() for cell in extent.unsaved]
    if unsaved:
        raise InputError(unsaved)
    try:
        handle.seek(0)
        wb = openpyxl.load_workbook(handle, read_only=True, data_only=True)
    except Exception:  # openpyxl raises many types for malformed packages
        raise refuse(path, "the workbook is damaged or not a valid .xlsx and cannot be read: "
                     "open it in Excel and save it again") from None
    try:
        sheets = [_read_sheet(wb, title, extents[title]) for title, _ in visible
                  if title in wb.sheetnames]
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, KeyError, ValueError):
        raise refuse(path, DAMAGED) from None
    finally:
        wb.close()
    return Book(path, sheets, hidden)


def _read_sheet(wb, title: str, extent: _Extent):
    hidden_columns = {i for i in range(1, extent.columns + 1) if extent.column_hidden(i)}
    if not extent.rows:
        return make_sheet(title, [], set(), set())
    rows = wb[title].iter_rows(min_row=1, max_row=extent.rows, max_col=extent.columns,
                               values_only=True)
    return make_sheet(title, enumerate(rows, start=1), extent.hidden_rows, hidden_columns)


def workbook_parts(path: Path, package: zipfile.ZipFile) -> dict:
    """The workbook's sheets as (title, state, part), and its strings and styles parts."""
    names = set(package.namelist())
    main = next((t for _, t in _relation_map(path, package, "_rels/.rels", names).values()
                 if t.endswith("workbook.xml")), None)
    if main is None or main not in names:
        if "xl/workbook.bin" in names:
            raise refuse(path, "this is a binary Excel workbook (.xlsb): open it in Excel and "
                         "save it as .xlsx (Excel Workbook)")
        raise refuse(path, "not an Excel workbook: the package has no workbook part; open "
                     "it in Excel and save it as .xlsx")
    folder = posixpath.dirname(main)
    rels = posixpath.join(folder, "_rels", posixpath.basename(main) + ".rels")
    targets = _relation_map(path, package, rels, names)
    found: dict = {"sheets": []}
    for kind, target in targets.values():
        if kind in ("sharedStrings", "styles"):
            found[kind] = target
    for _, tag, element in stream_elements(path, package, main, tags=("sheet",)):
        if tag == "sheet":
            attributes = dict(element.attrib)
            kind, target = targets.get(local(attributes, "id") or "", ("", ""))
            if kind == "worksheet" and target in names:
                found["sheets"].append((attributes.get("name", ""),
                                        attributes.get("state", "visible"), target))
            forget(element)
    return found


def _relation_map(path: Path, package: zipfile.ZipFile, rels: str,
                  names: set[str]) -> dict[str, tuple[str, str]]:
    """Relationship id -> (type's last word, part name) of a .rels part."""
    if rels not in names:
        return {}
    base = posixpath.dirname(posixpath.dirname(rels))
    found = {}
    for _, tag, element in stream_elements(path, package, rels, tags=("Relationship",)):
        if tag == "Relationship":
            target = element.get("Target", "")
            part = (target.lstrip("/") if target.startswith("/")
                    else posixpath.normpath(posixpath.join(base, target)))
            kind = element.get("Type", "").removeprefix(_REL_TYPES).rpartition("/")[2]
            found[element.get("Id", "")] = (kind, part)
    return found


def _count(path: Path, package: zipfile.ZipFile, part: str, tag: str, limit: int,
           what: str, count_attribute: str) -> None:
    """Refuse a part declaring or holding more than limit elements named tag."""
    seen = 0
    for event, name, element in stream_elements(path, package, part, ("start", "end"),
                                                ("sst", "cellXfs", tag)):
        if event == "start":
            declared = element.get(count_attribute)
            if name in ("sst", "cellXfs") and declared and declared.isdigit() \
                    and int(declared) > limit:
                seen = int(declared)
                break
            continue
        if name == tag:
            seen += 1
            forget(element)
            if seen > limit:
                break
    if seen > limit:
        raise refuse(path, f"the workbook has {seen:,} {what}, more than the {limit:,} "
                     "reportgen reads (Excel itself allows 65,490 styles; a real tracker has "
                     "a few thousand texts): is it the right file?")


def _scan_sheet(path: Path, package: zipfile.ZipFile, title: str, part: str) -> _Extent:
    """The sheet's real extent, hidden rows and columns, and unsaved formulas, read
    as a stream; refuse a value beyond MAX_ROWS or MAX_COLUMNS, naming its cell."""
    extent = _Extent()
    row_number = column = 0
    for event, tag, element in stream_elements(path, package, part, ("start", "end"),
                                               ("row", "c", "col")):
        if event == "start":
            if tag == "row":
                row_number = _number(element.get("r"), row_number + 1)
                column = 0
            continue
        if tag == "col" and element.get("hidden") in _HIDDEN:
            low = _number(element.get("min"), 1)
            extent.hidden_columns.append((low, _number(element.get("max"), low)))
        elif tag == "c":
            column = _column(element.get("r"), column)
            if _has_value(element):
                _check_limits(path, title, row_number, column)
                extent.rows = max(extent.rows, row_number)
                extent.columns = max(extent.columns, column)
            elif _unsaved_formula(element):
                extent.unsaved.append(f"{get_column_letter(column)}{row_number}")
        elif tag == "row":
            if element.get("hidden") in _HIDDEN:
                extent.hidden_rows.add(row_number)
            forget(element)
    extent.unsaved = [c for c in extent.unsaved if not _hidden_cell(extent, c)]
    return extent


def _hidden_cell(extent: _Extent, cell: str) -> bool:
    from openpyxl.utils.cell import column_index_from_string, coordinate_from_string

    letters, number = coordinate_from_string(cell)
    return number in extent.hidden_rows or extent.column_hidden(column_index_from_string(letters))


def _number(text: str | None, default: int) -> int:
    return int(text) if text and text.isdigit() else default


def _column(reference: str | None, previous: int) -> int:
    if not reference:
        return previous + 1
    index = 0
    for char in reference:
        if "A" <= char <= "Z":
            index = index * 26 + ord(char) - 64
        else:
            break
    return index or previous + 1


def _has_value(cell) -> bool:
    for child in cell:
        name = child.tag.rpartition("}")[2]
        if name == "v" and child.text not in (None, ""):
            return True
        if name == "is":
            return True
    return False


def _unsaved_formula(cell) -> bool:
    """A formula with no <v>, or an empty one where the result is not text
    (scripts write <v></v>; Excel writes that only for a formula giving "")."""
    values = {child.tag.rpartition("}")[2]: child.text for child in cell}
    return "f" in values and (values.get("v") in (None, "") and cell.get("t") != "str")


def _check_limits(path: Path, title: str, row: int, column: int) -> None:
    if row > MAX_ROWS or column > MAX_COLUMNS:
        raise refuse(path, f"a value this far {'down' if row > MAX_ROWS else 'across'} is "
                     f"beyond the {MAX_ROWS:,} rows and {MAX_COLUMNS} columns (A to "
                     f"{get_column_letter(MAX_COLUMNS)}) reportgen reads: delete stray cells "
                     "there, or split the sheet", title, f"{get_column_letter(column)}{row}")
