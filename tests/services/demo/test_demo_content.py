"""What the generated data looks like: plausible people, coherent files, every stage."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from datetime import date

from sqlalchemy import select, text

from kiosk.domain.models import (
    AidRecord,
    Assignment,
    Bulletin,
    Cadre,
    CadrePost,
    Channel,
    DisciplineOffice,
    HelpMeasure,
    Household,
    HouseholdCause,
    Kiosk,
    LabourCapacity,
    Loan,
    MeasureKind,
    Member,
    PovertyStatus,
    Programme,
    Project,
    ProjectStage,
    ProjectStageEvent,
    Region,
    RegionLevel,
    Relation,
    Sex,
    code_problem,
)
from kiosk.domain.names import name_initials
from kiosk.domain.poverty import Band, band_for
from kiosk.services.demo import REFERENCE_DATE
from kiosk.services.demo.profile import CAUSE_MEASURES
from kiosk.services.demo.regions import NEIGHBOURS
from kiosk.services.demo.scenarios import UNISSUED_COUNTY_CODE
from kiosk.services.store import Store


def _age(birth: date) -> int:
    on = REFERENCE_DATE
    return on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))


def test_store_passes_sqlite_integrity_and_foreign_key_checks(demo_store: Store) -> None:
    """Every CHECK, NOT NULL, UNIQUE and foreign key holds (checks are skipped during load)."""
    with demo_store.engine.connect() as conn:
        assert conn.execute(text("PRAGMA integrity_check")).scalars().all() == ["ok"]
        assert conn.execute(text("PRAGMA foreign_key_check")).all() == []


def test_regions_are_real_down_to_township_and_villages_follow_the_code_rules(
    demo_store: Store,
) -> None:
    """The story's places exist; villages end in 村 (2xx) and communities in 社区 (0xx)."""
    with demo_store.sessionmaker() as session:
        regions = {r.code: r for r in session.scalars(select(Region))}
    expected = {
        "520000": "贵州省",
        "522700": "黔南布依族苗族自治州",
        "522730": "龙里县",
        "522730001": "冠山街道",
        "522730104": "湾滩河镇",
        "520600": "铜仁市",
        "520602": "碧江区",
        "520602101": "坝黄镇",
    }
    assert {code: regions[code].name for code in expected} == expected
    for region in regions.values():
        assert code_problem(region.code, region.level, region.parent_code) is None
        if region.level is RegionLevel.VILLAGE:
            kind = region.code[9]
            assert (kind, region.name[-2:] if kind == "0" else region.name[-1]) in {
                ("0", "社区"),
                ("2", "村"),
            }


def test_poverty_scores_cover_all_three_bands_and_every_status(demo_store: Store) -> None:
    """Scores below 60, 60-79 and 80+ all occur, as do poor, lifted and monitored."""
    with demo_store.sessionmaker() as session:
        households = session.scalars(select(Household)).all()
    assert {band_for(h.poverty_score) for h in households} == set(Band)
    assert {h.status for h in households} == set(PovertyStatus)
    for h in households:
        parts = (h.score_housing, h.score_food, h.score_labour, h.score_schooling, h.score_health)
        assert sum(parts) == h.poverty_score
        assert (h.lifted_on is None) == (h.status is PovertyStatus.POOR)


def test_causes_have_one_main_and_measures_answer_them(demo_store: Store) -> None:
    """One main cause plus up to two others; every measure answers a cause or a policy."""
    with demo_store.sessionmaker() as session:
        causes = defaultdict(list)
        for c in session.scalars(select(HouseholdCause)):
            causes[c.household_id].append(c)
        measures = defaultdict(set)
        for m in session.scalars(select(HelpMeasure)):
            measures[m.household_id].add(m.kind)
        household_ids = session.scalars(select(Household.id)).all()
    universal = {MeasureKind.EDUCATION, MeasureKind.HEALTH}
    for household_id in household_ids:
        rows = causes[household_id]
        assert 1 <= len(rows) <= 3
        assert sum(c.is_main for c in rows) == 1
        answers = {kind for c in rows for kind in CAUSE_MEASURES[c.cause]} | universal
        assert measures[household_id] <= answers


def test_payments_follow_measures_and_look_like_real_ones(demo_store: Store) -> None:
    """Allowances, renovation, industry money and loans appear only with their measure."""
    with demo_store.sessionmaker() as session:
        aid = session.scalars(select(AidRecord)).all()
        births = {m: born for m, born in session.execute(select(Member.id, Member.birth_date))}
        measures = defaultdict(set)
        for m in session.scalars(select(HelpMeasure)):
            measures[m.household_id].add(m.kind)
        loans = session.scalars(select(Loan)).all()
    needs = {
        Programme.SUBSISTENCE_ALLOWANCE: MeasureKind.SOCIAL_SECURITY,
        Programme.HOUSING_RENOVATION: MeasureKind.HOUSING,
        Programme.INDUSTRY_SUPPORT: MeasureKind.INDUSTRY,
        Programme.SKILLS_TRAINING: MeasureKind.SKILLS_TRAINING,
        Programme.RELOCATION: MeasureKind.RELOCATION,
        Programme.LOAN_INTEREST_SUBSIDY: MeasureKind.MICROCREDIT,
    }
    for record in aid:
        if record.programme in needs:
            assert needs[record.programme] in measures[record.household_id], record.reference
        assert date(2014, 1, 1) <= record.paid_on <= REFERENCE_DATE
        if record.member_id is not None:
            assert record.paid_on >= births[record.member_id], record.reference
        assert record.amount_fen > 0
        assert record.department_region_code is not None
        assert re.fullmatch(r".+(局|所|会|办公室)", record.department), record.department
    for loan in loans:
        assert MeasureKind.MICROCREDIT in measures[loan.household_id]
        assert 300 <= loan.rate_bp <= 500 and loan.term_months in (12, 24, 36)
    channels = Counter(r.channel for r in aid)
    assert channels[Channel.ONE_CARD] > 0.8 * len(aid)
    assert {r.programme for r in aid} >= {
        Programme.DISASTER_RELIEF,
        Programme.SUBSISTENCE_ALLOWANCE,
        Programme.EDUCATION_GRANT,
        Programme.MEDICAL_AID,
        Programme.INDUSTRY_SUPPORT,
    }
    housing = [r.amount_fen for r in aid if r.programme is Programme.HOUSING_RENOVATION]
    assert all(100_000 <= amount <= 3_500_000 for amount in housing)


def test_members_have_plausible_ages_relations_labour_and_masked_ids(demo_store: Store) -> None:
    """Head first, spouse of the other sex, children younger by 15+ years, IDs masked."""
    with demo_store.sessionmaker() as session:
        members = session.scalars(select(Member).order_by(Member.household_id, Member.position))
        by_household = defaultdict(list)
        for member in members:
            by_household[member.household_id].append(member)
        villages = dict(session.execute(select(Household.id, Household.village_code)).all())
    hashes = [m.id_hash for ms in by_household.values() for m in ms]
    assert len(set(hashes)) == len(hashes)
    for household_id, ms in by_household.items():
        head = ms[0]
        assert head.relation is Relation.HEAD and head.position == 0
        assert [m.relation for m in ms].count(Relation.HEAD) == 1
        assert 1 <= len(ms) <= 8 and 25 <= _age(head.birth_date) <= 85
        county = villages[household_id][:6]
        for m in ms:
            age = _age(m.birth_date)
            assert 0 <= age <= 100
            assert re.fullmatch(r"\d{4}\*{10}\d{3}[\dX]", m.id_masked)
            born_in = {county[:4], *(n[:4] for n in NEIGHBOURS[county])}
            # The published story heads carry the never-issued county code instead.
            assert m.id_masked[:4] in born_in | {UNISSUED_COUNTY_CODE[:4]}
            # The 17th digit, still visible in the mask, is odd for men.
            assert (int(m.id_masked[16]) % 2 == 1) == (m.sex is Sex.MALE)
            assert re.fullmatch(r"[0-9a-f]{64}", m.id_hash)
            if age < 16:
                assert m.labour_capacity is LabourCapacity.NONE
            if m.relation is Relation.SPOUSE:
                assert m.sex is not head.sex
            if m.relation in (Relation.SON, Relation.DAUGHTER):
                assert _age(head.birth_date) - age >= 15
            if m.relation in (Relation.GRANDSON, Relation.GRANDDAUGHTER):
                assert _age(head.birth_date) - age >= 30
            if m.relation in (Relation.FATHER, Relation.MOTHER):
                assert age - _age(head.birth_date) >= 15


def test_name_initials_are_those_of_the_domain_rule(demo_store: Store) -> None:
    """Stored initials equal name_initials(name), so 曾 reads Z and 单 reads S."""
    with demo_store.sessionmaker() as session:
        names: list[tuple[str, str]] = [
            (name, initials)
            for model in (Member, Cadre)
            for name, initials in session.execute(
                select(model.name, model.name_initials).distinct()
            )
        ]
    for name, initials in names:
        assert initials == name_initials(name), name
    assert any(name.startswith("曾") for name, _ in names)


def test_projects_reach_every_stage_along_a_dated_timeline(demo_store: Store) -> None:
    """Each stage occurs; a project's events are its stages so far, in date order."""
    with demo_store.sessionmaker() as session:
        projects = session.scalars(select(Project)).all()
        events = defaultdict(list)
        for event in session.scalars(select(ProjectStageEvent)):
            events[event.project_id].append(event)
    assert {p.stage for p in projects} == set(ProjectStage)
    for project in projects:
        timeline = sorted(events[project.id], key=lambda e: e.stage.order)
        assert [e.stage for e in timeline] == list(ProjectStage)[: project.stage.order + 1]
        days = [e.on for e in timeline]
        assert days == sorted(days) and len(set(days)) == len(days)
        assert days[-1] <= REFERENCE_DATE
        assert project.budget_fen > 0


def test_every_household_has_one_current_cadre_and_some_changed(demo_store: Store) -> None:
    """One open assignment each; ended ones belong to cadres who moved to another post."""
    with demo_store.sessionmaker() as session:
        assignments = session.scalars(select(Assignment)).all()
        posts = defaultdict(list)
        for post in session.scalars(select(CadrePost)):
            posts[post.cadre_id].append(post)
        household_count = len(session.scalars(select(Household.id)).all())
        phones = session.scalars(select(Cadre.phone)).all()
    current = Counter(a.household_id for a in assignments if a.end_date is None)
    assert len(current) == household_count and set(current.values()) == {1}
    ended = [a for a in assignments if a.end_date is not None]
    assert ended
    for assignment in ended:
        history = sorted(posts[assignment.cadre_id], key=lambda p: p.start_date)
        assert len(history) == 2
        assert history[0].end_date == assignment.end_date
        assert history[1].end_date is None and history[1].level is RegionLevel.COUNTY
    for cadre_posts in posts.values():
        assert sum(p.end_date is None for p in cadre_posts) == 1
    assert all(re.fullmatch(r"1[3-9]\d{9}", phone) for phone in phones)


def test_offices_bulletins_and_the_terminal_are_in_place(demo_store: Store) -> None:
    """Discipline offices at every level, 5-10 notices, and the configured terminal."""
    with demo_store.sessionmaker() as session:
        offices = session.scalars(select(DisciplineOffice)).all()
        bulletins = session.scalars(select(Bulletin)).all()
        kiosks = session.scalars(select(Kiosk)).all()
        townships = session.scalars(
            select(Region.code).where(Region.level == RegionLevel.TOWNSHIP)
        ).all()
    by_region = {o.region_code: o for o in offices}
    assert by_region["522730"].name == "龙里县纪委监委"
    assert by_region["522700"].name == "黔南州纪委监委"
    assert by_region["522730001"].name == "冠山街道纪工委"
    assert by_region["522730104"].name == "湾滩河镇纪委"
    assert set(townships) <= set(by_region)
    assert {o.level for o in offices} == {
        RegionLevel.PROVINCE,
        RegionLevel.PREFECTURE,
        RegionLevel.COUNTY,
        RegionLevel.TOWNSHIP,
    }
    assert 5 <= len(bulletins) <= 10
    assert [(k.code, k.region_code) for k in kiosks] == [("DEMO-0001", "522730001")]
