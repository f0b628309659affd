"""Money: fen as int, formatting and parsing what people and CSV files write."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.domain.money import (
    MAX_FEN,
    MoneyError,
    MoneyProblem,
    format_fen,
    parse_yuan,
    yuan,
)

amounts = st.integers(min_value=0, max_value=MAX_FEN)
FULL_WIDTH = str.maketrans("0123456789,.", "０１２３４５６７８９，．")


def test_format_symbol_style() -> None:
    """The symbol style groups thousands and always shows two decimals."""
    assert format_fen(800000) == "¥8,000.00"
    assert format_fen(0) == "¥0.00"
    assert format_fen(5) == "¥0.05"
    assert format_fen(123456789) == "¥1,234,567.89"


def test_format_yuan_style() -> None:
    """The yuan style is the handwritten form: no commas, 元 at the end."""
    assert format_fen(800000, "yuan") == "8000.00元"
    assert format_fen(1250, "yuan") == "12.50元"


def test_format_negative() -> None:
    """A negative amount puts the minus sign in front of everything."""
    assert format_fen(-1250) == "-¥12.50"
    assert format_fen(-1250, "yuan") == "-12.50元"


@pytest.mark.parametrize("bad", [True, 12.5, 800000.0, "800000", None])
def test_format_refuses_non_int(bad: object) -> None:
    """Floats, bools and strings are not fen, so formatting them is a TypeError."""
    with pytest.raises(TypeError):
        format_fen(bad)  # type: ignore[arg-type]


def test_format_refuses_unknown_style() -> None:
    """A misspelt style fails loudly instead of picking one."""
    with pytest.raises(ValueError, match="style"):
        format_fen(1, "dollars")  # type: ignore[arg-type]


def test_yuan_helper() -> None:
    """yuan() turns whole yuan into fen and refuses floats."""
    assert yuan(8000) == 800000
    assert yuan(0) == 0
    with pytest.raises(TypeError):
        yuan(1.5)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        yuan(True)


@pytest.mark.parametrize(
    ("text", "fen"),
    [
        ("8000", 800000),
        ("8,000", 800000),
        ("8000.5", 800050),
        ("8000.50", 800050),
        ("¥8,000.00", 800000),
        ("￥8,000.00", 800000),
        ("¥ 8000", 800000),
        ("8000元", 800000),
        ("8000.00 元", 800000),
        ("８０００", 800000),
        ("８，０００．５０元", 800050),
        ("  8000\t", 800000),
        ("0", 0),
        ("0.01", 1),
        ("007", 700),
        ("1,000,000,000", MAX_FEN),
        ("1000000000.00", MAX_FEN),
    ],
)
def test_parse_accepts(text: str, fen: int) -> None:
    """Every common way of writing an amount reads as the right number of fen."""
    assert parse_yuan(text) == fen


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("", MoneyProblem.EMPTY),
        ("   ", MoneyProblem.EMPTY),
        ("¥", MoneyProblem.EMPTY),
        ("元", MoneyProblem.EMPTY),
        ("8000.001", MoneyProblem.DECIMALS),
        ("0.125", MoneyProblem.DECIMALS),
        ("8000a", MoneyProblem.CHARACTERS),
        ("abc", MoneyProblem.CHARACTERS),
        ("八千", MoneyProblem.CHARACTERS),
        ("8 000", MoneyProblem.CHARACTERS),
        ("1e3", MoneyProblem.CHARACTERS),
        ("+8000", MoneyProblem.CHARACTERS),
        ("٨٠٠٠", MoneyProblem.CHARACTERS),
        ("80,00", MoneyProblem.COMMAS),
        (",800", MoneyProblem.COMMAS),
        ("8000,000", MoneyProblem.COMMAS),
        ("8,000.00,0", MoneyProblem.COMMAS),
        ("8,,000", MoneyProblem.COMMAS),
        ("1.2.3", MoneyProblem.FORMAT),
        (".5", MoneyProblem.FORMAT),
        ("8000.", MoneyProblem.FORMAT),
        ("-8000", MoneyProblem.NEGATIVE),
        ("-¥12.50", MoneyProblem.NEGATIVE),
        ("¥-12.50", MoneyProblem.NEGATIVE),
        ("−12.50元", MoneyProblem.NEGATIVE),
        ("1000000000.01", MoneyProblem.TOO_LARGE),
        ("9" * 5000, MoneyProblem.TOO_LARGE),
    ],
)
def test_parse_refuses(text: str, problem: MoneyProblem) -> None:
    """Anything the parser would have to guess at is refused with the reason why."""
    with pytest.raises(MoneyError) as caught:
        parse_yuan(text)
    assert caught.value.problem is problem


def test_money_error_is_a_code() -> None:
    """A MoneyError is a ValueError whose reason is its problem's code; str() is the code,
    never the text typed."""
    with pytest.raises(ValueError) as caught:
        parse_yuan("8000.001")
    error = caught.value
    assert isinstance(error, MoneyError)
    assert error.code is MoneyProblem.DECIMALS
    assert str(error) == "MoneyProblem.DECIMALS"
    assert "8000" not in repr(error)


def test_parse_refuses_non_str() -> None:
    """Passing a number where text is expected is a programming error, not a typo."""
    with pytest.raises(TypeError):
        parse_yuan(8000)  # type: ignore[arg-type]


@given(amounts)
def test_round_trip_symbol(fen: int) -> None:
    """Whatever format_fen shows in symbol style parses back to the same fen."""
    assert parse_yuan(format_fen(fen)) == fen


@given(amounts)
def test_round_trip_yuan(fen: int) -> None:
    """Whatever format_fen shows in yuan style parses back to the same fen."""
    assert parse_yuan(format_fen(fen, "yuan")) == fen


@given(st.integers(min_value=-(10**15), max_value=10**15), st.sampled_from(["symbol", "yuan"]))
def test_always_two_decimals(fen: int, style: str) -> None:
    """The formatted string always ends in exactly two decimals (before any 元)."""
    shown = format_fen(fen, style)  # type: ignore[arg-type]
    assert re.fullmatch(r"-?¥?[0-9,]+\.[0-9]{2}元?", shown)


@st.composite
def written_forms(draw: st.DrawFn) -> tuple[int, str]:
    """An amount and one of the many ways a person or a CSV might write it."""
    fen = draw(amounts)
    whole, cents = divmod(fen, 100)
    integer = f"{whole:,}" if draw(st.booleans()) else str(whole)
    decimals = ["." + f"{cents:02d}"]
    if cents % 10 == 0:
        decimals.append("." + str(cents // 10))
    if cents == 0:
        decimals.append("")
    number = integer + draw(st.sampled_from(decimals))
    if draw(st.booleans()):
        number = number.translate(FULL_WIDTH)
    prefix = draw(st.sampled_from(["", "¥", "￥", "¥ "]))
    suffix = draw(st.sampled_from(["", "元", " 元"]))
    spaces = draw(st.sampled_from(["", " ", "  ", "\t", "\u3000"]))
    return fen, f"{spaces}{prefix}{number}{suffix}{spaces}"


@given(written_forms())
def test_round_trip_written_forms(case: tuple[int, str]) -> None:
    """Random handwritten and CSV forms of an amount all parse to its fen."""
    fen, text = case
    assert parse_yuan(text) == fen
