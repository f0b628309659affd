"""The words a resident reads for each refusal the domain and the services raise.

They hand up :class:`~kiosk.domain.problems.Reason` codes with values; this module words
every one of them, marked with ``translate("Problems", ...)`` (Qt's
``QCoreApplication.translate``) so that lupdate puts them in the .ts and the
untranslated-text test covers them. The texts are
looked up when a reason is shown, so a switch of language rewords what is on screen.
``{name}`` in a text is one of the reason's values; translations keep it.

``tests/views/test_problem_words.py`` checks that every code of every enum in
:data:`CODES` has words here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from enum import StrEnum

from PySide6.QtCore import QCoreApplication, QLocale

from kiosk.domain.idnumber import IdWhy
from kiosk.domain.models import RegionLevel
from kiosk.domain.money import MoneyProblem
from kiosk.domain.problems import Reason
from kiosk.domain.routing import RoutingWhy
from kiosk.services.complaints.draft import ComplaintWhy
from kiosk.services.complaints.status import StatusWhy
from kiosk.services.printing.printers.base import PrinterState, PrintProblem
from kiosk.services.printing.problems import IssueProblem
from kiosk.services.resident.ledger import VerificationWhy

#: Every enum whose codes reach a screen.
CODES: tuple[type[StrEnum], ...] = (
    MoneyProblem,
    IdWhy,
    RoutingWhy,
    ComplaintWhy,
    StatusWhy,
    VerificationWhy,
    PrinterState,
    PrintProblem,
    IssueProblem,
)


translate = QCoreApplication.translate


def level_words() -> dict[RegionLevel, str]:
    """A region level as it qualifies an office: "county" (县级)."""
    return {
        RegionLevel.PROVINCE: translate("Problems", "province", "level"),
        RegionLevel.PREFECTURE: translate("Problems", "prefecture", "level"),
        RegionLevel.COUNTY: translate("Problems", "county", "level"),
        RegionLevel.TOWNSHIP: translate("Problems", "township", "level"),
        RegionLevel.VILLAGE: translate("Problems", "village", "level"),
    }


def _money() -> dict[StrEnum, str]:
    return {
        MoneyProblem.EMPTY: translate("Problems", "Please enter an amount"),
        MoneyProblem.CHARACTERS: translate(
            "Problems", "An amount may contain only digits, a decimal point and thousands commas"
        ),
        MoneyProblem.FORMAT: translate(
            "Problems", "This is not an amount; write it like 8000 or 8000.50"
        ),
        MoneyProblem.DECIMALS: translate(
            "Problems", "An amount has at most two digits after the decimal point (fen)"
        ),
        MoneyProblem.COMMAS: translate("Problems", "The thousands commas are in the wrong place"),
        MoneyProblem.NEGATIVE: translate("Problems", "An amount cannot be negative"),
        MoneyProblem.TOO_LARGE: translate(
            "Problems", "The amount is above the limit of {limit_yuan} yuan"
        ),
    }


def _id_number() -> dict[StrEnum, str]:
    return {
        IdWhy.EMPTY: translate("Problems", "Please enter your ID number"),
        IdWhy.LENGTH: translate("Problems", "An ID number has 18 characters; you entered {count}"),
        IdWhy.NOT_A_DIGIT: translate("Problems", "Character {position} should be a digit"),
        IdWhy.MISPLACED_X: translate("Problems", "X can only be the last character"),
        IdWhy.BAD_LAST_CHARACTER: translate(
            "Problems", "The last character should be a digit or X"
        ),
        IdWhy.PROVINCE: translate(
            "Problems", "The first two digits are not a province code; please check the number"
        ),
        # Worded to fit as soon as the digits typed cannot begin any code, before all six.
        IdWhy.AREA: translate(
            "Problems",
            "The first six digits are the area code; no area code starts like this, "
            "please check the number",
        ),
        IdWhy.BIRTH_DATE: translate(
            "Problems",
            "Characters 7 to 14 are the birth date; this is not a possible date, "
            "please check the number",
        ),
        IdWhy.CHECK_DIGIT: translate(
            "Problems",
            "The last character (the check digit) does not match; please check the number",
        ),
    }


def _routing() -> dict[StrEnum, str]:
    return {
        RoutingWhy.NO_PARTY: translate(
            "Problems", "No party is named, so the complaint goes to the {required} office."
        ),
        RoutingWhy.DEPARTMENT: translate(
            "Problems",
            "A {highest} department is named, so the complaint goes to the {required} "
            "office that oversees that government's departments.",
        ),
        RoutingWhy.ONE_LEVEL_UP: translate(
            "Problems",
            "The highest post of those named is at {highest} level, so the complaint goes "
            "one level up, to the {required} office.",
        ),
        RoutingWhy.FURTHER_UP: translate(
            "Problems",
            "No {required} office could take it (missing, outside its area, implicated or "
            "linked to a cadre involved), so it goes further up.",
        ),
        RoutingWhy.OFFICE: translate("Problems", "Receiving office: {office}."),
        RoutingWhy.HIDDEN_FROM_RESPONSIBLE: translate(
            "Problems", "The household's responsible cadre cannot see it."
        ),
        RoutingWhy.HIDDEN_FROM_NAMED: translate("Problems", "No cadre it names can see it."),
        RoutingWhy.ABOVE_PROVINCE: translate(
            "Problems",
            "A party holds a province-level post and no office above the province is known "
            "here; the complaint must go to a higher authority directly.",
        ),
        RoutingWhy.NO_OFFICE: translate(
            "Problems",
            "No discipline office at {required} level or above may receive this complaint; "
            "please take it to a higher authority in person.",
        ),
        RoutingWhy.NO_PLACE: translate(
            "Problems",
            "It is not known where the complaint belongs: look up the household first, or "
            "say which unit the party works in.",
        ),
    }


def _complaint() -> dict[StrEnum, str]:
    return {
        ComplaintWhy.CHOOSE_CATEGORY: translate("Problems", "Choose what kind of problem"),
        ComplaintWhy.HOUSEHOLD_NOT_FOUND: translate("Problems", "This household was not found"),
        ComplaintWhy.TEXT_UNREADABLE: translate("Problems", "The text cannot be read"),
        ComplaintWhy.TEXT_TOO_LONG: translate(
            "Problems", "The text is too long: at most {limit} characters"
        ),
        ComplaintWhy.TEXT_UNSHOWABLE: translate(
            "Problems", "The text holds characters that cannot be shown"
        ),
        ComplaintWhy.CHOOSE_DISCLOSURE: translate("Problems", "Choose whether to give your name"),
        ComplaintWhy.VILLAGE_REPORT_WITH_HOUSEHOLD: translate(
            "Problems", "A report about the village carries no household file"
        ),
        ComplaintWhy.LOOK_UP_HOUSEHOLD: translate("Problems", "Look up your household file first"),
        ComplaintWhy.ANONYMOUS_WITH_NAME: translate(
            "Problems", "An anonymous complaint carries no name"
        ),
        ComplaintWhy.NAME_NOT_FOUND: translate(
            "Problems", "Your name was not found: look up your household file first"
        ),
        ComplaintWhy.ANONYMOUS_WITH_PHONE: translate(
            "Problems", "An anonymous complaint leaves no phone number"
        ),
        ComplaintWhy.PHONE_FORMAT: translate(
            "Problems", "Enter an {digits}-digit mobile number starting with 1"
        ),
        ComplaintWhy.CHOOSE_PAYMENT_FIRST: translate(
            "Problems", "Choose which payment this is about first"
        ),
        ComplaintWhy.PAYMENT_NOT_FOUND: translate("Problems", "This payment was not found"),
        ComplaintWhy.ENTER_RECEIVED: translate("Problems", "Enter the amount you received"),
        ComplaintWhy.NOT_LESS: translate("Problems", "That is not less than the recorded amount"),
        ComplaintWhy.TOO_MANY_NAMED: translate("Problems", "At most {limit} people can be named"),
        ComplaintWhy.SAME_PERSON_TWICE: translate("Problems", "The same person was chosen twice"),
        ComplaintWhy.OFFICIAL_NOT_FOUND: translate("Problems", "A chosen official was not found"),
        ComplaintWhy.SAME_UNIT_TWICE: translate("Problems", "The same unit was chosen twice"),
        ComplaintWhy.UNIT_WITHOUT_NAME: translate("Problems", "A chosen unit has no name"),
        ComplaintWhy.UNIT_PLACE_UNKNOWN: translate("Problems", "A chosen unit's place is unknown"),
    }


def _status() -> dict[StrEnum, str]:
    return {
        StatusWhy.NOT_FOUND: translate(
            "Problems", "No complaint matches: check the tracking number and the secret code"
        ),
        StatusWhy.UNAVAILABLE: translate(
            "Problems", "The central system cannot be reached now; please try again later"
        ),
        StatusWhy.TOO_MANY_ATTEMPTS: translate(
            "Problems", "Too many wrong codes; please try again in {minutes} minutes"
        ),
    }


def _verification() -> dict[StrEnum, str]:
    return {
        VerificationWhy.NOT_FOUND: translate("Problems", "This payment was not found"),
        VerificationWhy.ENTER_RECEIVED: translate("Problems", "Enter the amount you received"),
        VerificationWhy.RECEIVED_ZERO: translate(
            "Problems", 'That is nothing: choose "received nothing"'
        ),
        VerificationWhy.NOT_LESS: translate(
            "Problems", 'That is not less than recorded: choose "received in full"'
        ),
    }


def _printing() -> dict[StrEnum, str]:
    # Said after "It could not be printed:"; the screen adds what to do instead.
    return {
        PrinterState.READY: translate("Problems", "The printer is ready."),
        PrinterState.PRINTING: translate("Problems", "The printer is busy with another job."),
        PrinterState.PAPER_LOW: translate("Problems", "The printer is nearly out of paper."),
        PrinterState.STOPPED: translate("Problems", "The printer is stopped."),
        PrinterState.OUT_OF_PAPER: translate("Problems", "The printer is out of paper."),
        PrinterState.UNREACHABLE: translate(
            "Problems", "The printer cannot be reached (it may be off or unplugged)."
        ),
        PrintProblem.ALREADY_PRINTING: translate("Problems", "It is being printed already."),
        PrintProblem.SUBMIT_FAILED: translate("Problems", "The printer did not take the job."),
        PrintProblem.RENDER_FAILED: translate("Problems", "The page could not be prepared."),
        PrintProblem.CANCELED: translate("Problems", "The print was cancelled."),
        PrintProblem.LOST: translate("Problems", "The printer lost the job."),
        PrintProblem.TIMED_OUT: translate("Problems", "The printer took too long."),
        PrintProblem.QUEUE_CLOSED: translate("Problems", "Printing has stopped on this terminal."),
        IssueProblem.NO_DOCUMENT_KEY: translate(
            "Problems", "This terminal is not set up to sign printed records."
        ),
        IssueProblem.BAD_FACTS: translate("Problems", "The record could not be made."),
    }


_SECTIONS: tuple[Callable[[], dict[StrEnum, str]], ...] = (
    _money,
    _id_number,
    _routing,
    _complaint,
    _status,
    _verification,
    _printing,
)


def words() -> dict[StrEnum, str]:
    """Every code's words in the language installed now (before values are filled in)."""
    found: dict[StrEnum, str] = {}
    for section in _SECTIONS:
        found.update(section())
    return found


def reason_text(reason: Reason) -> str:
    """``reason`` in the UI language, its values filled in (levels worded too)."""
    values = reason.as_dict()
    levels = {level.value: text for level, text in level_words().items()}
    for name in ("required", "highest"):
        if name in values:
            values[name] = levels.get(values[name], values[name])
    text = words()[reason.code]
    return text.format(**values)


def reasons_text(reasons: Iterable[Reason]) -> str:
    """Several reasons as one paragraph: Chinese runs sentences together, English spaces."""
    joiner = "" if QLocale().language() == QLocale.Language.Chinese else " "
    return joiner.join(reason_text(reason) for reason in reasons)


def worded(reason: Reason) -> Callable[[], str]:
    """``reason``'s words, looked up each time they are shown (so they follow the language)."""
    return lambda: reason_text(reason)
