"""What the inspectors who receive a complaint see of the person who filed it, by level.

One table, read by both ends: the kiosk's review screen lists these items in the resident's
words before Send, and the inspectors' inbox shows exactly these parts of the complaint and
nothing else, under the same words (kiosk texts in ``kiosk.views.screens.complaint.words``,
inbox texts in ``central.inbox.i18n``; a test holds them equal). Changing what a level shows
is a change here, and both screens follow.

Whatever the level, the people a complaint names and the household's responsible cadres
never see it (``kiosk.domain.routing`` and the inbox's scope keep it from them).
"""

from __future__ import annotations

from enum import StrEnum

from kiosk.domain.models.complaints import Disclosure

__all__ = ["Disclosure", "Shown", "hidden", "shown"]


class Shown(StrEnum):
    """One part of a complaint that the inspectors may be shown."""

    #: What it is about, the resident's own words, and whom they name.
    COMPLAINT = "complaint"
    #: Where it was filed: the terminal and the street office or township it stands in.
    TERMINAL = "terminal"
    #: The complainant's name.
    NAME = "name"
    #: The phone number the complainant leaves, if any.
    PHONE = "phone"
    #: The household's file number and village.
    HOUSEHOLD_FILE = "household_file"
    #: The names (and masked ID numbers) of the household's members.
    MEMBERS = "members"
    #: The household's payments, the disputed one among them.
    PAYMENTS = "payments"


_SHOWN: dict[Disclosure, tuple[Shown, ...]] = {
    Disclosure.NAMED: (
        Shown.COMPLAINT,
        Shown.TERMINAL,
        Shown.NAME,
        Shown.PHONE,
        Shown.HOUSEHOLD_FILE,
        Shown.MEMBERS,
        Shown.PAYMENTS,
    ),
    # The file and its payments are what an inspector needs to check a payment; the
    # members' names would only help to guess who in the household filed.
    Disclosure.ANONYMOUS: (
        Shown.COMPLAINT,
        Shown.TERMINAL,
        Shown.HOUSEHOLD_FILE,
        Shown.PAYMENTS,
    ),
    Disclosure.VILLAGE_REPORT: (Shown.COMPLAINT, Shown.TERMINAL),
}


def shown(level: Disclosure) -> tuple[Shown, ...]:
    """What the inspectors see at ``level``, in the order both screens list it."""
    return _SHOWN[Disclosure(level)]


def hidden(level: Disclosure) -> tuple[Shown, ...]:
    """What the inspectors do not see at ``level`` (of what some level shows)."""
    visible = set(shown(level))
    return tuple(item for item in Shown if item not in visible)
