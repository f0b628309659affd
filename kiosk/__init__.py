"""Citizen self-service kiosk: residents see their poverty-alleviation file, verify payments,
print verifiable records and file complaints that reach discipline inspectors."""

__version__ = "0.1.0"
