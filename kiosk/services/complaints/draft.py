"""A complaint as the resident is composing it, and the checks it must pass.

The checks are the server's own (docs/central-api.md), made on the kiosk's cached data, so
a complaint the kiosk accepts is not refused when it reaches the central server. Among them
the rules of the three disclosure levels (``kiosk.domain.disclosure``): named carries the
member who files and may carry a phone; anonymous carries the household but no one in it;
a village report carries no household, no payment and no one.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session

from kiosk.domain.models import (
    AidRecord,
    Cadre,
    ComplaintCategory,
    Disclosure,
    Household,
    Member,
    Region,
    RegionLevel,
)
from kiosk.domain.problems import Reason, Refused

MAX_TEXT_CHARS = 2000
MAX_IMPLICATED = 10
PHONE_DIGITS = 11


MAX_UNIT_NAME = 128


@dataclass(frozen=True)
class NamedUnit:
    """A unit the resident names (a village committee, a paying department), as the
    contract sends it: its name and the region and level of the government it belongs to."""

    name: str
    region_code: str | None
    level: RegionLevel | None = None


@dataclass(frozen=True)
class ComplaintDraft:
    """What the resident has said so far; nothing is stored until it is filed.

    ``household_id`` is the household the complaint is about: the identified one for named
    and anonymous complaints, None for a village report (which the kiosk places by its own
    region instead).
    """

    category: ComplaintCategory
    household_id: int | None
    aid_record_id: int | None = None
    #: For a disputed payment: what the resident says they received, in fen.
    claimed_received_fen: int | None = None
    text: str = ""
    disclosure: Disclosure = Disclosure.ANONYMOUS
    #: Named only: the identified member, who files it.
    complainant_member_id: int | None = None
    #: Named only; never logged.
    contact_phone: str | None = None
    implicated_cadre_codes: tuple[str, ...] = ()
    implicated_units: tuple[NamedUnit, ...] = ()

    @property
    def anonymous(self) -> bool:
        """Whether the inspectors are not told who filed (every level but named)."""
        return self.disclosure is not Disclosure.NAMED


class ComplaintWhy(StrEnum):
    """Why a draft cannot be filed as it is (values: ``limit``, ``digits``)."""

    CHOOSE_CATEGORY = "complaint.choose_category"
    HOUSEHOLD_NOT_FOUND = "complaint.household_not_found"
    TEXT_UNREADABLE = "complaint.text_unreadable"
    TEXT_TOO_LONG = "complaint.text_too_long"
    TEXT_UNSHOWABLE = "complaint.text_unshowable"
    CHOOSE_DISCLOSURE = "complaint.choose_disclosure"
    VILLAGE_REPORT_WITH_HOUSEHOLD = "complaint.village_report_with_household"
    LOOK_UP_HOUSEHOLD = "complaint.look_up_household"
    ANONYMOUS_WITH_NAME = "complaint.anonymous_with_name"
    NAME_NOT_FOUND = "complaint.name_not_found"
    ANONYMOUS_WITH_PHONE = "complaint.anonymous_with_phone"
    PHONE_FORMAT = "complaint.phone_format"
    CHOOSE_PAYMENT_FIRST = "complaint.choose_payment_first"
    PAYMENT_NOT_FOUND = "complaint.payment_not_found"
    ENTER_RECEIVED = "complaint.enter_received"
    NOT_LESS = "complaint.not_less"
    TOO_MANY_NAMED = "complaint.too_many_named"
    SAME_PERSON_TWICE = "complaint.same_person_twice"
    OFFICIAL_NOT_FOUND = "complaint.official_not_found"
    SAME_UNIT_TWICE = "complaint.same_unit_twice"
    UNIT_WITHOUT_NAME = "complaint.unit_without_name"
    UNIT_PLACE_UNKNOWN = "complaint.unit_place_unknown"


class ComplaintRefused(Refused):
    """The draft cannot be filed as it is; ``field`` names what to change, in the draft's
    attribute names, and ``reason`` says why (a :class:`ComplaintWhy`, or the routing
    rule's reason when no office may receive it; never quoting a phone)."""

    field: str

    def __init__(self, field: str, why: ComplaintWhy | Reason, **values: object) -> None:
        reason = why if isinstance(why, Reason) else Reason.of(why, **values)
        super().__init__(reason, field=field)


def _whole_number(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _check_text(text: str) -> None:
    if len(text) > MAX_TEXT_CHARS:
        raise ComplaintRefused("text", ComplaintWhy.TEXT_TOO_LONG, limit=MAX_TEXT_CHARS)
    if any(unicodedata.category(char) == "Cc" and char != "\n" for char in text):
        raise ComplaintRefused("text", ComplaintWhy.TEXT_UNSHOWABLE)


def _check_disclosure(session: Session, draft: ComplaintDraft) -> None:
    try:
        level = Disclosure(draft.disclosure)
    except ValueError:
        raise ComplaintRefused("disclosure", ComplaintWhy.CHOOSE_DISCLOSURE) from None
    if level is Disclosure.VILLAGE_REPORT:
        if draft.household_id is not None or draft.aid_record_id is not None:
            raise ComplaintRefused("household_id", ComplaintWhy.VILLAGE_REPORT_WITH_HOUSEHOLD)
    elif draft.household_id is None:
        raise ComplaintRefused("household_id", ComplaintWhy.LOOK_UP_HOUSEHOLD)
    if level is not Disclosure.NAMED:
        if draft.complainant_member_id is not None:
            raise ComplaintRefused("complainant_member_id", ComplaintWhy.ANONYMOUS_WITH_NAME)
        return
    member = (
        session.get(Member, draft.complainant_member_id)
        if draft.complainant_member_id is not None
        else None
    )
    # The same answer whether the member is missing or of another household.
    if member is None or member.household_id != draft.household_id:
        raise ComplaintRefused("complainant_member_id", ComplaintWhy.NAME_NOT_FOUND)


def _check_contact(draft: ComplaintDraft) -> None:
    phone = draft.contact_phone
    if phone is None:
        return
    if draft.anonymous:
        raise ComplaintRefused("contact_phone", ComplaintWhy.ANONYMOUS_WITH_PHONE)
    if not (len(phone) == PHONE_DIGITS and phone.isascii() and phone.isdigit()) or not (
        phone.startswith("1")
    ):
        raise ComplaintRefused("contact_phone", ComplaintWhy.PHONE_FORMAT, digits=PHONE_DIGITS)


def _check_aid_record(session: Session, draft: ComplaintDraft) -> AidRecord | None:
    if draft.aid_record_id is None:
        if draft.claimed_received_fen is not None:
            raise ComplaintRefused("claimed_received_fen", ComplaintWhy.CHOOSE_PAYMENT_FIRST)
        return None
    record = session.get(AidRecord, draft.aid_record_id)
    if record is None or draft.household_id is None or record.household_id != draft.household_id:
        # The same answer whether the record is missing or another household's.
        raise ComplaintRefused("aid_record_id", ComplaintWhy.PAYMENT_NOT_FOUND)
    claimed = draft.claimed_received_fen
    if claimed is not None:
        if not _whole_number(claimed) or claimed < 0:
            raise ComplaintRefused("claimed_received_fen", ComplaintWhy.ENTER_RECEIVED)
        if claimed >= record.amount_fen:
            raise ComplaintRefused("claimed_received_fen", ComplaintWhy.NOT_LESS)
    return record


def check_cadres(
    session: Session, codes: tuple[str, ...], units: tuple[NamedUnit, ...] = ()
) -> list[Cadre]:
    """The cadres the draft names, in its order; refused when unknown or too many (the
    units it names count toward the limit too)."""
    if len(codes) + len(units) > MAX_IMPLICATED:
        raise ComplaintRefused(
            "implicated_cadre_codes", ComplaintWhy.TOO_MANY_NAMED, limit=MAX_IMPLICATED
        )
    if len(set(codes)) != len(codes):
        raise ComplaintRefused("implicated_cadre_codes", ComplaintWhy.SAME_PERSON_TWICE)
    if not codes:
        return []
    cadres = list(session.scalars(select(Cadre).where(Cadre.code.in_(codes))))
    if len(cadres) != len(codes):
        raise ComplaintRefused("implicated_cadre_codes", ComplaintWhy.OFFICIAL_NOT_FOUND)
    by_code = {cadre.code: cadre for cadre in cadres}
    return [by_code[code] for code in codes]


def check_units(session: Session, units: tuple[NamedUnit, ...]) -> None:
    """Refuse a named unit without a name, twice over, or in a region the store lacks."""
    if len(set(units)) != len(units):
        raise ComplaintRefused("implicated_units", ComplaintWhy.SAME_UNIT_TWICE)
    for unit in units:
        name = unit.name.strip() if isinstance(unit.name, str) else ""
        if not name or len(name) > MAX_UNIT_NAME:
            raise ComplaintRefused("implicated_units", ComplaintWhy.UNIT_WITHOUT_NAME)
        if unit.region_code is not None and session.get(Region, unit.region_code) is None:
            raise ComplaintRefused("implicated_units", ComplaintWhy.UNIT_PLACE_UNKNOWN)


def validate_draft(session: Session, draft: ComplaintDraft) -> None:
    """Raise :class:`ComplaintRefused` for the first thing the server would refuse."""
    try:
        ComplaintCategory(draft.category)
    except ValueError:
        raise ComplaintRefused("category", ComplaintWhy.CHOOSE_CATEGORY) from None
    if draft.household_id is not None and session.get(Household, draft.household_id) is None:
        raise ComplaintRefused("household_id", ComplaintWhy.HOUSEHOLD_NOT_FOUND)
    if not isinstance(draft.text, str):
        raise ComplaintRefused("text", ComplaintWhy.TEXT_UNREADABLE)
    _check_text(draft.text)
    _check_disclosure(session, draft)
    _check_contact(draft)
    _check_aid_record(session, draft)
    check_cadres(session, draft.implicated_cadre_codes, draft.implicated_units)
    check_units(session, draft.implicated_units)
