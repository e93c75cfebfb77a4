"""Rendering one report for a pack, in a worker process, with a cache.

A worker composes and lays out a report once, and returns every format as
bytes. The page numbers are not in that layout: they depend on where the
report falls in its pack, and are stamped on when the pack is put together,
so a rendering can be reused whatever comes before it. Workers take the
records the plan read (nothing is read twice) and end with their parent.
"""

from __future__ import annotations

import json
import signal
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from reportgen.errors import InputError, Problem
from reportgen.house import House
from reportgen.model import Item

CACHE_FOLDER = ".reportgen-cache"
# A real report lays out in a few seconds; ten minutes means something is wrong
# with the input (or the machine), and the rest of the batch should go on.
SECONDS_PER_REPORT = 600
WORKER_MEMORY_BYTES = 6 * 1024**3  # address space; WeasyPrint peaks near 1 GB on 500 pages


@dataclass
class ItemJob:
    """One report to render: what the plan decided about it."""

    source: Path
    report_format: str  # plan.WORKBOOK or plan.WORD
    record: Item | None
    agenda_item: str
    title: str  # the agenda's title, for messages
    house: House
    formats: tuple[str, ...] = ("pdf", "docx", "html")
    exempt_paragraph: int | None = None
    appendices: tuple[tuple[str, str], ...] = ()  # (letter, title)
    reference_date: date | None = None
    word: object = None  # a Word report's readers.word.WordReport, read by the plan


@dataclass
class ItemOutput:
    files: dict[str, bytes] = field(default_factory=dict)  # format -> bytes
    pages: int = 0
    title: str = ""
    problems: list[Problem] = field(default_factory=list)
    cached: bool = False
    key: str = ""


_builders: dict[str, object] = {}


def _builder(house: House):
    """One Builder (templates compiled once) per house style in each process."""
    from reportgen.build import Builder

    key = repr(house)
    if key not in _builders:
        _builders[key] = Builder(house)
    return _builders[key]


class _OverBudget(Exception):
    pass


def _over_budget(signum, frame):
    raise _OverBudget


def render_item(job: ItemJob) -> ItemOutput:
    """Compose and lay out one report (runs in a worker process); any problem is
    returned as one line naming the item, never raised."""
    builder = _builder(job.house)
    previous = signal.signal(signal.SIGALRM, _over_budget)
    signal.alarm(SECONDS_PER_REPORT)
    try:
        rendered = builder.render_job(job)
        files = builder.outputs(rendered, job.formats)
    except InputError as exc:
        return ItemOutput(problems=exc.problems)
    except _OverBudget:
        return ItemOutput(problems=[_budget_problem(job, f"took longer than "
                                                    f"{SECONDS_PER_REPORT // 60} minutes")])
    except MemoryError:
        return ItemOutput(problems=[_budget_problem(
            job, f"needed more than {WORKER_MEMORY_BYTES // 1024**3} GB of memory")])
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    return ItemOutput(files, rendered.pages, rendered.title)


def _budget_problem(job: ItemJob, what: str) -> Problem:
    return Problem(job.source, f"agenda item {job.agenda_item} ({job.title}) {what} to lay "
                   "out and was stopped: look for an enormous table or cell in it")


def lay_out_pdf(house: House, html: str, tagged: bool = True) -> bytes:
    """A front sheet (tagged, its tags repaired) or page stamps (untagged: they become
    artifacts) laid out as a PDF; runs in a worker like render_item."""
    from reportgen.writers.pdf import pdf_bytes

    document = _builder(house).layout(html)
    return pdf_bytes(document) if tagged else document.write_pdf()


def start_worker(house: House | None = None) -> None:
    """Run in each worker process as it starts: end with the parent (a killed pack
    leaves no workers behind), cap the memory one report may take, and load WeasyPrint
    and the house's templates, while the parent reads the meeting."""
    import ctypes
    import resource

    try:
        libc = ctypes.CDLL("libc.so.6", use_errno=True)
        libc.prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except OSError:
        pass  # not Linux: workers still end when the pool shuts down
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    limit = WORKER_MEMORY_BYTES if hard == resource.RLIM_INFINITY else min(
        hard, WORKER_MEMORY_BYTES)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    if house is not None:  # a page of text sets up fontconfig, Pango and the templates
        try:
            _builder(house).layout('<!DOCTYPE html><html lang="en-GB"><p>Ready.</p></html>')
        except Exception:  # noqa: BLE001 - a failed warm-up must not break the pool:
            pass  # the report's own layout then says what is wrong, as one line


class Workers:
    """Where reports are laid out: worker processes, or this one when jobs is 1.

    Entered, a pool of its own starts its workers at once, so that they load
    WeasyPrint while this process reads the meeting; batch passes its shared pool
    (executor) instead. submit() returns a Future either way."""

    def __init__(self, house: House, jobs: int, executor: Executor | None = None):
        self.house, self.jobs, self.executor = house, jobs, executor
        self._own: ProcessPoolExecutor | None = None

    def __enter__(self) -> Workers:
        if self.jobs > 1 and self.executor is None:
            self._own = ProcessPoolExecutor(max_workers=self.jobs, initializer=start_worker,
                                            initargs=(self.house,))
            self._own.submit(int)  # starts every worker now (they fork together)
        return self

    def __exit__(self, *exc_info) -> None:
        if self._own is not None:
            self._own.shutdown(wait=True, cancel_futures=True)

    def submit(self, function, *args) -> Future:
        pool = self._own or (self.executor if self.jobs > 1 else None)
        if pool is not None:
            return pool.submit(function, *args)
        done: Future = Future()
        done.set_result(function(*args))
        return done


class ItemCache:
    """Renderings kept in an output folder, so an unchanged report is not laid out again."""

    def __init__(self, out_dir: Path):
        self.folder = Path(out_dir) / CACHE_FOLDER
        self.used: set[str] = set()

    def get(self, key: str) -> ItemOutput | None:
        self.used.add(key)
        meta = self.folder / f"{key}.json"
        try:
            info = json.loads(meta.read_text(encoding="utf-8"))
            files = {fmt: (self.folder / f"{key}.{fmt}").read_bytes() for fmt in info["formats"]}
        except (OSError, ValueError, KeyError):
            return None
        return ItemOutput(files, info["pages"], info["title"], cached=True, key=key)

    def put(self, key: str, output: ItemOutput) -> None:
        from reportgen.output import write_bytes, write_text

        self.used.add(key)
        for fmt, data in output.files.items():
            write_bytes(self.folder / f"{key}.{fmt}", data)
        write_text(self.folder / f"{key}.json", json.dumps(
            {"pages": output.pages, "title": output.title, "formats": sorted(output.files)}))

    def has(self, key: str) -> bool:
        """True when blob(key, ...) will read its bytes from the cache (kept on prune)."""
        self.used.add(key)
        return (self.folder / f"{key}.bin").is_file()

    def blob(self, key: str, make) -> bytes:
        """The bytes cached under key, or make() them and keep them."""
        from reportgen.output import write_bytes

        self.used.add(key)
        path = self.folder / f"{key}.bin"
        try:
            return path.read_bytes()
        except OSError:
            data = make()
            write_bytes(path, data)
            return data

    def prune(self) -> None:
        """Drop renderings no report uses any more."""
        if not self.folder.is_dir():
            return
        for path in self.folder.iterdir():
            if path.name.split(".")[0] not in self.used:
                path.unlink(missing_ok=True)


def blob_key(*parts: object) -> str:
    import hashlib

    from reportgen import __version__

    digest = hashlib.sha256(__version__.encode())
    for part in parts:
        digest.update(b"\0" + (part if isinstance(part, bytes) else str(part).encode()))
    return digest.hexdigest()[:32]
