"""Issuing records: a receipt signed with the terminal's document key, its QR code read
back from the rendered page, and its secret kept out of everything but the paper."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from sqlalchemy import select

from kiosk.domain.document_words import FACTS
from kiosk.domain.models import AidRecord, Household, VerificationKind
from kiosk.domain.problems import Refused
from kiosk.domain.signed_document import (
    DocumentType,
    PublishedKey,
    Status,
    matches_content,
    verify,
)
from kiosk.services.complaints.filing import FiledComplaint
from kiosk.services.complaints.kiosk_key import write_new_key
from kiosk.services.printing.content import read_embedded_content
from kiosk.services.printing.issue import (
    DocumentSigner,
    Paper,
    issue_certificate,
    issue_receipt,
    issue_statement,
)
from kiosk.services.printing.preview import render_pages
from kiosk.services.printing.problems import IssueProblem
from kiosk.services.resident.ledger import ledger, record_verification
from kiosk.services.store import Store, open_store
from tests.conftest import DemoTemplate
from tests.services.printing.pdf_tools import UNMASKED_ID, decode_qr, render_pngs, write
from tests.services.printing.samples import SECRET, TRACKING

NOW = datetime(2026, 12, 7, 7, 35, 44, 123456, tzinfo=UTC)
OFFICE = "中共龙里县纪律检查委员会 龙里县监察委员会"


def _published(key: Ed25519PrivateKey, issuer: str = "LL-GS-0003") -> dict[str, PublishedKey]:
    raw = key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    record = PublishedKey(raw, issuer)
    return {record.key_id: record}


def _filed() -> FiledComplaint:
    return FiledComplaint(TRACKING, SECRET, OFFICE, datetime(2026, 12, 7, 7, 35, 40, tzinfo=UTC))


@pytest.fixture
def signer(tmp_path: Path) -> DocumentSigner:
    key_file = tmp_path / "document-key.pem"
    write_new_key(key_file)
    return DocumentSigner.from_file(key_file, "LL-GS-0003")


def test_a_receipt_verifies_against_the_terminals_public_key(
    signer: DocumentSigner, tmp_path: Path
) -> None:
    """The QR code on the printed page decodes, verifies, and its hash matches the content."""
    issued = issue_receipt(_filed(), signer=signer, now=NOW, hotline="12388")
    assert issued.document_type is DocumentType.RECEIPT
    assert issued.number == TRACKING and issued.holds_resident_data
    pdf = write(issued.pdf, tmp_path / "receipt.pdf")
    [png] = render_pngs(pdf, tmp_path / "receipt")
    scanned = decode_qr(png)
    assert scanned == issued.payload_text
    result = verify(scanned, _published(signer.private_key))
    assert result.status is Status.VALID
    assert result.payload is not None
    assert result.payload.facts == {"trk": TRACKING, "day": 20261207}
    assert result.payload.issued_at == NOW.replace(microsecond=0)
    assert matches_content(result, read_embedded_content(pdf))


def test_another_terminals_key_does_not_verify_it(signer: DocumentSigner) -> None:
    """Signed by this terminal: under someone else's published key it is unknown."""
    issued = issue_receipt(_filed(), signer=signer, now=NOW)
    other = _published(Ed25519PrivateKey.generate())
    assert verify(issued.payload_text, other).status is Status.UNKNOWN_KEY


def test_the_secret_is_on_the_paper_only(signer: DocumentSigner, tmp_path: Path) -> None:
    """Neither the QR text, the hashed content nor the print job's title holds the secret."""
    issued = issue_receipt(_filed(), signer=signer, now=NOW)
    pdf = write(issued.pdf, tmp_path / "receipt.pdf")
    assert SECRET not in issued.payload_text
    assert SECRET.encode() not in read_embedded_content(pdf)
    job = issued.print_job()
    assert job.title == "receipt" and SECRET not in repr(job) and TRACKING not in repr(job)
    assert SECRET not in repr(issued)


def test_a_terminal_without_a_document_key_refuses_with_a_code(tmp_path: Path) -> None:
    """No key file: a code the screens word, never a stack trace."""
    with pytest.raises(Refused) as refusal:
        DocumentSigner.from_file(tmp_path / "missing.pem", "LL-GS-0003")
    assert refusal.value.code is IssueProblem.NO_DOCUMENT_KEY


def test_the_preview_renders_every_page(signer: DocumentSigner) -> None:
    """The receipt is one PNG page for the preview screen."""
    pages = render_pages(issue_receipt(_filed(), signer=signer, now=NOW).pdf)
    assert len(pages) == 1 and pages[0].startswith(b"\x89PNG")


@pytest.fixture
def demo_store(demo_template: DemoTemplate, tmp_path: Path) -> Iterator[Store]:
    path = tmp_path / "kiosk.sqlite3"
    shutil.copyfile(demo_template(households=20, seed=3), path)
    store = open_store(path, migrate=False)
    yield store
    store.close()


def _relief_household(store: Store) -> tuple[int, int]:
    """The household of the 8,000-yuan relief of 2014, and that payment's id."""
    with store.sessionmaker() as s:
        household_id = s.scalars(
            select(Household.id).where(Household.file_number == "522730001001-0001")
        ).one()
        record_id = s.scalars(
            select(AidRecord.id).where(
                AidRecord.household_id == household_id, AidRecord.amount_fen == 800_000
            )
        ).one()
    return household_id, record_id


@pytest.mark.parametrize("paper", list(Paper))
def test_a_statement_verifies_and_signs_the_totals_and_the_residents_word(
    demo_store: Store, signer: DocumentSigner, tmp_path: Path, paper: Paper
) -> None:
    """Every payment and its total, the disputed one counted as disputed; the QR on the
    first page verifies and its hash matches the content."""
    household_id, record_id = _relief_household(demo_store)
    with demo_store.sessionmaker.begin() as s:
        record_verification(
            s,
            household_id=household_id,
            aid_record_id=record_id,
            kind=VerificationKind.RECEIVED_LESS,
            received_fen=400_000,
            kiosk_code="LL-GS-0003",
        )
    with demo_store.sessionmaker() as s:
        issued = issue_statement(s, household_id, paper=paper, signer=signer, now=NOW)
        recorded = ledger(s, household_id)
    pdf = write(issued.pdf, tmp_path / "statement.pdf")
    png = render_pngs(pdf, tmp_path / "statement", last=1)[0]
    result = verify(decode_qr(png), _published(signer.private_key))
    assert result.status is Status.VALID and result.payload is not None
    facts = result.payload.facts
    assert set(facts) <= set(FACTS)  # the verifier words every fact signed
    assert facts["hh"] == "522730001001-0001"
    assert facts["tot"] == recorded.total_fen and facts["n"] == recorded.count
    assert facts["dp"] == 1
    assert result.payload.document_type is DocumentType.LEDGER_STATEMENT
    assert matches_content(result, read_embedded_content(pdf))
    assert not UNMASKED_ID.search(read_embedded_content(pdf).decode())


def test_a_certificate_verifies_and_masks_every_id_number(
    demo_store: Store, signer: DocumentSigner, tmp_path: Path
) -> None:
    """The household's status, band and members, good for 90 days; its QR verifies and
    matches the content, which holds no full ID number."""
    household_id, _ = _relief_household(demo_store)
    with demo_store.sessionmaker() as s:
        issued = issue_certificate(
            s, household_id, signer=signer, now=NOW, issuer="龙里县冠山街道办事处"
        )
        household = s.get_one(Household, household_id)
        members = len(household.members)
        status = household.status.value
    pdf = write(issued.pdf, tmp_path / "certificate.pdf")
    png = render_pngs(pdf, tmp_path / "certificate", last=1)[0]
    result = verify(decode_qr(png), _published(signer.private_key))
    assert result.status is Status.VALID and result.payload is not None
    assert result.payload.document_type is DocumentType.HOUSEHOLD_CERTIFICATE
    facts = result.payload.facts
    assert set(facts) <= set(FACTS)  # the verifier words every fact signed
    assert facts["hh"] == "522730001001-0001" and facts["st"] == status
    assert facts["m"] == members and facts["until"] == 20270307
    content = read_embedded_content(pdf)
    assert matches_content(result, content)
    assert not UNMASKED_ID.search(content.decode())
