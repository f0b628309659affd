"""The demo's fixed "today" and small date helpers that draw from the caller's generator.

Ages, payment schedules and loan states are all measured from :data:`REFERENCE_DATE`
rather than the clock, so the same seed gives the same rows on any day.
"""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta
from functools import cache

#: The day the demo data describes: nothing is paid, born or decided after it.
REFERENCE_DATE = date(2026, 11, 1)
#: Midnight of that day in China, as the UTC moment stored in ``updated_at`` columns.
REFERENCE_MOMENT = datetime(2026, 10, 31, 16, 0, tzinfo=UTC)
#: 建档立卡: the register of poor households was built in 2014.
REGISTER_YEAR = 2014
#: Guizhou's last poor counties were declared out of poverty in November 2020.
LAST_EXIT = date(2020, 11, 23)


def age_on(birth: date, on: date) -> int:
    """Whole years completed on ``on``."""
    return on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later, clamped to the 28th so every month has it."""
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, min(day.day, 28))


def random_date(rng: random.Random, first: date, last: date) -> date:
    """A day from ``first`` to ``last`` inclusive (``first`` if the range is empty)."""
    span = (last - first).days
    return first if span <= 0 else first + timedelta(days=rng.randint(0, span))


def birth_for_age(rng: random.Random, age: int) -> date:
    """A birth date giving exactly ``age`` on the reference date."""
    first, span = _births_at_age(age)
    # The same draw as random_date(rng, earliest, latest), without the date arithmetic.
    return date.fromordinal(first + rng.randint(0, span))


@cache
def _births_at_age(age: int) -> tuple[int, int]:
    """The first birth date giving ``age`` (as an ordinal), and how many days follow it."""
    # REFERENCE_DATE is 1 November, which exists in every year, so replace() is safe.
    latest = REFERENCE_DATE.replace(year=REFERENCE_DATE.year - age)
    earliest = REFERENCE_DATE.replace(year=REFERENCE_DATE.year - age - 1) + timedelta(days=1)
    return earliest.toordinal(), (latest - earliest).days
