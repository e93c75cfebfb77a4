"""Word reports: an officer's .docx read into our semantic HTML fragment.

mammoth turns the document into HTML through STYLE_MAP (Word's Title is the
page's h1, its Heading 1-3 are h2-h4, lists nest, header rows become
<thead>); word_html keeps only what our writers understand; word_checks
says what a clerk should fix before publishing. Nothing outside the .docx
is ever opened: linked pictures are left out, embedded ones become data:
URIs.
"""

from __future__ import annotations

import base64
import re
from dataclasses import dataclass, field
from pathlib import Path

from markupsafe import Markup

from reportgen.errors import InputError, Problem
from reportgen.readers.word_checks import document_warnings
from reportgen.readers.word_html import (
    HEADINGS,
    clean_fragment,
    drop_leading_title,
    first_heading,
    text_of,
    to_html,
)
from reportgen.readers.word_package import MAX_PART, Package

# Word style -> HTML (mammoth's style map syntax; the first matching line wins).
# Headings come before lists, so a numbered heading stays a heading; a List
# Paragraph in a Word list is a list item, and outside one a paragraph.
STYLE_MAP = """
p[style-name='Title'] => h1:fresh
p.Title => h1:fresh
p[style-name='Subtitle'] => p:fresh
p[style-name='Heading 1'] => h2:fresh
p.Heading1 => h2:fresh
p[style-name='Heading 2'] => h3:fresh
p.Heading2 => h3:fresh
p[style-name^='Heading '] => h4:fresh
p.Heading3 => h4:fresh
p.Heading4 => h4:fresh
p:unordered-list(1) => ul > li:fresh
p:unordered-list(2) => ul|ol > li > ul > li:fresh
p:unordered-list(3) => ul|ol > li > ul|ol > li > ul > li:fresh
p:unordered-list(4) => ul|ol > li > ul|ol > li > ul|ol > li > ul > li:fresh
p:ordered-list(1) => ol > li:fresh
p:ordered-list(2) => ul|ol > li > ol > li:fresh
p:ordered-list(3) => ul|ol > li > ul|ol > li > ol > li:fresh
p:ordered-list(4) => ul|ol > li > ul|ol > li > ul|ol > li > ol > li:fresh
p[style-name='List Paragraph'] => p:fresh
"""

# What each picture format starts with; anything else is left out of the PDF.
_IMAGE_MAGIC = {b"\x89PNG\r\n\x1a\n": "image/png", b"\xff\xd8\xff": "image/jpeg",
                b"GIF87a": "image/gif", b"GIF89a": "image/gif"}


@dataclass(frozen=True)
class WordReport:
    """An officer's .docx, read: its title, its body as our HTML fragment, what a
    clerk should fix, and the file's bytes (published unchanged as the Word file)."""

    source: Path
    title: str
    body_html: str  # the cleaned fragment, a Markup
    warnings: tuple[Problem, ...]
    original: bytes = field(default=b"", repr=False, compare=False)


def read_word_report(path: Path) -> WordReport:
    """Read a .docx into a WordReport; raise InputError (one line naming the file)
    when it is not a readable, safe Word document."""
    path = Path(path)
    package = Package(path)
    package.check_xml()
    images = _Images()
    root = clean_fragment(_convert(package, images))
    title = _title(package, root, path)
    drop_leading_title(root, title)
    warnings = document_warnings(package) + images.warnings(path)
    if not any(True for _ in root.iter(*HEADINGS)):
        warnings.append(Problem(path, "has no headings: the report will not be navigable by "
                                "screen readers or bookmarks; give its section titles Word's "
                                "Heading 1 and Heading 2 styles", severity="warning"))
    return WordReport(path, title, Markup(to_html(root)), tuple(warnings), package.data)


def word_report_warnings(path: Path) -> list[Problem]:
    """What `check` says about a .docx: its warnings, or the one error that stops
    it being read (never raises for bad input)."""
    try:
        return list(read_word_report(path).warnings)
    except InputError as exc:
        return exc.problems


def _convert(package: Package, images: _Images) -> str:
    import io

    import mammoth

    try:
        result = mammoth.convert_to_html(
            io.BytesIO(package.data), style_map=STYLE_MAP, include_embedded_style_map=False,
            external_file_access=False, convert_image=mammoth.images.img_element(images))
    except Exception as exc:  # noqa: BLE001 - mammoth raises many kinds on a damaged file
        raise package.fail(f"is damaged and cannot be read ({type(exc).__name__}: "
                           f"{str(exc)[:120]}): open it in Word and save it again") from None
    return result.value


class _Images:
    """mammoth's picture converter: embedded PNG, JPEG and GIF pictures as data:
    URIs, checked by their first bytes; other formats noted and left out."""

    def __init__(self):
        self.left_out: list[str] = []  # content types we cannot show

    def __call__(self, image) -> dict[str, str]:
        try:
            with image.open() as stream:
                data = stream.read(MAX_PART + 1)
        except (OSError, ValueError, KeyError, RuntimeError):
            return {}  # linked from outside (never opened), or missing: word_checks says so
        kind = next((t for magic, t in _IMAGE_MAGIC.items() if data.startswith(magic)), None)
        if kind is None:
            self.left_out.append(image.content_type or "unknown")
            return {}
        return {"src": f"data:{kind};base64,{base64.b64encode(data).decode('ascii')}"}

    def warnings(self, path: Path) -> list[Problem]:
        if not self.left_out:
            return []
        count, kinds = len(self.left_out), ", ".join(sorted(set(self.left_out)))
        return [Problem(path, f"{count} picture{'s' * (count != 1)} ({kinds}) cannot be "
                        "shown in the PDF, which takes PNG, JPEG and GIF pictures, and "
                        f"{'are' if count != 1 else 'is'} left out: in Word, cut each one and "
                        "paste it back as a PNG picture (Paste Special)", severity="warning")]


def _title(package: Package, root, path: Path) -> str:
    """The Title property, else the first heading, else the file name tidied."""
    core = package.xml("docProps/core.xml")
    if core is not None:
        element = core.find("{http://purl.org/dc/elements/1.1/}title")
        title = " ".join((element.text or "").split()) if element is not None else ""
        if title:
            return title
    heading = first_heading(root)
    if heading is not None and text_of(heading):
        return text_of(heading)
    tidied = " ".join(re.sub(r"[-_.]+", " ", path.stem).split())
    return tidied[:1].upper() + tidied[1:] if tidied else "Untitled report"
