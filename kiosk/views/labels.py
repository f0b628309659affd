"""Words for the register's codes (programme, relation, cause of poverty...) in the UI language.

Each ``*_labels()`` function builds its dict when called, so every text is looked up in the
translator installed at that moment: a screen calls them again in ``retranslate``. The texts
are marked with ``QCoreApplication.translate("Labels", ...)`` so lupdate finds them; where
one English word means two things, the third argument tells the translator which.

Screens of other engineers may add their own enums at the end, each in a section headed
with the screen's name.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, QLocale

from kiosk.domain.models import (
    Channel,
    Health,
    LabourCapacity,
    LoanStatus,
    MeasureKind,
    PovertyCause,
    PovertyStatus,
    Programme,
    ProjectStage,
    Relation,
    Sex,
    VerificationKind,
)
from kiosk.domain.money import format_fen
from kiosk.domain.poverty import Band, Indicator

# ---- household file and ledger (HouseholdScreen, LedgerScreen, DisputeScreen) -----------


def long_date(day: date) -> str:
    """A day as residents write it: 2014年8月26日, or 26 August 2014 in English."""
    # The pattern is translated because Chinese writes the year first; Qt names the month.
    pattern = QCoreApplication.translate("Labels", "d MMMM yyyy", "date pattern of Qt")
    return QLocale().toString(QDate(day.year, day.month, day.day), pattern)


def programme_labels() -> dict[Programme, str]:
    return {
        Programme.DISASTER_RELIEF: QCoreApplication.translate("Labels", "Disaster relief"),
        Programme.SUBSISTENCE_ALLOWANCE: QCoreApplication.translate(
            "Labels", "Subsistence allowance"
        ),
        Programme.INDUSTRY_SUPPORT: QCoreApplication.translate("Labels", "Industry support fund"),
        Programme.EDUCATION_GRANT: QCoreApplication.translate("Labels", "Education grant"),
        Programme.MEDICAL_AID: QCoreApplication.translate("Labels", "Medical aid"),
        Programme.HOUSING_RENOVATION: QCoreApplication.translate(
            "Labels", "Housing renovation grant"
        ),
        Programme.ELDERLY_ALLOWANCE: QCoreApplication.translate("Labels", "Old-age allowance"),
        Programme.DISABILITY_ALLOWANCE: QCoreApplication.translate(
            "Labels", "Disability allowances"
        ),
        Programme.ECOLOGICAL_COMPENSATION: QCoreApplication.translate(
            "Labels", "Forest protection compensation"
        ),
        Programme.SKILLS_TRAINING: QCoreApplication.translate("Labels", "Skills training subsidy"),
        Programme.RELOCATION: QCoreApplication.translate("Labels", "Relocation grant"),
        Programme.LOAN_INTEREST_SUBSIDY: QCoreApplication.translate(
            "Labels", "Micro-loan interest subsidy"
        ),
    }


def channel_labels() -> dict[Channel, str]:
    return {
        Channel.ONE_CARD: QCoreApplication.translate("Labels", "One-card bank account"),
        Channel.BANK_TRANSFER: QCoreApplication.translate("Labels", "Bank transfer"),
        Channel.CASH: QCoreApplication.translate("Labels", "Cash"),
        Channel.IN_KIND: QCoreApplication.translate("Labels", "In kind (goods)"),
    }


def relation_labels() -> dict[Relation, str]:
    return {
        Relation.HEAD: QCoreApplication.translate("Labels", "Head of household"),
        Relation.SPOUSE: QCoreApplication.translate("Labels", "Spouse"),
        Relation.SON: QCoreApplication.translate("Labels", "Son"),
        Relation.DAUGHTER: QCoreApplication.translate("Labels", "Daughter"),
        Relation.DAUGHTER_IN_LAW: QCoreApplication.translate("Labels", "Daughter-in-law"),
        Relation.SON_IN_LAW: QCoreApplication.translate("Labels", "Son-in-law"),
        Relation.GRANDSON: QCoreApplication.translate("Labels", "Grandson"),
        Relation.GRANDDAUGHTER: QCoreApplication.translate("Labels", "Granddaughter"),
        Relation.FATHER: QCoreApplication.translate("Labels", "Father"),
        Relation.MOTHER: QCoreApplication.translate("Labels", "Mother"),
        Relation.SIBLING: QCoreApplication.translate("Labels", "Brother or sister"),
        Relation.OTHER: QCoreApplication.translate("Labels", "Other relative"),
    }


def sex_labels() -> dict[Sex, str]:
    return {
        Sex.MALE: QCoreApplication.translate("Labels", "Male"),
        Sex.FEMALE: QCoreApplication.translate("Labels", "Female"),
    }


def labour_capacity_labels() -> dict[LabourCapacity, str]:
    return {
        LabourCapacity.SKILLED: QCoreApplication.translate("Labels", "Skilled worker"),
        LabourCapacity.ORDINARY: QCoreApplication.translate("Labels", "Ordinary worker"),
        LabourCapacity.WEAK: QCoreApplication.translate("Labels", "Weak or part-time worker"),
        LabourCapacity.NONE: QCoreApplication.translate("Labels", "Not a worker"),
        LabourCapacity.LOST: QCoreApplication.translate("Labels", "Can no longer work"),
    }


def health_labels() -> dict[Health, str]:
    return {
        Health.HEALTHY: QCoreApplication.translate("Labels", "Healthy"),
        Health.CHRONIC: QCoreApplication.translate("Labels", "Long-term illness"),
        Health.SERIOUS: QCoreApplication.translate("Labels", "Serious illness"),
        Health.DISABLED: QCoreApplication.translate("Labels", "Disability", "state of health"),
    }


def poverty_status_labels() -> dict[PovertyStatus, str]:
    return {
        PovertyStatus.POOR: QCoreApplication.translate("Labels", "Registered as poor"),
        PovertyStatus.LIFTED: QCoreApplication.translate("Labels", "Out of poverty"),
        PovertyStatus.MONITORED: QCoreApplication.translate(
            "Labels", "Out of poverty, watched for relapse"
        ),
    }


def poverty_cause_labels() -> dict[PovertyCause, str]:
    return {
        PovertyCause.ILLNESS: QCoreApplication.translate("Labels", "Illness"),
        PovertyCause.DISABILITY: QCoreApplication.translate(
            "Labels", "Disability", "cause of poverty"
        ),
        PovertyCause.SCHOOLING: QCoreApplication.translate("Labels", "Cost of schooling"),
        PovertyCause.DISASTER: QCoreApplication.translate("Labels", "Natural disaster"),
        PovertyCause.LACK_OF_LAND: QCoreApplication.translate("Labels", "Not enough land"),
        PovertyCause.LACK_OF_WATER: QCoreApplication.translate("Labels", "Not enough water"),
        PovertyCause.LACK_OF_SKILLS: QCoreApplication.translate("Labels", "Lack of skills"),
        PovertyCause.LACK_OF_LABOUR: QCoreApplication.translate(
            "Labels", "Not enough people able to work"
        ),
        PovertyCause.LACK_OF_CAPITAL: QCoreApplication.translate(
            "Labels", "Lack of money to start"
        ),
        PovertyCause.POOR_TRANSPORT: QCoreApplication.translate(
            "Labels", "Poor roads and transport"
        ),
        PovertyCause.LACK_OF_MOTIVATION: QCoreApplication.translate(
            "Labels", "Lack of drive to develop"
        ),
    }


def measure_kind_labels() -> dict[MeasureKind, str]:
    return {
        MeasureKind.INDUSTRY: QCoreApplication.translate("Labels", "Industry support"),
        MeasureKind.EMPLOYMENT: QCoreApplication.translate("Labels", "Help to find work"),
        MeasureKind.SKILLS_TRAINING: QCoreApplication.translate("Labels", "Skills training"),
        MeasureKind.RELOCATION: QCoreApplication.translate("Labels", "Relocation"),
        MeasureKind.EDUCATION: QCoreApplication.translate("Labels", "Help with schooling"),
        MeasureKind.HEALTH: QCoreApplication.translate("Labels", "Help with health care"),
        MeasureKind.HOUSING: QCoreApplication.translate("Labels", "Repair of an unsafe house"),
        MeasureKind.SOCIAL_SECURITY: QCoreApplication.translate("Labels", "Basic social security"),
        MeasureKind.MICROCREDIT: QCoreApplication.translate("Labels", "Micro-loan"),
        MeasureKind.ECOLOGICAL: QCoreApplication.translate("Labels", "Ecological compensation"),
    }


def indicator_labels() -> dict[Indicator, str]:
    return {
        Indicator.HOUSING: QCoreApplication.translate("Labels", "Housing"),
        Indicator.FOOD: QCoreApplication.translate("Labels", "Food and clothing"),
        Indicator.LABOUR: QCoreApplication.translate("Labels", "Work and income"),
        Indicator.SCHOOLING: QCoreApplication.translate("Labels", "Schooling"),
        Indicator.HEALTH: QCoreApplication.translate("Labels", "Health care"),
    }


def band_labels() -> dict[Band, str]:
    return {
        Band.POOR: QCoreApplication.translate("Labels", "Poor"),
        Band.AT_RISK: QCoreApplication.translate(
            "Labels", "Out of poverty, at risk of falling back"
        ),
        Band.STABLE: QCoreApplication.translate("Labels", "Out of poverty, stable"),
    }


#: One, two or three filled dots: the band can be told without colour or reading.
BAND_SYMBOLS: dict[Band, str] = {
    Band.POOR: "●○○",
    Band.AT_RISK: "●●○",
    Band.STABLE: "●●●",
}


def verification_symbol(kind: VerificationKind | None) -> str:
    """A mark for the resident's word on a payment: ? not checked, ✓ confirmed, ! disputed."""
    if kind is None:
        return "?"
    return "✓" if kind is VerificationKind.RECEIVED_IN_FULL else "!"


def verification_text(kind: VerificationKind | None, received_fen: int | None) -> str:
    """The resident's word on a payment in plain words, with the amount they say they got."""
    if kind is None:
        return QCoreApplication.translate("Labels", "Not yet checked by you")
    if kind is VerificationKind.RECEIVED_IN_FULL:
        return QCoreApplication.translate("Labels", "You confirmed: received in full")
    if kind is VerificationKind.RECEIVED_NOTHING:
        return QCoreApplication.translate("Labels", "You said: received nothing")
    return QCoreApplication.translate("Labels", "You said: received only %1").replace(
        "%1", format_fen(received_fen or 0)
    )


# ---- cadre, loans, projects and bulletins (CadreScreen, LoansScreen, ProjectsScreen,
#      BulletinsScreen) --------------------------------------------------------------------


def loan_status_labels() -> dict[LoanStatus, str]:
    return {
        LoanStatus.APPROVED: QCoreApplication.translate("Labels", "Approved, not yet repaying"),
        LoanStatus.REPAYING: QCoreApplication.translate("Labels", "Being repaid"),
        LoanStatus.REPAID: QCoreApplication.translate("Labels", "Repaid in full"),
        LoanStatus.OVERDUE: QCoreApplication.translate("Labels", "Overdue: a repayment is late"),
        LoanStatus.EXTENDED: QCoreApplication.translate("Labels", "Extended: more time to repay"),
    }


#: A mark beside a loan's status, so it is told by a symbol and words, never by colour.
LOAN_STATUS_SYMBOLS: dict[LoanStatus, str] = {
    LoanStatus.APPROVED: "○",
    LoanStatus.REPAYING: "◐",
    LoanStatus.REPAID: "✓",
    LoanStatus.OVERDUE: "!",
    LoanStatus.EXTENDED: "◐",
}


def project_stage_labels() -> dict[ProjectStage, str]:
    return {
        ProjectStage.PROPOSED: QCoreApplication.translate("Labels", "Proposed"),
        ProjectStage.ASSESSED: QCoreApplication.translate("Labels", "Assessed"),
        ProjectStage.APPROVED: QCoreApplication.translate("Labels", "Approved", "project stage"),
        ProjectStage.FUNDED: QCoreApplication.translate("Labels", "Funds allocated"),
        ProjectStage.ACCOUNTED: QCoreApplication.translate("Labels", "Funds accounted for"),
        ProjectStage.IN_PROGRESS: QCoreApplication.translate("Labels", "Work in progress"),
        ProjectStage.ACCEPTED: QCoreApplication.translate("Labels", "Finished and accepted"),
    }


def yearly_rate(rate_bp: int) -> str:
    """A yearly rate in basis points as people write it: 435 gives "4.35%". No float near
    it: the digits come from integer division."""
    whole, hundredths = divmod(rate_bp, 100)
    return f"{whole}.{hundredths:02d}%"


def loan_term(months: int) -> str:
    """A loan's term in words: whole years as years ("3 years"), anything else in months."""
    years, rest = divmod(months, 12)
    if rest == 0 and years == 1:
        return QCoreApplication.translate("Labels", "1 year")
    if rest == 0:
        return QCoreApplication.translate("Labels", "%1 years").replace("%1", str(years))
    if months == 1:
        return QCoreApplication.translate("Labels", "1 month")
    return QCoreApplication.translate("Labels", "%1 months").replace("%1", str(months))


def phone_number(phone: str) -> str:
    """A phone number grouped for reading aloud and dialling: mobiles as 138 0000 0002,
    anything else as it is."""
    digits = phone.strip()
    if len(digits) == 11 and digits.isdigit() and digits.startswith("1"):
        return f"{digits[:3]} {digits[3:7]} {digits[7:]}"
    return digits
