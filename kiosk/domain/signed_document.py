"""The signed QR code on a printed record: what it says, how it is written, how it is checked.

A complaint receipt, an aid ledger statement and a household certificate each carry a QR code
that anyone can check offline against the published keys. This module is the whole of that
check; the views, the CLI and the central server's verify page only translate its codes.

**Who signs.** The terminal that prints, with an Ed25519 key of its own (its document key,
apart from the key that signs its API requests). A receipt must print while the central
server cannot be reached, when the complaint still waits in the outbox, so signing cannot
need the server. The central server publishes every terminal's document public key under its
key id and can revoke one (a stolen terminal): a document under a revoked key is reported as
:attr:`Status.REVOKED_KEY`, never as valid, with whether it claims to have been issued before
the revocation (a thief can set any time, so that is a hint for people, not a pass).
Rotation gives a terminal a new key; the old one stays published, so old documents still
verify.

**Domain separation.** The signed bytes are :data:`CONTEXT` followed by the message, so a
document signature can never pass as a signed API request (``request_signing`` signs lines
that start ``KIOSK-SIG-V1``) nor the reverse, even if one key were used for both.

**Key id.** The first 8 bytes of SHA-256 of the raw 32-byte public key, written as 16
lowercase hex digits where people and JSON see it, carried as the 8 bytes in the QR. Anyone
can recompute it from a published key; 64 bits keep thousands of terminals apart, and a
colliding id could not forge anything, since the signature must still verify under the key.

**Content hash.** SHA-256 of the document's canonical content (the caller defines those
bytes), truncated to 16 bytes. Altering a printed document so that it keeps its QR code
needs a second preimage, 2**128 work; the 2**64 of a collision would matter only to someone
who chose both contents before signing, and the terminal renders records it holds. The 16
bytes saved are 24 characters of QR. The facts that matter are in the payload itself and
shown by the verifier. A receipt's hashed content must leave the secret out: the hash is in
the QR, and six digits are found by trying a million.

**Wire format.** ``KC1:`` + base45(zlib(message + signature)), only characters of a QR
code's alphanumeric mode. The message, big-endian:

====== ======= =============================================================
bytes  field   meaning
====== ======= =============================================================
1      version :data:`FORMAT_VERSION`
8      key id  the signing key's id
1      type    :class:`DocumentType` code, one ASCII letter
4      issued  seconds since 1970-01-01 UTC, unsigned
16     hash    :func:`content_hash` of the document's content
1 + n  number  length, then the document number in ASCII
1      count   number of facts, then each fact sorted by key:
1 + k  key     length, then the key in ASCII
1 + m  value   length, high bit set for UTF-8 text, clear for a signed big-endian int
====== ======= =============================================================

then the 64-byte signature of :data:`CONTEXT` + message. A message decodes only if encoding
it again gives the same bytes, so each payload has one form. The terminal's code is not in
it: the published key record names its issuer.

**Size.** Each byte costs 1.5 characters of QR, so fact keys are short (``trk``, ``tot``),
amounts are ints of fen and dates ints like 20261207. Measured in the tests: a receipt is
231 characters (QR version 9 at level M, 53 modules), a ledger statement 291 and a household
certificate 280 (version 10, 57 modules). On a binary message this small zlib gains little
(from 4 bytes saved to 9 lost on those three); it stays because its Adler-32 check reports a
misread or damaged code as :attr:`Status.MALFORMED` before any key is looked at, and text
facts such as place names do compress.

Nothing here is worded for people: payload problems and verification outcomes are codes that
the views, the CLI and the verify page translate.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import struct
import zlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from types import MappingProxyType

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from kiosk.domain import base45

FORMAT_VERSION = 1
PREFIX = "KC1:"
CONTEXT = b"citizen-kiosk document v1\0"
HASH_BYTES = 16
SIGNATURE_BYTES = 64
MAX_FACTS = 16
MAX_VALUE_BYTES = 64
#: Far above any real payload (230 to 300 characters); longer text is refused unread.
MAX_TEXT = 2000
#: The most a QR text may inflate to, so a crafted one cannot make a verifier allocate much.
MAX_BLOB = 2000

_HEAD = struct.Struct(">B8scI16s")
_KEY_ID = re.compile(r"[0-9a-f]{16}")
_NUMBER = re.compile(r"[0-9A-Za-z][0-9A-Za-z./_-]{0,31}")
_FACT_KEY = re.compile(r"[a-z][a-z0-9_]{0,15}")
#: Facts whose key names one of these are refused: none may ever be printed in a QR code.
FORBIDDEN_KEY_PARTS = ("secret", "password", "passwd", "phone", "id_number", "idnumber")
#: A value that looks like a full ID number or a mobile number is refused whatever its key.
_FULL_ID = re.compile(r"[0-9]{17}[0-9Xx]")
_MOBILE = re.compile(r"1[3-9][0-9]{9}")
#: The high bit of a fact's length byte: set for text, clear for a number.
_TEXT = 0x80
_INT_RANGE = range(-(2**63), 2**63)
_MAX_TIME = 2**32

FactValue = str | int


class DocumentType(StrEnum):
    """What a printed record is; the value is its one-letter code in the QR."""

    RECEIPT = "R"
    LEDGER_STATEMENT = "L"
    HOUSEHOLD_CERTIFICATE = "H"


class PayloadProblem(StrEnum):
    """Why a payload cannot be built or signed."""

    VERSION = "version"
    KEY_ID = "key_id"
    DOCUMENT_TYPE = "document_type"
    NUMBER = "number"
    ISSUED_AT = "issued_at"
    CONTENT_HASH = "content_hash"
    TOO_MANY_FACTS = "too_many_facts"
    FACT_KEY = "fact_key"
    FORBIDDEN_FACT = "forbidden_fact"
    FACT_VALUE = "fact_value"
    KEY_MISMATCH = "key_mismatch"


class PayloadError(ValueError):
    """A payload that may not be signed; ``problem`` says why, ``fact`` names the fact's key
    when one is at fault. The value itself is never repeated: it may be what was refused."""

    def __init__(self, problem: PayloadProblem, fact: str | None = None) -> None:
        self.problem = problem
        self.fact = fact
        super().__init__(problem.value if fact is None else f"{problem.value}:{fact}")


def key_id(public_key: Ed25519PublicKey | bytes) -> str:
    """The 16 hex digits that name ``public_key``: its SHA-256, first 8 bytes."""
    if isinstance(public_key, Ed25519PublicKey):
        public_key = public_key.public_bytes(Encoding.Raw, PublicFormat.Raw)
    return hashlib.sha256(public_key).digest()[:8].hex()


def content_hash(content: bytes) -> bytes:
    """The 16-byte hash of a document's canonical content that its payload carries."""
    return hashlib.sha256(content).digest()[:HASH_BYTES]


def _check_fact(name: object, value: object) -> None:
    if not isinstance(name, str) or not _FACT_KEY.fullmatch(name):
        raise PayloadError(PayloadProblem.FACT_KEY)
    if any(part in name for part in FORBIDDEN_KEY_PARTS):
        raise PayloadError(PayloadProblem.FORBIDDEN_FACT, name)
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise PayloadError(PayloadProblem.FACT_VALUE, name)
    if isinstance(value, int):
        if value not in _INT_RANGE:
            raise PayloadError(PayloadProblem.FACT_VALUE, name)
        return
    if len(value.encode()) > MAX_VALUE_BYTES or not value.isprintable():
        raise PayloadError(PayloadProblem.FACT_VALUE, name)
    if _FULL_ID.search(value) or _MOBILE.fullmatch(value):
        raise PayloadError(PayloadProblem.FORBIDDEN_FACT, name)


@dataclass(frozen=True)
class DocumentPayload:
    """What a printed record's QR code signs. Built only valid: a :class:`PayloadError`
    otherwise. ``issued_at`` is kept in UTC, whole seconds; ``facts`` are read-only."""

    key_id: str
    document_type: DocumentType
    number: str
    issued_at: datetime
    facts: Mapping[str, FactValue]
    content_hash: bytes
    version: int = field(default=FORMAT_VERSION)

    def __post_init__(self) -> None:
        if self.version != FORMAT_VERSION:
            raise PayloadError(PayloadProblem.VERSION)
        if not isinstance(self.key_id, str) or not _KEY_ID.fullmatch(self.key_id):
            raise PayloadError(PayloadProblem.KEY_ID)
        try:
            object.__setattr__(self, "document_type", DocumentType(self.document_type))
        except ValueError:
            raise PayloadError(PayloadProblem.DOCUMENT_TYPE) from None
        if not isinstance(self.number, str) or not _NUMBER.fullmatch(self.number):
            raise PayloadError(PayloadProblem.NUMBER)
        issued = self.issued_at
        if (
            not isinstance(issued, datetime)
            or issued.tzinfo is None
            or issued.microsecond
            or not 0 <= issued.timestamp() < _MAX_TIME
        ):
            raise PayloadError(PayloadProblem.ISSUED_AT)
        object.__setattr__(self, "issued_at", issued.astimezone(UTC))
        if not isinstance(self.content_hash, bytes) or len(self.content_hash) != HASH_BYTES:
            raise PayloadError(PayloadProblem.CONTENT_HASH)
        if len(self.facts) > MAX_FACTS:
            raise PayloadError(PayloadProblem.TOO_MANY_FACTS)
        for name, value in self.facts.items():
            _check_fact(name, value)
        object.__setattr__(self, "facts", MappingProxyType(dict(sorted(self.facts.items()))))

    def __hash__(self) -> int:
        return hash((self.message(), self.version))

    def message(self) -> bytes:
        """The message bytes of this payload, as laid out in the module's docstring."""
        number = self.number.encode("ascii")
        out = bytearray(
            _HEAD.pack(
                self.version,
                bytes.fromhex(self.key_id),
                self.document_type.value.encode("ascii"),
                int(self.issued_at.timestamp()),
                self.content_hash,
            )
        )
        out += bytes((len(number),)) + number + bytes((len(self.facts),))
        for name, value in self.facts.items():
            out += bytes((len(name),)) + name.encode("ascii")
            if isinstance(value, int):
                raw = value.to_bytes((value.bit_length() + 8) // 8, "big", signed=True)
                out += bytes((len(raw),)) + raw
            else:
                raw = value.encode()
                out += bytes((_TEXT | len(raw),)) + raw
        return bytes(out)


class _Truncated(Exception):
    """The message ends before a field does."""


class _Reader:
    def __init__(self, data: bytes, offset: int) -> None:
        self.data = data
        self.offset = offset

    def take(self, count: int) -> bytes:
        end = self.offset + count
        if end > len(self.data):
            raise _Truncated
        chunk = self.data[self.offset : end]
        self.offset = end
        return chunk

    def sized(self) -> bytes:
        return self.take(self.take(1)[0])


def parse_message(message: bytes) -> DocumentPayload | None:
    """The payload ``message`` holds, or None if it is not one in its only form."""
    try:
        version, raw_key_id, code, seconds, digest = _HEAD.unpack_from(message)
        reader = _Reader(message, _HEAD.size)
        number = reader.sized().decode("ascii")
        facts: dict[str, FactValue] = {}
        for _ in range(reader.take(1)[0]):
            name = reader.sized().decode("ascii")
            kind = reader.take(1)[0]
            raw = reader.take(kind & ~_TEXT)
            if kind & _TEXT:
                facts[name] = raw.decode()
            else:
                facts[name] = int.from_bytes(raw, "big", signed=True)
        payload = DocumentPayload(
            version=version,
            key_id=raw_key_id.hex(),
            document_type=DocumentType(code.decode("ascii")),
            number=number,
            issued_at=datetime.fromtimestamp(seconds, UTC),
            facts=facts,
            content_hash=digest,
        )
    except (struct.error, _Truncated, ValueError):
        # ValueError covers bad ASCII or UTF-8, an unknown type code and a PayloadError.
        return None
    return payload if payload.message() == message else None


def sign(payload: DocumentPayload, private_key: Ed25519PrivateKey) -> str:
    """The QR text of ``payload`` signed with ``private_key``, whose id it must carry."""
    if key_id(private_key.public_key()) != payload.key_id:
        raise PayloadError(PayloadProblem.KEY_MISMATCH)
    message = payload.message()
    signature = private_key.sign(CONTEXT + message)
    return PREFIX + base45.encode(zlib.compress(message + signature, 9))


@dataclass(frozen=True)
class PublishedKey:
    """A terminal's document key as the central server publishes it."""

    #: The raw 32-byte Ed25519 public key.
    public_key: bytes
    #: Who holds it: the terminal's code.
    issuer: str
    #: When it was revoked (aware), or None while it is good.
    revoked_at: datetime | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.public_key, bytes) or len(self.public_key) != 32:
            raise ValueError("public_key")
        if self.revoked_at is not None and self.revoked_at.tzinfo is None:
            raise ValueError("revoked_at")

    @property
    def key_id(self) -> str:
        return key_id(self.public_key)


class Status(StrEnum):
    """What a check of a QR text found; the views and the CLI say it in words."""

    VALID = "valid"
    #: Not our format: wrong prefix, not base45, not zlib, wrong version, corrupt message.
    MALFORMED = "malformed"
    UNKNOWN_KEY = "unknown_key"
    BAD_SIGNATURE = "bad_signature"
    #: The signature is good but the central server revoked the key.
    REVOKED_KEY = "revoked_key"


@dataclass(frozen=True)
class Verification:
    """The outcome of :func:`verify`. ``payload`` and ``issuer`` are set only when the
    signature verified (VALID and REVOKED_KEY); ``key_id`` as soon as the message decoded."""

    status: Status
    key_id: str | None = None
    payload: DocumentPayload | None = None
    issuer: str | None = None
    #: For REVOKED_KEY: whether the document's own issue time is before the revocation.
    issued_before_revocation: bool | None = None

    @property
    def valid(self) -> bool:
        return self.status is Status.VALID


def _unpack(text: str) -> tuple[DocumentPayload, bytes, bytes] | None:
    if len(text) > MAX_TEXT or not text.startswith(PREFIX):
        return None
    try:
        compressed = base45.decode(text[len(PREFIX) :])
        inflater = zlib.decompressobj()
        blob = inflater.decompress(compressed, MAX_BLOB)
    except (base45.Base45Error, zlib.error):
        return None
    if not inflater.eof or inflater.unused_data or len(blob) <= SIGNATURE_BYTES:
        return None
    message, signature = blob[:-SIGNATURE_BYTES], blob[-SIGNATURE_BYTES:]
    payload = parse_message(message)
    return None if payload is None else (payload, message, signature)


def verify(text: str, keys: Mapping[str, PublishedKey]) -> Verification:
    """Check a QR text against the published keys (key id -> key). Never raises."""
    unpacked = _unpack(text) if isinstance(text, str) else None
    if unpacked is None:
        return Verification(Status.MALFORMED)
    payload, message, signature = unpacked
    record = keys.get(payload.key_id)
    if record is None or record.key_id != payload.key_id:
        return Verification(Status.UNKNOWN_KEY, payload.key_id)
    try:
        Ed25519PublicKey.from_public_bytes(record.public_key).verify(signature, CONTEXT + message)
    except (InvalidSignature, ValueError):
        return Verification(Status.BAD_SIGNATURE, payload.key_id)
    if record.revoked_at is None:
        return Verification(Status.VALID, payload.key_id, payload, record.issuer)
    return Verification(
        Status.REVOKED_KEY,
        payload.key_id,
        payload,
        record.issuer,
        issued_before_revocation=payload.issued_at < record.revoked_at,
    )


def matches_content(result: Verification, content: bytes) -> bool:
    """Whether ``content`` is the content the verified payload's hash was made of: False for
    an altered document and for any result without a verified payload."""
    if result.payload is None:
        return False
    return hmac.compare_digest(result.payload.content_hash, content_hash(content))
