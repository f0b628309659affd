"""The poverty index (0-100) and its bands, as the provincial system uses them.

The index is the sum of five indicator scores. Below 60 a household is poor; from 60 to
below 80 it is out of poverty but at risk of falling back; from 80 it is stable. Keeping
the thresholds here means the kiosk, the statements and the central server agree.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from types import MappingProxyType

SCORE_MIN = 0
SCORE_MAX = 100
AT_RISK_FROM = 60
STABLE_FROM = 80


class Band(StrEnum):
    POOR = "poor"
    AT_RISK = "at_risk"
    STABLE = "stable"


class Indicator(StrEnum):
    HOUSING = "housing"
    FOOD = "food"
    LABOUR = "labour"
    SCHOOLING = "schooling"
    HEALTH = "health"


INDICATOR_MAX: Mapping[Indicator, int] = MappingProxyType(
    {
        Indicator.HOUSING: 25,
        Indicator.FOOD: 20,
        Indicator.LABOUR: 25,
        Indicator.SCHOOLING: 15,
        Indicator.HEALTH: 15,
    }
)
"""The most each indicator can contribute; together exactly 100."""

BAND_LABELS: Mapping[Band, tuple[str, str]] = MappingProxyType(
    {
        Band.POOR: ("未脱贫", "Poor"),
        Band.AT_RISK: ("脱贫不稳定，有返贫风险", "Out of poverty, at risk"),
        Band.STABLE: ("稳定脱贫", "Stable"),
    }
)
"""(Chinese, English) text for each band, Chinese first as on every screen."""

INDICATOR_LABELS: Mapping[Indicator, tuple[str, str]] = MappingProxyType(
    {
        Indicator.HOUSING: ("住房", "Housing"),
        Indicator.FOOD: ("饮食", "Food"),
        Indicator.LABOUR: ("劳动力", "Labour"),
        Indicator.SCHOOLING: ("教育", "Schooling"),
        Indicator.HEALTH: ("健康", "Health"),
    }
)
"""(Chinese, English) text for each indicator."""


def _whole_number(value: object, what: str) -> int:
    # bool and float are refused: a score of True or 59.5 means the data is broken.
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"{what} must be a whole number, not {type(value).__name__}")
    return value


def band_for(score: int) -> Band:
    """The band of a poverty index score; ValueError unless it is an int from 0 to 100."""
    score = _whole_number(score, "score")
    if not SCORE_MIN <= score <= SCORE_MAX:
        raise ValueError(f"score must be from {SCORE_MIN} to {SCORE_MAX}, not {score}")
    if score < AT_RISK_FROM:
        return Band.POOR
    if score < STABLE_FROM:
        return Band.AT_RISK
    return Band.STABLE


def score_from_indicators(values: Mapping[Indicator, int]) -> int:
    """The index score from all five indicator scores, each checked against its maximum.

    A missing or unknown indicator is an error rather than a zero, so that a half-filled
    record never shows a household as poorer than it is.
    """
    missing = [i.value for i in Indicator if i not in values]
    unknown = [str(key) for key in values if key not in INDICATOR_MAX]
    if missing or unknown:
        raise ValueError(f"indicators missing: {missing}, unknown: {unknown}")
    total = 0
    for indicator, most in INDICATOR_MAX.items():
        value = _whole_number(values[indicator], indicator.value)
        if not 0 <= value <= most:
            raise ValueError(f"{indicator.value} must be from 0 to {most}, not {value}")
        total += value
    return total
