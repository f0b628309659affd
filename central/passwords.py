"""argon2id hashes of inspectors' passwords and of complaint secrets."""

from __future__ import annotations

from functools import lru_cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

# The library's defaults (RFC 9106 low-memory profile) are kept: tens of milliseconds a hash.
_HASHER = PasswordHasher()


def hash_password(text: str) -> str:
    return _HASHER.hash(text)


def verify_password(stored_hash: str, text: str) -> bool:
    """Whether ``text`` matches ``stored_hash``; False for a damaged hash too."""
    try:
        return _HASHER.verify(stored_hash, text)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def needs_rehash(stored_hash: str) -> bool:
    return _HASHER.check_needs_rehash(stored_hash)


@lru_cache(maxsize=1)
def _dummy_hash() -> str:
    return _HASHER.hash("not a real secret")


def burn_verification(text: str) -> None:
    """Spend the time of one verification, so an unknown name answers as slowly as a
    known one with a wrong password and timing tells nothing."""
    verify_password(_dummy_hash(), text)
