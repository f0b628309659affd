"""What every benchmark prints: the machine it ran on, percentiles, and a short table.

Benchmarks measure; they never assert. Each figure is printed next to the machine's load
average, because this kind of machine is often shared and a busy neighbour moves the
figures; and each is measured against a baseline taken in the same run, so a ratio stays
meaningful when the absolute figures do not.
"""

from __future__ import annotations

import argparse
import os
import platform
import sqlite3
import statistics
import sys
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_MEMBERS = 1_000_000


def cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as cpuinfo:
            for line in cpuinfo:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def load_average() -> str:
    try:
        one, five, fifteen = os.getloadavg()
    except OSError:
        return "unknown"
    return f"{one:.2f} {five:.2f} {fifteen:.2f}"


def pyside_version() -> str:
    try:
        import PySide6
    except ImportError:
        return "not installed"
    return PySide6.__version__


def machine_rows() -> list[tuple[str, str]]:
    return [
        ("cpu", cpu_model()),
        ("cores", str(os.cpu_count())),
        ("python", platform.python_version()),
        ("pyside6", pyside_version()),
        ("sqlite", sqlite3.sqlite_version),
        ("load average (1, 5, 15 min)", load_average()),
    ]


def print_machine(title: str) -> None:
    print(title)
    print_table(("machine", ""), machine_rows())
    print()


def print_table(header: Sequence[str], rows: Sequence[Sequence[object]]) -> None:
    """A plain left-aligned text table (the first column) with right-aligned figures."""
    cells = [[str(cell) for cell in header]] + [[str(cell) for cell in row] for row in rows]
    widths = [max(len(row[i]) for row in cells if i < len(row)) for i in range(len(header))]
    for index, row in enumerate(cells):
        parts = [
            cell.ljust(widths[i]) if i == 0 else cell.rjust(widths[i]) for i, cell in enumerate(row)
        ]
        print("  ".join(parts).rstrip())
        if index == 0:
            print("  ".join("-" * width for width in widths))


def percentile(values: Sequence[float], fraction: float) -> float:
    """The ``fraction`` quantile (0.5, 0.95, 0.99) by linear interpolation between ranks."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    rank = fraction * (len(ordered) - 1)
    low = int(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def median(values: Sequence[float]) -> float:
    return statistics.median(values)


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.3f}" if seconds < 0.01 else f"{seconds * 1000:.1f}"


def mib(size_bytes: float) -> str:
    return f"{size_bytes / 2**20:,.1f}"


def verdict(value: float, target: float) -> str:
    """'yes' or 'NO': whether a figure is within its target (a report, not an assertion)."""
    return "yes" if value <= target else "NO"


def base_parser(description: str, *, members: int = DEFAULT_MEMBERS) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument(
        "--members",
        type=int,
        default=members,
        metavar="N",
        help=f"members in the benchmark store (default {members:,})",
    )
    parser.add_argument(
        "--quick",
        action="store_true",
        help="fewer repetitions, for checking that the script runs; figures are rough",
    )
    return parser


def rss_now_kib() -> int:
    """Resident set size of this process now, in KiB (from /proc)."""
    with open("/proc/self/status", encoding="utf-8") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def peak_rss_kib() -> int:
    """Peak resident set size of this process so far, in KiB (from /proc)."""
    with open("/proc/self/status", encoding="utf-8") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return 0


def python() -> str:
    """The interpreter running the benchmarks (the project's venv when run from it)."""
    return sys.executable
