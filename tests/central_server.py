"""The central server in a thread for tests: an app under uvicorn on a loopback port.

Every test that needs the real server (its own HTTP parser, TLS, a restart) starts it here:
``with serve_in_thread(app) as port: ...``.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import uvicorn
from fastapi import FastAPI

START_TIMEOUT_S = 15
STOP_TIMEOUT_S = 15


def free_port() -> int:
    """A loopback TCP port nobody listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@contextmanager
def serve_in_thread(
    app: FastAPI, port: int | None = None, *, log_level: str = "warning", **uvicorn_options: Any
) -> Iterator[int]:
    """Run ``app`` with uvicorn on ``port`` (a free one if None) of 127.0.0.1 in a thread
    and yield the port once the server listens; stop it on leaving.
    ``uvicorn_options`` go to uvicorn.Config (for example a TLS certificate)."""
    port = port or free_port()
    options: dict[str, Any] = {"lifespan": "on", "timeout_graceful_shutdown": 1}
    options.update(uvicorn_options)
    server = uvicorn.Server(
        uvicorn.Config(app, host="127.0.0.1", port=port, log_level=log_level, **options)
    )
    thread = threading.Thread(target=server.run, name="central-test-server", daemon=True)
    thread.start()
    deadline = time.monotonic() + START_TIMEOUT_S
    # Waiting for a server thread to bind, not for a widget: a short poll is the honest way.
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the test server did not start")
        time.sleep(0.005)
    try:
        yield port
    finally:
        server.should_exit = True
        thread.join(timeout=STOP_TIMEOUT_S)
