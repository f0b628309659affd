"""Fixtures of the printed-record tests."""

from __future__ import annotations

import pytest

from tests.services.printing.samples import qr_payload


@pytest.fixture
def qr_text() -> str:
    """A payload the size and alphabet of a signed one (the signing is not tested here)."""
    return qr_payload()
