"""Agenda packs for a meeting: front sheets, reports, appendices, page numbers.

Each report is laid out once, in a worker process, without page numbers
(pack.render); an unchanged report is taken from the cache instead. Once
every page count is known, each pack's front sheet is laid out with the
page each report starts on, the front sheet, reports and appendices are
merged with their tags (pack.merge), and the pack's page numbers are stamped
on. A report's own PDF is its same rendering with the same numbers stamped.
"""

from __future__ import annotations

import contextlib
import io
import os
from concurrent.futures import Executor, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from reportgen.build import FORMATS, Builder
from reportgen.compose.meeting import (
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
from reportgen.pack.appendix import Appendix, inspect_appendix
from reportgen.pack.render import (
    ItemCache,
    ItemJob,
    ItemOutput,
    NoCache,
    blob_key,
    job_key,
    render_item,
)
from reportgen.readers.meeting import read_meeting

PACK_FILES = {PUBLIC: "agenda-pack.pdf", EXEMPT: "agenda-pack-exempt.pdf",
              SUPPLEMENTARY: "agenda-pack-supplementary.pdf"}
PACK_LABELS = {PUBLIC: "Agenda pack", SUPPLEMENTARY: "Supplementary agenda"}
ITEM_FOLDERS = {PUBLIC: "items", SUPPLEMENTARY: "items", EXEMPT: "exempt"}
MAX_FRONT_SHEET_PASSES = 3


@dataclass
class PlacedItem:
    """A report in its pack: its rendering, where it starts, its appendices."""

    entry: AgendaEntry
    output: ItemOutput
    start: int = 0
    appendices: list[Appendix] = field(default_factory=list)

    @property
    def stem(self) -> str:
        return item_stem(self.entry)

    @property
    def pages(self) -> int:
        return self.output.pages + sum(a.pages for a in self.appendices)


@dataclass
class PackResult:
    out_dir: Path
    written: list[Path] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    pages: int = 0
    items: int = 0
    laid_out: int = 0  # items laid out this run (the rest came from the cache)


class PackBuilder:
    """Builds one meeting's packs, per-item files and index page."""

    def __init__(self, builder: Builder | None = None, jobs: int | None = None,
                 executor: Executor | None = None):
        self.builder = builder or Builder()
        self.jobs = jobs or os.cpu_count() or 1
        self.executor = executor

    def build(self, meeting_path: Path, out_dir: Path,
              formats: tuple[str, ...] = FORMATS) -> PackResult:
        """Build everything for the meeting; raise InputError listing every bad item
        (the good items' own files are still written, but no pack)."""
        from reportgen.fingerprint import environment_fingerprint

        meeting = read_meeting(meeting_path)
        result = PackResult(Path(out_dir))
        cache = ItemCache(result.out_dir)
        entries = [e for e in meeting.agenda if e.report is not None]
        outputs = self._render_all(entries, cache, environment_fingerprint(self.builder.house),
                                   ("pdf",) + tuple(f for f in formats if f != "pdf"), result)
        problems = [p for o in outputs.values() for p in o.problems]

        placed: dict[str, list[PlacedItem]] = {}
        for entry in entries:
            if outputs[id(entry)].problems:
                continue
            item = PlacedItem(entry, outputs[id(entry)])
            for n, path in enumerate(entry.appendices):
                label = f"Agenda Item {entry.number}, Appendix {chr(ord('A') + n % 26)}"
                try:
                    item.appendices.append(inspect_appendix(path, label, result.warnings))
                except InputError as exc:
                    problems += exc.problems
            placed.setdefault(pack_of(entry), []).append(item)

        placed.setdefault(PUBLIC, [])  # the public pack has a front sheet at least
        packs = {pack: self._pack(meeting, pack, items, formats, result,
                                  NoCache(result.out_dir) if pack == EXEMPT else cache)
                 for pack, items in placed.items()}
        if problems:
            raise InputError(problems)
        self._write_packs(meeting, packs, result)
        cache.prune()
        return result

    # -- rendering ---------------------------------------------------------
    def _render_all(self, entries, cache: ItemCache, environment: str, formats, result):
        jobs = {id(e): ItemJob(e.report, e.number, self.builder.house, formats)
                for e in entries}
        keys = {i: job_key(job, environment) for i, job in jobs.items()}
        exempt = {id(e) for e in entries if e.exempt_paragraph}
        no_cache = NoCache(result.out_dir)
        caches = {i: no_cache if i in exempt else cache for i in jobs}
        outputs = {i: caches[i].get(key) for i, key in keys.items()}
        missing = [i for i, out in outputs.items() if out is None]
        for i, output in zip(missing, self._map(render_item, [jobs[i] for i in missing]),
                             strict=True):
            outputs[i] = output
            output.key = keys[i]
            if not output.problems:
                caches[i].put(keys[i], output)
        result.laid_out += len(missing)
        return outputs

    def _map(self, function, jobs: list):
        if len(jobs) <= 1 or self.jobs <= 1:
            return [function(job) for job in jobs]
        if self.executor is not None:
            return list(self.executor.map(function, jobs))
        import weasyprint  # noqa: F401 - loaded once here, shared by the forked workers

        with ProcessPoolExecutor(max_workers=min(self.jobs, len(jobs))) as pool:
            return list(pool.map(function, jobs))

    # -- one pack ----------------------------------------------------------
    def _pack(self, meeting: Meeting, pack: str, items: list[PlacedItem],
              formats: tuple[str, ...], result: PackResult, cache: ItemCache) -> bytes:
        """Lay out the front sheet, merge the pack, stamp it; write each item's files.

        Front sheets, page-number stamps and stamped reports are cached like the
        reports: a rebuild after one report changed lays out only that report."""
        import pikepdf

        from reportgen.pack.merge import merge, open_part, stamp, to_bytes
        from reportgen.pack.stamp import stamp_html, stamp_pdf

        front = self._front_sheet(meeting, pack, items, cache)
        with pikepdf.open(io.BytesIO(front)) as pdf:
            first_item_page = len(pdf.pages) + 1
            title = str(pdf.docinfo.get("/Title", PACK_FILES[pack]))
        labels = []
        for item in items:
            labels += [""] * item.output.pages
            for appendix in item.appendices:
                labels += [appendix.label] * appendix.pages
        html = stamp_html(self.builder, first_item_page, labels)
        stamps = (pikepdf.open(io.BytesIO(cache.blob(
            blob_key("stamps", html), lambda: to_bytes(stamp_pdf(self.builder, html)))))
                  if labels else None)
        parts = [open_part(front)]
        for item in items:
            parts.append(open_part(item.output.files["pdf"]))
            parts += [open_part(a.data, f"{a.label.split(', ')[-1]}: {a.path.name}",
                                item.output.title) for a in item.appendices]
        merged = merge(parts, title)
        if stamps is not None:
            stamp(merged, list(range(first_item_page - 1, len(merged.pages))), stamps)

        folder = result.out_dir / ITEM_FOLDERS[pack]
        for item in items:
            def stamped(item=item) -> bytes:
                own = open_part(item.output.files["pdf"]).pdf
                stamp(own, list(range(item.output.pages)), stamps, item.start - first_item_page)
                return to_bytes(own)

            pdf = cache.blob(blob_key("item", item.output.key, item.start, html), stamped)
            files = dict(item.output.files, pdf=pdf)
            for fmt in formats:
                target = folder / f"{item.stem}.{fmt}"
                write_bytes(target, files[fmt])
                result.written.append(target)
            result.items += 1
        result.pages += len(merged.pages)
        return to_bytes(merged)

    def _front_sheet(self, meeting: Meeting, pack: str, items: list[PlacedItem],
                     cache: ItemCache) -> bytes:
        """The front sheet's PDF, with each report's first page; laid out again if
        the page references changed its length (they seldom do)."""
        import pikepdf

        def lay_out(pages: dict[str, int]) -> tuple[bytes, int]:
            html = compose_front_sheet(meeting, pack, pages, self.builder.templates,
                                       self.builder.house)
            data = cache.blob(blob_key("front", html),
                              lambda: self._pdf(self.builder.layout(html)))
            with pikepdf.open(io.BytesIO(data)) as pdf:
                return data, len(pdf.pages)

        data, length = lay_out({})
        for _ in range(MAX_FRONT_SHEET_PASSES):
            start = length + 1
            for item in items:
                item.start = start
                start += item.pages
            data, final = lay_out({item.stem: item.start for item in items})
            if final == length:
                return data
            length = final
        raise InputError(Problem(meeting.source, "the agenda front sheet changes length each "
                                 "time its page numbers are filled in; shorten an item's "
                                 "title or text so it settles", "Agenda"))

    @staticmethod
    def _pdf(document) -> bytes:
        from reportgen.writers.pdf import pdf_bytes

        return pdf_bytes(document)

    # -- writing -----------------------------------------------------------
    def _write_packs(self, meeting: Meeting, packs: dict[str, bytes], result: PackResult):
        for pack, data in packs.items():
            target = result.out_dir / PACK_FILES[pack]
            write_bytes(target, data)
            result.written.append(target)
        for pack in set(PACK_FILES) - set(packs):  # no longer needed: not left to mislead
            with contextlib.suppress(FileNotFoundError):
                (result.out_dir / PACK_FILES[pack]).unlink()
        links = {PACK_LABELS[p]: PACK_FILES[p] for p in (PUBLIC, SUPPLEMENTARY) if p in packs}
        index = compose_index(meeting, links, self.builder.templates, self.builder.house)
        write_text(result.out_dir / "index.html", index)
        result.written.append(result.out_dir / "index.html")
