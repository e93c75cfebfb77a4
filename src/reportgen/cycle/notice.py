"""`reportgen forward-plan`: the notice of key decisions for a period.

Key decisions dated in the period (from a date, for a number of months)
and those not yet dated, from the forward plan workbooks and Cabinet items
under a folder, written as PDF, DOCX and HTML (forward-plan.*).
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from reportgen.build import FORMATS, Builder
from reportgen.cycle.days import add_months, long_date
from reportgen.cycle.forward_plan import KeyDecision, collect
from reportgen.cycle.publish import compose_document, document_files, write_all
from reportgen.house import House

STEM = "forward-plan"
DEFAULT_MONTHS = 4


def in_period(decisions: list[KeyDecision], start: date, months: int) -> list[KeyDecision]:
    """Decisions dated from start to the day before start + months, then undated ones."""
    end = add_months(start, months)
    dated = [d for d in decisions if d.decision_date and start <= d.decision_date < end]
    return dated + [d for d in decisions if d.decision_date is None]


def compose_notice(decisions: list[KeyDecision], start: date, months: int,
                   builder: Builder) -> str:
    """The notice as one HTML document; start is also its publication date."""
    end = add_months(start, months) - timedelta(days=1)
    return compose_document(
        builder, "cycle/forward-plan.html.j2", title=f"Notice of key decisions, "
        f"{long_date(start)} to {long_date(end)}", decisions=in_period(decisions, start, months),
        published=long_date(start), start=long_date(start), end=long_date(end),
        long_date=long_date)


def publish_notice(folder: Path, out_dir: Path, start: date, months: int = DEFAULT_MONTHS,
                   house: House | None = None,
                   formats: tuple[str, ...] = FORMATS) -> list[Path]:
    """Read every forward plan and Cabinet item under folder; write out_dir/forward-plan.*
    and return the paths. InputError (nothing written) when any input is broken."""
    builder = Builder(house)
    html = compose_notice(collect(folder).decisions, start, months, builder)
    return write_all(document_files(builder, html, out_dir, STEM, formats))
