"""Input files: where they may live, what kind of file they must be, how much is read.

Every file reportgen reads on an officer's say-so (a workbook, a path typed in
a cell or a configuration key) goes through here, so a FIFO, a device, a
symbolic link out of the meeting folder or a file of gigabytes is one line
naming the cell, never a hang, a leak or a memory blow-up.

Limits, each generous for a real council and small enough that any input is
read in seconds with bounded memory. They are checked before the heavy
libraries (openpyxl, calamine) see the file:

| limit                   | value   | why it is generous                                          |
| ----------------------- | ------- | ----------------------------------------------------------- |
| MAX_WORKBOOK_BYTES      | 50 MB   | a tracker of 2,000 rows is ~300 kB; Merton's is 40 kB        |
| MAX_UNPACKED_BYTES      | 200 MB  | all parts of a workbook unpacked; real ones stay under 5 MB  |
| MAX_PART_RATIO          | 100     | Excel's XML compresses 5-20 times; 100 only for zip bombs    |
| MAX_ROWS                | 20,000  | ten times the longest tracker seen (under 2,000 rows)        |
| MAX_COLUMNS             | 256     | old Excel's whole width (A to IV); trackers use ~15 columns  |
| MAX_SHARED_STRINGS      | 1,000,000 | a full 20,000 x 50 sheet of distinct texts                 |
| MAX_CELL_STYLES         | 65,490  | Excel's own limit on cell formats in one workbook            |
"""

from __future__ import annotations

import os
import stat
from collections.abc import Sequence
from pathlib import Path

from reportgen.errors import InputError, Problem

MB = 1_000_000
MAX_WORKBOOK_BYTES = 50 * MB
MAX_UNPACKED_BYTES = 200 * MB
MAX_PART_RATIO = 100
RATIO_FLOOR_BYTES = 1 * MB  # tiny parts may compress well; only big ones can be bombs
MAX_ROWS = 20_000
MAX_COLUMNS = 256
MAX_SHARED_STRINGS = 1_000_000
MAX_CELL_STYLES = 65_490


def _fail(source: Path | str, where: str, message: str) -> InputError:
    return InputError(Problem.at(source, message, where))


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def require_regular_file(path: Path, source: Path | str, where: str = "", *,
                         what: str = "file", typed: str | None = None) -> None:
    """Raise InputError naming source and where unless path (after symbolic links)
    is an existing regular file. Never opens it, so a FIFO cannot block. what
    and typed name the file in messages ("item workbook", "items/a.xlsx")."""
    if typed is not None:
        name = f"{what} {typed!r}"
    else:
        name = "this file" if Path(path) == Path(source) else f"{what} {Path(path).name!r}"
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        raise _fail(source, where, f"{name} not found (looked in "
                    f"{Path(path).parent})") from None
    except OSError as exc:
        raise _fail(source, where, f"{name} cannot be read: {exc.strerror}") from None
    if not stat.S_ISREG(mode):
        raise _fail(source, where, f"{name} is {_kind(mode)}, expected a file")


def open_regular(path: Path, source: Path | str, where: str = ""):
    """path opened for reading in binary, after checking (on the open file, so the
    check cannot be raced) that it is a regular file; FIFOs are never waited on."""
    require_regular_file(path, source, where)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        raise _fail(source, where, f"{Path(path).name!r} cannot be read: "
                    f"{exc.strerror}") from None
    mode = os.fstat(fd).st_mode
    if not stat.S_ISREG(mode):  # swapped after the first look
        os.close(fd)
        raise _fail(source, where, f"{Path(path).name!r} is {_kind(mode)}, expected a file")
    return os.fdopen(fd, "rb")


def read_limited(path: Path, limit: int, source: Path | str, where: str = "") -> bytes:
    """The whole of a regular file, refusing (InputError) one bigger than limit bytes.

    Reads at most limit + 1 bytes whatever the file claims to be, so a file
    that grows while it is read is refused too.
    """
    with open_regular(path, source, where) as handle:
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise _fail(source, where, f"{Path(path).name!r} is larger than the "
                    f"{limit // MB or limit} {'MB' if limit >= MB else 'bytes'} reportgen "
                    "reads: is it the right file?")
    return data


def sniff(path: Path, n: int = 8) -> bytes:
    """The first n bytes of a regular file (never more); InputError for anything
    else (checked before opening, so a FIFO never blocks)."""
    with open_regular(path, path) as handle:
        return handle.read(n)


def resolve_input(text: str, base: Path, allowed: Sequence[Path], where: str,
                  source: Path, *, what: str = "file") -> Path:
    """text (as typed in a cell or configuration key) resolved against base,
    symbolic links followed. It must lie inside base or one of allowed and be a
    regular file; otherwise InputError naming source and where."""
    typed = text.strip()
    if not typed:
        raise _fail(source, where, f"empty {what} name: expected the path of a file")
    if "\x00" in typed:
        raise _fail(source, where, f"{what} {typed!r} is not a file name")
    path = (Path(base) / typed).resolve()
    folders = [Path(base).resolve(), *(Path(a).resolve() for a in allowed)]
    if not any(path.is_relative_to(folder) for folder in folders):
        shown = ", ".join(str(f) for f in folders)
        raise _fail(source, where, f"{what} {typed!r} is outside the folders reportgen reads from "
                    f"({shown}): move the file there, or list its folder under "
                    "[inputs] allowed_folders in reportgen.toml")
    require_regular_file(path, source, where, what=what, typed=typed)
    return path
