"""Issuing a printed record: the one place where what the store holds becomes a signed PDF.

:func:`issue_receipt` (a complaint just filed), :func:`issue_statement` (a household's aid
ledger, roll or A4) and :func:`issue_certificate` (a household certificate, A4). Each builds
the document's facts, its canonical content, and the
:class:`~kiosk.domain.signed_document.DocumentPayload` that the QR code signs (the facts that
matter, such as the tracking number or the totals, and a hash of the content), signs it with
this terminal's document key, renders the PDF and hands back an :class:`IssuedDocument`.
Screens call them on a worker thread (reportlab takes a moment) and give the document to the
print queue with :meth:`IssuedDocument.print_job`.

A receipt's secret is printed on the paper and nowhere else: not in the payload, not in the
hashed content (see :mod:`kiosk.services.printing.content`). ID numbers are the store's
masked forms only; the document layouts refuse anything else. Refusals are
:class:`~kiosk.domain.problems.Refused` with an :class:`IssueProblem` code.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy.orm import Session

from kiosk.domain.clock import SHANGHAI
from kiosk.domain.models import (
    Household,
    Member,
    PovertyStatus,
    Region,
    RegionLevel,
    Relation,
    VerificationKind,
)
from kiosk.domain.poverty import band_for
from kiosk.domain.problems import Reason, Refused
from kiosk.domain.signed_document import (
    DocumentPayload,
    DocumentType,
    FactValue,
    PayloadError,
    content_hash,
    key_id,
    sign,
)
from kiosk.services.complaints.filing import FiledComplaint
from kiosk.services.complaints.kiosk_key import KioskKeyError, load_key
from kiosk.services.importer.labels import PROGRAMME, RELATION
from kiosk.services.printing.certificate import (
    CertificateFacts,
    CertificateMember,
    certificate_content,
    render_certificate,
)
from kiosk.services.printing.printers.base import PrintJob
from kiosk.services.printing.problems import IssueProblem
from kiosk.services.printing.receipt import ReceiptFacts, receipt_content, render_receipt
from kiosk.services.printing.statement import (
    Payment,
    PaymentCheck,
    StatementFacts,
    statement_content,
    summarise,
)
from kiosk.services.printing.statement_a4 import render_statement_a4
from kiosk.services.printing.statement_roll import render_statement_roll
from kiosk.services.resident.ledger import ledger


@dataclass(frozen=True)
class DocumentSigner:
    """This terminal's document key and code: what signs every record it prints."""

    private_key: Ed25519PrivateKey = field(repr=False)
    terminal_code: str

    @property
    def key_id(self) -> str:
        return key_id(self.private_key.public_key())

    @classmethod
    def from_file(cls, path: Path, terminal_code: str) -> DocumentSigner:
        """The signer whose key is in ``path``; :class:`Refused` (no document key) if the
        file is missing or is not an Ed25519 key."""
        try:
            return cls(load_key(path), terminal_code)
        except KioskKeyError:
            raise Refused(Reason.of(IssueProblem.NO_DOCUMENT_KEY)) from None


@dataclass(frozen=True)
class IssuedDocument:
    """A signed record, rendered: what the preview shows and the print queue prints.

    ``job_title`` is the code the printer's queue lists it under; ``number`` makes two
    prints of it the same document, so a second tap never prints it twice.
    """

    pdf: bytes = field(repr=False)
    payload_text: str = field(repr=False)
    document_type: DocumentType
    number: str = field(repr=False)
    job_title: str
    holds_resident_data: bool = True

    def print_job(self) -> PrintJob:
        return PrintJob(
            self.pdf,
            title=self.job_title,
            holds_resident_data=self.holds_resident_data,
            document_number=self.number,
        )


def _signed(
    signer: DocumentSigner,
    document_type: DocumentType,
    number: str,
    issued_at: datetime,
    facts: dict[str, FactValue],
    content: bytes,
) -> str:
    try:
        payload = DocumentPayload(
            key_id=signer.key_id,
            document_type=document_type,
            number=number,
            issued_at=issued_at.replace(microsecond=0),
            facts=facts,
            content_hash=content_hash(content),
        )
        return sign(payload, signer.private_key)
    except PayloadError as error:
        raise Refused(Reason.of(IssueProblem.BAD_FACTS, problem=error.problem.value)) from None


def signed_receipt(
    filed: FiledComplaint,
    *,
    signer: DocumentSigner,
    now: datetime,
    hotline: str | None = None,
    website: str | None = None,
) -> tuple[ReceiptFacts, str]:
    """The facts a receipt prints and its signed payload: the tracking number and the day of
    filing in Shanghai (``day``, as 20261207) with a hash of the content; the secret is in
    neither."""
    try:
        facts = ReceiptFacts(
            tracking_number=filed.tracking_number,
            secret=filed.secret,
            office=filed.office_name,
            filed_at=filed.filed_at,
            terminal_code=signer.terminal_code,
            hotline=hotline,
            website=website,
        )
    except ValueError:
        raise Refused(Reason.of(IssueProblem.BAD_FACTS)) from None
    day = int(filed.filed_at.astimezone(SHANGHAI).strftime("%Y%m%d"))
    text = _signed(
        signer,
        DocumentType.RECEIPT,
        filed.tracking_number,
        now,
        {"trk": filed.tracking_number, "day": day},
        receipt_content(facts),
    )
    return facts, text


def issue_receipt(
    filed: FiledComplaint,
    *,
    signer: DocumentSigner,
    now: datetime,
    hotline: str | None = None,
    website: str | None = None,
) -> IssuedDocument:
    """The receipt of a complaint just filed at this terminal (80 mm roll).

    It prints the tracking number, the secret, the receiving office, when and where it was
    filed and how to check its status, with the payload of :func:`signed_receipt`.
    """
    facts, text = signed_receipt(filed, signer=signer, now=now, hotline=hotline, website=website)
    return IssuedDocument(
        pdf=render_receipt(facts, text),
        payload_text=text,
        document_type=DocumentType.RECEIPT,
        number=filed.tracking_number,
        job_title="receipt",
    )


class Paper(StrEnum):
    """What a statement is printed on."""

    ROLL = "roll"
    A4 = "a4"


_CHECKS = {
    VerificationKind.RECEIVED_IN_FULL: PaymentCheck.CONFIRMED,
    VerificationKind.RECEIVED_LESS: PaymentCheck.DISPUTED,
    VerificationKind.RECEIVED_NOTHING: PaymentCheck.DISPUTED,
}


def _head(household: Household) -> Member:
    head = min(
        household.members,
        key=lambda m: (m.relation is not Relation.HEAD, m.position),
        default=None,
    )
    if head is None:
        raise Refused(Reason.of(IssueProblem.BAD_FACTS))
    return head


def _township(village: Region) -> str:
    """County and township above ``village``, as "龙里县冠山街道"."""
    names: list[str] = []
    current = village.parent
    while current is not None and current.level.rank >= RegionLevel.COUNTY.rank:
        names.insert(0, current.name)
        current = current.parent
    return "".join(names)


def issue_statement(
    session: Session,
    household_id: int,
    *,
    paper: Paper,
    signer: DocumentSigner,
    now: datetime,
) -> IssuedDocument:
    """The aid ledger statement of ``household_id``: every payment in its name with totals,
    each marked confirmed or disputed as the resident last said (roll or A4).

    The payload signs the household's file number, the total in fen, the number of payments
    and how many the resident confirmed and disputed, with a hash of the content.
    """
    household = session.get(Household, household_id)
    if household is None:
        raise Refused(Reason.of(IssueProblem.BAD_FACTS))
    head = _head(household)
    found = ledger(session, household_id)
    payments = tuple(
        Payment(
            paid_on=line.paid_on,
            programme=PROGRAMME.labels[line.programme][0],
            member=line.recipient or "",
            amount_fen=line.amount_fen,
            check=PaymentCheck.UNCHECKED
            if line.verification is None
            else _CHECKS[line.verification],
        )
        for year in reversed(found.years)
        for line in year.lines
    )
    issued_at = now.replace(microsecond=0)
    number = f"LS-{issued_at.astimezone(SHANGHAI):%Y%m%d%H%M%S}-{household_id}"
    try:
        facts = StatementFacts(
            statement_number=number,
            head_name=head.name,
            head_id_masked=head.id_masked,
            household_number=household.file_number,
            township=_township(household.village),
            village=household.village.name,
            payments=payments,
            issued_at=issued_at,
        )
    except (TypeError, ValueError):
        raise Refused(Reason.of(IssueProblem.BAD_FACTS)) from None
    summary = summarise(facts)
    text = _signed(
        signer,
        DocumentType.LEDGER_STATEMENT,
        number,
        issued_at,
        {
            "hh": household.file_number,
            "tot": summary.total_fen,
            "n": len(payments),
            "cf": summary.counts[PaymentCheck.CONFIRMED],
            "dp": summary.counts[PaymentCheck.DISPUTED],
        },
        statement_content(facts),
    )
    render = render_statement_a4 if paper is Paper.A4 else render_statement_roll
    return IssuedDocument(
        pdf=render(facts, text),
        payload_text=text,
        document_type=DocumentType.LEDGER_STATEMENT,
        number=number,
        job_title="aid-statement",
    )


#: The registered status as a certificate prints it.
STATUS_WORDS = {
    PovertyStatus.POOR: "建档立卡贫困户",
    PovertyStatus.LIFTED: "建档立卡脱贫户",
    PovertyStatus.MONITORED: "防返贫监测户",
}
#: What a certificate printed at a terminal may be used for.
PURPOSES = ("子女入学", "就医", "申请救助帮扶")
#: How long it is good for: a school or a hospital asks for a recent one.
VALID_DAYS = 90


def _ancestor(region: Region, level: RegionLevel) -> str:
    current: Region | None = region
    while current is not None and current.level is not level:
        current = current.parent
    return current.name if current is not None else ""


def issue_certificate(
    session: Session,
    household_id: int,
    *,
    signer: DocumentSigner,
    now: datetime,
    issuer: str,
) -> IssuedDocument:
    """The household certificate of ``household_id`` (A4): its registered status and band,
    where it lives and who belongs to it (ID numbers masked), good for :data:`VALID_DAYS`.

    ``issuer`` names who issues it (the street office of this terminal). The payload signs
    the file number, the status, the band, the number of members and the last day it is
    good for, with a hash of the content.
    """
    household = session.get(Household, household_id)
    if household is None:
        raise Refused(Reason.of(IssueProblem.BAD_FACTS))
    head = _head(household)
    issued_at = now.replace(microsecond=0)
    today = issued_at.astimezone(SHANGHAI).date()
    number = f"HC-{issued_at.astimezone(SHANGHAI):%Y%m%d%H%M%S}-{household_id}"
    members = sorted(household.members, key=lambda m: (m.relation is not Relation.HEAD, m.position))
    village = household.village
    band = band_for(household.poverty_score)
    try:
        facts = CertificateFacts(
            certificate_number=number,
            status=STATUS_WORDS[household.status],
            band=band,
            province=_ancestor(village, RegionLevel.PROVINCE),
            county=_ancestor(village, RegionLevel.COUNTY),
            township=_ancestor(village, RegionLevel.TOWNSHIP),
            village=village.name,
            household_number=household.file_number,
            head_name=head.name,
            head_id_masked=head.id_masked,
            members=tuple(
                CertificateMember(m.name, RELATION.labels[m.relation][0], m.id_masked)
                for m in members
            ),
            purposes=PURPOSES,
            issued_on=today,
            valid_until=today + timedelta(days=VALID_DAYS),
            issuer=issuer,
        )
    except (TypeError, ValueError):
        raise Refused(Reason.of(IssueProblem.BAD_FACTS)) from None
    text = _signed(
        signer,
        DocumentType.HOUSEHOLD_CERTIFICATE,
        number,
        issued_at,
        {
            "hh": household.file_number,
            "st": household.status.value,
            "band": band.value,
            "m": len(members),
            "until": int(facts.valid_until.strftime("%Y%m%d")),
        },
        certificate_content(facts),
    )
    return IssuedDocument(
        pdf=render_certificate(facts, text),
        payload_text=text,
        document_type=DocumentType.HOUSEHOLD_CERTIFICATE,
        number=number,
        job_title="certificate",
    )
