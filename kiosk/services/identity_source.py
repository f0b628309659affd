"""Where an ID card's data comes from: the interface for a card reader, and a simulated one.

A second-generation Chinese ID card carries a chip that a reader (usually a USB device with
a vendor library) reads in about a second: the ID number, the name and a photo. Placing the
card is a strong factor on its own, so a resident with the card skips typing entirely; the
kiosk still checks the card's name against the register (as the pinyin initials of the name,
exactly as if they had been typed), so one throttled path serves both ways in.

No reader exists on the development and test machines. :class:`SimulatedCardReader` stands
in for one: the demo and the tests "place a card" by calling :meth:`present_card`.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Protocol

from kiosk.domain.address_codes import AddressCodes
from kiosk.domain.idnumber import IdNumber, parse_id_number


@dataclass(frozen=True, repr=False)
class CardRead:
    """What a reader got from one card. Its ``repr`` hides the number and the name."""

    id_number: IdNumber
    #: The holder's name as printed on the card.
    name: str = field(repr=False)

    def initials(self) -> str:
        """The pinyin initials of the name on the card, as the register stores them."""
        # Imported here: pypinyin is slow to import, and most residents type instead.
        from kiosk.domain.names import name_initials

        return name_initials(self.name)

    def __repr__(self) -> str:
        return f"CardRead(id_number={self.id_number.masked})"


#: Called with each card read. A hardware reader may call it from its own thread.
CardCallback = Callable[[CardRead], None]


class IdentitySource(Protocol):
    """Something that reads ID cards and hands each one to a callback.

    ``start`` begins listening (open the device, start its polling thread) and ``stop``
    ends it; both may be called more than once. The callback may run on any thread: the
    view layer moves it onto the UI thread. A card that cannot be read (a bad chip, a
    foreign card) is not delivered at all; the resident can still type.
    """

    def start(self, on_card: CardCallback) -> None: ...

    def stop(self) -> None: ...


class SimulatedCardReader:
    """A card reader without hardware, for the demo and for tests.

    :meth:`present_card` acts out placing a card on the reader. The card's number is
    checked as a chip-read number would be (a real reader rejects a chip whose data do
    not verify), so an invalid number raises ``IdNumberError`` instead of being delivered.
    ``addresses`` are the address codes the terminal accepts (default: GB/T 2260).
    """

    def __init__(
        self,
        *,
        today: Callable[[], date] | None = None,
        addresses: AddressCodes | None = None,
    ) -> None:
        self._today = today
        self._addresses = addresses
        self._lock = threading.Lock()
        self._on_card: CardCallback | None = None

    @property
    def listening(self) -> bool:
        with self._lock:
            return self._on_card is not None

    def start(self, on_card: CardCallback) -> None:
        with self._lock:
            self._on_card = on_card

    def stop(self) -> None:
        with self._lock:
            self._on_card = None

    def present_card(self, id_number_text: str, name: str) -> bool:
        """Place a card on the reader; True if someone was listening and got it."""
        today = self._today() if self._today is not None else None
        number = parse_id_number(id_number_text, today=today, addresses=self._addresses)
        card = CardRead(number, name)
        with self._lock:
            on_card = self._on_card
        if on_card is None:
            return False
        on_card(card)
        return True
