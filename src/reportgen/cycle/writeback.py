"""Writing the executive's decisions back into a recommendations tracker.

Only the Decision cells of the named recommendations change (a Decision
column is added after the last column when the sheet has none); every other
cell, style, sheet, validation and setting is left as openpyxl read it. The
original is kept beside the tracker as <stem>.<meeting date>.bak.xlsx (a
backup already there is never overwritten: it holds the first original),
and the tracker is replaced atomically. Trackers whose content openpyxl
cannot carry over (pictures, charts, pivot tables, formulas' saved results)
are refused with a message rather than damaged.
"""

from __future__ import annotations

import copy
import shutil
import zipfile
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from reportgen import contract
from reportgen.errors import InputError, Problem
from reportgen.files import require_regular_file
from reportgen.output import atomic_path
from reportgen.readers.workbook import open_workbook, read_table

_UNKEPT_PARTS = {"xl/drawings/": "pictures or charts", "xl/charts/": "charts",
                 "xl/pivotTables/": "pivot tables", "xl/media/": "pictures"}


@dataclass
class TrackerUpdate:
    """What a write-back changed: (ref, cell, before, after) per Decision cell."""

    tracker: Path
    changes: list[tuple[str, str, str, str]] = field(default_factory=list)
    backup: Path | None = None


def backup_path(tracker: Path, stamp: date) -> Path:
    """tracker.xlsx -> tracker.2017-03-21.bak.xlsx, beside it."""
    return tracker.with_name(f"{tracker.stem}.{stamp.isoformat()}.bak{tracker.suffix}")


def write_back(tracker: Path, decisions: dict[str, str], stamp: date,
               dry_run: bool = False) -> TrackerUpdate:
    """Set the Decision cell of each recommendation named in decisions (ref -> word).

    The rows are found as the item reader finds them (visible rows, the same header
    row, refs numbered the same way). Writes nothing when no cell changes, or when
    dry_run; raises InputError when the tracker is not an .xlsx, is open in Excel or
    holds content openpyxl would drop."""
    import openpyxl

    tracker = Path(tracker)
    _refuse_unsafe(tracker)
    sheet = open_workbook(tracker).find(*contract.RECOMMENDATIONS.names)
    if sheet is None:
        raise InputError(Problem(tracker, "no Recommendations sheet to write decisions into"))
    table = read_table(sheet, contract.RECOMMENDATIONS.synonym_map(),
                       contract.RECOMMENDATIONS.required)
    wb = openpyxl.load_workbook(tracker, keep_links=True)
    _refuse_formulas(tracker, wb)
    ws = wb[sheet.title]
    column = table.column("decision")
    index = column.index if column else _add_decision_column(ws, table)
    update = TrackerUpdate(tracker)
    for number, row in enumerate((r for r in table.rows() if r.text("recommendation")), 1):
        ref = row.text("ref") or str(number)  # numbered in order, as the reader numbers them
        if ref not in decisions:
            continue
        cell = ws.cell(row.number, index)
        before = "" if cell.value is None else str(cell.value)
        if before != decisions[ref]:
            if column is None and index > 1:
                cell._style = copy.copy(ws.cell(row.number, index - 1)._style)
            cell.value = decisions[ref]
            update.changes.append((ref, f"{ws.title}!{cell.coordinate}", before, cell.value))
    if update.changes and not dry_run:
        update.backup = backup_path(tracker, stamp)
        if not update.backup.exists():
            with atomic_path(update.backup) as tmp:
                shutil.copy2(tracker, tmp)
        with atomic_path(tracker) as tmp:
            wb.save(tmp)
    return update


def _add_decision_column(ws, table) -> int:
    """A Decision header after the last header cell, styled and sized like it."""
    last = max((c.index for c in table.columns), default=0)
    header = ws.cell(table.header_row, last + 1)
    header.value = "Decision"
    if last:
        header._style = copy.copy(ws.cell(table.header_row, last)._style)
        source = ws.column_dimensions[ws.cell(1, last).column_letter]
        ws.column_dimensions[header.column_letter].width = source.width
    return last + 1


def _refuse_unsafe(tracker: Path) -> None:
    if tracker.suffix.lower() != ".xlsx":
        raise InputError(Problem(tracker, "reportgen writes decisions back only into .xlsx "
                                 "trackers: save it as .xlsx, or type the decisions into its "
                                 "Decision column by hand"))
    lock = tracker.with_name("~$" + tracker.name)
    if lock.exists():
        raise InputError(Problem(tracker, "the tracker is open in Excel (its lock file "
                                 f"{lock.name} is beside it): close it, then run again"))
    require_regular_file(tracker, tracker)  # never wait on a pipe or read a device
    with zipfile.ZipFile(tracker) as package:
        names = package.namelist()
    lost = sorted({what for prefix, what in _UNKEPT_PARTS.items()
                   if any(n.startswith(prefix) for n in names)})
    if lost:
        raise InputError(Problem(tracker, f"the tracker holds {' and '.join(lost)}, which "
                                 "would be lost if reportgen rewrote it: type the decisions "
                                 "into its Decision column by hand, or move them to another "
                                 "workbook"))


def _refuse_formulas(tracker: Path, wb) -> None:
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if cell.data_type == "f":
                    raise InputError(Problem(
                        tracker, "the tracker holds formulas, whose saved results would be "
                        "lost if reportgen rewrote it: type the decisions into its Decision "
                        "column by hand", ws.title, cell.coordinate))
