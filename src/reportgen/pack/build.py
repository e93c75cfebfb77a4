"""`reportgen pack`: a meeting's agenda packs, each item's files and its web page.

The build reads top to bottom as its steps:
  0. nothing to do when nothing changed since the last build (pack/manifest.py);
  1. resolve the meeting plan (plan.py: every fact about every row, once);
  2. render the reports: each laid out once, in a worker, without page numbers,
     or taken from the cache (pack/render.py); meanwhile check the plan (the same
     checks as `reportgen check`; --strict stops here);
  3. read the appendix and PDF-report files, made safe to publish (pack/appendix.py);
  4. lay out each pack's front sheet with its page ranges, merge it with the
     reports and appendices keeping their tags (pack/merge.py), stamp the page
     numbers (pack/stamp.py), share its fonts (pack/fonts.py);
  5. stage every file, then publish them all at once (pack/publish.py): public
     papers in the public folder, exempt ones only in the exempt folder; record
     the build in the manifest."""

from __future__ import annotations

import functools
import io
import os
from concurrent.futures import Executor, Future
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from reportgen.compose.meeting import compose_front_sheet, compose_index
from reportgen.errors import InputError, Problem, refuse_unless_ready
from reportgen.house import House
from reportgen.output import FORMATS
from reportgen.pack.appendix import Appendix, read_appendix, read_pdf_report
from reportgen.pack.manifest import (
    options_of,
    read_manifest,
    recorded_warnings,
    unchanged,
    write_manifest,
)
from reportgen.pack.publish import Stage
from reportgen.pack.render import (
    CACHE_FOLDER,
    ItemCache,
    ItemJob,
    ItemOutput,
    Workers,
    blob_key,
    lay_out_pdf,
    render_item,
)
from reportgen.plan import (
    EXEMPT,
    ITEMS_FOLDER,
    PDF,
    PUBLIC,
    REPORT,
    SUPPLEMENTARY,
    ItemPlan,
    MeetingPlan,
    default_exempt_dir,
    resolve_meeting,
)

PACK_FILES = {PUBLIC: "agenda-pack.pdf", EXEMPT: "agenda-pack-exempt.pdf",
              SUPPLEMENTARY: "agenda-pack-supplementary.pdf"}
PACK_LABELS = {PUBLIC: "Agenda pack", SUPPLEMENTARY: "Supplementary agenda"}
MAX_FRONT_SHEET_PASSES = 3


@dataclass
class PlacedItem:
    """An agenda row's papers in its pack: its report's rendering, where it starts,
    its appendices."""

    plan: ItemPlan
    output: ItemOutput | None  # None for a procedural row with appendices only
    start: int = 0
    appendices: list[Appendix] = field(default_factory=list)

    @property
    def report_pages(self) -> int:
        return self.output.pages if self.output else 0

    @property
    def pages(self) -> int:
        return self.report_pages + sum(a.pages for a in self.appendices)


@dataclass
class PackResult:
    out_dir: Path
    exempt_dir: Path | None = None
    written: list[Path] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    pages: int = 0
    items: int = 0
    laid_out: int = 0  # reports laid out this run (the rest came from the cache)
    unchanged: bool = False  # nothing changed since the last build: nothing was done


class PackBuilder:
    """Builds one meeting's packs, per-item files and index page."""

    def __init__(self, house: House | None = None, jobs: int | None = None,
                 executor: Executor | None = None, progress=None):
        self.house = house or House()
        self.jobs = jobs or os.cpu_count() or 1
        self.executor = executor
        self.progress = progress  # called with (done, total) as reports are laid out

    @functools.cached_property
    def builder(self):
        """The house's templates and layout; not loaded when nothing changed."""
        from reportgen.build import Builder

        return Builder(self.house)

    @functools.cached_property
    def environment(self) -> str:
        """The templates', configuration's and version's fingerprint: once per run."""
        from reportgen.fingerprint import environment_fingerprint

        return environment_fingerprint(self.house)

    def build(self, meeting_path: Path, out_dir: Path, formats: tuple[str, ...] = FORMATS,
              exempt_dir: Path | None = None, strict: bool = False,
              today: date | None = None, force: bool = False) -> PackResult:
        """Build and publish everything for the meeting, or raise InputError listing
        every problem and publish nothing (earlier outputs are left as they were).

        When nothing it depends on changed since the last build (pack.manifest), the
        recorded result is returned and nothing is read or written; force builds
        again regardless."""
        today = today or date.today()
        exempt_dir = Path(exempt_dir or default_exempt_dir(out_dir))
        environment = self.environment
        options = options_of(out_dir, exempt_dir, formats)
        recorded = None if force else self._recorded(out_dir, exempt_dir, environment,
                                                     options, today)
        if recorded is not None:
            if strict:
                refuse_unless_ready(recorded.warnings)
            return recorded
        from reportgen.check import plan_warnings

        with Workers(self.house, self.jobs, self.executor) as workers:
            plan = resolve_meeting(meeting_path, self.house, out_dir, exempt_dir,
                                   environment, formats)
            result = PackResult(plan.public_dir, plan.exempt_dir)
            caches = {False: ItemCache(plan.public_dir), True: ItemCache(plan.exempt_dir)}
            started = self._start_reports(plan, caches, formats, workers)
            # Checked while the workers lay the reports out.
            result.warnings = plan_warnings(plan, self.builder.templates, today,
                                            self.house.cycle)
            if strict:
                refuse_unless_ready(result.warnings)
            outputs = self._finish_reports(started, caches, result)
            placed, problems = self._place(plan, outputs, result)
            if problems:
                raise InputError(problems)
            result.written = self._publish(plan, placed, formats, result, caches, workers)
        for cache in caches.values():
            cache.prune()
        write_manifest(plan.exempt_dir, plan.inputs, environment, options,
                       result.written, result.warnings, today, items=result.items,
                       pages=result.pages)
        return result

    @staticmethod
    def _recorded(out_dir: Path, exempt_dir: Path, environment: str, options: dict,
                  today: date) -> PackResult | None:
        """The last build's result, when it is still current and was checked today."""
        manifest = read_manifest(exempt_dir)
        if not unchanged(manifest, environment, options):
            return None
        warnings = recorded_warnings(manifest, today)
        if warnings is None:
            return None
        return PackResult(Path(out_dir), exempt_dir,
                          [Path(p) for p in manifest["outputs"]], warnings,
                          pages=manifest.get("pages", 0), items=manifest.get("items", 0),
                          unchanged=True)

    # -- 2. render the reports -----------------------------------------------
    def _start_reports(self, plan: MeetingPlan, caches: dict[bool, ItemCache],
                       formats: tuple[str, ...], workers: Workers) -> dict:
        """Each report's rendering from the cache, or sent to a worker to lay out:
        stem -> (row, ItemOutput or Future)."""
        formats = ("pdf",) + tuple(f for f in formats if f != "pdf")
        started = {}
        for row in plan.rows:
            if row.kind != REPORT or row.problems or row.report_format == PDF:
                continue
            output = caches[row.exempt].get(row.cache_key) or workers.submit(
                render_item, ItemJob(row.entry.report, row.report_format, row.record,
                                     row.number, row.title, self.house, formats,
                                     row.exempt_paragraph,
                                     tuple((a.letter, a.title) for a in row.appendices),
                                     plan.reference_date, row.word))
            started[row.stem] = (row, output)
        return started

    def _finish_reports(self, started: dict, caches: dict[bool, ItemCache],
                        result: PackResult) -> dict[str, ItemOutput]:
        """Wait for the workers; keep what they laid out in the cache."""
        total = sum(isinstance(output, Future) for _, output in started.values())
        outputs = {}
        for stem, (row, output) in started.items():
            if isinstance(output, Future):
                output = output.result()
                result.laid_out += 1
                self._advance(result.laid_out, total)
                if not output.problems:
                    caches[row.exempt].put(row.cache_key, output)
            output.key = row.cache_key
            outputs[stem] = output
        return outputs

    def _advance(self, done: int, total: int) -> None:
        if self.progress is not None:
            self.progress(done, total)

    # -- 3. papers in their packs --------------------------------------------
    def _place(self, plan: MeetingPlan, outputs: dict[str, ItemOutput], result: PackResult):
        problems = list(plan.problems) + [p for o in outputs.values() for p in o.problems]
        placed: dict[str, list[PlacedItem]] = {}
        for row in plan.rows:
            if not row.has_papers or row.problems or (
                    row.stem in outputs and outputs[row.stem].problems):
                continue
            item = PlacedItem(row, outputs.get(row.stem))
            try:
                if row.kind == REPORT and row.report_format == PDF:
                    item.output = _pdf_report(row, result)
                for appendix in row.appendices:
                    item.appendices.append(read_appendix(
                        appendix.path, row.number, appendix.letter, result.warnings,
                        appendix.title))
            except InputError as exc:
                problems += exc.problems
                continue
            placed.setdefault(row.pack, []).append(item)
        return placed, problems

    # -- 4, 5. the packs, published together -----------------------------------
    def _publish(self, plan: MeetingPlan, placed: dict[str, list[PlacedItem]],
                 formats: tuple[str, ...], result: PackResult,
                 caches: dict[bool, ItemCache], workers: Workers) -> list[Path]:
        stage = Stage({PUBLIC: plan.public_dir, EXEMPT: plan.exempt_dir})
        try:
            for pack in (PUBLIC, SUPPLEMENTARY, EXEMPT):
                if pack == PUBLIC or placed.get(pack):
                    self._pack(plan, pack, placed.get(pack, []), formats, stage, result,
                               caches[pack == EXEMPT], workers)
            stage.write(PUBLIC, "index.html", compose_index(
                plan, {PACK_LABELS[p]: PACK_FILES[p] for p in (PUBLIC, SUPPLEMENTARY)
                       if p == PUBLIC or placed.get(p)},
                self.builder.templates, self.house).encode("utf-8"))
            return stage.publish()
        finally:
            stage.discard()

    # -- one pack ----------------------------------------------------------
    def _pack(self, plan: MeetingPlan, pack: str, items: list[PlacedItem],
              formats: tuple[str, ...], stage: Stage, result: PackResult,
              cache: ItemCache, workers: Workers) -> None:
        """Lay out the front sheet, merge the pack, stamp it; stage it and each item's
        files. Front sheets, stamps and stamped reports are cached like the reports;
        the stamps are laid out by the workers, in chunks, while this process merges."""

        from reportgen.pack.fonts import share_fonts
        from reportgen.pack.merge import (
            displayed_size,
            merge,
            open_part,
            stamp,
            to_bytes,
            ua_warning,
        )
        from reportgen.pack.stamp import StampPages, stamp_chunks

        front = self._front_sheet(plan, pack, items, cache, workers)
        parts = [open_part(front, name="the front sheet")]
        first_item_page = len(parts[0].pdf.pages) + 1
        title = str(parts[0].pdf.docinfo.get("/Title", PACK_FILES[pack]))
        labels = []
        for item in items:
            labels += [""] * item.report_pages
            for appendix in item.appendices:
                labels += [appendix.label] * appendix.pages
        for item in items:
            # Bookmarks: "6. Title" with the report's headings, its appendices under it
            # (a row with appendices only gets its "3. Title" from its first appendix).
            if item.output is not None:
                parts.append(open_part(item.output.files["pdf"], item.plan.bookmark,
                                       name=item.plan.entry.report.name,
                                       title=item.plan.title))
            parts += [open_part(a.data, a.bookmark, item.plan.bookmark, a.path.name, a.title)
                      for a in item.appendices]
        if (warning := ua_warning(PACK_FILES[pack], parts)) is not None:
            result.warnings.append(warning)
        sizes = [displayed_size(page) for part in parts[1:] for page in part.pdf.pages]
        chunks = stamp_chunks(self.builder, first_item_page, labels, sizes)
        html = "".join(chunks)
        keys = [blob_key("stamps", chunk) for chunk in chunks]
        laying_out = {key: workers.submit(lay_out_pdf, self.house, chunk, False)
                      for key, chunk in zip(keys, chunks, strict=True) if not cache.has(key)}

        @functools.cache
        def stamps() -> StampPages:
            return StampPages([cache.blob(key, lambda key=key: laying_out[key].result())
                               for key in keys])

        def merged_pack() -> bytes:
            merged = merge(parts, title)
            if labels:
                stamp(merged, list(range(first_item_page - 1, len(merged.pages))), stamps())
            share_fonts(merged)  # after stamping: the stamps' font subsets join in
            return to_bytes(merged)

        # The merged, stamped pack is kept under a key of everything in it, so a
        # rebuild with nothing changed does not merge and repair its tags again.
        contents: list[object] = []
        for item in items:
            contents += [item.output.key if item.output else "", item.plan.bookmark]
            for appendix in item.appendices:
                contents += [appendix.bookmark, appendix.data]
        key = blob_key("pack", title, front, html, *contents)
        data = cache.blob(key, merged_pack)
        folder = EXEMPT if pack == EXEMPT else PUBLIC
        for item in items:
            self._stage_item(item, stamps, html, first_item_page, formats, stage, folder,
                             cache, result)
        result.pages += first_item_page - 1 + sum(item.pages for item in items)
        stage.write(folder, PACK_FILES[pack], data)

    def _stage_item(self, item: PlacedItem, stamps, html: str, first_item_page: int,
                    formats, stage: Stage, folder: str, cache: ItemCache,
                    result: PackResult) -> None:
        """An item's own files, its PDF stamped with the pack's page numbers, and each
        appendix on its own, so a resident can open one alone."""
        from reportgen.pack.merge import open_part, stamp, to_bytes

        if item.output is not None:
            def stamped(output=item.output, page=item.start - first_item_page) -> bytes:
                own = open_part(output.files["pdf"]).pdf
                stamp(own, list(range(output.pages)), stamps(), page)
                return to_bytes(own)

            pdf = cache.blob(blob_key("item", item.output.key, item.start, html), stamped)
            files = dict(item.output.files, pdf=pdf)
            for fmt in formats:
                if fmt in files:
                    stage.write(folder, f"{ITEMS_FOLDER}/{item.plan.stem}.{fmt}", files[fmt])
        for appendix, appendix_plan in zip(item.appendices, item.plan.appendices,
                                           strict=True):
            stage.write(folder, f"{ITEMS_FOLDER}/{appendix_plan.stem}.pdf", appendix.data)
        result.items += 1

    def _front_sheet(self, plan: MeetingPlan, pack: str, items: list[PlacedItem],
                     cache: ItemCache, workers: Workers) -> bytes:
        """The front sheet's PDF, with each item's page range; laid out again if the
        page references changed its length (they seldom do)."""
        import pikepdf

        def lay_out(pages: dict[str, tuple[int, int]]) -> tuple[bytes, int]:
            html = compose_front_sheet(plan, pack, pages, self.builder.templates,
                                       self.house)
            data = cache.blob(blob_key("front", html),
                              lambda: workers.submit(lay_out_pdf, self.house, html).result())
            with pikepdf.open(io.BytesIO(data)) as pdf:
                return data, len(pdf.pages)

        data, length = lay_out({})
        for _ in range(MAX_FRONT_SHEET_PASSES):
            start = length + 1
            for item in items:
                item.start = start
                start += item.pages
            data, final = lay_out({item.plan.stem: (item.start, item.start + item.pages - 1)
                                   for item in items})
            if final == length:
                return data
            length = final
        raise InputError(Problem(plan.meeting.source, "the agenda front sheet changes length "
                                 "each time its page numbers are filled in; shorten an "
                                 "item's title or text so it settles", "Agenda"))


def _pdf_report(row: ItemPlan, result: PackResult) -> ItemOutput:
    """A finished PDF in the Report column: included as it is (made safe to publish)."""
    report = read_pdf_report(row.entry.report, result.warnings)
    return ItemOutput({"pdf": report.data}, report.pages, row.title, key=row.cache_key)


__all__ = ["CACHE_FOLDER", "PACK_FILES", "PackBuilder", "PackResult"]
