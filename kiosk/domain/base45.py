"""Base45 (RFC 9285): bytes written with the 45 characters of a QR code's alphanumeric mode.

A QR code stores alphanumeric text at 5.5 bits a character against 8 in byte mode, and
base45 spends 3 characters on 2 bytes (12 bits of text per 16 bits of data), so bytes reach
the code about a third smaller than as base64 in byte mode. The EU digital COVID certificate
prints its signed payload this way, and so do our printed records.

Every two bytes ``a, b`` become the number ``n = a * 256 + b``, written as three digits
``c, d, e`` with ``n = c + d * 45 + e * 45**2``, least significant first; a last odd byte
becomes two digits. Decoding refuses what an encoder cannot have written: a character
outside the alphabet, a length of 3k + 1, a triple above 65535 or a pair above 255. The error
says which, as a code.
"""

from __future__ import annotations

from enum import StrEnum

ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:"
_VALUE = {char: value for value, char in enumerate(ALPHABET)}


class Base45Problem(StrEnum):
    """Why a text is not base45."""

    CHARACTER = "character"
    LENGTH = "length"
    VALUE = "value"


class Base45Error(ValueError):
    """A text that is not base45; ``problem`` says why, ``position`` where (0-based)."""

    def __init__(self, problem: Base45Problem, position: int) -> None:
        self.problem = problem
        self.position = position
        super().__init__(f"{problem.value}@{position}")


def encode(data: bytes) -> str:
    """The base45 text of ``data``."""
    out: list[str] = []
    for start in range(0, len(data) - 1, 2):
        n = data[start] * 256 + data[start + 1]
        n, c = divmod(n, 45)
        e, d = divmod(n, 45)
        out += (ALPHABET[c], ALPHABET[d], ALPHABET[e])
    if len(data) % 2:
        e, c = divmod(data[-1], 45)
        out += (ALPHABET[c], ALPHABET[e])
    return "".join(out)


def decode(text: str) -> bytes:
    """The bytes ``text`` encodes; a :class:`Base45Error` if an encoder could not write it."""
    if len(text) % 3 == 1:
        raise Base45Error(Base45Problem.LENGTH, len(text))
    values: list[int] = []
    for position, char in enumerate(text):
        value = _VALUE.get(char)
        if value is None:
            raise Base45Error(Base45Problem.CHARACTER, position)
        values.append(value)
    out = bytearray()
    for start in range(0, len(values), 3):
        chunk = values[start : start + 3]
        n = sum(digit * 45**power for power, digit in enumerate(chunk))
        if len(chunk) == 3:
            if n > 0xFFFF:
                raise Base45Error(Base45Problem.VALUE, start)
            out += n.to_bytes(2, "big")
        else:
            if n > 0xFF:
                raise Base45Error(Base45Problem.VALUE, start)
            out.append(n)
    return bytes(out)
