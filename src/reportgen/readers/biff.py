"""Hidden rows and columns of a legacy .xls workbook, which calamine does not report.

An .xls file is a compound document (CFB) holding a "Workbook" stream of
BIFF8 records. Only three kinds matter here: BOUNDSHEET (sheet names and
where each sheet's records start), ROW (bit 0x20 of its flags: hidden) and
COLINFO (bit 0x01 of its options: hidden). Every chain walked is bounded by
the file's own size, so a hostile file cannot loop.
"""

from __future__ import annotations

import struct

_FREE = 0xFFFFFFFA  # sector numbers from here up are markers, not sectors
_BOUNDSHEET, _BOF, _ROW, _COLINFO, _FILEPASS = 0x0085, 0x0809, 0x0208, 0x007D, 0x002F


class BiffError(ValueError):
    """The file is not a readable compound document with a Workbook stream."""


def hidden_rows_and_columns(data: bytes) -> dict[str, tuple[set[int], set[int]]]:
    """Sheet name -> (hidden 1-based row numbers, hidden 1-based column numbers).
    Empty for an encrypted workbook (calamine then refuses it); BiffError when
    the file is damaged."""
    try:
        stream = _workbook_stream(data)
    except (struct.error, IndexError) as exc:
        raise BiffError("damaged compound document") from exc
    sheets: dict[int, str] = {}
    found: dict[str, tuple[set[int], set[int]]] = {}
    current: tuple[set[int], set[int]] | None = None
    pos = 0
    while pos + 4 <= len(stream):
        kind, size = struct.unpack_from("<HH", stream, pos)
        body = stream[pos + 4:pos + 4 + size]
        if kind == _FILEPASS:
            return {}
        if kind == _BOUNDSHEET and len(body) >= 8:
            sheets[struct.unpack_from("<I", body)[0]] = _sheet_name(body[6:])
        elif kind == _BOF:
            current = found.setdefault(sheets[pos], (set(), set())) if pos in sheets else None
        elif kind == _ROW and current is not None and len(body) >= 13 and body[12] & 0x20:
            current[0].add(struct.unpack_from("<H", body)[0] + 1)
        elif kind == _COLINFO and current is not None and len(body) >= 10:
            first, last, _, _, options = struct.unpack_from("<HHHHH", body)
            if options & 1:
                current[1].update(range(first + 1, min(last, 255) + 2))
        pos += 4 + size
    return found


def _sheet_name(body: bytes) -> str:
    """A ShortXLUnicodeString: length, a flag byte (1: two bytes a character), text."""
    if len(body) < 2:
        return ""
    length, wide = body[0], body[1] & 1
    raw = body[2:2 + length * (2 if wide else 1)]
    return raw.decode("utf-16-le" if wide else "latin-1", "replace")


def _workbook_stream(data: bytes) -> bytes:
    if len(data) < 512 or data[:8] != b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise BiffError("not a compound document")
    shift, mini_shift = struct.unpack_from("<HH", data, 30)
    if shift not in (9, 12) or mini_shift != 6:
        raise BiffError("unexpected sector size")
    size = 1 << shift
    first_dir, _, cutoff, first_minifat, _, first_difat, n_difat = \
        struct.unpack_from("<IIIIIII", data, 48)
    fat_sectors = [s for s in struct.unpack_from("<109I", data, 76) if s < _FREE]
    per_difat = size // 4 - 1
    sector = first_difat
    for _ in range(min(n_difat, len(data) // size)):
        if sector >= _FREE:
            break
        entries = struct.unpack_from(f"<{per_difat + 1}I", data, (sector + 1) * size)
        fat_sectors += [s for s in entries[:-1] if s < _FREE]
        sector = entries[-1]
    fat = b"".join(data[(s + 1) * size:(s + 2) * size] for s in fat_sectors)
    table = struct.unpack(f"<{len(fat) // 4}I", fat[:len(fat) // 4 * 4])

    def chain(start: int, sectors: list[bytes] | None = None, unit: int = size,
              links: tuple[int, ...] = table) -> bytes:
        out, seen = [], set()
        while start < _FREE and start not in seen and start < len(links):
            seen.add(start)
            out.append(sectors[start] if sectors is not None
                       else data[(start + 1) * unit:(start + 2) * unit])
            start = links[start]
        return b"".join(out)

    directory = chain(first_dir)
    entries = [directory[i:i + 128] for i in range(0, len(directory) - 127, 128)]
    root = entries[0] if entries else b""
    for entry in entries:
        name_length = struct.unpack_from("<H", entry, 64)[0]
        name = entry[:max(name_length - 2, 0)].decode("utf-16-le", "replace")
        if name in ("Workbook", "Book") and entry[66] == 2:
            start, length = struct.unpack_from("<II", entry, 116)
            if length >= cutoff:
                return chain(start)[:length]
            mini = chain(struct.unpack_from("<I", root, 116)[0])
            minifat = chain(first_minifat)
            links = struct.unpack(f"<{len(minifat) // 4}I", minifat[:len(minifat) // 4 * 4])
            pieces = [mini[i:i + 64] for i in range(0, len(mini), 64)]
            return chain(start, pieces, 64, links)[:length]
    raise BiffError("no Workbook stream")
