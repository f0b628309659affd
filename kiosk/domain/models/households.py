"""Registered households, their members, why they are poor and how they are helped."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from kiosk.domain.base import Base
from kiosk.domain.clock import utcnow
from kiosk.domain.models._types import enum_type
from kiosk.domain.models.regions import Region


class PovertyStatus(StrEnum):
    """Where the household stands in the register (not the same as the score's band)."""

    POOR = "poor"  # 未脱贫
    LIFTED = "lifted"  # 已脱贫
    MONITORED = "monitored"  # 脱贫监测户: lifted, watched for relapse


class PovertyCause(StrEnum):
    """The official causes of poverty (致贫原因)."""

    ILLNESS = "illness"  # 因病
    DISABILITY = "disability"  # 因残
    SCHOOLING = "schooling"  # 因学
    DISASTER = "disaster"  # 因灾
    LACK_OF_LAND = "lack_of_land"  # 缺土地
    LACK_OF_WATER = "lack_of_water"  # 缺水
    LACK_OF_SKILLS = "lack_of_skills"  # 缺技术
    LACK_OF_LABOUR = "lack_of_labour"  # 缺劳力
    LACK_OF_CAPITAL = "lack_of_capital"  # 缺资金
    POOR_TRANSPORT = "poor_transport"  # 交通条件落后
    LACK_OF_MOTIVATION = "lack_of_motivation"  # 自身发展动力不足


class MeasureKind(StrEnum):
    """Kinds of help measure (帮扶措施)."""

    INDUSTRY = "industry"  # 产业扶持
    EMPLOYMENT = "employment"  # 就业帮扶
    SKILLS_TRAINING = "skills_training"  # 技能培训
    RELOCATION = "relocation"  # 易地扶贫搬迁
    EDUCATION = "education"  # 教育资助
    HEALTH = "health"  # 健康扶贫
    HOUSING = "housing"  # 危房改造
    SOCIAL_SECURITY = "social_security"  # 兜底保障
    MICROCREDIT = "microcredit"  # 小额信贷
    ECOLOGICAL = "ecological"  # 生态补偿


class Relation(StrEnum):
    """Relation to the head of household (与户主关系)."""

    HEAD = "head"
    SPOUSE = "spouse"
    SON = "son"
    DAUGHTER = "daughter"
    DAUGHTER_IN_LAW = "daughter_in_law"
    SON_IN_LAW = "son_in_law"
    GRANDSON = "grandson"
    GRANDDAUGHTER = "granddaughter"
    FATHER = "father"
    MOTHER = "mother"
    SIBLING = "sibling"
    OTHER = "other"


class Sex(StrEnum):
    MALE = "male"
    FEMALE = "female"


class LabourCapacity(StrEnum):
    """Labour capacity as the register records it (劳动技能)."""

    SKILLED = "skilled"  # 技能劳动力
    ORDINARY = "ordinary"  # 普通劳动力
    WEAK = "weak"  # 弱劳动力或半劳动力
    NONE = "none"  # 无劳动力
    LOST = "lost"  # 丧失劳动力


class Health(StrEnum):
    HEALTHY = "healthy"  # 健康
    CHRONIC = "chronic"  # 长期慢性病
    SERIOUS = "serious"  # 患有大病
    DISABLED = "disabled"  # 残疾


class Household(Base):
    """A registered household (贫困户) with its poverty index and indicator breakdown.

    The score is the sum of the five indicators (see ``kiosk.domain.poverty``); the check
    constraint keeps the stored total honest.
    """

    __tablename__ = "households"
    __table_args__ = (
        CheckConstraint("poverty_score between 0 and 100", name="score_range"),
        CheckConstraint(
            "poverty_score = score_housing + score_food + score_labour"
            " + score_schooling + score_health",
            name="score_is_sum",
        ),
        CheckConstraint("score_housing between 0 and 25", name="housing_range"),
        CheckConstraint("score_food between 0 and 20", name="food_range"),
        CheckConstraint("score_labour between 0 and 25", name="labour_range"),
        CheckConstraint("score_schooling between 0 and 15", name="schooling_range"),
        CheckConstraint("score_health between 0 and 15", name="health_range"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    #: The register's file number (档案号): the natural key for import and sync.
    file_number: Mapped[str] = mapped_column(String(32), unique=True)
    village_code: Mapped[str] = mapped_column(ForeignKey("regions.code"), index=True)
    address: Mapped[str] = mapped_column(String(128))
    status: Mapped[PovertyStatus] = mapped_column(enum_type(PovertyStatus))
    registered_on: Mapped[date]
    lifted_on: Mapped[date | None] = mapped_column(default=None)
    poverty_score: Mapped[int]
    score_housing: Mapped[int]
    score_food: Mapped[int]
    score_labour: Mapped[int]
    score_schooling: Mapped[int]
    score_health: Mapped[int]
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    village: Mapped[Region] = relationship()
    members: Mapped[list[Member]] = relationship(
        back_populates="household", cascade="all, delete-orphan", order_by="Member.position"
    )
    causes: Mapped[list[HouseholdCause]] = relationship(
        back_populates="household", cascade="all, delete-orphan"
    )
    measures: Mapped[list[HelpMeasure]] = relationship(
        back_populates="household", cascade="all, delete-orphan"
    )

    def __repr__(self) -> str:
        return f"Household({self.file_number})"


class HouseholdCause(Base):
    """One cause of poverty of a household; one of them is the main cause."""

    __tablename__ = "household_causes"
    __table_args__ = (UniqueConstraint("household_id", "cause"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    household_id: Mapped[int] = mapped_column(ForeignKey("households.id", ondelete="CASCADE"))
    cause: Mapped[PovertyCause] = mapped_column(enum_type(PovertyCause))
    is_main: Mapped[bool] = mapped_column(default=False)

    household: Mapped[Household] = relationship(back_populates="causes")


class HelpMeasure(Base):
    """A help measure applied to a household (帮扶措施), in words a resident can read."""

    __tablename__ = "help_measures"

    id: Mapped[int] = mapped_column(primary_key=True)
    household_id: Mapped[int] = mapped_column(
        ForeignKey("households.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[MeasureKind] = mapped_column(enum_type(MeasureKind))
    year: Mapped[int]
    description: Mapped[str] = mapped_column(Text)

    household: Mapped[Household] = relationship(back_populates="measures")


class Member(Base):
    """A member of a household.

    The ID number is never stored in clear: ``id_hash`` is the keyed hash used for lookup
    (``kiosk.domain.idnumber.id_lookup_hash``) and ``id_masked`` is what a screen may show.
    """

    __tablename__ = "members"
    __table_args__ = (
        Index("ix_members_household_position", "household_id", "position"),
        Index("ix_members_initials", "name_initials"),
        # Identification by village and initials: a village's households, then each
        # household's members by initials (migration 0002).
        Index("ix_members_household_initials", "household_id", "name_initials"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    household_id: Mapped[int] = mapped_column(ForeignKey("households.id", ondelete="CASCADE"))
    #: Order within the household, the head first.
    position: Mapped[int] = mapped_column(default=0)
    name: Mapped[str] = mapped_column(String(64))
    #: Upper-case pinyin initials of the name, computed when the row is written.
    name_initials: Mapped[str] = mapped_column(String(16))
    relation: Mapped[Relation] = mapped_column(enum_type(Relation))
    sex: Mapped[Sex] = mapped_column(enum_type(Sex))
    birth_date: Mapped[date]
    id_hash: Mapped[str] = mapped_column(String(64), unique=True)
    id_masked: Mapped[str] = mapped_column(String(18))
    labour_capacity: Mapped[LabourCapacity] = mapped_column(enum_type(LabourCapacity))
    health: Mapped[Health] = mapped_column(enum_type(Health))

    household: Mapped[Household] = relationship(back_populates="members")

    def __repr__(self) -> str:
        return f"Member(id={self.id}, {self.id_masked})"
