"""Column helpers shared by the models."""

from __future__ import annotations

from enum import StrEnum

from sqlalchemy import Enum


def enum_type(enum_cls: type[StrEnum]) -> Enum:
    """Store a StrEnum as its value in a VARCHAR with a CHECK constraint (portable, readable)."""
    return Enum(
        enum_cls,
        native_enum=False,
        create_constraint=True,
        length=32,
        values_callable=lambda members: [m.value for m in members],
        validate_strings=True,
        name=enum_cls.__name__.lower(),
    )
