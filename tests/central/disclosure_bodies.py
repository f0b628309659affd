"""Complaint bodies of each disclosure level about the small Longli world, for the server's
tests (tests/central/seed_data.py)."""

from __future__ import annotations

from typing import Any

from tests.central.conftest import complaint_body
from tests.central.seed_data import World

PHONE = "13912345678"
VILLAGE_COMMITTEE = "冠山村村民委员会"


def named(world: World, head_hash: str, **changes: Any) -> dict[str, Any]:
    """The 8,000/4,000 dispute, named by 杨正刚 with a phone."""
    fields: dict[str, Any] = {
        "disclosure": "named",
        "complainant": {"member_id_hash": head_hash},
        "contact_phone": PHONE,
        **changes,
    }
    return complaint_body(world, **fields)


def anonymous(world: World, **changes: Any) -> dict[str, Any]:
    """The dispute, anonymous about the household."""
    body = complaint_body(world, disclosure="anonymous", anonymous=True, contact_phone=None)
    body.update(changes)
    return body


def village_report(
    world: World, committee: str = VILLAGE_COMMITTEE, **changes: Any
) -> dict[str, Any]:
    """Favouritism seen in the village, naming the village committee; no household."""
    body = complaint_body(
        world,
        disclosure="village_report",
        category="favouritism",
        household_file_number=None,
        aid_record_reference=None,
        recorded_fen=None,
        claimed_received_fen=None,
        anonymous=True,
        contact_phone=None,
        text="低保名额给了村干部的亲戚",
        implicated=[
            {
                "kind": "department",
                "name": committee,
                "region_code": world.village,
                "level": "village",
            }
        ],
    )
    body.update(changes)
    return body
