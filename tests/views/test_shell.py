"""The shell: from the attract screen through identification to every screen and back out."""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QFontInfo
from PySide6.QtWidgets import QAbstractButton, QAbstractScrollArea, QLabel, QWidget
from pytestqt.qtbot import QtBot

from kiosk.domain.idnumber import check_character
from kiosk.services.demo import SCENARIOS
from kiosk.services.identify import AttemptThrottle, Identifier, ThrottlePolicy
from kiosk.services.identity_source import SimulatedCardReader
from kiosk.services.store import Store
from kiosk.views.i18n import Translations
from kiosk.views.main_window import MainWindow
from kiosk.views.screens.base import ResidentScreen
from kiosk.views.screens.home import TILES
from kiosk.views.screens.identify import IdentifyScreen
from kiosk.views.speech import ReadAloud
from kiosk.views.widgets.keypad import DELETE
from tests.views.hands import Hands

from .conftest import DEMO_ADDRESSES, TEST_ID_HASH_KEY, MakeWindow

RELIEF = SCENARIOS[0]  # 杨正刚, YZG: the withheld disaster relief
NO_MATCH_ZH = "号码或姓名首字母不对，请核对后再试，或请工作人员帮忙。"
SCREEN_NAMES = [name for name, _symbol in TILES]


def showing(window: MainWindow, screen: QWidget) -> Callable[[], bool]:
    """A check for ``qtbot.waitUntil``: ``window`` shows ``screen`` (bound now, not when
    a loop has moved on)."""
    return lambda: window.current_screen() is screen


def on_page(window: MainWindow, name: str) -> Callable[[], bool]:
    """A check for ``qtbot.waitUntil``: ``window``'s navigation is on the page ``name``."""
    return lambda: window.navigation.current_name() == name


def wrong_check_digit(number: str) -> str:
    right = check_character(number[:17])
    return number[:17] + ("1" if right != "1" else "2")


def identify_screen(window: MainWindow) -> IdentifyScreen:
    screen = window.identify_screen
    assert isinstance(screen, IdentifyScreen)
    return screen


def test_a_resident_goes_from_start_to_every_screen_and_out(
    qtbot: QtBot, make_window: MakeWindow, resident: Hands
) -> None:
    """Start, a wrong check digit, wrong initials, then the right ones; every tile; out."""
    window = make_window()
    resident.tap(window.attract.start_button)
    identify = identify_screen(window)
    qtbot.waitUntil(lambda: window.current_screen() is identify)
    assert window.top_bar.title_label.text() == "确认身份"

    # A wrong check digit is explained the moment the 18th character is typed.
    resident.type_on(identify.number_entry, wrong_check_digit(RELIEF.head_id_number))
    assert identify.problem_label.isVisible()
    assert identify.problem_label.text() == "最后一位校验码不对，请核对号码"
    assert not identify.next_button.isEnabled()
    resident.tap(identify.number_entry.pad.button(DELETE))
    resident.type_on(identify.number_entry, RELIEF.head_id_number[-1])
    assert not identify.problem_label.isVisible()
    assert identify.complete_label.isVisible()

    # The right number with wrong initials: the one plain message, and the pads are empty.
    resident.tap(identify.next_button)
    resident.type_on(identify.initials_entry, "YZX")
    resident.tap(identify.confirm_button)
    assert identify.outcome_label.isVisible()
    assert identify.outcome_label.text() == NO_MATCH_ZH
    assert identify.number_entry.text() == "" and identify.initials_entry.text() == ""
    assert identify.step() == IdentifyScreen.NUMBER_STEP
    assert window.session is None

    # Then the right initials open the home menu.
    resident.identify(window, RELIEF.head_id_number, "YZG")
    qtbot.waitUntil(lambda: window.current_screen() is window.home)
    assert window.session is not None
    assert window.top_bar.title_label.text() == "您想看什么？"
    assert not window.top_bar.back_button.isVisible()
    assert window.top_bar.end_button.isVisible()

    for name in SCREEN_NAMES:
        resident.tap(window.home.tiles[name])
        screen = window.navigation.page(name)
        qtbot.waitUntil(showing(window, screen))
        title = getattr(screen, "screen_title")()  # noqa: B009 - every screen has one
        assert window.top_bar.title_label.text() == title, name
        resident.tap(window.top_bar.back_button)
        qtbot.waitUntil(lambda: window.current_screen() is window.home)

    resident.tap(window.top_bar.end_button)
    qtbot.waitUntil(lambda: window.current_screen() is window.attract)
    assert window.session is None
    assert window.navigation.history == ()


def test_the_home_screen_says_whose_file_is_open(
    qtbot: QtBot, make_window: MakeWindow, resident: Hands
) -> None:
    """After identification the home screen names the head (surname only) and the village;
    after the session nothing of it is left."""
    window = make_window()
    resident.identify(window, RELIEF.head_id_number, "YZG")
    qtbot.waitUntil(lambda: window.current_screen() is window.home)
    greeting = window.home.prompt_label.text()
    assert greeting.startswith("您好！这是") and "杨**户" in greeting
    assert "正刚" not in greeting
    assert "村" in greeting or "社区" in greeting

    resident.tap(window.top_bar.end_button)
    assert "杨" not in window.home.prompt_label.text()


def test_back_on_the_initials_step_returns_to_the_number(
    qtbot: QtBot, make_window: MakeWindow, resident: Hands
) -> None:
    """Back on step 2 goes to step 1 with the number kept; Back again leaves for the start."""
    window = make_window()
    resident.tap(window.attract.start_button)
    identify = identify_screen(window)
    resident.type_on(identify.number_entry, RELIEF.head_id_number)
    resident.tap(identify.next_button)
    assert identify.step() == IdentifyScreen.INITIALS_STEP

    resident.tap(window.top_bar.back_button)
    assert identify.step() == IdentifyScreen.NUMBER_STEP
    assert identify.number_entry.text() == RELIEF.head_id_number

    resident.tap(window.top_bar.back_button)
    qtbot.waitUntil(lambda: window.current_screen() is window.attract)
    assert identify.number_entry.text() == ""


def test_a_throttled_terminal_says_how_long_to_wait_and_counts_down(
    qtbot: QtBot, make_window: MakeWindow, demo_store: Store, resident: Hands
) -> None:
    """After too many failures the answer is "wait N minutes or ask staff", with a countdown."""
    one_try = ThrottlePolicy(max_failures=1, base_cooldown_s=300, max_cooldown_s=600, window_s=600)
    identifier = Identifier(
        demo_store.sessionmaker,
        id_hash_key=TEST_ID_HASH_KEY,
        per_terminal=AttemptThrottle(one_try),
        addresses=DEMO_ADDRESSES,
    )
    window = make_window(identifier=identifier)
    resident.identify(window, RELIEF.head_id_number, "ABC")
    identify = identify_screen(window)
    assert identify.outcome_label.text() == NO_MATCH_ZH

    # Now even the right initials must wait: the terminal is cooling down.
    resident.identify(window, RELIEF.head_id_number, "YZG")
    assert window.session is None
    message = identify.outcome_label.text()
    assert message.startswith("尝试次数太多，请等5分钟后再试，或请工作人员帮忙。")
    assert re.search(r"还要等：[45]:\d\d$", message)
    first = message
    qtbot.waitUntil(lambda: identify.outcome_label.text() != first, timeout=3000)
    assert identify.throttle_seconds_left() < 300


def test_policy_notices_open_from_the_attract_screen_without_identifying(
    qtbot: QtBot, make_window: MakeWindow, resident: Hands
) -> None:
    """ "Policy notices" on the attract screen opens the bulletins; Back returns to the start."""
    window = make_window()
    resident.tap(window.attract.bulletins_button)
    bulletins = window.navigation.page("bulletins")
    qtbot.waitUntil(lambda: window.current_screen() is bulletins)
    assert window.session is None
    assert window.top_bar.back_button.isVisible()
    resident.tap(window.top_bar.back_button)
    qtbot.waitUntil(lambda: window.current_screen() is window.attract)


def test_resident_screens_cannot_be_opened_without_a_session(make_window: MakeWindow) -> None:
    """Asking for a household's screen before identification does nothing."""
    window = make_window()
    window.open_screen("ledger")
    assert window.current_screen() is window.attract
    assert "ledger" not in dict(window.navigation.existing())


def test_an_id_card_on_the_reader_identifies_without_typing(
    qtbot: QtBot, make_window: MakeWindow
) -> None:
    """A card placed on the reader opens the home menu; a second card mid-session is ignored.

    The card reader is SimulatedCardReader: no reader hardware can be attached here.
    """
    reader = SimulatedCardReader(addresses=DEMO_ADDRESSES)
    window = make_window(identity_source=reader)
    assert reader.listening

    assert reader.present_card(RELIEF.head_id_number, RELIEF.head_name)
    qtbot.waitUntil(lambda: window.current_screen() is window.home)
    session = window.session
    assert session is not None

    reader.present_card(SCENARIOS[1].head_id_number, SCENARIOS[1].head_name)
    assert window.session is session
    window.close()
    assert not reader.listening


def test_a_card_whose_name_does_not_match_gets_the_same_plain_message(
    qtbot: QtBot, make_window: MakeWindow
) -> None:
    """A card with a number and a name that do not belong together is not let in.

    The card reader is SimulatedCardReader: no reader hardware can be attached here.
    """
    reader = SimulatedCardReader(addresses=DEMO_ADDRESSES)
    window = make_window(identity_source=reader)
    reader.present_card(RELIEF.head_id_number, "王建国")
    identify = identify_screen(window)
    qtbot.waitUntil(lambda: window.current_screen() is identify)
    assert identify.outcome_label.text() == NO_MATCH_ZH
    assert window.session is None


def test_language_switch_mid_session_keeps_the_data_and_retranslates(
    qtbot: QtBot, make_window: MakeWindow, resident: Hands, translations: Translations
) -> None:
    """English in the middle of a session: same household shown, every text in English."""
    window = make_window()
    resident.identify(window, RELIEF.head_id_number, "YZG")
    resident.tap(window.home.tiles["household"])
    household = window.navigation.page("household")
    qtbot.waitUntil(lambda: window.current_screen() is household)
    assert RELIEF.head_name in shown_texts(household)
    title_zh = window.top_bar.title_label.text()

    resident.tap(window.top_bar.language_button)
    qtbot.waitUntil(lambda: window.top_bar.title_label.text() == "Your household file")
    assert title_zh == "我家的档案"
    assert window.top_bar.end_button.words.text() == "End session"
    assert window.current_screen() is household
    assert RELIEF.head_name in shown_texts(household)
    assert window.session is not None

    # The next person starts in the terminal's own language.
    resident.tap(window.top_bar.end_button)
    qtbot.waitUntil(lambda: window.current_screen() is window.attract)
    assert translations.language == "zh_CN"


def test_larger_text_grows_the_words_and_ends_with_the_session(
    qtbot: QtBot, make_window: MakeWindow, resident: Hands
) -> None:
    """ "Larger text" makes reading text larger at once; the next session starts normal."""
    window = make_window()
    resident.identify(window, RELIEF.head_id_number, "YZG")
    prompt = window.home.prompt_label
    before = QFontInfo(prompt.font()).pointSizeF()

    resident.tap(window.top_bar.large_text_button)
    qtbot.waitUntil(lambda: QFontInfo(prompt.font()).pointSizeF() > before * 1.2)
    assert window.large_text()
    assert window.top_bar.large_text_button.words.text() == "标准字"

    resident.tap(window.top_bar.end_button)
    assert not window.large_text()
    assert window.top_bar.large_text_button.words.text() == "大字"


class RecordingReadAloud(ReadAloud):
    """Stands in for a speech engine, which cannot exist here (Qt TextToSpeech needs
    libpulse and speech-dispatcher, neither of which the test machines have)."""

    def __init__(self) -> None:
        super().__init__()
        self.said: list[str] = []
        self.stops = 0

    def available(self) -> bool:
        return True

    def say(self, text: str) -> None:
        self.said.append(text)

    def stop(self) -> None:
        self.stops += 1


def test_read_aloud_speaks_the_current_screen(
    qtbot: QtBot, make_window: MakeWindow, resident: Hands
) -> None:
    """The top bar's "Read aloud" says the current screen's spoken text."""
    speech = RecordingReadAloud()
    window = make_window(read_aloud=speech)
    resident.identify(window, RELIEF.head_id_number, "YZG")
    resident.tap(window.home.tiles["ledger"])
    ledger = window.navigation.page("ledger")
    qtbot.waitUntil(lambda: window.current_screen() is ledger)

    resident.tap(window.top_bar.read_aloud_button)
    assert speech.said == [getattr(ledger, "spoken_text")()]  # noqa: B009
    stops = speech.stops
    resident.tap(window.top_bar.end_button)
    assert speech.stops > stops  # nothing of the resident is spoken after the end


def test_read_aloud_is_hidden_without_a_speech_engine(
    make_window: MakeWindow, resident: Hands
) -> None:
    """With no working speech engine the button is not shown at all."""
    # An engine by a name no plug-in has: the same as a machine without speech-dispatcher.
    speech = ReadAloud(engine="no-such-engine")
    speech.start()
    window = make_window(read_aloud=speech)
    resident.tap(window.attract.start_button)
    assert not speech.available()
    assert not window.top_bar.read_aloud_button.isVisible()


# ---- every screen, every size, both languages -------------------------------------------


def shown_texts(root: QWidget) -> list[str]:
    """The texts of the visible labels and buttons under ``root``."""
    texts = []
    for widget in [root, *root.findChildren(QWidget)]:
        if widget.isVisible() and isinstance(widget, QLabel | QAbstractButton):
            texts.append(widget.text())
    return texts


def visit_every_screen(qtbot: QtBot, window: MainWindow, resident: Hands) -> Iterator[str]:
    """Shows each screen of a session in turn and yields its name while it is shown."""
    yield "attract"
    resident.tap(window.attract.start_button)
    identify = identify_screen(window)
    resident.type_on(identify.number_entry, wrong_check_digit(RELIEF.head_id_number))
    yield "identify-number"
    resident.tap(identify.number_entry.pad.button(DELETE))
    resident.type_on(identify.number_entry, RELIEF.head_id_number[-1])
    resident.tap(identify.next_button)
    resident.type_on(identify.initials_entry, "YZ")
    yield "identify-initials"
    resident.type_on(identify.initials_entry, "X")
    resident.tap(identify.confirm_button)
    yield "identify-no-match"
    resident.identify(window, RELIEF.head_id_number, "YZG")
    qtbot.waitUntil(lambda: window.current_screen() is window.home)
    yield "home"
    for name in SCREEN_NAMES:
        resident.tap(window.home.tiles[name])
        qtbot.waitUntil(on_page(window, name))
        yield name
        resident.tap(window.top_bar.back_button)
    window.idle.countdown_started.emit(20)  # as if nobody had touched the screen for a while
    qtbot.waitUntil(lambda: window.current_screen() is window.still_there)
    yield "still-there"
    resident.tap(window.still_there.more_time_button)


def rect_in_window(widget: QWidget, window: QWidget) -> QRect:
    return QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())


def inside_a_scroll_area(widget: QWidget, window: QWidget) -> bool:
    # Stops at the window rather than at None: PySide 6.12 on Python 3.11 loses a
    # reference to None whenever a Qt call returns a null pointer.
    parent = widget.parentWidget()
    while parent is not window:
        assert parent is not None  # every widget looked at lies inside the window
        if isinstance(parent, QAbstractScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def cut_short(label: QLabel) -> bool:
    """Whether words got less room than they need: height when they wrap, else width."""
    if not label.text():
        return False
    if label.wordWrap():
        return label.height() < label.heightForWidth(label.width())
    return label.width() < label.minimumSizeHint().width()


def widgets_outside(window: MainWindow) -> list[str]:
    """Visible widgets that stick out of the window or of their parent, and wrapped words
    that got less height than they need: all of them cut off."""
    bad = []
    for widget in window.findChildren(QWidget):
        if not widget.isVisible() or inside_a_scroll_area(widget, window):
            continue
        if isinstance(widget, QLabel) and cut_short(widget):
            bad.append(f"QLabel {widget.objectName()!r} {widget.text()[:30]!r} cut short")
        if not window.rect().contains(rect_in_window(widget, window)):
            bad.append(f"{type(widget).__name__} {widget.objectName()!r} outside the window")
            continue
        parent = widget.parentWidget()
        assert parent is not None
        if parent is not window and not parent.rect().contains(QRect(widget.pos(), widget.size())):
            bad.append(
                f"{type(widget).__name__} {widget.objectName()!r} outside its parent"
                f" {type(parent).__name__} {parent.objectName()!r}"
            )
    return bad


@pytest.mark.parametrize("large_text", [False, True], ids=["normal", "large-text"])
@pytest.mark.parametrize("language", ["zh_CN", "en"])
@pytest.mark.parametrize("size", [(1080, 1920), (1366, 768)], ids=["portrait", "1366x768"])
def test_no_widget_is_outside_the_window_on_any_screen(
    qtbot: QtBot,
    make_window: MakeWindow,
    resident: Hands,
    translations: Translations,
    size: tuple[int, int],
    language: str,
    large_text: bool,
) -> None:
    """Portrait and 1366x768, both languages, both text sizes: nothing sticks out anywhere.

    "Read aloud" is shown (through the stand-in engine), so the top bar is at its fullest.
    """
    translations.set_language(language)
    window = make_window(size=size, large_text=large_text, read_aloud=RecordingReadAloud())
    for screen in visit_every_screen(qtbot, window, resident):
        # A window that grew past the screen would hide the problem instead of showing it.
        assert window.size().toTuple() == size, screen
        # The layout may take a few rounds of the event loop to settle.
        with contextlib.suppress(qtbot.TimeoutError):
            qtbot.waitUntil(lambda: widgets_outside(window) == [], timeout=2000)
        assert widgets_outside(window) == [], screen


LATIN_WORD = re.compile(r"[A-Za-z]{2,}")


def texts_by_widget(window: MainWindow) -> dict[tuple[int, str], str]:
    """Each visible text of the window, keyed by (widget, what kind of text it is)."""
    found = {}
    for widget in [window, *window.findChildren(QWidget)]:
        if not widget.isVisible():
            continue
        if isinstance(widget, QLabel | QAbstractButton):
            found[(id(widget), "text")] = widget.text()
        found[(id(widget), "accessible name")] = widget.accessibleName()
        found[(id(widget), "accessible description")] = widget.accessibleDescription()
        found[(id(widget), "tooltip")] = widget.toolTip()
    return {key: text for key, text in found.items() if text}


def test_every_visible_text_is_translated(
    qtbot: QtBot, make_window: MakeWindow, resident: Hands, translations: Translations
) -> None:
    """On every screen, a text with words in it reads differently in Chinese and English.

    A text that stays the same in both languages is data (a name, an amount, a date in
    digits) or a single letter; if it holds an English word, nobody translated it.
    """
    window = make_window()
    untranslated = []
    for screen in visit_every_screen(qtbot, window, resident):
        chinese = texts_by_widget(window)
        translations.set_language("en")
        qtbot.waitUntil(lambda: window.windowTitle() == "Resident self-service kiosk")
        english = texts_by_widget(window)
        translations.set_language("zh_CN")
        qtbot.waitUntil(lambda: window.windowTitle() == "居民自助服务终端")
        for key, text in chinese.items():
            if english.get(key) == text and LATIN_WORD.search(text):
                untranslated.append(f"{screen}: {text!r} ({key[1]})")
    assert untranslated == []


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_every_control_on_every_screen_has_an_accessible_name(
    qtbot: QtBot,
    make_window: MakeWindow,
    resident: Hands,
    translations: Translations,
    language: str,
) -> None:
    """Every visible button of every screen has an accessible name, in both languages."""
    translations.set_language(language)
    window = make_window()
    nameless = []
    for screen in visit_every_screen(qtbot, window, resident):
        for button in window.findChildren(QAbstractButton):
            if button.isVisible() and not button.accessibleName():
                nameless.append(f"{screen}: {button.objectName() or button.text()!r}")
    assert nameless == []


def test_every_tile_opens_a_resident_screen_loaded_with_the_household(
    qtbot: QtBot, make_window: MakeWindow, resident: Hands
) -> None:
    """Each household screen is a ResidentScreen and shows this household's data."""
    window = make_window()
    resident.identify(window, RELIEF.head_id_number, "YZG")
    for name in ("household", "cadre"):
        resident.tap(window.home.tiles[name])
        screen = window.navigation.page(name)
        assert isinstance(screen, ResidentScreen)
        qtbot.waitUntil(showing(window, screen))
        resident.tap(window.top_bar.back_button)
    household = window.navigation.page("household")
    assert RELIEF.head_name in shown_texts(household) or any(
        RELIEF.head_name in text for text in _all_label_texts(household)
    )


def _all_label_texts(root: QWidget) -> list[str]:
    return [label.text() for label in root.findChildren(QLabel)]


# ---- before the store is open, and the idle question ----------------------------------


def test_start_before_the_store_is_connected_waits_for_it(
    qtbot: QtBot, translations: Translations, demo_store: Store, resident: Hands
) -> None:
    """The attract screen shows without a store; Start touched then is answered once
    connect_store() has been called, with the identification screen."""
    from kiosk.views.screens.base import ScreenContext

    from .conftest import TERMINAL_CODE, TERMINAL_REGION, demo_clock

    window = MainWindow(translations=translations, office_name="龙里县冠山街道")
    qtbot.addWidget(window)
    window.resize(1920, 1080)
    window.show()
    qtbot.waitExposed(window)
    assert not window.store_connected()
    assert window.attract.office_label.text() == "龙里县冠山街道"

    resident.tap(window.attract.start_button)
    assert window.current_screen() is window.attract  # nothing to identify against yet

    window.connect_store(
        context=ScreenContext(
            sessions=demo_store.sessionmaker,
            kiosk_code=TERMINAL_CODE,
            region_code=TERMINAL_REGION,
            clock=demo_clock,
        ),
        identifier=Identifier(
            demo_store.sessionmaker, id_hash_key=TEST_ID_HASH_KEY, addresses=DEMO_ADDRESSES
        ),
    )
    assert window.store_connected()
    qtbot.waitUntil(lambda: window.current_screen() is window.identify_screen)


def test_ask_if_still_there_covers_the_screen_with_the_countdown(
    qtbot: QtBot, make_window: MakeWindow, resident: Hands
) -> None:
    """ask_if_still_there(20) shows "Are you still there?" with 20 s; More time goes back."""
    window = make_window()
    resident.identify(window, RELIEF.head_id_number, "YZG")
    home = window.current_screen()
    window.ask_if_still_there(20)
    assert window.current_screen() is window.still_there
    assert window.still_there.countdown_label.text() == "20"
    resident.tap(window.still_there.more_time_button)
    qtbot.waitUntil(lambda: window.current_screen() is home)
