"""Base45 (RFC 9285): the RFC's examples, round trips and every way a text can be refused."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.domain.base45 import ALPHABET, Base45Error, Base45Problem, decode, encode

RFC_EXAMPLES = [(b"AB", "BB8"), (b"Hello!!", "%69 VD92EX0"), (b"base-45", "UJCLQE7W581")]


@pytest.mark.parametrize(("data", "text"), RFC_EXAMPLES)
def test_rfc_examples_encode(data: bytes, text: str) -> None:
    """Encoding gives the texts of RFC 9285's section 4.3."""
    assert encode(data) == text


@pytest.mark.parametrize(("data", "text"), [*RFC_EXAMPLES, (b"ietf!", "QED8WEX0")])
def test_rfc_examples_decode(data: bytes, text: str) -> None:
    """Decoding gives back the bytes of RFC 9285's examples, "QED8WEX0" among them."""
    assert decode(text) == data


def test_the_alphabet_is_qr_alphanumeric() -> None:
    """The 45 characters are exactly those of a QR code's alphanumeric mode, in RFC order."""
    assert len(ALPHABET) == len(set(ALPHABET)) == 45
    assert set(ALPHABET) == set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:")


def test_empty() -> None:
    """No bytes are no text, and back."""
    assert encode(b"") == ""
    assert decode("") == b""


def test_the_largest_values_still_decode() -> None:
    """65535 in three characters and 255 in two are the limits, and they decode."""
    assert decode("FGW") == b"\xff\xff"
    assert decode("U5") == b"\xff"
    assert encode(b"\xff\xff\xff") == "FGWU5"


@given(st.binary(max_size=300))
def test_round_trip(data: bytes) -> None:
    """Any bytes come back from their text, which is 3 characters per 2 bytes."""
    text = encode(data)
    assert decode(text) == data
    assert set(text) <= set(ALPHABET)
    assert len(text) == 3 * (len(data) // 2) + 2 * (len(data) % 2)


@pytest.mark.parametrize(
    ("text", "position"), [("bb8", 0), ("BB\n", 2), ("BB8AB,", 5), ("BB8é0", 3)]
)
def test_a_character_outside_the_alphabet(text: str, position: int) -> None:
    """Lower case, a newline, a comma or a letter with an accent is named with its place."""
    with pytest.raises(Base45Error) as caught:
        decode(text)
    assert caught.value.problem is Base45Problem.CHARACTER
    assert caught.value.position == position


@pytest.mark.parametrize("text", ["A", "BB8A", "%69 VD92EX0AB"])
def test_a_length_no_encoder_writes(text: str) -> None:
    """A length of 3k + 1 cannot come from any bytes."""
    with pytest.raises(Base45Error) as caught:
        decode(text)
    assert caught.value.problem is Base45Problem.LENGTH


@pytest.mark.parametrize(("text", "position"), [("GGW", 0), (":::", 0), ("BB8V5", 3), ("::", 0)])
def test_a_value_out_of_range(text: str, position: int) -> None:
    """Three characters above 65535 or two above 255 are refused, with where they start."""
    with pytest.raises(Base45Error) as caught:
        decode(text)
    assert caught.value.problem is Base45Problem.VALUE
    assert caught.value.position == position


@given(st.text(max_size=40))
def test_any_text_decodes_or_says_why(text: str) -> None:
    """Arbitrary text either decodes to bytes that encode back to it or is a Base45Error."""
    try:
        data = decode(text)
    except Base45Error as error:
        assert error.problem in set(Base45Problem)
    else:
        assert encode(data) == text
