"""Counting days the way the access-to-information rules count them.

Working days leave out Saturdays, Sundays and the bank holidays of England
and Wales (substitute days included, from the holidays library). Clear days
leave out the day something happens and the day it counts towards: a notice
published on the 1st is 28 clear days before a meeting on the 30th.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from functools import lru_cache

_DAY = timedelta(days=1)


@lru_cache(maxsize=8)
def _bank_holidays(year: int):
    import holidays

    return holidays.country_holidays("GB", subdiv="ENG", years=range(year - 1, year + 2))


def is_working_day(day: date) -> bool:
    """Monday to Friday and not a bank holiday in England and Wales."""
    return day.weekday() < 5 and day not in _bank_holidays(day.year)


def add_working_days(day: date, count: int) -> date:
    """The count-th working day after day (before it when count is negative);
    day itself is never counted."""
    step = _DAY if count >= 0 else -_DAY
    for _ in range(abs(count)):
        day += step
        while not is_working_day(day):
            day += step
    return day


def next_working_day(day: date) -> date:
    return add_working_days(day, 1)


def clear_days_between(first: date, last: date) -> int:
    """Whole days strictly between first and last (neither counted); 0 when none."""
    return max((last - first).days - 1, 0)


def latest_date_for_clear_days(event: date, clear_days: int) -> date:
    """The last day on which something can happen clear_days clear days before event."""
    return event - timedelta(days=clear_days + 1)


def add_months(day: date, months: int) -> date:
    """The same day of the month months later, or the month's last day when it is
    shorter (31 December + 2 months = 28 or 29 February)."""
    month_index = day.year * 12 + day.month - 1 + months
    year, month = divmod(month_index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def long_date(day: date) -> str:
    """Tuesday 21 March 2017."""
    return f"{day:%A} {day.day} {day:%B %Y}"
