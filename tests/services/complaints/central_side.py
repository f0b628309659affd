"""The real central server for the kiosk's complaint tests: its database filled with the
same demo data as the kiosk's store, a restartable server thread, and a faulty network.

The network is a small loopback TCP proxy between the kiosk and the server. For each
connection it can pass the request on, refuse it, answer 500 itself, hold the server's
answer past the kiosk's timeout, or cut the connection after the server has answered and
before forwarding that answer (committed on the server, never read by the kiosk).
"""

from __future__ import annotations

import contextlib
import socket
import struct
import threading
import time
from collections.abc import Callable
from dataclasses import replace
from enum import StrEnum

from sqlalchemy import select, update

from central.app import create_app
from central.config import Settings
from central.db import Database
from central.models import IdempotencyRecord
from kiosk.config import DEMO_ID_HASH_KEY
from kiosk.domain.models import Complaint, Kiosk
from kiosk.services.demo import generate_demo_data
from tests.central_server import free_port, serve_in_thread

KIOSK_CODE = "DEMO-0001"
KIOSK_REGION = "522730001"


def seed_central(database: Database, households: int, public_key_hex: str) -> None:
    """The kiosk's demo data (same seed, same rows) on the server, and the terminal's key
    registered the way ``kiosk-central register-kiosk`` stores it."""
    generate_demo_data(
        database.engine,
        id_hash_key=DEMO_ID_HASH_KEY,
        terminal_code=KIOSK_CODE,
        terminal_region_code=KIOSK_REGION,
        households=households,
    )
    with database.session() as session:
        session.execute(
            update(Kiosk).where(Kiosk.code == KIOSK_CODE).values(public_key=public_key_hex)
        )
        session.commit()


def server_keys(database: Database) -> list[str]:
    """Every idempotency key the server stored for the terminal (one per complaint)."""
    with database.session() as session:
        return list(
            session.scalars(
                select(IdempotencyRecord.key).where(IdempotencyRecord.kiosk_code == KIOSK_CODE)
            )
        )


def server_tracking_numbers(database: Database) -> list[str]:
    with database.session() as session:
        return list(session.scalars(select(Complaint.tracking_number)))


class ServerThread:
    """The real server (uvicorn) on a fixed loopback port, stoppable and startable again."""

    def __init__(self, database: Database, port: int | None = None) -> None:
        self.database = database
        self.port = port or free_port()
        self._running: contextlib.ExitStack | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        settings = replace(Settings(database_url=self.database.url), port=self.port)
        app = create_app(settings, database=self.database)
        running = contextlib.ExitStack()
        running.enter_context(serve_in_thread(app, self.port, log_level="error"))
        self._running = running

    def stop(self) -> None:
        if self._running is not None:
            self._running.close()
            self._running = None

    def restart(self) -> None:
        self.stop()
        self.start()


class Fault(StrEnum):
    PASS = "pass"
    REFUSE = "refuse"  # close the connection at once: like a network that drops it
    ERROR_500 = "error_500"  # answer 500 without asking the server
    SLOW = "slow"  # the server answers; the answer reaches the kiosk after its timeout
    CUT_AFTER_ANSWER = "cut_after_answer"  # the server committed; the kiosk never hears


_HEAD_END = b"\r\n\r\n"
_ERROR_500 = (
    b"HTTP/1.1 500 Internal Server Error\r\nContent-Type: application/json\r\n"
    b"Content-Length: 18\r\nConnection: close\r\n\r\n"
    b'{"error":"faulty"}'
)


def _read_request(conn: socket.socket) -> bytes | None:
    """One whole HTTP request (head and Content-Length body), with ``Connection: close``."""
    data = b""
    while _HEAD_END not in data:
        chunk = conn.recv(65536)
        if not chunk:
            return None
        data += chunk
    head, _, body = data.partition(_HEAD_END)
    lines = head.split(b"\r\n")
    length = 0
    kept = [lines[0]]
    for line in lines[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value.strip())
        if name.strip().lower() != b"connection":
            kept.append(line)
    kept.append(b"Connection: close")
    while len(body) < length:
        chunk = conn.recv(65536)
        if not chunk:
            return None
        body += chunk
    return b"\r\n".join(kept) + _HEAD_END + body


def _ask_upstream(port: int, request: bytes) -> bytes | None:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=30) as upstream:
            upstream.sendall(request)
            answer = b""
            while chunk := upstream.recv(65536):
                answer += chunk
            return answer
    except OSError:
        return None


class FaultProxy:
    """A loopback TCP proxy that applies ``decide()``'s fault to each connection.

    ``down()`` closes the listening socket (nothing listens, connections are refused);
    ``up()`` listens again on the same port. ``slow_s`` is how long a slow answer is held.
    """

    def __init__(self, upstream_port: int, decide: Callable[[], Fault] = lambda: Fault.PASS):
        self.upstream_port = upstream_port
        self.decide = decide
        self.slow_s = 1.0
        #: How long even a passed answer is held (a slow but working network).
        self.pass_delay_s = 0.0
        self.port = free_port()
        self.seen: dict[Fault, int] = {fault: 0 for fault in Fault}
        self._listener: socket.socket | None = None
        self._lock = threading.Lock()
        self.up()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def up(self) -> None:
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen(64)
        self._listener = listener
        threading.Thread(target=self._accept, args=(listener,), daemon=True).start()

    def down(self) -> None:
        listener, self._listener = self._listener, None
        if listener is not None:
            # shutdown() wakes the thread blocked in accept(); close() alone would not.
            with contextlib.suppress(OSError):
                listener.shutdown(socket.SHUT_RDWR)
            listener.close()

    def close(self) -> None:
        self.down()

    def _accept(self, listener: socket.socket) -> None:
        while True:
            try:
                conn, _ = listener.accept()
            except OSError:
                return
            with self._lock:
                fault = self.decide()
                self.seen[fault] += 1
            threading.Thread(target=self._serve, args=(conn, fault), daemon=True).start()

    def _serve(self, conn: socket.socket, fault: Fault) -> None:
        with conn:
            try:
                if fault is Fault.REFUSE:
                    # Linger 0: the close sends a reset, as a dropped link would.
                    conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                    return
                request = _read_request(conn)
                if request is None:
                    return
                if fault is Fault.ERROR_500:
                    conn.sendall(_ERROR_500)
                    return
                answer = _ask_upstream(self.upstream_port, request)
                if answer is None or fault is Fault.CUT_AFTER_ANSWER:
                    return
                if fault is Fault.SLOW:
                    time.sleep(self.slow_s)
                elif self.pass_delay_s:
                    time.sleep(self.pass_delay_s)
                conn.sendall(answer)
            except OSError:
                return
