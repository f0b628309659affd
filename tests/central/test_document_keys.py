"""Document keys over the real server on a loopback port (SQLite, then PostgreSQL): a
terminal publishes its key, rotates it, staff revoke one; the list is public; and records
signed by each key verify (or are reported revoked) against that list."""

from __future__ import annotations

from typing import Any

import pytest
import requests
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from central.cli import main
from central.db import Database
from central.exitcodes import ExitCode
from kiosk.domain.clock import utcnow
from kiosk.domain.models import Kiosk
from kiosk.domain.signed_document import Status, verify
from kiosk.services.complaints.client import parse_time
from kiosk.services.verification import parse_keys
from tests.central.conftest import KioskKeys, SignedClient
from tests.central.seed_data import World
from tests.signed_records import id_of, public_hex, signed_receipt

PATH = "/api/v1/document-keys"


def _publish(api: SignedClient, key: Ed25519PrivateKey, **signing: Any) -> requests.Response:
    return api.post(PATH, {"public_key": public_hex(key)}, **signing)


def _listed(base_url: str) -> list[dict[str, Any]]:
    answer = requests.get(base_url + PATH, timeout=30)
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith("application/json")
    keys: list[dict[str, Any]] = answer.json()["keys"]
    return keys


def _second_kiosk(database: Database, world: World) -> KioskKeys:
    keys = KioskKeys("TEST-0002", Ed25519PrivateKey.generate())
    with database.session() as session:
        session.add(
            Kiosk(
                code=keys.code,
                name="冠山街道便民服务大厅 2号机",
                region_code=world.township,
                public_key=keys.public_hex,
            )
        )
        session.commit()
    return keys


def test_publish_is_idempotent_and_listed_for_anyone(
    api: SignedClient, live_server: str, kiosk_keys: KioskKeys
) -> None:
    """A new key answers 201 with its id; the same key again 200 with the same record; the
    unauthenticated list names the terminal that published it."""
    key = Ed25519PrivateKey.generate()
    first = _publish(api, key)
    assert first.status_code == 201, first.text
    assert first.json()["key_id"] == id_of(key)
    again = _publish(api, key)
    assert again.status_code == 200
    assert again.json() == first.json()
    assert abs((parse_time(first.json()["published_at"]) - utcnow()).total_seconds()) < 60

    (listed,) = _listed(live_server)
    assert listed == {
        "key_id": id_of(key),
        "kiosk_code": kiosk_keys.code,
        "public_key": public_hex(key),
        "published_at": first.json()["published_at"],
        "revoked_at": None,
    }


def test_rotation_keeps_the_old_key_so_old_records_still_verify(
    api: SignedClient, live_server: str
) -> None:
    """After a rotation both keys are listed, and a record signed with the rotated-out key
    verifies as valid against the list, as does one signed with the new key."""
    old, new = Ed25519PrivateKey.generate(), Ed25519PrivateKey.generate()
    assert _publish(api, old).status_code == 201
    old_record = signed_receipt(old)
    assert _publish(api, new).status_code == 201

    keys = parse_keys(requests.get(live_server + PATH, timeout=30).json())
    assert set(keys) == {id_of(old), id_of(new)}
    for record in (old_record, signed_receipt(new)):
        result = verify(record.qr_text, keys)
        assert result.status is Status.VALID
        assert result.issuer == "TEST-0001"


def test_a_revoked_key_is_listed_revoked_and_cannot_come_back(
    api: SignedClient, live_server: str, central_db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    """``kiosk-central revoke-document-key`` keeps the key listed with its time; its records
    are reported revoked, not valid; publishing it again is refused with its own code."""
    key = Ed25519PrivateKey.generate()
    assert _publish(api, key).status_code == 201
    record = signed_receipt(key)

    reason = ["--reason", "终端被盗 stolen"]
    assert main(["revoke-document-key", id_of(key), *reason, "--db", central_db.url]) == 0
    out = capsys.readouterr().out
    assert "已撤销" in out and "revoked" in out

    (listed,) = _listed(live_server)
    assert listed["revoked_at"] is not None
    keys = parse_keys({"keys": [listed]})
    result = verify(record.qr_text, keys)
    assert result.status is Status.REVOKED_KEY
    assert result.issued_before_revocation is True

    refused = _publish(api, key)
    assert refused.status_code == 409
    body = refused.json()
    assert body["error"] == "document_key_revoked"
    assert "撤销" in body["message_zh"] and "revoked" in body["message_en"]
    assert "not published" in body["message_en"]

    assert main(["list-document-keys", "--db", central_db.url]) == ExitCode.OK
    table = capsys.readouterr().out
    assert id_of(key) in table and "终端被盗 stolen" in table


def test_a_key_held_by_another_terminal_is_refused(
    api: SignedClient, live_server: str, central_db: Database, world: World
) -> None:
    """The key one terminal published cannot be published by another (409), so a record
    of one terminal never passes as another's."""
    key = Ed25519PrivateKey.generate()
    assert _publish(api, key).status_code == 201
    other = _second_kiosk(central_db, world)
    refused = SignedClient(live_server, other).post(PATH, {"public_key": public_hex(key)})
    assert refused.status_code == 409
    assert refused.json()["error"] == "document_key_taken"
    assert [entry["kiosk_code"] for entry in _listed(live_server)] == ["TEST-0001"]


def test_revoking_a_terminal_revokes_its_document_keys(
    api: SignedClient, live_server: str, central_db: Database, world: World
) -> None:
    """``revoke-kiosk`` revokes every document key of that terminal and no other's."""
    mine = [Ed25519PrivateKey.generate(), Ed25519PrivateKey.generate()]
    for key in mine:
        assert _publish(api, key).status_code == 201
    other = _second_kiosk(central_db, world)
    theirs = Ed25519PrivateKey.generate()
    answer = SignedClient(live_server, other).post(PATH, {"public_key": public_hex(theirs)})
    assert answer.status_code == 201

    assert main(["revoke-kiosk", "TEST-0001", "--db", central_db.url]) == ExitCode.OK
    revoked = {entry["key_id"]: entry["revoked_at"] for entry in _listed(live_server)}
    assert all(revoked[id_of(key)] is not None for key in mine)
    assert revoked[id_of(theirs)] is None
    keys = parse_keys(requests.get(live_server + PATH, timeout=30).json())
    assert verify(signed_receipt(mine[0]).qr_text, keys).status is Status.REVOKED_KEY
    assert verify(signed_receipt(theirs).qr_text, keys).status is Status.VALID


def test_publishing_needs_a_signature_and_a_well_formed_key(
    api: SignedClient, live_server: str
) -> None:
    """Unsigned: 401 and nothing listed. Upper-case hex or a short key: 422 naming the field."""
    key = public_hex(Ed25519PrivateKey.generate())
    unsigned = requests.post(live_server + PATH, json={"public_key": key}, timeout=30)
    assert unsigned.status_code == 401
    for bad in (key.upper(), key[:62], key + "00"):
        answer = api.post(PATH, {"public_key": bad})
        assert answer.status_code == 422
        assert answer.json()["field"] == "public_key"
    assert api.post(PATH, {"public_key": key, "extra": 1}).status_code == 422
    assert _listed(live_server) == []


def test_revoke_document_key_refuses_what_it_cannot_find(
    central_db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    """An id that is not 16 hex digits is bad input; an unknown one is not found."""
    assert main(["revoke-document-key", "xyz", "--db", central_db.url]) == ExitCode.INVALID_INPUT
    unknown = main(["revoke-document-key", "0123456789abcdef", "--db", central_db.url])
    assert unknown == ExitCode.NOT_FOUND
    assert "0123456789abcdef" in capsys.readouterr().err
