"""Making a complaint by taps: from a disputed payment or from nothing, words optional,
named or anonymous, whom it is about, reviewed, then filed for good with a tracking number
and a secret."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QPoint
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from kiosk.domain.models import (
    AidRecord,
    AidVerification,
    Complaint,
    ComplaintCategory,
    Household,
    Member,
    OutboxMessage,
    Relation,
)
from kiosk.domain.tracking import grouped, secret_well_formed, tracking_number_valid
from kiosk.services.complaints.filing import preview_destination
from kiosk.services.complaints.secret_hash import secret_matches
from kiosk.services.pinyin_input import PinyinDictionary, default_dictionary
from kiosk.services.store import Store
from kiosk.views.i18n import Translations
from kiosk.views.main_window import for_low_screen
from kiosk.views.screens.complaint import ComplaintScreen
from kiosk.views.screens.ledger import LedgerScreen
from kiosk.views.theme import NORMAL, load_stylesheet, with_large_text
from tests.views.hands import Hands

from .conftest import Screens

RELIEF_FILE = "522730001001-0001"
PHONE = "13812345678"


@dataclass(frozen=True)
class Relief:
    household_id: int
    aid_record_id: int
    #: 杨正刚, the head, who identifies.
    head_member_id: int


@pytest.fixture(scope="module")
def dictionary() -> PinyinDictionary:
    """The real pinyin dictionary, built once for the module."""
    return default_dictionary()


@pytest.fixture
def relief(demo_store: Store) -> Relief:
    """The 8,000-yuan disaster relief of 2014 and its household."""
    with demo_store.sessionmaker() as s:
        household_id = s.scalars(
            select(Household.id).where(Household.file_number == RELIEF_FILE)
        ).one()
        record_id = s.scalars(
            select(AidRecord.id).where(
                AidRecord.household_id == household_id, AidRecord.amount_fen == 800_000
            )
        ).one()
        head = s.scalars(
            select(Member.id).where(
                Member.household_id == household_id, Member.relation == Relation.HEAD
            )
        ).one()
    return Relief(household_id, record_id, head)


def identified(screen: ComplaintScreen, relief: Relief) -> None:
    """What the main window does on opening the screen: the household, then who identified."""
    screen.load(relief.household_id)
    screen.set_complainant(relief.head_member_id)


@pytest.fixture
def complaint(
    screens: Screens, demo_store: Store, dictionary: PinyinDictionary
) -> Iterator[ComplaintScreen]:
    """A complaint screen over a fresh demo store, at 1920x1080 in Chinese."""
    screen = screens.show(ComplaintScreen(screens.context(demo_store), dictionary=dictionary))
    yield screen
    screen.clear()


def complaints(store: Store) -> list[Complaint]:
    with store.sessionmaker() as s:
        return list(s.scalars(select(Complaint).options(selectinload(Complaint.office))))


def outbox_rows(store: Store) -> int:
    with store.sessionmaker() as s:
        return s.scalar(select(func.count()).select_from(OutboxMessage)) or 0


def choose_blank(resident: Hands, screen: ComplaintScreen, category: ComplaintCategory) -> None:
    """Category, then no words."""
    resident.tap(screen.category_step.buttons[category])
    resident.tap(screen.words_step.continue_button)


def name_nobody(resident: Hands, screen: ComplaintScreen) -> None:
    """ "Nobody in particular", then Continue to the review."""
    resident.tap(screen.implicated_step.nobody_button)
    resident.tap(screen.implicated_step.continue_button)


def go_anonymous(resident: Hands, screen: ComplaintScreen) -> None:
    resident.tap(screen.identity_step.anonymous_button)
    resident.tap(screen.identity_step.continue_button)
    name_nobody(resident, screen)


def go_named(resident: Hands, screen: ComplaintScreen, phone: str) -> None:
    step = screen.identity_step
    resident.tap(step.named_button)
    resident.tap(step.continue_button)
    resident.type_on(step.phone, phone)
    resident.tap(step.phone_continue_button)
    if screen.current_step() is screen.implicated_step:
        name_nobody(resident, screen)


def send(qtbot: QtBot, resident: Hands, screen: ComplaintScreen) -> None:
    resident.tap(screen.review_step.send_button)
    qtbot.waitUntil(lambda: screen.current_step() is screen.result_step, timeout=10_000)


def test_a_complaint_with_no_words_at_all_is_filed_anonymously(
    qtbot: QtBot, complaint: ComplaintScreen, resident: Hands, demo_store: Store, relief: Relief
) -> None:
    """Category, "No, continue", anonymous, Send: stored with its outbox row, and the
    numbers on screen are the stored ones."""
    identified(complaint, relief)
    choose_blank(resident, complaint, ComplaintCategory.FAVOURITISM)
    assert complaint.current_step() is complaint.identity_step
    go_anonymous(resident, complaint)
    assert complaint.current_step() is complaint.review_step
    with qtbot.waitSignal(complaint.filed, timeout=10_000):
        resident.tap(complaint.review_step.send_button)
    (stored,) = complaints(demo_store)
    assert stored.category is ComplaintCategory.FAVOURITISM
    assert stored.anonymous is True
    assert stored.contact_phone is None
    assert stored.text == ""
    assert outbox_rows(demo_store) == 1
    shown_number = complaint.result_step.tracking_value.text()
    shown_secret = complaint.result_step.secret_value.text()
    assert shown_number == grouped(stored.tracking_number)
    assert tracking_number_valid(stored.tracking_number)
    assert secret_well_formed(shown_secret)
    assert secret_matches(shown_secret, stored.secret_hash)


def test_from_the_dispute_to_the_filed_complaint(
    qtbot: QtBot,
    screens: Screens,
    demo_store: Store,
    relief: Relief,
    resident: Hands,
    dictionary: PinyinDictionary,
) -> None:
    """ "Received 4,000 of 8,000", "Make a complaint about this", no words, named with a phone,
    Send: the complaint holds the payment and both amounts, points to the dispute, and waits
    in the outbox."""
    context = screens.context(demo_store)
    holder = QWidget()
    QVBoxLayout(holder).setContentsMargins(0, 0, 0, 0)
    holder.setStyleSheet(load_stylesheet(NORMAL))
    ledger = LedgerScreen(context)
    complaint = ComplaintScreen(context, dictionary=dictionary)
    layout = holder.layout()
    assert layout is not None
    layout.addWidget(ledger)
    layout.addWidget(complaint)
    complaint.hide()
    qtbot.addWidget(holder)
    holder.resize(1920, 1080)
    holder.show()
    qtbot.waitExposed(holder)

    # What the main window does with the dispute's request (see the ledger's signal).
    def open_complaint(aid_record_id: int, received_fen: int) -> None:
        ledger.hide()
        complaint.show()
        complaint.start_from_payment(relief.household_id, aid_record_id, received_fen)
        complaint.set_complainant(relief.head_member_id)

    ledger.dispute.complaint_requested.connect(open_complaint)
    ledger.load(relief.household_id)
    while (year := ledger.current_year()) is not None and year.year != 2014:
        resident.tap(ledger.older_button)
    card = ledger.card_for(relief.aid_record_id)
    assert card is not None
    resident.tap(card.wrong_button)
    dispute = ledger.dispute
    resident.tap(dispute.less_button)
    resident.type_on(dispute.amount, "4000")
    resident.tap(dispute.amount_confirm_button)
    qtbot.waitUntil(dispute.done_step.isVisible)
    with qtbot.waitSignal(dispute.complaint_requested) as requested:
        resident.tap(dispute.complain_button)
    assert requested.args == [relief.aid_record_id, 400_000]

    # The category is known: the first step is the optional words, under the payment.
    qtbot.waitUntil(complaint.isVisible)
    assert complaint.current_step() is complaint.words_step
    assert "¥4,000.00" in complaint.claim_label.text()
    assert "¥8,000.00" in complaint.claim_label.text()
    assert complaint.progress.text() == "第 1 步，共 4 步"
    resident.tap(complaint.words_step.continue_button)
    go_named(resident, complaint, PHONE)
    review = complaint.review_step
    assert review.phone_value.text() == "138****5678"
    assert "¥4,000.00" in review.payment_value.text()
    assert review.office_value.text()
    send(qtbot, resident, complaint)

    (stored,) = complaints(demo_store)
    assert stored.category is ComplaintCategory.FUNDS_WITHHELD
    assert stored.aid_record_id == relief.aid_record_id
    assert stored.claimed_received_fen == 400_000
    assert stored.anonymous is False
    assert stored.contact_phone == PHONE
    assert stored.complainant_member_id == relief.head_member_id
    assert stored.complainant_name == "杨正刚"
    assert outbox_rows(demo_store) == 1
    with demo_store.sessionmaker() as s:
        linked = s.scalars(
            select(AidVerification.complaint_id).where(
                AidVerification.aid_record_id == relief.aid_record_id
            )
        ).one()
    assert linked == stored.id
    assert review.office_value.text() == ""  # the review forgot the draft once filed
    assert stored.office is not None
    assert stored.office.name in complaint.result_step.saved.text()


def test_the_review_shows_what_will_be_sent_and_where(
    complaint: ComplaintScreen,
    resident: Hands,
    demo_store: Store,
    relief: Relief,
) -> None:
    """Category in plain words with the official term, the words, named, the masked phone,
    and the office the routing rule gives."""
    identified(complaint, relief)
    resident.tap(complaint.category_step.buttons[ComplaintCategory.BRIBES])
    resident.tap(complaint.words_step.add_button)
    complaint.words_step.keyboard.set_text("村干部要我送烟才给办")
    resident.tap(complaint.words_step.keyboard.done_button)
    go_named(resident, complaint, PHONE)
    review = complaint.review_step
    assert review.category_value.text() == "办事要送礼、要好处"
    assert review.official_label.text() == "吃拿卡要"
    assert review.text_value.text() == "村干部要我送烟才给办"
    assert review.phone_value.text() == "138****5678"
    assert PHONE not in Screens.texts(complaint)
    draft = complaint.draft()
    assert draft is not None
    with demo_store.sessionmaker() as s:
        destination = preview_destination(s, draft)
    assert review.office_value.text() == destination.office_name
    assert review.payment_value.isHidden()


def test_words_typed_in_pinyin_go_with_the_complaint(
    qtbot: QtBot,
    complaint: ComplaintScreen,
    resident: Hands,
    demo_store: Store,
    relief: Relief,
) -> None:
    """Letters, then a candidate, then Done: the characters are what is stored."""
    identified(complaint, relief)
    resident.tap(complaint.category_step.buttons[ComplaintCategory.OTHER])
    resident.tap(complaint.words_step.add_button)
    keyboard = complaint.words_step.keyboard
    for letter in "qian":
        resident.tap(keyboard.letter_buttons[letter])
    qtbot.waitUntil(lambda: "钱" in keyboard.shown_candidates())
    choice = keyboard.shown_candidates().index("钱")
    resident.tap(keyboard.candidate_buttons[choice])
    resident.tap(keyboard.done_button)
    assert complaint.current_step() is complaint.identity_step
    go_anonymous(resident, complaint)
    send(qtbot, resident, complaint)
    (stored,) = complaints(demo_store)
    assert stored.text == "钱"


def test_a_phone_number_too_short_is_refused_in_plain_words(
    complaint: ComplaintScreen, resident: Hands, demo_store: Store, relief: Relief
) -> None:
    """Seven digits and Continue: the phone page says four are missing, and stays."""
    identified(complaint, relief)
    choose_blank(resident, complaint, ComplaintCategory.OTHER)
    go_named(resident, complaint, PHONE[:7])
    step = complaint.identity_step
    assert step.on_phone_page()
    assert step.phone_problem.label.isVisible()
    assert "还差 4 位" in step.phone_problem.label.text()
    assert complaint.current_step() is step
    resident.tap(step.phone.pad.button("clear"))
    assert not step.phone_problem.label.isVisible()
    assert complaints(demo_store) == []


def test_the_phone_pad_only_starts_with_1(
    complaint: ComplaintScreen, resident: Hands, relief: Relief
) -> None:
    """Every digit but 1 is greyed out before anything is typed: mobile numbers start so."""
    identified(complaint, relief)
    choose_blank(resident, complaint, ComplaintCategory.OTHER)
    resident.tap(complaint.identity_step.named_button)
    resident.tap(complaint.identity_step.continue_button)
    pad = complaint.identity_step.phone.pad
    assert [key for key in "0123456789" if pad.button(key).isEnabled()] == ["1"]


def test_ten_thousand_characters_are_refused_with_the_services_reason(
    complaint: ComplaintScreen, resident: Hands, demo_store: Store, relief: Relief
) -> None:
    """A text far over the limit (put in directly: nobody taps 10,000 characters) is refused
    on the keyboard page in plain words, and nothing goes on."""
    identified(complaint, relief)
    resident.tap(complaint.category_step.buttons[ComplaintCategory.OTHER])
    resident.tap(complaint.words_step.add_button)
    complaint.words_step.keyboard.set_text("扶" * 10_000)
    resident.tap(complaint.words_step.keyboard.done_button)
    problem = complaint.words_step.typing_problem.label
    assert problem.isVisible()
    assert "内容太长" in problem.text()
    assert complaint.current_step() is complaint.words_step
    assert complaint.words_step.typing()
    assert complaints(demo_store) == []


def test_anonymous_drops_a_phone_typed_before(
    complaint: ComplaintScreen, resident: Hands, relief: Relief
) -> None:
    """Typing a phone, going back and choosing anonymous leaves no phone in the draft."""
    identified(complaint, relief)
    choose_blank(resident, complaint, ComplaintCategory.OTHER)
    go_named(resident, complaint, PHONE)
    assert complaint.go_back()  # review -> whom it is about
    assert complaint.go_back()  # whom -> phone page
    assert complaint.go_back()  # phone page -> choice
    go_anonymous(resident, complaint)
    draft = complaint.draft()
    assert draft is not None
    assert draft.anonymous is True
    assert draft.contact_phone is None and draft.complainant_member_id is None
    assert complaint.review_step.phone_value.isHidden()
    assert complaint.review_step.name_value.isHidden()


def test_back_goes_one_step_at_a_time_and_then_leaves(
    complaint: ComplaintScreen, resident: Hands, relief: Relief
) -> None:
    """From the review Back walks to the phone, the choice, the words, the category, and out."""
    identified(complaint, relief)
    choose_blank(resident, complaint, ComplaintCategory.OTHER)
    go_named(resident, complaint, PHONE)
    seen = []
    while complaint.go_back():
        seen.append(
            complaint.current_step().objectName() or type(complaint.current_step()).__name__
        )
    assert seen == [
        "ImplicatedStep",
        "IdentityStep",
        "IdentityStep",
        "WordsStep",
        "CategoryStep",
    ]
    assert complaint.draft() is None


def test_change_keeps_every_answer(
    complaint: ComplaintScreen, resident: Hands, relief: Relief
) -> None:
    """Change on the review starts over with the answers marked and kept."""
    identified(complaint, relief)
    choose_blank(resident, complaint, ComplaintCategory.BRIBES)
    go_named(resident, complaint, PHONE)
    resident.tap(complaint.review_step.change_button)
    assert complaint.current_step() is complaint.category_step
    assert (
        complaint.category_step.buttons[ComplaintCategory.BRIBES].plain_label.text().startswith("✓")
    )
    resident.tap(complaint.category_step.buttons[ComplaintCategory.BRIBES])
    resident.tap(complaint.words_step.continue_button)
    assert complaint.identity_step.named_button.isChecked()
    resident.tap(complaint.identity_step.continue_button)
    assert complaint.identity_step.phone.text() == PHONE


def test_send_twice_files_once(
    qtbot: QtBot, complaint: ComplaintScreen, resident: Hands, demo_store: Store, relief: Relief
) -> None:
    """Send is greyed out the moment it is touched: a second touch makes no second complaint."""
    identified(complaint, relief)
    choose_blank(resident, complaint, ComplaintCategory.OTHER)
    go_anonymous(resident, complaint)
    send_button = complaint.review_step.send_button
    resident.tap(send_button)
    assert not send_button.isEnabled() or complaint.current_step() is complaint.result_step
    send_button.click()  # a second touch, on the greyed-out button
    qtbot.waitUntil(lambda: complaint.current_step() is complaint.result_step, timeout=10_000)
    qtbot.waitUntil(lambda: not complaint.jobs.busy())
    assert len(complaints(demo_store)) == 1


def test_clear_leaves_no_number_secret_phone_or_words(
    qtbot: QtBot, complaint: ComplaintScreen, resident: Hands, relief: Relief
) -> None:
    """After filing, clear() (the session ending) leaves none of the resident's values in
    any text or accessible name of the screen."""
    identified(complaint, relief)
    resident.tap(complaint.category_step.buttons[ComplaintCategory.OTHER])
    resident.tap(complaint.words_step.add_button)
    complaint.words_step.keyboard.set_text("我家的补助被扣了")
    resident.tap(complaint.words_step.keyboard.done_button)
    go_named(resident, complaint, PHONE)
    send(qtbot, resident, complaint)
    number = complaint.result_step.tracking_value.text()
    secret = complaint.result_step.secret_value.text()
    before = " ".join(Screens.texts(complaint))
    assert number in before and secret in before
    complaint.clear()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    after = " ".join(Screens.texts(complaint, with_root=True, descriptions=True))
    for trace in (
        number,
        number.replace(" ", ""),
        " ".join(number.replace(" ", "")),
        secret,
        " ".join(secret),
        PHONE,
        "138****5678",
        "补助被扣",
    ):
        assert trace not in after, trace
    assert complaint.draft() is None
    assert complaint.current_step() is complaint.category_step


def test_the_screen_speaks_english_too(
    translations: Translations, complaint: ComplaintScreen, resident: Hands, relief: Relief
) -> None:
    """Switched to English, the steps and the refusal read in English."""
    translations.set_language("en")
    identified(complaint, relief)
    assert complaint.category_step.question.text() == "What is your complaint about?"
    choose_blank(resident, complaint, ComplaintCategory.OTHER)
    go_named(resident, complaint, PHONE[:5])
    assert "6 digits are missing" in complaint.identity_step.phone_problem.label.text()


@pytest.mark.parametrize("large", [False, True], ids=["normal", "large-text"])
@pytest.mark.parametrize(("width", "height"), [(1920, 960), (1080, 1800), (1366, 648)])
@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_every_step_fits_the_screen(
    qtbot: QtBot,
    translations: Translations,
    demo_store: Store,
    relief: Relief,
    resident: Hands,
    screens: Screens,
    dictionary: PinyinDictionary,
    large: bool,
    width: int,
    height: int,
    language: str,
) -> None:
    """Each step, with a refusal shown, fits the space under the top bar at 1920x1080,
    1080x1920 and 1366x768, with normal and large text, in both languages."""
    translations.set_language(language)
    theme = with_large_text(NORMAL) if large else NORMAL
    if height < 900 - 120:
        theme = for_low_screen(theme)
    holder = QWidget()
    holder.setStyleSheet(load_stylesheet(theme))
    QVBoxLayout(holder).setContentsMargins(0, 0, 0, 0)
    screen = ComplaintScreen(screens.context(demo_store), dictionary=dictionary)
    layout = holder.layout()
    assert layout is not None
    layout.addWidget(screen)
    qtbot.addWidget(holder)
    holder.resize(width, height)
    holder.show()
    qtbot.waitExposed(holder)

    screen.start_from_payment(relief.household_id, relief.aid_record_id, 400_000)
    screen.set_complainant(relief.head_member_id)
    assert_fits(holder, width, height)
    screen.clear()
    identified(screen, relief)
    assert_fits(holder, width, height)
    resident.tap(screen.category_step.buttons[ComplaintCategory.FUNDS_WITHHELD])
    assert_fits(holder, width, height)
    resident.tap(screen.words_step.add_button)
    screen.words_step.keyboard.set_text("扶" * 3000)
    resident.tap(screen.words_step.keyboard.done_button)
    assert screen.words_step.typing_problem.label.isVisible()
    assert_fits(holder, width, height)
    screen.words_step.keyboard.set_text("钱没有发到我手上")
    resident.tap(screen.words_step.keyboard.done_button)
    assert_fits(holder, width, height)
    resident.tap(screen.identity_step.anonymous_button)
    assert_fits(holder, width, height)
    resident.tap(screen.identity_step.named_button)
    resident.tap(screen.identity_step.continue_button)
    resident.type_on(screen.identity_step.phone, PHONE[:6])
    resident.tap(screen.identity_step.phone_continue_button)
    assert screen.identity_step.phone_problem.label.isVisible()
    assert_fits(holder, width, height)
    resident.type_on(screen.identity_step.phone, PHONE[6:])
    resident.tap(screen.identity_step.phone_continue_button)
    assert_fits(holder, width, height)
    # Whom it is about: every party of the household is offered.
    assert screen.current_step() is screen.implicated_step
    assert_fits(holder, width, height)
    name_nobody(resident, screen)
    assert_fits(holder, width, height)
    send(qtbot, resident, screen)
    assert_fits(holder, width, height)
    screen.clear()


def assert_fits(holder: QWidget, width: int, height: int) -> None:
    """The window kept its size and every visible widget outside a scrolling page lies
    inside it."""
    QApplication.processEvents()
    assert (holder.width(), holder.height()) == (width, height)
    for widget in holder.findChildren(QWidget):
        if not widget.isVisible() or _in_scroll_area(widget, holder):
            continue
        corner = widget.mapTo(holder, QPoint(0, 0))
        name = widget.objectName() or type(widget).__name__
        assert corner.x() >= 0, name
        assert corner.y() >= 0, name
        assert corner.x() + widget.width() <= width, name
        assert corner.y() + widget.height() <= height, name
        # Words squeezed below the height they need are cut off, even inside the window.
        # The pinyin keyboard's own line shows the whole text typed; a text over the limit
        # (typed in this test only to be refused) is more than any line can hold.
        if isinstance(widget, QLabel) and widget.text() and name != "pinyin-target":
            needed = (
                widget.heightForWidth(widget.width())
                if widget.wordWrap()
                else widget.minimumSizeHint().height()
            )
            assert widget.height() >= needed - 2, (
                f"{name} {widget.text()[:40]!r} cut: {widget.height()} < {needed}"
            )


def _in_scroll_area(widget: QWidget, holder: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None and parent is not holder:
        if parent.objectName() == "qt_scrollarea_viewport":
            return True
        parent = parent.parentWidget()
    return False
