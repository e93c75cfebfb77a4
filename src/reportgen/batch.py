"""Batch runs: every meeting under a folder, in parallel, rebuilding only what changed.

Each meeting's output folder keeps a manifest (pack.manifest): a meeting
whose inputs, templates and configuration are unchanged, and whose outputs are
all still there, is not built again.
"""

from __future__ import annotations

import contextlib
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


def build_meeting(packer, meeting_path: Path, out_dir: Path, force: bool,
                  strict: bool = False) -> MeetingOutcome:
    """Build one meeting with packer (a pack.build.PackBuilder) if anything it depends
    on changed (pack.manifest); unchanged reports are taken from the cache."""
    started = time.perf_counter()
    outcome = MeetingOutcome(meeting_path, FAILED)
    try:
        result = packer.build(meeting_path, out_dir, strict=strict, force=force)
        outcome.status = UNCHANGED if result.unchanged else BUILT
        outcome.items, outcome.pages = result.items, result.pages
        outcome.warnings = result.warnings
    except InputError as exc:
        outcome.problems = exc.problems
    outcome.seconds = time.perf_counter() - started
    return outcome


def run_batch(meetings: list[Path], out_root: Path, jobs: int | None, force: bool,
              house, strict: bool = False):
    """Build each meeting in the house style (a house.House), one after another, each
    meeting's items laid out in parallel on one pool of worker processes; yield each
    outcome. Then write the public index, calendar and feed (cycle.public) of the
    meetings whose outputs are there; a meeting that can no longer be read is left
    out of them, with a warning on its outcome."""
    from reportgen.cycle.public import publish_listing
    from reportgen.pack.build import PackBuilder
    from reportgen.pack.render import start_worker

    jobs = max(1, jobs or os.cpu_count() or 1)
    pool = ProcessPoolExecutor(max_workers=jobs, initializer=start_worker,
                               initargs=(house,)) if jobs > 1 else None
    built, outcomes = [], {}
    with pool or contextlib.nullcontext():
        packer = PackBuilder(house, jobs, pool)
        for meeting in meetings:
            out_dir = Path(out_root) / meeting.stem
            outcome = outcomes[meeting] = build_meeting(packer, meeting, out_dir, force, strict)
            if (out_dir / "index.html").is_file():
                built.append((meeting, out_dir))
            yield outcome
    _, left_out = publish_listing(built, Path(out_root), house)
    for warning in left_out:  # said with the meeting's outcome, printed after the last
        outcomes[warning.file].warnings.append(warning)
