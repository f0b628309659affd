"""The office the kiosk shows is the office the server picks, over generated worlds.

Each example is a small part of Qiannan: some of its discipline offices, cadres who moved
between units and regions over the years, one household with its helpers current and
earlier, a disputed payment, and a complaint naming some of them. The same rows go into a
fresh kiosk store and a fresh central database (SQLite files); the kiosk previews the
complaint as the review screen does, the server files the very body the kiosk would send,
and both must name the same office with the same reasons, or refuse with the same reason.
"""

from __future__ import annotations

import json
import secrets
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from hypothesis import event, example, given, settings
from hypothesis import strategies as st
from sqlalchemy import select
from sqlalchemy.orm import Session

from central import passwords
from central.api.schemas import ComplaintIn
from central.config import Settings
from central.db import Database
from central.errors import ApiError
from central.filing import file_complaint
from central.messages import reason_words, reasons_words
from kiosk.domain import tracking
from kiosk.domain.models import (
    AidRecord,
    Assignment,
    Cadre,
    CadrePost,
    Channel,
    Complaint,
    ComplaintCategory,
    DisciplineOffice,
    Disclosure,
    Household,
    Kiosk,
    PovertyStatus,
    Programme,
    Region,
    RegionLevel,
)
from kiosk.domain.routing import region_level
from kiosk.services.complaints import payload
from kiosk.services.complaints.draft import ComplaintDraft, ComplaintRefused, NamedUnit
from kiosk.services.complaints.filing import preview_destination, validate_draft
from kiosk.services.store import open_store

L = RegionLevel
KIOSK_CODE = "TEST-0001"
RECORDED_FEN = 800_000

#: (code, name, parent): Guizhou > Qiannan > Longli and Duyun > three townships > villages.
REGIONS = (
    ("520000", "贵州省", None),
    ("522700", "黔南州", "520000"),
    ("522730", "龙里县", "522700"),
    ("522701", "都匀市", "522700"),
    ("522730001", "冠山街道", "522730"),
    ("522730100", "龙山镇", "522730"),
    ("522701001", "广惠街道", "522701"),
    ("522730001001", "新寨村", "522730001"),
    ("522730001002", "文峰社区", "522730001"),
    ("522730100201", "羊场村", "522730100"),
    ("522701001001", "沙包堡社区", "522701001"),
)
VILLAGES = tuple(code for code, _, _ in REGIONS if len(code) == 12)
TOWNSHIPS = tuple(code for code, _, _ in REGIONS if len(code) == 9)
REGION_NAMES = {code: name for code, name, _ in REGIONS}

#: The office each region above a village may have; a world holds some of them.
OFFICES = {
    "JW-520000": ("贵州省纪委监委", "520000"),
    "JW-522700": ("黔南州纪委监委", "522700"),
    "JW-522730": ("龙里县纪委监委", "522730"),
    "JW-522701": ("都匀市纪委监委", "522701"),
    "JW-522730001": ("冠山街道纪工委", "522730001"),
    "JW-522730100": ("龙山镇纪委", "522730100"),
    "JW-522701001": ("广惠街道纪工委", "522701001"),
}

#: Units a cadre may work in: (name, region, level). Two are discipline offices.
UNITS = (
    ("新寨村村民委员会", "522730001001", L.VILLAGE),
    ("文峰社区居民委员会", "522730001002", L.VILLAGE),
    ("羊场村村民委员会", "522730100201", L.VILLAGE),
    ("冠山街道办事处", "522730001", L.TOWNSHIP),
    ("冠山街道纪工委", "522730001", L.TOWNSHIP),
    ("龙山镇人民政府", "522730100", L.TOWNSHIP),
    ("广惠街道办事处", "522701001", L.TOWNSHIP),
    ("龙里县农业农村局", "522730", L.COUNTY),
    ("龙里县纪委监委", "522730", L.COUNTY),
    ("都匀市民政局", "522701", L.COUNTY),
    ("黔南州乡村振兴局", "522700", L.PREFECTURE),
    ("贵州省乡村振兴局", "520000", L.PROVINCE),
)

#: Departments that may have paid the disputed payment: (name, region or None).
DEPARTMENTS = (
    ("龙里县民政局", "522730"),
    ("都匀市民政局", "522701"),
    ("冠山街道办事处", "522730001"),
    ("贵州省民政厅", "520000"),
    ("龙里县纪委监委", "522730"),
    ("某信用社", None),
)

Unit = tuple[str, str, RegionLevel]


@dataclass(frozen=True)
class CadreSpec:
    """A cadre: current unit, earlier units (oldest first), and whether the current post is
    also kept among the posts, as the register sometimes keeps it."""

    unit: Unit
    earlier: tuple[Unit, ...]
    current_post_kept: bool


@dataclass(frozen=True)
class World:
    """One generated case: the data, the terminal, and what the complaint names."""

    offices: frozenset[str]
    cadres: tuple[CadreSpec, ...]
    #: Per cadre: "none", "current" or "ended" (their assignment to the household).
    assignments: tuple[str, ...]
    village: str
    department: tuple[str, str | None]
    terminal: str
    village_report: bool
    named_cadres: tuple[int, ...]
    names_committee: bool
    names_department: bool


units = st.sampled_from(UNITS)
cadre_specs = st.builds(CadreSpec, units, st.lists(units, max_size=3).map(tuple), st.booleans())
office_sets = st.one_of(
    st.just(frozenset(OFFICES)), st.frozensets(st.sampled_from(sorted(OFFICES)))
)


@st.composite
def worlds(draw: st.DrawFn) -> World:
    cadres = tuple(draw(st.lists(cadre_specs, min_size=1, max_size=5)))
    count = len(cadres)
    return World(
        offices=draw(office_sets),
        cadres=cadres,
        assignments=tuple(
            draw(
                st.lists(
                    st.sampled_from(["none", "current", "ended"]), min_size=count, max_size=count
                )
            )
        ),
        village=draw(st.sampled_from(VILLAGES)),
        department=draw(st.sampled_from(DEPARTMENTS)),
        terminal=draw(st.sampled_from(TOWNSHIPS)),
        village_report=draw(st.booleans()),
        named_cadres=tuple(
            draw(st.lists(st.integers(0, count - 1), unique=True, max_size=min(count, 4)))
        ),
        names_committee=draw(st.booleans()),
        names_department=draw(st.booleans()),
    )


def _store_world(session: Session, world: World) -> None:
    """The world's rows, the same for the kiosk's store and the central database."""
    for code, name, parent in REGIONS:
        session.add(Region(code=code, name=name, level=region_level(code), parent_code=parent))
    session.flush()
    for code in sorted(world.offices):
        name, region = OFFICES[code]
        session.add(
            DisciplineOffice(code=code, name=name, region_code=region, level=region_level(region))
        )
    household = Household(
        file_number=f"{world.village}-0001", village_code=world.village, address="1号",
        status=PovertyStatus.POOR, registered_on=date(2014, 5, 1), poverty_score=50,
        score_housing=10, score_food=10, score_labour=10, score_schooling=10, score_health=10,
    )  # fmt: skip
    session.add(household)
    for index, spec in enumerate(world.cadres):
        name, region, level = spec.unit
        posts = [
            CadrePost(
                unit=unit,
                post="干部",
                region_code=unit_region,
                level=unit_level,
                start_date=date(2010 + 3 * i, 1, 1),
                end_date=date(2012 + 3 * i, 12, 31),
            )
            for i, (unit, unit_region, unit_level) in enumerate(spec.earlier)
        ]
        if spec.current_post_kept:
            posts.append(
                CadrePost(unit=name, post="干部", region_code=region, level=level,
                          start_date=date(2020, 1, 1))
            )  # fmt: skip
        cadre = Cadre(
            code=f"K{index}", name="某干部", name_initials="MGB", unit=name, post="干部",
            region_code=region, level=level, phone="08510000000", posts=posts,
        )  # fmt: skip
        session.add(cadre)
        session.flush()
        state = world.assignments[index]
        if state != "none":
            session.add(
                Assignment(
                    cadre_id=cadre.id,
                    household_id=household.id,
                    start_date=date(2015, 1, 1),
                    end_date=date(2018, 12, 31) if state == "ended" else None,
                )
            )
    department, department_region = world.department
    session.add(
        AidRecord(
            reference="AID-0001", household_id=household.id, programme=Programme.DISASTER_RELIEF,
            amount_fen=RECORDED_FEN, paid_on=date(2014, 8, 1), department=department,
            department_region_code=department_region, channel=Channel.ONE_CARD,
        )
    )  # fmt: skip


def _draft(session: Session, world: World) -> ComplaintDraft:
    """The draft the complaint screens would make for ``world``."""
    household = session.scalars(select(Household)).one()
    record = session.scalars(select(AidRecord)).one()
    units: list[NamedUnit] = []
    if world.names_committee:
        village = REGION_NAMES[world.village]
        suffix = "居民委员会" if village.endswith("社区") else "村民委员会"
        units.append(NamedUnit(village + suffix, world.village, L.VILLAGE))
    # A village report carries no payment, so it cannot name the department that paid it.
    pays = world.names_department and not world.village_report
    if pays:
        units.append(NamedUnit(record.department, record.department_region_code))
    return ComplaintDraft(
        category=ComplaintCategory.FUNDS_WITHHELD,
        household_id=None if world.village_report else household.id,
        aid_record_id=record.id if pays else None,
        claimed_received_fen=RECORDED_FEN // 2 if pays else None,
        disclosure=Disclosure.VILLAGE_REPORT if world.village_report else Disclosure.ANONYMOUS,
        implicated_cadre_codes=tuple(f"K{index}" for index in world.named_cadres),
        implicated_units=tuple(units),
    )


def _body(session: Session, draft: ComplaintDraft) -> bytes:
    """The body the kiosk's outbox would send for ``draft``."""
    household = session.get(Household, draft.household_id) if draft.household_id else None
    record = session.get(AidRecord, draft.aid_record_id) if draft.aid_record_id else None
    return payload.encode(
        payload.ComplaintPayload(
            tracking_number=tracking.new_tracking_number(),
            secret_digest="0" * 64,  # any digest: routing never reads it
            category=draft.category.value,
            household_file_number=household.file_number if household else None,
            aid_record_reference=record.reference if record else None,
            recorded_fen=record.amount_fen if record else None,
            claimed_received_fen=draft.claimed_received_fen,
            text="",
            disclosure=draft.disclosure.value,
            complainant_member_id_hash=None,
            contact_phone=None,
            implicated_cadre_codes=draft.implicated_cadre_codes,
            implicated_units=tuple(
                (unit.name, unit.region_code, unit.level.value if unit.level else None)
                for unit in draft.implicated_units
            ),
            filed_at=datetime(2026, 12, 1, 8, 0, tzinfo=UTC),
        )
    )


Answer = tuple[str, ...]


def _kiosk_answer(store_path: Path, world: World) -> tuple[Answer, bytes]:
    """What the review screen shows, and the body the kiosk would send."""
    store = open_store(store_path)
    try:
        with store.sessionmaker.begin() as session:
            _store_world(session, world)
        with store.sessionmaker() as session:
            draft = _draft(session, world)
            validate_draft(session, draft)  # a draft the kiosk accepts, up to its routing
            try:
                shown = preview_destination(session, draft, terminal_region_code=world.terminal)
            except ComplaintRefused as refused:
                answer: Answer = ("refused", *reason_words(refused.reason))
            else:
                answer = ("office", shown.office_code, shown.office_name,
                          *reasons_words(shown.reasons))  # fmt: skip
            return answer, _body(session, draft)
    finally:
        store.close()


def _server_answer(central_path: Path, world: World, body: bytes) -> Answer:
    """What the central server decides when the kiosk sends ``body``."""
    database = Database(str(central_path))
    try:
        with database.session() as session:
            _store_world(session, world)
            session.add(Kiosk(code=KIOSK_CODE, name="1号机", region_code=world.terminal,
                              public_key="00" * 32))  # fmt: skip
            session.commit()
        try:
            filed = file_complaint(
                database.write_sessionmaker,
                Settings(database_url=database.url),
                kiosk_code=KIOSK_CODE,
                key=secrets.token_urlsafe(24),
                body=body,
                complaint=ComplaintIn.model_validate_json(body),
            )
        except ApiError as error:
            assert error.code == "no_office", error.code
            said = error.body()
            return ("refused", said["message_zh"], said["message_en"])
        office = json.loads(filed.body)["office"]
        with database.session() as session:
            complaint = session.scalars(select(Complaint)).one()
            why = next(event.note for event in complaint.events if event.actor == "routing")
        reason_zh, reason_en = why.split("\n")
        return ("office", office["code"], office["name"], reason_zh, reason_en)
    finally:
        database.dispose()


@pytest.fixture(scope="module", autouse=True)
def quick_secret_hashes() -> Iterator[None]:
    """The server hashes each complaint's secret with argon2's full cost (a quarter of a
    second here); this test is about routing, so it hashes at the lowest cost instead."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(
            passwords, "_HASHER", PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
        )
        yield


@pytest.fixture(scope="module")
def kiosk_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated, empty kiosk store that each example copies."""
    path = tmp_path_factory.mktemp("kiosk-template") / "kiosk.sqlite3"
    open_store(path).close()
    return path


@contextmanager
def _fresh_databases(kiosk_template: Path, central_template: Path) -> Iterator[tuple[Path, Path]]:
    """Copies of the empty, migrated kiosk store and central database, for one example."""
    with tempfile.TemporaryDirectory(prefix="routing-agrees-") as folder:
        kiosk_path, central_path = Path(folder, "kiosk.sqlite3"), Path(folder, "central.sqlite3")
        shutil.copyfile(kiosk_template, kiosk_path)
        shutil.copyfile(central_template, central_path)
        yield kiosk_path, central_path


VILLAGE_OFFICIAL = CadreSpec(UNITS[0], (), True)
PROVINCE_OFFICIAL = CadreSpec(UNITS[3], (UNITS[-1],), False)
HELPER_IN_THE_TOWNSHIP_OFFICE = CadreSpec(UNITS[4], (UNITS[7],), True)
PLAIN = World(
    offices=frozenset(OFFICES),
    cadres=(VILLAGE_OFFICIAL, HELPER_IN_THE_TOWNSHIP_OFFICE),
    assignments=("none", "current"),
    village="522730001001",
    department=DEPARTMENTS[0],
    terminal="522730001",
    village_report=False,
    named_cadres=(0,),
    names_committee=False,
    names_department=False,
)


@settings(max_examples=40)
@given(worlds())
# The township office would hear the village official, but the helper works there.
@example(PLAIN)
# That helper's assignment has ended: no longer the household's own, so the township office.
@example(replace(PLAIN, assignments=("none", "ended")))
# No office at all: refused, as no office may receive it.
@example(replace(PLAIN, offices=frozenset()))
# A province post held earlier: no office above the province, refused.
@example(replace(PLAIN, cadres=(PROVINCE_OFFICIAL,), assignments=("ended",)))
# A payment's county department: the county commission.
@example(replace(PLAIN, named_cadres=(), names_department=True))
# A village report on Xinzhai's committee from a terminal in Duyun: only Qiannan covers both.
@example(
    replace(PLAIN, village_report=True, named_cadres=(), names_committee=True, terminal="522701001")
)
def test_the_kiosk_shows_the_office_the_server_picks(
    kiosk_template: Path, sqlite_template: Path, world: World
) -> None:
    """For every generated world the kiosk's preview and the server's decision name the same
    office for the same reasons, or refuse for the same reason."""
    with _fresh_databases(kiosk_template, sqlite_template) as (kiosk_path, central_path):
        shown, body = _kiosk_answer(kiosk_path, world)
        decided = _server_answer(central_path, world, body)
    event(f"{shown[0]}: {shown[1] if shown[0] == 'office' else shown[2][:40]}")
    assert shown == decided
