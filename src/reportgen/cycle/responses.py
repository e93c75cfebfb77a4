"""When the executive must respond to scrutiny, and when progress updates go stale.

The executive responds to a scrutiny report within two months of receiving
it (section 9FE of the Local Government Act 2000): a tracker's Executive
date starts the clock, and a recommendation with no Decision by then is
overdue. A recommendation still open whose last progress update (Updated)
is older than the monitoring interval ([cycle] monitoring_interval_months,
default six) has gone stale.
"""

from __future__ import annotations

from datetime import date, timedelta

from reportgen.cycle.days import add_months, long_date
from reportgen.errors import Problem
from reportgen.house import CycleSettings
from reportgen.model import Item, Recommendation
from reportgen.readers.cells import normalise, parse_date
from reportgen.tracker import DONE

RESPONSE_MONTHS = 2
DUE_SOON = timedelta(days=28)  # warn a month ahead: time to put it on a Cabinet agenda


def tracker_warnings(item: Item, today: date,
                     settings: CycleSettings | None = None) -> list[Problem]:
    """Responses due or overdue (one warning per scrutiny report), and open
    recommendations with no progress update within the monitoring interval."""
    settings = settings or CycleSettings()
    return (_responses_due(item, today)
            + _stale_updates(item, today, settings.monitoring_interval_months))


def _responses_due(item: Item, today: date) -> list[Problem]:
    awaiting: dict[tuple[str, date], list[Recommendation]] = {}
    for rec in item.recommendations:
        if rec.executive_date is not None and not rec.decision:
            awaiting.setdefault((rec.review, rec.executive_date), []).append(rec)
    warnings = []
    for (review, received), recs in awaiting.items():
        due = add_months(received, RESPONSE_MONTHS)
        if today < due - DUE_SOON:
            continue
        state = "was due" if today > due else "is due"
        name = f"to {review} " if review else ""
        refs = ", ".join(r.ref for r in recs)
        warnings.append(Problem.at(
            item.source, f"the executive's response {name}(received {long_date(received)}) "
            f"{state} by {long_date(due)}, two months after the Executive date: "
            f"recommendation{'s' * (len(recs) > 1)} {refs} {'have' if len(recs) > 1 else 'has'}"
            " no Decision", recs[0].cells.get("decision") or recs[0].cells.get(
                "executive_date", ""), "warning"))
    return warnings


def _stale_updates(item: Item, today: date, months: int) -> list[Problem]:
    warnings = []
    for rec in item.recommendations:
        updated = rec.updated_date or parse_date(rec.updated)
        if updated is None or normalise(rec.status) in DONE:
            continue
        if add_months(updated, months) < today:
            warnings.append(Problem.at(
                item.source, f"recommendation {rec.ref} has had no progress update since "
                f"{long_date(updated)}, more than {months} months ago (the monitoring "
                "interval)", rec.cells.get("updated", ""), "warning"))
    return warnings
