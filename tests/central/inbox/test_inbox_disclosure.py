"""The detail page of each disclosure level shows exactly what that level allows, and the
cadres of a committee a complaint names cannot reach it."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from sqlalchemy import select

from central.db import Database
from central.inbox.i18n import Lang, Translator
from kiosk.domain.disclosure import hidden, shown
from kiosk.domain.models import Cadre, CadrePost, Complaint, Disclosure, Household, Member
from kiosk.domain.models import RegionLevel as L
from kiosk.domain.tracking import grouped
from tests.central.conftest import SignedClient, new_key
from tests.central.disclosure_bodies import PHONE, anonymous, named, village_report
from tests.central.inbox.inbox_world import Browser, InboxWorld, add_inspector
from tests.central.seed_data import World

PATH = "/api/v1/complaints"
HEAD = "杨正刚"
#: The unit of the world's village cadre (王建国): naming it names him.
COMMITTEE = "冠山村村委会"
FORMER_VILLAGE_CADRE = "C522730001-09"


@pytest.fixture
def staff(central_db: Database, world: World, inbox: InboxWorld) -> None:
    """Township inspectors: 王建国 of the village committee, and one who served there before."""
    with central_db.session() as session:
        session.add(
            Cadre(
                code=FORMER_VILLAGE_CADRE,
                name="赵前任",
                name_initials="ZQR",
                unit="冠山街道办事处",
                post="干部",
                region_code=world.township,
                level=L.TOWNSHIP,
                phone="08515550109",
                posts=[
                    CadrePost(
                        unit=COMMITTEE,
                        post="村委会委员",
                        region_code=world.village,
                        level=L.VILLAGE,
                        start_date=date(2012, 1, 1),
                        end_date=date(2017, 12, 31),
                    )
                ],
            )
        )
        add_inspector(
            session, "wang.village", "王兼职", world.township_office, cadre_code=world.village_cadre
        )
        add_inspector(
            session,
            "zhao.former",
            "赵兼职",
            world.township_office,
            cadre_code=FORMER_VILLAGE_CADRE,
        )
        session.commit()


def _file(api: SignedClient, central_db: Database, body: dict[str, Any]) -> int:
    response = api.post(PATH, body, idempotency_key=new_key())
    assert response.status_code == 201, response.text
    with central_db.session() as session:
        return session.scalars(
            select(Complaint.id).where(Complaint.tracking_number == body["tracking_number"])
        ).one()


@pytest.fixture
def signed_in(live_server: str, inbox: InboxWorld) -> Iterator[dict[str, Browser]]:
    """A browser per inspector, signed in on first use."""
    made: dict[str, Browser] = {}

    class Sessions(dict[str, Browser]):
        def __missing__(self, username: str) -> Browser:
            browser = Browser(live_server)
            assert browser.login(username).status_code == 303
            made[username] = browser
            self[username] = browser
            return browser

    yield Sessions()
    for browser in made.values():
        browser.http.close()


def _section(page: str, heading: str) -> str:
    return page.split(f'id="{heading}"', 1)[1].split("</section>", 1)[0]


def _listed_words(page: str, css: str) -> list[str]:
    block = _section(page, "h-disclosure")
    found = re.search(rf'<ul class="{css}">(.*?)</ul>', block, re.S)
    return re.findall(r"<li>(.*?)</li>", found.group(1)) if found else []


def _told(page: str, level: Disclosure) -> None:
    """The page heads the level and lists, in the inbox's words, what it shows and hides."""
    words = Translator(Lang.ZH)
    assert f"反映方式：{words.word(level)}" in _section(page, "h-disclosure")
    assert _listed_words(page, "shown") == [words.word(item) for item in shown(level)]
    assert _listed_words(page, "not-shown") == [words.word(item) for item in hidden(level)]


def _member_names(central_db: Database, world: World) -> list[str]:
    with central_db.session() as session:
        return list(
            session.scalars(
                select(Member.name)
                .join(Household, Member.household_id == Household.id)
                .where(Household.file_number == world.file_number)
            )
        )


def _head_hash(central_db: Database, world: World) -> str:
    with central_db.session() as session:
        return session.scalars(
            select(Member.id_hash)
            .join(Household, Member.household_id == Household.id)
            .where(Household.file_number == world.file_number, Member.name == HEAD)
        ).one()


def test_named_shows_the_complainant_phone_household_and_payments(
    api: SignedClient,
    central_db: Database,
    world: World,
    signed_in: dict[str, Browser],
) -> None:
    """Named: the complainant's name and phone, the file, its members and its payments."""
    number = _file(api, central_db, named(world, _head_hash(central_db, world), implicated=[]))
    page = signed_in["zhang"].get(f"/inbox/complaints/{number}").text
    _told(page, Disclosure.NAMED)
    complainant = page.split('class="complainant"', 1)[1].split("</dd>", 1)[0]
    assert HEAD in complainant and PHONE in complainant
    household = _section(page, "h-household")
    assert world.file_number in household and "冠山村" in household
    assert 'class="members"' in household and HEAD in household
    assert "¥8,000.00" in page and "LLMZ-2014-000123" in household
    assert "冠山街道便民服务大厅 1号机（冠山街道）" in page


def test_anonymous_shows_the_household_file_but_no_one_in_it(
    api: SignedClient,
    central_db: Database,
    world: World,
    signed_in: dict[str, Browser],
) -> None:
    """Anonymous: the file number, village and payments to check the money; no name, no
    phone, no member of the household anywhere on the page."""
    number = _file(api, central_db, anonymous(world, implicated=[]))
    page = signed_in["zhang"].get(f"/inbox/complaints/{number}").text
    _told(page, Disclosure.ANONYMOUS)
    assert "不告知（匿名）" in page
    household = _section(page, "h-household")
    assert world.file_number in household and "¥8,000.00" in page
    assert 'class="members"' not in household and "members-not-shown" in household
    for name in _member_names(central_db, world):
        assert name not in page
    assert PHONE not in page and "联系电话" not in page
    assert not re.search(r"5227\*{10}", page)  # no masked ID number either


def test_village_report_shows_no_household_members_or_payments(
    api: SignedClient,
    central_db: Database,
    world: World,
    signed_in: dict[str, Browser],
) -> None:
    """A village report: what was reported and whom it names, at which hall; no file, no
    members, no payment history."""
    number = _file(api, central_db, village_report(world))
    page = signed_in["wang"].get(f"/inbox/complaints/{number}").text
    _told(page, Disclosure.VILLAGE_REPORT)
    assert "低保名额给了村干部的亲戚" in page and "冠山村村民委员会" in page
    assert "这是对村里情况的匿名反映" in _section(page, "h-household")
    assert world.file_number not in page
    assert "¥" not in page and 'class="payments"' not in page and 'class="members"' not in page
    for name in _member_names(central_db, world):
        assert name not in page
    assert "冠山街道便民服务大厅 1号机（冠山街道）" in page


def test_the_cadres_of_a_named_committee_cannot_reach_it(
    api: SignedClient,
    central_db: Database,
    world: World,
    staff: None,
    signed_in: dict[str, Browser],
) -> None:
    """A village report naming the committee: its member and its former member, both
    inspectors of the office that receives it, neither list it nor open it; a colleague does."""
    body = village_report(world, COMMITTEE)
    number = _file(api, central_db, body)
    detail = f"/inbox/complaints/{number}"
    assert signed_in["wang"].get(detail).status_code == 200
    shown = grouped(body["tracking_number"])  # the inbox groups numbers as 1309 3171 0334
    assert shown in signed_in["wang"].get("/inbox/").text
    for username in ("wang.village", "zhao.former"):
        assert signed_in[username].get(detail).status_code == 404, username
        page = signed_in[username].get("/inbox/").text
        assert shown not in page and body["tracking_number"] not in page, username


def test_the_responsible_cadre_cannot_reach_an_anonymous_complaint_about_the_household(
    api: SignedClient,
    central_db: Database,
    world: World,
    signed_in: dict[str, Browser],
) -> None:
    """Anonymous about the household: chen, the household's responsible cadre and an
    inspector of the receiving office, gets 404; zhang of the same office sees it."""
    number = _file(api, central_db, anonymous(world, implicated=[]))
    detail = f"/inbox/complaints/{number}"
    assert signed_in["zhang"].get(detail).status_code == 200
    assert signed_in["chen"].get(detail).status_code == 404
