"""Cold start: from spawning the kiosk process to its attract screen painted.

Each run spawns ``python -m kiosk run --db <store> --screenshot <png>
--exit-after-screenshot`` with ``QT_QPA_PLATFORM=offscreen`` and no ``KIOSK_*``
variables, and times, from just before the spawn:

* **painted** — until the kiosk logs "Screenshot saved" (it saves the picture right after
  the window's first paint, so this is first paint plus writing one PNG);
* **exited** — until the process has ended.

The baseline, run the same way and alternating with the kiosk so both see the same load:
a bare PySide6 script (QApplication, a QMainWindow of the kiosk's window size holding one
QLabel, shown; on its first paint it saves a PNG, says "Screenshot saved" and quits). The
ratio kiosk/baseline of the medians has a target of at most 2.0. Peak RSS of each child
is its own high-water mark, ``VmHWM`` in ``/proc/<pid>/status``, read every 10 ms while it
runs (the last reading is at most 10 ms before its end; ``ru_maxrss`` from ``wait4`` would
count the pages of the parent it was forked from). One untimed run of each comes first, so
both find Python's and Qt's files in the page cache: "cold" means a new process, not a
machine just switched on.

    python benchmarks/bench_startup.py [--members N] [--quick] [--runs N]
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from common import (
    ROOT,
    base_parser,
    load_average,
    median,
    mib,
    ms,
    print_machine,
    print_table,
    python,
    verdict,
)
from store import bench_store

TARGET_RATIO = 2.0
READY_LINE = "Screenshot saved"

BARE_WINDOW = """
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

png = sys.argv[1]
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.setCentralWidget(QLabel("Hello"))
window.resize(1366, 768)


class SaveOnFirstPaint(QObject):
    done = False

    def eventFilter(self, watched, event):
        if watched is window and event.type() == QEvent.Type.Paint and not self.done:
            self.done = True
            QTimer.singleShot(0, self.save)
        return False

    def save(self):
        window.grab().save(png, "PNG")
        print("Screenshot saved", file=sys.stderr, flush=True)
        app.quit()


saver = SaveOnFirstPaint()
window.installEventFilter(saver)
window.show()
sys.exit(app.exec())
"""


@dataclass
class Run:
    painted_s: float
    exited_s: float
    peak_rss_kib: int
    returncode: int


def child_environment(empty_config: Path) -> dict[str, str]:
    """The environment of both children: offscreen, bytecode caches allowed, and the
    kiosk's built-in settings (an empty configuration file instead of
    /etc/kiosk/kiosk.toml, no KIOSK_* variables)."""
    env = {name: value for name, value in os.environ.items() if not name.startswith("KIOSK_")}
    # A terminal runs with Python's bytecode caches written; without them every start would
    # compile the kiosk's sources again (the untimed first run writes them).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["KIOSK_CONFIG"] = str(empty_config)
    return env


def run_once(argv: list[str], env: dict[str, str]) -> Run:
    started = time.perf_counter()
    process = subprocess.Popen(
        argv,
        cwd=ROOT,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    peak = PeakWatcher(process.pid)
    peak.start()
    painted = float("nan")
    assert process.stderr is not None
    output = []
    for line in process.stderr:
        output.append(line)
        if READY_LINE in line and painted != painted:  # first time only (nan != nan)
            painted = time.perf_counter() - started
    peak.stop()  # before the child is reaped: its /proc entry goes with it
    _pid, status, _usage = os.wait4(process.pid, 0)
    exited = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0 or painted != painted:
        sys.stderr.write("".join(output[-20:]))
    return Run(painted, exited, peak.kib, process.returncode)


class PeakWatcher(threading.Thread):
    """Reads a process's VmHWM (its own peak resident memory) until it ends."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self._status = Path(f"/proc/{pid}/status")
        self._done = threading.Event()
        self.kib = 0

    def run(self) -> None:
        while not self._done.is_set():
            self.kib = max(self.kib, self._read())
            self._done.wait(0.01)

    def _read(self) -> int:
        try:
            text = self._status.read_text(encoding="ascii")
        except OSError:
            return 0  # the process is gone (or a zombie without memory)
        for line in text.splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
        return 0

    def stop(self) -> None:
        self.kib = max(self.kib, self._read())
        self._done.set()
        self.join()


def main(argv: list[str] | None = None) -> int:
    parser = base_parser("Time the kiosk's cold start against a bare PySide6 window.")
    parser.add_argument("--runs", type=int, default=None, metavar="N")
    args = parser.parse_args(argv)
    runs = args.runs or (5 if args.quick else 9)

    print_machine("Cold start to the attract screen painted")
    store = bench_store(args.members)
    with tempfile.TemporaryDirectory(prefix="kiosk-bench-") as tmp:
        empty_config = Path(tmp) / "kiosk.toml"
        empty_config.write_text("", encoding="utf-8")
        env = child_environment(empty_config)
        png = Path(tmp) / "screen.png"
        bare_script = Path(tmp) / "bare_window.py"
        bare_script.write_text(BARE_WINDOW, encoding="utf-8")
        kiosk = [python(), "-m", "kiosk", "run", "--db", str(store)]
        kiosk += ["--screenshot", str(png), "--exit-after-screenshot"]
        bare = [python(), str(bare_script), str(png)]
        print(f"{runs} runs of each, alternating, after one untimed run of each;")
        print(f"store {store.name}; load average {load_average()}\n")
        run_once(kiosk, env)
        run_once(bare, env)
        results: dict[str, list[Run]] = {"kiosk": [], "bare PySide6 window": []}
        for _ in range(runs):
            results["kiosk"].append(run_once(kiosk, env))
            results["bare PySide6 window"].append(run_once(bare, env))

    rows = []
    for name, measured in results.items():
        painted = [r.painted_s for r in measured]
        failures = sum(r.returncode != 0 or r.painted_s != r.painted_s for r in measured)
        rows.append(
            (
                name,
                ms(median(painted)),
                ms(min(painted)),
                ms(max(painted)),
                ms(median([r.exited_s for r in measured])),
                mib(median([r.peak_rss_kib for r in measured]) * 1024),
                failures,
            )
        )
    print_table(
        (
            "process",
            "painted median ms",
            "min",
            "max",
            "exited median ms",
            "peak RSS MiB",
            "failed runs",
        ),
        rows,
    )
    kiosk_runs, bare_runs = results["kiosk"], results["bare PySide6 window"]
    ratio = median([r.painted_s for r in kiosk_runs]) / median([r.painted_s for r in bare_runs])
    rss_ratio = median([r.peak_rss_kib for r in kiosk_runs]) / median(
        [r.peak_rss_kib for r in bare_runs]
    )
    print(
        f"\nkiosk / bare window, time to painted: {ratio:.2f}x (target ≤ {TARGET_RATIO:.1f}x:"
        f" {'met' if verdict(ratio, TARGET_RATIO) == 'yes' else 'NOT met'})"
    )
    print(f"kiosk / bare window, peak RSS: {rss_ratio:.2f}x")
    print(f"load average after: {load_average()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
