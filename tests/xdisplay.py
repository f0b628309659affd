"""A real X server for tests: Xvfb on a free display number, with no window manager.

A terminal in a service hall often runs the kiosk on a bare X server; Xvfb is that server
without a monitor. Tests that need it skip only where Xvfb is not installed (scripts/test
installs it).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager

import pytest


@contextmanager
def xvfb(width: int = 800, height: int = 600) -> Iterator[str]:
    """Run Xvfb with one screen of ``width`` x ``height`` and yield its DISPLAY (":N")."""
    if shutil.which("Xvfb") is None:
        pytest.skip("Xvfb is not installed (apt-get install xvfb)")
    read_end, write_end = os.pipe()
    server = subprocess.Popen(
        [
            "Xvfb",
            "-displayfd",
            str(write_end),
            "-nolisten",
            "tcp",
            "-screen",
            "0",
            f"{width}x{height}x24",
        ],
        pass_fds=(write_end,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_end)
    with os.fdopen(read_end) as ready:
        number = ready.readline().strip()  # Xvfb writes it once it accepts connections
    try:
        if not number:
            pytest.fail("Xvfb did not start")
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(timeout=10)
