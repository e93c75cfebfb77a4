"""Finding the cycle's own sheets (Forward plan, Decisions) and their header rows."""

from __future__ import annotations

from pathlib import Path

from reportgen.errors import InputError, Problem
from reportgen.readers.cells import normalise
from reportgen.readers.workbook import Table, find_sheet, read_table


def has_sheet(path: Path, names: tuple[str, ...]) -> bool:
    """True when the workbook has a sheet called one of names, hidden or not (only the
    names are read, within the readers' limits: a FIFO, a device or a zip bomb is
    False here, and the readers say why elsewhere)."""
    from reportgen.readers.formats import sheet_titles

    wanted = {normalise(s) for s in names}
    return any(normalise(title) in wanted for title in sheet_titles(path, hidden=True))


def table_of(wb, path: Path, names: tuple[str, ...], columns: dict[str, tuple[str, ...]],
             required: tuple[str, ...], expected: str) -> Table:
    """The first sheet called one of names, read as a table; InputError when the sheet
    or a required column is missing (expected says what the sheet should hold)."""
    ws = find_sheet(wb, *names)
    if ws is None:
        raise InputError(Problem(path, f"no {names[0]} sheet: expected a sheet named "
                                 f"{names[0]} with {expected}"))
    table = read_table(ws, columns, required=required)
    if table.missing:
        raise InputError([Problem(path, f"no {key.replace('_', ' ').capitalize()} column: "
                                  "expected a header naming it in the first 10 rows",
                                  table.name, f"A{table.header_row}")
                          for key in table.missing])
    return table
