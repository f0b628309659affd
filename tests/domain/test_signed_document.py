"""Signed QR payloads of printed records: round trips, tampering, keys, revocation, sizes."""

from __future__ import annotations

import hashlib
import zlib
from collections.abc import Mapping
from datetime import UTC, datetime, timedelta

import pytest
import qrcode
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from hypothesis import assume, given
from hypothesis import strategies as st
from qrcode.util import MODE_ALPHA_NUM

from kiosk.domain import base45
from kiosk.domain.clock import SHANGHAI
from kiosk.domain.request_signing import SCHEME, canonical_request
from kiosk.domain.signed_document import (
    CONTEXT,
    FORBIDDEN_KEY_PARTS,
    MAX_FACTS,
    PREFIX,
    DocumentPayload,
    DocumentType,
    FactValue,
    PayloadError,
    PayloadProblem,
    PublishedKey,
    Status,
    Verification,
    content_hash,
    key_id,
    matches_content,
    parse_message,
    sign,
    verify,
)

# Fixed keys: Ed25519 signatures are deterministic, so every text below is the same each run.
KEY = Ed25519PrivateKey.from_private_bytes(bytes(range(32)))
NEW_KEY = Ed25519PrivateKey.from_private_bytes(bytes(range(32, 64)))
OTHER_KEY = Ed25519PrivateKey.from_private_bytes(bytes(range(64, 96)))
TERMINAL = "KS0012"
ISSUED = datetime(2026, 12, 7, 15, 40, 12, tzinfo=UTC)
QR_ALPHANUMERIC = set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:")

RECEIPT_CONTENT = "投诉回执\n查询号 3841 2290 5731\n受理单位 龙里县纪委监委\n终端 KS0012".encode()
STATEMENT_CONTENT = "帮扶资金明细\n档案号 522730001001-0001\n合计 ¥12,345.00".encode()
CERTIFICATE_CONTENT = "建档立卡户证明\n档案号 522730001001-0001\n有效期至 2027-06-07".encode()


def raw(key: Ed25519PrivateKey) -> bytes:
    return key.public_key().public_bytes_raw()


def published(key: Ed25519PrivateKey, revoked_at: datetime | None = None) -> PublishedKey:
    return PublishedKey(raw(key), TERMINAL, revoked_at)


def keys(*records: PublishedKey) -> dict[str, PublishedKey]:
    return {record.key_id: record for record in records}


KEYS = keys(published(KEY))


def receipt(
    key: Ed25519PrivateKey = KEY, extra: Mapping[str, FactValue] | None = None
) -> DocumentPayload:
    """A complaint receipt: its tracking number and the office it goes to, never the secret."""
    return DocumentPayload(
        key_id=key_id(key.public_key()),
        document_type=DocumentType.RECEIPT,
        number="KS0012-R000123",
        issued_at=ISSUED,
        facts={"trk": "384122905731", "office": "C522730", **(extra or {})},
        content_hash=content_hash(RECEIPT_CONTENT),
    )


def statement() -> DocumentPayload:
    """A year's ledger statement: totals in fen, payments confirmed and disputed, the period."""
    facts: dict[str, FactValue] = {
        "file": "522730001001-0001",
        "tot": 1_234_500,
        "conf": 1_200_000,
        "disp": 34_500,
        "n": 19,
        "nd": 1,
        "from": 20260101,
        "to": 20261207,
    }
    return DocumentPayload(
        key_id(KEY.public_key()),
        DocumentType.LEDGER_STATEMENT,
        "KS0012-L000042",
        ISSUED,
        facts,
        content_hash(STATEMENT_CONTENT),
    )


def certificate() -> DocumentPayload:
    """A household certificate: registered status, poverty band, the village, valid-until."""
    facts: dict[str, FactValue] = {
        "file": "522730001001-0001",
        "status": "registered",
        "band": 2,
        "place": "522730001001",
        "until": 20270607,
    }
    return DocumentPayload(
        key_id(KEY.public_key()),
        DocumentType.HOUSEHOLD_CERTIFICATE,
        "KS0012-H000007",
        ISSUED,
        facts,
        content_hash(CERTIFICATE_CONTENT),
    )


def unpack(text: str) -> tuple[bytes, bytes]:
    """The message and the signature inside a QR text."""
    blob = zlib.decompress(base45.decode(text.removeprefix(PREFIX)))
    return blob[:-64], blob[-64:]


def pack(message: bytes, signature: bytes) -> str:
    return PREFIX + base45.encode(zlib.compress(message + signature))


def signed_by_hand(message: bytes, key: Ed25519PrivateKey = KEY) -> str:
    """A text whose signature is good for whatever ``message`` is."""
    return pack(message, key.sign(CONTEXT + message))


RECEIPT_TEXT = sign(receipt(), KEY)


# Round trips


@pytest.mark.parametrize("make", [receipt, statement, certificate])
def test_round_trip(make: object) -> None:
    """Each kind of record signs and verifies, giving back its facts and who issued it."""
    assert callable(make)
    payload = make()
    result = verify(sign(payload, KEY), KEYS)
    assert result.status is Status.VALID
    assert result.valid
    assert result.payload == payload
    assert result.issuer == TERMINAL
    assert result.key_id == key_id(KEY.public_key())


def test_the_text_uses_only_qr_alphanumeric_characters() -> None:
    """The QR text starts with the prefix and stays in the 45 characters of alphanumeric mode."""
    for payload in (receipt(), statement(), certificate()):
        text = sign(payload, KEY)
        assert text.startswith("KC1:")
        assert set(text) <= QR_ALPHANUMERIC


def test_the_message_decodes_in_its_only_form() -> None:
    """A message parses back to its payload; the same facts in another order encode the same."""
    payload = statement()
    assert parse_message(payload.message()) == payload
    reordered = DocumentPayload(
        payload.key_id,
        payload.document_type,
        payload.number,
        payload.issued_at,
        dict(reversed(list(payload.facts.items()))),
        payload.content_hash,
    )
    assert reordered.message() == payload.message()
    assert parse_message(payload.message() + b"\0") is None


text_values = st.text(max_size=20).filter(lambda value: len(value.encode()) <= 64)
fact_maps = st.dictionaries(
    st.from_regex(r"[a-z][a-z0-9_]{0,15}", fullmatch=True),
    st.integers(min_value=-(2**63), max_value=2**63 - 1) | text_values,
    max_size=MAX_FACTS,
)


@given(
    facts=fact_maps,
    number=st.from_regex(r"[0-9A-Za-z][0-9A-Za-z./_-]{0,31}", fullmatch=True),
    seconds=st.integers(min_value=0, max_value=2**32 - 1),
    kind=st.sampled_from(DocumentType),
    content=st.binary(max_size=64),
)
def test_any_valid_payload_round_trips(
    facts: dict[str, FactValue], number: str, seconds: int, kind: DocumentType, content: bytes
) -> None:
    """Whatever facts a payload may hold come back through the QR text unchanged."""
    try:
        payload = DocumentPayload(
            key_id(KEY.public_key()),
            kind,
            number,
            datetime.fromtimestamp(seconds, UTC),
            facts,
            content_hash(content),
        )
    except PayloadError:
        assume(False)
        raise
    result = verify(sign(payload, KEY), KEYS)
    assert result.status is Status.VALID
    assert result.payload == payload
    assert dict(result.payload.facts) == facts
    assert matches_content(result, content)


# Tampering


def test_every_one_character_change_fails() -> None:
    """Any character of the text replaced by any other QR character, or by a lower-case one,
    is never valid: the text is corrupt or the signature fails."""
    outcomes: dict[Status, int] = {}
    for position, original in enumerate(RECEIPT_TEXT):
        for char in [*sorted(QR_ALPHANUMERIC - {original}), "a"]:
            altered = RECEIPT_TEXT[:position] + char + RECEIPT_TEXT[position + 1 :]
            status = verify(altered, KEYS).status
            assert status in (Status.MALFORMED, Status.BAD_SIGNATURE), (position, char)
            outcomes[status] = outcomes.get(status, 0) + 1
    assert sum(outcomes.values()) == len(RECEIPT_TEXT) * 45


def test_every_one_byte_change_of_the_message_fails() -> None:
    """Each byte of the signed message changed, and the rest packed with the old signature,
    is a bad signature or not a message at all; never valid."""
    message, signature = unpack(RECEIPT_TEXT)
    for position in range(len(message)):
        altered = bytearray(message)
        altered[position] ^= 0x01
        status = verify(pack(bytes(altered), signature), KEYS).status
        assert status in (Status.MALFORMED, Status.BAD_SIGNATURE, Status.UNKNOWN_KEY), position


def test_cut_or_lengthened_text_fails() -> None:
    """A text cut short anywhere, or with something added, is malformed."""
    for end in range(len(RECEIPT_TEXT)):
        assert verify(RECEIPT_TEXT[:end], KEYS).status is Status.MALFORMED
    assert verify(RECEIPT_TEXT + "0", KEYS).status is Status.MALFORMED
    assert verify(RECEIPT_TEXT + "000", KEYS).status is Status.MALFORMED
    assert verify(RECEIPT_TEXT.lower(), KEYS).status is Status.MALFORMED


def test_a_changed_fact_fails() -> None:
    """The same receipt with another tracking number, under the old signature, fails."""
    _, signature = unpack(RECEIPT_TEXT)
    forged = receipt(extra={"trk": "384122905749"}).message()
    assert verify(pack(forged, signature), KEYS).status is Status.BAD_SIGNATURE


def test_a_changed_document_does_not_match_its_content() -> None:
    """The PDF's text with one fact changed no longer matches the QR it carries."""
    result = verify(RECEIPT_TEXT, KEYS)
    assert matches_content(result, RECEIPT_CONTENT)
    altered = RECEIPT_CONTENT.replace("龙里县".encode(), "贵定县".encode())
    assert altered != RECEIPT_CONTENT
    assert not matches_content(result, altered)
    assert not matches_content(Verification(Status.MALFORMED), RECEIPT_CONTENT)


def test_the_content_hash_is_sha256_cut_to_16_bytes() -> None:
    """The hash is the first 16 bytes of SHA-256 of the content the caller gives."""
    assert content_hash(b"abc") == hashlib.sha256(b"abc").digest()[:16]


# Keys


def test_the_key_id_is_the_start_of_the_keys_sha256() -> None:
    """A key's id is the first 8 bytes of SHA-256 of its raw public key, in hex."""
    expected = hashlib.sha256(raw(KEY)).digest()[:8].hex()
    assert key_id(KEY.public_key()) == key_id(raw(KEY)) == expected
    assert published(KEY).key_id == expected
    assert len(expected) == 16


def test_an_unknown_key() -> None:
    """A document whose key is not published says so, with the key's id but no facts."""
    result = verify(RECEIPT_TEXT, keys(published(OTHER_KEY)))
    assert result.status is Status.UNKNOWN_KEY
    assert result.key_id == key_id(KEY.public_key())
    assert result.payload is None
    assert not matches_content(result, RECEIPT_CONTENT)


def test_a_key_published_under_another_id_is_unknown() -> None:
    """A list that files a key under the wrong id does not make its documents verify."""
    wrong = {key_id(KEY.public_key()): published(OTHER_KEY)}
    assert verify(RECEIPT_TEXT, wrong).status is Status.UNKNOWN_KEY


def test_another_key_signing_under_this_keys_id() -> None:
    """A signature made with another key, claiming this key's id, is a bad signature."""
    assert verify(signed_by_hand(receipt().message(), OTHER_KEY), KEYS).status is (
        Status.BAD_SIGNATURE
    )
    with pytest.raises(PayloadError) as caught:
        sign(receipt(), OTHER_KEY)
    assert caught.value.problem is PayloadProblem.KEY_MISMATCH


def test_a_revoked_key_after_issue() -> None:
    """A key revoked after the document was issued: reported as revoked, not valid, with
    the facts and that the document dates from before the revocation."""
    revoked = keys(published(KEY, ISSUED + timedelta(days=30)))
    result = verify(RECEIPT_TEXT, revoked)
    assert result.status is Status.REVOKED_KEY
    assert not result.valid
    assert result.issued_before_revocation is True
    assert result.payload == receipt()
    assert result.issuer == TERMINAL


def test_a_revoked_key_before_issue() -> None:
    """A document dated after its key's revocation is reported as such."""
    result = verify(RECEIPT_TEXT, keys(published(KEY, ISSUED - timedelta(seconds=1))))
    assert result.status is Status.REVOKED_KEY
    assert result.issued_before_revocation is False


def test_rotated_keys_both_verify() -> None:
    """A terminal's old and new keys stay published side by side; documents of each verify."""
    both = keys(published(KEY), published(NEW_KEY))
    old = verify(RECEIPT_TEXT, both)
    new = verify(sign(receipt(NEW_KEY), NEW_KEY), both)
    assert old.status is new.status is Status.VALID
    assert old.issuer == new.issuer == TERMINAL
    assert old.key_id != new.key_id
    assert verify(sign(receipt(NEW_KEY), NEW_KEY), KEYS).status is Status.UNKNOWN_KEY


def test_published_keys_are_checked() -> None:
    """A published key is 32 raw bytes and a revocation time carries its zone."""
    with pytest.raises(ValueError):
        PublishedKey(raw(KEY)[:31], TERMINAL)
    with pytest.raises(ValueError):
        PublishedKey(raw(KEY), TERMINAL, datetime(2026, 12, 7))


# Domain separation


def test_a_signature_without_the_context_string_fails() -> None:
    """Signing the bare message (as if for another purpose) gives nothing that verifies."""
    message, _ = unpack(RECEIPT_TEXT)
    assert verify(pack(message, KEY.sign(message)), KEYS).status is Status.BAD_SIGNATURE


def test_document_and_request_signatures_never_share_bytes() -> None:
    """What a document signs and what a request signs start differently, so neither
    signature can stand for the other."""
    request = canonical_request("POST", "/api/v1/complaints", 1_765_000_000, "0" * 32, b"{}")
    message, _ = unpack(RECEIPT_TEXT)
    assert request.startswith(SCHEME.encode())
    assert not request.startswith(CONTEXT)
    assert not (CONTEXT + message).startswith(SCHEME.encode())
    assert CONTEXT == b"citizen-kiosk document v1\0"


# The secret and other things never printed


@pytest.mark.parametrize("name", ["secret", "receipt_secret", "secret6", "phone", "id_number"])
def test_a_secret_can_never_be_a_fact(name: str) -> None:
    """A fact named like the secret (or a phone or ID number) is refused, its value unsaid."""
    with pytest.raises(PayloadError) as caught:
        receipt(extra={name: "204817"})
    assert caught.value.problem is PayloadProblem.FORBIDDEN_FACT
    assert caught.value.fact == name
    assert "204817" not in str(caught.value)
    assert all(part in FORBIDDEN_KEY_PARTS for part in ("secret", "phone", "id_number"))


@pytest.mark.parametrize("value", ["52273019800101001X", "13800138000"])
def test_a_full_id_or_phone_number_is_refused_under_any_name(value: str) -> None:
    """A full ID number or a mobile number is refused whatever the fact is called."""
    with pytest.raises(PayloadError) as caught:
        receipt(extra={"holder": value})
    assert caught.value.problem is PayloadProblem.FORBIDDEN_FACT
    assert value not in str(caught.value)


def test_a_message_carrying_a_secret_does_not_verify() -> None:
    """Even a well-signed message holding a secret fact is refused by the verifier."""
    message = receipt(extra={"sacret": "204817"}).message().replace(b"sacret", b"secret")
    assert verify(signed_by_hand(message), KEYS).status is Status.MALFORMED


def test_facts_are_read_only() -> None:
    """A payload's facts cannot be changed, neither directly nor through the caller's dict."""
    facts: dict[str, FactValue] = {"trk": "384122905731"}
    payload = DocumentPayload(
        key_id(KEY.public_key()), DocumentType.RECEIPT, "R1", ISSUED, facts, bytes(16)
    )
    facts["trk"] = "000000000000"
    assert payload.facts["trk"] == "384122905731"
    with pytest.raises(TypeError):
        payload.facts["trk"] = "0"  # type: ignore[index]
    assert hash(payload) == hash(
        DocumentPayload(
            key_id(KEY.public_key()),
            DocumentType.RECEIPT,
            "R1",
            ISSUED,
            dict(payload.facts),
            bytes(16),
        )
    )


def test_the_issue_time_is_kept_in_utc() -> None:
    """An issue time in China Standard Time is kept as the same instant in UTC."""
    local = ISSUED.astimezone(SHANGHAI)
    payload = DocumentPayload(
        key_id(KEY.public_key()), DocumentType.RECEIPT, "R1", local, {}, bytes(16)
    )
    assert payload.issued_at == ISSUED
    assert payload.issued_at.tzinfo is UTC


def _payload(**changes: object) -> DocumentPayload:
    fields: dict[str, object] = {
        "key_id": key_id(KEY.public_key()),
        "document_type": DocumentType.RECEIPT,
        "number": "R1",
        "issued_at": ISSUED,
        "facts": {},
        "content_hash": bytes(16),
    }
    return DocumentPayload(**(fields | changes))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("changes", "problem"),
    [
        ({"version": 2}, PayloadProblem.VERSION),
        ({"key_id": "ABCDEF0123456789"}, PayloadProblem.KEY_ID),
        ({"key_id": "abc"}, PayloadProblem.KEY_ID),
        ({"document_type": "X"}, PayloadProblem.DOCUMENT_TYPE),
        ({"number": ""}, PayloadProblem.NUMBER),
        ({"number": "编号1"}, PayloadProblem.NUMBER),
        ({"number": "R" * 33}, PayloadProblem.NUMBER),
        ({"issued_at": datetime(2026, 12, 7)}, PayloadProblem.ISSUED_AT),
        ({"issued_at": ISSUED.replace(microsecond=5)}, PayloadProblem.ISSUED_AT),
        ({"issued_at": datetime(1969, 12, 31, tzinfo=UTC)}, PayloadProblem.ISSUED_AT),
        ({"issued_at": datetime(2106, 3, 1, tzinfo=UTC)}, PayloadProblem.ISSUED_AT),
        ({"content_hash": bytes(32)}, PayloadProblem.CONTENT_HASH),
        ({"facts": {f"f{i}": i for i in range(17)}}, PayloadProblem.TOO_MANY_FACTS),
        ({"facts": {"Total": 1}}, PayloadProblem.FACT_KEY),
        ({"facts": {"a" * 17: 1}}, PayloadProblem.FACT_KEY),
        ({"facts": {"ok": True}}, PayloadProblem.FACT_VALUE),
        ({"facts": {"ok": 1.5}}, PayloadProblem.FACT_VALUE),
        ({"facts": {"tot": 2**63}}, PayloadProblem.FACT_VALUE),
        ({"facts": {"place": "龙" * 22}}, PayloadProblem.FACT_VALUE),
        ({"facts": {"note": "a\nb"}}, PayloadProblem.FACT_VALUE),
    ],
)
def test_a_payload_is_built_only_valid(changes: dict[str, object], problem: PayloadProblem) -> None:
    """Each field that could not be signed or read back is refused with its own code."""
    with pytest.raises(PayloadError) as caught:
        _payload(**changes)
    assert caught.value.problem is problem


# Anything else is malformed, and verify never raises


def test_not_our_format_is_malformed() -> None:
    """Another prefix, another version, junk after the stream or a compression bomb are
    malformed."""
    body = RECEIPT_TEXT.removeprefix(PREFIX)
    assert verify("KC2:" + body, KEYS).status is Status.MALFORMED
    assert verify("HC1:" + body, KEYS).status is Status.MALFORMED
    assert verify("", KEYS).status is Status.MALFORMED
    message, signature = unpack(RECEIPT_TEXT)
    assert verify(signed_by_hand(b"\x02" + message[1:]), KEYS).status is Status.MALFORMED
    junk = zlib.compress(message + signature) + b"\0"
    assert verify(PREFIX + base45.encode(junk), KEYS).status is Status.MALFORMED
    bomb = PREFIX + base45.encode(zlib.compress(bytes(1_000_000)))
    assert verify(bomb, KEYS).status is Status.MALFORMED
    assert verify(PREFIX + "0" * 3000, KEYS).status is Status.MALFORMED


@given(st.text())
def test_arbitrary_text_is_malformed(text: str) -> None:
    """Any text at all gives an answer, and a random one is malformed."""
    assert verify(text, KEYS).status is Status.MALFORMED
    assert verify(PREFIX + text, KEYS).status is Status.MALFORMED


@given(st.binary(max_size=400))
def test_arbitrary_bytes_in_base45_are_malformed(data: bytes) -> None:
    """Random bytes written in base45 after the prefix are malformed, never an exception."""
    assert verify(PREFIX + base45.encode(data), KEYS).status is Status.MALFORMED


@given(st.binary(max_size=400))
def test_arbitrary_compressed_bytes_are_never_valid(data: bytes) -> None:
    """Random bytes that inflate well still never verify; at most their key is unknown."""
    result = verify(PREFIX + base45.encode(zlib.compress(data)), KEYS)
    assert result.status in (Status.MALFORMED, Status.UNKNOWN_KEY, Status.BAD_SIGNATURE)


@given(st.binary(min_size=1, max_size=200), st.integers(min_value=0, max_value=199))
def test_arbitrary_messages_under_a_good_signature_never_raise(data: bytes, cut: int) -> None:
    """A well-signed message that is a mangled real one is malformed or verifies as itself."""
    message, _ = unpack(RECEIPT_TEXT)
    mangled = message[: cut % len(message)] + data
    result = verify(signed_by_hand(mangled), KEYS)
    assert result.status in (Status.MALFORMED, Status.VALID)
    if result.payload is not None:
        assert result.payload.message() == mangled


# Sizes


def _qr(text: str) -> qrcode.QRCode:
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M)
    code.add_data(text)
    code.make(fit=True)
    return code


def test_sizes_of_realistic_documents() -> None:
    """Measured: receipt 231 characters, statement 291, certificate 280; all under 300."""
    sizes = {
        "receipt": len(RECEIPT_TEXT),
        "statement": len(sign(statement(), KEY)),
        "certificate": len(sign(certificate(), KEY)),
    }
    print(f"QR text lengths: {sizes}")
    assert sizes["receipt"] <= 240
    assert sizes["statement"] <= 300
    assert sizes["certificate"] <= 300


def test_a_receipt_fits_a_small_qr_code() -> None:
    """A receipt's text is one alphanumeric segment of a version 9 QR at level M (53
    modules: 32 mm at 0.6 mm a module on the 72 mm printable width); a statement's is 10."""
    receipt_code = _qr(RECEIPT_TEXT)
    statement_code = _qr(sign(statement(), KEY))
    print(f"QR versions at M: receipt {receipt_code.version}, statement {statement_code.version}")
    assert [segment.mode for segment in receipt_code.data_list] == [MODE_ALPHA_NUM]
    assert receipt_code.version <= 9
    assert statement_code.version <= 10
