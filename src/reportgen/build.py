"""Building one agenda item: read -> compose -> lay out -> write each format.

An item is an item workbook, or an officer's Word report (.docx), which is
laid out in the house style and published unchanged as the item's Word file.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reportgen.compose.report import compose, prepare_problems
from reportgen.compose.templates import TemplateSet
from reportgen.errors import InputError
from reportgen.house import House
from reportgen.model import Item
from reportgen.output import FORMATS, write_bytes
from reportgen.readers.item import read_item
from reportgen.readers.word import WordReport

WORD_SUFFIXES = (".docx",)


@dataclass
class Rendered:
    """An item composed and laid out once; every output comes from this."""

    item: Item | WordReport
    html: str
    document: object  # weasyprint.Document, or None when no PDF was asked for

    @property
    def pages(self) -> int:
        return len(self.document.pages)

    @property
    def title(self) -> str:
        return self.item.title or "Untitled report"

    @property
    def warnings(self) -> list:
        """What a clerk should look at (Word reports say; workbooks have `check`)."""
        return list(getattr(self.item, "warnings", ()))


class Builder:
    """Holds the house style and templates in force for a run."""

    def __init__(self, house: House | None = None):
        self.house = house or House()
        self.templates: TemplateSet = self.house.template_set()

    def render(self, path: Path, agenda_item: str = "", layout: bool = True,
               page_numbers: bool = True) -> Rendered:
        """Read and compose an item workbook, or a Word report (.docx); lay it out for
        PDF when asked (without page numbers when a pack will stamp its own). Raises
        InputError naming the file (and sheet and cell) at fault."""
        path = Path(path)
        if path.suffix.lower() in WORD_SUFFIXES:
            from reportgen.compose.word import compose_word_report
            from reportgen.readers.word import read_word_report

            item = read_word_report(path)
            html = compose_word_report(item, self.templates, self.house,
                                       agenda_item=agenda_item, page_numbers=page_numbers)
        else:
            item = self._read_item(path)
            html = compose(item, self.templates, self.house, agenda_item=agenda_item,
                           page_numbers=page_numbers)
        return Rendered(item, html, self.layout(html) if layout else None)

    def _read_item(self, path: Path) -> Item:
        """read_item, whose InputError also names what `check` would find wrong with
        the part it could read (an unknown Report type beside a missing column)."""
        try:
            return read_item(path)
        except InputError as exc:
            if exc.partial is None:
                raise
            raise InputError(exc.problems + prepare_problems(exc.partial, self.templates),
                             exc.partial) from None

    def render_job(self, job) -> Rendered:
        """Compose and lay out a report as the meeting plan resolved it (pack.render's
        ItemJob), without page numbers: the pack stamps its own."""
        if job.record is None:  # a Word report
            from reportgen.compose.word import compose_word_report
            from reportgen.readers.word import read_word_report

            report = job.word or read_word_report(job.source)
            html = compose_word_report(report, self.templates, self.house,
                                       agenda_item=job.agenda_item, page_numbers=False,
                                       exempt_paragraph=job.exempt_paragraph)
            return Rendered(report, html, self.layout(html))
        html = compose(job.record, self.templates, self.house, agenda_item=job.agenda_item,
                       today=job.reference_date, page_numbers=False,
                       exempt_paragraph=job.exempt_paragraph, appendices=job.appendices)
        return Rendered(job.record, html, self.layout(html))

    def outputs(self, rendered: Rendered, formats: tuple[str, ...]) -> dict[str, bytes]:
        """Every requested format as bytes, made in memory before anything is written.
        A Word report's Word file is the officer's own, byte for byte."""
        made: dict[str, bytes] = {}
        if "pdf" in formats and rendered.document is not None:
            from reportgen.writers.pdf import pdf_bytes

            made["pdf"] = pdf_bytes(rendered.document)
        if "docx" in formats and isinstance(rendered.item, WordReport):
            made["docx"] = rendered.item.original
        elif "docx" in formats:
            from reportgen.writers.docx import docx_bytes

            made["docx"] = docx_bytes(rendered.html, self.reference_docx())
        if "html" in formats:
            from reportgen.writers.html import html_bytes

            made["html"] = html_bytes(rendered.html)
        return made

    def reference_docx(self) -> str | None:
        reference = self.house.reference_docx or self.templates.find("reference.docx")
        return str(reference) if reference else None

    def layout(self, html: str):
        """Lay out composed HTML as PDF pages (WeasyPrint), fetching only template files."""
        from reportgen.writers.pdf import layout

        return layout(html, self.templates.folders)

    def write(self, rendered: Rendered, out_dir: Path, stem: str,
              formats: tuple[str, ...] = FORMATS) -> list[Path]:
        """Write every format of a rendered item; all made in memory first."""
        written = []
        for fmt, data in self.outputs(rendered, formats).items():
            target = Path(out_dir) / f"{stem}.{fmt}"
            write_bytes(target, data)
            written.append(target)
        return written

    def build(self, path: Path, out_dir: Path, formats: tuple[str, ...] = FORMATS,
              stem: str | None = None, agenda_item: str = "") -> list[Path]:
        """Build one item workbook or Word report into out_dir/<stem>.<format>; return
        the paths."""
        rendered = self.render(path, agenda_item, layout="pdf" in formats)
        return self.write(rendered, out_dir, stem or Path(path).stem, formats)
