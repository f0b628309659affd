"""Request bodies of API v1, with every rule of the contract on their fields.

Models are strict (no "1" for 1, no 1.0 for 1) and forbid unknown keys, so a kiosk bug shows
as a 422 naming the field instead of being stored half-understood.

Every rule a JSON Schema can state (a pattern, a length, a bound, an enum) is stated with
``Field`` so that /openapi.json says exactly what is enforced. Three kinds of rule cannot be
stated there and are said in the descriptions instead: the tracking number's check digit
(``format: tracking-number``), rules across fields (the model validators below) and
references to what the server stores (a household, a record, a cadre).
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

from kiosk.domain.models import (
    ComplaintCategory,
    ComplaintStatus,
    Disclosure,
    Outcome,
    PartyKind,
    RegionLevel,
)
from kiosk.domain.secret_digest import DIGEST_PATTERN
from kiosk.domain.tracking import (
    SECRET_LENGTH,
    TRACKING_LENGTH,
    tracking_number_valid,
)

MAX_TEXT = 2000
MAX_IMPLICATED = 10
#: 100 million yuan: far above any household payment, so a larger amount is a mistake.
MAX_FEN = 10_000_000_000
#: The register's key of a member: the keyed hash of their ID number (64 hex characters).
_MEMBER_HASH = r"^[0-9a-f]{64}$"
#: No control character (Unicode category Cc) but the line feed: an escape sequence or a NUL
#: in a complaint would reach an inspector's screen or the database.
_NO_CONTROL = r"^[^\x00-\x09\x0b-\x1f\x7f-\x9f]*$"
#: An identifier of the provincial system: printable, on one line.
_IDENTIFIER = r"^[^\x00-\x1f\x7f-\x9f]+$"

_KEY = re.compile(r"[A-Za-z0-9_-]{16,64}")
#: ``Idempotency-Key``, a header of ``POST /api/v1/complaints``, as the OpenAPI states it.
IDEMPOTENCY_KEY_SCHEMA: dict[str, Any] = {
    "type": "string",
    "minLength": 16,
    "maxLength": 64,
    "pattern": f"^{_KEY.pattern}$",
}


def idempotency_key_valid(key: str) -> bool:
    return bool(_KEY.fullmatch(key))


def _tracking(value: str) -> str:
    # The pattern has made sure of twelve ASCII digits; the check digit is what is left.
    if not tracking_number_valid(value):
        raise ValueError("not a tracking number")
    return value


def _aware(value: datetime) -> datetime:
    if value.tzinfo is None:
        raise ValueError("time without a zone")
    return value


TrackingNumber = Annotated[
    str,
    Field(
        min_length=TRACKING_LENGTH,
        max_length=TRACKING_LENGTH,
        pattern=rf"^[0-9]{{{TRACKING_LENGTH}}}$",
        description="Twelve digits, the last the Luhn check digit of the other eleven.",
        json_schema_extra={"format": "tracking-number"},
    ),
    AfterValidator(_tracking),
]
Secret = Annotated[
    str,
    Field(
        min_length=SECRET_LENGTH,
        max_length=SECRET_LENGTH,
        pattern=rf"^[0-9]{{{SECRET_LENGTH}}}$",
        description="The six digits printed on the receipt.",
    ),
]
SecretDigest = Annotated[
    str,
    Field(
        min_length=64,
        max_length=64,
        pattern=DIGEST_PATTERN,
        description=(
            "argon2id of the secret salted with the tracking number, made by the kiosk "
            "(kiosk.domain.secret_digest, docs/central-api.md); the server never sees the "
            "secret of a complaint being filed."
        ),
    ),
]
FreeText = Annotated[str, Field(max_length=MAX_TEXT, pattern=_NO_CONTROL)]
#: Written as an integer: 35, never 35.0 (which JSON Schema's ``integer`` would let pass).
_WHOLE = "An integer number of fen, written without a fraction (35, not 35.0)."
Fen = Annotated[int, Field(ge=0, le=MAX_FEN, description=_WHOLE)]
ShortText = Annotated[str, Field(max_length=128, pattern=_NO_CONTROL)]
Code = Annotated[str, Field(min_length=1, max_length=32, pattern=r"^[A-Za-z0-9_.-]+$")]
Phone = Annotated[str, Field(min_length=11, max_length=11, pattern=r"^1[0-9]{10}$")]
RegionCode = Annotated[
    str, Field(min_length=6, max_length=12, pattern=r"^([0-9]{6}|[0-9]{9}|[0-9]{12})$")
]


class _Strict(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)


class ImplicatedIn(_Strict):
    """One party a complaint names."""

    kind: Annotated[PartyKind, Field(strict=False)]
    cadre_code: Code | None = None
    office_code: Code | None = None
    name: ShortText = ""
    region_code: RegionCode | None = None
    level: Annotated[RegionLevel, Field(strict=False)] | None = None

    @model_validator(mode="after")
    def _needs_identity(self) -> ImplicatedIn:
        if self.kind is PartyKind.CADRE and not self.cadre_code:
            raise ValueError("a cadre needs cadre_code")
        if self.kind is PartyKind.OFFICE and not self.office_code:
            raise ValueError("an office needs office_code")
        if self.kind in (PartyKind.DEPARTMENT, PartyKind.PERSON) and not self.name.strip():
            raise ValueError("a department or person needs a name")
        return self


class ComplainantIn(_Strict):
    """Who files a named complaint: a member of the household, by the register's own key,
    which the server resolves within that household."""

    member_id_hash: Annotated[str, Field(pattern=_MEMBER_HASH)]


class ComplaintIn(_Strict):
    """The body of ``POST /api/v1/complaints``.

    ``disclosure`` says what the inspectors are told of who filed it (docs/central-api.md).
    A body without it, as a kiosk's outbox may still hold from before the levels existed,
    gets the level its ``anonymous`` implies (``Disclosure.implied``), with the rules of that
    time: a named complaint need not carry its complainant.
    """

    tracking_number: TrackingNumber
    #: What a kiosk sends. Exactly one of the two: a body from before digests, as a
    #: kiosk's outbox may still hold, carries the secret itself and the server digests it.
    secret_digest: SecretDigest | None = None
    secret: Secret | None = None
    category: Annotated[ComplaintCategory, Field(strict=False)]
    household_file_number: (
        Annotated[str, Field(min_length=1, max_length=32, pattern=_IDENTIFIER)] | None
    ) = None
    aid_record_reference: (
        Annotated[str, Field(min_length=1, max_length=64, pattern=_IDENTIFIER)] | None
    ) = None
    recorded_fen: Annotated[int, Field(gt=0, le=MAX_FEN, description=_WHOLE)] | None = None
    claimed_received_fen: Fen | None = None
    text: FreeText = ""
    disclosure: Annotated[Disclosure, Field(strict=False)] | None = None
    anonymous: bool | None = None
    complainant: ComplainantIn | None = None
    contact_phone: Phone | None = None
    implicated: Annotated[list[ImplicatedIn], Field(max_length=MAX_IMPLICATED)] = []
    filed_at: Annotated[datetime, Field(strict=False), AfterValidator(_aware)]

    @property
    def level(self) -> Disclosure:
        """The disclosure level: as sent, or as ``anonymous`` implies for an older body."""
        if self.disclosure is not None:
            return self.disclosure
        return Disclosure.implied(
            anonymous=bool(self.anonymous), with_household=self.household_file_number is not None
        )

    @model_validator(mode="after")
    def _consistent(self) -> ComplaintIn:
        # The error's location is the field it is about: see central.errors.field_of.
        if (self.secret_digest is None) == (self.secret is None):
            raise _FieldError("secret_digest")
        level = self.level
        if self.anonymous is not None and self.anonymous != (level is not Disclosure.NAMED):
            raise _FieldError("anonymous")
        if level is not Disclosure.NAMED:
            if self.contact_phone is not None:
                raise _FieldError("contact_phone")
            if self.complainant is not None:
                raise _FieldError("complainant")
        if level is Disclosure.VILLAGE_REPORT:
            if self.household_file_number is not None:
                raise _FieldError("household_file_number")
            if self.aid_record_reference is not None:
                raise _FieldError("aid_record_reference")
        elif self.disclosure is not None:
            # Said outright, named and anonymous are about the complainant's own household,
            # and named says who files it. An older body keeps the older, looser rules.
            if self.household_file_number is None:
                raise _FieldError("household_file_number")
            if level is Disclosure.NAMED and self.complainant is None:
                raise _FieldError("complainant")
        if self.aid_record_reference is not None:
            if self.household_file_number is None:
                raise _FieldError("household_file_number")
            if self.recorded_fen is None:
                raise _FieldError("recorded_fen")
            if self.claimed_received_fen is None:
                raise _FieldError("claimed_received_fen")
            if self.claimed_received_fen >= self.recorded_fen:
                raise _FieldError("claimed_received_fen")
        elif self.recorded_fen is not None or self.claimed_received_fen is not None:
            raise _FieldError("aid_record_reference")
        return self


class _FieldError(ValueError):
    """A rule across fields that one field breaks; ``central.api.complaints`` reports it."""

    def __init__(self, field: str) -> None:
        super().__init__(f"field:{field}")
        self.field = field


class StatusIn(_Strict):
    """The body of ``POST /api/v1/complaints/status``."""

    tracking_number: TrackingNumber
    secret: Secret


class AppealIn(_Strict):
    """The body of ``POST /api/v1/complaints/appeal``."""

    tracking_number: TrackingNumber
    secret: Secret
    text: Annotated[FreeText, Field(min_length=1)]


# The answers below describe what the routes send, for the OpenAPI document; the routes
# build their bodies themselves (central.filing, central.api.lookup).

#: ``2026-11-29T08:15:00Z``: whole seconds in UTC (central.timefmt.iso_utc).
UtcTime = Annotated[str, Field(pattern=r"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$")]


class DocumentKeyIn(_Strict):
    """The body of ``POST /api/v1/document-keys``: the terminal's document public key."""

    public_key: Annotated[
        str,
        Field(
            min_length=64,
            max_length=64,
            pattern=r"^[0-9a-f]{64}$",
            description="The raw 32-byte Ed25519 public key in lower-case hex.",
        ),
    ]


class DocumentKeyAck(BaseModel):
    """The answer of ``POST /api/v1/document-keys``: the key's id and when it was first
    published (the same record when the key was published before)."""

    key_id: Annotated[str, Field(pattern=r"^[0-9a-f]{16}$")]
    published_at: UtcTime


class DocumentKeyOut(BaseModel):
    """One published document key; ``revoked_at`` is set once staff revoked it."""

    key_id: Annotated[str, Field(pattern=r"^[0-9a-f]{16}$")]
    kiosk_code: str
    public_key: Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")]
    published_at: UtcTime
    revoked_at: UtcTime | None


class DocumentKeysOut(BaseModel):
    """The answer of ``GET /api/v1/document-keys``: every key ever published."""

    keys: list[DocumentKeyOut]


class OfficeOut(BaseModel):
    """The discipline office a complaint went to."""

    code: str
    name: str


class ComplaintAck(BaseModel):
    """The 201 answer of ``POST /api/v1/complaints``."""

    tracking_number: str
    status: ComplaintStatus
    office: OfficeOut
    received_at: UtcTime


class PublicEvent(BaseModel):
    """One step of a complaint that its complainant may see."""

    at: UtcTime
    status: ComplaintStatus
    code: str | None
    values: dict[str, Any]
    text: str


class StatusOut(BaseModel):
    """The 200 answer of ``POST /api/v1/complaints/status`` and ``.../appeal``."""

    tracking_number: str
    category: ComplaintCategory
    status: ComplaintStatus
    outcome: Outcome | None
    office: OfficeOut | None
    received_at: UtcTime
    due_at: UtcTime | None
    can_appeal: bool
    events: list[PublicEvent]


class ErrorOut(BaseModel):
    """Every error answer of API v1 (``central.errors.ApiError``)."""

    error: Annotated[str, Field(description="A code for machines: `not_found`, ...")]
    message_zh: str
    message_en: str
    field: Annotated[str, Field(description="The field a 422 is about")] | None = None
