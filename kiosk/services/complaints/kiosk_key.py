"""The terminal's own Ed25519 key pair, which signs every request to the central server."""

from __future__ import annotations

import os
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from kiosk.domain.request_signing import public_key_hex


class KioskKeyError(Exception):
    """The key file cannot be written or read; the message names the file, never the key."""


def write_new_key(path: Path, *, force: bool = False) -> Ed25519PrivateKey:
    """Make a key pair and write the private key to ``path`` as PEM, readable by its owner
    only. An existing file is kept unless ``force``: the server knows its public key."""
    if path.exists() and not force:
        raise KioskKeyError(f"{path} already exists; pass --force to replace it")
    key = Ed25519PrivateKey.generate()
    pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(path.name + ".new")
        # Created with mode 0600 from the start, so the key is never readable by others.
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(pem)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, 0o600)
        os.replace(temporary, path)
    except OSError as exc:
        raise KioskKeyError(f"cannot write {path}: {exc.strerror}") from None
    return key


def load_key(path: Path) -> Ed25519PrivateKey:
    """The private key in ``path``."""
    try:
        pem = path.read_bytes()
    except OSError as exc:
        raise KioskKeyError(
            f"cannot read the terminal key {path} ({exc.strerror}); run `kiosk keygen`"
        ) from None
    try:
        key = serialization.load_pem_private_key(pem, password=None)
    except (ValueError, TypeError):
        raise KioskKeyError(
            f"{path} is not a PEM private key; run `kiosk keygen --force`"
        ) from None
    if not isinstance(key, Ed25519PrivateKey):
        raise KioskKeyError(f"{path} is not an Ed25519 key; run `kiosk keygen --force`")
    return key


def public_hex(key: Ed25519PrivateKey) -> str:
    return public_key_hex(key)
