"""Reading a record back with the real poppler and zbar: a receipt's PDF, PNG and JPEG
photos of it, pasted text, and what is refused before any tool runs."""

from __future__ import annotations

import struct
import subprocess
import zlib
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from reportlab.pdfgen.canvas import Canvas

from kiosk.domain import document_reading
from kiosk.domain.document_reading import (
    MAX_INPUT_BYTES,
    InputKind,
    ReadError,
    ReadProblem,
    read_document,
)
from tests.signed_records import Record, qr_png, signed_receipt

KEY = Ed25519PrivateKey.from_private_bytes(bytes(range(32)))


@pytest.fixture(scope="module")
def record() -> Record:
    return signed_receipt(KEY)


def _problem(data: bytes) -> ReadProblem:
    with pytest.raises(ReadError) as raised:
        read_document(data)
    return raised.value.problem


def _png_header(width: int, height: int) -> bytes:
    body = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    chunk = b"IHDR" + body
    return (
        b"\x89PNG\r\n\x1a\n"
        + struct.pack(">I", len(body))
        + chunk
        + struct.pack(">I", zlib.crc32(chunk))
    )


def test_a_pdf_gives_its_code_and_its_embedded_content(record: Record) -> None:
    """The receipt's PDF: the one QR text on it, and the canonical content it carries."""
    read = read_document(record.pdf)
    assert read.kind is InputKind.PDF
    assert read.payloads == (record.qr_text,)
    assert read.content == record.content


def test_photos_give_their_code(record: Record, tmp_path: Path) -> None:
    """A PNG and a JPEG of the page (pdftoppm) each give the QR text, and no content."""
    png = qr_png(record.pdf, tmp_path)
    jpeg = tmp_path / "record.jpg"
    subprocess.run(
        ["pdftoppm", "-r", "150", "-jpeg", "-singlefile", str(tmp_path / "record.pdf"),
         str(tmp_path / "record")],
        check=True,
        timeout=60,
    )  # fmt: skip
    for path in (png, jpeg):
        read = read_document(path.read_bytes())
        assert read.kind is InputKind.IMAGE
        assert read.payloads == (record.qr_text,)
        assert read.content is None
    png_size = document_reading._png_size(png.read_bytes())
    assert png_size == document_reading._jpeg_size(jpeg.read_bytes())


def test_text_keeps_its_inner_spaces_and_loses_line_breaks() -> None:
    """A pasted code loses the white space around it and its line breaks, not its spaces
    (a space is one of base45's characters)."""
    read = read_document(b"  KC1:AB C%D\r\nEF$G \n")
    assert read.kind is InputKind.TEXT
    assert read.payloads == ("KC1:AB C%DEF$G",)


def test_refused_before_any_tool_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    """Empty, too large, not a document, and a photo whose header claims 10^10 pixels are
    refused with their code; no tool is asked (there is none on the PATH)."""
    monkeypatch.setenv("PATH", "")
    assert _problem(b"  \n") is ReadProblem.EMPTY
    assert _problem(b"%PDF-" + b"0" * MAX_INPUT_BYTES) is ReadProblem.TOO_LARGE
    assert _problem(b"\x00\xff\xfe binary") is ReadProblem.UNSUPPORTED
    assert _problem(_png_header(100_000, 100_000)) is ReadProblem.TOO_LARGE
    assert _problem(b"\x89PNG\r\n\x1a\nshort") is ReadProblem.UNSUPPORTED
    assert _problem(b"%PDF-1.4 whatever") is ReadProblem.TOOL_MISSING


def test_a_pdf_without_a_code_is_named(tmp_path: Path) -> None:
    """A PDF of plain text, with no QR code: NO_CODE."""
    path = tmp_path / "plain.pdf"
    canvas = Canvas(str(path))
    canvas.drawString(72, 720, "no code here")
    canvas.save()
    assert _problem(path.read_bytes()) is ReadProblem.NO_CODE
