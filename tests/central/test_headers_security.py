"""Security headers on the API's answers, and no server banner.

The answers hold personal data and are JSON: they carry what the inbox's pages carry
(nosniff, no-store, frame denial), and the server does not say that it is uvicorn.
"""

from __future__ import annotations

import asyncio
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests
from fastapi import FastAPI
from starlette.types import Message

from central.app import SECURITY_HEADERS, create_app
from central.config import Settings
from central.db import Database

EXPECTED = {
    "x-content-type-options": "nosniff",
    "cache-control": "no-store",
    "x-frame-options": "DENY",
    "content-security-policy": "default-src 'none'; frame-ancestors 'none'",
    "referrer-policy": "no-referrer",
}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """``kiosk-central serve`` as an operator starts it, on SQLite and a loopback port."""
    import os

    folder = tmp_path_factory.mktemp("served")
    environ = {k: v for k, v in os.environ.items() if not k.startswith("KIOSK_")}
    environ.update(XDG_DATA_HOME=str(folder / "xdg"), PYTHONUNBUFFERED="1")
    environ["PYTHONPATH"] = os.pathsep.join(
        [str(Path(__file__).resolve().parents[2]), *filter(None, [environ.get("PYTHONPATH")])]
    )
    port = _free_port()
    argv = [sys.executable, "-m", "central", "serve", "--db", f"sqlite:///{folder / 'c.db'}"]
    argv += ["--host", "127.0.0.1", "--port", str(port)]
    process = subprocess.Popen(
        argv, env=environ, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                requests.get(f"{base}/api/v1/health", timeout=2)
                break
            except requests.ConnectionError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("kiosk-central serve did not start") from None
                time.sleep(0.1)
        yield base
    finally:
        process.terminate()
        process.communicate(timeout=20)


def _assert_protected(response: requests.Response) -> None:
    headers = {name.lower(): value for name, value in response.headers.items()}
    for name, value in EXPECTED.items():
        assert headers.get(name) == value, (response.url, name, headers.get(name))
    assert "server" not in headers, headers.get("server")


@pytest.mark.parametrize(
    ("method", "path", "status"),
    [
        ("GET", "/api/v1/health", 200),
        ("GET", "/openapi.json", 200),
        ("POST", "/api/v1/complaints/status", 401),
        ("GET", "/api/v1/nothing", 404),
        ("GET", "/api/v1/complaints", 405),
    ],
)
def test_served_answers_carry_the_headers_and_no_banner(
    served: str, method: str, path: str, status: int
) -> None:
    """Through ``kiosk-central serve``: each answer has the headers, none says uvicorn."""
    response = requests.request(method, served + path, json={}, timeout=10)
    assert response.status_code == status
    _assert_protected(response)
    # Kept on purpose: a kiosk refused as stale can tell the server's clock from it.
    assert "date" in {name.lower() for name in response.headers}


def test_too_large_body_carries_the_headers(served: str) -> None:
    """A 413, answered before any route runs, has them too."""
    response = requests.post(f"{served}/api/v1/complaints/status", data=b"x" * 70_000, timeout=10)
    assert response.status_code == 413
    _assert_protected(response)


def test_inbox_keeps_its_own_headers(served: str) -> None:
    """The inbox's pages keep their own policy, and its stylesheet stays cacheable."""
    page = requests.get(f"{served}/inbox/login", timeout=10)
    assert "form-action 'self'" in page.headers["Content-Security-Policy"]
    assert page.headers["Cache-Control"] == "no-store"
    stylesheet = requests.get(f"{served}/inbox/static/inbox.css", timeout=10)
    assert stylesheet.status_code == 200
    assert stylesheet.headers.get("Cache-Control") != "no-store"
    assert "server" not in {name.lower() for name in page.headers}


def test_unexpected_error_carries_the_headers(central_db: Database) -> None:
    """A 500, which Starlette answers outside every middleware, still has the headers."""
    app: FastAPI = create_app(Settings(database_url=central_db.url), database=central_db)

    def broken() -> None:
        raise RuntimeError("a bug")

    app.add_api_route("/api/v1/broken", broken)
    scope: dict[str, Any] = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": "/api/v1/broken",
        "raw_path": b"/api/v1/broken",
        "query_string": b"",
        "root_path": "",
        "headers": [],
        "client": ("127.0.0.1", 50000),
        "server": ("127.0.0.1", 8470),
    }
    sent: list[Message] = []

    async def receive() -> Message:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: Message) -> None:
        sent.append(message)

    # Starlette answers, then raises the error again for the server to log.
    with pytest.raises(RuntimeError):
        asyncio.run(app(scope, receive, send))
    start = next(m for m in sent if m["type"] == "http.response.start")
    assert start["status"] == 500
    headers = {name.decode(): value.decode() for name, value in start["headers"]}
    assert {name.lower(): value for name, value in SECURITY_HEADERS.items()}.items() <= {
        name.lower(): value for name, value in headers.items()
    }.items()
