"""Tracking numbers and secrets of complaints: digits a resident can type on a keypad.

A tracking number is 12 digits: 11 random ones and a Luhn check digit, so a mistyped digit
is caught on the keypad before anything is asked of the server. The secret is 6 random
digits. Both are printed only on the complainant's receipt.
"""

from __future__ import annotations

import secrets

TRACKING_LENGTH = 12
SECRET_LENGTH = 6


def luhn_check_digit(digits: str) -> str:
    """The Luhn digit that makes ``digits`` + it a valid Luhn number."""
    total = 0
    for position, char in enumerate(reversed(digits)):
        value = int(char)
        if position % 2 == 0:
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return str((10 - total % 10) % 10)


def tracking_number_valid(text: str) -> bool:
    """Twelve digits whose last is the Luhn check digit of the others."""
    return (
        len(text) == TRACKING_LENGTH
        and text.isascii()
        and text.isdigit()
        and luhn_check_digit(text[:-1]) == text[-1]
    )


def new_tracking_number() -> str:
    # The first digit is never 0, so the number never looks shorter when printed.
    body = str(secrets.randbelow(9) + 1) + "".join(
        str(secrets.randbelow(10)) for _ in range(TRACKING_LENGTH - 2)
    )
    return body + luhn_check_digit(body)


def new_secret() -> str:
    return "".join(str(secrets.randbelow(10)) for _ in range(SECRET_LENGTH))


def secret_well_formed(text: str) -> bool:
    return len(text) == SECRET_LENGTH and text.isascii() and text.isdigit()


def grouped(tracking_number: str) -> str:
    """``3841 2290 5731``: easier to read aloud and to type back."""
    return " ".join(tracking_number[i : i + 4] for i in range(0, len(tracking_number), 4))
