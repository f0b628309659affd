"""argon2id hashes of inspectors' passwords and of complaint secrets.

A password is chosen by an inspector and has at least ten characters: argon2id with the
library's defaults (RFC 9106 low-memory profile, 64 MiB) is what protects it.

A complaint's secret is six random digits, a million possibilities: no affordable hash makes
that many guesses slow for someone holding a copy of the database. What protects it offline
is a key the database does not hold, the pepper (``security.secret_pepper_file``), and a slow
hash under it. The slow hash is made by the kiosk where the secret was typed: argon2id at
OWASP's minimum (19 MiB, two passes, one lane), salted with the tracking number
(``kiosk.domain.secret_digest``). The server stores HMAC-SHA-256 of that digest under the
pepper, the format :data:`KEYED_DIGEST`, and spends microseconds on a complaint it files.

Without the pepper a stolen hash cannot check a single guess (a key of 32 random bytes or
more would have to be found first); with it, each guess still costs an argon2 run of that
complaint's own salt, some 25 ms of a core, so all 10^6 secrets of one complaint take about
7 core-hours (figures in the README's Benchmarks). A status query carries the secret, so the
server checks it by making the same digest (one argon2 run, throttled per complaint).

Two older formats keep verifying and are replaced by :data:`KEYED_DIGEST` when their holder
next shows the right secret: :data:`PEPPERED` (argon2id of HMAC-SHA-256(pepper, secret),
made by the server) and plain argon2 of the secret with the library's defaults.
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass
from functools import lru_cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from kiosk.domain.secret_digest import secret_digest

# The library's defaults (RFC 9106 low-memory profile) are kept: tens of milliseconds a hash.
_HASHER = PasswordHasher()
#: OWASP Password Storage Cheat Sheet, argon2id minimum: m=19 MiB, t=2, p=1.
_SECRET_HASHER = PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1)
#: Marks the current secret hash: HMAC-SHA-256 under the pepper of the kiosk's digest.
KEYED_DIGEST = "hmac-sha256-of-argon2id-v1$"
#: Marks the previous one, argon2id of HMAC-SHA-256(pepper, secret); older still "$argon2".
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


def hash_secret_digest(digest: str, pepper: bytes) -> str:
    """What the server stores for a kiosk's ``secret_digest``: :data:`KEYED_DIGEST` and
    HMAC-SHA-256(pepper, digest) in hex. Cheap: the slow part was done by the kiosk."""
    keyed = hmac.new(pepper, bytes.fromhex(digest), hashlib.sha256).hexdigest()
    return KEYED_DIGEST + keyed


def hash_secret(tracking_number: str, secret: str, pepper: bytes) -> str:
    """The stored hash of ``secret``, made here as a kiosk would: for a body from before
    digests, and to replace an older hash. Costs one argon2 run."""
    return hash_secret_digest(secret_digest(tracking_number, secret), pepper)


@dataclass(frozen=True)
class SecretCheck:
    """The outcome of checking a secret: whether it matched, and, when it did, the hash to
    store in place of the old one (None if the stored one is current)."""

    matches: bool
    new_hash: str | None = None


def check_secret(stored_hash: str, tracking_number: str, secret: str, pepper: bytes) -> SecretCheck:
    """Check ``secret`` against a hash of any format; False for a damaged hash too.

    A wrong secret costs one verification of the stored hash's own format: a current one as
    much as :func:`burn_secret_verification`, the previous one about as much, the oldest the
    library defaults' dearer argon2 run.
    """
    if stored_hash.startswith(KEYED_DIGEST):
        expected = hash_secret(tracking_number, secret, pepper)
        return SecretCheck(matches=hmac.compare_digest(expected, stored_hash))
    try:
        if stored_hash.startswith(PEPPERED):
            _SECRET_HASHER.verify(stored_hash[len(PEPPERED) :], _keyed(secret, pepper))
        else:
            _HASHER.verify(stored_hash, secret)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return SecretCheck(matches=False)
    # One more hash, once per complaint: the old format is replaced while the secret is known.
    return SecretCheck(matches=True, new_hash=hash_secret(tracking_number, secret, pepper))


def burn_secret_verification(tracking_number: str, secret: str, pepper: bytes) -> None:
    """Spend the time of checking a secret against a current hash, for an unknown number."""
    check_secret(KEYED_DIGEST, tracking_number, secret, pepper)
