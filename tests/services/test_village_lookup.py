"""Finding residents by village and initials: right people, masked data, an indexed plan."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import Table, inspect
from sqlalchemy.dialects import sqlite as sqlite_dialect
from sqlalchemy.orm import Session, sessionmaker

from kiosk.config import DEMO_ID_HASH_KEY
from kiosk.domain.idnumber import id_lookup_hash, make_id_number, parse_id_number
from kiosk.domain.models import (
    Health,
    Household,
    LabourCapacity,
    Member,
    PovertyStatus,
    Region,
    RegionLevel,
    Relation,
    Sex,
)
from kiosk.services.demo import generate_demo_data
from kiosk.services.importer import import_files
from kiosk.services.store import Store, alembic_config, open_store
from kiosk.services.village_lookup import (
    _MEMBERS_BY_VILLAGE_AND_INITIALS,
    VillageMatch,
    find_by_village_and_initials,
    mask_name,
)

KEY = b"village lookup test key, at least 32 bytes"
VILLAGE = "522730001201"
OTHER_VILLAGE = "522730001202"
#: (village, file number, [(name, initials, relation)]) in the order they are stored.
HOUSEHOLDS = [
    (VILLAGE, "F1", [("杨正刚", "YZG", Relation.HEAD), ("杨志国", "YZG", Relation.SON)]),
    (VILLAGE, "F2", [("李明", "LM", Relation.HEAD), ("余正光", "YZG", Relation.SPOUSE)]),
    (OTHER_VILLAGE, "F3", [("杨振刚", "YZG", Relation.HEAD)]),
]


def _member(household_id: int, position: int, person: tuple[str, str, Relation]) -> Member:
    name, initials, relation = person
    number = parse_id_number(make_id_number("522730", date(1960 + position, 3, 1), household_id))
    return Member(
        household_id=household_id,
        position=position,
        name=name,
        name_initials=initials,
        relation=relation,
        sex=Sex.MALE,
        birth_date=number.birth_date,
        id_hash=id_lookup_hash(number, KEY),
        id_masked=number.masked,
        labour_capacity=LabourCapacity.ORDINARY,
        health=Health.HEALTHY,
    )


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    store = open_store(tmp_path / "k.sqlite3")
    with store.sessionmaker.begin() as s:
        s.add_all([
            Region(code="522730", name="龙里县", level=RegionLevel.COUNTY),
            Region(code="522730001", name="冠山街道", level=RegionLevel.TOWNSHIP,
                   parent_code="522730"),
            Region(code=VILLAGE, name="新寨村", level=RegionLevel.VILLAGE,
                   parent_code="522730001"),
            Region(code=OTHER_VILLAGE, name="大寨村", level=RegionLevel.VILLAGE,
                   parent_code="522730001"),
        ])  # fmt: skip
        for village, file_number, people in HOUSEHOLDS:
            household = Household(
                file_number=file_number, village_code=village, address="x",
                status=PovertyStatus.POOR, registered_on=date(2014, 1, 1), poverty_score=0,
                score_housing=0, score_food=0, score_labour=0, score_schooling=0,
                score_health=0,
            )  # fmt: skip
            s.add(household)
            s.flush()
            # Stored in reverse so that the id order differs from the position order.
            for position, person in reversed(list(enumerate(people))):
                s.add(_member(household.id, position, person))
                s.flush()
    yield store
    store.close()


@pytest.fixture
def sessions(store: Store) -> sessionmaker[Session]:
    return store.sessionmaker


def test_finds_every_member_of_the_village_with_those_initials(
    sessions: sessionmaker[Session],
) -> None:
    """All matching members of the village, by household then position, none from elsewhere."""
    found = find_by_village_and_initials(sessions, village_code=VILLAGE, initials="YZG")
    assert [m.name_masked for m in found] == ["杨*刚", "杨*国", "余*光"]
    assert [m.relation for m in found] == [Relation.HEAD, Relation.SON, Relation.SPOUSE]
    assert found[0].household_id == found[1].household_id != found[2].household_id


def test_initials_are_read_as_typed_on_the_keypad(sessions: sessionmaker[Session]) -> None:
    """Lower case, spaces and full-width letters find the same people as "YZG"."""
    typed = find_by_village_and_initials(sessions, village_code=VILLAGE, initials=" y z Ｇ ")
    assert typed == find_by_village_and_initials(sessions, village_code=VILLAGE, initials="YZG")
    assert len(typed) == 3


def test_a_match_holds_only_masked_data(sessions: sessionmaker[Session]) -> None:
    """A match has a masked name and ID number, a birth year: nothing that identifies alone."""
    match = find_by_village_and_initials(sessions, village_code=OTHER_VILLAGE, initials="YZG")[0]
    assert isinstance(match, VillageMatch)
    assert match.name_masked == "杨*刚" and "振" not in repr(match)
    assert match.id_masked.count("*") == 10 and match.birth_year == 1960
    assert set(vars(match)) == {
        "member_id", "household_id", "name_masked", "id_masked", "birth_year", "relation",
    }  # fmt: skip


def test_initials_nobody_can_have_match_nobody(sessions: sessionmaker[Session]) -> None:
    """Empty, non-letter or over-long initials give an empty list rather than an error."""
    for initials in ("", "  ", "Y2G", "杨", "Y" * 17, "NOBODY"):
        assert find_by_village_and_initials(sessions, village_code=VILLAGE, initials=initials) == []


def test_a_village_code_must_have_12_digits(sessions: sessionmaker[Session]) -> None:
    """A township code or other text is a caller's mistake and is refused."""
    with pytest.raises(ValueError, match="12 digits"):
        find_by_village_and_initials(sessions, village_code="522730001", initials="YZG")


def test_the_list_is_cut_at_the_limit(sessions: sessionmaker[Session]) -> None:
    """No more than ``limit`` matches come back, the first households first."""
    found = find_by_village_and_initials(sessions, village_code=VILLAGE, initials="YZG", limit=2)
    assert [m.name_masked for m in found] == ["杨*刚", "杨*国"]


@pytest.mark.parametrize(
    ("name", "masked"),
    [("杨正刚", "杨*刚"), ("李明", "李*"), ("欧阳修文", "欧**文"), ("王", "*"), ("", "*")],
)
def test_mask_name(name: str, masked: str) -> None:
    """Names keep their first and (from three characters) last character only."""
    assert mask_name(name) == masked


def _plan(path: Path) -> list[str]:
    sql = str(_MEMBERS_BY_VILLAGE_AND_INITIALS.compile(dialect=sqlite_dialect.dialect()))
    with sqlite3.connect(path) as connection:
        rows = connection.execute(f"EXPLAIN QUERY PLAN {sql}", (VILLAGE, "YZG", 20, 0))
        return [str(row[-1]) for row in rows]


@pytest.mark.parametrize("statistics", ["full", "sampled", "none"])
def test_the_plan_starts_from_the_village_whatever_the_statistics(
    store: Store, statistics: str
) -> None:
    """With full, sampled or no planner statistics, the village's households come first and
    members are probed by household and initials, never by initials alone."""
    assert store.path is not None
    with sqlite3.connect(store.path) as connection:
        if statistics == "sampled":
            connection.execute("PRAGMA analysis_limit = 10")
            connection.execute("ANALYZE")
        elif statistics == "none":
            connection.execute("DROP TABLE sqlite_stat1")
        else:
            connection.execute("ANALYZE")
    plan = " | ".join(_plan(store.path))
    assert "ix_households_village_code (village_code=?)" in plan
    assert "ix_members_household_initials (household_id=? AND name_initials=?)" in plan
    assert "ix_members_initials" not in plan and "TEMP B-TREE" not in plan


def test_the_migration_adds_the_index_and_statistics_and_can_be_undone(store: Store) -> None:
    """Migration 0002 creates the model's index and ANALYZE statistics; downgrading drops it."""
    index_names = {i["name"] for i in inspect(store.engine).get_indexes("members")}
    assert "ix_members_household_initials" in index_names
    members = Member.__table__
    assert isinstance(members, Table)
    declared = {i.name for i in members.indexes}
    assert declared <= index_names
    with store.engine.connect() as conn:
        tables = conn.exec_driver_sql("SELECT name FROM sqlite_master").scalars().all()
    assert "sqlite_stat1" in tables
    with store.engine.begin() as conn:
        config = alembic_config(store.engine.url.render_as_string(hide_password=False))
        config.attributes["connection"] = conn
        command.downgrade(config, "0001")
    index_names = {i["name"] for i in inspect(store.engine).get_indexes("members")}
    assert "ix_members_household_initials" not in index_names


def test_demo_data_leaves_statistics_for_the_planner(tmp_path: Path) -> None:
    """After the demo generator's load, sqlite_stat1 counts the members it wrote."""
    store = open_store(tmp_path / "demo.sqlite3")
    try:
        summary = generate_demo_data(
            store.engine,
            id_hash_key=DEMO_ID_HASH_KEY,
            terminal_code="DEMO-0001",
            terminal_region_code="522730001",
            households=12,
        )
        with store.engine.connect() as conn:
            stat = conn.exec_driver_sql(
                "SELECT stat FROM sqlite_stat1 WHERE idx = 'ix_members_household_initials'"
            ).scalar_one()
    finally:
        store.close()
    assert int(stat.split()[0]) == summary.members


def _csv(path: Path, header: list[str], rows: list[list[str]]) -> Path:
    lines = [",".join(header), *(",".join(row) for row in rows)]
    path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
    return path


def test_an_import_leaves_statistics_and_its_residents_can_be_found(tmp_path: Path) -> None:
    """After an import is written, sqlite_stat1 counts its members and the lookup finds them."""
    regions = _csv(tmp_path / "regions.csv", ["code", "name", "level", "parent_code"], [
        ["520000", "贵州省", "province", ""],
        ["522700", "黔南布依族苗族自治州", "prefecture", "520000"],
        ["522730", "龙里县", "county", "522700"],
        ["522730001", "冠山街道", "township", "522730"],
        [VILLAGE, "新寨村", "village", "522730001"],
    ])  # fmt: skip
    households = _csv(tmp_path / "households.csv", [
        "file_number", "village_code", "address", "status", "registered_on", "lifted_on",
        "score_housing", "score_food", "score_labour", "score_schooling", "score_health",
        "causes",
    ], [["H1", VILLAGE, "新寨村一组1号", "poor", "2014-07-03", "", "10", "12", "8", "10", "6",
         "illness"]])  # fmt: skip
    people = [("杨正刚", "head", date(1962, 5, 8), 131), ("杨志国", "son", date(1988, 2, 1), 11)]
    members = _csv(tmp_path / "members.csv", [
        "file_number", "position", "name", "relation", "sex", "birth_date", "id_number",
        "labour_capacity", "health",
    ], [
        ["H1", "", name, relation, "male", born.isoformat(),
         make_id_number("522730", born, sequence), "ordinary", "healthy"]
        for name, relation, born, sequence in people
    ])  # fmt: skip
    store = open_store(tmp_path / "imported.sqlite3")
    try:
        report = import_files(
            store.sessionmaker, [regions, households, members], id_hash_key=KEY,
            today=date(2024, 6, 1),
        )  # fmt: skip
        assert report.written, report.problem_lines()
        with store.engine.connect() as conn:
            stat = conn.exec_driver_sql(
                "SELECT stat FROM sqlite_stat1 WHERE idx = 'ix_members_household_initials'"
            ).scalar_one()
        found = find_by_village_and_initials(
            store.sessionmaker, village_code=VILLAGE, initials="yzg"
        )
    finally:
        store.close()
    assert stat.split()[0] == "2"
    assert [m.name_masked for m in found] == ["杨*刚", "杨*国"]
