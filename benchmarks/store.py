"""The benchmark store: a demo store of N members, generated once and reused.

``bench_store(n)`` returns ``var/bench/members-<n>.sqlite3``. The first call generates it
with :func:`kiosk.services.demo.generate_demo_data` (about ``n / 3.9`` households, seed
2014, the public demo ID-hash key and the built-in terminal) and prints how long that took;
later calls reuse the file. A generation that is interrupted leaves only a ``.partial``
file, which is never reused. Delete the file to generate it again (after a change to the
demo data, say).

Run on its own to make a store ahead of time::

    python benchmarks/store.py --members 1000000
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from common import ROOT, load_average

from kiosk.config import DEMO_ID_HASH_KEY
from kiosk.services.demo import generate_demo_data
from kiosk.services.store import open_store

BENCH_DIR = ROOT / "var" / "bench"
#: Members per household in the demo data (976,000 members for 250,000 households).
MEMBERS_PER_HOUSEHOLD = 3.9
SEED = 2014
ID_HASH_KEY = DEMO_ID_HASH_KEY
#: The built-in terminal (kiosk/default.toml), so ``kiosk run --db`` finds its office.
TERMINAL_CODE = "DEMO-0001"
TERMINAL_REGION_CODE = "522730001"


def households_for(members: int) -> int:
    return max(3, round(members / MEMBERS_PER_HOUSEHOLD))


def store_path(members: int) -> Path:
    return BENCH_DIR / f"members-{members}.sqlite3"


def summary_path(members: int) -> Path:
    return store_path(members).with_suffix(".json")


def bench_store(members: int, *, quiet: bool = False) -> Path:
    """The store of about ``members`` members, generated now if it does not exist yet."""
    path = store_path(members)
    if path.exists():
        if not quiet:
            print(f"Benchmark store: {path} (reused; delete it to generate it again)")
        return path
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    _remove(partial)
    households = households_for(members)
    print(
        f"Generating the benchmark store of ~{members:,} members ({households:,} households,"
        f" seed {SEED}) in {path}; load average {load_average()} ...",
        flush=True,
    )
    store = open_store(partial)
    started = time.perf_counter()
    try:
        summary = generate_demo_data(
            store.engine,
            id_hash_key=ID_HASH_KEY,
            terminal_code=TERMINAL_CODE,
            terminal_region_code=TERMINAL_REGION_CODE,
            households=households,
            seed=SEED,
            progress=_Progress(started),
        )
    finally:
        store.close()
    seconds = time.perf_counter() - started
    for suffix in ("-wal", "-shm"):
        _remove(Path(str(partial) + suffix))
    partial.rename(path)
    facts = {
        "members": summary.members,
        "households": summary.households,
        "aid_records": summary.aid_records,
        "villages": summary.villages,
        "seed": SEED,
        "generation_seconds": round(seconds, 1),
        "load_average_after": load_average(),
        "bytes": path.stat().st_size,
    }
    summary_path(members).write_text(json.dumps(facts, indent=2) + "\n", encoding="utf-8")
    print(
        f"Generated {summary.members:,} members, {summary.aid_records:,} aid records in"
        f" {seconds:.1f} s ({summary.members / seconds:,.0f} members/s); load average"
        f" {load_average()}",
        flush=True,
    )
    return path


class _Progress:
    """Prints about every tenth of the way, so a long generation shows it is moving."""

    def __init__(self, started: float) -> None:
        self._started = started
        self._next_tenth = 1

    def __call__(self, done: int, total: int) -> None:
        if done * 10 >= self._next_tenth * total:
            self._next_tenth = done * 10 // total + 1
            elapsed = time.perf_counter() - self._started
            print(f"  {done:,} of {total:,} households, {elapsed:.0f} s", flush=True)


def _remove(path: Path) -> None:
    path.unlink(missing_ok=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Make (or find) a benchmark store.")
    parser.add_argument("--members", type=int, default=1_000_000, metavar="N")
    args = parser.parse_args(argv)
    print(bench_store(args.members))
    return 0


if __name__ == "__main__":
    sys.exit(main())
