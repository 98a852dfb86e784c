"""Working days in England: weekends and the England and Wales bank holidays excluded.

The bank holidays come from the ``holidays`` package (substitute days included), never from a
list typed here: a new or moved bank holiday (a coronation, a jubilee) arrives with an update.
"""

import datetime
from functools import cache

import holidays

ONE_DAY = datetime.timedelta(days=1)


@cache
def _bank_holidays(year: int) -> frozenset:
    return frozenset(holidays.country_holidays("GB", subdiv="ENG", years=year))


def is_working_day(day: datetime.date) -> bool:
    return day.weekday() < 5 and day not in _bank_holidays(day.year)


def working_days_add(start: datetime.date, days: int) -> datetime.date:
    """The date ``days`` working days after ``start`` (the day itself does not count).

    "Within 5 working days of becoming aware on Friday" is the following Friday, or later when
    a bank holiday falls in between. A negative ``days`` counts back (a lead time before a date).
    """
    step = ONE_DAY if days >= 0 else -ONE_DAY
    day, left = start, abs(days)
    while left:
        day += step
        if is_working_day(day):
            left -= 1
    return day


def working_days_between(start: datetime.date, end: datetime.date) -> int:
    """Working days from ``start`` to ``end``: positive when ``end`` is later, negative when earlier.

    Today to a deadline tomorrow is 1; a deadline that was yesterday is -1. Counted by
    arithmetic rather than day by day: a list of long-overdue cases asks this for every row.
    """
    if end == start:
        return 0
    sign = 1 if end > start else -1
    low, high = sorted((start, end))
    weekdays = _weekdays_up_to(high) - _weekdays_up_to(low)
    holidays_between = sum(
        1
        for year in range(low.year, high.year + 1)
        for day in _bank_holidays(year)
        if low < day <= high and day.weekday() < 5
    )
    return sign * (weekdays - holidays_between)


def _weekdays_up_to(day: datetime.date) -> int:
    """Monday-to-Friday days from a fixed Monday up to and including ``day``."""
    days = (day - _EPOCH).days + 1
    weeks, rest = divmod(days, 7)
    return weeks * 5 + min(rest, 5)


_EPOCH = datetime.date(1999, 12, 27)  # a Monday before any date a case may hold


def months_add(start: datetime.date, months: int) -> datetime.date:
    """The same day ``months`` calendar months later; the month's last day when it has no such day."""
    month_index = start.month - 1 + months
    year, month = start.year + month_index // 12, month_index % 12 + 1
    for day in (start.day, 30, 29, 28):
        try:
            return datetime.date(year, month, day)
        except ValueError:
            continue
    raise ValueError(start)
