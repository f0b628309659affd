"""Finding residents by village and the pinyin initials of their name.

This is for a resident without their ID card: they choose their village, type the initials
of their name ("YZG" for 杨正刚), and pick themselves from a short list. The list is shown
on a public screen, so each match carries only masked data: the surname and last character
of the name, the masked ID number, the birth year and the relation to the head. What a
match leads to (further questions, a staff check) is for the screen to decide; as a
village and initials are easy to guess, that screen must throttle attempts as
``kiosk.services.identify`` does and ask for more before showing a file.

The query starts from the village's households (``ix_households_village_code``) and probes
each household's members by initials (``ix_members_household_initials``, migration 0002).
It is written as ``household_id IN (subquery)`` rather than a join because SQLite keeps that
plan with full, sampled or missing statistics; a join is planned from the initials index
whenever the statistics underrate how common initials are, which costs tens of
milliseconds on a store of a million members.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session, sessionmaker

from kiosk.domain.models import Household, Member, Relation
from kiosk.domain.names import normalize_initials
from kiosk.services.identify import engine_of

#: More matches than fit on a screen would need another way to tell people apart anyway.
MAX_MATCHES = 20
_VILLAGE_CODE_LENGTH = 12
#: The stored initials column is String(16).
_MAX_INITIALS = 16


@dataclass(frozen=True)
class VillageMatch:
    """One member of the village whose name has the initials typed, as a screen may show it."""

    member_id: int
    household_id: int
    #: Surname and last character, the rest as asterisks: 杨*刚.
    name_masked: str
    #: First and last four characters of the ID number: 5227**********1316.
    id_masked: str
    birth_year: int
    relation: Relation


_MEMBERS_BY_VILLAGE_AND_INITIALS = (
    select(
        Member.id,
        Member.household_id,
        Member.position,
        Member.name,
        Member.id_masked,
        Member.birth_date,
        Member.relation,
    )
    .where(
        Member.household_id.in_(
            select(Household.id).where(Household.village_code == bindparam("village_code"))
        ),
        Member.name_initials == bindparam("initials"),
    )
    # Ordering by position too would make SQLite read every member of the village through
    # ix_members_household_position; the few matches are put in that order afterwards.
    .order_by(Member.household_id)
    .limit(bindparam("limit"))
)


def mask_name(name: str) -> str:
    """The first and last character of a name with asterisks between ("杨*刚", "李*").

    A two-character name keeps only its first; a one-character name shows nothing.
    """
    chars = [c for c in name if not c.isspace()]
    if len(chars) <= 1:
        return "*"
    if len(chars) == 2:
        return chars[0] + "*"
    return chars[0] + "*" * (len(chars) - 2) + chars[-1]


def find_by_village_and_initials(
    sessions: sessionmaker[Session],
    *,
    village_code: str,
    initials: str,
    limit: int = MAX_MATCHES,
) -> list[VillageMatch]:
    """Members of the village ``village_code`` whose name has ``initials`` (typed in any
    case, with spaces), ordered by household and position in it, at most ``limit`` (ask
    for one more than a screen shows to know whether there are more).

    Initials that no name can have (empty, too long, not letters) match nobody. A village
    code that is not 12 digits is a caller's mistake and raises ``ValueError``.
    """
    if len(village_code) != _VILLAGE_CODE_LENGTH or not village_code.isdigit():
        raise ValueError("a village code has 12 digits")
    wanted = normalize_initials(initials)
    if not wanted or len(wanted) > _MAX_INITIALS or not wanted.isascii() or not wanted.isalpha():
        return []
    params = {"village_code": village_code, "initials": wanted, "limit": limit}
    # A plain connection, as for identification: an ORM session would only add overhead.
    with engine_of(sessions).connect() as conn:
        rows = conn.execute(_MEMBERS_BY_VILLAGE_AND_INITIALS, params).all()
    return [
        VillageMatch(
            member_id=row.id,
            household_id=row.household_id,
            name_masked=mask_name(row.name),
            id_masked=row.id_masked,
            birth_year=row.birth_date.year,
            relation=row.relation,
        )
        for row in sorted(rows, key=lambda row: (row.household_id, row.position))
    ]
