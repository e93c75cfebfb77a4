"""Opening an officer's .docx safely: a zip package read within limits.

A .docx is a zip of XML parts, and a hostile one can be a zip bomb, an XML
entity bomb or an encrypted or damaged file. Package refuses each with one
line (InputError) before anything else reads it, and parses its XML with
defusedxml (no DTDs, no entities, nothing fetched).
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from reportgen.errors import InputError, Problem

MAX_FILE = 200 * 1024 * 1024  # the .docx as saved
MAX_PART = 50 * 1024 * 1024  # any one part, unpacked
MAX_TOTAL = 250 * 1024 * 1024  # all parts, unpacked
MAX_PARTS = 5000
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED_MARK = "EncryptedPackage".encode("utf-16-le")
_MB = 1024 * 1024

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


class Package:
    """The parts of a .docx, checked against the limits above; raises InputError
    (one line naming the file) when it is not a readable Word document."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self.data = _read_file(self.path)
        try:
            self.zip = zipfile.ZipFile(io.BytesIO(self.data))
        except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError):
            raise self.fail("is damaged (its zip package cannot be read): open it in Word "
                            "and save it again") from None
        self._check_parts()
        self._xml_cache: dict[str, Element | None] = {}

    def fail(self, message: str) -> InputError:
        return InputError(Problem(self.path, message))

    def names(self) -> list[str]:
        return self.zip.namelist()

    def read(self, name: str) -> bytes | None:
        """A part's bytes, or None when the package has no such part."""
        try:
            return self.zip.read(name)
        except KeyError:
            return None
        except (zipfile.BadZipFile, EOFError, OSError, ValueError) as exc:
            raise self.fail(f"is damaged (part {name} cannot be unpacked: {exc}): open it in "
                            "Word and save it again") from None

    def xml(self, name: str) -> Element | None:
        """A part parsed with defusedxml (read once), or None when it is missing."""
        if name not in self._xml_cache:
            data = self.read(name)
            self._xml_cache[name] = None if data is None else self._parse(name, data)
        return self._xml_cache[name]

    def check_xml(self) -> None:
        """Parse every XML part once, so a part with a DTD or entities is refused
        before any other XML parser sees it."""
        for name in self.names():
            if name.endswith((".xml", ".rels")):
                self.xml(name)

    def _parse(self, name: str, data: bytes) -> Element:
        try:
            return fromstring(data, forbid_dtd=True)
        except DefusedXmlException:
            raise self.fail(f"part {name} declares a DTD or entities, which Word never "
                            "writes: refusing it (save the document again from Word)") from None
        except ParseError as exc:
            raise self.fail(f"is damaged (part {name} is not well-formed XML: {exc}): open "
                            "it in Word and save it again") from None

    def _check_parts(self) -> None:
        infos = self.zip.infolist()
        if len(infos) > MAX_PARTS:
            raise self.fail(f"has {len(infos)} parts, more than the {MAX_PARTS} reportgen "
                            "reads: refusing it")
        total = 0
        for info in infos:
            if info.flag_bits & 0x1:
                raise self.fail("is encrypted: remove the password in Word (File > Info > "
                                "Protect Document) and save it again")
            if info.file_size > MAX_PART:
                raise self.fail(f"part {info.filename} is {info.file_size // _MB} MB "
                                f"unpacked, more than the {MAX_PART // _MB} MB reportgen "
                                "reads: refusing it")
            total += info.file_size
        if total > MAX_TOTAL:
            raise self.fail(f"unpacks to {total // _MB} MB, more than the "
                            f"{MAX_TOTAL // _MB} MB reportgen reads: refusing it")
        if "word/document.xml" not in self.zip.namelist():
            raise self.fail("is not a Word document (it has no word/document.xml): save it "
                            "from Word as a .docx")


def _read_file(path: Path) -> bytes:
    def fail(message: str) -> InputError:
        return InputError(Problem(path, message))

    if not path.is_file():
        raise fail("file not found" if not path.exists() else "is not a file, expected a "
                   ".docx Word document")
    if path.stat().st_size > MAX_FILE:
        raise fail(f"is larger than {MAX_FILE // _MB} MB: refusing it")
    data = path.read_bytes()
    if not data:
        raise fail("the file is empty, expected a .docx Word document")
    if data.startswith(_OLE_MAGIC):
        if _ENCRYPTED_MARK in data:
            raise fail("the document is password-protected: remove the password in Word "
                       "(File > Info > Protect Document) and save it again")
        raise fail("this is a Word 97-2003 .doc file: open it in Word or LibreOffice and "
                   "save it as .docx")
    if not data.startswith(b"PK"):
        raise fail("is not a .docx Word document (it is not a zip package): save it from "
                   "Word or LibreOffice as .docx")
    return data
