"""The kiosk's client of the central API (docs/central-api.md), over ``requests``.

Every request but the health check and the list of document keys is signed with the
terminal's Ed25519 key. Plain HTTP is
refused unless the server is on a loopback address; otherwise TLS is verified against the
configured CA bundle. Bodies are never logged: they hold secrets and phone numbers.
One client per thread: a ``requests.Session`` is not meant to be shared between threads.
"""

from __future__ import annotations

import ipaddress
import json
import logging
import secrets
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import requests
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from kiosk.domain import request_signing

log = logging.getLogger(__name__)

API = "/api/v1"


class CentralError(Exception):
    """Any failure to get a usable answer from the central server."""


class Unreachable(CentralError):
    """No connection, or it broke before an answer was read: try again later."""


class TimedOut(CentralError):
    """No answer within the timeout: try again later (the server may have acted on it)."""


class ServerError(CentralError):
    """The server answered 5xx or something that is not the contract's answer: retry."""

    def __init__(self, status: int, detail: str = "") -> None:
        super().__init__(f"HTTP {status} {detail}".strip())
        self.status = status


class Unauthorized(CentralError):
    """401: the terminal is not (yet) registered, revoked, or its clock is off. Retry slowly."""

    def __init__(self, error: str) -> None:
        super().__init__(f"HTTP 401 {error}".strip())
        self.error = error


class Refused(CentralError):
    """A 4xx answer other than 401: the request itself is wrong and must not be resent as is.

    ``error`` is the contract's error code (``not_found``, ``idempotency_key_reused``, ...).
    """

    def __init__(self, status: int, error: str) -> None:
        super().__init__(f"HTTP {status} {error}".strip())
        self.status = status
        self.error = error


@dataclass(frozen=True)
class Ack:
    """The server's 201 acknowledgement of a complaint."""

    tracking_number: str
    status: str
    office_code: str
    office_name: str
    received_at: datetime
    #: True when the server had the key already and replayed its first answer.
    replayed: bool
    #: The acknowledgement as received, kept in the outbox.
    raw: str


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def parse_time(text: str) -> datetime:
    """A contract time (``2026-11-29T08:15:00Z``) as an aware datetime."""
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def _error_code(response: requests.Response) -> str:
    try:
        document = response.json()
    except ValueError:
        return ""
    code = document.get("error", "") if isinstance(document, dict) else ""
    # Only the short machine code: never a message that might echo input back.
    return str(code)[:64] if isinstance(code, str) else ""


class CentralClient:
    """Signed requests to one central server, as one registered terminal."""

    def __init__(
        self,
        base_url: str,
        *,
        kiosk_code: str,
        private_key: Ed25519PrivateKey | None,
        ca_bundle: Path | None = None,
        timeout_s: float = 10.0,
        session: requests.Session | None = None,
    ) -> None:
        parts = urlsplit(base_url.rstrip("/"))
        host = parts.hostname or ""
        if parts.scheme not in ("http", "https") or not host:
            raise ValueError("central.url must be an https:// URL")
        if parts.scheme == "http" and not is_loopback(host):
            raise ValueError("plain http is allowed only for a loopback address; use https://")
        self._base_url = base_url.rstrip("/")
        self._path_prefix = parts.path.rstrip("/")
        self._kiosk_code = kiosk_code
        self._key = private_key
        self._verify: str | bool = str(ca_bundle) if ca_bundle else True
        self._timeout_s = timeout_s
        self._session = session or requests.Session()

    @property
    def kiosk_code(self) -> str:
        return self._kiosk_code

    def close(self) -> None:
        self._session.close()

    def _send(
        self,
        method: str,
        endpoint: str,
        body: bytes = b"",
        *,
        headers: dict[str, str] | None = None,
        signed: bool = True,
    ) -> requests.Response:
        path = f"{self._path_prefix}{API}{endpoint}"
        all_headers = {"Accept": "application/json"}
        if body:
            all_headers["Content-Type"] = "application/json"
        if signed:
            if self._key is None:
                raise Unauthorized("no terminal key")
            timestamp = int(time.time())
            nonce = secrets.token_hex(16)
            signature = request_signing.sign_request(
                self._key, method, path, timestamp, nonce, body
            )
            all_headers.update(
                {
                    request_signing.HEADER_CODE: self._kiosk_code,
                    request_signing.HEADER_TIMESTAMP: str(timestamp),
                    request_signing.HEADER_NONCE: nonce,
                    request_signing.HEADER_SIGNATURE: signature,
                }
            )
        all_headers.update(headers or {})
        started = time.monotonic()
        try:
            response = self._session.request(
                method,
                f"{self._base_url}{API}{endpoint}",
                data=body if body else None,
                headers=all_headers,
                timeout=self._timeout_s,
                verify=self._verify,
                allow_redirects=False,
            )
        except requests.exceptions.Timeout as exc:
            log.info("%s %s: no answer within %g s", method, endpoint, self._timeout_s)
            raise TimedOut(f"no answer within {self._timeout_s:g} s") from exc
        except requests.exceptions.SSLError as exc:
            log.warning("%s %s: the server's certificate is not trusted", method, endpoint)
            raise Unreachable("TLS certificate not trusted") from exc
        except requests.exceptions.RequestException as exc:
            log.info("%s %s: %s", method, endpoint, type(exc).__name__)
            raise Unreachable(type(exc).__name__) from exc
        elapsed_ms = (time.monotonic() - started) * 1000
        log.debug("%s %s -> %d in %.0f ms", method, endpoint, response.status_code, elapsed_ms)
        status = response.status_code
        if status >= 500:
            raise ServerError(status, _error_code(response))
        if status == 401:
            raise Unauthorized(_error_code(response))
        if status >= 400:
            raise Refused(status, _error_code(response))
        return response

    def _json(self, response: requests.Response) -> dict[str, Any]:
        try:
            document = response.json()
        except ValueError:
            raise ServerError(response.status_code, "answer is not JSON") from None
        if not isinstance(document, dict):
            raise ServerError(response.status_code, "answer is not a JSON object")
        return document

    def health(self) -> dict[str, Any]:
        """``GET /health``: ``{"status": "ok", "version": ...}``; not signed."""
        return self._json(self._send("GET", "/health", signed=False))

    def document_keys(self) -> list[dict[str, Any]]:
        """``GET /document-keys``: every published document key, as the server lists them;
        not signed (anyone may read them)."""
        keys = self._json(self._send("GET", "/document-keys", signed=False)).get("keys")
        if not isinstance(keys, list) or not all(isinstance(key, dict) for key in keys):
            raise ServerError(200, "document keys without their list")
        return keys

    def publish_document_key(self, public_hex: str) -> dict[str, Any]:
        """``POST /document-keys``: publish this terminal's document public key (201 the
        first time, 200 again after); ``{"key_id", "published_at"}``."""
        body = json.dumps({"public_key": public_hex}).encode()
        return self._json(self._send("POST", "/document-keys", body))

    def post_complaint(self, idempotency_key: str, body: bytes) -> Ack:
        """Post one complaint's exact body; only a 201 acknowledgement counts."""
        response = self._send(
            "POST", "/complaints", body, headers={"Idempotency-Key": idempotency_key}
        )
        if response.status_code != 201:
            raise ServerError(response.status_code, "not the 201 acknowledgement")
        document = self._json(response)
        try:
            office = document["office"]
            ack = Ack(
                tracking_number=str(document["tracking_number"]),
                status=str(document["status"]),
                office_code=str(office["code"]),
                office_name=str(office["name"]),
                received_at=parse_time(str(document["received_at"])),
                replayed=response.headers.get("Idempotent-Replayed", "").lower() == "true",
                raw=response.text,
            )
        except (KeyError, TypeError, ValueError):
            raise ServerError(201, "acknowledgement without its fields") from None
        return ack

    def complaint_status(self, tracking_number: str, secret: str) -> dict[str, Any]:
        """``POST /complaints/status``: the status body (the secret goes in the body only)."""
        body = json.dumps({"tracking_number": tracking_number, "secret": secret}).encode()
        return self._json(self._send("POST", "/complaints/status", body))

    def appeal(self, tracking_number: str, secret: str, text: str) -> dict[str, Any]:
        """``POST /complaints/appeal``: reopen a concluded complaint; the status body."""
        body = json.dumps(
            {"tracking_number": tracking_number, "secret": secret, "text": text},
            ensure_ascii=False,
        ).encode("utf-8")
        return self._json(self._send("POST", "/complaints/appeal", body))
