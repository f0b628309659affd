"""Real printed records for the tests of verification: a complaint receipt rendered by
``kiosk.services.printing.receipt`` with a QR code signed by a terminal's document key, and
the ways a record goes wrong (altered, forged, unknown key, a misread code)."""

from __future__ import annotations

import subprocess
import zlib
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from kiosk.domain import base45
from kiosk.domain.signed_document import (
    PREFIX,
    DocumentPayload,
    DocumentType,
    content_hash,
    key_id,
    sign,
)
from kiosk.services.printing.receipt import ReceiptFacts, receipt_content, render_receipt
from tests.services.printing.samples import TRACKING, receipt_facts

ISSUED = datetime(2026, 12, 7, 7, 35, tzinfo=UTC)
#: 15:35 in Beijing.
ISSUED_LOCAL = "2026-12-07 15:35"
OFFICE_CODE = "C522730"
NUMBER = "LL-GS-0003-R000123"


def public_hex(key: Ed25519PrivateKey) -> str:
    return key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw).hex()


def id_of(key: Ed25519PrivateKey) -> str:
    return key_id(key.public_key())


@dataclass(frozen=True)
class Record:
    """A receipt as printed: its PDF, the QR text on it and the content it signed."""

    pdf: bytes
    qr_text: str
    content: bytes
    facts: ReceiptFacts


def receipt_payload(key: Ed25519PrivateKey, facts: ReceiptFacts) -> DocumentPayload:
    return DocumentPayload(
        key_id=id_of(key),
        document_type=DocumentType.RECEIPT,
        number=NUMBER,
        issued_at=ISSUED,
        facts={"trk": facts.tracking_number, "office": OFFICE_CODE},
        content_hash=content_hash(receipt_content(facts)),
    )


def signed_receipt(key: Ed25519PrivateKey, **changes: object) -> Record:
    """A receipt signed with ``key`` (a terminal's document key), rendered to PDF."""
    facts = receipt_facts(**changes)
    text = sign(receipt_payload(key, facts), key)
    return Record(render_receipt(facts, text), text, receipt_content(facts), facts)


def altered_receipt(record: Record) -> bytes:
    """The same QR code printed on a receipt whose office was changed: the signature is
    still good, the content is not the one signed."""
    facts = receipt_facts(office="龙里县某某办公室")
    assert receipt_content(facts) != record.content
    return render_receipt(facts, record.qr_text)


def forged_signature(text: str) -> str:
    """``text`` with the last byte of its signature changed, packed as a terminal would."""
    blob = bytearray(zlib.decompress(base45.decode(text.removeprefix(PREFIX))))
    blob[-1] ^= 0x01
    return PREFIX + base45.encode(zlib.compress(bytes(blob), 9))


def one_character_changed(text: str) -> str:
    """A misread: one character of the base45 text replaced by another."""
    index = len(text) // 2
    replacement = "0" if text[index] != "0" else "1"
    return text[:index] + replacement + text[index + 1 :]


def qr_png(pdf: bytes, folder: Path) -> Path:
    """The record's first page as a PNG, as ``pdftoppm`` makes it: a "photo" of the paper."""
    source = folder / "record.pdf"
    source.write_bytes(pdf)
    subprocess.run(
        ["pdftoppm", "-r", "150", "-png", "-f", "1", "-l", "1", "-singlefile", str(source),
         str(folder / "record")],
        check=True,
        capture_output=True,
        timeout=60,
    )  # fmt: skip
    return folder / "record.png"


__all__ = ["ISSUED", "ISSUED_LOCAL", "TRACKING", "Record", "signed_receipt"]
