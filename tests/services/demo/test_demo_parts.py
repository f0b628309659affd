"""The generator's parts on their own: ID numbers, families, scores, region plan."""

from __future__ import annotations

import random
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.domain.idnumber import parse_id_number
from kiosk.domain.models import Relation, Sex
from kiosk.domain.poverty import INDICATOR_MAX, Indicator
from kiosk.services.demo import DemoDataError, generate_demo_data, store_is_empty
from kiosk.services.demo.people import IdAllocator, NameMaker, compose_household
from kiosk.services.demo.profile import split_score
from kiosk.services.demo.regions import FIRST_TOWNSHIPS, plan_regions
from kiosk.services.store import open_store


def test_id_allocator_gives_unique_valid_numbers_of_the_right_sex() -> None:
    """1,000 people born the same day in one county get distinct, valid, sex-true IDs."""
    allocator = IdAllocator()
    born = date(1980, 2, 29)
    numbers = [allocator.allocate("522730", born, Sex(s)) for s in ["male", "female"] * 500]
    assert len(set(numbers)) == 1000
    for index, raw in enumerate(numbers):
        number = parse_id_number(raw.reveal())
        assert number.birth_date == born and number.region_code == "522730"
        assert number.sex == ("male" if index % 2 == 0 else "female")
    with pytest.raises(ValueError, match="500"):
        allocator.allocate("522730", born, Sex.MALE)


def test_id_allocator_never_hands_out_a_reserved_number() -> None:
    """A scenario's documented number is skipped by later allocations."""
    allocator = IdAllocator()
    first = allocator.allocate("520602", date(1970, 11, 3), Sex.MALE)
    again = IdAllocator()
    again.reserve(first.reveal())
    assert again.allocate("520602", date(1970, 11, 3), Sex.MALE) != first


def test_families_are_plausible_for_many_seeds() -> None:
    """Over 2,000 generated households: 1-8 members, one head first, sane age gaps."""
    rng = random.Random(1)
    names = NameMaker(rng)
    sizes = set()
    for _ in range(2000):
        people = compose_household(rng, names, "522730")
        sizes.add(len(people))
        head = people[0]
        assert head.relation is Relation.HEAD
        assert [p.relation for p in people].count(Relation.HEAD) == 1
        assert len({p.name for p in people}) == len(people)
        for person in people[1:]:
            if person.relation is Relation.SPOUSE:
                assert person.sex is not head.sex
            if person.relation in (Relation.SON, Relation.DAUGHTER):
                assert head.age - person.age >= 18
                assert (person.relation is Relation.SON) == (person.sex is Sex.MALE)
    assert sizes == set(range(1, 9))


@given(
    score=st.integers(0, 100),
    needs=st.dictionaries(st.sampled_from(list(Indicator)), st.floats(0.5, 4.0)),
    seed=st.integers(0, 2**32),
)
def test_split_score_sums_to_the_score_within_each_maximum(
    score: int, needs: dict[Indicator, float], seed: int
) -> None:
    """Indicator scores always add up to the index and stay within 0..maximum."""
    parts = split_score(random.Random(seed), score, needs)
    assert sum(parts.values()) == score
    assert all(0 <= parts[i] <= most for i, most in INDICATOR_MAX.items())


def test_region_plan_puts_the_story_townships_first() -> None:
    """Even the smallest plan has villages in Guanshan, Wantanhe and Bahuang."""
    plan = plan_regions(random.Random(3), 3)
    assert [v.township.code for v in plan.villages[:3]] == list(FIRST_TOWNSHIPS)
    assert [v.code[9:] for v in plan.villages[:3]] == ["001", "201", "201"]
    codes = [v.code for v in plan.villages]
    assert len(codes) == len(set(codes))


def test_service_refuses_fewer_households_than_scenarios(tmp_path: Path) -> None:
    """generate_demo_data needs room for the three named households."""
    store = open_store(tmp_path / "kiosk.sqlite3")
    try:
        with pytest.raises(DemoDataError, match="at least 3"):
            generate_demo_data(
                store.engine,
                id_hash_key=b"k" * 32,
                terminal_code="T",
                terminal_region_code="522730001",
                households=2,
            )
    finally:
        store.close()


def test_a_failure_half_way_leaves_an_empty_store_that_checks_again(tmp_path: Path) -> None:
    """All or nothing: an error mid-load rolls back, and CHECK constraints are back on."""
    store = open_store(tmp_path / "kiosk.sqlite3")
    try:
        with pytest.raises(ValueError, match="key"):
            generate_demo_data(
                store.engine,
                id_hash_key=b"",  # refused by id_lookup_hash at the first member
                terminal_code="T",
                terminal_region_code="522730001",
                households=10,
            )
        with store.engine.connect() as conn:
            assert store_is_empty(conn)
            assert conn.exec_driver_sql("PRAGMA ignore_check_constraints").scalar() == 0
    finally:
        store.close()
