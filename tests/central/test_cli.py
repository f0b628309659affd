"""``kiosk-central`` commands, run through ``central.cli.main`` as a clerk would."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import func, select

from central.cli import main
from central.db import Database
from central.exitcodes import ExitCode
from central.models import Inspector
from central.passwords import verify_password
from kiosk.domain.models import AidRecord, Cadre, DisciplineOffice, Household, Kiosk, Member
from kiosk.domain.request_signing import public_key_hex
from kiosk.services.store import open_store
from tests.central.seed_data import World, seed_world

PASSWORD = "guanshan-2026-secret"


def _key() -> str:
    return public_key_hex(Ed25519PrivateKey.generate())


def _kiosk(database: Database, code: str) -> Kiosk | None:
    with database.session() as session:
        return session.scalars(select(Kiosk).where(Kiosk.code == code)).one_or_none()


def test_register_kiosk_then_refuse_an_active_code(
    central_db: Database, world: World, capsys: pytest.CaptureFixture[str]
) -> None:
    """A new code registers; the same code again needs --replace, which swaps the key."""
    first, second = _key(), _key()
    argv = [
        "register-kiosk",
        "LL-0001",
        "--public-key",
        first,
        "--region",
        world.township,
        "--name",
        "冠山街道1号机",
        "--db",
        central_db.url,
    ]
    assert main(argv) == ExitCode.OK
    kiosk = _kiosk(central_db, "LL-0001")
    assert kiosk is not None and kiosk.public_key == first and kiosk.name == "冠山街道1号机"
    argv[3] = second
    assert main(argv) == ExitCode.CONFLICT
    assert "--replace" in capsys.readouterr().err
    assert main([*argv, "--replace"]) == ExitCode.OK
    kiosk = _kiosk(central_db, "LL-0001")
    assert kiosk is not None and kiosk.public_key == second


@pytest.mark.parametrize("bad", ["xyz", "00" * 31, "g" * 64])
def test_register_kiosk_refuses_bad_keys(central_db: Database, world: World, bad: str) -> None:
    """Anything but 64 hex digits of an Ed25519 key is refused and nothing is stored."""
    argv = [
        "register-kiosk",
        "LL-0002",
        "--public-key",
        bad,
        "--region",
        world.township,
        "--db",
        central_db.url,
    ]
    assert main(argv) == ExitCode.INVALID_INPUT
    assert _kiosk(central_db, "LL-0002") is None


def test_register_kiosk_refuses_an_unknown_region(central_db: Database, world: World) -> None:
    """A region that was never seeded is refused."""
    argv = [
        "register-kiosk",
        "LL-0003",
        "--public-key",
        _key(),
        "--region",
        "522730999",
        "--db",
        central_db.url,
    ]
    assert main(argv) == ExitCode.INVALID_INPUT


def test_revoke_then_reregister(
    central_db: Database, world: World, capsys: pytest.CaptureFixture[str]
) -> None:
    """Revoking marks the terminal; a revoked code may be registered again without --replace."""
    register = [
        "register-kiosk",
        "LL-0004",
        "--public-key",
        _key(),
        "--region",
        world.township,
        "--db",
        central_db.url,
    ]
    assert main(register) == ExitCode.OK
    assert main(["revoke-kiosk", "LL-0004", "--db", central_db.url]) == ExitCode.OK
    kiosk = _kiosk(central_db, "LL-0004")
    assert kiosk is not None and kiosk.revoked_at is not None
    assert main(["list-kiosks", "--db", central_db.url]) == ExitCode.OK
    assert "LL-0004\t522730001\trevoked" in capsys.readouterr().out
    assert main(["revoke-kiosk", "NOPE", "--db", central_db.url]) == ExitCode.NOT_FOUND
    assert main(register) == ExitCode.OK
    kiosk = _kiosk(central_db, "LL-0004")
    assert kiosk is not None and kiosk.revoked_at is None


def test_add_inspector_reads_the_password_from_stdin(
    central_db: Database, world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    """--password-stdin stores an argon2 hash of the line read, never the password."""
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    argv = [
        "add-inspector",
        "zhang.wei",
        "--office",
        world.county_office,
        "--name",
        "张伟",
        "--cadre-code",
        world.township_cadre,
        "--password-stdin",
        "--db",
        central_db.url,
    ]
    assert main(argv) == ExitCode.OK
    with central_db.session() as session:
        inspector = session.scalars(select(Inspector)).one()
        office = session.get(DisciplineOffice, inspector.office_id)
        assert office is not None and office.code == world.county_office
        assert inspector.display_name == "张伟" and inspector.cadre_code == world.township_cadre
        assert PASSWORD not in inspector.password_hash
        assert verify_password(inspector.password_hash, PASSWORD)
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    assert main(argv) == ExitCode.CONFLICT


def test_add_inspector_refuses_differing_passwords(
    central_db: Database, world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Asked twice on the terminal, two different answers store nothing."""
    answers = iter([PASSWORD, PASSWORD + "x"])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))
    argv = ["add-inspector", "li.na", "--office", world.county_office, "--db", central_db.url]
    assert main(argv) == ExitCode.INVALID_INPUT
    with central_db.session() as session:
        assert session.scalar(select(func.count()).select_from(Inspector)) == 0


def test_add_inspector_refuses_an_unknown_office(
    central_db: Database, world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An office code that does not exist is refused."""
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    argv = [
        "add-inspector",
        "wang.fang",
        "--office",
        "JW-NOPE",
        "--password-stdin",
        "--db",
        central_db.url,
    ]
    assert main(argv) == ExitCode.INVALID_INPUT


def test_seed_copies_a_kiosk_store_and_is_idempotent(central_db: Database, tmp_path: Path) -> None:
    """Seeding twice from a store gives the same rows once, foreign keys translated."""
    store = open_store(tmp_path / "kiosk.sqlite3")
    with store.sessionmaker() as session:
        world = seed_world(session)
    store.close()
    argv = ["seed", "--from-store", str(tmp_path / "kiosk.sqlite3"), "--db", central_db.url]
    assert main(argv) == ExitCode.OK
    assert main(argv) == ExitCode.OK
    with central_db.session() as session:
        for model, expected in (
            (Household, 1),
            (Member, 1),
            (Cadre, 2),
            (DisciplineOffice, 3),
            (AidRecord, 1),
        ):
            assert session.scalar(select(func.count()).select_from(model)) == expected, model
        record = session.scalars(select(AidRecord)).one()
        assert record.household.file_number == world.file_number
        assert record.amount_fen == world.aid_fen


def test_seed_refuses_a_missing_store(central_db: Database, tmp_path: Path) -> None:
    """A path that is not a store: input refused."""
    argv = ["seed", "--from-store", str(tmp_path / "none.sqlite3"), "--db", central_db.url]
    assert main(argv) == ExitCode.INVALID_INPUT


def test_migrating_prints_no_alembic_chatter(tmp_path: Path, clean_environ: dict[str, str]) -> None:
    """`kiosk-central migrate` at the default log level shows none of Alembic's INFO lines."""
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-m", "central", "migrate", "--db", f"sqlite:///{tmp_path / 'c.db'}"],
        env=clean_environ,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "alembic" not in result.stderr.lower()
    assert (tmp_path / "c.db").exists()


def _sign_in(database: Database, client: str, password: str) -> bool:
    from central.inbox.auth import Authenticator, LoginPolicy

    with database.session() as session, session.begin():
        found = Authenticator(LoginPolicy()).authenticate(
            session, "zhang.wei", password, client=client
        )
        return found is not None


def test_unlock_inspector_lifts_every_clients_lock(
    central_db: Database, world: World, capsys: pytest.CaptureFixture[str]
) -> None:
    """Two addresses locked out of one account sign in again after unlock-inspector."""
    from tests.central.inbox.inbox_world import add_inspector

    with central_db.session() as session:
        add_inspector(session, "zhang.wei", "张伟", world.county_office, password=PASSWORD)
        session.commit()
    for client in ("10.0.0.7", "10.0.0.8"):
        for _ in range(5):
            assert not _sign_in(central_db, client, "wrong guess")
        assert not _sign_in(central_db, client, PASSWORD)
    assert main(["unlock-inspector", "zhang.wei", "--db", central_db.url]) == ExitCode.OK
    out = capsys.readouterr().out
    assert "已解锁" in out and "from 2 addresses" in out
    assert _sign_in(central_db, "10.0.0.7", PASSWORD)
    assert _sign_in(central_db, "10.0.0.8", PASSWORD)


def test_unlock_inspector_names_an_unknown_user(
    central_db: Database, world: World, capsys: pytest.CaptureFixture[str]
) -> None:
    """An unknown username: NOT_FOUND, said in both languages."""
    assert main(["unlock-inspector", "nobody", "--db", central_db.url]) == ExitCode.NOT_FOUND
    err = capsys.readouterr().err
    assert "没有调查人员 nobody" in err and "No inspector nobody" in err
