"""``kiosk run`` as systemd and scripts see it: exit codes, signals, the screenshot option."""

from __future__ import annotations

import queue
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QFontDatabase, QFontInfo, QImage
from PySide6.QtWidgets import QApplication

from kiosk.app import CJK_FONT_FAMILIES, main, ui_font, window_size_for
from kiosk.exitcodes import ExitCode

KIOSK_RUN = [sys.executable, "-m", "kiosk", "run"]
START_TIMEOUT_S = 60
STOP_TIMEOUT_S = 30  # a bound for a busy CI machine, not a speed requirement


@pytest.fixture
def config_file(tmp_path: Path) -> Path:
    """An empty configuration of our own, so /etc/kiosk/kiosk.toml cannot interfere."""
    path = tmp_path / "kiosk.toml"
    path.write_text("# defaults only\n", encoding="utf-8")
    return path


class LineReader:
    """Reads a subprocess's output on a thread, so the test can wait for a line without
    sleeping and without blocking forever on a pipe."""

    def __init__(self, stream: IO[str]) -> None:
        self.seen: list[str] = []
        self._lines: queue.Queue[str | None] = queue.Queue()
        threading.Thread(target=self._pump, args=(stream,), daemon=True).start()

    def _pump(self, stream: IO[str]) -> None:
        for line in stream:
            self._lines.put(line)
        self._lines.put(None)

    def wait_for(self, text: str, timeout: float) -> str:
        deadline = time.monotonic() + timeout
        while (remaining := deadline - time.monotonic()) > 0:
            try:
                line = self._lines.get(timeout=remaining)
            except queue.Empty:
                break
            if line is None:
                break
            self.seen.append(line)
            if text in line:
                return line
        raise AssertionError(f"{text!r} not in the output:\n{''.join(self.seen)}")

    def rest(self) -> str:
        while (line := self._lines.get(timeout=STOP_TIMEOUT_S)) is not None:
            self.seen.append(line)
        return "".join(self.seen)


StartKiosk = Callable[..., tuple["subprocess.Popen[str]", LineReader]]


@pytest.fixture
def start_kiosk(
    clean_environ: dict[str, str], config_file: Path, store_path: Path
) -> Iterator[StartKiosk]:
    """Starts ``python -m kiosk run`` with a temp store; kills it if a test leaves it running."""
    started: list[subprocess.Popen[str]] = []

    def start(*extra: str) -> tuple[subprocess.Popen[str], LineReader]:
        process = subprocess.Popen(
            [*KIOSK_RUN, "--config", str(config_file), "--db", str(store_path), *extra],
            env=clean_environ,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
        )
        started.append(process)
        assert process.stderr is not None
        return process, LineReader(process.stderr)

    yield start
    for process in started:
        if process.poll() is None:
            process.kill()
            process.wait(timeout=STOP_TIMEOUT_S)


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT], ids=lambda s: s.name)
def test_a_signal_stops_the_kiosk_cleanly_with_exit_code_143(
    start_kiosk: StartKiosk, store_path: Path, signum: signal.Signals
) -> None:
    """SIGTERM (systemd stop) or SIGINT ends the Qt loop cleanly and exits with 143."""
    process, output = start_kiosk()
    output.wait_for("Kiosk started", START_TIMEOUT_S)

    process.send_signal(signum)
    assert process.wait(timeout=STOP_TIMEOUT_S) == ExitCode.TERMINATED
    log = output.rest()
    assert f"Received {signum.name}: stopping" in log
    assert "Kiosk stopped" in log
    assert "Traceback" not in log
    assert store_path.exists()


_STUCK_KIOSK = """
import sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from kiosk.app import QuitOnSignals
app = QApplication(["stuck"])
QuitOnSignals(app).install()
def stuck():
    print("stuck", flush=True)
    while True:  # the main thread never returns to the event loop
        time.sleep(0.01)
QTimer.singleShot(0, stuck)
sys.exit(app.exec())
"""


def test_a_second_signal_ends_a_stuck_kiosk_at_once(clean_environ: dict[str, str]) -> None:
    """The first SIGTERM asks the event loop to stop; when the loop is stuck and cannot, a
    second one ends the process at once, with the same exit code."""
    process = subprocess.Popen(
        [sys.executable, "-c", _STUCK_KIOSK],
        env=clean_environ,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        assert process.stdout.readline().strip() == "stuck"
        process.send_signal(signal.SIGTERM)
        with pytest.raises(subprocess.TimeoutExpired):
            process.wait(timeout=1.0)  # the loop is stuck: the first signal cannot stop it
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=STOP_TIMEOUT_S) == ExitCode.TERMINATED
        assert process.stderr is not None
        assert "Received SIGTERM again: exiting now" in process.stderr.read()
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


def test_screenshot_is_written_and_the_kiosk_exits(start_kiosk: StartKiosk, tmp_path: Path) -> None:
    """--screenshot with --exit-after-screenshot writes a PNG of the window and exits 0."""
    png = tmp_path / "shots" / "attract.png"
    process, output = start_kiosk("--screenshot", str(png), "--exit-after-screenshot")
    assert process.wait(timeout=START_TIMEOUT_S) == ExitCode.OK, output.rest()
    image = QImage(str(png))
    assert not image.isNull()
    assert image.width() >= 1024 and image.height() >= 600
    assert "Screenshot saved" in output.rest()


def test_the_demo_key_is_warned_about(start_kiosk: StartKiosk) -> None:
    """Without a key file the log warns that the public demo key hashes ID numbers."""
    process, output = start_kiosk("--screenshot", "/dev/null/x.png", "--exit-after-screenshot")
    output.wait_for("demo key", START_TIMEOUT_S)
    # /dev/null/x.png cannot be written: the run still ends, with the generic error code.
    assert process.wait(timeout=START_TIMEOUT_S) == ExitCode.ERROR
    assert "Could not save the screenshot" in output.rest()


def test_an_unusable_store_gives_the_database_exit_code(
    clean_environ: dict[str, str], config_file: Path, tmp_path: Path
) -> None:
    """A store path that cannot be created exits with ExitCode.DATABASE and says why."""
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the store's folder should be")
    result = subprocess.run(
        [*KIOSK_RUN, "--config", str(config_file), "--db", str(blocker / "kiosk.sqlite3")],
        env=clean_environ,
        capture_output=True,
        text=True,
        timeout=START_TIMEOUT_S,
    )
    assert result.returncode == ExitCode.DATABASE
    assert "Cannot open the local store" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_bad_config_file_gives_the_config_exit_code_and_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An unknown key in the configuration file exits with ExitCode.CONFIG and one line."""
    bad = tmp_path / "kiosk.toml"
    bad.write_text("[ui]\nlanguge = 'en'\n", encoding="utf-8")
    assert main(["--config", str(bad)]) == ExitCode.CONFIG
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert err.startswith("kiosk: configuration error:")
    assert "ui.languge" in err


def test_a_missing_config_file_gives_the_config_exit_code(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A --config that does not exist is a configuration error, not a crash."""
    assert main(["--config", str(tmp_path / "nowhere.toml")]) == ExitCode.CONFIG
    assert "nowhere.toml" in capsys.readouterr().err


def test_a_usage_error_gives_the_usage_exit_code(capsys: pytest.CaptureFixture[str]) -> None:
    """An unknown option is refused with ExitCode.USAGE and argparse's explanation."""
    assert main(["--colour", "red"]) == ExitCode.USAGE
    assert "unrecognized arguments: --colour" in capsys.readouterr().err
    assert main(["--exit-after-screenshot"]) == ExitCode.USAGE
    assert "needs --screenshot" in capsys.readouterr().err


#: What the attract screen does without: the ORM and Alembic (about 0.7 s and 64 MiB
#: together), text input, printing, the network, speech, and every resident screen.
HEAVY_MODULES = (
    "sqlalchemy",
    "alembic",
    "pypinyin",
    "reportlab",
    "requests",
    "PySide6.QtMultimedia",
    "PySide6.QtTextToSpeech",
    "kiosk.domain.models",
    "kiosk.views.screens.base",
)


def test_start_up_path_stays_light(clean_environ: dict[str, str]) -> None:
    """Importing kiosk.app creates no QApplication and loads none of the heavy modules."""
    code = (
        "import sys, kiosk.app\n"
        "from PySide6.QtCore import QCoreApplication\n"
        "assert QCoreApplication.instance() is None\n"
        f"print(sorted(m for m in {HEAVY_MODULES!r} if m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        env=clean_environ,
        capture_output=True,
        text=True,
        timeout=START_TIMEOUT_S,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


@pytest.mark.parametrize(
    ("available", "expected"),
    [
        ((1920, 1080), (1920, 1080)),
        ((2560, 1440), (1920, 1080)),
        ((1366, 768), (1366, 768)),
        ((1600, 900), (1366, 768)),
    ],
)
def test_window_size_fits_the_screen(available: tuple[int, int], expected: tuple[int, int]) -> None:
    """Out of full screen the window is 1920x1080, or 1366x768 on a smaller screen."""
    assert window_size_for(QSize(*available)).toTuple() == expected


def test_the_attract_screen_is_painted_before_the_store_is_opened(
    start_kiosk: StartKiosk, tmp_path: Path
) -> None:
    """The first picture is taken before the store and the ORM are loaded; the kiosk is
    started (store connected) right after, and stops cleanly."""
    png = tmp_path / "first.png"
    process, output = start_kiosk("--screenshot", str(png))
    output.wait_for("Screenshot saved", START_TIMEOUT_S)
    output.wait_for("Kiosk started", START_TIMEOUT_S)
    process.send_signal(signal.SIGTERM)
    assert process.wait(timeout=STOP_TIMEOUT_S) == ExitCode.TERMINATED
    assert "Traceback" not in output.rest()
    assert not QImage(str(png)).isNull()


def run_python(code: str, environ: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """Run ``code`` in a fresh interpreter, as a kiosk process starts."""
    return subprocess.run(
        [sys.executable, "-c", code],
        env=environ,
        capture_output=True,
        text=True,
        timeout=START_TIMEOUT_S,
    )


def test_start_up_keeps_no_module_sources(clean_environ: dict[str, str]) -> None:
    """After main()'s first step, a module imported later leaves no source text in memory
    (PySide6's import hook, which read each one into linecache, is gone)."""
    code = (
        "import linecache, kiosk.app\n"
        "kiosk.app.main(['--help'])\n"
        "import sqlalchemy.orm, json.tool\n"
        "print(sorted(f for f in linecache.cache if f.endswith('.py')))\n"
    )
    result = run_python(code, clean_environ)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "[]"


def test_without_the_start_up_step_pyside_keeps_sources(clean_environ: dict[str, str]) -> None:
    """The check above can fail: without main(), PySide6's hook keeps SQLAlchemy's source."""
    code = (
        "import linecache, kiosk.app\n"
        "import sqlalchemy.orm\n"
        "print(sum('sqlalchemy' in f for f in linecache.cache if f.endswith('.py')))\n"
    )
    result = run_python(code, clean_environ)
    assert result.returncode == 0, result.stderr
    assert int(result.stdout.strip()) > 50


def test_threads_share_the_ui_threads_malloc_arena(clean_environ: dict[str, str]) -> None:
    """After main()'s first step, a thread that allocates gets no malloc arena of its own
    (glibc's malloc_stats lists one arena)."""
    code = (
        "import ctypes, sys, threading, kiosk.app\n"
        "kiosk.app.main(['--help'])\n"
        "libc = ctypes.CDLL(None)\n"
        "libc.malloc.restype = ctypes.c_void_p\n"
        "worker = threading.Thread(target=lambda: [libc.malloc(100) for _ in range(1000)])\n"
        "worker.start(); worker.join()\n"
        "sys.stdout.flush()\n"
        "libc.malloc_stats()\n"
    )
    environ = {k: v for k, v in clean_environ.items() if k != "MALLOC_ARENA_MAX"}
    result = run_python(code, environ)
    assert result.returncode == 0, result.stderr
    arenas = [line for line in result.stderr.splitlines() if line.startswith("Arena ")]
    assert arenas == ["Arena 0:"]


def test_the_ui_font_is_the_first_installed_cjk_family(qapp: QApplication) -> None:
    """The UI font is the first of CJK_FONT_FAMILIES that is installed (WenQuanYi Micro
    Hei, one small file, wherever scripts/start has set the terminal up)."""
    installed = set(QFontDatabase.families())
    first = next(family for family in CJK_FONT_FAMILIES if family in installed)
    assert QFontInfo(ui_font(20)).family() == first


def speech_servers_under(folder: Path) -> list[int]:
    """Process ids of speech-dispatchers whose socket lies under ``folder``."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            command = (entry / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if (
            command
            and command[0].endswith(b"speech-dispatcher")
            and any(str(folder).encode() in part for part in command)
        ):
            found.append(int(entry.name))
    return found


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGKILL], ids=lambda s: s.name)
def test_the_kiosks_speech_dispatcher_stops_with_it(
    start_kiosk: StartKiosk, clean_environ: dict[str, str], stop: signal.Signals
) -> None:
    """The speech-dispatcher the kiosk starts for read aloud ends when the kiosk ends,
    cleanly or killed."""
    if shutil.which("speech-dispatcher") is None:
        pytest.skip("speech-dispatcher is not installed (scripts/start installs it)")
    runtime = Path(clean_environ["XDG_RUNTIME_DIR"])
    process, output = start_kiosk()
    output.wait_for("Kiosk started", START_TIMEOUT_S)
    deadline = time.monotonic() + START_TIMEOUT_S
    while not speech_servers_under(runtime) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert speech_servers_under(runtime), "the kiosk started no speech-dispatcher of its own"

    process.send_signal(stop)
    process.wait(timeout=STOP_TIMEOUT_S)
    deadline = time.monotonic() + STOP_TIMEOUT_S
    while speech_servers_under(runtime) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert speech_servers_under(runtime) == []
