"""A private CUPS scheduler for the printing tests: its own cupsd on a free loopback port,
with its own configuration, spool, state and logs under a temporary directory, and one
cups-pdf queue (``kiosk-test``) that writes each job as a PDF file.

cups-pdf reads its settings from /etc/cups/cups-pdf.conf (a path built into it) and must run
as root; the file lands in the ``Out`` directory named there, ``${HOME}/PDF`` on Debian, for
the home of the job's user. The tests give each job a unique title and look for that file.
"""

from __future__ import annotations

import os
import pwd
import re
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

PPD = Path("/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd")
QUEUE = "kiosk-test"

CUPSD_CONF = """\
Listen 127.0.0.1:{port}
LogLevel warn
Browsing No
WebInterface No
DefaultAuthType None
<Location />
  Order allow,deny
  Allow 127.0.0.1
</Location>
<Location /admin>
  Order allow,deny
  Allow 127.0.0.1
</Location>
<Policy default>
  <Limit All>
    Order allow,deny
    Allow 127.0.0.1
  </Limit>
</Policy>
"""

FILES_CONF = """\
ServerRoot {root}
RequestRoot {root}/spool
StateDir {root}/state
CacheDir {root}/cache
TempDir {root}/spool/tmp
ErrorLog {root}/log/error_log
AccessLog {root}/log/access_log
PageLog {root}/log/page_log
SystemGroup root
"""


@dataclass(frozen=True)
class CupsServer:
    address: str
    queue: str
    output: Path

    def command(self, *args: str) -> str:
        result = subprocess.run(
            [args[0], "-h", self.address, *args[1:]],
            capture_output=True,
            check=True,
            timeout=30,
            env={**os.environ, "LC_ALL": "C"},
        )
        return result.stdout.decode()


def _output_directory() -> Path:
    """Where cups-pdf puts a job of this user's, from /etc/cups/cups-pdf.conf."""
    user = pwd.getpwuid(os.geteuid())
    out = "/var/spool/cups-pdf/${USER}"
    conf = Path("/etc/cups/cups-pdf.conf")
    if conf.exists():
        for line in conf.read_text().splitlines():
            match = re.match(r"^Out\s+(\S+)", line)
            if match:
                out = match.group(1)
    return Path(out.replace("${HOME}", user.pw_dir).replace("${USER}", user.pw_name))


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="session")
def cups_server() -> Iterator[CupsServer]:
    if shutil.which("cupsd") is None or shutil.which("lp") is None or not PPD.exists():
        pytest.skip("CUPS (cups, cups-client, printer-driver-cups-pdf) is not installed")
    assert os.geteuid() == 0, "cups-pdf's backend runs only as root: run these tests as root"
    # Not under pytest's base directory: that is private to root (0700), and cupsd runs its
    # filters as the unprivileged user lp, which must read the spooled job.
    root = Path(tempfile.mkdtemp(prefix="kiosk-cups-"))
    root.chmod(0o755)
    for name in ("spool/tmp", "state", "cache", "log", "ppd"):
        (root / name).mkdir(parents=True)
    port = _free_port()
    (root / "cupsd.conf").write_text(CUPSD_CONF.format(port=port))
    (root / "cups-files.conf").write_text(FILES_CONF.format(root=root))
    cupsd = subprocess.Popen(
        ["cupsd", "-f", "-c", str(root / "cupsd.conf"), "-s", str(root / "cups-files.conf")],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    server = CupsServer(f"127.0.0.1:{port}", QUEUE, _output_directory())
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                assert cupsd.poll() is None, "cupsd stopped at start-up"
                assert time.monotonic() < deadline, "cupsd did not listen in 20 s"
                time.sleep(0.1)
        server.command("lpadmin", "-p", QUEUE, "-E", "-v", "cups-pdf:/", "-P", str(PPD))
        yield server
    finally:
        cupsd.terminate()
        cupsd.wait(timeout=30)
        shutil.rmtree(root, ignore_errors=True)
