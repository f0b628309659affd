"""Words for complaints in the UI language: categories in plain speech with the official
term beside them, the disclosure levels and what each shows the inspectors, statuses and
outcomes, and how a phone number is shown masked.

The words of the levels and of what they show are the very words the inspectors' inbox
uses (``central.inbox.i18n``): the review screen's promise and the inbox's page read the
same. tests/views/test_disclosure_words.py holds the two catalogues equal.

Like :mod:`kiosk.views.labels`, each function builds its dict when called, so the texts are
looked up in the translator installed at that moment.
"""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtCore import QCoreApplication

from kiosk.domain.disclosure import Shown
from kiosk.domain.models.complaints import ComplaintCategory, ComplaintStatus, Disclosure, Outcome


class CategoryWords(NamedTuple):
    """How a category is said to a resident, and the official term inspectors use."""

    plain: str
    official: str


def category_words() -> dict[ComplaintCategory, CategoryWords]:
    """Every category, in the order the category step shows them (the most common first)."""
    return {
        ComplaintCategory.FUNDS_WITHHELD: CategoryWords(
            QCoreApplication.translate(
                "ComplaintWords", "Money for me was held back or used for something else"
            ),
            QCoreApplication.translate(
                "ComplaintWords", "Withholding or misusing poverty-alleviation funds"
            ),
        ),
        ComplaintCategory.FALSE_CLAIMS: CategoryWords(
            QCoreApplication.translate(
                "ComplaintWords", "Someone took money in another's name, or twice"
            ),
            QCoreApplication.translate("ComplaintWords", "False or duplicate claims"),
        ),
        ComplaintCategory.FAVOURITISM: CategoryWords(
            QCoreApplication.translate(
                "ComplaintWords", "An official favours relatives and friends"
            ),
            QCoreApplication.translate(
                "ComplaintWords", "Favouritism toward relatives and friends"
            ),
        ),
        ComplaintCategory.WRONG_IDENTIFICATION: CategoryWords(
            QCoreApplication.translate(
                "ComplaintWords", "The wrong families are on the poverty list"
            ),
            QCoreApplication.translate(
                "ComplaintWords", "Inaccurate identification of poor households"
            ),
        ),
        ComplaintCategory.BRIBES: CategoryWords(
            QCoreApplication.translate(
                "ComplaintWords", "Someone asked for gifts or money to get things done"
            ),
            QCoreApplication.translate("ComplaintWords", "Taking, demanding or obstructing"),
        ),
        ComplaintCategory.CADRE_NOT_HELPING: CategoryWords(
            QCoreApplication.translate(
                "ComplaintWords", "The official who should help my family does not"
            ),
            QCoreApplication.translate("ComplaintWords", "Responsible cadre not doing their duty"),
        ),
        ComplaintCategory.OTHER: CategoryWords(
            QCoreApplication.translate("ComplaintWords", "Something else"),
            QCoreApplication.translate("ComplaintWords", "Other problems"),
        ),
    }


def disclosure_words() -> dict[Disclosure, str]:
    """The name of each level, as the identity step offers it and the inbox heads it."""
    return {
        Disclosure.NAMED: QCoreApplication.translate("DisclosureWords", "With my name"),
        Disclosure.ANONYMOUS: QCoreApplication.translate(
            "DisclosureWords", "Anonymous, about my own household"
        ),
        Disclosure.VILLAGE_REPORT: QCoreApplication.translate(
            "DisclosureWords", "Anonymous, about something in the village"
        ),
    }


def shown_words() -> dict[Shown, str]:
    """Each part of a complaint the inspectors may see, in the resident's terms."""
    return {
        Shown.COMPLAINT: QCoreApplication.translate(
            "DisclosureWords", "What it is about, your words and whom you name"
        ),
        Shown.TERMINAL: QCoreApplication.translate(
            "DisclosureWords", "Which service hall you filed it at"
        ),
        Shown.NAME: QCoreApplication.translate("DisclosureWords", "Your name"),
        Shown.PHONE: QCoreApplication.translate("DisclosureWords", "The phone number you leave"),
        Shown.HOUSEHOLD_FILE: QCoreApplication.translate(
            "DisclosureWords", "Your household's file number and village"
        ),
        Shown.MEMBERS: QCoreApplication.translate(
            "DisclosureWords", "The names of your household's members"
        ),
        Shown.PAYMENTS: QCoreApplication.translate(
            "DisclosureWords", "Your household's payment records"
        ),
    }


def status_words() -> dict[ComplaintStatus, str]:
    return {
        ComplaintStatus.RECEIVED: QCoreApplication.translate(
            "ComplaintWords", "Received by the inspectors"
        ),
        ComplaintStatus.ASSIGNED: QCoreApplication.translate(
            "ComplaintWords", "Given to an inspector"
        ),
        ComplaintStatus.INVESTIGATING: QCoreApplication.translate(
            "ComplaintWords", "Being looked into"
        ),
        ComplaintStatus.CONCLUDED: QCoreApplication.translate(
            "ComplaintWords", "Looked into: there is an outcome"
        ),
        ComplaintStatus.CLOSED: QCoreApplication.translate("ComplaintWords", "Closed"),
    }


def outcome_words() -> dict[Outcome, str]:
    return {
        Outcome.UPHELD: QCoreApplication.translate(
            "ComplaintWords", "Your complaint was found to be right"
        ),
        Outcome.PARTLY_UPHELD: QCoreApplication.translate(
            "ComplaintWords", "Your complaint was found to be partly right"
        ),
        Outcome.NOT_UPHELD: QCoreApplication.translate(
            "ComplaintWords", "Your complaint was not found to be right"
        ),
        Outcome.REFERRED: QCoreApplication.translate(
            "ComplaintWords", "Your complaint was passed to another office"
        ),
    }


def masked_phone(phone: str) -> str:
    """138****0000: enough for the resident to recognise their number, not to dial it."""
    if len(phone) < 8:
        return "*" * len(phone)
    return phone[:3] + "*" * (len(phone) - 7) + phone[-4:]
