"""Discipline offices and the complaints routed to them, with every event on the way."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from kiosk.domain.base import Base
from kiosk.domain.clock import utcnow
from kiosk.domain.models._types import enum_type
from kiosk.domain.models.aid import AidRecord
from kiosk.domain.models.cadres import Cadre
from kiosk.domain.models.households import Household, Member
from kiosk.domain.models.regions import Region, RegionLevel


class DisciplineOffice(Base):
    """An inspection office (纪检监察) and the region it covers, at township level or above."""

    __tablename__ = "discipline_offices"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(128))
    region_code: Mapped[str] = mapped_column(ForeignKey("regions.code"), index=True)
    level: Mapped[RegionLevel] = mapped_column(enum_type(RegionLevel))

    region: Mapped[Region] = relationship()


class ComplaintCategory(StrEnum):
    FUNDS_WITHHELD = "funds_withheld"  # 截留挪用扶贫资金
    FALSE_CLAIMS = "false_claims"  # 虚报冒领、重复领取
    FAVOURITISM = "favouritism"  # 优亲厚友
    WRONG_IDENTIFICATION = "wrong_identification"  # 识别不精准
    BRIBES = "bribes"  # 吃拿卡要
    CADRE_NOT_HELPING = "cadre_not_helping"  # 帮扶干部不作为
    OTHER = "other"


class Disclosure(StrEnum):
    """How much of who filed a complaint its inspectors are told (``kiosk.domain.disclosure``
    says exactly what each level shows)."""

    #: The complainant's name and the phone they leave, with their household's file.
    NAMED = "named"
    #: About the complainant's own household: its file, never who in it filed.
    ANONYMOUS = "anonymous"
    #: Something seen in the village: no household at all, placed by the terminal's region.
    VILLAGE_REPORT = "village_report"

    @classmethod
    def implied(cls, *, anonymous: bool, with_household: bool) -> Disclosure:
        """The level a complaint that says only ``anonymous`` has: what it meant before the
        levels existed (an anonymous complaint without a household is a village report)."""
        if not anonymous:
            return cls.NAMED
        return cls.ANONYMOUS if with_household else cls.VILLAGE_REPORT


class ComplaintStatus(StrEnum):
    RECEIVED = "received"
    ASSIGNED = "assigned"
    INVESTIGATING = "investigating"
    CONCLUDED = "concluded"
    CLOSED = "closed"


class Outcome(StrEnum):
    UPHELD = "upheld"
    PARTLY_UPHELD = "partly_upheld"
    NOT_UPHELD = "not_upheld"
    REFERRED = "referred"


class Complaint(Base):
    """A resident's complaint. ``tracking_number`` and the secret printed only on the receipt
    together let the holder check its status; only a hash of the secret is kept.

    The idempotency key is unique per kiosk, as the contract has it: each terminal draws its
    own keys, so two terminals may draw the same one, and the central server's table holds
    the complaints of every terminal."""

    __tablename__ = "complaints"
    __table_args__ = (
        CheckConstraint(
            "claimed_received_fen is null or claimed_received_fen >= 0", name="claimed_positive"
        ),
        UniqueConstraint("kiosk_code", "idempotency_key"),
        Index("ix_complaints_office_status", "office_id", "status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    tracking_number: Mapped[str] = mapped_column(String(32), unique=True)
    secret_hash: Mapped[str] = mapped_column(String(128))
    #: Idempotency key chosen by the kiosk when the complaint was committed locally.
    idempotency_key: Mapped[str] = mapped_column(String(64))
    kiosk_code: Mapped[str] = mapped_column(String(32))
    category: Mapped[ComplaintCategory] = mapped_column(enum_type(ComplaintCategory))
    household_id: Mapped[int | None] = mapped_column(
        ForeignKey("households.id", ondelete="SET NULL"), index=True, default=None
    )
    aid_record_id: Mapped[int | None] = mapped_column(
        ForeignKey("aid_records.id", ondelete="SET NULL"), default=None
    )
    #: What the resident says they actually received, for a disputed aid record.
    claimed_received_fen: Mapped[int | None] = mapped_column(default=None)
    text: Mapped[str] = mapped_column(Text, default="")
    #: Kept beside ``disclosure`` (true for every level but named) for older readers.
    anonymous: Mapped[bool] = mapped_column(default=False)
    #: Which level the complainant chose. The rules between the level and the other fields
    #: (only named carries a complainant or a phone; a village report no household) are
    #: checked by both ends before the one transaction that writes the row.
    disclosure: Mapped[Disclosure] = mapped_column(
        enum_type(Disclosure), default=Disclosure.NAMED, server_default=Disclosure.NAMED.value
    )
    #: Named only: the member who filed, and their name as the register had it then (kept
    #: should the member row go).
    complainant_member_id: Mapped[int | None] = mapped_column(
        ForeignKey("members.id", ondelete="SET NULL"), default=None
    )
    complainant_name: Mapped[str] = mapped_column(String(64), default="", server_default="")
    contact_phone: Mapped[str | None] = mapped_column(String(20), default=None)
    office_id: Mapped[int | None] = mapped_column(ForeignKey("discipline_offices.id"), default=None)
    status: Mapped[ComplaintStatus] = mapped_column(
        enum_type(ComplaintStatus), default=ComplaintStatus.RECEIVED
    )
    outcome: Mapped[Outcome | None] = mapped_column(enum_type(Outcome), default=None)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    due_at: Mapped[datetime | None] = mapped_column(default=None)

    household: Mapped[Household | None] = relationship()
    complainant: Mapped[Member | None] = relationship()
    aid_record: Mapped[AidRecord | None] = relationship()
    office: Mapped[DisciplineOffice | None] = relationship()
    implicated: Mapped[list[ImplicatedParty]] = relationship(
        back_populates="complaint", cascade="all, delete-orphan"
    )
    events: Mapped[list[ComplaintEvent]] = relationship(
        back_populates="complaint", cascade="all, delete-orphan", order_by="ComplaintEvent.at"
    )

    def __init__(self, **fields: Any) -> None:
        # A complaint made with only the older ``anonymous`` flag gets the level it implies,
        # and one made with only a level gets the flag, so the two never disagree.
        if "disclosure" not in fields:
            with_household = fields.get("household") is not None or (
                fields.get("household_id") is not None
            )
            fields["disclosure"] = Disclosure.implied(
                anonymous=bool(fields.get("anonymous", False)), with_household=with_household
            )
        elif "anonymous" not in fields:
            fields["anonymous"] = Disclosure(fields["disclosure"]) is not Disclosure.NAMED
        super().__init__(**fields)


class PartyKind(StrEnum):
    CADRE = "cadre"
    DEPARTMENT = "department"
    OFFICE = "office"
    PERSON = "person"


class ImplicatedParty(Base):
    """Someone a complaint names: a cadre, a paying department, an office or a person."""

    __tablename__ = "implicated_parties"

    id: Mapped[int] = mapped_column(primary_key=True)
    complaint_id: Mapped[int] = mapped_column(
        ForeignKey("complaints.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[PartyKind] = mapped_column(enum_type(PartyKind))
    cadre_id: Mapped[int | None] = mapped_column(ForeignKey("cadres.id"), default=None)
    office_id: Mapped[int | None] = mapped_column(ForeignKey("discipline_offices.id"), default=None)
    name: Mapped[str] = mapped_column(String(128), default="")
    #: Region and level of the party's unit, which decide how high the complaint must go.
    region_code: Mapped[str | None] = mapped_column(ForeignKey("regions.code"), default=None)
    level: Mapped[RegionLevel | None] = mapped_column(enum_type(RegionLevel), default=None)

    complaint: Mapped[Complaint] = relationship(back_populates="implicated")
    cadre: Mapped[Cadre | None] = relationship()


class ComplaintEvent(Base):
    """One change to a complaint: who, when, what, and a note that may be public."""

    __tablename__ = "complaint_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    complaint_id: Mapped[int] = mapped_column(
        ForeignKey("complaints.id", ondelete="CASCADE"), index=True
    )
    at: Mapped[datetime] = mapped_column(default=utcnow)
    status: Mapped[ComplaintStatus] = mapped_column(enum_type(ComplaintStatus))
    actor: Mapped[str] = mapped_column(String(64))
    note: Mapped[str] = mapped_column(Text, default="")
    #: Public notes are shown to the complainant; internal ones only to inspectors.
    public: Mapped[bool] = mapped_column(default=False)

    complaint: Mapped[Complaint] = relationship(back_populates="events")
