"""Request bodies of API v1, with every rule of the contract on their fields.

Models are strict (no "1" for 1, no 1.0 for 1) and forbid unknown keys, so a kiosk bug shows
as a 422 naming the field instead of being stored half-understood.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import datetime
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

from kiosk.domain.models import ComplaintCategory, Disclosure, PartyKind, RegionLevel
from kiosk.domain.tracking import secret_well_formed, tracking_number_valid

MAX_TEXT = 2000
MAX_IMPLICATED = 10
#: 100 million yuan: far above any household payment, so a larger amount is a mistake.
MAX_FEN = 10_000_000_000
_PHONE = re.compile(r"1[0-9]{10}")
_KEY = re.compile(r"[A-Za-z0-9_-]{16,64}")
#: The register's key of a member: the keyed hash of their ID number (64 hex characters).
_MEMBER_HASH = r"^[0-9a-f]{64}$"


def idempotency_key_valid(key: str) -> bool:
    return bool(_KEY.fullmatch(key))


def _tracking(value: str) -> str:
    if not tracking_number_valid(value):
        raise ValueError("not a tracking number")
    return value


def _secret(value: str) -> str:
    if not secret_well_formed(value):
        raise ValueError("not a secret")
    return value


def _text(value: str) -> str:
    if any(unicodedata.category(char) == "Cc" and char != "\n" for char in value):
        raise ValueError("control character")
    return value


def _phone(value: str | None) -> str | None:
    if value is not None and not _PHONE.fullmatch(value):
        raise ValueError("not a mobile number")
    return value


def _aware(value: datetime) -> datetime:
    if value.tzinfo is None:
        raise ValueError("time without a zone")
    return value


TrackingNumber = Annotated[str, AfterValidator(_tracking)]
Secret = Annotated[str, AfterValidator(_secret)]
FreeText = Annotated[str, Field(max_length=MAX_TEXT), AfterValidator(_text)]
Fen = Annotated[int, Field(ge=0, le=MAX_FEN)]
ShortText = Annotated[str, Field(max_length=128), AfterValidator(_text)]
Code = Annotated[str, Field(min_length=1, max_length=32, pattern=r"^[A-Za-z0-9_.-]+$")]


class _Strict(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)


class ImplicatedIn(_Strict):
    """One party a complaint names."""

    kind: Annotated[PartyKind, Field(strict=False)]
    cadre_code: Code | None = None
    office_code: Code | None = None
    name: ShortText = ""
    region_code: Annotated[str, Field(pattern=r"^([0-9]{6}|[0-9]{9}|[0-9]{12})$")] | None = None
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
    secret: Secret
    category: Annotated[ComplaintCategory, Field(strict=False)]
    household_file_number: Annotated[str, Field(min_length=1, max_length=32)] | None = None
    aid_record_reference: Annotated[str, Field(min_length=1, max_length=64)] | None = None
    recorded_fen: Annotated[int, Field(gt=0, le=MAX_FEN)] | None = None
    claimed_received_fen: Fen | None = None
    text: FreeText = ""
    disclosure: Annotated[Disclosure, Field(strict=False)] | None = None
    anonymous: bool | None = None
    complainant: ComplainantIn | None = None
    contact_phone: Annotated[str | None, AfterValidator(_phone)] = None
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
