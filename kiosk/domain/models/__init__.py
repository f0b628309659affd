"""Every table of the kiosk's store. Import models from here."""

from kiosk.domain.models.aid import (
    AidRecord,
    AidVerification,
    Channel,
    Programme,
    VerificationKind,
)
from kiosk.domain.models.bulletins import Bulletin
from kiosk.domain.models.cadres import Assignment, Cadre, CadrePost
from kiosk.domain.models.complaints import (
    Complaint,
    ComplaintCategory,
    ComplaintEvent,
    ComplaintStatus,
    DisciplineOffice,
    Disclosure,
    ImplicatedParty,
    Outcome,
    PartyKind,
)
from kiosk.domain.models.households import (
    Health,
    HelpMeasure,
    Household,
    HouseholdCause,
    LabourCapacity,
    MeasureKind,
    Member,
    PovertyCause,
    PovertyStatus,
    Relation,
    Sex,
)
from kiosk.domain.models.kiosks import Kiosk, Receipt, ReceiptKind
from kiosk.domain.models.loans import Loan, LoanRepayment, LoanStatus
from kiosk.domain.models.outbox import OutboxMessage, OutboxState
from kiosk.domain.models.projects import Project, ProjectStage, ProjectStageEvent
from kiosk.domain.models.regions import CODE_LENGTH, Region, RegionLevel, code_problem
from kiosk.domain.models.status_attempts import LocalStatusAttempt

__all__ = [
    "CODE_LENGTH",
    "AidRecord",
    "AidVerification",
    "Assignment",
    "Bulletin",
    "Cadre",
    "CadrePost",
    "Channel",
    "Complaint",
    "ComplaintCategory",
    "ComplaintEvent",
    "ComplaintStatus",
    "DisciplineOffice",
    "Disclosure",
    "Health",
    "HelpMeasure",
    "Household",
    "HouseholdCause",
    "ImplicatedParty",
    "Kiosk",
    "LabourCapacity",
    "Loan",
    "LoanRepayment",
    "LoanStatus",
    "LocalStatusAttempt",
    "MeasureKind",
    "Member",
    "OutboxMessage",
    "OutboxState",
    "Outcome",
    "PartyKind",
    "PovertyCause",
    "PovertyStatus",
    "Programme",
    "Project",
    "ProjectStage",
    "ProjectStageEvent",
    "Receipt",
    "ReceiptKind",
    "Region",
    "RegionLevel",
    "Relation",
    "Sex",
    "VerificationKind",
    "code_problem",
]
