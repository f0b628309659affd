"""The household file screen: facts, the poverty index by colour, words and symbol, members."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QAbstractItemModel, QPoint, Qt
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget
from pytestqt.qtbot import QtBot

from kiosk.domain.idnumber import id_lookup_hash, make_id_number, mask_id_number, parse_id_number
from kiosk.domain.models import (
    Health,
    Household,
    HouseholdCause,
    LabourCapacity,
    Member,
    PovertyCause,
    PovertyStatus,
    Relation,
    Sex,
)
from kiosk.services.demo import SCENARIOS
from kiosk.services.store import Store
from kiosk.views.i18n import Translations
from kiosk.views.screens.household import HouseholdFileView, HouseholdScreen
from kiosk.views.theme import NORMAL

from .conftest import Screens, fixed_clock

RELIEF_FILE = "522730001001-0001"
RELIEF_HEAD_ID = SCENARIOS[0].head_id_number  # fictitious, from the demo scenarios
VILLAGE = "522730001001"
KEY = b"a test key for the household screen tests"


def add_household(
    store: Store,
    file_number: str,
    *,
    names: list[str],
    scores: tuple[int, int, int, int, int] = (10, 10, 10, 10, 5),
) -> int:
    """A household of ``names`` (the first the head) with the given indicator scores."""
    with store.sessionmaker.begin() as s:
        household = Household(
            file_number=file_number, village_code=VILLAGE, address="新寨组1号",
            status=PovertyStatus.POOR, registered_on=date(2014, 5, 1),
            poverty_score=sum(scores), score_housing=scores[0], score_food=scores[1],
            score_labour=scores[2], score_schooling=scores[3], score_health=scores[4],
        )  # fmt: skip
        s.add(household)
        s.flush()
        for position, name in enumerate(names):
            number = parse_id_number(
                make_id_number("522730", date(1950 + position, 3, 4), 500 + position)
            )
            s.add(
                Member(
                    household_id=household.id, position=position, name=name,
                    name_initials="X", relation=Relation.HEAD if position == 0 else Relation.SON,
                    sex=Sex.MALE, birth_date=number.birth_date,
                    id_hash=id_lookup_hash(number, KEY), id_masked=number.masked,
                    labour_capacity=LabourCapacity.ORDINARY, health=Health.HEALTHY,
                )
            )  # fmt: skip
        s.add(HouseholdCause(household_id=household.id, cause=PovertyCause.ILLNESS, is_main=True))
        return household.id


def make_screen(screens: Screens, store: Store) -> HouseholdScreen:
    return screens.show(
        HouseholdScreen(screens.context(store, kiosk_code="GS-01", clock=fixed_clock))
    )


def texts(root: QWidget) -> list[str]:
    """The text of every label and button under ``root``."""
    return [w.text() for w in root.findChildren(QWidget) if isinstance(w, QLabel | QAbstractButton)]


def test_the_file_shows_place_status_score_causes_measures_and_members(
    qtbot: QtBot, screens: Screens, store: Store
) -> None:
    """The scenario household's file, in Chinese words, with masked ID numbers only."""
    screen = make_screen(screens, store)
    screen.load(screens.household_id(store, RELIEF_FILE))
    shown = texts(screen)
    assert "龙里县冠山街道文峰社区" in shown
    assert "地址：冠山街道文峰社区3组21号" in shown
    assert "贫困状态：已脱贫" in shown
    assert "84" in shown
    assert "稳定脱贫" in shown
    assert "●●●" in shown
    for line in ("22 / 25", "18 / 20", "20 / 25", "12 / 15"):
        assert line in shown
    assert "★ 因灾（主要原因）" in shown
    assert "• 缺资金" in shown
    assert any(t.startswith("2015年 · 危房改造：") for t in shown)
    assert "家庭成员：4人" in shown
    assert "杨正刚" in shown
    assert "户主 · 男 · 61岁" in shown
    assert "身份证号（部分隐藏）：" in shown
    assert mask_id_number(RELIEF_HEAD_ID) in shown
    assert "劳动能力：弱劳动力或半劳动力" in shown
    assert "健康状况：长期慢性病" in shown
    assert not any(RELIEF_HEAD_ID in t for t in shown)


@pytest.mark.parametrize(
    ("scores", "band", "words", "dots"),
    [
        ((10, 10, 10, 10, 5), "poor", "未脱贫", "●○○"),
        ((20, 15, 15, 10, 10), "at_risk", "已脱贫，有返贫风险", "●●○"),
        ((25, 20, 20, 10, 5), "stable", "稳定脱贫", "●●●"),
    ],
)
def test_the_band_is_shown_by_colour_words_and_symbol(
    qtbot: QtBot,
    screens: Screens,
    store: Store,
    scores: tuple[int, int, int, int, int],
    band: str,
    words: str,
    dots: str,
) -> None:
    """45 is poor, 70 at risk, 80 stable: each with its colour, its words and its dots."""
    screen = make_screen(screens, store)
    screen.load(add_household(store, f"BAND-{band}", names=["王五"], scores=scores))
    box = screen.findChild(QWidget, "band-box")
    assert box is not None
    assert box.property("band") == band
    band_words = screen.findChild(QLabel, "band-words")
    band_symbol = screen.findChild(QLabel, "band-symbol")
    assert band_words is not None
    assert band_symbol is not None
    assert band_words.text() == words
    assert band_symbol.text() == dots
    colour = box.grab().toImage().pixelColor(box.width() // 2, box.height() - 4).name()
    expected = {"poor": NORMAL.band_poor_bg, "at_risk": NORMAL.band_at_risk_bg}
    assert colour == expected.get(band, NORMAL.band_stable_bg)


def test_twelve_members_lay_out_and_scroll(qtbot: QtBot, screens: Screens, store: Store) -> None:
    """A household of 12: 12 cards, none sticking out sideways, and Down scrolls to them."""
    names = [f"张{c}" for c in "一二三四五六七八九十甲乙"]
    screen = make_screen(screens, store)
    screen.load(add_household(store, "BIG-1", names=names))
    view = screen.findChild(HouseholdFileView, "household-file")
    assert view is not None
    cards = view.member_cards
    assert [c.name_label.text() for c in cards] == names
    assert "家庭成员：12人" in texts(screen)
    for widget in screen.findChildren(QWidget):
        if widget.isVisible():
            left = widget.mapTo(screen, QPoint(0, 0)).x()
            assert left >= 0
            assert left + widget.width() <= screen.width(), widget.objectName()
    down = screen.page.down_button
    assert down.isVisible()
    assert not screen.page.up_button.isEnabled()
    while down.isEnabled():
        qtbot.mouseClick(down, Qt.MouseButton.LeftButton)
    assert screen.page.up_button.isEnabled()
    last = cards[-1]
    viewport = screen.page.area.viewport()
    bottom = last.mapTo(viewport, QPoint(0, last.height())).y()
    assert 0 < bottom <= viewport.height()


def test_a_name_with_rare_characters_renders(qtbot: QtBot, screens: Screens, store: Store) -> None:
    """Names with 䶮 (extension A) and 𠮷 (outside the basic plane) are shown and drawn."""
    screen = make_screen(screens, store)
    screen.load(add_household(store, "RARE-1", names=["刘䶮", "𠮷野"]))
    shown = texts(screen)
    assert "刘䶮" in shown
    assert "𠮷野" in shown
    assert not screen.grab().isNull()


def test_see_every_payment_asks_for_the_ledger(
    qtbot: QtBot, screens: Screens, store: Store
) -> None:
    """The big "see every payment" button emits navigate("ledger")."""
    screen = make_screen(screens, store)
    screen.load(screens.household_id(store, RELIEF_FILE))
    button = screen.findChild(QAbstractButton, "see-payments")
    assert button is not None
    assert button.accessibleName()
    # It is at the end of the page: the resident touches Down until it is in view.
    viewport = screen.page.area.viewport()
    while button.mapTo(viewport, QPoint(0, button.height())).y() > viewport.height():
        qtbot.mouseClick(screen.page.down_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(screen.navigate) as blocker:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert blocker.args == ["ledger"]


def test_english_shows_the_file_in_english(
    qtbot: QtBot, screens: Screens, store: Store, translations: Translations
) -> None:
    """After switching to English every label of the file is in English."""
    screen = make_screen(screens, store)
    screen.load(screens.household_id(store, RELIEF_FILE))
    translations.set_language("en")
    qtbot.waitUntil(lambda: "Poverty status: Out of poverty" in texts(screen))
    shown = texts(screen)
    assert "Out of poverty, stable" in shown
    assert "★ Natural disaster (main cause)" in shown
    assert "Head of household · Male · 61 years old" in shown
    assert screen.screen_title() == "Your household file"
    assert "84" in screen.spoken_text()


def test_clear_leaves_no_resident_data_in_any_widget_or_model(
    qtbot: QtBot, screens: Screens, store: Store
) -> None:
    """After clear() no label, button, accessible name or model holds the household's data."""
    screen = make_screen(screens, store)
    screen.load(screens.household_id(store, RELIEF_FILE))
    screen.clear()
    secrets = [
        "杨正刚",
        "罗桂英",
        RELIEF_HEAD_ID[-4:],
        "文峰社区",
        "522730001001-0001",
        "84",
        "刺梨",
    ]
    found = []
    for widget in [screen, *screen.findChildren(QWidget)]:
        values = [widget.accessibleName(), widget.toolTip()]
        if isinstance(widget, QLabel | QAbstractButton):
            values.append(widget.text())
        found += [v for v in values if any(s in v for s in secrets)]
    for model in screen.findChildren(QAbstractItemModel):
        for row in range(model.rowCount()):
            for column in range(model.columnCount()):
                value = model.data(model.index(row, column))
                if value is not None and any(s in str(value) for s in secrets):
                    found.append(str(value))
    assert found == []
    assert screen.file is None
    assert screen.spoken_text() == screen.screen_title()


def test_causes_and_measures_stand_under_their_headings(
    qtbot: QtBot, screens: Screens, store: Store
) -> None:
    """Each cause below "causes" and above "help measures"; each measure below that."""
    screen = make_screen(screens, store)
    screen.load(screens.household_id(store, RELIEF_FILE))
    view = screen.view
    qtbot.waitUntil(lambda: view.measures_heading.y() > view.causes_heading.y())

    def top(widget: QWidget) -> int:
        return widget.mapTo(view, QPoint(0, 0)).y()

    causes, measures = view.cause_labels, view.measure_labels
    assert len(causes) == 2
    assert len(measures) == 2
    for cause in causes:
        assert top(view.causes_heading) < top(cause) < top(view.measures_heading)
    for measure in measures:
        assert top(view.measures_heading) < top(measure)


def test_a_smaller_household_after_a_larger_one_shows_only_its_own_members(
    qtbot: QtBot, screens: Screens, store: Store
) -> None:
    """Twelve members, then the four of the relief household: four cards, no old names."""
    names = [f"张{c}" for c in "一二三四五六七八九十甲乙"]
    screen = make_screen(screens, store)
    screen.load(add_household(store, "BIG-2", names=names))
    screen.load(screens.household_id(store, RELIEF_FILE))
    cards = screen.view.member_cards
    assert len(cards) == 4
    assert cards[0].name_label.text() == "杨正刚"
    left = " ".join(texts(screen))
    assert not any(name in left for name in names)
    assert "家庭成员：4人" in texts(screen)
