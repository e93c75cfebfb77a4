"""Zip packages (.xlsx, .xlsm, .ods) checked before any library unpacks them.

A zip bomb declares small parts that unpack to gigabytes; a lying header
declares less than it holds. Sizes and compression ratios are checked from
the zip directory first, and every part this module reads goes through a
stream that stops at the declared size and at the limit, whatever the
headers say. XML is parsed as a stream with DTDs refused (no entity bombs).
"""

from __future__ import annotations

import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path

from lxml import etree

from reportgen.files import MAX_PART_RATIO, MAX_UNPACKED_BYTES, MB, RATIO_FLOOR_BYTES
from reportgen.readers.workbook import refuse

DAMAGED = ("the workbook is damaged or truncated and cannot be read: open it in Excel and "
           "save it again, or go back to an earlier copy")
FORBIDDEN_XML = ("the workbook contains forbidden XML (a document type declaration, as in an "
                 "'XML bomb'); it is refused for safety")


def check_package(path: Path, package: zipfile.ZipFile) -> None:
    """Refuse a package whose parts unpack too big, or compress suspiciously well."""
    total = 0
    for info in package.infolist():
        total += info.file_size
        if (info.file_size > RATIO_FLOOR_BYTES
                and info.file_size > MAX_PART_RATIO * max(info.compress_size, 1)):
            raise refuse(path, f"part {info.filename} unpacks to {info.file_size // MB} MB "
                         f"from {max(info.compress_size // 1000, 1)} kB, more than "
                         f"{MAX_PART_RATIO} times its packed size: refused as a zip bomb "
                         "(a workbook saved by Excel or LibreOffice never is)")
    if total > MAX_UNPACKED_BYTES:
        raise refuse(path, f"the workbook unpacks to {total // MB} MB, more than the "
                     f"{MAX_UNPACKED_BYTES // MB} MB reportgen reads: is it the right file? "
                     "(a real tracker unpacks to a few MB)")


class _Capped:
    """A part's bytes as a file, failing past limit bytes whatever the zip says."""

    def __init__(self, stream, limit: int, on_excess):
        self._stream, self._left, self._on_excess = stream, limit, on_excess

    def read(self, size: int = -1) -> bytes:
        size = 65536 if size is None or size < 0 else min(size, 65536)
        data = self._stream.read(size)
        self._left -= len(data)
        if self._left < 0:
            raise self._on_excess()
        return data


def stream_elements(path: Path, package: zipfile.ZipFile, part: str,
                    events: tuple[str, ...] = ("end",),
                    tags: tuple[str, ...] | None = None) -> Iterator[tuple[str, str, object]]:
    """(event, local tag name, lxml element) of a part, parsed as a stream, for the
    elements named in tags (local names; all when None): callers free what they
    are done with (`forget`). Damaged XML, or any DTD, is one line."""
    info = package.getinfo(part)
    limit = min(info.file_size, MAX_UNPACKED_BYTES)
    wanted = None if tags is None else [f"{{*}}{t}" for t in tags] + list(tags)
    try:
        with package.open(info) as raw:
            capped = _Capped(raw, limit, lambda: refuse(path, f"part {part} holds more than "
                                                        "its header declares: " + DAMAGED))
            context = etree.iterparse(capped, events=events, tag=wanted,
                                      resolve_entities=False, load_dtd=False,
                                      no_network=True, huge_tree=False)
            checked = False
            for event, element in context:
                if not checked:  # the DTD, if any, is parsed before the first element
                    info = element.getroottree().docinfo
                    if info.doctype or info.internalDTD is not None:
                        raise refuse(path, FORBIDDEN_XML)
                    checked = True
                yield event, element.tag.rpartition("}")[2], element
    except (etree.LxmlError, zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError):
        raise refuse(path, DAMAGED) from None


def forget(element) -> None:
    """Free a finished element and the siblings before it, so memory stays flat
    however long the part."""
    element.clear(keep_tail=True)
    parent = element.getparent()
    if parent is not None:
        while element.getprevious() is not None:
            del parent[0]


def local(attributes: dict[str, str], name: str) -> str | None:
    """An attribute by local name, whatever its namespace prefix."""
    for key, value in attributes.items():
        if key == name or key.endswith("}" + name):
            return value
    return None
