"""The address codes an ID number can start with: GB/T 2260, with every withdrawn code.

Positions 1-6 of an ID number are the GB/T 2260 division code of the county, city or district
where the number was first issued, and a number keeps that code for life: counties merge,
split and are renamed, their codes are withdrawn (and now and then given to another county),
but people go on carrying the old ones. So the table holds every code ever issued, current
or not.

The table is python-stdnum's (``stdnum/cn/loc.dat``, the file its ``cn.ric`` checks
numbers against), read through its documented ``stdnum.numdb`` interface: a library kept
up to date as divisions change, rather than a list of our own that would silently age.
It was checked against python-stdnum 2.2 (6,885 codes); :func:`table_version` says which
version a terminal runs.

The table also says in which years each county held its code. Those years are not used: a
number gets its code when it is first issued, often decades after birth, so a code created
after the birth year is normal; and old codes were still written on new cards for a while
after a change, so refusing a code withdrawn before the birth year could lock a resident
out of their own file over a date in an encyclopaedia.

The demo's story households have numbers built on :data:`DEMO_ADDRESS_CODE`, which GB/T
2260 has never issued. Only :func:`demo_address_codes` accepts it, and only a terminal that
runs on the public demo ID-hash key is given that table (see ``kiosk/app.py``): a real
terminal refuses those numbers like any other made-up one.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

ADDRESS_CODE_LENGTH = 6

#: A Guizhou county code that GB/T 2260 has never issued (the province's codes end well
#: below it), on which the demo's published story numbers are built.
DEMO_ADDRESS_CODE = "529999"


@dataclass(frozen=True)
class AddressCodes:
    """A set of 6-digit address codes, and what the first digits of one can still become.

    Both questions are set look-ups, so asking them at every key press costs nothing.
    """

    codes: frozenset[str]
    _beginnings: frozenset[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        for code in self.codes:
            if len(code) != ADDRESS_CODE_LENGTH or not code.isascii() or not code.isdigit():
                raise ValueError("an address code is 6 ASCII digits")
        beginnings = {code[:end] for code in self.codes for end in range(1, 7)}
        object.__setattr__(self, "_beginnings", frozenset(beginnings))

    def __contains__(self, code: object) -> bool:
        return code in self.codes

    def __len__(self) -> int:
        return len(self.codes)

    def __iter__(self) -> Iterator[str]:
        return iter(sorted(self.codes))

    def could_begin(self, digits: str) -> bool:
        """Whether some code starts with these 1 to 6 digits."""
        return digits in self._beginnings

    def provinces(self) -> frozenset[str]:
        """The 2-digit province codes the codes start with."""
        return frozenset(code[:2] for code in self.codes)

    def with_codes(self, extra: Iterable[str]) -> AddressCodes:
        return AddressCodes(self.codes | frozenset(extra))


def _expand(low: str, high: str) -> Iterator[str]:
    """Every code of a numdb range such as ``0101-0105`` (most ranges are one code)."""
    width = len(low)
    for number in range(int(low), int(high) + 1):
        yield f"{number:0{width}d}"


def table_version() -> str:
    """The python-stdnum release whose table is in use."""
    from importlib.metadata import version

    return version("python-stdnum")


@functools.cache
def gb2260() -> AddressCodes:
    """Every GB/T 2260 address code ever issued, current and withdrawn (read once).

    About 0.2 s the first time, so the kiosk asks for it while starting, not at the first
    key press; stdnum is imported here for the same reason.
    """
    from stdnum import numdb

    codes: set[str] = set()
    # numdb's tree: 2-digit provinces, under each its 4-digit rest of the county codes.
    for length, low, high, _props, children in numdb.get("cn/loc").prefixes:
        if length != 2:
            continue
        for province in _expand(low, high):
            for child_length, child_low, child_high, _child_props, _ in children:
                if child_length == ADDRESS_CODE_LENGTH - 2:
                    codes.update(province + rest for rest in _expand(child_low, child_high))
    return AddressCodes(frozenset(codes))


@functools.cache
def demo_address_codes() -> AddressCodes:
    """GB/T 2260 and the demo's unissued code: for a terminal on the public demo key only."""
    return gb2260().with_codes([DEMO_ADDRESS_CODE])
