"""What kind of file a "workbook" really is, and which reader opens it.

The first bytes decide, not the name: officers rename CSV exports, save web
pages as .xls and attach Word files by mistake. Each case that is not a
workbook is one line saying what the file is and what is expected.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from reportgen.files import MAX_WORKBOOK_BYTES, MB, open_regular
from reportgen.readers.workbook import Book, refuse

SUFFIXES = (".xlsx", ".xlsm", ".ods", ".xls")
EXPECTED = "expected a workbook (.xlsx, .xlsm, .ods or .xls)"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED_MARK = "EncryptedPackage".encode("utf-16-le")
_WORD_MARK = "WordDocument".encode("utf-16-le")
_ODS_TYPE = b"application/vnd.oasis.opendocument.spreadsheet"
_SAVE_AS = "open it in Excel or LibreOffice and save it as .xlsx"


def workbooks_under(paths: list[Path]) -> list[Path]:
    """The workbooks named, and those under the folders named. Skipped: Excel's lock
    files (~$), hidden and underscore folders, and write-back's dated backups."""
    found: list[Path] = []
    for path in paths:
        if not path.is_dir():
            found.append(path)
            continue
        found += [p for p in sorted(path.rglob("*"))
                  if p.suffix.lower() in SUFFIXES
                  and not p.name.startswith(("~$", ".")) and ".bak." not in p.name
                  and not any(part.startswith((".", "_"))
                              for part in p.relative_to(path).parts)]
    return found


def open_any(path: Path) -> Book:
    """Open path, whatever its name says, with the reader its first bytes call for."""
    with open_regular(path, path) as handle:
        size = handle.seek(0, 2)
        handle.seek(0)
        head = handle.read(512)
        handle.seek(0)
        if not head:
            raise refuse(path, f"the file is empty, {EXPECTED}")
        if size > MAX_WORKBOOK_BYTES:
            raise refuse(path, f"the file is {size // MB} MB, larger than the "
                         f"{MAX_WORKBOOK_BYTES // MB} MB reportgen reads (a real tracker is "
                         "under 1 MB): is it the right file?")
        if head.startswith(_OLE_MAGIC):
            return _open_ole(path, handle)
        if head.startswith(b"PK"):
            return _open_zip(path, handle)
        raise refuse(path, f"not {_named(path)}: {_what(head)}")


def _named(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix in SUFFIXES:
        return f"an {suffix} workbook" if suffix in (".xlsx", ".xlsm", ".xls") \
            else f"a {suffix} workbook"
    return "a workbook"


def _what(head: bytes) -> str:
    """What a file that is no package is, from its first bytes, and what to do."""
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if text.startswith(b"%pdf"):
        return f"it is a PDF document; {EXPECTED}"
    if text.startswith((b"<!doctype html", b"<html", b"<table", b"<head", b"<body")):
        return f"it is a web page (HTML), as some systems export 'Excel' files; {_SAVE_AS}"
    if text.startswith(b"<?xml") or text.startswith(b"<"):
        return f"it is an XML or web file, not a saved workbook; {_SAVE_AS}"
    if text.startswith(b"{\\rtf"):
        return f"it is a Rich Text (RTF) document; {EXPECTED}"
    try:
        decoded = head.decode("utf-8")
    except UnicodeDecodeError:
        decoded = ""
    if decoded and ("," in decoded or "\t" in decoded or ";" in decoded):
        return (f"it is a CSV or text file (values separated by commas or tabs); {_SAVE_AS} "
                "(Excel Workbook)")
    if decoded:
        return f"it is a plain text file; {EXPECTED}"
    return f"it is not a spreadsheet reportgen can read; {EXPECTED}"


def _open_zip(path: Path, handle) -> Book:
    try:
        package = zipfile.ZipFile(handle)
    except (zipfile.BadZipFile, OSError, EOFError):
        raise refuse(path, "the workbook is truncated or damaged (incomplete zip package): "
                     "copy it again, or open it in Excel and save it again") from None
    names = set(package.namelist())
    kind = package.read("mimetype")[:100] if "mimetype" in names \
        and package.getinfo("mimetype").file_size < 100 else b""
    if kind.startswith(_ODS_TYPE):
        from reportgen.readers.calamine_books import read_ods

        return read_ods(path, handle, package)
    if kind.startswith(b"application/vnd.oasis.opendocument"):
        return _refuse_other(path, "an OpenDocument file that is not a spreadsheet "
                             f"({kind.decode('ascii', 'replace').rpartition('.')[2]})")
    if "word/document.xml" in names:
        return _refuse_other(path, "a Word document (.docx)")
    if "ppt/presentation.xml" in names:
        return _refuse_other(path, "a PowerPoint presentation (.pptx)")
    if "[Content_Types].xml" in names:
        from reportgen.readers.xlsx import read_xlsx

        handle.seek(0)
        return read_xlsx(path, handle)
    return _refuse_other(path, "a zip archive of other files")


def _refuse_other(path: Path, what: str):
    raise refuse(path, f"not {_named(path)}: it is {what}; {EXPECTED}")


def _open_ole(path: Path, handle) -> Book:
    """Old Office files: a password-protected .xlsx, a legacy .xls, or a Word .doc."""
    data = handle.read(MAX_WORKBOOK_BYTES)
    if _ENCRYPTED_MARK in data:
        raise refuse(path, "the workbook is password-protected: remove the password in Excel "
                     "(File > Info > Protect Workbook) and save it again")
    if _WORD_MARK in data:
        return _refuse_other(path, "a Word 97-2003 document (.doc)")
    from reportgen.readers.calamine_books import read_xls

    handle.seek(0)
    return read_xls(path, handle)


def visible_sheet_titles(path: Path) -> list[str]:
    """The titles of a workbook's visible sheets; see sheet_titles."""
    return sheet_titles(path)


def sheet_titles(path: Path, *, hidden: bool = False) -> list[str]:
    """The titles of a workbook's visible sheets (and its hidden ones when hidden),
    read without its cells where the format allows; [] for anything that is not a
    readable workbook. Goes through the same checks and limits as open_any, so a
    FIFO, a device or a zip bomb costs nothing: for finding meeting workbooks and
    forward plans among many files."""
    from reportgen.errors import InputError

    try:
        with open_regular(path, path) as handle:
            head = handle.read(8)
            handle.seek(0)
            if head.startswith(b"PK"):
                return _package_titles(path, handle, hidden)
    except (InputError, zipfile.BadZipFile, OSError, EOFError, ValueError):
        return []
    if head.startswith(_OLE_MAGIC):
        try:
            book = open_any(path)
        except InputError:
            return []
        return [sheet.title for sheet in book.sheets] + (book.hidden_sheets if hidden else [])
    return []


def _package_titles(path: Path, handle, hidden: bool) -> list[str]:
    from reportgen.readers.package import check_package

    package = zipfile.ZipFile(handle)
    check_package(path, package)
    if "mimetype" in package.namelist():
        from reportgen.readers.calamine_books import scan_tables

        return [t.name for t in scan_tables(path, package) if hidden or not t.hidden]
    from reportgen.readers.xlsx import workbook_parts

    return [title for title, state, _ in workbook_parts(path, package)["sheets"]
            if hidden or state == "visible"]
