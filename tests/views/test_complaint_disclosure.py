"""The complaint's disclosure levels and whom it is about, by taps: what the identity step
offers, what the review promises, and what is filed."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from kiosk.domain.disclosure import hidden, shown
from kiosk.domain.models import (
    AidRecord,
    Assignment,
    Cadre,
    Complaint,
    ComplaintCategory,
    Disclosure,
    Household,
    Member,
    PartyKind,
    RegionLevel,
    Relation,
)
from kiosk.services.pinyin_input import PinyinDictionary, default_dictionary
from kiosk.services.store import Store
from kiosk.views.screens.complaint import ComplaintScreen
from kiosk.views.screens.complaint.words import shown_words
from tests.views.hands import Hands

from .conftest import Screens

RELIEF_FILE = "522730001001-0001"
PHONE = "13812345678"
HELPER = "GB522730-0000001"  # 黄刚, 龙里县统计局, who helps the household now
COMMITTEE = "文峰社区居民委员会"


@dataclass(frozen=True)
class Relief:
    household_id: int
    aid_record_id: int
    head_member_id: int
    #: A cadre who helped the household until 2018, added for these tests.
    former_helper: str


@pytest.fixture(scope="module")
def dictionary() -> PinyinDictionary:
    return default_dictionary()


@pytest.fixture
def relief(demo_store: Store) -> Relief:
    """The 8,000-yuan household, its disputed payment, its head, and an earlier helper."""
    with demo_store.sessionmaker.begin() as s:
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
        former = s.scalars(
            select(Cadre).where(Cadre.code != HELPER).order_by(Cadre.code).limit(1)
        ).one()
        s.add(
            Assignment(
                cadre_id=former.id,
                household_id=household_id,
                start_date=date(2014, 1, 1),
                end_date=date(2018, 6, 30),
            )
        )
        return Relief(household_id, record_id, head, former.code)


@pytest.fixture
def complaint(
    screens: Screens, demo_store: Store, dictionary: PinyinDictionary
) -> Iterator[ComplaintScreen]:
    screen = screens.show(ComplaintScreen(screens.context(demo_store), dictionary=dictionary))
    yield screen
    screen.clear()


def stored(store: Store) -> Complaint:
    with store.sessionmaker() as s:
        return s.scalars(
            select(Complaint).options(
                selectinload(Complaint.implicated), selectinload(Complaint.office)
            )
        ).one()


def blank(
    resident: Hands, screen: ComplaintScreen, relief: Relief, *, identified: bool = True
) -> None:
    """A blank complaint about favouritism, no words: at the identity step."""
    screen.load(relief.household_id)
    if identified:
        screen.set_complainant(relief.head_member_id)
    resident.tap(screen.category_step.buttons[ComplaintCategory.FAVOURITISM])
    resident.tap(screen.words_step.continue_button)
    assert screen.current_step() is screen.identity_step


def choose(resident: Hands, screen: ComplaintScreen, level: Disclosure) -> None:
    step = screen.identity_step
    resident.tap(step.buttons[level])
    resident.tap(step.continue_button)
    if level is Disclosure.NAMED:
        resident.type_on(step.phone, PHONE)
        resident.tap(step.phone_continue_button)
    assert screen.current_step() is screen.implicated_step


def listed(text: str) -> list[str]:
    return [line.removeprefix("• ") for line in text.splitlines()]


def send(qtbot: QtBot, resident: Hands, screen: ComplaintScreen) -> None:
    with qtbot.waitSignal(screen.filed, timeout=10_000):
        resident.tap(screen.review_step.send_button)


def test_the_three_levels_are_offered_and_named_needs_the_identified_member(
    complaint: ComplaintScreen, resident: Hands, relief: Relief
) -> None:
    """A blank complaint offers all three; until the screen knows who identified, the name
    cannot be sent, and says so."""
    blank(resident, complaint, relief, identified=False)
    step = complaint.identity_step
    assert all(button.isVisible() for button in step.buttons.values())
    assert not step.named_button.isEnabled()
    assert "不知道您的姓名" in step.named_button.official_label.text()
    assert not step.continue_button.isEnabled()
    resident.tap(step.village_button)
    assert step.village_button.isChecked() and "村里" in step.consent.text()
    complaint.clear()
    blank(resident, complaint, relief)
    assert complaint.identity_step.named_button.isEnabled()


def test_a_disputed_payment_is_no_village_report(
    complaint: ComplaintScreen, resident: Hands, relief: Relief
) -> None:
    """From one's own payment only named and anonymous are offered."""
    complaint.start_from_payment(relief.household_id, relief.aid_record_id, 400_000)
    complaint.set_complainant(relief.head_member_id)
    resident.tap(complaint.words_step.continue_button)
    step = complaint.identity_step
    assert step.named_button.isVisible() and step.anonymous_button.isVisible()
    assert not step.village_button.isVisible()


def test_named_promises_the_name_and_phone_and_files_them(
    qtbot: QtBot, complaint: ComplaintScreen, resident: Hands, demo_store: Store, relief: Relief
) -> None:
    """Named: the review shows the name and the masked phone and lists every part as seen;
    the complaint is filed with the member and the phone."""
    blank(resident, complaint, relief)
    choose(resident, complaint, Disclosure.NAMED)
    resident.tap(complaint.implicated_step.nobody_button)
    resident.tap(complaint.implicated_step.continue_button)
    review = complaint.review_step
    assert review.disclosure_value.text() == "实名反映"
    assert review.name_value.text() == "杨正刚" and review.phone_value.text() == "138****5678"
    words = shown_words()
    assert listed(review.shown_value.text()) == [words[i] for i in shown(Disclosure.NAMED)]
    assert review.hidden_value.isHidden()
    assert review.implicated_value.text() == "不针对具体的人"
    send(qtbot, resident, complaint)
    filed = stored(demo_store)
    assert filed.disclosure is Disclosure.NAMED
    assert (filed.complainant_member_id, filed.complainant_name) == (
        relief.head_member_id,
        "杨正刚",
    )
    assert filed.contact_phone == PHONE and filed.household_id == relief.household_id


def test_anonymous_promises_the_household_file_without_the_name(
    qtbot: QtBot, complaint: ComplaintScreen, resident: Hands, demo_store: Store, relief: Relief
) -> None:
    """Anonymous about the household: no name or phone row; "They will not see" lists the
    name, the phone and the members; filed with the household and no one in it."""
    complaint.start_from_payment(relief.household_id, relief.aid_record_id, 400_000)
    complaint.set_complainant(relief.head_member_id)
    resident.tap(complaint.words_step.continue_button)
    choose(resident, complaint, Disclosure.ANONYMOUS)
    resident.tap(complaint.implicated_step.nobody_button)
    resident.tap(complaint.implicated_step.continue_button)
    review = complaint.review_step
    assert review.name_value.isHidden() and review.phone_value.isHidden()
    words = shown_words()
    assert listed(review.shown_value.text()) == [words[i] for i in shown(Disclosure.ANONYMOUS)]
    assert listed(review.hidden_value.text()) == [words[i] for i in hidden(Disclosure.ANONYMOUS)]
    assert "杨正刚" not in " ".join(Screens.texts(complaint))
    send(qtbot, resident, complaint)
    filed = stored(demo_store)
    assert filed.disclosure is Disclosure.ANONYMOUS and filed.anonymous
    assert filed.household_id == relief.household_id
    assert filed.aid_record_id == relief.aid_record_id
    assert filed.complainant_member_id is None and filed.contact_phone is None


def test_village_report_names_the_committee_and_carries_no_household(
    qtbot: QtBot, complaint: ComplaintScreen, resident: Hands, demo_store: Store, relief: Relief
) -> None:
    """A village report offers the committee and nobody only; naming the committee sends it
    to Guanshan's office above the village; nothing of the household is filed."""
    blank(resident, complaint, relief)
    choose(resident, complaint, Disclosure.VILLAGE_REPORT)
    step = complaint.implicated_step
    assert list(step.buttons) == ["committee"]
    assert COMMITTEE in step.buttons["committee"].plain_label.text()
    resident.tap(step.buttons["committee"])
    resident.tap(step.continue_button)
    review = complaint.review_step
    assert review.implicated_value.text() == COMMITTEE
    assert review.disclosure_value.text() == "匿名反映村里的事"
    assert review.office_value.text() == "冠山街道纪工委"
    assert "村级" in review.office_reason.text()
    assert listed(review.hidden_value.text()) == [
        shown_words()[i] for i in hidden(Disclosure.VILLAGE_REPORT)
    ]
    send(qtbot, resident, complaint)
    filed = stored(demo_store)
    assert filed.disclosure is Disclosure.VILLAGE_REPORT
    assert filed.household_id is None and filed.aid_record_id is None
    assert filed.complainant_member_id is None and filed.contact_phone is None
    assert [(p.kind, p.name, p.level) for p in filed.implicated] == [
        (PartyKind.DEPARTMENT, COMMITTEE, RegionLevel.VILLAGE)
    ]
    assert filed.office is not None and filed.office.name == "冠山街道纪工委"


def test_every_helper_the_committee_and_the_payer_can_be_named(
    qtbot: QtBot, complaint: ComplaintScreen, resident: Hands, demo_store: Store, relief: Relief
) -> None:
    """From the disputed payment: the current and the earlier helper by name and post, the
    committee and the paying bureau; the review lists those touched, and they are filed."""
    complaint.start_from_payment(relief.household_id, relief.aid_record_id, 400_000)
    complaint.set_complainant(relief.head_member_id)
    resident.tap(complaint.words_step.continue_button)
    choose(resident, complaint, Disclosure.ANONYMOUS)
    step = complaint.implicated_step
    keys = list(step.buttons)
    assert keys == [f"cadre:{HELPER}", f"cadre:{relief.former_helper}", "committee", "department"]
    helper = step.buttons[f"cadre:{HELPER}"]
    assert helper.plain_label.text() == "我的帮扶干部 黄刚，办公室主任"
    assert "现在帮扶您家" in helper.official_label.text()
    former = step.buttons[f"cadre:{relief.former_helper}"]
    assert "帮扶您家到 2018年6月30日" in former.official_label.text()
    assert step.buttons["department"].plain_label.text() == "龙里县民政局"
    resident.tap(helper)
    resident.tap(step.buttons["department"])
    assert helper.isChecked() and step.continue_button.isEnabled()
    resident.tap(step.continue_button)
    review = complaint.review_step
    assert review.implicated_value.text().splitlines() == [
        "黄刚（办公室主任，龙里县统计局）",
        "龙里县民政局",
    ]
    # A county official is named: the prefecture's commission, one level up.
    assert review.office_value.text() == "黔南州纪委监委"
    assert "未指明被反映对象" not in review.office_reason.text()
    send(qtbot, resident, complaint)
    filed = stored(demo_store)
    assert sorted((p.kind, p.name) for p in filed.implicated) == [
        (PartyKind.CADRE, "黄刚"),
        (PartyKind.DEPARTMENT, "龙里县民政局"),
    ]


def test_nobody_takes_the_others_back(
    complaint: ComplaintScreen, resident: Hands, relief: Relief
) -> None:
    """Touching "nobody in particular" unticks every party; touching a party unticks it."""
    blank(resident, complaint, relief)
    choose(resident, complaint, Disclosure.ANONYMOUS)
    step = complaint.implicated_step
    assert not step.continue_button.isEnabled()
    resident.tap(step.buttons["committee"])
    resident.tap(step.nobody_button)
    assert not step.buttons["committee"].isChecked() and step.nobody_button.isChecked()
    assert step.named() is not None and not step.named()
    resident.tap(step.buttons["committee"])
    assert not step.nobody_button.isChecked()
    assert step.buttons["committee"].plain_label.text().startswith("✓")


def test_a_village_report_drops_the_helper_named_before(
    complaint: ComplaintScreen, resident: Hands, relief: Relief
) -> None:
    """Helper named, then back to choose a village report: the helper is not kept (it would
    point at the household), and the question is open again, not "nobody"."""
    blank(resident, complaint, relief)
    choose(resident, complaint, Disclosure.ANONYMOUS)
    resident.tap(complaint.implicated_step.buttons[f"cadre:{HELPER}"])
    resident.tap(complaint.implicated_step.continue_button)
    assert complaint.go_back()  # review -> whom
    assert complaint.go_back()  # whom -> the level
    choose(resident, complaint, Disclosure.VILLAGE_REPORT)
    step = complaint.implicated_step
    assert step.named() is None and not step.continue_button.isEnabled()
    draft = complaint.draft()
    assert draft is not None and draft.implicated_cadre_codes == ()
    assert draft.household_id is None


def test_another_households_session_forgets_the_complainant(
    complaint: ComplaintScreen, resident: Hands, demo_store: Store, relief: Relief
) -> None:
    """The identified member stays with a new complaint of the same household only."""
    complaint.load(relief.household_id)
    complaint.set_complainant(relief.head_member_id)
    complaint.start_blank(relief.household_id)
    resident.tap(complaint.category_step.buttons[ComplaintCategory.OTHER])
    resident.tap(complaint.words_step.continue_button)
    assert complaint.identity_step.named_button.isEnabled()
    with demo_store.sessionmaker() as s:
        other = s.scalars(select(Household.id).where(Household.id != relief.household_id)).first()
    assert other is not None
    complaint.load(other)
    resident.tap(complaint.category_step.buttons[ComplaintCategory.OTHER])
    resident.tap(complaint.words_step.continue_button)
    assert not complaint.identity_step.named_button.isEnabled()
    # A member of another household is not taken as the complainant either.
    complaint.clear()
    complaint.load(other)
    complaint.set_complainant(relief.head_member_id)
    resident.tap(complaint.category_step.buttons[ComplaintCategory.OTHER])
    resident.tap(complaint.words_step.continue_button)
    assert not complaint.identity_step.named_button.isEnabled()
