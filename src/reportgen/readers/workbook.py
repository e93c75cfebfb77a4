"""Workbooks as the contract sees them: visible sheets of visible rows and columns.

`open_workbook` reads any spreadsheet officers have (.xlsx and .xlsm through
openpyxl, .ods and legacy .xls through calamine) into a `Book`: saved values,
never formulas, and only what Excel's own PDF export would print. Hidden
sheets, rows and columns are not read at all; `Book.left_out()` lists them.
Sheet names and headers match as `cells.normalise` says (case, spaces,
punctuation, "(s)", a plural "s"), and a header row may sit below title rows.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from openpyxl.utils import get_column_letter
from openpyxl.utils.cell import column_index_from_string, coordinate_from_string

from reportgen.errors import InputError, Problem
from reportgen.readers.cells import cell_text, clean_text_report, normalise

HEADER_SEARCH_ROWS = 10
_CLOSE = 0.75  # difflib ratio from which an unknown name is taken for a typo


class LeftOut(NamedTuple):
    """Something a sheet holds that is not read: where it is and what it is."""

    cell: str  # "A5" for row 5, "C1" for column C
    what: str  # "row 5 (hidden)", "column C 'Officer notes' (hidden)"

    def __str__(self) -> str:
        return self.what


@dataclass
class Sheet:
    """One visible sheet: its visible rows (hidden columns read as None)."""

    title: str
    _rows: dict[int, tuple] = field(default_factory=dict, repr=False)
    left_out: list[LeftOut] = field(default_factory=list)

    def rows(self, min_row: int = 1, max_row: int | None = None) -> Iterator[tuple[int, tuple]]:
        """(1-based row number, values) of each visible row holding something."""
        for number, values in self._rows.items():
            if number >= min_row and (max_row is None or number <= max_row):
                yield number, values

    def value(self, cell: str) -> object:
        """The raw value of cell ("B4"); None when empty or hidden."""
        letters, number = coordinate_from_string(cell)
        values = self._rows.get(number, ())
        index = column_index_from_string(letters)
        return values[index - 1] if index <= len(values) else None


@dataclass
class Book:
    """A workbook's visible sheets, in order, and what was left out."""

    path: Path
    sheets: list[Sheet]
    hidden_sheets: list[str] = field(default_factory=list)

    def find(self, *names: str) -> Sheet | None:
        """The first visible sheet whose name matches one of names."""
        wanted = {normalise(n) for n in names}
        return next((s for s in self.sheets if normalise(s.title) in wanted), None)

    def hidden_hint(self, *names: str) -> str:
        """For a "no such sheet" message: a note when a hidden sheet has that name."""
        wanted = {normalise(n) for n in names}
        title = next((t for t in self.hidden_sheets if normalise(t) in wanted), None)
        return (f" (the sheet {title!r} is hidden in Excel, and hidden sheets are not read: "
                "unhide it to use it)" if title else "")

    def left_out(self) -> list[Problem]:
        """A warning per hidden sheet, and per hidden row or column that holds
        something (or character that cannot be shown), naming where it is."""
        found = [Problem(self.path, "this sheet is hidden in Excel: left out of the report",
                         title, severity="warning") for title in self.hidden_sheets]
        for sheet in self.sheets:
            for gone in sheet.left_out:
                found.append(Problem(self.path, f"{gone.what}: left out of the report",
                                     sheet.title, gone.cell, "warning"))
        return found

    def sheet_suspects(self, known: Iterable[str]) -> list[Problem]:
        """A warning per visible sheet whose name is none of known but close to one
        ("Recomendations"): it is probably meant to be that sheet, and is not read."""
        names: dict[str, str] = {}
        for name in known:  # the first of synonyms is the name to suggest
            names.setdefault(normalise(name), name)
        found = []
        for sheet in self.sheets:
            key = normalise(sheet.title)
            if key in names:
                continue
            close = difflib.get_close_matches(key, list(names), n=1, cutoff=_CLOSE)
            if close:
                found.append(Problem(
                    self.path, f"sheet {sheet.title!r} is not read: expected a sheet named "
                    f"{names[close[0]]!r} (did you mean it?)", sheet.title, severity="warning"))
        return found


def open_workbook(path: Path) -> Book:
    """Read any workbook officers have (.xlsx, .xlsm, .ods, .xls) into a Book of its
    visible cells' saved values; raise InputError with one line saying why not
    (not a workbook, damaged, password-protected, too big, formulas not saved)."""
    from reportgen.readers.formats import open_any

    return open_any(Path(path))


def make_sheet(title: str, rows: Iterable[tuple[int, tuple]], hidden_rows: set[int],
               hidden_columns: set[int]) -> Sheet:
    """A Sheet from every row read by a backend: hidden rows and columns taken out
    (and listed when they hold something), strings checked for characters that
    cannot be shown."""
    sheet = Sheet(title)
    column_labels: dict[int, str] = {}
    hidden_with_values: set[int] = set()
    for number, values in rows:
        if not any(v is not None and v != "" for v in values):
            continue
        if number in hidden_rows:
            sheet.left_out.append(LeftOut(f"A{number}", f"row {number} is hidden in Excel"))
            continue
        if hidden_columns:
            kept = []
            for index, value in enumerate(values, start=1):
                if index in hidden_columns and value is not None and value != "":
                    hidden_with_values.add(index)
                    if number <= HEADER_SEARCH_ROWS:
                        column_labels.setdefault(index, cell_text(value))
                    value = None
                kept.append(value)
            values = tuple(kept)
            if not any(v is not None and v != "" for v in values):
                continue
        for index, value in enumerate(values, start=1):
            if isinstance(value, str):
                dropped = clean_text_report(value)[1]
                if dropped:
                    sheet.left_out.append(LeftOut(
                        f"{get_column_letter(index)}{number}",
                        f"{len(dropped)} character{'s' * (len(dropped) != 1)} that cannot be "
                        f"shown or would reorder the text ({', '.join(sorted(set(dropped)))})"))
        sheet._rows[number] = values
    for index in sorted(hidden_with_values):
        letter = get_column_letter(index)
        label = f" {column_labels[index]!r}" if index in column_labels else ""
        sheet.left_out.append(LeftOut(f"{letter}1", f"column {letter}{label} is hidden in Excel"))
    return sheet


def find_sheet(book: Book, *names: str) -> Sheet | None:
    """The first visible sheet whose normalised name matches one of names."""
    return book.find(*names)


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

    sheet: Sheet
    header_row: int
    columns: list[Column]
    missing: list[str] = field(default_factory=list)
    # extra columns whose header is close to a known one: (column, the known label)
    suspects: list[tuple[Column, str]] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.sheet.title

    def column(self, key: str) -> Column | None:
        return next((c for c in self.columns if c.key == key), None)

    def rows(self) -> Iterator[Row]:
        """Data rows below the header; rows with nothing in them are skipped."""
        for number, values in self.sheet.rows(min_row=self.header_row + 1):
            if any(v is not None and cell_text(v) != "" for v in values):
                yield Row(self, number, values)

    def suspect_warnings(self, path: Path | str) -> list[Problem]:
        """A warning per header that looks like a mistyped known one, at its cell."""
        return [Problem(path, f"header {c.label!r} is not one reportgen knows, so the column "
                        f"is shown as typed (did you mean {known!r}?)", self.name,
                        f"{c.letter}{self.header_row}", "warning")
                for c, known in self.suspects]


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


def read_table(sheet: Sheet, synonyms: dict[str, tuple[str, ...]],
               required: tuple[str, ...]) -> Table:
    """Find the header row (within the first rows) and map its columns.

    synonyms maps each canonical key to the header labels that mean it.
    The header row is the first row holding all required columns, or failing
    that the row holding the most known columns.
    """
    lookup: dict[str, str] = {}
    for key, labels in synonyms.items():
        for label in (key, *labels):
            lookup.setdefault(normalise(label), key)
    best: tuple[int, list[Column]] | None = None
    for number, values in sheet.rows(1, HEADER_SEARCH_ROWS):
        columns = _map_columns(values, lookup)
        known = {c.key for c in columns if not c.extra}
        if all(r in known for r in required):
            best = (number, columns)
            break
        if known and (best is None or len(known) > len({c.key for c in best[1] if not c.extra})):
            best = (number, columns)
    number, columns = best or (1, [])
    known = {c.key for c in columns if not c.extra}
    missing = [r for r in required if r not in known]
    # a mistyped required header is already an error with its did-you-mean
    suspects = [(column, _label(key, synonyms[key]))
                for column, key in _suspects(columns, lookup, known) if key not in missing]
    return Table(sheet, number, columns, missing, suspects)


def _label(key: str, labels: tuple[str, ...]) -> str:
    return labels[0] if labels else key.replace("_", " ").capitalize()


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


def _suspects(columns: list[Column], lookup: dict[str, str],
              present: set[str]) -> list[tuple[Column, str]]:
    """(extra column, key) where the header is close to a label of a key not in the row."""
    free = [label for label, key in lookup.items() if key not in present]
    found = []
    for column in columns:
        if not column.extra or len(column.key) < 4:
            continue
        close = difflib.get_close_matches(column.key, free, n=1, cutoff=_CLOSE)
        if close:
            found.append((column, lookup[close[0]]))
    return found


def read_fields(sheet: Sheet) -> list[tuple[str, object, str]]:
    """A Field | Value sheet as (label, raw value, value cell) triples, in order.

    A "Field | Value" header row, and title rows above it, are skipped.
    """
    rows = list(sheet.rows())
    start = 0
    for i, (_, values) in enumerate(rows[:HEADER_SEARCH_ROWS]):
        if values and normalise(values[0]) == "field":
            start = i + 1
            break
    found = []
    for number, values in rows[start:]:
        label = cell_text(values[0]) if values else ""
        if not label:
            continue
        value = values[1] if len(values) > 1 else None
        found.append((label, value, f"B{number}"))
    return found


def refuse(path: Path | str, message: str, sheet: str | None = None,
           cell: str | None = None) -> InputError:
    """The InputError for a workbook that cannot be read, as one line."""
    return InputError(Problem(path, message, sheet, cell))
