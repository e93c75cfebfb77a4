"""Batch runs: every meeting under a folder, in parallel, rebuilding only what changed.

A manifest in each meeting's output folder records the hashes of every file
its plan read and of the environment (templates, configuration, version); a
meeting whose hashes all match, and whose outputs are all still there, is not
built again. Each meeting is read once: its plan serves the manifest and the
build.
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
    plan: object = None  # the MeetingPlan, for the public index of every meeting


def find_meetings(folder: Path) -> list[Path]:
    """Every workbook with a Meeting sheet under folder (as `check` finds workbooks)."""
    from reportgen.readers.formats import workbooks_under
    from reportgen.readers.meeting import is_meeting_workbook

    return [path for path in workbooks_under([Path(folder)]) if is_meeting_workbook(path)]


def build_meeting(meeting_path: Path, out_dir: Path, config: Path | None,
                  force: bool, jobs: int = 1, executor=None,
                  strict: bool = False) -> MeetingOutcome:
    """Build one meeting if anything it depends on changed; its items are laid out
    in parallel on executor (or jobs processes), unchanged ones taken from the cache."""
    from reportgen.build import Builder
    from reportgen.check import plan_warnings
    from reportgen.fingerprint import environment_fingerprint, input_hashes
    from reportgen.house import House
    from reportgen.output import write_text
    from reportgen.pack.build import PackBuilder

    started = time.perf_counter()
    outcome = MeetingOutcome(meeting_path, FAILED)
    try:
        house = House.load(config)
        packer = PackBuilder(Builder(house), jobs, executor)
        plan = packer.resolve(meeting_path, out_dir)
        outcome.plan = plan
        manifest = {"environment": environment_fingerprint(house),
                    "inputs": input_hashes(plan.inputs)}
        previous = _read_manifest(out_dir)
        outputs_present = previous and all((out_dir / f).is_file()
                                           for f in previous.get("outputs", []))
        if not force and outputs_present and all(
                previous.get(k) == manifest[k] for k in ("environment", "inputs")):
            outcome.status, outcome.items = UNCHANGED, previous.get("items", 0)
            outcome.pages = previous.get("pages", 0)
            outcome.warnings = plan_warnings(plan, packer.builder.templates, _today(),
                                             house.cycle)
        else:
            import weasyprint  # noqa: F401 - before the pool forks, so workers share it

            result = packer.build(meeting_path, out_dir, plan=plan, strict=strict)
            outcome.status, outcome.items, outcome.pages = BUILT, result.items, result.pages
            outcome.warnings = result.warnings
            manifest.update(items=result.items, pages=result.pages,
                            outputs=sorted(str(p.relative_to(out_dir)) for p in result.written
                                           if p.is_relative_to(out_dir)))
            write_text(out_dir / MANIFEST, json.dumps(manifest, indent=1, sort_keys=True))
    except InputError as exc:
        outcome.problems = exc.problems
    outcome.seconds = time.perf_counter() - started
    return outcome


def _today():
    from datetime import date

    return date.today()


def _read_manifest(out_dir: Path) -> dict:
    try:
        return json.loads((out_dir / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


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
    from reportgen.pack.render import start_worker

    jobs = max(1, jobs or os.cpu_count() or 1)
    if jobs == 1:
        for meeting in meetings:
            yield build_meeting(meeting, Path(out_root) / meeting.stem, config, force,
                                strict=strict)
        return
    with ProcessPoolExecutor(max_workers=jobs, initializer=start_worker) as pool:
        for meeting in meetings:
            yield build_meeting(meeting, Path(out_root) / meeting.stem, config, force,
                                jobs, pool, strict)
