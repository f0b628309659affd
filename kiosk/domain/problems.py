"""Refusals as codes with values: the domain and the services say what is wrong, never how.

A screen, the command line and the central server each speak to someone different, in the
language that person reads: the kiosk's views translate with Qt Linguist
(``kiosk.views.problems``), the server takes its bilingual API messages from one catalogue
(``central.messages``). So what the layers below them hand up is a :class:`Reason`: a code
from one of the enums below (or a module's own enum) and the plain values its words need,
such as a limit or an office's name. Never a person's name, an ID number or a phone number:
a reason may be logged.

:class:`Refused` is the one exception that carries a reason up; its text is the code, so a
log line or a traceback shows what happened and nothing a resident typed.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


@dataclass(frozen=True)
class Reason:
    """A code and the values its words are filled with (all text: numbers as digits)."""

    code: StrEnum
    values: tuple[tuple[str, str], ...] = ()

    @classmethod
    def of(cls, code: StrEnum, **values: object) -> Reason:
        return cls(code, tuple((name, str(value)) for name, value in sorted(values.items())))

    def value(self, name: str) -> str:
        """The value called ``name``; KeyError names the code when it was not given."""
        for key, value in self.values:
            if key == name:
                return value
        raise KeyError(f"{self.code.value} has no value {name!r}")

    def as_dict(self) -> dict[str, str]:
        return dict(self.values)

    def __str__(self) -> str:
        return f"{type(self.code).__name__}.{self.code.name}"


class Refused(ValueError):
    """What was asked cannot be done; ``reason`` says why and ``field`` names what to change
    (in the caller's own attribute names), when one thing is to blame."""

    def __init__(self, reason: Reason, *, field: str | None = None) -> None:
        super().__init__(f"{field}: {reason}" if field else str(reason))
        self.reason = reason
        self.field = field

    @property
    def code(self) -> StrEnum:
        return self.reason.code
