"""Agenda packs for a meeting: front sheets, reports, appendices, one layout each.

Each report is laid out once, its pages numbered where it falls in its pack;
the per-item PDF and the pack both come from that one layout. The pack is
WeasyPrint's pages of the front sheet and reports put together (so the tags
stay whole), then the appendix pages inserted by pack_pdf.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field
from pathlib import Path

from reportgen.build import FORMATS, Builder, Rendered
from reportgen.compose_meeting import (
    EXEMPT,
    PUBLIC,
    SUPPLEMENTARY,
    compose_front_sheet,
    compose_index,
    item_stem,
    pack_of,
)
from reportgen.errors import InputError, Problem
from reportgen.model import AgendaEntry, Meeting
from reportgen.output import write_bytes, write_text
from reportgen.pack_pdf import Appendix, insert_appendices, inspect_appendix
from reportgen.readers.meeting import read_meeting

PACK_FILES = {PUBLIC: "agenda-pack.pdf", EXEMPT: "agenda-pack-exempt.pdf",
              SUPPLEMENTARY: "agenda-pack-supplementary.pdf"}
PACK_LABELS = {PUBLIC: "Agenda pack", SUPPLEMENTARY: "Supplementary agenda"}
MAX_FRONT_SHEET_PASSES = 3


@dataclass
class PlacedItem:
    """A report in its pack: where it starts, its layout, its appendices."""

    entry: AgendaEntry
    rendered: Rendered
    start: int
    appendices: list[Appendix] = field(default_factory=list)

    @property
    def stem(self) -> str:
        return item_stem(self.entry)


@dataclass
class PackResult:
    out_dir: Path
    written: list[Path] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    pages: int = 0
    items: int = 0


class PackBuilder:
    """Builds one meeting's packs, per-item files and index page."""

    def __init__(self, builder: Builder | None = None):
        self.builder = builder or Builder()

    def build(self, meeting_path: Path, out_dir: Path,
              formats: tuple[str, ...] = FORMATS) -> PackResult:
        """Build everything for the meeting; raise InputError listing every bad item
        (the good items' own files are still written, but no pack)."""
        meeting = read_meeting(meeting_path)
        result = PackResult(Path(out_dir))
        problems: list[Problem] = []
        placed: dict[str, list[PlacedItem]] = {}
        fronts = {}
        for pack in (PUBLIC, EXEMPT, SUPPLEMENTARY):
            entries = [e for e in meeting.agenda if e.report is not None and pack_of(e) == pack]
            if pack != PUBLIC and not entries:
                continue
            try:
                fronts[pack], placed[pack] = self._lay_out_pack(meeting, pack, entries,
                                                                result.warnings)
            except InputError as exc:
                problems += exc.problems
                placed[pack] = getattr(exc, "placed", [])
        for pack, items in placed.items():
            folder = "exempt" if pack == EXEMPT else "items"
            for item in items:
                result.written += self.builder.write(item.rendered, result.out_dir / folder,
                                                     item.stem, formats)
                result.items += 1
        if problems:
            raise InputError(problems)

        packs_for_index = {}
        for pack, front in fronts.items():
            data = self._pack_pdf(front, placed[pack])
            target = result.out_dir / PACK_FILES[pack]
            write_bytes(target, data)
            result.written.append(target)
            result.pages += len(front.pages) + sum(
                i.rendered.pages + sum(a.pages for a in i.appendices) for i in placed[pack])
            if pack in PACK_LABELS:
                packs_for_index[PACK_LABELS[pack]] = PACK_FILES[pack]
        for pack in set(PACK_FILES) - set(fronts):  # no longer needed: not left to mislead
            with contextlib.suppress(FileNotFoundError):
                (result.out_dir / PACK_FILES[pack]).unlink()
        index = compose_index(meeting, packs_for_index, self.builder.templates,
                              self.builder.house)
        write_text(result.out_dir / "index.html", index)
        result.written.append(result.out_dir / "index.html")
        return result

    def _front_sheet(self, meeting: Meeting, pack: str, pages: dict[str, int]):
        html = compose_front_sheet(meeting, pack, pages, self.builder.templates,
                                   self.builder.house)
        return self.builder.layout(html)

    def _lay_out_pack(self, meeting: Meeting, pack: str, entries: list[AgendaEntry],
                      warnings: list[Problem]):
        """Lay out the front sheet and each report once, numbering pages through."""
        front = self._front_sheet(meeting, pack, {})
        for _ in range(MAX_FRONT_SHEET_PASSES):
            placed, problems = self._place_items(entries, len(front.pages) + 1, warnings)
            if problems:
                error = InputError(problems)
                error.placed = placed
                raise error
            pages = {item.stem: item.start for item in placed}
            final = self._front_sheet(meeting, pack, pages)
            if len(final.pages) == len(front.pages):
                return final, placed
            front = final  # the page references changed its length: number again
        raise RuntimeError("the agenda front sheet's length did not settle")

    def _place_items(self, entries, start: int, warnings: list[Problem]):
        placed, problems = [], []
        for entry in entries:
            try:
                rendered = self.builder.render(entry.report, agenda_item=entry.number,
                                               first_page=start)
            except InputError as exc:
                problems += exc.problems
                continue
            item = PlacedItem(entry, rendered, start)
            for n, path in enumerate(entry.appendices):
                label = f"Agenda Item {entry.number}, Appendix {chr(ord('A') + n % 26)}"
                try:
                    item.appendices.append(inspect_appendix(path, label, warnings))
                except InputError as exc:
                    problems += exc.problems
            start += rendered.pages + sum(a.pages for a in item.appendices)
            placed.append(item)
        return placed, problems

    def _pack_pdf(self, front, items: list[PlacedItem]) -> bytes:
        from reportgen.writers.pdf import pdf_bytes

        pages = list(front.pages)
        inserts = []
        for item in items:
            pages += item.rendered.document.pages
            number = item.start + item.rendered.pages
            for appendix in item.appendices:
                inserts.append((len(pages), appendix, number, item.rendered.item.title))
                number += appendix.pages
        pack = pdf_bytes(front.copy(pages))
        return insert_appendices(pack, inserts)
