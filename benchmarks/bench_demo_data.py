"""How fast ``kiosk demo-data`` fills a new store, now and at a baseline revision.

Each run is the real command in a new process, ``python -m kiosk demo-data --db <new
file> --households N --seed 2014`` with the built-in configuration, timed from spawn to
exit (interpreter start, migrations, generation, the final WAL checkpoint). The table
gives members per second, the file's size and the process's peak RSS.

The baseline is the same command run from the code of another git revision (default
``6d6fddc``, the last commit before the generator was made faster), exported with
``git archive`` to a temporary folder and run alternately with the working tree's, so
both see the same load.
``--baseline-rev none`` skips it.

Sizes: 600 households (the demo's default, three runs each, one with ``--quick``) always;
``--million`` adds 256,410 households (about 1,000,000 members), which takes minutes per
run; ``--members N`` or ``--households N`` add another size (one run each).

    python benchmarks/bench_demo_data.py [--members N] [--quick] [--million]
                                         [--baseline-rev REV]
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from common import ROOT, load_average, median, mib, print_machine, print_table, python
from store import SEED, households_for

DEFAULT_BASELINE_REV = "6d6fddc"
SMALL = 600
MILLION = households_for(1_000_000)


@dataclass
class Run:
    code: str
    households: int
    members: int
    aid_records: int
    seconds: float
    file_bytes: int
    peak_rss_kib: int
    load_after: str


def export_revision(rev: str, into: Path) -> Path | None:
    """The ``kiosk`` package of ``rev`` in ``into``, or None if git cannot give it."""
    archive = subprocess.run(
        ["git", "archive", "--format=tar", rev, "kiosk"],
        cwd=ROOT,
        capture_output=True,
        check=False,
    )
    if archive.returncode != 0:
        print(f"Baseline skipped: git archive {rev} failed: {archive.stderr.decode().strip()}")
        return None
    into.mkdir(parents=True, exist_ok=True)
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive.stdout, check=True)
    return into


def environment(code_dir: Path | None, config: Path) -> dict[str, str]:
    env = {name: value for name, value in os.environ.items() if not name.startswith("KIOSK_")}
    env["KIOSK_CONFIG"] = str(config)
    env.pop("PYTHONPATH", None)
    if code_dir is not None:
        env["PYTHONPATH"] = str(code_dir)
    return env


def imported_from(env: dict[str, str], cwd: Path) -> str:
    check = subprocess.run(
        [python(), "-c", "import kiosk; print(kiosk.__file__)"],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return check.stdout.strip()


def run_once(code: str, env: dict[str, str], cwd: Path, households: int, db: Path) -> Run | None:
    argv = [python(), "-m", "kiosk", "demo-data", "--db", str(db)]
    argv += ["--households", str(households), "--seed", str(SEED)]
    out, err = db.with_suffix(".out"), db.with_suffix(".err")
    with out.open("w") as stdout, err.open("w") as stderr:
        started = time.perf_counter()
        process = subprocess.Popen(argv, cwd=cwd, env=env, stdout=stdout, stderr=stderr)
        # wait4 rather than wait: it also gives this child's own peak RSS.
        _pid, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        tail = err.read_text(encoding="utf-8")[-2000:]
        print(f"{code}: kiosk demo-data failed ({process.returncode}):\n{tail}")
        return None
    printed = out.read_text(encoding="utf-8")
    size = db.stat().st_size
    for path in (db, Path(f"{db}-wal"), Path(f"{db}-shm"), out, err):
        path.unlink(missing_ok=True)
    return Run(
        code,
        households,
        _count(printed, "members"),
        _count(printed, "aid records"),
        seconds,
        size,
        usage.ru_maxrss,
        load_average(),
    )


def _count(stdout: str, label: str) -> int:
    found = re.search(rf"^\s+{label}\s+([\d,]+)\s*$", stdout, re.MULTILINE)
    return int(found.group(1).replace(",", "")) if found else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Time kiosk demo-data against a baseline.")
    parser.add_argument("--quick", action="store_true", help="one run per size")
    parser.add_argument(
        "--million",
        action="store_true",
        help=f"also {MILLION:,} households (~1,000,000 members): minutes per run",
    )
    parser.add_argument(
        "--households", type=int, default=None, metavar="N", help="also N households"
    )
    parser.add_argument(
        "--baseline-rev",
        default=DEFAULT_BASELINE_REV,
        metavar="REV",
        help=f"git revision to compare with (default {DEFAULT_BASELINE_REV}; 'none' for none)",
    )
    parser.add_argument(
        "--runs", type=int, default=None, metavar="N", help="runs of the small size"
    )
    parser.add_argument(
        "--members", type=int, default=None, metavar="N", help="also about N members"
    )
    args = parser.parse_args(argv)
    small_runs = args.runs or (1 if args.quick else 3)
    sizes = [(SMALL, small_runs)]
    if args.households:
        sizes.append((args.households, 1))
    if args.members:
        sizes.append((households_for(args.members), 1))
    if args.million:
        sizes.append((MILLION, 1))

    print_machine("kiosk demo-data: members per second")
    with tempfile.TemporaryDirectory(prefix="kiosk-bench-") as tmp_name:
        tmp = Path(tmp_name)
        config = tmp / "kiosk.toml"
        config.write_text("", encoding="utf-8")
        work = tmp / "work"
        work.mkdir()
        codes: list[tuple[str, dict[str, str], Path]] = [
            ("working tree", environment(None, config), work)
        ]
        if args.baseline_rev.lower() != "none":
            exported = export_revision(args.baseline_rev, tmp / "baseline")
            if exported is not None:
                codes.append((f"baseline {args.baseline_rev}", environment(exported, config), work))
        for code, env, cwd in codes:
            print(f"{code}: kiosk imported from {imported_from(env, cwd)}")
        print(f"load average before: {load_average()}\n", flush=True)

        runs: list[Run] = []
        for households, repeat in sizes:
            for index in range(repeat):
                # Alternate, and start with the other one every second round.
                order = codes if index % 2 == 0 else list(reversed(codes))
                for code, env, cwd in order:
                    db = tmp / f"demo-{households}.sqlite3"
                    print(
                        f"  {code}: {households:,} households (run {index + 1} of {repeat});"
                        f" load average {load_average()}",
                        flush=True,
                    )
                    run = run_once(code, env, cwd, households, db)
                    if run is not None:
                        runs.append(run)

    rows = []
    for households, _repeat in sizes:
        for code, _env, _cwd in codes:
            mine = [r for r in runs if r.code == code and r.households == households]
            if not mine:
                continue
            seconds = median([r.seconds for r in mine])
            members = mine[0].members
            rows.append(
                (
                    code,
                    f"{households:,}",
                    f"{members:,}",
                    f"{mine[0].aid_records:,}",
                    len(mine),
                    f"{seconds:.1f}",
                    f"{members / seconds:,.0f}",
                    mib(mine[0].file_bytes),
                    mib(max(r.peak_rss_kib for r in mine) * 1024),
                    mine[-1].load_after,
                )
            )
    print()
    print_table(
        (
            "code",
            "households",
            "members",
            "aid records",
            "runs",
            "median s",
            "members/s",
            "file MiB",
            "peak RSS MiB",
            "load after",
        ),
        rows,
    )
    for households, _repeat in sizes:
        timed = {
            code: median([r.seconds for r in runs if r.code == code and r.households == households])
            for code, _env, _cwd in codes
            if any(r.code == code and r.households == households for r in runs)
        }
        if len(timed) == 2:
            now, then = timed.values()
            print(f"{households:,} households: baseline / working tree = {then / now:.2f}x")
    print(f"load average after: {load_average()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
