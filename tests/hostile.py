"""Hostile and unusual workbooks, made by code at test time (nothing committed).

Each maker takes a folder and returns the path of what it wrote: files that
are not what their name says, FIFOs and devices, zip bombs and lying zip
headers, sheets that claim or hold too much, text meant to mislead, and
workbooks in the other formats officers have (.ods, .xls).
"""

from __future__ import annotations

import os
import re
import struct
import zipfile
from pathlib import Path

from .conftest import make_workbook, minimal_item
from .corpus import REC_HEADER, edit, item, replace_part

RECS_PART = "xl/worksheets/sheet2.xml"  # minimal_item's second sheet: Recommendations


# -- not workbooks ---------------------------------------------------------------
def fifo(folder: Path) -> Path:
    return _made(folder / "item.xlsx", os.mkfifo)


def dev_zero(folder: Path) -> Path:
    return _made(folder / "item.xlsx", lambda path: path.symlink_to("/dev/zero"))


def folder_named_xlsx(folder: Path) -> Path:
    return _made(folder / "item.xlsx", Path.mkdir)


def pdf_named_xlsx(folder: Path) -> Path:
    return _made(folder / "item.xlsx", lambda path: path.write_bytes(
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n"))


def html_named_xls(folder: Path) -> Path:
    return _made(folder / "item.xls", lambda path: path.write_text(
        "<html><body><table><tr><td>Ref</td></tr></table></body></html>"))


def _made(path: Path, make) -> Path:
    make(path)
    return path


def docx_named_xlsx(folder: Path) -> Path:
    return _zip(folder / "item.xlsx", {"[Content_Types].xml": b"<Types/>",
                                       "word/document.xml": b"<document/>"})


def plain_zip(folder: Path) -> Path:
    return _zip(folder / "item.xlsx", {"notes.txt": b"hello", "photo.jpg": b"\xff\xd8"})


def _zip(path: Path, parts: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in parts.items():
            package.writestr(name, data)
    return path


# -- too much -------------------------------------------------------------------
def zip_bomb(folder: Path) -> Path:
    """A valid item with one extra part: 60 MB of zeros packed into ~60 kB."""
    path = item(folder)
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as package:
        with package.open("xl/media/image1.bin", "w") as part:
            block = b"\0" * 1_000_000
            for _ in range(60):
                part.write(block)
    return path


def lying_header(folder: Path) -> Path:
    """The Recommendations sheet padded to 5 MB, its headers declaring 2 kB: a reader
    trusting the headers would be fooled, one capped at the declared size is not."""
    path = replace_part(item(folder), RECS_PART,
                        lambda xml: xml.replace(b"</worksheet>", b" " * 5_000_000
                                                + b"</worksheet>"))
    return _declare_size(path, RECS_PART, 2_000)


def _declare_size(path: Path, part: str, size: int) -> Path:
    data = bytearray(path.read_bytes())
    name = part.encode()
    for signature, offset, name_at in ((b"PK\x03\x04", 22, 30), (b"PK\x01\x02", 24, 46)):
        for match in re.finditer(re.escape(signature), data):
            start = match.start()
            if data[start + name_at:start + name_at + len(name)] == name:
                struct.pack_into("<I", data, start + offset, size)
    path.write_bytes(bytes(data))
    return path


def far_cell(folder: Path) -> Path:
    """A value at XFD1048576 and a <dimension> claiming the whole grid."""
    def change(xml: bytes) -> bytes:
        xml = re.sub(rb'<dimension ref="[^"]*"/>', b'<dimension ref="A1:XFD1048576"/>', xml)
        return xml.replace(b"</sheetData>", b'<row r="1048576"><c r="XFD1048576" t="n">'
                                            b"<v>1</v></c></row></sheetData>")
    return replace_part(item(folder), RECS_PART, change)


def many_rows(folder: Path, rows: int = 100_000) -> Path:
    """A Recommendations sheet of rows rows, written as XML directly (fast)."""
    body = b"".join(b'<row r="%d"><c r="A%d" t="n"><v>%d</v></c><c r="B%d" t="inlineStr">'
                    b"<is><t>Recommendation %d.</t></is></c></row>" % (n, n, n, n, n)
                    for n in range(2, rows + 2))
    return replace_part(item(folder), RECS_PART,
                        lambda xml: re.sub(rb"(<row r=\"1\".*?</row>).*</sheetData>",
                                           lambda m: m.group(1) + body + b"</sheetData>",
                                           xml, flags=re.S))


def shared_strings(folder: Path, declared: int = 10_000_000, held: int = 1) -> Path:
    """A sharedStrings part declaring declared strings and holding held of them."""
    strings = b"<si><t>text</t></si>" * held
    xml = (b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
           b'count="%d" uniqueCount="%d">%s</sst>' % (declared, declared, strings))
    path = item(folder)
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as package:
        package.writestr("xl/sharedStrings.xml", xml)
    replace_part(path, "xl/_rels/workbook.xml.rels", lambda rels: rels.replace(
        b"</Relationships>",
        b'<Relationship Id="rIdS" Target="sharedStrings.xml" Type="http://schemas.'
        b'openxmlformats.org/officeDocument/2006/relationships/sharedStrings"/>'
        b"</Relationships>"))
    return replace_part(path, "[Content_Types].xml", lambda types: types.replace(
        b"</Types>", b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
        b'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>'))


def many_styles(folder: Path) -> Path:
    return replace_part(item(folder), "xl/styles.xml", lambda xml: re.sub(
        rb'<cellXfs count="\d+"', b'<cellXfs count="2000000"', xml))


# -- visible and hidden ---------------------------------------------------------
def hidden_things(folder: Path) -> Path:
    """A hidden row, a hidden column with a header, a hidden sheet named Sections
    beside the visible Narrative sheet, and a mistyped sheet and header."""
    sheets = minimal_item(
        Recommendations=[REC_HEADER + ["Officer notes", "Statsu"],
                         [1, "Shown recommendation.", "Yes.", "June", "Ann", "SECRET NOTE",
                          "Going well"],
                         [2, "HIDDEN ROW TEXT", "No.", "July", "Bo", "", ""]],
        Sections=None)
    sheets["Narrative"] = [["Section", "Text"], ["Purpose of report", "Public purpose."]]
    sheets["Sections"] = [["Section", "Text"], ["Purpose of report", "HIDDEN SHEET TEXT"]]
    sheets["Recomendations"] = [["Ref", "Recommendation"], [9, "From the misnamed sheet."]]
    path = make_workbook(folder / "item.xlsx", sheets)

    def hide(wb):
        recs = wb["Recommendations"]
        recs.row_dimensions[3].hidden = True
        recs.column_dimensions["F"].hidden = True
        wb["Sections"].sheet_state = "hidden"
    return edit(path, hide)


def misleading_text(folder: Path) -> Path:
    """A right-to-left override, an isolate and a lone surrogate (an _xD800_ escape)."""
    path = item(folder, Recommendations=[
        REC_HEADER, [1, "Approve the budget \u202eof 5 million\u202c now.", "Yes.",
                     "June", "Ann"],
        [2, "Surrogate-MARK-gone.", "Yes.", "June", "Ann"]])
    return replace_part(path, RECS_PART, lambda xml: xml.replace(b"-MARK-", b"_xD800_"))


# -- other formats --------------------------------------------------------------
_ODS_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
           'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
           'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
           'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"')


def ods_item(folder: Path, sheets: dict[str, list[list]] | None = None,
             hidden_rows: dict[str, set[int]] | None = None,
             hidden_columns: dict[str, set[int]] | None = None,
             hidden_sheets: tuple[str, ...] = (), repeat: dict[str, int] | None = None) -> Path:
    """An OpenDocument spreadsheet written by hand: mimetype, manifest, content.xml.
    repeat gives a sheet's last row a number-rows-repeated (a row bomb)."""
    sheets = sheets or minimal_item()
    hidden_rows, hidden_columns = hidden_rows or {}, hidden_columns or {}
    tables = []
    for name, rows in sheets.items():
        width = max(len(r) for r in rows)
        columns = "".join(
            f'<table:table-column{_hidden(c in hidden_columns.get(name, ()))}/>'
            for c in range(1, width + 1))
        body = []
        for number, row in enumerate(rows, start=1):
            repeated = (f' table:number-rows-repeated="{repeat[name]}"'
                        if repeat and name in repeat and number == len(rows) else "")
            cells = "".join(_ods_cell(v) for v in row)
            body.append(f"<table:table-row{repeated}"
                        f"{_hidden(number in hidden_rows.get(name, ()))}>{cells}"
                        "</table:table-row>")
        style = ' table:style-name="hiddentable"' if name in hidden_sheets else ""
        tables.append(f'<table:table table:name="{name}"{style}>{columns}{"".join(body)}'
                      "</table:table>")
    content = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {_ODS_NS} '
               'office:version="1.2"><office:automatic-styles><style:style '
               'style:name="hiddentable" style:family="table"><style:table-properties '
               'table:display="false"/></style:style></office:automatic-styles>'
               f'<office:body><office:spreadsheet>{"".join(tables)}</office:spreadsheet>'
               "</office:body></office:document-content>")
    manifest = ('<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest='
                '"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
                '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/'
                'vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path='
                '"content.xml" manifest:media-type="text/xml"/></manifest:manifest>')
    path = folder / "item.ods"
    with zipfile.ZipFile(path, "w") as package:
        package.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        package.writestr("META-INF/manifest.xml", manifest, zipfile.ZIP_DEFLATED)
        package.writestr("content.xml", content.encode(), zipfile.ZIP_DEFLATED)
    return path


def _hidden(flag: bool) -> str:
    return ' table:visibility="collapse"' if flag else ""


def _ods_cell(value) -> str:
    from xml.sax.saxutils import escape

    if value is None:
        return "<table:table-cell/>"
    if isinstance(value, int | float):
        return (f'<table:table-cell office:value-type="float" office:value="{value}">'
                f"<text:p>{value}</text:p></table:table-cell>")
    lines = "".join(f"<text:p>{escape(line)}</text:p>" for line in str(value).split("\n"))
    return f'<table:table-cell office:value-type="string">{lines}</table:table-cell>'


def xls_item(folder: Path, sheets: dict[str, list[list]] | None = None,
             hidden_rows: dict[str, set[int]] | None = None,
             hidden_columns: dict[str, set[int]] | None = None) -> Path:
    """A legacy .xls (BIFF8 in a compound document) written by hand: text cells only."""
    sheets = sheets or minimal_item()
    hidden_rows, hidden_columns = hidden_rows or {}, hidden_columns or {}
    strings: list[str] = []

    def record(kind: int, body: bytes) -> bytes:
        return struct.pack("<HH", kind, len(body)) + body

    def bof(kind: int) -> bytes:
        return record(0x0809, struct.pack("<HHHHII", 0x0600, kind, 0x0DBB, 0x07CC, 0, 6))

    substreams = []
    for name, rows in sheets.items():
        out = [bof(0x0010), record(0x0200, struct.pack("<IIHHH", 0, len(rows), 0, 16, 0))]
        for column in sorted(hidden_columns.get(name, ())):
            out.append(record(0x007D, struct.pack("<HHHHHH", column - 1, column - 1, 2560,
                                                  15, 1, 0)))
        for r, row in enumerate(rows):
            flags = 0x20 if r + 1 in hidden_rows.get(name, ()) else 0
            out.append(record(0x0208, struct.pack("<HHHHHHI", r, 0, len(row), 255, 0, 0,
                                                  0x0100 | flags | (15 << 16))))
            for c, value in enumerate(row):
                if value is None:
                    continue
                strings.append(str(value))
                out.append(record(0x00FD, struct.pack("<HHHI", r, c, 15, len(strings) - 1)))
        out.append(record(0x000A, b""))
        substreams.append((name, b"".join(out)))
    sst = struct.pack("<II", len(strings), len(strings)) + b"".join(
        struct.pack("<HB", len(s), 1) + s.encode("utf-16-le") for s in strings)
    xfs = b"".join(record(0x00E0, struct.pack("<HHHBBBBIIH", 0, 0, 0xFFF5 if i < 15 else 1,
                                              0x20, 0, 0, 0, 0, 0, 0x20C0)) for i in range(16))
    fonts = record(0x0031, struct.pack("<HHHHHBBBB", 200, 0, 0x7FFF, 400, 0, 0, 0, 0, 0)
                   + b"\x05\x00Arial")
    head = bof(0x0005) + record(0x0042, struct.pack("<H", 1200)) + fonts * 5 + xfs
    sheet_records = [record(0x0085, struct.pack("<IBBBB", 0, 0, 0, len(n), 1)
                            + n.encode("utf-16-le")) for n, _ in substreams]
    tail = record(0x00FC, sst) + record(0x000A, b"")
    offset = len(head) + sum(len(r) for r in sheet_records) + len(tail)
    placed = []
    for (_, data), sheet in zip(substreams, sheet_records, strict=True):
        placed.append(sheet[:4] + struct.pack("<I", offset) + sheet[8:])
        offset += len(data)
    stream = head + b"".join(placed) + tail + b"".join(d for _, d in substreams)
    path = folder / "item.xls"
    path.write_bytes(_compound_document(stream.ljust(4096, b"\0")))
    return path


def _compound_document(stream: bytes) -> bytes:
    """A compound document (512-byte sectors) holding one "Workbook" stream."""
    size = 512
    sectors = -(-len(stream) // size)
    # sector 0: FAT, sector 1: directory, sectors 2..: the stream
    fat = [0xFFFFFFFD, 0xFFFFFFFE] + [3 + i for i in range(sectors - 1)] + [0xFFFFFFFE]
    assert len(fat) <= size // 4, "stream too long for one FAT sector"
    fat += [0xFFFFFFFF] * (size // 4 - len(fat))
    header = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 16
              + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) + b"\0" * 6
              + struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, 0xFFFFFFFE, 0, 0xFFFFFFFE, 0)
              + struct.pack("<I", 0) + struct.pack("<I", 0xFFFFFFFF) * 108)

    def entry(name: str, kind: int, start: int, length: int, child: int = 0xFFFFFFFF) -> bytes:
        encoded = (name + "\0").encode("utf-16-le")
        return (encoded.ljust(64, b"\0") + struct.pack("<HBB", len(encoded), kind, 1)
                + struct.pack("<III", 0xFFFFFFFF, 0xFFFFFFFF, child) + b"\0" * 36
                + struct.pack("<II", start, length) + b"\0" * 4)
    directory = (entry("Root Entry", 5, 0xFFFFFFFE, 0, child=1)
                 + entry("Workbook", 2, 2, len(stream))).ljust(size, b"\0")
    return (header + struct.pack(f"<{size // 4}I", *fat) + directory
            + stream.ljust(sectors * size, b"\0"))

