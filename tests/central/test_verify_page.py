"""The public verify page over the real server on a loopback port (SQLite, then PostgreSQL):
a real receipt's PDF, a photo of it and pasted texts, each answered in plain words.

The requests go through ``requests`` to uvicorn rather than Starlette's TestClient (which
needs httpx, not installed here); that is the real server's own HTTP parsing as well."""

from __future__ import annotations

import html
import re
from pathlib import Path

import requests
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from central.cli import main
from central.db import Database
from central.inbox.guard import SECURITY_HEADERS
from central.limits import MAX_BODY_BYTES
from tests.central.conftest import SignedClient
from tests.signed_records import (
    ISSUED_LOCAL,
    TRACKING,
    Record,
    altered_receipt,
    forged_signature,
    id_of,
    one_character_changed,
    public_hex,
    qr_png,
    signed_receipt,
)


def _published(api: SignedClient) -> tuple[Ed25519PrivateKey, Record]:
    key = Ed25519PrivateKey.generate()
    answer = api.post("/api/v1/document-keys", {"public_key": public_hex(key)})
    assert answer.status_code == 201
    return key, signed_receipt(key)


def _upload(base_url: str, data: bytes, name: str, kind: str) -> requests.Response:
    return requests.post(
        base_url + "/verify", files={"file": (name, data, kind)}, data={"text": ""}, timeout=60
    )


def _paste(base_url: str, text: str) -> requests.Response:
    return requests.post(base_url + "/verify", data={"text": text}, timeout=60)


def _result(answer: requests.Response) -> tuple[str, str]:
    """The result box's class (valid or invalid) and its text, tags dropped."""
    assert answer.headers["content-type"].startswith("text/html")
    found = re.search(r'<section class="result (\w+)"[^>]*>(.*?)</section>', answer.text, re.S)
    assert found is not None, "no result on the page"
    text = html.unescape(re.sub(r"<[^>]+>", " ", found.group(2)))
    return found.group(1), " ".join(text.split())


def test_the_form_needs_no_sign_in_and_carries_the_inbox_headers(live_server: str) -> None:
    """GET /verify: a form for a file or text, no cookie, the inbox's security headers."""
    answer = requests.get(live_server + "/verify", timeout=30)
    assert answer.status_code == 200
    for name, value in SECURITY_HEADERS.items():
        assert answer.headers[name] == value
    assert answer.headers["cache-control"] == "no-store"
    assert "set-cookie" not in answer.headers
    assert 'enctype="multipart/form-data"' in answer.text
    assert 'name="file"' in answer.text and 'name="text"' in answer.text
    assert answer.text.index("核验打印文件") < answer.text.index("Verify a printed record")
    style = requests.get(live_server + "/verify.css", timeout=30)
    assert style.status_code == 200 and style.headers["content-type"].startswith("text/css")


def test_a_genuine_pdf_is_valid_with_its_facts_in_words(
    api: SignedClient, live_server: str
) -> None:
    """The receipt's own PDF: valid, content compared, and the signed facts in both
    languages: the type, the tracking number in groups, Beijing time, the terminal."""
    key, record = _published(api)
    kind, text = _result(_upload(live_server, record.pdf, "receipt.pdf", "application/pdf"))
    assert kind == "valid"
    assert "真实有效" in text and "Valid" in text
    assert "文件内容与签名时完全一致" in text
    assert "投诉回执" in text and "Complaint receipt" in text
    assert " ".join([TRACKING[:4], TRACKING[4:8], TRACKING[8:]]) in text
    assert ISSUED_LOCAL in text and "2026年12月7日 15:35" in text and "北京时间" in text
    assert "签发终端 Issuing terminal TEST-0001" in text
    assert id_of(key) in text


def test_an_altered_pdf_is_invalid_and_shows_what_was_signed(
    api: SignedClient, live_server: str
) -> None:
    """The same QR code on a receipt whose office was changed: altered, in both languages,
    with the signed facts to compare against."""
    _key, record = _published(api)
    kind, text = _result(
        _upload(live_server, altered_receipt(record), "receipt.pdf", "application/pdf")
    )
    assert kind == "invalid"
    assert "文件被改动过" in text and "altered" in text
    assert "真实有效" not in text
    assert TRACKING[:4] in text


def test_unknown_key_bad_signature_and_a_misread_code_are_each_named(
    api: SignedClient, live_server: str
) -> None:
    """A key nobody published, a signature changed by one bit, and a misread character
    each get their own words, never valid."""
    _key, record = _published(api)
    stranger = signed_receipt(Ed25519PrivateKey.generate())
    cases = [
        (_upload(live_server, stranger.pdf, "r.pdf", "application/pdf"), "签名密钥未公布"),
        (_paste(live_server, forged_signature(record.qr_text)), "签名不符"),
        (_paste(live_server, one_character_changed(record.qr_text)), "二维码无法识别"),
        (_paste(live_server, "hello"), "二维码无法识别"),
    ]
    for answer, words in cases:
        assert answer.status_code == 200
        kind, text = _result(answer)
        assert kind == "invalid" and words in text, text


def test_a_pasted_code_and_a_photo_are_checked_without_the_content(
    api: SignedClient, live_server: str, tmp_path: Path
) -> None:
    """The QR text pasted (wrapped over lines, as a phone may share it) and a PNG of the
    page larger than the API's 64 KiB: valid, and the reader is told to compare the paper
    with the facts shown."""
    _key, record = _published(api)
    wrapped = "\n".join(record.qr_text[i : i + 60] for i in range(0, len(record.qr_text), 60))
    kind, text = _result(_paste(live_server, f"  {wrapped}\r\n"))
    assert kind == "valid" and "只核验了二维码" in text

    photo = qr_png(record.pdf, tmp_path).read_bytes()
    assert len(photo) > MAX_BODY_BYTES
    kind, text = _result(_upload(live_server, photo, "photo.png", "image/png"))
    assert kind == "valid" and "compare what is printed" in text


def test_a_revoked_key_is_reported_with_when(
    api: SignedClient, live_server: str, central_db: Database
) -> None:
    """A record of a revoked key is invalid, saying when the key was revoked."""
    key, record = _published(api)
    assert main(["revoke-document-key", id_of(key), "--db", central_db.url]) == 0
    kind, text = _result(_upload(live_server, record.pdf, "r.pdf", "application/pdf"))
    assert kind == "invalid"
    assert "签名密钥已被撤销" in text and "Revoked on" in text
    assert re.search(r"撤销时间：\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}", text)


def test_uploads_are_bounded(live_server: str) -> None:
    """Above 8 MiB the page answers 413 in words; the API keeps its 64 KiB."""
    size = 9 * 1024 * 1024
    big = _upload(live_server, b"%PDF-" + b"0" * size, "big.pdf", "application/pdf")
    assert big.status_code == 413
    kind, text = _result(big)
    assert kind == "invalid" and "文件太大" in text
    api_big = requests.post(
        live_server + "/api/v1/document-keys", data=b"{" + b" " * MAX_BODY_BYTES, timeout=30
    )
    assert api_big.status_code == 413 and api_big.json()["error"] == "body_too_large"
