"""Realistic, deterministic demo data for a kiosk store: real Guizhou places, generated
villages, households, payments, loans, projects, cadres and three named scenarios.

Entry point: :func:`generate_demo_data` (used by ``kiosk demo-data``).
"""

from kiosk.services.demo.dates import REFERENCE_DATE
from kiosk.services.demo.generator import (
    DEFAULT_HOUSEHOLDS,
    DEFAULT_SEED,
    DemoDataError,
    DemoSummary,
    ScenarioSummary,
    generate_demo_data,
    store_is_empty,
)
from kiosk.services.demo.scenarios import SCENARIOS, Scenario

__all__ = [
    "DEFAULT_HOUSEHOLDS",
    "DEFAULT_SEED",
    "REFERENCE_DATE",
    "SCENARIOS",
    "DemoDataError",
    "DemoSummary",
    "Scenario",
    "ScenarioSummary",
    "generate_demo_data",
    "store_is_empty",
]
