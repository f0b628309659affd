"""What an identified resident may see, as plain read-only values for the screens.

Each function takes a short session and returns frozen dataclasses, so a screen never holds
a live ORM object and ending a session can drop every value it showed.
"""

from kiosk.services.resident.bulletins import BulletinView, bulletins
from kiosk.services.resident.cadre import CadreView, Responsible, responsible
from kiosk.services.resident.household import (
    Greeting,
    HouseholdFile,
    IndicatorScore,
    MeasureView,
    MemberView,
    greeting,
    household_file,
)
from kiosk.services.resident.ledger import (
    ComplaintMark,
    Ledger,
    LedgerYear,
    PaymentLine,
    VerificationRefused,
    ledger,
    record_verification,
)
from kiosk.services.resident.loans import LoanView, RepaymentView, loans
from kiosk.services.resident.projects import ProjectView, StageMark, village_projects

__all__ = [
    "BulletinView",
    "CadreView",
    "ComplaintMark",
    "Greeting",
    "HouseholdFile",
    "IndicatorScore",
    "Ledger",
    "LedgerYear",
    "LoanView",
    "MeasureView",
    "MemberView",
    "PaymentLine",
    "ProjectView",
    "RepaymentView",
    "Responsible",
    "StageMark",
    "VerificationRefused",
    "bulletins",
    "greeting",
    "household_file",
    "ledger",
    "loans",
    "record_verification",
    "responsible",
    "village_projects",
]
