"""The values the resident screens show, read from a real store."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import pytest

from kiosk.domain.models import (
    AidVerification,
    Health,
    PovertyCause,
    ProjectStage,
    Relation,
    VerificationKind,
)
from kiosk.domain.poverty import Band, Indicator
from kiosk.services.resident import (
    VerificationRefused,
    bulletins,
    greeting,
    household_file,
    ledger,
    loans,
    record_verification,
    responsible,
    village_projects,
)
from kiosk.services.resident.ledger import VerificationWhy

TODAY = date(2026, 11, 1)
NOW = datetime(2026, 11, 1, tzinfo=UTC)


def test_household_file_shows_members_score_band_causes_and_measures(register: Any) -> None:
    """The file lists members (masked, with ages), the score, its band, and the main cause first."""
    with register.sessions() as s:
        file = household_file(s, register.household_id, today=TODAY)
    assert file.place == "龙里县冠山街道新寨村"
    assert file.score == 65 and file.band is Band.AT_RISK
    assert [(i.indicator, i.score, i.maximum) for i in file.indicators][:2] == [
        (Indicator.HOUSING, 15, 25),
        (Indicator.FOOD, 15, 20),
    ]
    assert sum(i.score for i in file.indicators) == file.score
    assert file.causes == (PovertyCause.ILLNESS, PovertyCause.LACK_OF_CAPITAL)
    assert [m.year for m in file.measures] == [2015, 2016]
    head, spouse = file.members
    assert (head.name, head.relation, head.age) == ("单国华", Relation.HEAD, 65)
    assert spouse.health is Health.SERIOUS and spouse.age == 63
    assert "*" * 10 in head.id_masked


def test_the_greeting_names_the_head_masked_and_the_village(register: Any) -> None:
    """The home screen's greeting: the head's surname with the given name masked, the village."""
    with register.sessions() as s:
        found = greeting(s, register.household_id)
    assert (found.head_masked, found.village) == ("单**", "新寨村")


def test_ledger_groups_by_year_newest_first_with_totals(register: Any) -> None:
    """Payments come grouped by year, newest year first, each year with its total."""
    with register.sessions() as s:
        book = ledger(s, register.household_id)
    assert [y.year for y in book.years] == [2015, 2014]
    assert book.years[0].total_fen == 90_000
    assert book.years[1].lines[0].amount_fen == 800_000
    assert book.years[1].lines[0].recipient == "单国华"
    assert book.total_fen == 890_000 and book.count == 3
    assert all(line.verification is None for y in book.years for line in y.lines)


def test_a_household_without_payments_has_an_empty_ledger(register: Any) -> None:
    """No payments gives an empty ledger, not an error."""
    with register.sessions() as s:
        book = ledger(s, 999_999)
    assert book.years == () and book.total_fen == 0 and book.count == 0


def test_a_dispute_is_stored_and_shown_on_the_ledger(register: Any) -> None:
    """'Received less: 4,000' is stored and the ledger line then shows it."""
    with register.sessions.begin() as s:
        line = ledger(s, register.household_id).years[1].lines[0]
        record_verification(
            s,
            household_id=register.household_id,
            aid_record_id=line.aid_record_id,
            kind=VerificationKind.RECEIVED_LESS,
            received_fen=400_000,
            kiosk_code="DEMO-0001",
        )
    with register.sessions() as s:
        shown = ledger(s, register.household_id).years[1].lines[0]
        assert s.query(AidVerification).count() == 1
    assert shown.verification is VerificationKind.RECEIVED_LESS
    assert shown.received_fen == 400_000


@pytest.mark.parametrize(
    ("kind", "received", "why"),
    [
        (VerificationKind.RECEIVED_LESS, None, VerificationWhy.ENTER_RECEIVED),
        (VerificationKind.RECEIVED_LESS, 0, VerificationWhy.RECEIVED_ZERO),
        (VerificationKind.RECEIVED_LESS, 800_000, VerificationWhy.NOT_LESS),
        (VerificationKind.RECEIVED_LESS, 900_000, VerificationWhy.NOT_LESS),
    ],
)
def test_impossible_answers_are_refused_and_nothing_stored(
    register: Any, kind: VerificationKind, received: int | None, why: VerificationWhy
) -> None:
    """An amount that is not less than recorded, or missing, is refused, saying which."""
    with register.sessions() as s:
        line = ledger(s, register.household_id).years[1].lines[0]
        with pytest.raises(VerificationRefused) as info:
            record_verification(
                s,
                household_id=register.household_id,
                aid_record_id=line.aid_record_id,
                kind=kind,
                received_fen=received,
                kiosk_code="DEMO-0001",
            )
        s.rollback()
        assert s.query(AidVerification).count() == 0
    assert info.value.code is why


def test_another_households_payment_cannot_be_disputed(register: Any) -> None:
    """A payment of another household is 'not found', as if it did not exist."""
    with register.sessions() as s:
        theirs = ledger(s, register.other_household_id).years[0].lines[0]
        with pytest.raises(VerificationRefused, match="NOT_FOUND"):
            record_verification(
                s,
                household_id=register.household_id,
                aid_record_id=theirs.aid_record_id,
                kind=VerificationKind.RECEIVED_NOTHING,
                kiosk_code="DEMO-0001",
            )


def test_responsible_cadre_now_and_before(register: Any) -> None:
    """The current cadre comes with the date they started; earlier ones follow."""
    with register.sessions() as s:
        who = responsible(s, register.household_id)
    assert who.current is not None and who.current.name == "杨正刚"
    assert who.current.since == date(2018, 3, 1) and who.current.until is None
    assert [c.name for c in who.earlier] == ["王建国"]
    with register.sessions() as s:
        assert responsible(s, register.other_household_id).current is None


def test_loans_with_repayments(register: Any) -> None:
    """The goat loan shows its terms and how much has been repaid."""
    with register.sessions() as s:
        (loan,) = loans(s, register.household_id)
    assert (loan.amount_fen, loan.term_months, loan.purpose) == (5_000_000, 36, "养山羊")
    assert loan.repaid_fen == 3_000_000 and len(loan.repayments) == 2


def test_project_timeline_marks_reached_stages(register: Any) -> None:
    """Every stage is on the timeline; those reached carry their date."""
    with register.sessions() as s:
        (project,) = village_projects(s, register.household_id)
    assert [m.stage for m in project.timeline] == list(ProjectStage)
    reached = [m.stage for m in project.timeline if m.reached_on]
    assert reached[-1] is ProjectStage.FUNDED and project.stage is ProjectStage.FUNDED
    assert project.timeline[-1].reached_on is None


def test_bulletins_for_the_terminal_region_only_and_current(register: Any) -> None:
    """A Guanshan terminal sees province-wide and Longli notices, not Wantanhe's, expired or
    future ones, newest first; search narrows them."""
    with register.sessions() as s:
        shown = bulletins(s, region_code="522730001", now=NOW)
        found = bulletins(s, region_code="522730001", now=NOW, search="贴息")
        none = bulletins(s, region_code="522730001", now=NOW, search="100%_")
    assert [b.code for b in shown] == ["B-LL", "B-ALL"]
    assert [b.code for b in found] == ["B-LL"]
    assert none == ()
