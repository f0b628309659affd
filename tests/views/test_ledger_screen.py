"""The ledger screen: payments by year with totals, confirming by taps, 300 payments, clearing."""

from __future__ import annotations

import time
from datetime import date, timedelta

from PySide6.QtCore import QAbstractItemModel
from PySide6.QtWidgets import QAbstractButton, QLabel, QPushButton, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from kiosk.domain.idnumber import id_lookup_hash, make_id_number, parse_id_number
from kiosk.domain.models import (
    AidRecord,
    AidVerification,
    Channel,
    Health,
    Household,
    LabourCapacity,
    Member,
    PovertyStatus,
    Programme,
    Relation,
    Sex,
    VerificationKind,
)
from kiosk.domain.money import format_fen
from kiosk.domain.names import name_initials
from kiosk.services.store import Store
from kiosk.views.i18n import Translations
from kiosk.views.screens.ledger import BATCH, FIRST_BATCH, LedgerScreen, PaymentCard
from tests.views.hands import tap

from .conftest import Screens, fixed_clock
from .test_screen_layouts import assert_inside

RELIEF_FILE = "522730001001-0001"
VILLAGE = "522730001001"
KIOSK = "GS-01"
KEY = b"a test key for the ledger screen tests"


def add_household(
    store: Store, file_number: str, *, names: list[str], payments: int, start_year: int = 2005
) -> int:
    """A household of ``names`` with ``payments`` payments spread evenly over 20 years."""
    with store.sessionmaker.begin() as s:
        household = Household(
            file_number=file_number, village_code=VILLAGE, address="新寨组1号",
            status=PovertyStatus.POOR, registered_on=date(2014, 5, 1), poverty_score=45,
            score_housing=10, score_food=10, score_labour=10, score_schooling=10,
            score_health=5,
        )  # fmt: skip
        s.add(household)
        s.flush()
        for position, name in enumerate(names):
            number = parse_id_number(
                make_id_number("522730", date(1960 + position, 1, 2), 300 + position)
            )
            s.add(
                Member(
                    household_id=household.id, position=position, name=name,
                    name_initials=name_initials(name) if name.isascii() is False else "X",
                    relation=Relation.HEAD if position == 0 else Relation.OTHER,
                    sex=Sex.MALE, birth_date=number.birth_date,
                    id_hash=id_lookup_hash(number, KEY), id_masked=number.masked,
                    labour_capacity=LabourCapacity.ORDINARY, health=Health.HEALTHY,
                )
            )  # fmt: skip
        s.flush()
        head = s.scalars(select(Member.id).where(Member.household_id == household.id)).first()
        first = date(start_year, 1, 5)
        for n in range(payments):
            s.add(
                AidRecord(
                    reference=f"{file_number}-{n}", household_id=household.id, member_id=head,
                    programme=list(Programme)[n % len(Programme)], amount_fen=10_000 + n,
                    paid_on=first + timedelta(days=n * 7300 // max(payments, 1)),
                    department="龙里县民政局", channel=Channel.ONE_CARD,
                )
            )  # fmt: skip
        return household.id


def make_screen(screens: Screens, store: Store) -> LedgerScreen:
    return screens.show(LedgerScreen(screens.context(store, kiosk_code=KIOSK, clock=fixed_clock)))


def first_card(screen: LedgerScreen) -> PaymentCard:
    """The first payment card of the year on show."""
    page = screen.year_page()
    assert page is not None
    return page.cards[0]


def visible_texts(root: QWidget) -> list[str]:
    """The text of every visible label and button under ``root``."""
    texts = []
    for widget in root.findChildren(QWidget):
        if widget.isVisible() and isinstance(widget, QLabel | QPushButton):
            texts.append(widget.text())
    return texts


def test_years_come_newest_first_with_their_totals_and_the_grand_total(
    qtbot: QtBot, screens: Screens, store: Store
) -> None:
    """The scenario household: 2016, 2015, 2014 by the Older button, each with its total."""
    screen = make_screen(screens, store)
    screen.load(screens.household_id(store, RELIEF_FILE))
    assert screen.total_label.text() == "所有年份：共 4 笔，合计 ¥26,000.00"
    seen = []
    while True:
        year = screen.current_year()
        assert year is not None
        seen.append((screen.year_label.text(), screen.year_total_label.text()))
        if not screen.older_button.isEnabled():
            break
        tap(qtbot, screen.older_button)
    assert seen == [
        ("2016年", "这一年共 1 笔，合计 ¥3,000.00"),
        ("2015年", "这一年共 2 笔，合计 ¥15,000.00"),
        ("2014年", "这一年共 1 笔，合计 ¥8,000.00"),
    ]
    tap(qtbot, screen.newer_button)
    assert screen.year_label.text() == "2015年"


def test_the_year_buttons_point_the_way_time_goes(
    qtbot: QtBot, screens: Screens, store: Store
) -> None:
    """The older year is on the left with a left arrow, the newer one on the right."""
    screen = make_screen(screens, store)
    screen.load(screens.household_id(store, RELIEF_FILE))
    tap(qtbot, screen.older_button)  # 2015: both neighbours exist
    assert screen.older_button.text() == "◀ 2014"
    assert screen.newer_button.text() == "2016 ▶"
    assert screen.older_button.geometry().right() < screen.year_label.geometry().left()
    assert screen.newer_button.geometry().left() > screen.year_label.geometry().right()


def test_a_payment_line_says_what_how_much_when_who_how_and_to_whom(
    qtbot: QtBot, screens: Screens, store: Store
) -> None:
    """The 2014 relief card shows programme, amount, date, department, channel, recipient."""
    screen = make_screen(screens, store)
    screen.load(screens.household_id(store, RELIEF_FILE))
    screen.show_year_of(2014)
    page = screen.year_page()
    assert page is not None
    [card] = page.cards
    assert card.programme_label.text() == "灾害救助"
    assert card.amount_label.text() == "¥8,000.00"
    details = card.details_text()
    assert "2014年8月26日" in details
    assert "龙里县民政局" in details
    assert "一卡通" in details
    assert "杨正刚" in details
    assert card.status_text() == "? 您还没有核对"


def test_received_in_full_takes_one_tap_and_a_confirmation(
    qtbot: QtBot, screens: Screens, store: Store
) -> None:
    """✓ asks "did you receive all?"; Yes stores RECEIVED_IN_FULL and the card says so."""
    screen = make_screen(screens, store)
    screen.load(screens.household_id(store, RELIEF_FILE))
    card = first_card(screen)
    tap(qtbot, card.full_button)
    assert card.confirming is not None and card.confirming.isVisible()
    assert "¥3,000.00" in card.confirm_question.text()
    with store.sessionmaker() as s:
        assert s.scalars(select(AidVerification)).all() == []
    tap(qtbot, card.yes_button)
    qtbot.waitUntil(lambda: card.status_text() == "✓ 您已确认：全额收到")
    assert card.note_label is not None and card.note_label.text() == "已记录，谢谢您。"
    assert card.answers.isVisible()
    with store.sessionmaker() as s:
        [stored] = s.scalars(select(AidVerification)).all()
    assert stored.kind is VerificationKind.RECEIVED_IN_FULL
    assert stored.received_fen is None
    assert stored.kiosk_code == KIOSK


def test_going_back_from_the_confirmation_stores_nothing(
    qtbot: QtBot, screens: Screens, store: Store
) -> None:
    """Touching "Go back" instead of Yes leaves the payment unchecked."""
    screen = make_screen(screens, store)
    screen.load(screens.household_id(store, RELIEF_FILE))
    card = first_card(screen)
    tap(qtbot, card.full_button)
    tap(qtbot, card.no_button)
    assert card.answers.isVisible()
    assert card.confirming is not None and not card.confirming.isVisible()
    with store.sessionmaker() as s:
        assert s.scalars(select(AidVerification)).all() == []


def test_a_household_with_no_payments_says_so_plainly(
    qtbot: QtBot, screens: Screens, store: Store
) -> None:
    """No payments: one plain sentence, no year buttons, no totals."""
    screen = make_screen(screens, store)
    screen.load(add_household(store, "EMPTY-1", names=["王老五"], payments=0))
    assert screen.empty_label.isVisible()
    assert screen.empty_label.text() == "您家名下没有任何补助款记录。"
    assert not screen.year_bar.isVisible()
    assert not screen.total_label.isVisible()
    assert screen.spoken_text() == "您家名下没有任何补助款记录。"


def test_300_payments_open_at_once_and_lay_out_inside_the_screen(
    qtbot: QtBot, screens: Screens, store: Store
) -> None:
    """300 payments: totals right, one year built a batch at a time, nothing off screen."""
    hid = add_household(store, "MANY-1", names=["李大山"], payments=300)
    screen = make_screen(screens, store)
    started = time.perf_counter()
    screen.load(hid)
    elapsed = time.perf_counter() - started
    found = screen.current_ledger()
    assert found is not None
    expected_total = sum(10_000 + n for n in range(300))
    assert found.count == 300
    assert screen.total_label.text() == f"所有年份：共 300 笔，合计 {format_fen(expected_total)}"
    # Every year page, paged through with the Older button, adds up to the grand total.
    total = 0
    lines = 0
    while True:
        page = screen.year_page()
        assert page is not None and page.year is not None
        assert len(page.cards) <= FIRST_BATCH + BATCH
        assert format_fen(page.year.total_fen) in screen.year_total_label.text()
        total += page.year.total_fen
        lines += len(page.year.lines)
        assert_inside(screen)
        if not screen.older_button.isEnabled():
            break
        tap(qtbot, screen.older_button)
    assert (total, lines) == (expected_total, 300)
    # Building the screen is quick enough to feel immediate (the figure is for the report).
    print(f"ledger of 300 payments loaded in {elapsed * 1000:.0f} ms")


def test_a_long_year_builds_more_cards_as_the_resident_scrolls(
    qtbot: QtBot, screens: Screens, store: Store
) -> None:
    """60 payments in one year: a few cards at first, more with each touch of Down."""
    hid = add_household(store, "LONG-1", names=["李大山"], payments=60, start_year=2020)
    with store.sessionmaker.begin() as s:
        for record in s.scalars(select(AidRecord).where(AidRecord.household_id == hid)):
            record.paid_on = record.paid_on.replace(year=2020)
    screen = make_screen(screens, store)
    screen.load(hid)
    page = screen.year_page()
    assert page is not None and page.year is not None
    assert len(page.year.lines) == 60
    assert FIRST_BATCH <= len(page.cards) < 60
    down = screen.year_scroll.down_button
    for _ in range(200):
        # The new cards are laid out by the event loop; then Down can be touched again.
        qtbot.waitUntil(lambda: down.isEnabled() or page.fully_built())
        if not down.isEnabled():
            break
        tap(qtbot, down)
    assert len(page.cards) == 60
    assert_inside(screen)


def test_a_recipient_with_rare_characters_is_shown(
    qtbot: QtBot, screens: Screens, store: Store
) -> None:
    """A name with 䶮 and 𠮷 (outside the basic plane) renders without error."""
    hid = add_household(store, "RARE-1", names=["刘䶮𠮷"], payments=2)
    screen = make_screen(screens, store)
    screen.load(hid)
    card = first_card(screen)
    assert "刘䶮𠮷" in card.details_text()
    assert not screen.grab().isNull()


def test_english_shows_every_text_in_english(
    qtbot: QtBot, screens: Screens, store: Store, translations: Translations
) -> None:
    """After switching to English the card and the totals are in English."""
    screen = make_screen(screens, store)
    screen.load(screens.household_id(store, RELIEF_FILE))
    translations.set_language("en")
    card = first_card(screen)
    qtbot.waitUntil(lambda: card.programme_label.text() == "Industry support fund")
    assert screen.total_label.text() == "All years: ¥26,000.00 in total, number of payments: 4"
    assert screen.year_label.text() == "Year 2016"
    assert card.status_text() == "? Not yet checked by you"
    assert card.full_button.text() == "✓ Received in full"
    assert "12 April 2016" in card.details_text()


def test_clear_leaves_no_resident_data_in_any_widget_or_model(
    qtbot: QtBot, screens: Screens, store: Store
) -> None:
    """After clear() no label, button, name or model holds the household's data."""
    screen = make_screen(screens, store)
    screen.load(screens.household_id(store, RELIEF_FILE))
    screen.show_year_of(2014)
    card = first_card(screen)
    tap(qtbot, card.wrong_button)  # a dispute open when the session ends
    tap(qtbot, screen.dispute.less_button)
    tap(qtbot, screen.dispute.amount.pad.button("4"))
    screen.clear()
    secrets = ["杨正刚", "龙里县民政局", "¥8,000.00", "¥26,000.00", "¥3,000.00", "2014", "¥ 4"]
    assert_nothing_holds(screen, secrets)
    assert screen.current_ledger() is None
    assert screen.dispute.line() is None
    assert screen.dispute.amount.text() == ""


def test_read_aloud_text_names_the_totals(qtbot: QtBot, screens: Screens, store: Store) -> None:
    """What "read aloud" says: the grand total and the year shown."""
    screen = make_screen(screens, store)
    screen.load(screens.household_id(store, RELIEF_FILE))
    spoken = screen.spoken_text()
    assert "¥26,000.00" in spoken
    assert "2016" in spoken
    assert screen.screen_title() == "我家名下的补助款"


def assert_nothing_holds(root: QWidget, secrets: list[str]) -> None:
    """No widget text, accessible name, tooltip or model data under ``root`` has a secret."""
    found: list[str] = []
    for widget in [root, *root.findChildren(QWidget)]:
        texts = [widget.accessibleName(), widget.toolTip(), widget.windowTitle()]
        if isinstance(widget, QLabel | QAbstractButton):
            texts.append(widget.text())
        found += [t for t in texts if any(s in t for s in secrets)]
    for model in root.findChildren(QAbstractItemModel):
        for row in range(model.rowCount()):
            for column in range(model.columnCount()):
                value = model.data(model.index(row, column))
                if value is not None and any(s in str(value) for s in secrets):
                    found.append(str(value))
    assert found == []
