"""Statutory publication deadline for a meeting's agenda and reports.

Section 100B of the Local Government Act 1972: the agenda and reports are
open to inspection at least five clear working days before the meeting.
Clear days leave out the day of publication and the day of the meeting;
working days leave out weekends and bank holidays (England and Wales, from
the holidays library).
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

CLEAR_WORKING_DAYS = 5


@lru_cache(maxsize=8)
def _bank_holidays(year: int):
    import holidays

    return holidays.country_holidays("GB", subdiv="ENG", years=range(year - 1, year + 2))


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and day not in _bank_holidays(day.year)


def publication_deadline(meeting: date) -> date:
    """The last working day on which the agenda can be published."""
    day, counted = meeting - timedelta(days=1), 0
    while counted < CLEAR_WORKING_DAYS:
        if is_working_day(day):
            counted += 1
        day -= timedelta(days=1)
    while not is_working_day(day):
        day -= timedelta(days=1)
    return day


def long_date(day: date) -> str:
    return f"{day:%A} {day.day} {day:%B %Y}"
