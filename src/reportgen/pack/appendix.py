"""Finished PDFs put into packs (appendices, PDF reports): read, made safe, titled.

Each is read with a size limit checked before the file is read, sanitised
(pack.sanitise) and checked for what makes it accessible; only the
sanitised copy is ever published. A password, damage or a size over the
limit is one line, never a traceback. Its title is the one the clerk gave,
else the PDF's own Title metadata when that says more than "Appendix A",
else a tidied file name.
"""

from __future__ import annotations

import contextlib
import io
import re
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

import pikepdf

from reportgen.errors import InputError, Problem
from reportgen.pack.merge import is_tagged, to_bytes
from reportgen.pack.sanitise import sanitise

# Council appendices are mostly under 20 MB; scanned plans and long consultation
# annexes reach 100 MB. Above 200 MB a file is no use on a council website, and
# it is held in memory several times over while a pack is merged.
MAX_PDF_BYTES = 200 * 1024 * 1024
# "appendix-a-", "App B ", "annex_3 - ": the prefix a file name may carry.
_PREFIX = re.compile(r"^(?:appendix|app|annex)(?:[\s._-]+(?:[a-z]|\d{1,2}))?(?=[\s._-]|$)[\s._-]*",
                     re.IGNORECASE)
# Titles that say nothing: "Appendix A", "Untitled", or a file name a program put there.
_EMPTY_TITLE = re.compile(r"^(?:(?:appendix|app|annex)\s*[a-z0-9]{0,2}|untitled.*|.*\.(?:docx?|pdf|"
                          r"xlsx?|pptx?|odt|rtf)|microsoft (?:word|excel|powerpoint) - .*)$",
                          re.IGNORECASE)


@dataclass
class PdfDocument:
    """A finished PDF to include as it is, made safe to publish."""

    path: Path
    title: str
    pages: int
    tagged: bool
    data: bytes  # the sanitised copy: publish this, never the original file


@dataclass
class Appendix(PdfDocument):
    item: str = ""  # the agenda item's number
    letter: str = ""

    @property
    def label(self) -> str:
        """The mark stamped on its pages: "Agenda Item 6, Appendix A"."""
        return f"Agenda Item {self.item}, Appendix {self.letter}"

    @property
    def bookmark(self) -> str:
        """Its bookmark under the item's: "Appendix A – Guiding principles"."""
        return f"Appendix {self.letter} \u2013 {self.title}"


def read_appendix(path: Path, item: str, letter: str, warnings: list[Problem],
                  title: str = "") -> Appendix:
    """Appendix `letter` of agenda item `item`, sanitised.

    title is the plan's (appendix_title()); when empty it is worked out here the
    same way. Appends to warnings what was removed and whether it is accessible;
    raises InputError (one line) for a file too big, password-protected or damaged.
    """
    document = _read(Path(path), warnings, title)
    return Appendix(**vars(document), item=item, letter=letter)


def read_pdf_report(path: Path, warnings: list[Problem]) -> PdfDocument:
    """A finished PDF given as an item's report: included as it is (tags kept),
    sanitised like an appendix; titled by its Title metadata or file name."""
    return _read(Path(path), warnings, "")


def sanitise_pdf(source: bytes | Path) -> tuple[bytes, list[str]]:
    """The PDF's bytes made safe to publish, and what was removed ("2 JavaScript
    actions"). Raises InputError (one line) when it cannot be made safe."""
    name = source if isinstance(source, Path) else "PDF"
    with open_pdf(source, name) as pdf, _readable(name):
        removed = sanitise(pdf, name)
        return to_bytes(pdf), removed


def open_pdf(source: bytes | Path, name: Path | str = "") -> pikepdf.Pdf:
    """Open a PDF from a path (its size checked before it is read) or bytes.

    Raises InputError, one line, for a file too big, password-protected or damaged.
    """
    name = name or source
    data = read_bounded(source) if isinstance(source, Path) else source
    if len(data) > MAX_PDF_BYTES:
        raise InputError(_too_big(name, len(data)))
    try:
        return pikepdf.open(io.BytesIO(data))
    except pikepdf.PasswordError:
        raise InputError(Problem(name, "is password-protected: ask for an unprotected "
                                 "copy")) from None
    except (pikepdf.PikepdfError, ValueError) as exc:
        raise InputError(_damaged(name, exc)) from None


def read_bounded(path: Path, limit: int = MAX_PDF_BYTES) -> bytes:
    """The file's bytes; InputError when it is bigger than limit (checked first)."""
    try:
        size = path.stat().st_size
        if size <= limit:
            with path.open("rb") as file:
                data = file.read(limit + 1)  # it may have grown since
                size = len(data)
    except OSError as exc:
        raise InputError(Problem(path, f"cannot read this file ({exc.strerror or exc})")) from None
    if size > limit:
        raise InputError(_too_big(path, size, limit))
    return data


def appendix_title(path: Path, given: str = "") -> str:
    """The title an appendix is listed and bookmarked under: given (the Agenda's
    Appendix titles column), else the PDF's own title, else its tidied file name.

    Never raises: a PDF that cannot be read is reported when the pack reads it.
    """
    title = " ".join(given.split())
    if title:
        return title
    try:
        if Path(path).stat().st_size <= MAX_PDF_BYTES:
            with pikepdf.open(path) as pdf:  # reads the cross-reference table, not the file
                title = pdf_title(pdf)
    except (pikepdf.PikepdfError, OSError, ValueError, RecursionError):
        title = ""
    return title or tidy_file_name(Path(path).name)


def tidy_file_name(name: str) -> str:
    """ "appendix-a-guiding-principles.pdf" -> "Guiding principles"."""
    stem = Path(name).stem

    def words(text: str) -> str:
        return " ".join(text.replace("_", " ").replace("-", " ").split())

    title = words(_PREFIX.sub("", stem)) or words(stem) or "Appendix"
    return title[0].upper() + title[1:]


def pdf_title(pdf: pikepdf.Pdf) -> str:
    """The document's own title (document information, else XMP dc:title), or ""
    when it has none worth showing."""
    info = pdf.trailer.get("/Info")
    title = str(info.get("/Title", "")) if isinstance(info, pikepdf.Dictionary) else ""
    if not title.strip() and "/Metadata" in pdf.Root:
        try:
            title = str(pdf.open_metadata().get("dc:title", "") or "")
        except Exception:  # a broken XMP packet costs only the title
            title = ""
    title = " ".join(title.split())
    return "" if _EMPTY_TITLE.match(title) else title


def _read(path: Path, warnings: list[Problem], title: str) -> PdfDocument:
    with open_pdf(path) as pdf, _readable(path):
        removed = sanitise(pdf, path)
        tagged, has_text = is_tagged(pdf), _has_text(pdf)
        title = " ".join(title.split()) or pdf_title(pdf) or tidy_file_name(path.name)
        document = PdfDocument(path, title, len(pdf.pages), tagged, to_bytes(pdf))
    if removed:
        warnings.append(Problem(path, f"removed from the published copy: {', '.join(removed)}",
                                severity="warning"))
    if not has_text:
        warnings.append(Problem(path, "has no text layer (a scan?): it will not be accessible; "
                                "ask for a text PDF or run OCR", severity="warning"))
    elif not tagged:
        warnings.append(Problem(path, "is not a tagged PDF: screen readers will not find its "
                                "structure; ask for a tagged (accessible) PDF",
                                severity="warning"))
    return document


@contextlib.contextmanager
def _readable(name: Path | str):
    """Damage found while walking or saving a PDF becomes one line."""
    try:
        yield
    except (pikepdf.PikepdfError, ValueError, RecursionError) as exc:
        raise InputError(_damaged(name, exc)) from None


def _damaged(name: Path | str, exc: Exception) -> Problem:
    reason = " ".join(str(exc).split())[:160]
    return Problem(name, f"is damaged and cannot be read ({reason}); export it again from "
                   "the program that made it")


def _too_big(name: Path | str, size: int, limit: int = MAX_PDF_BYTES) -> Problem:
    return Problem(name, f"is {size / 2**20:.0f} MB: reportgen takes PDFs up to "
                   f"{limit // 2**20} MB; ask for a smaller copy (images at 150 dpi are "
                   "plenty on screen)")


def _has_text(pdf: pikepdf.Pdf, pages: int = 5) -> bool:
    """A text layer needs fonts; a scan has only images."""
    def fonts_in(resources, depth: int = 0) -> bool:
        if not isinstance(resources, pikepdf.Dictionary) or depth > 3:
            return False
        if len(resources.get("/Font", {})):
            return True
        xobjects = resources.get("/XObject")
        for xobject in xobjects.values() if isinstance(xobjects, pikepdf.Dictionary) else []:
            if isinstance(xobject, pikepdf.Stream) and xobject.get("/Subtype") == \
                    pikepdf.Name.Form and fonts_in(xobject.get("/Resources"), depth + 1):
                return True
        return False

    return any(fonts_in(page.obj.get("/Resources")) for page in islice(pdf.pages, pages))
