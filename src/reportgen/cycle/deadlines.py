"""Statutory publication deadline for a meeting's agenda and reports.

Section 100B of the Local Government Act 1972: the agenda and reports are
open to inspection at least five clear working days before the meeting.
Clear days leave out the day of publication and the day of the meeting;
working days leave out weekends and bank holidays (cycle.days).
"""

from __future__ import annotations

from datetime import date

from reportgen.cycle.days import add_working_days, is_working_day, long_date

__all__ = ["CLEAR_WORKING_DAYS", "is_working_day", "long_date", "publication_deadline"]

CLEAR_WORKING_DAYS = 5


def publication_deadline(meeting: date) -> date:
    """The last working day on which the agenda can be published."""
    return add_working_days(meeting, -(CLEAR_WORKING_DAYS + 1))
