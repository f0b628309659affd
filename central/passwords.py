"""argon2id hashes of inspectors' passwords and of complaint secrets.

A password is chosen by an inspector and has at least ten characters: argon2id with the
library's defaults (RFC 9106 low-memory profile, 64 MiB) is what protects it.

A complaint's secret is six random digits, a million possibilities: no affordable hash makes
that many guesses slow for someone holding a copy of the database. What protects it offline
is a key the database does not hold, the pepper (``security.secret_pepper_file``): the
secret is first keyed with HMAC-SHA-256 under it, then hashed with argon2id at OWASP's
minimum (19 MiB, two passes, one lane). Without the pepper a stolen hash cannot check a
single guess (a key of 32 random bytes or more would have to be found first); with it,
each guess still costs an argon2 run, some 25 ms of a core, so all 10^6 secrets of one
complaint take about 7 core-hours, against 33-60 for the old hash, which needed no key at
all (figures in the README's Benchmarks). The server spends an eighth of the old hash's CPU
per complaint. Secrets hashed before the pepper (plain argon2 of the secret, library
defaults) keep verifying, and are rehashed when their holder next shows the right secret.
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass
from functools import lru_cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

# The library's defaults (RFC 9106 low-memory profile) are kept: tens of milliseconds a hash.
_HASHER = PasswordHasher()
#: OWASP Password Storage Cheat Sheet, argon2id minimum: m=19 MiB, t=2, p=1.
_SECRET_HASHER = PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1)
#: Marks a secret hash keyed with the pepper; older ones start with "$argon2".
PEPPERED = "hmac-sha256$"


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


def _keyed(secret: str, pepper: bytes) -> bytes:
    return hmac.new(pepper, secret.encode("utf-8"), hashlib.sha256).digest()


def hash_secret(secret: str, pepper: bytes) -> str:
    """``hmac-sha256$`` and the argon2id hash of HMAC-SHA-256(pepper, secret)."""
    return PEPPERED + _SECRET_HASHER.hash(_keyed(secret, pepper))


@dataclass(frozen=True)
class SecretCheck:
    """The outcome of checking a secret: whether it matched, and, when it did, the hash to
    store in place of the old one (None if the stored one is current)."""

    matches: bool
    new_hash: str | None = None


def check_secret(stored_hash: str, secret: str, pepper: bytes) -> SecretCheck:
    """Check ``secret`` against a hash of either format; False for a damaged hash too.

    A wrong secret costs one verification of the stored hash's own format: a peppered one as
    much as :func:`burn_secret_verification`, an old one the old, dearer argon2 run.
    """
    peppered = stored_hash.startswith(PEPPERED)
    try:
        if peppered:
            inner = stored_hash[len(PEPPERED) :]
            _SECRET_HASHER.verify(inner, _keyed(secret, pepper))
            stale = _SECRET_HASHER.check_needs_rehash(inner)
        else:
            _HASHER.verify(stored_hash, secret)
            stale = True
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return SecretCheck(matches=False)
    # One more hash, once per complaint: the old format is replaced while the secret is known.
    return SecretCheck(matches=True, new_hash=hash_secret(secret, pepper) if stale else None)


@lru_cache(maxsize=1)
def _dummy_secret_hash() -> str:
    return hash_secret("not a real secret", b"not a real pepper")


def burn_secret_verification(secret: str, pepper: bytes) -> None:
    """Spend the time of checking a secret against a peppered hash, for an unknown number."""
    check_secret(_dummy_secret_hash(), secret, pepper)
