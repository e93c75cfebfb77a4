"""Batch runs: every meeting under a folder, in parallel, rebuilding only what changed.

Each meeting's output folder keeps a manifest (pack.manifest): a meeting
whose inputs, templates and configuration are unchanged, and whose outputs are
all still there, is not built again.
"""

from __future__ import annotations

import os
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from reportgen.errors import InputError, Problem

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
    """Every workbook with a Meeting sheet under folder (as `check` finds workbooks)."""
    from reportgen.readers.formats import workbooks_under
    from reportgen.readers.meeting import is_meeting_workbook

    return [path for path in workbooks_under([Path(folder)]) if is_meeting_workbook(path)]


def build_meeting(meeting_path: Path, out_dir: Path, config: Path | None,
                  force: bool, jobs: int = 1, executor=None,
                  strict: bool = False) -> MeetingOutcome:
    """Build one meeting if anything it depends on changed (pack.manifest); its items
    are laid out in parallel on executor (or jobs processes), unchanged ones taken
    from the cache."""
    from reportgen.house import House
    from reportgen.pack.build import PackBuilder

    started = time.perf_counter()
    outcome = MeetingOutcome(meeting_path, FAILED)
    try:
        packer = PackBuilder(House.load(config), jobs, executor)
        result = packer.build(meeting_path, out_dir, strict=strict, force=force)
        outcome.status = UNCHANGED if result.unchanged else BUILT
        outcome.items, outcome.pages = result.items, result.pages
        outcome.warnings = result.warnings
    except InputError as exc:
        outcome.problems = exc.problems
    outcome.seconds = time.perf_counter() - started
    return outcome


def run_batch(meetings: list[Path], out_root: Path, jobs: int | None, force: bool,
              config: Path | None, strict: bool = False):
    """Build each meeting, one after another, each meeting's items laid out in
    parallel on one pool of worker processes; yield each outcome. Then write the
    public index, calendar and feed (cycle.public) of the meetings whose outputs are
    there (a failed rebuild leaves the previous ones, still listed)."""
    from reportgen.cycle.public import publish_listing
    from reportgen.house import House

    built = []
    for outcome in _build_each(meetings, out_root, jobs, force, config, strict):
        out_dir = Path(out_root) / outcome.meeting.stem
        if (out_dir / "index.html").is_file():
            built.append((outcome.meeting, out_dir))
        yield outcome
    publish_listing(built, Path(out_root), House.load(config))


def _build_each(meetings: list[Path], out_root: Path, jobs: int | None, force: bool,
                config: Path | None, strict: bool):
    from reportgen.house import House
    from reportgen.pack.render import start_worker

    jobs = max(1, jobs or os.cpu_count() or 1)
    if jobs == 1:
        for meeting in meetings:
            yield build_meeting(meeting, Path(out_root) / meeting.stem, config, force,
                                strict=strict)
        return
    with ProcessPoolExecutor(max_workers=jobs, initializer=start_worker,
                             initargs=(House.load(config),)) as pool:
        for meeting in meetings:
            yield build_meeting(meeting, Path(out_root) / meeting.stem, config, force,
                                jobs, pool, strict)
