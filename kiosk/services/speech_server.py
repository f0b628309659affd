"""The kiosk's own speech-dispatcher, which lives and dies with the kiosk.

Qt's ``speechd`` engine talks to speech-dispatcher through libspeechd. Left to itself,
libspeechd "autospawns" a shared speech-dispatcher for the user, which outlives the kiosk
(and, if the kiosk is killed while speaking, may hang on for good). So the kiosk starts a
speech-dispatcher of its own as a child process, on a socket in its runtime folder, and
points libspeechd at it with ``SPEECHD_ADDRESS``; when the kiosk stops it stops that child,
and the kernel stops it too if the kiosk dies first (``PR_SET_PDEATHSIG``).

Without the ``speech-dispatcher`` program nothing is started, and read aloud finds no engine
as before.
"""

from __future__ import annotations

import contextlib
import ctypes
import logging
import os
import shutil
import signal
import subprocess
import tempfile
import time
from pathlib import Path

_log = logging.getLogger(__name__)

#: The variable libspeechd reads to find its server (``unix_socket:PATH``).
ADDRESS_VARIABLE = "SPEECHD_ADDRESS"
_PR_SET_PDEATHSIG = 1


def _die_with_parent() -> None:  # pragma: no cover - runs in the child before exec
    with contextlib.suppress(OSError):
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)


def runtime_folder() -> Path:
    """A private folder for the kiosk's sockets: under ``$XDG_RUNTIME_DIR`` where systemd
    gives one, else a new temporary folder (mode 700 either way)."""
    base = os.environ.get("XDG_RUNTIME_DIR")
    if base and Path(base).is_dir():
        folder = Path(base) / "citizen-kiosk"
        folder.mkdir(mode=0o700, exist_ok=True)
        return folder
    return Path(tempfile.mkdtemp(prefix="citizen-kiosk-"))


class SpeechServer:
    """A speech-dispatcher child process on a socket of its own.

    :meth:`start` returns at once; :meth:`wait_ready` (called on the speech engine's thread)
    waits until the socket accepts connections; :meth:`stop` ends the process.
    """

    def __init__(self, folder: Path, *, program: str | None = None) -> None:
        self.socket_path = folder / "speechd.sock"
        self._folder = folder
        self._program = program if program is not None else shutil.which("speech-dispatcher")
        self._process: subprocess.Popen[bytes] | None = None

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process is not None else None

    def start(self) -> bool:
        """Start the server and point libspeechd at it; False where it cannot be started."""
        if self._program is None:
            _log.info("speech-dispatcher is not installed; read aloud will find no engine")
            return False
        self.socket_path.unlink(missing_ok=True)
        command = [
            self._program,
            "--run-single",
            "--communication-method",
            "unix_socket",
            "--socket-path",
            str(self.socket_path),
            # Never leave on its own: the kiosk decides when it ends.
            "--timeout",
            "0",
            "--pid-file",
            str(self._folder / "speechd.pid"),
            "--log-dir",
            str(self._folder),
        ]
        try:
            self._process = subprocess.Popen(
                command,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                preexec_fn=_die_with_parent,
            )
        except OSError as exc:
            _log.warning("Could not start speech-dispatcher: %s", exc.strerror or exc)
            return False
        os.environ[ADDRESS_VARIABLE] = f"unix_socket:{self.socket_path}"
        return True

    def wait_ready(self, timeout_s: float = 5.0) -> bool:
        """Wait until the server's socket exists; False if it did not come (or died)."""
        process = self._process
        if process is None:
            return False
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if process.poll() is not None:
                _log.info("speech-dispatcher stopped at start (status %s)", process.returncode)
                return False
            if self.socket_path.exists():
                return True
            time.sleep(0.02)
        _log.info("speech-dispatcher did not open its socket within %.0f s", timeout_s)
        return False

    def stop(self, timeout_s: float = 2.0) -> None:
        """End the server (SIGTERM, then SIGKILL after ``timeout_s``)."""
        process, self._process = self._process, None
        if os.environ.get(ADDRESS_VARIABLE) == f"unix_socket:{self.socket_path}":
            del os.environ[ADDRESS_VARIABLE]
        if process is None or process.poll() is not None:
            return
        process.terminate()
        try:
            process.wait(timeout=timeout_s)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=timeout_s)
        self.socket_path.unlink(missing_ok=True)
