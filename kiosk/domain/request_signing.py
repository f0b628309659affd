"""How a kiosk signs its requests to the central server, and how the server checks them.

Both sides build the same canonical string (see docs/central-api.md); the kiosk signs it
with its Ed25519 private key and the server verifies it with the registered public key.
"""

from __future__ import annotations

import hashlib
import re

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

SCHEME = "KIOSK-SIG-V1"
#: How far a request's timestamp may lie from the server's clock, in seconds.
MAX_CLOCK_SKEW_S = 300

HEADER_CODE = "X-Kiosk-Code"
HEADER_TIMESTAMP = "X-Kiosk-Timestamp"
HEADER_NONCE = "X-Kiosk-Nonce"
HEADER_SIGNATURE = "X-Kiosk-Signature"

#: The whole of a nonce: 16 random bytes in lower-case hex. The server refuses any other.
NONCE_PATTERN = re.compile(r"[0-9a-f]{32}")


def canonical_request(method: str, path: str, timestamp: int, nonce: str, body: bytes) -> bytes:
    """The bytes that are signed: scheme, method, path, time, nonce and the body's hash."""
    digest = hashlib.sha256(body).hexdigest()
    lines = (SCHEME, method.upper(), path, str(timestamp), nonce, digest)
    return "\n".join(lines).encode("ascii")


def sign_request(
    key: Ed25519PrivateKey, method: str, path: str, timestamp: int, nonce: str, body: bytes
) -> str:
    """The hex signature of one request."""
    return key.sign(canonical_request(method, path, timestamp, nonce, body)).hex()


def signature_valid(
    public_key_hex: str,
    signature_hex: str,
    method: str,
    path: str,
    timestamp: int,
    nonce: str,
    body: bytes,
) -> bool:
    """Whether ``signature_hex`` is the registered key's signature of this request."""
    try:
        public_key = Ed25519PublicKey.from_public_bytes(bytes.fromhex(public_key_hex))
        signature = bytes.fromhex(signature_hex)
    except ValueError:
        return False
    try:
        public_key.verify(signature, canonical_request(method, path, timestamp, nonce, body))
    except InvalidSignature:
        return False
    return True


def public_key_hex(key: Ed25519PrivateKey) -> str:
    """The raw public key of ``key``, hex encoded, as registered on the server."""
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    return key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw).hex()
