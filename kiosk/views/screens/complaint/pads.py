"""Digit pads for complaints: a mobile phone number, a tracking number, a secret.

They are :class:`~kiosk.views.widgets.keypad.KeyPad` subclasses with digits only (no point,
no X), so the greyed-out keys tell the resident what can come next.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from kiosk.domain.tracking import SECRET_LENGTH, TRACKING_LENGTH
from kiosk.views.widgets.keypad import CLEAR, DELETE, KeyPad, KeyPadEntry, KeyPlace

PHONE_LENGTH = 11
#: 138 1234 5678: how Chinese mobile numbers are read out.
PHONE_GROUPS = (3, 4, 4)
TRACKING_GROUPS = (4, 4, 4)
#: What the secret's display shows for each digit typed.
MASK = "●"


def _places() -> list[KeyPlace]:
    """1-9 as on a telephone, a wide 0 below, delete and clear down the right."""
    places = [KeyPlace(str(1 + i), i // 3, i % 3) for i in range(9)]
    places += [
        KeyPlace("0", 3, 0, 1, 3),
        KeyPlace(DELETE, 0, 3, 2, 1),
        KeyPlace(CLEAR, 2, 3, 2, 1),
    ]
    return places


class DigitPad(KeyPad):
    """The ten digits and the editing keys.

    Signals:
        key_pressed(str): see :class:`KeyPad`.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(_places(), parent)


class PhonePad(DigitPad):
    """Digits for a mainland mobile number, which always begins with 1.

    Signals:
        key_pressed(str): see :class:`KeyPad`.
    """

    def apply(self, text: str, key: str) -> str | None:
        if not text and key != "1":
            return None
        return text + key


class TrackingPad(DigitPad):
    """Digits for a tracking number, which never begins with 0.

    Signals:
        key_pressed(str): see :class:`KeyPad`.
    """

    def apply(self, text: str, key: str) -> str | None:
        if not text and key == "0":
            return None
        return text + key


class MaskedEntry(KeyPadEntry):
    """A keypad entry whose display shows a dot for each digit, never the digits.

    Signals:
        text_changed(str): see :class:`KeyPadEntry`.
    """

    def _shown(self, text: str) -> str:
        return " ".join(MASK * len(text))


def phone_entry(parent: QWidget | None = None) -> KeyPadEntry:
    """An entry for an 11-digit mobile number, shown 3-4-4 as it is typed."""
    return KeyPadEntry(PhonePad(), max_length=PHONE_LENGTH, groups=PHONE_GROUPS, parent=parent)


def tracking_entry(parent: QWidget | None = None) -> KeyPadEntry:
    """An entry for a 12-digit tracking number, shown 4-4-4 as on the receipt."""
    return KeyPadEntry(
        TrackingPad(), max_length=TRACKING_LENGTH, groups=TRACKING_GROUPS, parent=parent
    )


def secret_entry(parent: QWidget | None = None) -> MaskedEntry:
    """An entry for the 6-digit secret, masked: someone may be looking over a shoulder."""
    return MaskedEntry(DigitPad(), max_length=SECRET_LENGTH, parent=parent)
