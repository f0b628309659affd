"""A county-sized file imports in reasonable time, and again as a no-op."""

from __future__ import annotations

import time

import pytest

from kiosk.services.importer import Kind
from tests.services.importer.bench import Bench


@pytest.mark.slow
def test_ten_thousand_members(bench: Bench) -> None:
    """10,000 members of 2,500 households import in well under a minute, and re-import too."""
    # The bound is loose because test machines vary; test_no_select_per_row is the real
    # guard against one query per row.
    bench.base()
    file_numbers = [f"H{i:05d}" for i in range(2500)]
    assert bench.run(bench.households(*file_numbers)).ok
    rows = [
        bench.member_row(file_numbers[i // 4], i, relation="head" if i % 4 == 0 else "son")
        for i in range(10_000)
    ]
    path = bench.write("members.csv", bench.MEMBER_HEADER, rows)

    started = time.perf_counter()
    report = bench.run(path)
    first = time.perf_counter() - started
    assert report.ok, report.problem_lines()[:5]
    assert report.counts[Kind.MEMBERS].new == 10_000

    started = time.perf_counter()
    again = bench.run(path)
    second = time.perf_counter() - started
    assert again.counts[Kind.MEMBERS].unchanged == 10_000
    assert first < 60 and second < 30, (first, second)
