"""Logging of the kiosk: one format, standard error and an optional file, nothing personal.

Every handler set up here carries a :class:`RedactingFilter`, so an ID number or a mobile
number that reaches a log call by mistake is masked before it is written. Qt's own messages
(warnings about fonts, style sheets, platform plugins) are routed into the logger ``qt``.
"""

from __future__ import annotations

import logging
import re
import sys
from collections.abc import Callable
from typing import TextIO

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler

from kiosk.config import LoggingConfig

LOG_FORMAT = "%(asctime)s %(levelname)-7s %(name)s: %(message)s"

#: 17 digits and a check character (digit or X): a resident identity card number.
_ID_NUMBER = re.compile(r"(?<![0-9])([0-9]{3})[0-9]{13}([0-9][0-9Xx])(?![0-9])")
#: A mainland mobile number, optionally with +86 and spaces or dashes as people write them.
_MOBILE = re.compile(
    r"(?<![0-9])((?:\+?86[ -]?)?1[3-9][0-9])[ -]?[0-9]{4}[ -]?[0-9]{2}([0-9]{2})(?![0-9])"
)

_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}

QtMessageHandler = Callable[[QtMsgType, QMessageLogContext, str], None]


def redact(text: str) -> str:
    """``text`` with ID numbers and mobile numbers masked.

    A few characters stay visible so that two log lines about the same number can still be
    told apart from lines about another, but not enough to find the person.
    """
    text = _ID_NUMBER.sub(lambda m: f"{m[1]}{'*' * 13}{m[2]}", text)
    return _MOBILE.sub(lambda m: f"{m[1]}******{m[2]}", text)


class RedactingFilter(logging.Filter):
    """Masks ID and mobile numbers in a record's message, exception text and stack.

    It changes the record in place (so every later handler sees the masked text) and never
    drops a record.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        masked = redact(message)
        if masked != message or record.args:
            record.msg, record.args = masked, None
        if record.exc_info and not record.exc_text:
            # Formatter.format() reuses exc_text when it is set, so format the trace once
            # here, where it can still be masked (an exception message may quote user input).
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        return True


class _KioskHandlerMark(logging.Filter):
    """Marks the handlers installed by :func:`setup_logging`, so a second call replaces them."""


#: Libraries whose INFO lines say nothing a clerk or an inspector of the logs needs.
QUIET_LOGGERS = ("alembic",)


def setup_logging(
    config: LoggingConfig, *, stream: TextIO | None = None, fmt: str | None = None
) -> list[logging.Handler]:
    """Send log records at ``config.level`` and above to standard error and the log file.

    Calling it again replaces the handlers of the earlier call. Raises ``OSError`` when the
    log file cannot be opened. Returns the handlers it installed.
    """
    root = logging.getLogger()
    for handler in list(root.handlers):
        if any(isinstance(f, _KioskHandlerMark) for f in handler.filters):
            root.removeHandler(handler)
            handler.close()

    handlers: list[logging.Handler] = [logging.StreamHandler(stream or sys.stderr)]
    if config.file is not None:
        config.file.parent.mkdir(parents=True, exist_ok=True)
        handlers.append(logging.FileHandler(config.file, encoding="utf-8"))
    formatter = logging.Formatter(fmt or LOG_FORMAT)
    for handler in handlers:
        handler.setFormatter(formatter)
        handler.addFilter(_KioskHandlerMark())
        handler.addFilter(RedactingFilter())
        root.addHandler(handler)
    root.setLevel(config.level)
    if config.level != "DEBUG":
        for name in QUIET_LOGGERS:
            logging.getLogger(name).setLevel(logging.WARNING)
    return handlers


def _log_qt_message(mode: QtMsgType, context: QMessageLogContext, message: str) -> None:
    logger = logging.getLogger("qt")
    category = context.category
    if category and category != "default":
        message = f"[{category}] {message}"
    logger.log(_QT_LEVELS.get(mode, logging.WARNING), "%s", message)


def install_qt_message_handler() -> QtMessageHandler | None:
    """Route Qt's messages into the logger ``qt``; return the handler that was there before."""
    previous: QtMessageHandler | None = qInstallMessageHandler(_log_qt_message)
    return previous


def restore_qt_message_handler(previous: QtMessageHandler | None) -> None:
    """Put back the Qt message handler that :func:`install_qt_message_handler` replaced."""
    qInstallMessageHandler(previous)
