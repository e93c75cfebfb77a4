"""What a recommendations tracker says: statuses, RAG ratings, overdue items."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from reportgen.contract import RAG_RATINGS, STATUSES
from reportgen.model import Recommendation
from reportgen.readers.cells import normalise

# "Overdue" is worked out, but an officer may still type it.
STANDARD_STATUSES = (*STATUSES, "Overdue")
DONE = {normalise("Implemented"), normalise("Not accepted"), normalise("Complete"),
        normalise("Completed")}


def is_overdue(rec: Recommendation, on: date) -> bool:
    """Timeline date passed and not Implemented (or otherwise closed)."""
    if normalise(rec.status) in DONE:
        return False
    if normalise(rec.status) == "overdue":
        return True
    return rec.timeline_date is not None and rec.timeline_date < on


def mark_overdue(recs: list[Recommendation], on: date) -> None:
    for rec in recs:
        rec.overdue = is_overdue(rec, on)


@dataclass
class Summary:
    """Counts by status and by RAG rating, in a stable, readable order."""

    by_status: list[tuple[str, int]]
    by_rag: list[tuple[str, int]]
    overdue: int
    total: int


def summarise(recs: list[Recommendation]) -> Summary:
    statuses = Counter(r.status or "No status" for r in recs)
    order = [s for s in STANDARD_STATUSES if s in statuses]
    order += sorted(s for s in statuses if s not in STANDARD_STATUSES)
    rags = Counter(r.rag or "Not rated" for r in recs)
    rag_order = [r for r in (*RAG_RATINGS, "Not rated") if r in rags]
    rag_order += sorted(r for r in rags if r not in rag_order)
    return Summary([(s, statuses[s]) for s in order], [(r, rags[r]) for r in rag_order],
                   sum(r.overdue for r in recs), len(recs))
