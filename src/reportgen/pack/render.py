"""Rendering one agenda item for a pack, in a worker process, with a cache.

A worker reads, composes and lays out an item once, and returns every format
as bytes. The page numbers are not in that layout: they depend on where the
item falls in its pack, and are stamped on when the pack is put together,
so a rendering can be reused whatever comes before it.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from reportgen import __version__
from reportgen.errors import InputError, Problem
from reportgen.house import House

CACHE_FOLDER = ".reportgen-cache"


@dataclass
class ItemJob:
    path: Path
    agenda_item: str
    house: House
    formats: tuple[str, ...] = ("pdf", "docx", "html")


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


def render_item(job: ItemJob) -> ItemOutput:
    """Read, compose and lay out one item (runs in a worker process)."""
    builder = _builder(job.house)
    try:
        rendered = builder.render(job.path, agenda_item=job.agenda_item,
                                  page_numbers=False)
        files = builder.outputs(rendered, job.formats)
    except InputError as exc:
        return ItemOutput(problems=exc.problems)
    return ItemOutput(files, rendered.pages, rendered.item.title or "Untitled report")


def job_key(job: ItemJob, environment: str) -> str:
    """What an item's rendering depends on: its workbook and sections files, its
    agenda number, the templates and configuration, reportgen's version."""
    digest = hashlib.sha256(f"{__version__}\n{environment}\n{job.agenda_item}\n"
                            f"{','.join(job.formats)}\n".encode())
    digest.update(Path(job.path).read_bytes())
    sections = Path(job.path).parent / "sections"
    if sections.is_dir():
        for md in sorted(sections.glob("*.md")):
            digest.update(md.name.encode() + md.read_bytes())
    return digest.hexdigest()[:32]


class ItemCache:
    """Renderings kept in the output folder, so an unchanged item is not laid out again."""

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
        """Drop renderings no item uses any more."""
        if not self.folder.is_dir():
            return
        for path in self.folder.iterdir():
            if path.name.split(".")[0] not in self.used:
                path.unlink(missing_ok=True)


def blob_key(*parts: object) -> str:
    digest = hashlib.sha256(__version__.encode())
    for part in parts:
        digest.update(b"\0" + (part if isinstance(part, bytes) else str(part).encode()))
    return digest.hexdigest()[:32]


class NoCache(ItemCache):
    """For exempt reports: nothing of them is kept beside the published files."""

    def get(self, key: str) -> ItemOutput | None:
        return None

    def put(self, key: str, output: ItemOutput) -> None:
        pass

    def blob(self, key: str, make) -> bytes:
        return make()
