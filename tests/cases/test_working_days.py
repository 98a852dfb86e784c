"""Working days across the bank holidays of England, against dates worked out by hand."""

import datetime

import pytest

from cases.working_days import months_add, working_days_add, working_days_between

D = datetime.date


@pytest.mark.parametrize(
    ("start", "days", "expected", "why"),
    [
        # Tue 23 Dec 2025: Wed 24 (1), Christmas Thu 25 and Boxing Day Fri 26, weekend,
        # Mon 29 (2), Tue 30 (3), Wed 31 (4), New Year's Day Thu 1 Jan, Fri 2 Jan (5).
        (D(2025, 12, 23), 5, D(2026, 1, 2), "Christmas and New Year"),
        # Fri 2 Jan 2026 + 15: three clear weeks, no bank holiday: Fri 23 Jan.
        (D(2026, 1, 2), 15, D(2026, 1, 23), "fifteen days after New Year"),
        # Thu 2 Apr 2026: Good Friday 3 Apr, weekend, Easter Monday 6 Apr; Tue 7 (1) … Mon 13 (5).
        (D(2026, 4, 2), 5, D(2026, 4, 13), "Easter"),
        # Fri 22 May 2026: late May bank holiday Mon 25; Tue 26 (1) … Mon 1 Jun (5).
        (D(2026, 5, 22), 5, D(2026, 6, 1), "late May bank holiday"),
        # Fri 28 Aug 2026: summer bank holiday Mon 31; Tue 1 Sep (1) … Mon 7 Sep (5).
        (D(2026, 8, 28), 5, D(2026, 9, 7), "August bank holiday"),
        # Christmas 2027 falls on a weekend: the substitute days are Mon 27 and Tue 28 Dec.
        (D(2027, 12, 24), 1, D(2027, 12, 29), "substitute days for a weekend Christmas"),
        # A Saturday awareness counts from the next working day: Mon 2 (1) … Fri 6 Mar (5).
        (D(2026, 2, 28), 5, D(2026, 3, 6), "a weekend start"),
        # Back 7 from Mon 13 Apr 2026: Fri 10 (1) … Tue 7 (4), Easter Monday and Good Friday,
        # Thu 2 (5), Wed 1 (6), Tue 31 Mar (7).
        (D(2026, 4, 13), -7, D(2026, 3, 31), "a lead time back across Easter"),
    ],
)
def test_working_days_skip_weekends_and_bank_holidays(start, days, expected, why):
    assert working_days_add(start, days) == expected, why


def test_working_days_between_counts_both_ways():
    assert working_days_between(D(2025, 12, 23), D(2026, 1, 2)) == 5
    assert working_days_between(D(2026, 1, 2), D(2025, 12, 23)) == -5
    # Overdue since Good Friday's eve: Thu 2 Apr to Tue 7 Apr is one working day later.
    assert working_days_between(D(2026, 4, 7), D(2026, 4, 2)) == -1
    assert working_days_between(D(2026, 4, 7), D(2026, 4, 7)) == 0


def test_six_months_keeps_the_day_or_takes_the_months_last():
    assert months_add(D(2026, 3, 15), 6) == D(2026, 9, 15)
    assert months_add(D(2026, 8, 31), 6) == D(2027, 2, 28)
    assert months_add(D(2027, 8, 31), 6) == D(2028, 2, 29)
    assert months_add(D(2026, 12, 5), -6) == D(2026, 6, 5)
