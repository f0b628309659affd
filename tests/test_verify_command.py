"""``kiosk verify`` on a real receipt: its PDF, a PNG of its QR made by pdftoppm, and its
text with one character changed, against the keys of the real central server on a loopback
port, then offline from the kept list, then from a saved file."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest
import requests
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from central.cli import main as central_main
from central.db import Database
from kiosk.cli import main
from kiosk.exitcodes import ExitCode
from kiosk.services.verification import CACHE_NAME

# The central server's fixtures: a migrated database, a registered terminal, the server.
from tests.central.conftest import (  # noqa: F401
    SignedClient,
    api,
    central_db,
    central_settings,
    kiosk_keys,
    live_server,
    postgres_url,
    sqlite_template,
    world,
)
from tests.central_server import free_port
from tests.signed_records import (
    Record,
    id_of,
    one_character_changed,
    public_hex,
    qr_png,
    signed_receipt,
)


def _config(folder: Path, url: str) -> Path:
    path = folder / "kiosk.toml"
    path.write_text(
        f'[central]\nurl = "{url}"\ntimeout_s = 5\n[store]\npath = "{folder / "kiosk.sqlite3"}"\n',
        encoding="utf-8",
    )
    return path


def _published(api: SignedClient) -> tuple[Ed25519PrivateKey, Record]:  # noqa: F811
    key = Ed25519PrivateKey.generate()
    assert api.post("/api/v1/document-keys", {"public_key": public_hex(key)}).status_code == 201
    return key, signed_receipt(key)


@pytest.mark.parametrize("central_db", ["sqlite"], indirect=True)
def test_a_receipt_pdf_and_its_photo_verify_online_then_offline(
    api: SignedClient,  # noqa: F811
    live_server: str,  # noqa: F811
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Online: the PDF is valid (content compared), in both languages, and the keys are
    kept. Offline (nothing listens at the URL): the PNG is valid against the kept list."""
    _key, record = _published(api)
    pdf = tmp_path / "receipt.pdf"
    pdf.write_bytes(record.pdf)
    online = _config(tmp_path, live_server)
    assert main(["verify", str(pdf), "--config", str(online)]) == ExitCode.OK
    out = capsys.readouterr().out
    assert "真实有效" in out and "Valid" in out
    assert "文件内容与签名时完全一致" in out
    assert "签发终端 / Issuing terminal: TEST-0001" in out
    assert "公钥来自中心服务器" in out
    assert (tmp_path / CACHE_NAME).exists()

    offline = _config(tmp_path, f"http://127.0.0.1:{free_port()}")
    photo = qr_png(record.pdf, tmp_path)
    assert main(["verify", str(photo), "--config", str(offline)]) == ExitCode.OK
    out = capsys.readouterr().out
    assert "真实有效" in out and "上次保存的公钥列表" in out


@pytest.mark.parametrize("central_db", ["sqlite"], indirect=True)
def test_text_with_one_character_changed_is_invalid(
    api: SignedClient,  # noqa: F811
    live_server: str,  # noqa: F811
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The code's text from standard input: as printed it is valid; one character changed
    it is invalid (exit 7), with the reason in both languages."""
    _key, record = _published(api)
    config = str(_config(tmp_path, live_server))
    for text, expected in (
        (record.qr_text, ExitCode.OK),
        (one_character_changed(record.qr_text), ExitCode.INVALID_DOCUMENT),
    ):
        stdin = io.TextIOWrapper(io.BytesIO(text.encode() + b"\n"))
        monkeypatch.setattr(sys, "stdin", stdin)
        assert main(["verify", "-", "--config", config]) == expected
    out = capsys.readouterr().out
    assert "无效" in out and "Invalid" in out


def test_a_saved_list_verifies_and_reports_a_revoked_key(
    api: SignedClient,  # noqa: F811
    live_server: str,  # noqa: F811
    central_db: Database,  # noqa: F811
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """``--keys FILE`` with the server's list as saved after a revocation: the record of the
    revoked key is invalid (exit 7), saying so; a list that is not one is refused (exit 8)."""
    key, record = _published(api)
    assert central_main(["revoke-document-key", id_of(key), "--db", central_db.url]) == 0
    keys = tmp_path / "keys.json"
    keys.write_bytes(requests.get(live_server + "/api/v1/document-keys", timeout=30).content)
    pdf = tmp_path / "receipt.pdf"
    pdf.write_bytes(record.pdf)
    assert main(["verify", str(pdf), "--keys", str(keys)]) == ExitCode.INVALID_DOCUMENT
    out = capsys.readouterr().out
    assert "签名密钥已被撤销" in out and "revoked" in out and "公钥来自指定的文件" in out

    keys.write_text(json.dumps({"keys": [{"public_key": "00"}]}), encoding="utf-8")
    assert main(["verify", str(pdf), "--keys", str(keys)]) == ExitCode.NO_KEYS


def test_without_server_or_kept_list_nothing_is_claimed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """No server and no kept list: exit 8 and a sentence, never "unknown key"."""
    record = signed_receipt(Ed25519PrivateKey.generate())
    pdf = tmp_path / "receipt.pdf"
    pdf.write_bytes(record.pdf)
    config = _config(tmp_path, f"http://127.0.0.1:{free_port()}")
    assert main(["verify", str(pdf), "--config", str(config)]) == ExitCode.NO_KEYS
    assert "没有可用的公钥列表" in capsys.readouterr().err
