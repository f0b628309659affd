"""Health checks of ``kiosk doctor``, against real files, real commands and a real HTTP server."""

from __future__ import annotations

import hashlib
import os
import shutil
import socket
import sqlite3
import struct
import subprocess
import threading
from collections.abc import Iterator, Mapping, Sequence
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import reportlab

from kiosk.config import CentralConfig, SecurityConfig
from kiosk.domain.models.households import Household, PovertyStatus
from kiosk.domain.models.regions import Region, RegionLevel
from kiosk.services.health import (
    CommandOutput,
    FontFile,
    Status,
    check_central,
    check_database,
    check_display,
    check_fonts,
    check_id_hash_key,
    check_printer,
    debian_package,
    has_truetype_outlines,
    parse_default_destination,
    parse_fc_list,
    parse_ldd_missing,
    parse_queue_state,
    qt_platform_plugins_dir,
    run_command,
)
from kiosk.services.health.base import RARE_FONT_FAMILIES as RARE
from kiosk.services.store import open_store
from tests.xdisplay import xvfb

VERA = Path(reportlab.__file__).parent / "fonts" / "Vera.ttf"


class Replay:
    """Answers commands with output captured from real tools; anything else is "not installed".

    Used where the real tool's state cannot be arranged here (CUPS queues, missing libraries).
    """

    def __init__(self, answers: Mapping[tuple[str, ...], CommandOutput]) -> None:
        self.answers = dict(answers)
        self.calls: list[tuple[str, ...]] = []

    def __call__(self, argv: Sequence[str]) -> CommandOutput | None:
        self.calls.append(tuple(argv))
        return self.answers.get(tuple(argv))


def _cff_font(path: Path, *, collection: bool = False) -> Path:
    """Write the header of an OpenType font with CFF outlines, as Noto Sans CJK has."""
    directory = b"OTTO" + struct.pack(">HHHH", 1, 16, 0, 0) + b"CFF " + struct.pack(">III", 0, 0, 0)
    if collection:
        directory = b"ttcf" + struct.pack(">HHII", 2, 0, 1, 16) + directory
    path.write_bytes(directory)
    return path


# --- fonts ----------------------------------------------------------------------------------

NOTO = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
WQY = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
FC_LIST_CAPTURED = f"""\
{NOTO}: Noto Sans CJK SC
{WQY}: WenQuanYi Micro Hei,文泉驛微米黑,文泉驿微米黑
{NOTO}: Noto Sans Mono CJK SC
"""


def test_parse_fc_list_keeps_the_first_family_name() -> None:
    """Each fc-list line gives the file and its first (Latin) family name."""
    assert parse_fc_list(FC_LIST_CAPTURED) == [
        FontFile(NOTO, "Noto Sans CJK SC"),
        FontFile(WQY, "WenQuanYi Micro Hei"),
        FontFile(NOTO, "Noto Sans Mono CJK SC"),
    ]


def test_truetype_outlines_are_told_from_cff(tmp_path: Path) -> None:
    """A glyf font (reportlab's Vera) passes; CFF fonts, collections of them and junk do not."""
    junk = tmp_path / "junk.ttf"
    junk.write_bytes(b"not a font")
    assert has_truetype_outlines(VERA)
    assert not has_truetype_outlines(_cff_font(tmp_path / "cff.otf"))
    assert not has_truetype_outlines(_cff_font(tmp_path / "cff.ttc", collection=True))
    assert not has_truetype_outlines(junk)
    assert not has_truetype_outlines(tmp_path / "missing.ttf")


def test_fonts_ok_with_an_embeddable_font(tmp_path: Path) -> None:
    """A TrueType font among the Chinese fonts is the one printed records use."""
    cff = _cff_font(tmp_path / "NotoSansCJK-Regular.ttc", collection=True)
    listing = f"{cff}: Noto Sans CJK SC\n{VERA}: Some TrueType Hei\n"
    runner = Replay(
        {
            ("fc-list", ":lang=zh", "family", "file"): CommandOutput(0, listing),
            **{
                ("fc-list", f":family={f}", "file"): CommandOutput(0, f"/f/{f}.ttf\n") for f in RARE
            },
        }
    )
    result = check_fonts(runner)
    assert result.status is Status.OK
    assert "printed records use Vera.ttf" in result.finding


def test_fonts_warn_when_the_rare_character_faces_are_missing(tmp_path: Path) -> None:
    """Without HanaMin A and B a name with 𠮷 would print with a gap: a warning and the fix."""
    listing = f"{VERA}: Some TrueType Hei\n"
    answers: dict[tuple[str, ...], CommandOutput] = {
        ("fc-list", ":lang=zh", "family", "file"): CommandOutput(0, listing)
    }
    answers[("fc-list", ":family=HanaMinA", "file")] = CommandOutput(0, "/f/HanaMinA.ttf\n")
    answers[("fc-list", ":family=HanaMinB", "file")] = CommandOutput(0, "")
    result = check_fonts(Replay(answers))
    assert result.status is Status.WARNING
    assert "HanaMinB missing" in result.finding and "HanaMinA" not in result.finding.split(";")[-1]
    assert result.fix == "sudo apt-get install fonts-hanazono"


def test_fonts_warn_when_only_cff_fonts_cover_chinese(tmp_path: Path) -> None:
    """Noto CJK alone shows Chinese on screen, but reportlab cannot embed it: a warning."""
    cff = _cff_font(tmp_path / "NotoSansCJK-Regular.ttc", collection=True)
    runner = Replay(
        {("fc-list", ":lang=zh", "family", "file"): CommandOutput(0, f"{cff}: Noto Sans CJK SC\n")}
    )
    result = check_fonts(runner)
    assert result.status is Status.WARNING
    assert result.fix == "sudo apt-get install fonts-wqy-microhei"


def test_fonts_problem_without_any_chinese_font() -> None:
    """An empty fc-list :lang=zh means every screen would show boxes."""
    runner = Replay({("fc-list", ":lang=zh", "family", "file"): CommandOutput(0, "")})
    result = check_fonts(runner)
    assert result.status is Status.PROBLEM and result.needed
    assert "fonts-noto-cjk" in result.fix


def test_fonts_warn_when_fontconfig_is_missing() -> None:
    """Without fc-list the doctor cannot tell, so it warns instead of guessing."""
    assert check_fonts(Replay({})).status is Status.WARNING


def test_fonts_on_this_machine_agree_with_fc_list() -> None:
    """The real check is a problem exactly when the real fc-list finds no Chinese font."""
    result = check_fonts(run_command)
    if shutil.which("fc-list") is None:
        assert result.status is Status.WARNING
        return
    listed = subprocess.run(
        ["fc-list", ":lang=zh", "file"], capture_output=True, text=True, check=True
    ).stdout
    assert (result.status is Status.PROBLEM) == (listed.strip() == "")


# --- display --------------------------------------------------------------------------------

LDD_CAPTURED = """\
\tlinux-vdso.so.1 (0x00007ffd6a5f2000)
\tlibQt6XcbQpa.so.6 => /venv/PySide6/Qt/plugins/platforms/../../lib/libQt6XcbQpa.so.6 (0x7f1)
\tlibxcb-icccm.so.4 => not found
\tlibxcb-keysyms.so.1 => not found
\tlibxcb.so.1 => /lib/x86_64-linux-gnu/libxcb.so.1 (0x00007f4a1c6e0000)
\tlibxcb-icccm.so.4 => not found
"""


def test_parse_ldd_lists_each_missing_library_once() -> None:
    """Only "not found" lines count, in order, without repeats."""
    assert parse_ldd_missing(LDD_CAPTURED) == ["libxcb-icccm.so.4", "libxcb-keysyms.so.1"]


@pytest.mark.parametrize(
    ("soname", "package"),
    [
        ("libxcb-cursor.so.0", "libxcb-cursor0"),
        ("libxcb-icccm.so.4", "libxcb-icccm4"),
        ("libxkbcommon-x11.so.0", "libxkbcommon-x11-0"),
        ("libX11-xcb.so.1", "libx11-xcb1"),
        ("libEGL.so.1", "libegl1"),
        ("libglib-2.0.so.0", "libglib2.0-0"),
    ],
)
def test_debian_package_names_follow_the_soname(soname: str, package: str) -> None:
    """Missing libraries map to the Debian package an installer would apt-get install."""
    assert debian_package(soname) == package


def test_display_problem_without_any_display() -> None:
    """No DISPLAY, no WAYLAND_DISPLAY: nothing a resident could see."""
    result = check_display({}, Replay({}))
    assert result.status is Status.PROBLEM and result.needed


def test_display_offscreen_is_a_warning() -> None:
    """QT_QPA_PLATFORM=offscreen runs, but only for tests and screenshots."""
    result = check_display({"QT_QPA_PLATFORM": "offscreen"}, Replay({}))
    assert result.status is Status.WARNING
    assert result.finding.startswith("no display: the kiosk can only run offscreen")


def test_display_problem_when_no_x_server_listens() -> None:
    """A DISPLAY that names a local X server which is not running is a problem."""
    if Path("/tmp/.X11-unix/X987").exists():
        pytest.skip("an X server really runs on :987")
    result = check_display({"DISPLAY": ":987"}, Replay({}))
    assert result.status is Status.PROBLEM
    assert "/tmp/.X11-unix/X987" in result.finding


def test_display_names_missing_libraries_and_their_packages(tmp_path: Path) -> None:
    """Missing xcb libraries (captured ldd output) become one apt-get line."""
    plugin = tmp_path / "libqxcb.so"
    plugin.write_bytes(b"")
    runner = Replay({("ldd", str(plugin)): CommandOutput(0, LDD_CAPTURED)})
    # A remote display has no local socket to look for, so the check goes on to the plugin.
    result = check_display({"DISPLAY": "terminal-7:0"}, runner, plugins_dir=tmp_path)
    assert result.status is Status.PROBLEM
    assert "libxcb-icccm.so.4, libxcb-keysyms.so.1" in result.finding
    assert result.fix == "sudo apt-get install libxcb-icccm4 libxcb-keysyms1"


def test_display_problem_when_the_platform_plugin_is_missing(tmp_path: Path) -> None:
    """A PySide6 without the xcb plugin cannot open a window."""
    result = check_display({"DISPLAY": "terminal-7:0"}, Replay({}), plugins_dir=tmp_path)
    assert result.status is Status.PROBLEM
    assert "libqxcb.so" in result.finding


@pytest.fixture
def xvfb_display() -> Iterator[str]:
    """A real X server (Xvfb) on a free display number, as on a terminal without a monitor."""
    with xvfb(800, 600) as display:
        yield display


def test_display_on_a_real_x_server_agrees_with_ldd(xvfb_display: str) -> None:
    """With a real X server the check is ok exactly when ldd finds every xcb library."""
    result = check_display({"DISPLAY": xvfb_display}, run_command)
    plugin = qt_platform_plugins_dir() / "libqxcb.so"
    ldd = subprocess.run(["ldd", str(plugin)], capture_output=True, text=True, check=False)
    missing = parse_ldd_missing(ldd.stdout)
    assert (result.status is Status.OK) == (not missing), result.finding


# --- database -------------------------------------------------------------------------------


def _fingerprint(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    """A real, freshly migrated, empty store."""
    path = tmp_path / "kiosk.sqlite3"
    open_store(path).close()
    return path


def test_database_missing_is_a_problem_and_is_not_created(tmp_path: Path) -> None:
    """A missing store says how to make one, and the doctor does not create it."""
    missing = tmp_path / "nowhere" / "kiosk.sqlite3"
    result = check_database(missing)
    assert result.status is Status.PROBLEM and result.needed
    assert f"kiosk demo-data --db {missing}" in result.fix
    assert not missing.parent.exists()


def test_database_of_garbage_bytes_is_damaged(tmp_path: Path) -> None:
    """A file that is not SQLite is damaged, and the fix warns against deleting it."""
    garbage = tmp_path / "kiosk.sqlite3"
    garbage.write_bytes(os.urandom(4096))
    result = check_database(garbage)
    assert result.status is Status.PROBLEM
    assert "damaged" in result.finding
    assert "do not delete" in result.fix


def test_database_empty_store_is_a_warning(store_path: Path) -> None:
    """A new store works but has nobody to show: load the register."""
    result = check_database(store_path)
    assert result.status is Status.WARNING
    assert "no households" in result.finding
    assert "kiosk import" in result.fix


def test_database_with_a_household_is_ok_and_unchanged(store_path: Path) -> None:
    """A migrated store with a household is ok, and checking it writes nothing."""
    store = open_store(store_path)
    with store.sessionmaker.begin() as session:
        session.add(Region(code="522730001001", name="新寨村", level=RegionLevel.VILLAGE))
        session.add(
            Household(
                file_number="5227300010010001",
                village_code="522730001001",
                address="新寨村3组",
                status=PovertyStatus.POOR,
                registered_on=date(2014, 4, 1),
                poverty_score=50,
                score_housing=10,
                score_food=10,
                score_labour=10,
                score_schooling=10,
                score_health=10,
            )
        )
    store.close()
    before = _fingerprint(store_path)
    result = check_database(store_path)
    assert result.status is Status.OK, result.finding
    assert "1 household" in result.finding
    assert _fingerprint(store_path) == before


def test_database_with_an_unknown_revision_is_a_problem(store_path: Path) -> None:
    """A schema version this kiosk does not know is not current, and restarting will not help."""
    with sqlite3.connect(store_path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = 'ffffffffffff'")
    result = check_database(store_path)
    assert result.status is Status.PROBLEM
    assert "ffffffffffff" in result.finding
    assert "another kiosk version" in result.fix


def test_database_without_schema_version_is_not_a_store(tmp_path: Path) -> None:
    """Some other SQLite file at store.path is named as such."""
    other = tmp_path / "other.sqlite3"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE notes (text TEXT)")
    result = check_database(other)
    assert result.status is Status.PROBLEM
    assert "not a kiosk store" in result.finding


def test_database_not_in_wal_mode_is_a_warning(store_path: Path) -> None:
    """Without WAL the UI would wait on every sync; the kiosk fixes it when it starts."""
    conn = sqlite3.connect(store_path)
    conn.execute("PRAGMA journal_mode=DELETE")
    conn.close()
    result = check_database(store_path)
    assert result.status is Status.WARNING
    assert "journal mode is delete" in result.finding


# --- ID-hash key ----------------------------------------------------------------------------


def test_demo_key_is_a_warning() -> None:
    """The built-in key is fine for a demo, never for a real terminal."""
    result = check_id_hash_key(SecurityConfig(id_hash_key_file=None))
    assert result.status is Status.WARNING
    assert "demo key" in result.finding


def test_short_key_is_a_problem_and_is_not_shown(tmp_path: Path) -> None:
    """A key under 32 bytes stops the kiosk; the key itself never appears."""
    key_file = tmp_path / "id-hash.key"
    key_file.write_bytes(b"tooshort-secret")
    key_file.chmod(0o600)
    result = check_id_hash_key(SecurityConfig(id_hash_key_file=key_file))
    assert result.status is Status.PROBLEM and result.needed
    assert "tooshort-secret" not in result.finding + result.fix


def test_missing_key_file_is_a_problem(tmp_path: Path) -> None:
    """A configured key file that is not there is a problem naming the file."""
    key_file = tmp_path / "absent.key"
    result = check_id_hash_key(SecurityConfig(id_hash_key_file=key_file))
    assert result.status is Status.PROBLEM
    assert str(key_file) in result.finding


def test_good_key_is_ok_and_world_readable_key_is_a_warning(tmp_path: Path) -> None:
    """A long private key is ok; the same key readable by everyone is a warning."""
    secret = b"k" * 16 + b"province-secret-of-guizhou"
    key_file = tmp_path / "id-hash.key"
    key_file.write_bytes(secret)
    key_file.chmod(0o600)
    result = check_id_hash_key(SecurityConfig(id_hash_key_file=key_file))
    assert result.status is Status.OK
    key_file.chmod(0o644)
    result = check_id_hash_key(SecurityConfig(id_hash_key_file=key_file))
    assert result.status is Status.WARNING
    assert result.fix == f"sudo chmod o-r {key_file}"
    assert secret.decode() not in result.finding + result.fix


# --- printer --------------------------------------------------------------------------------

RUNNING = CommandOutput(0, "scheduler is running\n")
NOT_RUNNING = CommandOutput(0, "scheduler is not running\n")
NO_DEFAULT = CommandOutput(0, "no system default destination\n")
DEFAULT_RECEIPT = CommandOutput(0, "system default destination: Receipt80\n")
IDLE = CommandOutput(0, "printer Receipt80 is idle.  enabled since Tue 04 Jun 2024 09:12:44 AM\n")
PAUSED = CommandOutput(
    0, "printer Receipt80 disabled since Tue 04 Jun 2024 09:12:44 AM -\n\tPaper out\n"
)
ACCEPTING = CommandOutput(0, "Receipt80 accepting requests since Tue 04 Jun 2024 09:12:44 AM\n")
REJECTING = CommandOutput(
    0, "Receipt80 not accepting requests since Tue 04 Jun 2024 09:12:44 AM -\n\tRejecting Jobs\n"
)
UNKNOWN_QUEUE = CommandOutput(1, "", 'lpstat: Invalid destination name in list "Receipt80".\n')


def _cups(**answers: CommandOutput) -> Replay:
    """CUPS as lpstat reported it on a terminal (C locale); keys: r, d, p, a."""
    argv = {
        "r": ("lpstat", "-r"),
        "d": ("lpstat", "-d"),
        "p": ("lpstat", "-p", "Receipt80"),
        "a": ("lpstat", "-a", "Receipt80"),
    }
    return Replay({argv[key]: output for key, output in answers.items()})


def test_parse_lpstat_output() -> None:
    """Default destination, enabled/disabled with its reason, accepting/rejecting."""
    assert parse_default_destination(DEFAULT_RECEIPT.stdout) == "Receipt80"
    assert parse_default_destination(NO_DEFAULT.stdout) is None
    paused = parse_queue_state("Receipt80", PAUSED.stdout, REJECTING.stdout)
    assert (paused.exists, paused.enabled, paused.accepting) == (True, False, False)
    assert paused.reason == "Paper out"
    idle = parse_queue_state("Receipt80", IDLE.stdout, ACCEPTING.stdout)
    assert (idle.exists, idle.enabled, idle.accepting) == (True, True, True)
    assert not parse_queue_state("Receipt80", UNKNOWN_QUEUE.stdout, "").exists


def test_printer_without_cups_says_what_to_install() -> None:
    """No lpstat at all: install cups and cups-client."""
    result = check_printer("", Replay({}))
    assert result.status is Status.PROBLEM and result.needed
    assert result.fix == "sudo apt-get install cups cups-client"


def test_printer_scheduler_not_running() -> None:
    """lpstat present but cupsd stopped is a problem with a systemctl fix."""
    result = check_printer("", _cups(r=NOT_RUNNING))
    assert result.status is Status.PROBLEM
    assert "systemctl" in result.fix


def test_printer_without_queue_or_default() -> None:
    """An empty printer.queue needs a CUPS default destination."""
    result = check_printer("", _cups(r=RUNNING, d=NO_DEFAULT))
    assert result.status is Status.PROBLEM
    assert "printer.queue" in result.fix


def test_printer_default_queue_enabled_and_accepting_is_ok() -> None:
    """The CUPS default queue, idle and accepting, is ok."""
    result = check_printer("", _cups(r=RUNNING, d=DEFAULT_RECEIPT, p=IDLE, a=ACCEPTING))
    assert result.status is Status.OK, result.finding
    assert "Receipt80" in result.finding


def test_printer_paused_and_rejecting_gives_both_commands() -> None:
    """A stopped queue that refuses jobs needs cupsenable and cupsaccept; the reason is shown."""
    result = check_printer("Receipt80", _cups(r=RUNNING, p=PAUSED, a=REJECTING))
    assert result.status is Status.PROBLEM
    assert "Paper out" in result.finding
    assert result.fix == "sudo cupsenable Receipt80 && sudo cupsaccept Receipt80"


def test_printer_configured_queue_that_does_not_exist() -> None:
    """printer.queue naming no CUPS queue is a problem."""
    runner = _cups(r=RUNNING, p=UNKNOWN_QUEUE, a=UNKNOWN_QUEUE)
    result = check_printer("Receipt80", runner)
    assert result.status is Status.PROBLEM
    assert "does not exist" in result.finding
    assert ("lpstat", "-d") not in runner.calls


def test_printer_on_this_machine_agrees_with_lpstat() -> None:
    """The real check runs without crashing and agrees with what lpstat is installed."""
    result = check_printer("", run_command)
    if shutil.which("lpstat") is None:
        assert result.fix == "sudo apt-get install cups cups-client"
        return
    scheduler = subprocess.run(["lpstat", "-r"], capture_output=True, text=True, check=False)
    if "scheduler is running" not in scheduler.stdout:
        assert result.status is Status.PROBLEM
        assert "scheduler is not running" in result.finding


# --- central server -------------------------------------------------------------------------


class _CentralStandIn(BaseHTTPRequestHandler):
    """The health endpoint of the central server (which does not exist yet): 200, or 503."""

    def do_GET(self) -> None:
        code = 200 if self.path == "/api/v1/health" else 503
        self.send_response(code)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", "15")
        self.end_headers()
        self.wfile.write(b'{"status":"ok"}')

    def log_message(self, format: str, *args: object) -> None:
        pass  # keep the test output clean


@pytest.fixture
def central_url() -> Iterator[str]:
    """A real HTTP server on a loopback port."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _CentralStandIn)
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def closed_port_url() -> str:
    """A loopback URL where nothing listens."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}"


def _central(url: str) -> CentralConfig:
    return CentralConfig(url=url, ca_bundle=None, timeout_s=10.0)


def test_central_answering_200_is_ok(central_url: str) -> None:
    """A healthy central server on loopback is ok and not needed to serve residents."""
    result = check_central(_central(central_url))
    assert result.status is Status.OK, result.finding
    assert not result.needed


def test_central_refused_means_complaints_wait(closed_port_url: str) -> None:
    """A closed port is a problem that does not stop the kiosk: complaints wait in the outbox."""
    result = check_central(_central(closed_port_url))
    assert result.status is Status.PROBLEM and not result.stops_kiosk
    assert "complaints will wait in the outbox" in result.finding


def test_central_unhealthy_answer_is_a_problem(central_url: str) -> None:
    """Any answer but 200 from the health endpoint is a problem."""
    result = check_central(_central(f"{central_url}/broken"))
    assert result.status is Status.PROBLEM
    assert "HTTP 503" in result.finding


def test_central_plain_http_to_another_host_is_refused() -> None:
    """Plain http beyond loopback is refused before any request is sent."""
    result = check_central(_central("http://central.example.org"))
    assert result.status is Status.PROBLEM
    assert result.fix == "use https:// in central.url"


def test_central_credentials_in_the_url_are_not_shown(closed_port_url: str) -> None:
    """A password written into central.url never appears in a finding."""
    url = closed_port_url.replace("http://", "http://kiosk:hunter2-secret@")
    result = check_central(_central(url))
    assert "hunter2-secret" not in result.finding + result.fix
