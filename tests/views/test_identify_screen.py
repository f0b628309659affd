"""Identification on its own: the number checked at every key, the initials, the answers."""

from __future__ import annotations

import logging
from datetime import date

import pytest
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget
from pytestqt.qtbot import QtBot

from kiosk.domain.idnumber import check_character, mask_id_number
from kiosk.services.demo import SCENARIOS
from kiosk.services.identify import AttemptThrottle, Identifier, ThrottlePolicy
from kiosk.services.store import Store
from kiosk.views.i18n import Translations
from kiosk.views.screens.identify import IdentifyScreen
from kiosk.views.theme import NORMAL, load_stylesheet
from kiosk.views.widgets.keypad import CLEAR, DELETE
from tests.views.hands import Hands

from .conftest import DEMO_ADDRESSES, DEMO_NOW, TEST_ID_HASH_KEY

RELIEF = SCENARIOS[0]  # 杨正刚, YZG
GOAT = SCENARIOS[1]  # 曾德明, ZDM
NO_MATCH_ZH = "号码或姓名首字母不对，请核对后再试，或请工作人员帮忙。"


def today() -> date:
    return DEMO_NOW.date()


def make_screen(qtbot: QtBot, identifier: Identifier) -> IdentifyScreen:
    screen = IdentifyScreen(identifier, today=today)
    screen.setStyleSheet(load_stylesheet(NORMAL))
    qtbot.addWidget(screen)
    screen.resize(1920, 960)
    screen.show()
    qtbot.waitExposed(screen)
    return screen


@pytest.fixture
def identifier(demo_store: Store) -> Identifier:
    return Identifier(
        demo_store.sessionmaker, id_hash_key=TEST_ID_HASH_KEY, addresses=DEMO_ADDRESSES
    )


@pytest.fixture
def screen(qtbot: QtBot, translations: Translations, identifier: Identifier) -> IdentifyScreen:
    """The identification screen over the demo store, in Chinese, at the demo's date."""
    return make_screen(qtbot, identifier)


def every_text(root: QWidget, *, visible_only: bool = False) -> list[str]:
    texts = []
    for widget in [root, *root.findChildren(QWidget)]:
        if visible_only and not widget.isVisible():
            continue
        if isinstance(widget, QLabel | QAbstractButton):
            texts.append(widget.text())
        texts += [widget.accessibleName(), widget.accessibleDescription(), widget.toolTip()]
    return texts


@pytest.mark.parametrize(
    ("typed", "reason"),
    [
        ("9", "前两位不是有效的省份代码，请核对号码"),
        ("5228", "前六位是地区代码，没有这样开头的地区代码，请核对号码"),
        ("522730196213", "第7到14位是出生日期（年月日），这不是一个可能的日期，请核对号码"),
        ("52273017", "第7到14位是出生日期（年月日），这不是一个可能的日期，请核对号码"),
    ],
    ids=["province", "no-such-prefecture", "month-13", "year-1800s"],
)
def test_a_wrong_key_is_explained_at_once(
    screen: IdentifyScreen, resident: Hands, typed: str, reason: str
) -> None:
    """The first key that makes the number impossible shows why, before all 18 are typed."""
    resident.type_on(screen.number_entry, typed)
    assert screen.problem_label.isVisible()
    assert screen.problem_label.text() == reason
    assert not screen.next_button.isEnabled()

    resident.tap(screen.number_entry.pad.button(CLEAR))
    assert not screen.problem_label.isVisible()


def test_a_real_terminal_refuses_the_demo_code_at_the_third_key(
    qtbot: QtBot, translations: Translations, demo_store: Store, resident: Hands
) -> None:
    """Without the demo's table (a terminal on a real key) 529999 is refused as it is typed."""
    real = Identifier(demo_store.sessionmaker, id_hash_key=TEST_ID_HASH_KEY)
    screen = make_screen(qtbot, real)
    resident.type_on(screen.number_entry, RELIEF.head_id_number[:2])
    assert not screen.problem_label.isVisible()
    resident.type_on(screen.number_entry, RELIEF.head_id_number[2])
    assert screen.problem_label.isVisible()
    assert screen.problem_label.text() == "前六位是地区代码，没有这样开头的地区代码，请核对号码"
    resident.type_on(screen.number_entry, RELIEF.head_id_number[3:])
    assert not screen.next_button.isEnabled()


def test_x_can_only_be_the_last_character(screen: IdentifyScreen, resident: Hands) -> None:
    """The X key is greyed out until 17 digits are typed."""
    x_key = screen.number_entry.pad.button("X")
    number = "52273019620508131"
    for digit in number:
        assert not x_key.isEnabled()
        resident.type_on(screen.number_entry, digit)
    assert x_key.isEnabled()


def test_a_wrong_check_digit_is_explained_and_can_be_fixed(
    screen: IdentifyScreen, resident: Hands
) -> None:
    """At 18 characters the full check runs; fixing the last one enables "Next"."""
    number = RELIEF.head_id_number
    right = check_character(number[:17])
    resident.type_on(screen.number_entry, number[:17] + ("3" if right != "3" else "4"))
    assert screen.problem_label.text() == "最后一位校验码不对，请核对号码"
    assert not screen.next_button.isEnabled()
    assert not screen.complete_label.isVisible()

    resident.tap(screen.number_entry.pad.button(DELETE))
    resident.type_on(screen.number_entry, right)
    assert not screen.problem_label.isVisible()
    assert screen.complete_label.text() == "号码已输完，请点“下一步”。"
    assert screen.next_button.isEnabled()


def test_the_reason_follows_the_language(
    qtbot: QtBot, screen: IdentifyScreen, resident: Hands, translations: Translations
) -> None:
    """A reason on screen is shown again in English when the language changes."""
    resident.type_on(screen.number_entry, "9")
    translations.set_language("en")
    qtbot.waitUntil(lambda: screen.prompt_label.text() == "Type the number of your ID card")
    assert screen.problem_label.text() == (
        "The first two digits are not a province code; please check the number"
    )


def test_step_two_explains_initials_with_an_example_and_shows_the_number_masked(
    screen: IdentifyScreen, resident: Hands
) -> None:
    """The initials step shows what initials are (王建国 → W J G) and only the masked number."""
    number = RELIEF.head_id_number
    resident.type_on(screen.number_entry, number)
    resident.tap(screen.next_button)
    assert screen.step() == IdentifyScreen.INITIALS_STEP
    assert screen.prompt_label.text() == "请输入您姓名的拼音首字母"
    assert screen.example_label.isVisible()
    assert screen.example_label.text() == "例如：王建国（Wáng Jiàn Guó）→ W J G"
    assert screen.number_label.text() == f"身份证号：{mask_id_number(number)}"
    assert not screen.confirm_button.isEnabled()
    # The number stays in the (hidden) pad of step 1, for Back; nothing shows it in full.
    visible = every_text(screen, visible_only=True)
    assert not any(number in text or number[6:14] in text for text in visible)

    resident.type_on(screen.initials_entry, "YZG")
    assert screen.initials_entry.shown_text() == "Y Z G"
    assert screen.confirm_button.isEnabled()


def test_the_right_initials_identify_and_the_pads_are_empty_first(
    qtbot: QtBot, screen: IdentifyScreen, resident: Hands, demo_store: Store
) -> None:
    """Success emits the household and member; the pads were wiped before the signal."""
    seen: list[tuple[str, str]] = []
    screen.identified.connect(
        lambda *_: seen.append((screen.number_entry.text(), screen.initials_entry.text()))
    )
    resident.type_on(screen.number_entry, GOAT.head_id_number)
    resident.tap(screen.next_button)
    resident.type_on(screen.initials_entry, "ZDM")
    with qtbot.waitSignal(screen.identified) as signal:
        resident.tap(screen.confirm_button)
    household_id, member_id = signal.args
    assert isinstance(household_id, int) and isinstance(member_id, int)
    assert seen == [("", "")]
    assert screen.number_entry.shown_text() == "18位号码"  # the placeholder again


def test_unknown_number_and_wrong_initials_get_the_same_answer(
    screen: IdentifyScreen, resident: Hands
) -> None:
    """Whether the number is unknown or the initials wrong, the words are the same."""
    answers = []
    unknown = "52273019800101" + "123"
    unknown += check_character(unknown)
    for number, initials in ((unknown, "YZG"), (RELIEF.head_id_number, "ZDM")):
        resident.type_on(screen.number_entry, number)
        resident.tap(screen.next_button)
        resident.type_on(screen.initials_entry, initials)
        resident.tap(screen.confirm_button)
        assert screen.number_entry.text() == "" and screen.initials_entry.text() == ""
        assert screen.step() == IdentifyScreen.NUMBER_STEP
        answers.append((screen.outcome_label.text(), screen.outcome_label.isVisible()))
    assert answers == [(NO_MATCH_ZH, True), (NO_MATCH_ZH, True)]


def test_typing_again_after_no_match_takes_the_message_away(
    screen: IdentifyScreen, resident: Hands
) -> None:
    """The "not right" message goes as soon as the resident starts typing again."""
    resident.type_on(screen.number_entry, RELIEF.head_id_number)
    resident.tap(screen.next_button)
    resident.type_on(screen.initials_entry, "A")
    resident.tap(screen.confirm_button)
    assert screen.outcome_label.isVisible()
    resident.type_on(screen.number_entry, "5")
    assert not screen.outcome_label.isVisible()


def test_a_throttled_number_shows_minutes_and_a_countdown(
    qtbot: QtBot, translations: Translations, demo_store: Store, resident: Hands
) -> None:
    """Past the limit for one number the answer says how many minutes, and counts down."""
    policy = ThrottlePolicy(max_failures=2, base_cooldown_s=90, max_cooldown_s=600, window_s=600)
    identifier = Identifier(
        demo_store.sessionmaker,
        id_hash_key=TEST_ID_HASH_KEY,
        per_id=AttemptThrottle(policy),
        addresses=DEMO_ADDRESSES,
    )
    screen = make_screen(qtbot, identifier)
    for initials in ("AB", "AC", "YZG"):
        resident.type_on(screen.number_entry, RELIEF.head_id_number)
        resident.tap(screen.next_button)
        resident.type_on(screen.initials_entry, initials)
        resident.tap(screen.confirm_button)
    text = screen.outcome_label.text()
    assert text.startswith("尝试次数太多，请等2分钟后再试，或请工作人员帮忙。\n还要等：1:")
    assert 85 <= screen.throttle_seconds_left() <= 90

    screen.clear()
    assert not screen.outcome_label.isVisible()
    assert screen.throttle_seconds_left() == 0


def test_the_typed_number_never_reaches_the_log(
    screen: IdentifyScreen, resident: Hands, caplog: pytest.LogCaptureFixture
) -> None:
    """A whole identification, failed then successful, logs no digit of the number."""
    number = RELIEF.head_id_number
    with caplog.at_level(logging.DEBUG):
        for initials in ("ABC", "YZG"):
            resident.type_on(screen.number_entry, number)
            resident.tap(screen.next_button)
            resident.type_on(screen.initials_entry, initials)
            resident.tap(screen.confirm_button)
    assert "Identification finished" in caplog.text
    assert number not in caplog.text
    assert number[6:14] not in caplog.text
    assert mask_id_number(number) not in caplog.text


def test_clear_forgets_everything(screen: IdentifyScreen, resident: Hands) -> None:
    """clear() empties both pads, every message, and returns to step 1."""
    resident.type_on(screen.number_entry, RELIEF.head_id_number)
    resident.tap(screen.next_button)
    resident.type_on(screen.initials_entry, "YZ")
    screen.clear()
    assert screen.step() == IdentifyScreen.NUMBER_STEP
    assert screen.number_entry.text() == "" and screen.initials_entry.text() == ""
    assert screen.number_label.text() == ""
    texts = " ".join(every_text(screen))
    assert RELIEF.head_id_number[:6] not in texts
    assert "Y Z" not in texts
