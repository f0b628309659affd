"""The published document keys on a kiosk: fetched from the central server, kept offline.

``kiosk verify`` checks a printed record against every document key the central server
publishes (``GET /api/v1/document-keys``). The last list that was fetched whole is kept in
:func:`cache_path`, so a terminal that lost its network still verifies what was signed
before; a list saved by hand (the same JSON) can be given instead.
"""

from __future__ import annotations

import json
import logging
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

from kiosk.config import Config
from kiosk.domain.signed_document import PublishedKey
from kiosk.services.complaints.client import CentralClient, CentralError, parse_time

log = logging.getLogger(__name__)

CACHE_NAME = "document-keys.json"
_HEX64 = re.compile(r"[0-9a-f]{64}")


class KeysProblem(StrEnum):
    """Why a list of keys was not used."""

    UNREADABLE = "unreadable"
    NOT_A_LIST = "not_a_list"


class KeysError(Exception):
    def __init__(self, problem: KeysProblem) -> None:
        super().__init__(problem.value)
        self.problem = problem


class KeysSource(StrEnum):
    """Where the keys a check used came from."""

    SERVER = "server"
    CACHE = "cache"
    FILE = "file"


@dataclass(frozen=True)
class Keys:
    keys: Mapping[str, PublishedKey]
    source: KeysSource


def cache_path(config: Config) -> Path:
    """Beside the local store, in the kiosk's data directory."""
    return config.store.path.parent / CACHE_NAME


def _key(entry: object) -> PublishedKey:
    if not isinstance(entry, dict):
        raise KeysError(KeysProblem.NOT_A_LIST)
    public = entry.get("public_key")
    code = entry.get("kiosk_code")
    revoked = entry.get("revoked_at")
    if not isinstance(public, str) or not _HEX64.fullmatch(public) or not isinstance(code, str):
        raise KeysError(KeysProblem.NOT_A_LIST)
    if revoked is not None and not isinstance(revoked, str):
        raise KeysError(KeysProblem.NOT_A_LIST)
    try:
        revoked_at: datetime | None = parse_time(revoked) if revoked else None
        key = PublishedKey(bytes.fromhex(public), code, revoked_at)
    except ValueError:
        raise KeysError(KeysProblem.NOT_A_LIST) from None
    if entry.get("key_id", key.key_id) != key.key_id:
        raise KeysError(KeysProblem.NOT_A_LIST)
    return key


def parse_keys(document: object) -> dict[str, PublishedKey]:
    """Keys from the server's answer (``{"keys": [...]}``) or its bare list; every entry
    must be whole, or the list is refused (:class:`KeysError`)."""
    entries = document.get("keys") if isinstance(document, dict) else document
    if not isinstance(entries, list):
        raise KeysError(KeysProblem.NOT_A_LIST)
    keys = [_key(entry) for entry in entries]
    return {key.key_id: key for key in keys}


def load_keys(path: Path) -> dict[str, PublishedKey]:
    """The keys saved in ``path`` (JSON as the server answers)."""
    try:
        document = json.loads(path.read_bytes())
    except (OSError, ValueError):
        raise KeysError(KeysProblem.UNREADABLE) from None
    return parse_keys(document)


def _save(path: Path, entries: list[dict[str, Any]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(path.name + ".new")
    temporary.write_text(json.dumps({"keys": entries}, indent=1) + "\n", encoding="utf-8")
    os.replace(temporary, path)


def current_keys(client: CentralClient, cache: Path) -> Keys:
    """The server's keys, saved to ``cache``; the cached ones when the server cannot be
    reached or answers something that is not a whole list. Raises :class:`KeysError` when
    there is neither."""
    try:
        entries = client.document_keys()
        keys = parse_keys(entries)
    except (CentralError, KeysError):
        return Keys(load_keys(cache), KeysSource.CACHE)
    try:
        _save(cache, entries)
    except OSError as exc:
        # A read-only data directory: this check still uses what was fetched.
        log.warning("cannot keep the document keys in %s (%s)", cache, exc.strerror)
    return Keys(keys, KeysSource.SERVER)
