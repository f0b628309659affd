"""Issuing records: a receipt signed with the terminal's document key, its QR code read
back from the rendered page, and its secret kept out of everything but the paper."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

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
from kiosk.services.printing.issue import DocumentSigner, issue_receipt
from kiosk.services.printing.preview import render_pages
from kiosk.services.printing.problems import IssueProblem
from tests.services.printing.pdf_tools import decode_qr, render_pngs, write
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
