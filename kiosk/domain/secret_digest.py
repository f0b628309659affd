"""The slow half of a complaint secret's hash, made on the terminal where it was typed.

A complaint's secret is six digits. What keeps it from someone holding a copy of the central
database is the server's pepper, a key the database does not hold; what still makes every
guess dear for someone who also has the pepper is a slow hash. This module is the slow hash:
argon2id at OWASP's minimum (19 MiB, two passes, one lane) of the secret, salted with the
complaint's own tracking number. The terminal computes it when the complaint is filed and
sends only this digest; the server keys it with HMAC-SHA-256 under the pepper and stores that
(``central.passwords``). So the one argon2 run per complaint costs a terminal, which files a
few complaints a day, and not the central server, which takes the whole province's.

Against an attacker, the order (argon2 on the terminal, then the keyed HMAC on the server)
is worth the same as the other (HMAC, then argon2): without the pepper a stored hash checks
no guess at all; with it, each guess needs one argon2 run of that complaint's own salt.

The salt is the tracking number, which is unique: two complaints with the same secret have
unrelated digests, and nothing can be computed before a complaint exists (10^12 numbers).
A status query still carries the secret itself, so the server can also check hashes made
before digests existed, and replace them.

The parameters are part of the contract between terminals and the server: changing them
needs a new :data:`VERSION`, with the old one still checked.
"""

from __future__ import annotations

import re

from argon2.low_level import Type, hash_secret_raw

VERSION = 1
#: OWASP Password Storage Cheat Sheet, argon2id minimum: m=19 MiB, t=2, p=1.
TIME_COST = 2
MEMORY_KIB = 19 * 1024
PARALLELISM = 1
LENGTH = 32
_SALT_PREFIX = b"kiosk complaint secret v1:"

#: A digest as it travels: 64 lowercase hex digits.
DIGEST_PATTERN = r"^[0-9a-f]{64}$"
_DIGEST = re.compile(DIGEST_PATTERN[1:-1])


def secret_digest(tracking_number: str, secret: str) -> str:
    """argon2id of ``secret`` salted with the tracking number, as 64 hex digits."""
    raw = hash_secret_raw(
        secret=secret.encode("utf-8"),
        salt=_SALT_PREFIX + tracking_number.encode("ascii"),
        time_cost=TIME_COST,
        memory_cost=MEMORY_KIB,
        parallelism=PARALLELISM,
        hash_len=LENGTH,
        type=Type.ID,
    )
    return raw.hex()


def digest_well_formed(text: str) -> bool:
    return bool(_DIGEST.fullmatch(text))
