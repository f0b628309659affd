"""``kiosk keygen`` as an installer runs it: a private key only its owner can read, the
public key and the line staff type on the central server."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.domain.request_signing import public_key_hex, sign_request, signature_valid
from kiosk.domain.signed_document import key_id
from kiosk.exitcodes import ExitCode
from kiosk.services.complaints.kiosk_key import load_key


@pytest.fixture
def config_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A configuration naming a key file inside tmp_path (no KIOSK_* from the shell)."""
    for name in list(os.environ):
        if name.startswith("KIOSK_"):
            monkeypatch.delenv(name)
    path = tmp_path / "kiosk.toml"
    path.write_text(
        f'[terminal]\ncode = "LL-GS-0007"\n[security]\nkiosk_key_file = "{tmp_path / "k.pem"}"\n'
        f'document_key_file = "{tmp_path / "d.pem"}"\n',
        encoding="utf-8",
    )
    return path


def test_keygen_writes_a_private_key_only_its_owner_reads(
    config_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The key file has mode 0600, holds the key whose public half is printed, and the
    printed registration line names the terminal, its region and that public key."""
    assert main(["keygen", "--config", str(config_file)]) == ExitCode.OK
    out = capsys.readouterr().out
    key_file = tmp_path / "k.pem"
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    key = load_key(key_file)
    public = public_key_hex(key)
    assert f"public key: {public}" in out
    assert (
        f"kiosk-central register-kiosk LL-GS-0007 --public-key {public} --region 522730001"
    ) in out
    assert "PRIVATE" not in out  # the private key itself is never printed
    signature = sign_request(key, "POST", "/api/v1/complaints", 1, "0" * 32, b"{}")
    assert signature_valid(public, signature, "POST", "/api/v1/complaints", 1, "0" * 32, b"{}")


def test_keygen_refuses_to_replace_a_key_without_force(
    config_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A second run keeps the registered key unless --force, which makes a new one."""
    assert main(["keygen", "--config", str(config_file)]) == ExitCode.OK
    first = (tmp_path / "k.pem").read_bytes()
    capsys.readouterr()
    assert main(["keygen", "--config", str(config_file)]) == ExitCode.INVALID_INPUT
    assert "--force" in capsys.readouterr().err
    assert (tmp_path / "k.pem").read_bytes() == first
    assert main(["keygen", "--config", str(config_file), "--force"]) == ExitCode.OK
    replaced = tmp_path / "k.pem"
    assert replaced.read_bytes() != first
    assert stat.S_IMODE(replaced.stat().st_mode) == 0o600


def test_empty_key_file_setting_means_the_data_dir(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """With security.kiosk_key_file empty the key goes to <data dir>/kiosk-key.pem."""
    for name in list(os.environ):
        if name.startswith("KIOSK_"):
            monkeypatch.delenv(name)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setattr("kiosk.config.SYSTEM_CONFIG", tmp_path / "none.toml")
    assert main(["keygen"]) == ExitCode.OK
    expected = tmp_path / "data" / "citizen-kiosk" / "kiosk-key.pem"
    assert f"private key written to {expected}" in capsys.readouterr().out
    load_key(expected)


def test_keygen_writes_a_document_key_apart_from_the_request_key(
    config_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The key that signs printed records is its own key, mode 0600, and its id is printed;
    a second run keeps it, since records already printed name it."""
    assert main(["keygen", "--config", str(config_file)]) == ExitCode.OK
    out = capsys.readouterr().out
    document_file = tmp_path / "d.pem"
    assert stat.S_IMODE(document_file.stat().st_mode) == 0o600
    document_key = load_key(document_file)
    assert public_key_hex(document_key) != public_key_hex(load_key(tmp_path / "k.pem"))
    assert f"document key id: {key_id(document_key.public_key())}" in out
    first = document_file.read_bytes()
    main(["keygen", "--config", str(config_file), "--force"])
    assert document_file.read_bytes() == first


def test_rotating_the_document_key_keeps_the_request_key(
    config_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--rotate-document-key makes a new document key and leaves the registered request key
    alone, so the terminal needs no new registration."""
    assert main(["keygen", "--config", str(config_file)]) == ExitCode.OK
    request_key = (tmp_path / "k.pem").read_bytes()
    document_key = (tmp_path / "d.pem").read_bytes()
    capsys.readouterr()
    assert main(["keygen", "--config", str(config_file), "--rotate-document-key"]) == ExitCode.OK
    assert (tmp_path / "k.pem").read_bytes() == request_key
    assert (tmp_path / "d.pem").read_bytes() != document_key
    assert "document key id:" in capsys.readouterr().out
