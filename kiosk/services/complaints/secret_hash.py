"""A slow, salted hash of a complaint's secret, so the store never holds the secret itself.

The secret is only six digits, so no hash makes guessing impossible for someone holding a
copy of the store; scrypt makes each guess cost real memory and time, and the server keeps
its own hash once the complaint is acknowledged.
"""

from __future__ import annotations

import hashlib
import hmac
import os

_SCHEME = "scrypt"
_N, _R, _P = 2**14, 8, 1
_SALT_BYTES = 16
_KEY_BYTES = 32


def hash_secret(secret: str) -> str:
    """``scrypt$N$r$p$salt$hash``, hex, for the complaints table."""
    salt = os.urandom(_SALT_BYTES)
    digest = hashlib.scrypt(secret.encode("ascii"), salt=salt, n=_N, r=_R, p=_P, dklen=_KEY_BYTES)
    return f"{_SCHEME}${_N}${_R}${_P}${salt.hex()}${digest.hex()}"


def secret_matches(secret: str, stored: str) -> bool:
    """Whether ``secret`` is the one ``stored`` was made from (constant-time comparison)."""
    try:
        scheme, n, r, p, salt_hex, digest_hex = stored.split("$")
        if scheme != _SCHEME or not secret.isascii():
            return False
        digest = hashlib.scrypt(
            secret.encode("ascii"),
            salt=bytes.fromhex(salt_hex),
            n=int(n),
            r=int(r),
            p=int(p),
            dklen=len(digest_hex) // 2,
        )
    except ValueError:
        return False
    return hmac.compare_digest(digest.hex(), digest_hex)
