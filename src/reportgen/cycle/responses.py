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

# --- input contract: optional Recommendations columns (to move into reportgen.contract) ---
TRACKER_DATE_COLUMNS: dict[str, tuple[str, ...]] = {
    "review": ("Origin", "Scrutiny report"),
    "report_date": ("Date",),
    "executive_date": ("Exec date", "Cabinet date", "Date to Cabinet"),
}
# ------------------------------------------------------------------------------------------

RESPONSE_MONTHS = 2
DUE_SOON = timedelta(days=28)  # warn a month ahead: time to put it on a Cabinet agenda


def extra_column(rec: Recommendation, key: str) -> tuple[str, str]:
    """(text, where) of one of the columns above, read from the recommendation's extra
    columns until the reader knows them; where falls back to the row's Ref cell."""
    names = {normalise(n) for n in (key.replace("_", " "), *TRACKER_DATE_COLUMNS[key])}
    text = next((v for label, v in rec.extra.items() if normalise(label) in names), "")
    where = rec.cells.get(key) or rec.cells.get("ref") or rec.cells.get("recommendation", "")
    return text, where


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
        received = parse_date(extra_column(rec, "executive_date")[0])
        if received is not None and not rec.decision:
            review = extra_column(rec, "review")[0]
            awaiting.setdefault((review, received), []).append(rec)
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
            " no Decision", recs[0].cells.get("decision") or extra_column(recs[0],
                                                                        "executive_date")[1],
            "warning"))
    return warnings


def _stale_updates(item: Item, today: date, months: int) -> list[Problem]:
    warnings = []
    for rec in item.recommendations:
        updated = parse_date(rec.updated)
        if updated is None or normalise(rec.status) in DONE:
            continue
        if add_months(updated, months) < today:
            warnings.append(Problem.at(
                item.source, f"recommendation {rec.ref} has had no progress update since "
                f"{long_date(updated)}, more than {months} months ago (the monitoring "
                "interval)", rec.cells.get("updated", ""), "warning"))
    return warnings
