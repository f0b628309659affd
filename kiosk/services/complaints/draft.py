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


class ComplaintRefused(ValueError):
    """The draft cannot be filed as it is; ``field`` names what to change, in the draft's
    attribute names, and the reasons say why in both languages (never quoting a phone)."""

    def __init__(self, field: str, reason_zh: str, reason_en: str) -> None:
        super().__init__(f"{field}: {reason_en}")
        self.field = field
        self.reason_zh = reason_zh
        self.reason_en = reason_en


def _whole_number(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _check_text(text: str) -> None:
    if len(text) > MAX_TEXT_CHARS:
        raise ComplaintRefused(
            "text",
            f"内容太长，最多 {MAX_TEXT_CHARS} 字",
            f"The text is too long: at most {MAX_TEXT_CHARS} characters",
        )
    if any(unicodedata.category(char) == "Cc" and char != "\n" for char in text):
        raise ComplaintRefused(
            "text", "内容含有无法显示的字符", "The text holds characters that cannot be shown"
        )


def _check_disclosure(session: Session, draft: ComplaintDraft) -> None:
    try:
        level = Disclosure(draft.disclosure)
    except ValueError:
        raise ComplaintRefused(
            "disclosure", "请选择是否留下姓名", "Choose whether to give your name"
        ) from None
    if level is Disclosure.VILLAGE_REPORT:
        if draft.household_id is not None or draft.aid_record_id is not None:
            raise ComplaintRefused(
                "household_id",
                "反映村里的情况时不附本户档案",
                "A report about the village carries no household file",
            )
    elif draft.household_id is None:
        raise ComplaintRefused(
            "household_id", "请先查询本户档案", "Look up your household file first"
        )
    if level is not Disclosure.NAMED:
        if draft.complainant_member_id is not None:
            raise ComplaintRefused(
                "complainant_member_id",
                "匿名反映不写姓名",
                "An anonymous complaint carries no name",
            )
        return
    member = (
        session.get(Member, draft.complainant_member_id)
        if draft.complainant_member_id is not None
        else None
    )
    # The same answer whether the member is missing or of another household.
    if member is None or member.household_id != draft.household_id:
        raise ComplaintRefused(
            "complainant_member_id",
            "找不到您的姓名，请先查询本户档案",
            "Your name was not found: look up your household file first",
        )


def _check_contact(draft: ComplaintDraft) -> None:
    phone = draft.contact_phone
    if phone is None:
        return
    if draft.anonymous:
        raise ComplaintRefused(
            "contact_phone",
            "匿名反映不留联系电话",
            "An anonymous complaint leaves no phone number",
        )
    if not (len(phone) == PHONE_DIGITS and phone.isascii() and phone.isdigit()) or not (
        phone.startswith("1")
    ):
        raise ComplaintRefused(
            "contact_phone",
            "请输入 11 位手机号码（以 1 开头）",
            "Enter an 11-digit mobile number starting with 1",
        )


def _check_aid_record(session: Session, draft: ComplaintDraft) -> AidRecord | None:
    if draft.aid_record_id is None:
        if draft.claimed_received_fen is not None:
            raise ComplaintRefused(
                "claimed_received_fen",
                "请先选择是哪一笔款项",
                "Choose which payment this is about first",
            )
        return None
    record = session.get(AidRecord, draft.aid_record_id)
    if record is None or draft.household_id is None or record.household_id != draft.household_id:
        # The same answer whether the record is missing or another household's.
        raise ComplaintRefused("aid_record_id", "找不到这笔款项", "This payment was not found")
    claimed = draft.claimed_received_fen
    if claimed is not None:
        if not _whole_number(claimed) or claimed < 0:
            raise ComplaintRefused(
                "claimed_received_fen",
                "请输入您实际收到的金额",
                "Enter the amount you received",
            )
        if claimed >= record.amount_fen:
            raise ComplaintRefused(
                "claimed_received_fen",
                "您输入的金额不少于记录的金额",
                "That is not less than the recorded amount",
            )
    return record


def check_cadres(
    session: Session, codes: tuple[str, ...], units: tuple[NamedUnit, ...] = ()
) -> list[Cadre]:
    """The cadres the draft names, in its order; refused when unknown or too many (the
    units it names count toward the limit too)."""
    if len(codes) + len(units) > MAX_IMPLICATED:
        raise ComplaintRefused(
            "implicated_cadre_codes",
            f"最多反映 {MAX_IMPLICATED} 人",
            f"At most {MAX_IMPLICATED} people can be named",
        )
    if len(set(codes)) != len(codes):
        raise ComplaintRefused(
            "implicated_cadre_codes", "同一人选了两次", "The same person was chosen twice"
        )
    if not codes:
        return []
    cadres = list(session.scalars(select(Cadre).where(Cadre.code.in_(codes))))
    if len(cadres) != len(codes):
        raise ComplaintRefused(
            "implicated_cadre_codes", "找不到所选的干部", "A chosen official was not found"
        )
    by_code = {cadre.code: cadre for cadre in cadres}
    return [by_code[code] for code in codes]


def check_units(session: Session, units: tuple[NamedUnit, ...]) -> None:
    """Refuse a named unit without a name, twice over, or in a region the store lacks."""
    if len(set(units)) != len(units):
        raise ComplaintRefused(
            "implicated_units", "同一单位选了两次", "The same unit was chosen twice"
        )
    for unit in units:
        name = unit.name.strip() if isinstance(unit.name, str) else ""
        if not name or len(name) > MAX_UNIT_NAME:
            raise ComplaintRefused(
                "implicated_units", "所选单位没有名称", "A chosen unit has no name"
            )
        if unit.region_code is not None and session.get(Region, unit.region_code) is None:
            raise ComplaintRefused(
                "implicated_units", "找不到所选单位所在的地方", "A chosen unit's place is unknown"
            )


def validate_draft(session: Session, draft: ComplaintDraft) -> None:
    """Raise :class:`ComplaintRefused` for the first thing the server would refuse."""
    try:
        ComplaintCategory(draft.category)
    except ValueError:
        raise ComplaintRefused(
            "category", "请选择反映的类别", "Choose what kind of problem"
        ) from None
    if draft.household_id is not None and session.get(Household, draft.household_id) is None:
        raise ComplaintRefused("household_id", "找不到这一户", "This household was not found")
    if not isinstance(draft.text, str):
        raise ComplaintRefused("text", "内容无法读取", "The text cannot be read")
    _check_text(draft.text)
    _check_disclosure(session, draft)
    _check_contact(draft)
    _check_aid_record(session, draft)
    check_cadres(session, draft.implicated_cadre_codes, draft.implicated_units)
    check_units(session, draft.implicated_units)
