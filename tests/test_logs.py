"""Logging: ID and mobile numbers are masked, whatever the log call; Qt messages arrive."""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import qWarning

from kiosk.config import LoggingConfig
from kiosk.logs import (
    RedactingFilter,
    install_qt_message_handler,
    redact,
    restore_qt_message_handler,
    setup_logging,
)

ID_NUMBER = "11010519491231002X"
MOBILE = "13812345678"


@pytest.fixture
def kiosk_log(tmp_path: Path) -> Iterator[tuple[io.StringIO, Path]]:
    """Logging set up as ``kiosk run`` does, to a string and a file; taken down afterwards."""
    stream = io.StringIO()
    log_file = tmp_path / "log" / "kiosk.log"
    root = logging.getLogger()
    level = root.level
    handlers = setup_logging(LoggingConfig(level="DEBUG", file=log_file), stream=stream)
    yield stream, log_file
    for handler in handlers:
        root.removeHandler(handler)
        handler.close()
    root.setLevel(level)


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        (f"ID {ID_NUMBER} looked up", "ID 110*************2X looked up"),
        ("id 110105194912310021.", "id 110*************21."),
        (f"call {MOBILE}", "call 138******78"),
        ("call +86 138 1234 5678 now", "call +86 138******78 now"),
        ("call 138-1234-5678", "call 138******78"),
    ],
)
def test_redact_masks_id_and_mobile_numbers(text: str, masked: str) -> None:
    """An 18-character ID number and a mainland mobile number are masked, in any spelling."""
    assert redact(text) == masked


@pytest.mark.parametrize(
    "text",
    [
        "village 522730001201, county 522730",  # division codes are not personal
        "amount 400000 fen on 2014-06-01",
        "terminal DEMO-0001 revision 0123456789ab",
        "12345678901",  # 11 digits, but not a mobile number (no 1[3-9] prefix)
        "1110105194912310021",  # 19 digits: not an ID number
    ],
)
def test_redact_leaves_other_numbers_alone(text: str) -> None:
    """Region codes, amounts and other numbers stay readable in the log."""
    assert redact(text) == text


def test_log_filter_masks_numbers_in_messages_arguments_and_traces(
    kiosk_log: tuple[io.StringIO, Path],
) -> None:
    """Even a careless log call, with the number in an argument or an exception, is masked."""
    stream, log_file = kiosk_log
    logger = logging.getLogger("kiosk.test")
    logger.info("Looking up %s, phone %s", ID_NUMBER, MOBILE)
    try:
        raise ValueError(f"no household for {ID_NUMBER}")
    except ValueError:
        logger.exception("Lookup failed")

    for written in (stream.getvalue(), log_file.read_text(encoding="utf-8")):
        assert ID_NUMBER not in written
        assert MOBILE not in written
        assert "Looking up 110*************2X, phone 138******78" in written
        assert "ValueError: no household for 110*************2X" in written
        assert "Traceback (most recent call last)" in written


def test_filter_never_drops_a_record() -> None:
    """The filter changes what a record says, never whether it is written."""
    record = logging.LogRecord("x", logging.INFO, __file__, 1, "plain %s", ("text",), None)
    assert RedactingFilter().filter(record) is True
    assert record.getMessage() == "plain text"


def test_setup_logging_twice_replaces_its_handlers(kiosk_log: tuple[io.StringIO, Path]) -> None:
    """A second set-up does not write every line twice."""
    root = logging.getLogger()
    before = len(root.handlers)
    handlers = setup_logging(LoggingConfig(level="INFO", file=None), stream=io.StringIO())
    try:
        assert len(root.handlers) == before - 1
    finally:
        for handler in handlers:
            root.removeHandler(handler)
            handler.close()


def test_qt_messages_go_to_the_qt_logger(kiosk_log: tuple[io.StringIO, Path], qapp: object) -> None:
    """A Qt warning lands in the Python logger "qt", masked like any other record."""
    stream, _ = kiosk_log
    previous = install_qt_message_handler()
    try:
        qWarning(f"font problem near {MOBILE}")
    finally:
        restore_qt_message_handler(previous)
    assert "WARNING qt: font problem near 138******78" in stream.getvalue()
