"""Batch runs: every meeting under a folder, in parallel, rebuilding only what changed.

A manifest in each meeting's output folder records the hashes of its inputs
and of the environment (templates, configuration, version); a meeting whose
hashes all match, and whose outputs are all still there, is not built again.
"""

from __future__ import annotations

import json
import os
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from reportgen.errors import InputError, Problem

MANIFEST = ".reportgen-manifest.json"
BUILT, UNCHANGED, FAILED = "built", "unchanged", "failed"


@dataclass
class MeetingOutcome:
    meeting: Path
    status: str
    items: int = 0
    pages: int = 0
    seconds: float = 0.0
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)


def find_meetings(folder: Path) -> list[Path]:
    """Every workbook with a Meeting sheet under folder (Excel lock files and
    hidden or underscore folders skipped)."""
    from reportgen.readers.meeting import is_meeting_workbook

    found = []
    for path in sorted(Path(folder).rglob("*.xlsx")):
        parts = path.relative_to(folder).parts
        if path.name.startswith(("~$", ".")) or any(p.startswith((".", "_")) for p in parts):
            continue
        if is_meeting_workbook(path):
            found.append(path)
    return found


def build_meeting(meeting_path: Path, out_dir: Path, config: Path | None,
                  force: bool, jobs: int = 1, executor=None) -> MeetingOutcome:
    """Build one meeting if anything it depends on changed; its items are laid out
    in parallel on executor (or jobs processes), unchanged ones taken from the cache."""
    from reportgen.build import Builder
    from reportgen.fingerprint import environment_fingerprint, meeting_inputs
    from reportgen.house import House
    from reportgen.output import write_text
    from reportgen.pack.build import PackBuilder
    from reportgen.readers.meeting import read_meeting

    started = time.perf_counter()
    outcome = MeetingOutcome(meeting_path, FAILED)
    try:
        house = House.load(config)
        meeting = read_meeting(meeting_path)
        manifest = {"environment": environment_fingerprint(house),
                    "inputs": meeting_inputs(meeting)}
        previous = _read_manifest(out_dir)
        outputs_present = previous and all((out_dir / f).is_file()
                                           for f in previous.get("outputs", []))
        if not force and outputs_present and all(
                previous.get(k) == manifest[k] for k in ("environment", "inputs")):
            outcome.status, outcome.items = UNCHANGED, previous.get("items", 0)
            outcome.pages = previous.get("pages", 0)
        else:
            import weasyprint  # noqa: F401 - before the pool forks, so workers share it

            result = PackBuilder(Builder(house), jobs, executor).build(meeting_path, out_dir)
            outcome.status, outcome.items, outcome.pages = BUILT, result.items, result.pages
            outcome.warnings = result.warnings
            manifest.update(items=result.items, pages=result.pages,
                            outputs=sorted(str(p.relative_to(out_dir)) for p in result.written))
            write_text(out_dir / MANIFEST, json.dumps(manifest, indent=1, sort_keys=True))
    except InputError as exc:
        outcome.problems = exc.problems
    outcome.seconds = time.perf_counter() - started
    return outcome


def _read_manifest(out_dir: Path) -> dict:
    try:
        return json.loads((out_dir / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def run_batch(folder: Path, out_root: Path, jobs: int | None, force: bool,
              config: Path | None):
    """Build every meeting under folder, one after another, each meeting's items
    laid out in parallel on one pool of worker processes; yield each outcome. Then
    write the public index, calendar and feed of the meetings built (cycle.public)."""
    from reportgen.cycle.public import publish_listing
    from reportgen.house import House

    built = []
    for outcome in _build_each(find_meetings(folder), out_root, jobs, force, config):
        if outcome.status != FAILED:
            built.append((outcome.meeting, Path(out_root) / outcome.meeting.stem))
        yield outcome
    publish_listing(built, Path(out_root), House.load(config))


def _build_each(meetings: list[Path], out_root: Path, jobs: int | None, force: bool,
                config: Path | None):
    jobs = max(1, jobs or os.cpu_count() or 1)
    if jobs == 1:
        for meeting in meetings:
            yield build_meeting(meeting, Path(out_root) / meeting.stem, config, force)
        return
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        for meeting in meetings:
            yield build_meeting(meeting, Path(out_root) / meeting.stem, config, force,
                                jobs, pool)
