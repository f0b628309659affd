"""The ID-card reader interface, through the simulated reader.

No ID-card reader can be attached to the machines these tests run on, so
SimulatedCardReader stands in for the hardware: "placing a card" is a method call.
"""

from __future__ import annotations

import threading
from datetime import date

import pytest

from kiosk.domain.idnumber import IdNumberError, make_id_number, parse_id_number
from kiosk.services.identity_source import CardRead, IdentitySource, SimulatedCardReader

NUMBER = make_id_number("522730", date(1962, 5, 8), 131)


def test_a_card_placed_while_listening_reaches_the_callback() -> None:
    """start() hands every card read to the callback, with the number and the name."""
    reader = SimulatedCardReader()
    cards: list[CardRead] = []
    reader.start(cards.append)

    assert reader.present_card(NUMBER, "杨正刚") is True

    assert len(cards) == 1
    assert cards[0].id_number.reveal() == NUMBER
    assert cards[0].name == "杨正刚"


def test_no_card_is_delivered_before_start_or_after_stop() -> None:
    """A card placed while nobody listens is not delivered (and the reader says so)."""
    reader = SimulatedCardReader()
    cards: list[CardRead] = []
    assert reader.present_card(NUMBER, "杨正刚") is False
    reader.start(cards.append)
    reader.stop()
    reader.stop()  # stopping twice is harmless
    assert reader.present_card(NUMBER, "杨正刚") is False
    assert cards == []
    assert reader.listening is False


def test_the_card_gives_the_initials_of_the_name_on_it() -> None:
    """The card's name gives the initials the register stores (surname readings included)."""
    reader = SimulatedCardReader()
    cards: list[CardRead] = []
    reader.start(cards.append)
    reader.present_card(NUMBER, "杨正刚")
    reader.present_card(NUMBER, "曾德明")
    assert [card.initials() for card in cards] == ["YZG", "ZDM"]


def test_a_card_with_an_impossible_number_is_refused() -> None:
    """A chip whose number fails the check digit is rejected, not delivered."""
    reader = SimulatedCardReader()
    cards: list[CardRead] = []
    reader.start(cards.append)
    wrong_check = NUMBER[:-1] + ("0" if NUMBER[-1] != "0" else "1")
    with pytest.raises(IdNumberError):
        reader.present_card(wrong_check, "杨正刚")
    assert cards == []


def test_a_card_read_never_shows_the_number_or_the_name() -> None:
    """repr and str of a card read show only the masked number: safe in any log line."""
    card = CardRead(parse_id_number(NUMBER), "杨正刚")
    for text in (repr(card), str(card), f"{card}"):
        assert NUMBER not in text
        assert NUMBER[6:14] not in text
        assert "杨正刚" not in text
        assert card.id_number.masked in text


def test_a_card_from_another_thread_is_delivered_on_that_thread() -> None:
    """The callback runs on the reader's thread; the view layer moves it to the UI thread."""
    reader = SimulatedCardReader()
    threads: list[str] = []
    reader.start(lambda card: threads.append(threading.current_thread().name))
    worker = threading.Thread(
        target=reader.present_card, args=(NUMBER, "杨正刚"), name="card-reader"
    )
    worker.start()
    worker.join(timeout=10)
    assert threads == ["card-reader"]


def test_the_simulated_reader_is_an_identity_source() -> None:
    """SimulatedCardReader has the start/stop shape every reader must have."""
    source: IdentitySource = SimulatedCardReader()
    source.start(lambda card: None)
    source.stop()
