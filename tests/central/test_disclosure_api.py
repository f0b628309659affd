"""The three disclosure levels at the server: what each stores, the bodies of before the
levels, and every bad combination refused with 422 and nothing stored."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from central.db import Database
from central.models import IdempotencyRecord
from kiosk.domain.idnumber import id_lookup_hash, mask_id_number, new_id_number
from kiosk.domain.models import (
    Complaint,
    ComplaintEvent,
    Disclosure,
    Health,
    Household,
    ImplicatedParty,
    LabourCapacity,
    Member,
    PartyKind,
    PovertyStatus,
    RegionLevel,
    Relation,
    Sex,
)
from tests.central.conftest import SignedClient, complaint_body, new_key
from tests.central.disclosure_bodies import (
    PHONE,
    VILLAGE_COMMITTEE,
    anonymous,
    named,
    village_report,
)
from tests.central.seed_data import TEST_ID_HASH_KEY, World

PATH = "/api/v1/complaints"


def _head_hash(database: Database, world: World) -> str:
    with database.session() as session:
        return session.scalars(
            select(Member.id_hash)
            .join(Household, Member.household_id == Household.id)
            .where(Household.file_number == world.file_number)
        ).one()


@pytest.fixture
def head_hash(central_db: Database, world: World) -> str:
    """The register's key of 杨正刚, the head of the 8,000-yuan household."""
    return _head_hash(central_db, world)


@pytest.fixture
def neighbour_hash(central_db: Database, world: World) -> str:
    """The key of a member of another household of the same village."""
    number = new_id_number(world.county, date(1970, 3, 4), 211)
    with central_db.session() as session:
        household = Household(
            file_number="522730001001-0002",
            village_code=world.village,
            address="冠山村二组",
            status=PovertyStatus.POOR,
            registered_on=date(2014, 3, 1),
            poverty_score=50,
            score_housing=10,
            score_food=10,
            score_labour=10,
            score_schooling=10,
            score_health=10,
        )
        household.members = [
            Member(
                name="罗大海",
                name_initials="LDH",
                relation=Relation.HEAD,
                sex=Sex.MALE,
                birth_date=date(1970, 3, 4),
                id_hash=id_lookup_hash(number, TEST_ID_HASH_KEY),
                id_masked=mask_id_number(number),
                labour_capacity=LabourCapacity.ORDINARY,
                health=Health.HEALTHY,
            )
        ]
        session.add(household)
        session.commit()
        return household.members[0].id_hash


def _stored(database: Database, tracking_number: str) -> Complaint:
    """The stored complaint with its household, payment, complainant and parties loaded
    (the session is closed again, so no test holds a lock on PostgreSQL)."""
    with database.session() as session:
        return session.scalars(
            select(Complaint)
            .where(Complaint.tracking_number == tracking_number)
            .options(
                selectinload(Complaint.household),
                selectinload(Complaint.aid_record),
                selectinload(Complaint.complainant),
                selectinload(Complaint.implicated),
            )
        ).one()


def test_named_stores_the_complainant_resolved_in_the_household(
    api: SignedClient, central_db: Database, world: World, head_hash: str
) -> None:
    """Named: the member is found by the register's key, and their name and phone kept."""
    body = named(world, head_hash)
    response = api.post(PATH, body, idempotency_key=new_key())
    assert response.status_code == 201, response.text
    complaint = _stored(central_db, body["tracking_number"])
    assert complaint.disclosure is Disclosure.NAMED and not complaint.anonymous
    assert complaint.complainant_name == "杨正刚"
    assert complaint.complainant is not None and complaint.complainant.id_hash == head_hash
    assert complaint.contact_phone == PHONE
    assert complaint.household is not None


def test_anonymous_stores_the_household_and_no_one_in_it(
    api: SignedClient, central_db: Database, world: World
) -> None:
    """Anonymous: the household and the disputed payment, no complainant, no phone."""
    body = anonymous(world)
    assert api.post(PATH, body, idempotency_key=new_key()).status_code == 201
    complaint = _stored(central_db, body["tracking_number"])
    assert complaint.disclosure is Disclosure.ANONYMOUS and complaint.anonymous
    assert complaint.household is not None and complaint.aid_record is not None
    assert complaint.complainant_member_id is None and complaint.complainant_name == ""
    assert complaint.contact_phone is None


def test_village_report_stores_no_household_and_goes_by_the_terminals_region(
    api: SignedClient, central_db: Database, world: World
) -> None:
    """A village report naming the village committee: no household, payment or person; the
    committee is a village-level unit, so the township's office above it receives it, found
    from the region registered for the terminal."""
    body = village_report(world)
    response = api.post(PATH, body, idempotency_key=new_key())
    assert response.status_code == 201, response.text
    assert response.json()["office"]["code"] == world.township_office
    complaint = _stored(central_db, body["tracking_number"])
    assert complaint.disclosure is Disclosure.VILLAGE_REPORT and complaint.anonymous
    assert complaint.household_id is None and complaint.aid_record_id is None
    assert complaint.complainant_member_id is None and complaint.contact_phone is None
    (party,) = complaint.implicated
    assert (party.kind, party.name, party.region_code, party.level) == (
        PartyKind.DEPARTMENT,
        VILLAGE_COMMITTEE,
        world.village,
        RegionLevel.VILLAGE,
    )


def test_village_report_naming_no_one_goes_to_the_terminals_county(
    api: SignedClient, world: World
) -> None:
    """With nobody named, the terminal's region places it: its county commission."""
    response = api.post(PATH, village_report(world, implicated=[]), idempotency_key=new_key())
    assert response.status_code == 201, response.text
    assert response.json()["office"]["code"] == world.county_office


@pytest.mark.parametrize(
    ("changes", "level"),
    [
        ({"anonymous": False}, Disclosure.NAMED),
        ({"anonymous": True, "contact_phone": None}, Disclosure.ANONYMOUS),
        (
            {
                "anonymous": True,
                "contact_phone": None,
                "household_file_number": None,
                "aid_record_reference": None,
                "recorded_fen": None,
                "claimed_received_fen": None,
            },
            Disclosure.VILLAGE_REPORT,
        ),
    ],
    ids=["named", "anonymous", "village report"],
)
def test_a_body_from_before_the_levels_is_accepted_with_the_level_it_implies(
    api: SignedClient,
    central_db: Database,
    world: World,
    changes: dict[str, Any],
    level: Disclosure,
) -> None:
    """A queued body without "disclosure" is not refused: its "anonymous" (and whether it
    names a household) gives the level, and a named one needs no complainant."""
    body = complaint_body(world, **changes)
    assert "disclosure" not in body and "complainant" not in body
    response = api.post(PATH, body, idempotency_key=new_key())
    assert response.status_code == 201, response.text
    complaint = _stored(central_db, body["tracking_number"])
    assert complaint.disclosure is level
    assert complaint.complainant_name == ""


def _counts(database: Database) -> tuple[int, ...]:
    with database.session() as session:
        return tuple(
            int(session.scalar(select(func.count()).select_from(model)) or 0)
            for model in (Complaint, ComplaintEvent, ImplicatedParty, IdempotencyRecord)
        )


@pytest.fixture
def unchanged(central_db: Database, world: World) -> Iterator[None]:
    """Fails the test if any complaint table changed."""
    before = _counts(central_db)
    yield
    assert _counts(central_db) == before


BAD: list[tuple[str, str, dict[str, Any], str]] = [
    ("named without complainant", "named", {"complainant": None}, "complainant"),
    ("named without household", "named", {"household_file_number": None}, "household_file_number"),
    ("named but anonymous", "named", {"anonymous": True}, "anonymous"),
    (
        "named, malformed member key",
        "named",
        {"complainant": {"member_id_hash": "12"}},
        "complainant",
    ),
    ("anonymous with a phone", "anonymous", {"contact_phone": PHONE}, "contact_phone"),
    ("anonymous with a complainant", "anonymous", {"complainant": "HEAD"}, "complainant"),
    (
        "anonymous without household",
        "anonymous",
        {"household_file_number": None},
        "household_file_number",
    ),
    ("anonymous but not anonymous", "anonymous", {"anonymous": False}, "anonymous"),
    (
        "village report with household",
        "village",
        {"household_file_number": "522730001001-0001"},
        "household_file_number",
    ),
    (
        "village report with a payment",
        "village",
        {
            "aid_record_reference": "LLMZ-2014-000123",
            "recorded_fen": 800_000,
            "claimed_received_fen": 1,
        },
        "aid_record_reference",
    ),
    ("village report with a phone", "village", {"contact_phone": PHONE}, "contact_phone"),
    ("village report with a complainant", "village", {"complainant": "HEAD"}, "complainant"),
    ("village report, not anonymous", "village", {"anonymous": False}, "anonymous"),
    ("unknown level", "named", {"disclosure": "whispered"}, "disclosure"),
]


@pytest.mark.parametrize(("case", "level", "changes", "field"), BAD, ids=[c[0] for c in BAD])
def test_a_bad_combination_is_refused_and_nothing_stored(
    api: SignedClient,
    world: World,
    head_hash: str,
    unchanged: None,
    case: str,
    level: str,
    changes: dict[str, Any],
    field: str,
) -> None:
    """Each combination a level does not allow: 422 naming the field, nothing stored, and
    neither the phone nor the member's key echoed."""
    make: Callable[[], dict[str, Any]] = {
        "named": lambda: named(world, head_hash),
        "anonymous": lambda: anonymous(world),
        "village": lambda: village_report(world),
    }[level]
    body = make()
    if changes.get("complainant") == "HEAD":
        changes = {**changes, "complainant": {"member_id_hash": head_hash}}
    body.update(changes)
    response = api.post(PATH, body, idempotency_key=new_key())
    assert response.status_code == 422, (case, response.text)
    assert response.json()["field"] == field
    assert PHONE not in response.text and head_hash not in response.text


def test_a_member_of_another_household_is_refused_like_an_unknown_one(
    api: SignedClient, world: World, head_hash: str, neighbour_hash: str, unchanged: None
) -> None:
    """Named by someone not of the household: 422 unknown_member, as for a key no one has."""
    answers = []
    for key in (neighbour_hash, "0" * 64):
        body = named(world, head_hash, complainant={"member_id_hash": key})
        response = api.post(PATH, body, idempotency_key=new_key())
        assert response.status_code == 422
        answers.append((response.json()["error"], response.json()["field"]))
    assert answers == [("unknown_member", "complainant")] * 2
