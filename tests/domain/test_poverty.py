"""Poverty index bands and indicator scores."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.domain.poverty import (
    BAND_LABELS,
    INDICATOR_LABELS,
    INDICATOR_MAX,
    Band,
    Indicator,
    band_for,
    score_from_indicators,
)

ORDER = [Band.POOR, Band.AT_RISK, Band.STABLE]


@pytest.mark.parametrize(
    ("score", "band"),
    [
        (0, Band.POOR),
        (59, Band.POOR),
        (60, Band.AT_RISK),
        (79, Band.AT_RISK),
        (80, Band.STABLE),
        (100, Band.STABLE),
    ],
)
def test_band_boundaries(score: int, band: Band) -> None:
    """60 is the first at-risk score and 80 the first stable one."""
    assert band_for(score) is band


@pytest.mark.parametrize("score", [-1, 101, 59.5, True, "60", None])
def test_band_refuses_impossible_scores(score: object) -> None:
    """Scores outside 0..100, or not whole numbers, are a ValueError."""
    with pytest.raises(ValueError):
        band_for(score)  # type: ignore[arg-type]


@given(st.integers(0, 100), st.integers(0, 100))
def test_band_is_monotonic(a: int, b: int) -> None:
    """A higher score never falls into a worse band."""
    low, high = sorted((a, b))
    assert ORDER.index(band_for(low)) <= ORDER.index(band_for(high))


def test_band_values_are_stable_strings() -> None:
    """Band values are the strings stored in the database and sent over HTTP."""
    assert [b.value for b in Band] == ["poor", "at_risk", "stable"]


def test_indicator_maxima_sum_to_100() -> None:
    """The five indicators together make up the whole 0-100 index."""
    assert set(INDICATOR_MAX) == set(Indicator)
    assert sum(INDICATOR_MAX.values()) == 100
    assert INDICATOR_MAX[Indicator.HOUSING] == 25
    assert INDICATOR_MAX[Indicator.FOOD] == 20
    assert INDICATOR_MAX[Indicator.LABOUR] == 25
    assert INDICATOR_MAX[Indicator.SCHOOLING] == 15
    assert INDICATOR_MAX[Indicator.HEALTH] == 15


def test_score_from_indicators_sums() -> None:
    """The index is the sum of the indicator scores."""
    values = {
        Indicator.HOUSING: 20,
        Indicator.FOOD: 15,
        Indicator.LABOUR: 10,
        Indicator.SCHOOLING: 10,
        Indicator.HEALTH: 4,
    }
    assert score_from_indicators(values) == 59
    assert band_for(score_from_indicators(values)) is Band.POOR
    assert score_from_indicators(dict(INDICATOR_MAX)) == 100


@pytest.mark.parametrize(
    ("indicator", "value"),
    [(Indicator.HOUSING, 26), (Indicator.SCHOOLING, 16), (Indicator.FOOD, -1)],
)
def test_score_refuses_out_of_range_indicator(indicator: Indicator, value: int) -> None:
    """An indicator above its maximum or below zero is refused, naming the indicator."""
    values = {i: 0 for i in Indicator}
    values[indicator] = value
    with pytest.raises(ValueError, match=indicator.value):
        score_from_indicators(values)


def test_score_refuses_missing_or_unknown_indicator() -> None:
    """A half-filled record is an error, not a household poorer than it is."""
    values = {i: 5 for i in Indicator}
    del values[Indicator.HEALTH]
    with pytest.raises(ValueError, match="health"):
        score_from_indicators(values)
    extra: dict[str, int] = {**{i.value: 5 for i in Indicator}, "income": 3}
    with pytest.raises(ValueError, match="income"):
        score_from_indicators(extra)  # type: ignore[arg-type]


def test_score_refuses_float_indicator() -> None:
    """Indicator scores are whole numbers."""
    values: dict[Indicator, object] = {i: 5 for i in Indicator}
    values[Indicator.FOOD] = 5.5
    with pytest.raises(ValueError, match="food"):
        score_from_indicators(values)  # type: ignore[arg-type]


@given(st.fixed_dictionaries({i: st.integers(0, most) for i, most in INDICATOR_MAX.items()}))
def test_score_is_within_index_range(values: dict[Indicator, int]) -> None:
    """Any valid set of indicators gives a score that has a band."""
    score = score_from_indicators(values)
    assert 0 <= score <= 100
    assert band_for(score) in Band


def test_labels_cover_everything_in_both_languages() -> None:
    """Every band and indicator has a Chinese and an English label."""
    assert set(BAND_LABELS) == set(Band)
    assert set(INDICATOR_LABELS) == set(Indicator)
    assert BAND_LABELS[Band.POOR] == ("未脱贫", "Poor")
    assert BAND_LABELS[Band.AT_RISK] == ("脱贫不稳定，有返贫风险", "Out of poverty, at risk")
    assert BAND_LABELS[Band.STABLE] == ("稳定脱贫", "Stable")
    assert [INDICATOR_LABELS[i][0] for i in Indicator] == ["住房", "饮食", "劳动力", "教育", "健康"]
    assert [INDICATOR_LABELS[i][1] for i in Indicator] == [
        "Housing",
        "Food",
        "Labour",
        "Schooling",
        "Health",
    ]


def test_tables_are_read_only() -> None:
    """The shared tables cannot be changed by accident at run time."""
    with pytest.raises(TypeError):
        BAND_LABELS[Band.POOR] = ("x", "y")  # type: ignore[index]
