"""Starting the outbox sender from the kiosk's configuration: one call for the app.

Without a terminal key the kiosk still serves residents and files complaints; they wait in
the outbox until `kiosk keygen` has been run, the key registered, and the kiosk restarted.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from sqlalchemy.orm import Session, sessionmaker

from kiosk.config import Config
from kiosk.services.complaints.client import CentralClient
from kiosk.services.complaints.kiosk_key import KioskKeyError, load_key, public_hex
from kiosk.services.complaints.outbox import OutboxSender

log = logging.getLogger(__name__)


def central_client(config: Config) -> CentralClient:
    """A signed client of the configured central server; raises KioskKeyError or
    ValueError (plain http to a host that is not loopback)."""
    return CentralClient(
        config.central.url,
        kiosk_code=config.terminal.code,
        private_key=load_key(config.security.kiosk_key_file),
        ca_bundle=config.central.ca_bundle,
        timeout_s=config.central.timeout_s,
    )


class DocumentKeyFile:
    """Calling it gives the document public key (hex) in ``path`` now, or None while there
    is none. The file is read again only when its modification time changed, so the sender
    may ask on every step and still see a rotation."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._stamp: int | None = None
        self._public_hex: str | None = None

    def __call__(self) -> str | None:
        try:
            stamp = self.path.stat().st_mtime_ns
        except OSError:
            return None
        if stamp != self._stamp:
            self._stamp = stamp
            try:
                self._public_hex = public_hex(load_key(self.path))
            except KioskKeyError as exc:
                log.warning("the document key cannot be published: %s", exc)
                self._public_hex = None
        return self._public_hex


def start_outbox_sender(
    config: Config,
    sessions: sessionmaker[Session],
    *,
    on_depth: Callable[[int], None] | None = None,
) -> OutboxSender | None:
    """The running sender, or None (with a warning in the log) when it cannot send yet.

    Pass its ``wake`` to ``file_complaint`` and call ``stop(timeout)`` when the app quits.
    """
    try:
        client = central_client(config)
    except (KioskKeyError, ValueError) as exc:
        log.warning("complaints will wait in the outbox: %s", exc)
        return None
    sender = OutboxSender(
        sessions,
        client,
        retry_base_s=config.outbox.retry_base_s,
        retry_cap_s=config.outbox.retry_cap_s,
        on_depth=on_depth,
        document_key=DocumentKeyFile(config.security.document_key_file),
    )
    sender.start()
    return sender
