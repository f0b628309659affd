"""Tap to next screen painted, per screen, in one process on a large store.

The main window is built as ``kiosk run`` builds it (translations in Chinese, the CJK
font, the stylesheet, the store's sessionmaker, the real ``Identifier``), 1366x768,
shown offscreen. A demo scenario's head identifies on the identification screen with
taps on its keypads, the way a resident does (or, if that screen cannot be driven, through
``Identifier.identify`` and ``MainWindow.begin_session``, and the report says so).

Then, for every screen the main window has registered by name:

* a screen with a tile on the home menu is opened by ``QTest.mouseClick`` on the tile;
  the time runs from just before the click until the new screen's next paint has ended
  (an event filter sees its ``QEvent.Paint`` while ``QApplication.processEvents()``
  delivers it; the call that delivered it returns after the screen and its children are
  painted). Then Back (a click on the top bar's button) returns to the home menu, timed
  the same way as "home (Back)";
* a screen without a tile is opened with ``MainWindow.open_screen(name)`` and timed the
  same way, marked "open_screen()".

The first opening of each screen (which creates it) is reported on its own, with how much
the RSS grew over it; p50 and p95 are over the following ``--repeat`` openings (≥ 30).
Those reopen a screen for the same household, as a resident going back and forth does;
then each screen of a resident's data is timed again with the session moved to the other
of two scenario households before every tap, so each opening shows other data.
The baseline, in the same process and timed the same way: a plain QMainWindow of the same
size switching a QStackedWidget between two labels on a button click. Resident RSS is
the process's RSS after every screen has been visited (target 150 MB); the RSS before
the window was built is shown too, and the RSS once the session has ended (every screen
cleared, memory given back as the kiosk does between residents).

For the RSS to be the kiosk's, the process is set up as ``kiosk run`` sets itself up: the
memory settings of ``kiosk.memory.keep_memory_small`` come before any large
import, and the baseline window is built only after the kiosk's RSS has been taken (its
default font would load a second CJK font file). ``--read-aloud`` gives the window a
``ReadAloud`` and starts it as ``kiosk run`` does after the first paint, waiting until it
has found its engine (or none), so the RSS includes the speech engine and its thread.
The RSS part also shows where the memory is, from ``/proc/self/smaps``: the Python heap,
the C heap, other anonymous memory, font files, and libraries.

    python benchmarks/bench_screens.py [--members N] [--quick] [--repeat N] [--read-aloud]
"""

from __future__ import annotations

# ruff: noqa: E402  (the memory settings below must come before the large imports)
import inspect
import os
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

# Before Qt is imported: without a display, draw offscreen.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# What ``kiosk run`` does first, before SQLAlchemy and the services are imported.
from kiosk.memory import keep_memory_small

keep_memory_small()

from common import (
    base_parser,
    load_average,
    mib,
    ms,
    peak_rss_kib,
    percentile,
    print_machine,
    print_table,
    rss_now_kib,
    verdict,
)
from PySide6.QtCore import QEvent, QEventLoop, QObject, QSize, Qt
from PySide6.QtGui import QFont
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLabel,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker
from store import ID_HASH_KEY, TERMINAL_CODE, TERMINAL_REGION_CODE, bench_store

from kiosk.app import CJK_FONT_FAMILIES
from kiosk.config import load_config
from kiosk.domain.address_codes import demo_address_codes
from kiosk.domain.idnumber import parse_id_number
from kiosk.domain.models import Household, Member
from kiosk.services.demo import SCENARIOS
from kiosk.services.identify import Identifier, Outcome
from kiosk.services.places import office_display_name
from kiosk.services.store import Store, open_store
from kiosk.views.i18n import Translations
from kiosk.views.main_window import MainWindow
from kiosk.views.screens.base import ScreenContext
from kiosk.views.speech import ReadAloud
from kiosk.views.theme import NORMAL, theme_for

TARGET_P95_S = 0.050
TARGET_RSS_BYTES = 150 * 1000 * 1000
WINDOW_SIZE = QSize(1366, 768)
PAINT_TIMEOUT_S = 5.0
SPEECH_SEARCH_TIMEOUT_S = 60.0


class PaintWatch(QObject):
    """Notes when a watched widget receives a paint event."""

    def __init__(self) -> None:
        super().__init__()
        self.painted = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.painted = True
        return False


def settle() -> None:
    """Deliver the events that are pending."""
    QEventLoop().processEvents(QEventLoop.ProcessEventsFlag.AllEvents)


def until_painted(act: Callable[[], None], target: Callable[[], QWidget]) -> float | None:
    """Seconds from ``act()`` until ``target()`` (asked right after the act) has been
    painted, or None if no paint came within the timeout."""
    watch = PaintWatch()
    loop = QEventLoop()
    started = time.perf_counter()
    act()
    widget = target()
    widget.installEventFilter(watch)
    try:
        while not watch.painted:
            loop.processEvents(QEventLoop.ProcessEventsFlag.AllEvents)
            if time.perf_counter() - started > PAINT_TIMEOUT_S:
                return None
        return time.perf_counter() - started
    finally:
        widget.removeEventFilter(watch)


def tap(widget: QWidget) -> Callable[[], None]:
    return lambda: QTest.mouseClick(widget, Qt.MouseButton.LeftButton)


def build_window(
    app: QApplication, store_path: Path, read_aloud: ReadAloud | None
) -> tuple[MainWindow, Store]:
    """The main window as ``kiosk run`` composes it, with the built-in configuration."""
    with tempfile.TemporaryDirectory() as tmp:
        empty = Path(tmp) / "kiosk.toml"
        empty.write_text("", encoding="utf-8")
        config = load_config(empty, environ={})
    store = open_store(store_path, migrate=False)
    theme = theme_for(config.ui)
    font = QFont()
    font.setFamilies(list(CJK_FONT_FAMILIES))
    font.setPointSize(theme.font_body_pt)
    app.setFont(font)
    translations = Translations(app)
    translations.set_language("zh_CN")
    offered: dict[str, Any] = {
        "translations": translations,
        "context": ScreenContext(
            sessions=store.sessionmaker,
            kiosk_code=TERMINAL_CODE,
            region_code=TERMINAL_REGION_CODE,
        ),
        # The story numbers it types use the demo's address code.
        "identifier": Identifier(
            store.sessionmaker, id_hash_key=ID_HASH_KEY, addresses=demo_address_codes()
        ),
        "identity_source": None,
        # Long enough that "Are you still there?" never interrupts the measurements.
        "idle_timeout_s": 3600.0,
        "idle_countdown_s": 20.0,
        "theme": NORMAL,
        "large_text": False,
        "office_name": office_display_name(store.sessionmaker, TERMINAL_REGION_CODE),
        "read_aloud": read_aloud,
    }
    # Other engineers are still adding parameters: pass only what the window takes now.
    accepted = inspect.signature(MainWindow).parameters
    window = MainWindow(**{k: v for k, v in offered.items() if k in accepted})
    window.resize(WINDOW_SIZE)
    window.show()
    QTest.qWaitForWindowExposed(window)
    return window, store


def start_read_aloud(read_aloud: ReadAloud | None) -> str:
    """Start read aloud as ``kiosk run`` does after the first paint and wait until its
    engine search is over; what it found, for the report."""
    if read_aloud is None:
        return "off (no ReadAloud, as on a terminal without a speech engine)"
    read_aloud.start()
    deadline = time.perf_counter() + SPEECH_SEARCH_TIMEOUT_S
    while read_aloud.searching() and time.perf_counter() < deadline:
        QEventLoop().processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 100)
    if read_aloud.searching():
        return f"on, but the engine search was not over after {SPEECH_SEARCH_TIMEOUT_S:.0f} s"
    if not read_aloud.available():
        return "on, but no engine with a Chinese voice was found (nothing loaded stays)"
    return f"on: engine {read_aloud.engine()}, voice {read_aloud.voice_name()!r}"


def memory_map() -> list[tuple[str, str]]:
    """This process's resident memory by kind, from ``/proc/self/smaps``. Anonymous
    memory outside malloc's main arena is mostly CPython's own 1 MiB arenas, then other
    threads' malloc arenas and large blocks such as the window's backing store."""
    kinds: dict[str, int] = {}
    name = ""
    with open("/proc/self/smaps", encoding="utf-8") as smaps:
        for line in smaps:
            fields = line.split()
            if "-" in fields[0] and not fields[0].endswith(":"):
                path = fields[5] if len(fields) > 5 else ""
                if path.endswith((".ttc", ".ttf", ".otf")):
                    name = "font files"
                elif ".so" in path:
                    name = "libraries (Qt)" if "PySide6" in path else "libraries (other)"
                elif path == "[heap]":
                    name = "C heap (malloc's main arena)"
                elif not path or path.startswith("[anon"):
                    name = "other anonymous (Python arenas, threads' arenas, images)"
                else:
                    name = "other files and stacks"
            elif fields[0] == "Rss:":
                kinds[name] = kinds.get(name, 0) + int(fields[1])
    ordered = sorted(kinds.items(), key=lambda item: -item[1])
    return [(kind, mib(kib * 1024)) for kind, kib in ordered]


def stored_initials(sessions: sessionmaker[Session], file_number: str) -> str:
    """The initials of a household head as stored. (Computing them would import pypinyin,
    some 55 MiB, into this process, which the kiosk does not do to identify someone.)"""
    with sessions() as session:
        return session.execute(
            select(Member.name_initials)
            .join(Household, Household.id == Member.household_id)
            .where(Household.file_number == file_number, Member.position == 0)
        ).scalar_one()


def identify(
    window: MainWindow, sessions: sessionmaker[Session]
) -> tuple[str, dict[str, float | None]]:
    """Identify as the first scenario's head; how it was done, and the timed taps."""
    scenario = SCENARIOS[0]
    number, initials = scenario.head_id_number, stored_initials(sessions, scenario.file_number)
    times: dict[str, float | None] = {}
    attract = window.attract
    times["attract -> identify (Start)"] = until_painted(
        tap(attract.start_button), window.current_screen
    )
    screen = window.current_screen()
    try:
        number_pad = screen.number_entry.pad  # type: ignore[attr-defined]
        initials_pad = screen.initials_entry.pad  # type: ignore[attr-defined]
        for key in number:
            QTest.mouseClick(number_pad.button(key), Qt.MouseButton.LeftButton)
        QTest.mouseClick(screen.next_button, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
        settle()
        for key in initials:
            QTest.mouseClick(initials_pad.button(key), Qt.MouseButton.LeftButton)
        confirm = screen.confirm_button  # type: ignore[attr-defined]
        times["identify -> home (Confirm, 1 lookup)"] = until_painted(
            tap(confirm), window.current_screen
        )
        how = "taps on the identification screen's keypads"
    except (AttributeError, KeyError) as exc:
        identifier = Identifier(sessions, id_hash_key=ID_HASH_KEY)
        story = parse_id_number(number, addresses=demo_address_codes())
        result = identifier.identify(story, initials)
        if result.outcome is not Outcome.IDENTIFIED:
            raise SystemExit("the scenario's head was not identified: wrong store or key?") from exc
        assert result.household_id is not None and result.member_id is not None
        window.begin_session(result.household_id, result.member_id)
        settle()
        how = f"Identifier.identify + MainWindow.begin_session (the screen could not: {exc!r})"
    if window.session is None:
        # A store generated before the demo's ID numbers last changed holds other hashes;
        # the screens measured below do not depend on how the session was opened.
        household_id, member_id = stored_head(sessions, scenario.file_number)
        window.begin_session(household_id, member_id)
        settle()
        how = (
            "MainWindow.begin_session with the scenario household's head (the store's ID"
            " numbers do not match the demo's: generated by an older demo-data)"
        )
    if window.session is None:
        raise SystemExit("identification did not open a session")
    return how, times


def stored_head(sessions: sessionmaker[Session], file_number: str) -> tuple[int, int]:
    """The household id and its head's member id, by the household's file number."""
    with sessions() as session:
        row = session.execute(
            select(Household.id, Member.id)
            .join(Member, Member.household_id == Household.id)
            .where(Household.file_number == file_number, Member.position == 0)
        ).one()
    return row[0], row[1]


@dataclass
class ScreenTimes:
    name: str
    opened_by: str
    first_s: float | None = None
    later_s: list[float] = field(default_factory=list)
    #: How much the process's RSS grew over the first opening (creating the screen), and
    #: over the openings after it (which should be nothing, or the screen leaks).
    rss_growth_kib: int = 0
    rss_repeat_growth_kib: int = 0
    problem: str = ""


def measure_screens(window: MainWindow, repeat: int) -> tuple[list[ScreenTimes], list[float]]:
    """Every named screen but identification and home, opened ``repeat + 1`` times, and
    the times of Back to the home menu."""
    home = window.current_screen()
    tiles: dict[str, QAbstractButton] = getattr(home, "tiles", {})
    back_button = window.top_bar.back_button
    measured: list[ScreenTimes] = []
    back_times: list[float] = []
    for name in window.navigation.names():
        if name in ("identify", "home"):
            continue
        tile = tiles.get(name)
        times = ScreenTimes(name, "tile tap" if tile is not None else "open_screen()")
        measured.append(times)
        act = tap(tile) if tile is not None else partial(window.open_screen, name)
        try:
            for attempt in range(repeat + 1):
                rss_before = rss_now_kib()
                elapsed = until_painted(act, window.current_screen)
                shown = window.navigation.current_name()
                if shown != name:
                    times.problem = f"did not open (the window shows {shown!r})"
                    break
                if elapsed is None:
                    times.problem = f"no paint within {PAINT_TIMEOUT_S:.0f} s"
                    break
                if attempt == 0:
                    times.first_s = elapsed
                    times.rss_growth_kib = rss_now_kib() - rss_before
                    after_first = rss_now_kib()
                else:
                    times.later_s.append(elapsed)
                    times.rss_repeat_growth_kib = rss_now_kib() - after_first
                back = until_painted(tap(back_button), window.current_screen)
                if back is not None and attempt > 0:
                    back_times.append(back)
                if window.navigation.current_name() != "home":
                    window.navigation.reset("home")
                    settle()
        except Exception as exc:  # a screen still being written may fail; report, go on
            times.problem = f"{type(exc).__name__}: {exc}"
        if window.navigation.current_name() != "home":
            window.navigation.reset("home")
            settle()
    return measured, back_times


def measure_switching(
    window: MainWindow, sessions: sessionmaker[Session], repeat: int
) -> dict[str, list[float]]:
    """Tile tap to paint for each screen of a resident's data, each time with the session
    just moved to the other of two scenario households, so the screen shows other data
    than the last time it was open (the case a new resident meets)."""
    heads = [stored_head(sessions, scenario.file_number) for scenario in SCENARIOS[:2]]
    times: dict[str, list[float]] = {}
    for name in ("household", "ledger", "projects", "loans", "cadre"):
        times[name] = []
        for attempt in range(repeat + 1):
            window.begin_session(*heads[attempt % 2])
            settle()
            tile = getattr(window.current_screen(), "tiles", {}).get(name)
            if tile is None:
                break
            elapsed = until_painted(tap(tile), window.current_screen)
            if elapsed is not None and attempt > 0:
                times[name].append(elapsed)
    window.end_session()
    settle()
    return times


def baseline(repeat: int) -> list[float]:
    """A bare window switching between two labels on a click, timed the same way."""
    window = QMainWindow()
    pages = QStackedWidget()
    first, second = QWidget(), QLabel("第二页 Second page")
    button = QPushButton("下一页 Next", first)
    QVBoxLayout(first).addWidget(button)
    pages.addWidget(first)
    pages.addWidget(second)
    button.clicked.connect(lambda: pages.setCurrentWidget(second))
    window.setCentralWidget(pages)
    window.resize(WINDOW_SIZE)
    window.show()
    QTest.qWaitForWindowExposed(window)
    times = []
    for _ in range(repeat + 1):
        pages.setCurrentWidget(first)
        until_painted(lambda: None, lambda: first)
        elapsed = until_painted(tap(button), lambda: pages.currentWidget() or second)
        if elapsed is not None:
            times.append(elapsed)
    window.close()
    window.deleteLater()
    settle()
    return times[1:]


def main(argv: list[str] | None = None) -> int:
    parser = base_parser("Time tap-to-paint for every screen of the kiosk on a large store.")
    parser.add_argument("--repeat", type=int, default=None, metavar="N")
    parser.add_argument(
        "--read-aloud",
        action="store_true",
        help="start read aloud as `kiosk run` does, so the RSS includes the speech engine",
    )
    args = parser.parse_args(argv)
    repeat = args.repeat or (30 if args.quick else 60)

    print_machine("Screens: tap to next screen painted")
    store_path = bench_store(args.members)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    print(f"platform {app.platformName()}; {repeat} openings per screen after the first")
    print(f"load average before: {load_average()}\n")

    rss_before = rss_now_kib()
    read_aloud = ReadAloud(language="zh_CN") if args.read_aloud else None
    built = time.perf_counter()
    window, store = build_window(app, store_path, read_aloud)
    built = time.perf_counter() - built
    speech = start_read_aloud(read_aloud)
    rss_window = rss_now_kib()
    try:
        how, identify_times = identify(window, store.sessionmaker)
        rss_identified = rss_now_kib()
        measured, back_times = measure_screens(window, repeat)
        rss_after = rss_now_kib()
        where = memory_map()
        # As the next resident finds the terminal: screens cleared, memory given back.
        window.end_session()
        settle()
        rss_ended = rss_now_kib()
        switched = measure_switching(window, store.sessionmaker, repeat)
    finally:
        window.close()
        store.close()
        if read_aloud is not None:
            read_aloud.shutdown(timeout_s=5.0)
    peak = peak_rss_kib()
    # After the kiosk's RSS was taken: its default font loads another CJK font file.
    base_times = baseline(repeat)

    print(f"Main window built and shown in {ms(built)} ms; identified by {how}.")
    for label, elapsed in identify_times.items():
        print(f"  {label}: {'no paint seen' if elapsed is None else ms(elapsed) + ' ms'}")
    print()
    rows: list[tuple[object, ...]] = []
    for times in measured:
        later = times.later_s
        p50 = ms(percentile(later, 0.5)) if later else "-"
        p95 = ms(percentile(later, 0.95)) if later else "-"
        met = verdict(percentile(later, 0.95), TARGET_P95_S) if later else "-"
        first = "-" if times.first_s is None else ms(times.first_s)
        growth = mib(times.rss_growth_kib * 1024)
        repeats = mib(times.rss_repeat_growth_kib * 1024)
        rows.append(
            (times.name, times.opened_by, first, growth, len(later), p50, p95, met, repeats)
        )
    if back_times:
        back50, back95 = percentile(back_times, 0.5), percentile(back_times, 0.95)
        met = verdict(back95, TARGET_P95_S)
        rows.append(
            ("home (Back)", "tap", "-", "-", len(back_times), ms(back50), ms(back95), met, "-")
        )
    b50, b95 = percentile(base_times, 0.5), percentile(base_times, 0.95)
    rows.append(
        (
            "baseline: bare QStackedWidget",
            "tap",
            "-",
            "-",
            len(base_times),
            ms(b50),
            ms(b95),
            "-",
            "-",
        )
    )
    print_table(
        (
            "screen",
            "opened by",
            "first ms",
            "RSS +MiB",
            "n",
            "p50 ms",
            "p95 ms",
            "p95 ≤ 50 ms",
            "RSS +MiB over n",
        ),
        rows,
    )
    for times in measured:
        if times.problem:
            print(f"{times.name}: {times.problem}")
    print(
        "\nThe same, each opening right after the session moved to the other of two"
        " households (screens refilled with other data):"
    )
    print_table(
        ("screen", "n", "p50 ms", "p95 ms", "p95 ≤ 50 ms"),
        [
            (
                name,
                len(t),
                ms(percentile(t, 0.5)),
                ms(percentile(t, 0.95)),
                verdict(percentile(t, 0.95), TARGET_P95_S),
            )
            for name, t in switched.items()
            if t
        ],
    )
    met = "met" if rss_after * 1024 <= TARGET_RSS_BYTES else "NOT met"
    print(f"\nRead aloud: {speech}")
    print(
        f"RSS before the main window (imports, QApplication):"
        f" {mib(rss_before * 1024)} MiB; window shown: {mib(rss_window * 1024)} MiB;"
        f" identified: {mib(rss_identified * 1024)} MiB"
    )
    print(
        f"RSS after visiting every screen: {mib(rss_after * 1024)} MiB"
        f" ({rss_after * 1024 / 1e6:.0f} MB; target {TARGET_RSS_BYTES / 1e6:.0f} MB: {met});"
        f" peak {mib(peak * 1024)} MiB"
    )
    print_table(("where the RSS is, after every screen", "MiB"), where)
    print(
        f"RSS once the session has ended (screens cleared, memory released):"
        f" {mib(rss_ended * 1024)} MiB ({rss_ended * 1024 / 1e6:.0f} MB)"
    )
    print(f"load average after: {load_average()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
