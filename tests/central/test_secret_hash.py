"""Complaint secrets: argon2id on the kiosk, keyed with the server's pepper; old hashes keep
working."""

from __future__ import annotations

import hmac
from pathlib import Path

import pytest
from argon2.low_level import Type, hash_secret_raw
from sqlalchemy import select, update

from central import passwords
from central.config import DEMO_SECRET_PEPPER, Settings, SettingsError, load_settings
from central.db import Database
from kiosk.domain.models import Complaint
from kiosk.domain.secret_digest import digest_well_formed, secret_digest
from tests.central.conftest import SignedClient, complaint_body, new_key, secret_of
from tests.central.seed_data import World

STATUS = "/api/v1/complaints/status"
PEPPER = b"test pepper of the central server, 48 bytes long!"


@pytest.fixture
def central_settings(central_db: Database, tmp_path: Path) -> Settings:
    """The server's settings with a pepper file of its own (not the demo pepper)."""
    pepper_file = tmp_path / "secret-pepper.key"
    pepper_file.write_bytes(PEPPER + b"\n")
    return Settings(database_url=central_db.url, secret_pepper_file=pepper_file)


def _file(api: SignedClient, world: World) -> dict[str, str]:
    body = complaint_body(world)
    assert api.post("/api/v1/complaints", body, idempotency_key=new_key()).status_code == 201
    return {"tracking_number": body["tracking_number"], "secret": secret_of(body)}


def _stored(database: Database, tracking_number: str) -> str:
    with database.session() as session:
        return session.scalars(
            select(Complaint.secret_hash).where(Complaint.tracking_number == tracking_number)
        ).one()


def _store(database: Database, tracking_number: str, secret_hash: str) -> None:
    with database.session() as session:
        session.execute(
            update(Complaint)
            .where(Complaint.tracking_number == tracking_number)
            .values(secret_hash=secret_hash)
        )
        session.commit()


def _wrong(secret: str) -> str:
    return "000000" if secret != "000000" else "111111"


def test_a_filed_secret_cannot_be_checked_without_the_pepper(
    api: SignedClient, central_db: Database, world: World
) -> None:
    """The kiosk sends the secret's argon2id digest, never the secret; the server stores
    HMAC-SHA-256 of it under its pepper. The stored hash checks the secret under the server's
    pepper only, and is neither the digest a kiosk's outbox held nor anything made from the
    secret alone, which is all a copy of the database would give."""
    pair = _file(api, world)
    stored = _stored(central_db, pair["tracking_number"])
    digest = secret_digest(pair["tracking_number"], pair["secret"])
    assert (
        stored
        == passwords.KEYED_DIGEST + hmac.new(PEPPER, bytes.fromhex(digest), "sha256").hexdigest()
    )
    assert digest not in stored and pair["secret"] not in stored
    tracking = pair["tracking_number"]
    assert passwords.check_secret(stored, tracking, pair["secret"], PEPPER).matches
    assert not passwords.check_secret(stored, tracking, pair["secret"], DEMO_SECRET_PEPPER).matches
    assert not passwords.check_secret(stored, tracking, _wrong(pair["secret"]), PEPPER).matches
    assert api.post(STATUS, pair).status_code == 200
    assert api.post(STATUS, {**pair, "secret": _wrong(pair["secret"])}).status_code == 404


def test_the_digest_is_salted_with_the_tracking_number() -> None:
    """Argon2id at OWASP's minimum, with the tracking number as salt: one secret under two
    numbers gives unrelated digests, so no table of a million digests serves every complaint."""
    one = secret_digest("384122905738", "615204")
    assert one == secret_digest("384122905738", "615204")
    assert one != secret_digest("100000000008", "615204")
    assert one != secret_digest("384122905738", "615205")
    assert digest_well_formed(one)
    raw = hash_secret_raw(
        b"615204", b"kiosk complaint secret v1:384122905738", 2, 19 * 1024, 1, 32, Type.ID
    )
    assert one == raw.hex()


def test_a_body_from_an_older_kiosk_with_the_secret_itself_is_filed(
    api: SignedClient, central_db: Database, world: World
) -> None:
    """An outbox filled before digests holds bodies with the secret: the server digests it
    as the kiosk would and stores the same hash, so nothing waiting is lost. A body with
    both, or neither, is refused at the digest's field."""
    from kiosk.domain.tracking import new_secret

    body = complaint_body(world)
    secret = new_secret()
    older = {k: v for k, v in body.items() if k != "secret_digest"} | {"secret": secret}
    assert api.post("/api/v1/complaints", older, idempotency_key=new_key()).status_code == 201
    stored = _stored(central_db, body["tracking_number"])
    assert stored == passwords.hash_secret(body["tracking_number"], secret, PEPPER)
    pair = {"tracking_number": body["tracking_number"], "secret": secret}
    assert api.post(STATUS, pair).status_code == 200
    fresh = complaint_body(world)
    neither = {k: v for k, v in fresh.items() if k != "secret_digest"}
    for wrong in (fresh | {"secret": secret}, neither):
        answer = api.post("/api/v1/complaints", wrong, idempotency_key=new_key())
        assert answer.status_code == 422
        assert answer.json()["field"] == "secret_digest"


@pytest.mark.parametrize("older", ["plain argon2", "peppered argon2"])
def test_an_older_hash_verifies_and_is_replaced(
    api: SignedClient, central_db: Database, world: World, older: str
) -> None:
    """A hash made before digests (plain argon2 of the secret, or argon2 of the secret keyed
    with the pepper) still lets its holder in, and is replaced by the current one on that
    first right answer."""
    pair = _file(api, world)
    secret = pair["secret"]
    if older == "plain argon2":
        old = passwords.hash_password(secret)
    else:
        old = passwords.PEPPERED + passwords._SECRET_HASHER.hash(passwords._keyed(secret, PEPPER))
    _store(central_db, pair["tracking_number"], old)
    assert api.post(STATUS, pair).status_code == 200
    renewed = _stored(central_db, pair["tracking_number"])
    assert renewed == passwords.hash_secret(pair["tracking_number"], secret, PEPPER)
    check = passwords.check_secret(renewed, pair["tracking_number"], secret, PEPPER)
    assert check == passwords.SecretCheck(True)
    assert api.post(STATUS, pair).status_code == 200


def test_a_wrong_secret_leaves_an_old_hash_alone(
    api: SignedClient, central_db: Database, world: World
) -> None:
    """A wrong secret against an old hash is refused as any other, and changes nothing."""
    pair = _file(api, world)
    old = passwords.hash_password(pair["secret"])
    _store(central_db, pair["tracking_number"], old)
    answer = api.post(STATUS, {**pair, "secret": _wrong(pair["secret"])})
    assert answer.status_code == 404
    assert answer.json()["error"] == "not_found"
    assert _stored(central_db, pair["tracking_number"]) == old


def test_a_damaged_hash_matches_nothing() -> None:
    """A stored hash of any format that is cut short or mangled matches no secret."""
    tracking = "384122905738"
    current = passwords.hash_secret(tracking, "615204", PEPPER)
    for damaged in (current[:-1], passwords.KEYED_DIGEST, passwords.PEPPERED + "x", "x", ""):
        assert not passwords.check_secret(damaged, tracking, "615204", PEPPER).matches


def test_pepper_file_from_settings(tmp_path: Path) -> None:
    """security.secret_pepper_file is read (stripped); an environment variable may name it;
    empty means the public demo pepper."""
    pepper_file = tmp_path / "pepper.key"
    pepper_file.write_bytes(PEPPER + b"\n")
    path = tmp_path / "central.toml"
    path.write_text(f'[security]\nsecret_pepper_file = "{pepper_file}"\n')
    assert load_settings(path, {}).secret_pepper == PEPPER
    environ = {"KIOSK_CENTRAL_SECURITY_SECRET_PEPPER_FILE": str(pepper_file)}
    empty = tmp_path / "empty.toml"
    empty.write_text("")
    assert load_settings(empty, environ).secret_pepper == PEPPER
    assert load_settings(empty, {}).secret_pepper == DEMO_SECRET_PEPPER


@pytest.mark.parametrize("content", [b"too short\n", None])
def test_a_short_or_missing_pepper_stops_the_settings(
    tmp_path: Path, content: bytes | None
) -> None:
    """A pepper under 32 bytes, or a file that cannot be read, is refused at load time with
    the key named, before any complaint is filed."""
    pepper_file = tmp_path / "pepper.key"
    if content is not None:
        pepper_file.write_bytes(content)
    path = tmp_path / "central.toml"
    path.write_text(f'[security]\nsecret_pepper_file = "{pepper_file}"\n')
    with pytest.raises(SettingsError, match=r"security\.secret_pepper_file"):
        load_settings(path, {})
