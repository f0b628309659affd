"""Health checks behind ``kiosk doctor``: can this terminal serve residents, and if not, why.

Each check takes what it looks at as arguments (configuration, paths, an environment mapping,
a :data:`Runner` for outside commands), so a test can point it at real files and commands.
A check never changes anything and never raises: what it finds becomes a :class:`CheckResult`
whose fix line a street-office clerk or the installer can follow. ``problem`` means we know
the part does not work; ``warning`` means it works but should be looked at, or that the check
could not tell. No result ever holds a secret, an ID number or a phone number.
"""

from __future__ import annotations

import ipaddress
import logging
import os
import re
import shutil
import sqlite3
import stat
import struct
import subprocess
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from urllib.parse import urlsplit

import requests
from alembic.script import ScriptDirectory
from alembic.util import CommandError
from sqlalchemy import create_engine
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.pool import NullPool

from kiosk.config import CentralConfig, Config, ConfigError, SecurityConfig
from kiosk.services.store import alembic_config, current_revision, head_revision, sqlite_url

log = logging.getLogger(__name__)

#: Packages that give the screen Chinese glyphs and give printed records an embeddable font.
CJK_FONT_PACKAGES = "fonts-noto-cjk fonts-wqy-microhei"
#: The font printed records prefer: TrueType outlines, which reportlab can embed.
PREFERRED_PRINT_FONT = "wqy-microhei.ttc"


class Status(StrEnum):
    OK = "ok"
    WARNING = "warning"
    PROBLEM = "problem"


@dataclass(frozen=True)
class CheckResult:
    """What one check found; ``fix`` is empty when the status is ok."""

    name: str
    status: Status
    finding: str
    fix: str = ""
    #: Whether the kiosk cannot serve residents while this check is a problem.
    needed: bool = True

    @property
    def stops_kiosk(self) -> bool:
        return self.needed and self.status is Status.PROBLEM

    def as_dict(self) -> dict[str, str | bool]:
        return {
            "name": self.name,
            "status": self.status.value,
            "needed": self.needed,
            "finding": self.finding,
            "fix": self.fix,
        }


@dataclass(frozen=True)
class CommandOutput:
    """What an outside command printed; ``returncode`` is None when it timed out."""

    returncode: int | None
    stdout: str
    stderr: str = ""


#: Runs an outside command; returns None when the program is not installed.
Runner = Callable[[Sequence[str]], CommandOutput | None]


def run_command(argv: Sequence[str], *, timeout_s: float = 10.0) -> CommandOutput | None:
    """Run ``argv`` in the C locale (so its messages can be parsed), never raising."""
    if shutil.which(argv[0]) is None:
        return None
    env = dict(os.environ, LC_ALL="C", LANG="C")
    try:
        done = subprocess.run(
            list(argv),
            capture_output=True,
            encoding="utf-8",
            errors="replace",
            env=env,
            timeout=timeout_s,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return CommandOutput(None, "", f"no answer within {timeout_s:g} s")
    except OSError:
        return None
    return CommandOutput(done.returncode, done.stdout, done.stderr)


def stops_kiosk(results: Sequence[CheckResult]) -> bool:
    """True when a needed part is missing: ``kiosk doctor`` then exits with CHECK_FAILED."""
    return any(result.stops_kiosk for result in results)


def run_checks(
    config: Config, *, env: Mapping[str, str], runner: Runner = run_command
) -> list[CheckResult]:
    """Every check, in the order a clerk would look: screen, data, secrets, paper, network."""
    checks: list[tuple[str, Callable[[], CheckResult]]] = [
        ("fonts", lambda: check_fonts(runner)),
        ("display", lambda: check_display(env, runner)),
        ("database", lambda: check_database(config.store.path)),
        ("id-hash key", lambda: check_id_hash_key(config.security)),
        ("printer", lambda: check_printer(config.printer.queue, runner)),
        ("central", lambda: check_central(config.central)),
    ]
    results = []
    for name, check in checks:
        try:
            results.append(check())
        except Exception as exc:  # one broken check must not hide what the others find
            log.debug("check %s failed", name, exc_info=True)
            results.append(
                CheckResult(
                    name,
                    Status.WARNING,
                    f"the check itself failed ({type(exc).__name__})",
                    "report this to the installer with the output of `kiosk doctor`",
                )
            )
    return results


# --- fonts ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class FontFile:
    path: Path
    family: str


def parse_fc_list(text: str) -> list[FontFile]:
    """Parse ``fc-list ... family file`` lines (``/path: Family,别名``), one per face."""
    fonts = []
    for line in text.splitlines():
        path, sep, families = line.partition(": ")
        if sep and path.strip():
            fonts.append(FontFile(Path(path.strip()), families.split(",")[0].strip()))
    return fonts


def has_truetype_outlines(path: Path) -> bool:
    """Whether the (first) font in a .ttf/.ttc file has ``glyf`` outlines, not CFF ones.

    Cheap: it reads only the table directory, so big CFF collections are skipped quickly.
    """
    try:
        with path.open("rb") as f:
            header = f.read(12)
            if header[:4] == b"ttcf":
                (offset,) = struct.unpack(">I", f.read(4))
                f.seek(offset)
                header = f.read(12)
            if header[:4] not in (b"\x00\x01\x00\x00", b"true"):
                return False  # "OTTO" is an OpenType font with CFF outlines
            (num_tables,) = struct.unpack(">H", header[4:6])
            records = f.read(16 * num_tables)
    except (OSError, struct.error):
        return False
    return any(records[i : i + 4] == b"glyf" for i in range(0, len(records), 16))


def _reportlab_can_embed(path: Path) -> bool:
    """Whether reportlab accepts the font (it also refuses fonts that forbid embedding)."""
    from reportlab.pdfbase.ttfonts import TTFError, TTFont

    try:
        TTFont("kiosk-doctor-probe", str(path), subfontIndex=0)
    except (TTFError, OSError, ValueError):
        return False
    return True


def find_print_font(fonts: Sequence[FontFile]) -> Path | None:
    """The Chinese font printed records should embed: WenQuanYi Micro Hei first."""
    paths = sorted(
        {f.path for f in fonts if f.path.suffix.lower() in (".ttf", ".ttc")},
        key=lambda p: (p.name != PREFERRED_PRINT_FONT, str(p)),
    )
    for path in paths:
        if has_truetype_outlines(path) and _reportlab_can_embed(path):
            return path
    return None


def _family_summary(fonts: Sequence[FontFile], limit: int = 3) -> str:
    families = sorted({f.family for f in fonts}, key=lambda name: ("SC" not in name, name))
    shown = ", ".join(families[:limit])
    return f"{shown} and {len(families) - limit} more" if len(families) > limit else shown


def check_fonts(runner: Runner) -> CheckResult:
    """A font that covers Chinese for the screen, and an embeddable one for printed records."""
    name = "fonts"
    output = runner(["fc-list", ":lang=zh", "family", "file"])
    if output is None or output.returncode != 0:
        return CheckResult(
            name,
            Status.WARNING,
            "cannot list the installed fonts (fc-list is missing or failed)",
            f"sudo apt-get install fontconfig {CJK_FONT_PACKAGES}",
        )
    fonts = parse_fc_list(output.stdout)
    if not fonts:
        return CheckResult(
            name,
            Status.PROBLEM,
            "no installed font covers Chinese: the screens would show empty boxes",
            f"sudo apt-get install {CJK_FONT_PACKAGES}",
        )
    print_font = find_print_font(fonts)
    if print_font is None:
        return CheckResult(
            name,
            Status.WARNING,
            f"Chinese fonts: {_family_summary(fonts)}; none can be embedded in printed records"
            " (CFF outlines)",
            "sudo apt-get install fonts-wqy-microhei",
        )
    return CheckResult(
        name,
        Status.OK,
        f"Chinese fonts: {_family_summary(fonts)}; printed records use {print_font.name}",
    )


# --- display --------------------------------------------------------------------------------

#: Platforms that draw nowhere a resident could see.
_HEADLESS_PLATFORMS = ("offscreen", "minimal")
#: The environment variable that names the display of each windowing platform.
_DISPLAY_VARIABLES = {"xcb": "DISPLAY", "wayland": "WAYLAND_DISPLAY"}
#: Libraries whose Debian package name does not follow from the soname.
_DEBIAN_PACKAGE_EXCEPTIONS = {
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgobject-2.0.so.0": "libglib2.0-0",
    "libgio-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
}


def debian_package(soname: str) -> str:
    """The Debian package that usually ships ``soname`` (Debian's naming policy, §8.1)."""
    if soname in _DEBIAN_PACKAGE_EXCEPTIONS:
        return _DEBIAN_PACKAGE_EXCEPTIONS[soname]
    match = re.fullmatch(r"(lib.+?)\.so\.(\d+)(?:\.\d+)*", soname)
    if match is None:
        return soname
    base, major = match.group(1).lower(), match.group(2)
    return f"{base}-{major}" if base[-1].isdigit() else f"{base}{major}"


def parse_ldd_missing(text: str) -> list[str]:
    """Sonames that ``ldd`` reports as ``not found``, in order, without repeats."""
    missing: list[str] = []
    for line in text.splitlines():
        soname, arrow, where = line.strip().partition(" => ")
        if arrow and where.strip() == "not found" and soname not in missing:
            missing.append(soname)
    return missing


def qt_platform_plugins_dir() -> Path:
    """Where Qt looks for its platform plugins (QtCore only: no GUI below the view layer)."""
    from PySide6.QtCore import QLibraryInfo

    return Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)) / "platforms"


def _no_display(why: str) -> CheckResult:
    return CheckResult(
        "display",
        Status.PROBLEM,
        f"no display: {why}",
        "start the kiosk inside the terminal's desktop session (for X11: DISPLAY=:0)",
    )


def _platform_to_use(env: Mapping[str, str]) -> str | None:
    """The Qt platform plugin the kiosk would load, or None when there is no display."""
    requested = env.get("QT_QPA_PLATFORM", "").split(";")[0].split(":")[0].strip()
    if requested:
        return requested
    wayland_session = env.get("XDG_SESSION_TYPE") == "wayland" or not env.get("DISPLAY")
    if env.get("WAYLAND_DISPLAY") and wayland_session:
        return "wayland"
    if env.get("DISPLAY"):
        return "xcb"
    return None


def _display_socket(platform: str, display: str, env: Mapping[str, str]) -> Path | None:
    """The local socket a display server listens on, or None when it is remote or unknown."""
    if platform == "xcb":
        local = re.fullmatch(r"(?:unix)?:(\d+)(?:\.\d+)?", display)
        return Path(f"/tmp/.X11-unix/X{local.group(1)}") if local else None
    if display.startswith("/"):
        return Path(display)
    runtime_dir = env.get("XDG_RUNTIME_DIR")
    return Path(runtime_dir) / display if runtime_dir else None


def check_display(
    env: Mapping[str, str], runner: Runner, plugins_dir: Path | None = None
) -> CheckResult:
    """A display to draw on, and a Qt platform plugin whose libraries all load."""
    name = "display"
    platform = _platform_to_use(env)
    if platform is None:
        return _no_display("DISPLAY and WAYLAND_DISPLAY are not set")
    display = ""
    if platform in _DISPLAY_VARIABLES:
        variable = _DISPLAY_VARIABLES[platform]
        display = env.get(variable, "")
        if not display:
            return _no_display(f"{variable} is not set")
        socket = _display_socket(platform, display, env)
        if socket is not None and not socket.exists():
            return CheckResult(
                name,
                Status.PROBLEM,
                f"no display server on {variable}={display} (no {socket})",
                "restart the terminal; if the screen stays black, call the installer",
            )
    if platform in _HEADLESS_PLATFORMS:
        return CheckResult(
            name,
            Status.WARNING,
            f"no display: the kiosk can only run {platform} (QT_QPA_PLATFORM={platform})",
            "unset QT_QPA_PLATFORM and start the kiosk inside the terminal's desktop session",
        )
    plugin = (plugins_dir or qt_platform_plugins_dir()) / f"libq{platform}.so"
    if not plugin.is_file():
        return CheckResult(
            name,
            Status.PROBLEM,
            f"Qt has no platform plugin {platform!r} ({plugin} is missing)",
            "reinstall the kiosk (its PySide6 is incomplete), or correct QT_QPA_PLATFORM",
        )
    output = runner(["ldd", str(plugin)])
    if output is None:
        return CheckResult(
            name,
            Status.WARNING,
            f"display set for Qt {platform}; cannot check its libraries (ldd is missing)",
            "sudo apt-get install libc-bin",
        )
    missing = parse_ldd_missing(output.stdout)
    if missing:
        packages = " ".join(dict.fromkeys(debian_package(soname) for soname in missing))
        return CheckResult(
            name,
            Status.PROBLEM,
            f"the Qt {platform} plugin cannot load: missing {', '.join(missing)}",
            f"sudo apt-get install {packages}",
        )
    on = f" on {display}" if display else ""
    return CheckResult(name, Status.OK, f"Qt {platform}{on}: the platform plugin's libraries load")


# --- database -------------------------------------------------------------------------------


def _damaged(path: Path, detail: str) -> CheckResult:
    return CheckResult(
        "database",
        Status.PROBLEM,
        f"the store {path} is damaged ({detail})",
        f"call the installer; do not delete {path}: it may hold complaints not yet sent",
    )


def check_database(path: Path) -> CheckResult:
    """The store exists, is intact, in WAL mode, at the current schema, and has households.

    It opens the file read-only and never creates it, so running the doctor changes nothing.
    """
    name = "database"
    if not path.exists():
        return CheckResult(
            name,
            Status.PROBLEM,
            f"no store at {path}",
            f"load the register with `kiosk import`, or for a demo `kiosk demo-data --db {path}`",
        )
    if not path.is_file() or not os.access(path, os.R_OK):
        return CheckResult(
            name,
            Status.PROBLEM,
            f"cannot read the store {path}",
            "run `kiosk doctor` as the user the kiosk runs as, and check the file's owner",
        )
    ro_uri = f"{path.resolve().as_uri()}?mode=ro"
    engine = create_engine(
        "sqlite+pysqlite://",
        creator=lambda: sqlite3.connect(ro_uri, uri=True),
        poolclass=NullPool,
    )
    head = head_revision(sqlite_url(path))
    try:
        with engine.connect() as conn:
            integrity = [
                str(row) for row in conn.exec_driver_sql("PRAGMA integrity_check").scalars()
            ]
            if integrity != ["ok"]:
                return _damaged(path, f"integrity check: {integrity[0]}")
            journal_mode = str(conn.exec_driver_sql("PRAGMA journal_mode").scalar())
            has_households_table = conn.exec_driver_sql(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'households'"
            ).scalar()
            households = (
                int(conn.exec_driver_sql("SELECT count(*) FROM households").scalar_one())
                if has_households_table
                else 0
            )
        current = current_revision(engine)
    except (SQLAlchemyError, sqlite3.Error) as exc:
        cause = getattr(exc, "orig", None) or exc
        detail = str(cause).splitlines()[0]
        if isinstance(cause, sqlite3.OperationalError):  # locked, or no right to open it
            return CheckResult(
                name,
                Status.PROBLEM,
                f"cannot open the store {path} ({detail})",
                "run `kiosk doctor` as the user the kiosk runs as; if it persists, restart it",
            )
        return _damaged(path, detail)  # "file is not a database", "malformed", ...
    finally:
        engine.dispose()

    if current is None:
        return CheckResult(
            name,
            Status.PROBLEM,
            f"{path} is not a kiosk store (no schema version)",
            "check store.path in the configuration, or rebuild the store with `kiosk import`",
        )
    if current != head:
        return CheckResult(
            name,
            Status.PROBLEM,
            f"the store's schema is {current}, this kiosk needs {head}",
            _migration_fix(current),
        )
    warnings = []
    fixes = []
    if journal_mode.lower() != "wal":
        warnings.append(f"journal mode is {journal_mode}, not wal")
        fixes.append("restart the kiosk: it switches the store to WAL when it opens it")
    if households == 0:
        warnings.append("the store has no households yet")
        fixes.append("load the register with `kiosk import`")
    if warnings:
        return CheckResult(name, Status.WARNING, f"{path}: {'; '.join(warnings)}", "; ".join(fixes))
    noun = "household" if households == 1 else "households"
    return CheckResult(
        name, Status.OK, f"{path}: intact, schema {current}, WAL, {households} {noun}"
    )


def _migration_fix(current: str) -> str:
    """Restarting migrates a store from an older kiosk; one from elsewhere needs the installer."""
    script = ScriptDirectory.from_config(alembic_config("sqlite://"))
    try:
        known = script.get_revision(current) is not None
    except CommandError:
        known = False
    if known:
        return "restart the kiosk: it brings the store up to date when it starts"
    return "the store comes from another kiosk version: call the installer before starting it"


# --- ID-hash key ----------------------------------------------------------------------------


def check_id_hash_key(security: SecurityConfig) -> CheckResult:
    """The secret that makes ID-number hashes match the central server's; never shown."""
    name = "id-hash key"
    key_file = security.id_hash_key_file
    if key_file is None:
        return CheckResult(
            name,
            Status.WARNING,
            "demo key: fine for the demo, never on a real terminal",
            "set security.id_hash_key_file in /etc/kiosk/kiosk.toml to the province's key file",
        )
    try:
        security.id_hash_key()  # the same reading the kiosk does at start
    except ConfigError as exc:
        return CheckResult(
            name,
            Status.PROBLEM,
            str(exc),
            f"put the province's key (at least 32 bytes) in {key_file}, readable by the kiosk",
        )
    if key_file.stat().st_mode & stat.S_IROTH:
        return CheckResult(
            name,
            Status.WARNING,
            f"every user of this computer can read the key file {key_file}",
            f"sudo chmod o-r {key_file}",
        )
    return CheckResult(name, Status.OK, f"key file {key_file} is readable and long enough")


# --- printer --------------------------------------------------------------------------------


@dataclass(frozen=True)
class QueueState:
    """What ``lpstat -p`` and ``lpstat -a`` say about one queue; None: they did not say."""

    exists: bool
    enabled: bool | None = None
    accepting: bool | None = None
    reason: str = ""


def parse_default_destination(text: str) -> str | None:
    """The queue named by ``lpstat -d``, or None for ``no system default destination``."""
    match = re.search(r"^system default destination: (\S+)", text, re.MULTILINE)
    return match.group(1) if match else None


def parse_queue_state(queue: str, printer_text: str, accepting_text: str) -> QueueState:
    """Read ``lpstat -p QUEUE`` and ``lpstat -a QUEUE`` output (C locale)."""
    head = re.search(rf"^printer {re.escape(queue)} (.*)$", printer_text, re.MULTILINE)
    if head is None:
        return QueueState(exists=False)
    enabled = None
    if "disabled since" in head.group(1):
        enabled = False
    elif "enabled since" in head.group(1):
        enabled = True
    after = printer_text[head.end() :].splitlines()
    reason = next((line.strip() for line in after if line.startswith(("\t", " "))), "")
    accept_line = re.search(rf"^{re.escape(queue)} (.*)$", accepting_text, re.MULTILINE)
    accepting = None
    if accept_line is not None:
        accepting = not accept_line.group(1).startswith("not accepting")
    return QueueState(exists=True, enabled=enabled, accepting=accepting, reason=reason)


def check_printer(queue: str, runner: Runner) -> CheckResult:
    """CUPS is installed and running, and the queue records print to is enabled and accepting.

    ``queue`` empty means the CUPS default destination. Paper and jams are not checked here.
    """
    name = "printer"
    scheduler = runner(["lpstat", "-r"])
    if scheduler is None:
        return CheckResult(
            name,
            Status.PROBLEM,
            "CUPS is not installed (no lpstat): nothing can be printed",
            "sudo apt-get install cups cups-client",
        )
    if not re.search(r"^scheduler is running", scheduler.stdout, re.MULTILINE):
        return CheckResult(
            name,
            Status.PROBLEM,
            "the CUPS scheduler is not running: nothing can be printed",
            "sudo systemctl enable --now cups",
        )
    chosen_by = "printer.queue"
    if not queue:
        chosen_by = "CUPS default"
        default = runner(["lpstat", "-d"])
        queue = (parse_default_destination(default.stdout) if default else None) or ""
        if not queue:
            return CheckResult(
                name,
                Status.PROBLEM,
                "no printer chosen: printer.queue is empty and CUPS has no default printer",
                "set printer.queue in /etc/kiosk/kiosk.toml, or sudo lpadmin -d QUEUE_NAME",
            )
    printer = runner(["lpstat", "-p", queue])
    accepting = runner(["lpstat", "-a", queue])
    state = parse_queue_state(
        queue, printer.stdout if printer else "", accepting.stdout if accepting else ""
    )
    if not state.exists:
        return CheckResult(
            name,
            Status.PROBLEM,
            f"the printer queue {queue!r} ({chosen_by}) does not exist in CUPS",
            "add the printer at http://localhost:631/admin, or correct printer.queue",
        )
    fixes = []
    if state.enabled is False:
        fixes.append(f"sudo cupsenable {queue}")
    if state.accepting is False:
        fixes.append(f"sudo cupsaccept {queue}")
    if fixes:
        why = f" ({state.reason})" if state.reason else ""
        return CheckResult(
            name,
            Status.PROBLEM,
            f"the printer {queue!r} is stopped or refusing jobs{why}",
            " && ".join(fixes),
        )
    if state.enabled is None or state.accepting is None:
        return CheckResult(
            name,
            Status.WARNING,
            f"cannot tell whether the printer {queue!r} is enabled and accepting jobs",
            f"look at the printer's state: lpstat -l -p {queue}",
        )
    return CheckResult(name, Status.OK, f"{queue!r} ({chosen_by}) is enabled and accepting jobs")


# --- central server -------------------------------------------------------------------------


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _shown_url(url: str) -> str:
    """The URL without any user:password part, which would be a secret."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    if ":" in host:
        host = f"[{host}]"
    port = f":{parts.port}" if parts.port else ""
    return f"{parts.scheme}://{host}{port}{parts.path}"


def check_central(central: CentralConfig, *, max_timeout_s: float = 5.0) -> CheckResult:
    """The central server answers its health endpoint over an encrypted link.

    Not needed to serve residents: complaints wait in the outbox until it is back.
    """
    name = "central"
    url = f"{central.url}/api/v1/health"
    shown = _shown_url(url)
    parts = urlsplit(url)
    host = parts.hostname or ""
    if parts.scheme != "https" and not _is_loopback(host):
        return CheckResult(
            name,
            Status.PROBLEM,
            f"plain http to {host}: complaints would cross the network unencrypted",
            "use https:// in central.url",
            needed=False,
        )
    timeout = min(central.timeout_s, max_timeout_s)
    offline = "complaints will wait in the outbox"
    network_fix = "check the network cable or mobile router, then run `kiosk doctor` again"
    started = time.monotonic()
    try:
        response = requests.get(
            url,
            timeout=timeout,
            verify=str(central.ca_bundle) if central.ca_bundle else True,
            allow_redirects=False,
        )
    except requests.exceptions.SSLError:
        return CheckResult(
            name,
            Status.PROBLEM,
            f"the central server's certificate is not trusted ({shown}); {offline}",
            "check this terminal's date and time, and central.ca_bundle",
            needed=False,
        )
    except requests.exceptions.Timeout:
        return CheckResult(
            name,
            Status.PROBLEM,
            f"no answer from {shown} within {timeout:g} s; {offline}",
            network_fix,
            needed=False,
        )
    except requests.exceptions.RequestException as exc:
        kind = "connection refused" if "refused" in str(exc).lower() else type(exc).__name__
        return CheckResult(
            name,
            Status.PROBLEM,
            f"cannot reach {shown} ({kind}); {offline}",
            network_fix,
            needed=False,
        )
    elapsed_ms = (time.monotonic() - started) * 1000
    with response:
        code = response.status_code
    if code != 200:
        return CheckResult(
            name,
            Status.PROBLEM,
            f"{shown} answered HTTP {code}; {offline}",
            "tell the installer: the central server is not healthy",
            needed=False,
        )
    return CheckResult(name, Status.OK, f"{shown} answered in {elapsed_ms:.0f} ms", needed=False)
