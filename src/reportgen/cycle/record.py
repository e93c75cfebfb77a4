"""`reportgen decisions`: the record of decisions of an executive meeting.

The public record goes in the meeting's public folder; when any item was
decided in private, the full record goes in the exempt folder beside it.
Decisions on scrutiny recommendations are written back into each item's
tracker (cycle.writeback). Everything is checked and made in memory first:
a refused tracker or a bad row writes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from reportgen.build import FORMATS, Builder
from reportgen.cycle.days import long_date
from reportgen.cycle.decisions import DecisionRecord, read_decisions
from reportgen.cycle.publish import compose_document, document_files, write_all
from reportgen.cycle.writeback import TrackerUpdate, write_back
from reportgen.errors import Problem
from reportgen.house import House
from reportgen.plan import resolve_meeting

STEM = "decisions"


@dataclass
class Published:
    """What `reportgen decisions` did."""

    record: DecisionRecord
    written: list[Path] = field(default_factory=list)
    updates: list[TrackerUpdate] = field(default_factory=list)

    @property
    def warnings(self) -> list[Problem]:
        return self.record.warnings


def compose_record(record: DecisionRecord, builder: Builder, full: bool) -> str:
    """The record as one HTML document: public (full=False) or exempt (full=True)."""
    meeting = record.meeting
    committee = meeting.field("committee") or "Executive"
    title = f"Record of decisions: {committee}, {long_date(meeting.date)}"
    return compose_document(
        builder, "cycle/decisions.html.j2", council=meeting.field("council"),
        title=title + (" (not for publication)" if full else ""), record=record,
        committee=committee, full=full, long_date=long_date,
        call_in_days=builder.house.cycle.call_in_working_days)


def publish_decisions(meeting_path: Path, out_dir: Path, exempt_dir: Path | None = None,
                      published: date | None = None, house: House | None = None,
                      tracker_write_back: bool = True,
                      formats: tuple[str, ...] = FORMATS) -> Published:
    """Write out_dir/decisions.* (and exempt_dir/decisions.* when an item was decided
    in private) and, when asked, the decisions into the trackers; InputError (and
    nothing written) on any problem. The meeting plan decides which items are exempt
    and where the exempt folder is (default: beside out_dir, its name with -exempt)."""
    builder = Builder(house)
    plan = resolve_meeting(meeting_path, builder.house, out_dir, exempt_dir)
    record = read_decisions(plan, published, builder.house.cycle)
    result = Published(record)
    files = document_files(builder, compose_record(record, builder, False), out_dir, STEM,
                           formats)
    if record.exempt:
        files |= document_files(builder, compose_record(record, builder, True),
                                plan.exempt_dir, STEM, formats)
    trackers = [d for d in record.decisions if d.tracker and d.recommendations]
    if tracker_write_back:  # a tracker that cannot be written stops it all, first
        for decision in trackers:
            write_back(decision.tracker, decision.recommendations, record.meeting.date, True)
    result.written = write_all(files)
    if tracker_write_back:
        result.updates = [write_back(d.tracker, d.recommendations, record.meeting.date)
                          for d in trackers]
    return result
