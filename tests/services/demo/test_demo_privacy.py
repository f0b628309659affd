"""No ID number in clear anywhere in the store file: the issue's acceptance check."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from kiosk.domain.address_codes import demo_address_codes
from kiosk.domain.idnumber import IdNumberError, parse_id_number
from kiosk.services.demo import SCENARIOS

#: Every 18-character window that looks like an ID number, overlapping ones included.
_CANDIDATE = re.compile(rb"(?=([0-9]{17}[0-9Xx]))")


def _store_bytes(path: Path) -> bytes:
    """The database file and, if present, its write-ahead log."""
    wal = path.with_name(path.name + "-wal")
    return path.read_bytes() + (wal.read_bytes() if wal.exists() else b"")


def test_no_clear_id_numbers_in_store_file(tmp_path: Path, run_demo: Callable[..., int]) -> None:
    """After `kiosk demo-data --households 600`, no digit run in the raw file is a valid ID."""
    path = tmp_path / "kiosk.sqlite3"
    assert run_demo(path, households=600) == 0  # the command closes its engine
    data = _store_bytes(path)
    candidates = {match.group(1).decode("ascii") for match in _CANDIDATE.finditer(data)}
    valid = []
    for candidate in candidates:
        try:
            # The demo table: the story code counts as a number here too.
            parse_id_number(candidate, addresses=demo_address_codes())
        except IdNumberError:
            continue
        valid.append(candidate[:4] + "…")  # never print a whole number, even a failing one
    assert valid == []
    for scenario in SCENARIOS:
        assert scenario.head_id_number.encode("ascii") not in data
        assert scenario.head_id_number[:17].encode("ascii") not in data
