"""A hard limit on request bodies, enforced before any route reads them."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from central.errors import body_too_large

#: The contract's limit on a request body (docs/central-api.md).
MAX_BODY_BYTES = 64 * 1024


@dataclass(frozen=True)
class RouteLimit:
    """A larger limit for one path (the verify page takes photos), and the answer beyond it:
    an ASGI app made from the limit, so a page can say it in its own form."""

    limit: int
    refuse: Callable[[int], ASGIApp]


class BodyLimitMiddleware:
    """Reads each request body up to ``limit`` bytes (or the path's own, from ``routes``)
    and answers 413 beyond it.

    The body is buffered here and handed on whole, so a route never sees a partial body and
    a client cannot make the server hold more than ``limit`` bytes by lying in Content-Length.
    """

    def __init__(
        self,
        app: ASGIApp,
        limit: int = MAX_BODY_BYTES,
        routes: Mapping[str, RouteLimit] | None = None,
    ) -> None:
        self.app = app
        self.limit = limit
        self.routes = dict(routes or {})

    def _refusal(self, path: str) -> ASGIApp:
        route = self.routes.get(path)
        if route is not None:
            return route.refuse(route.limit)
        return body_too_large(self.limit).response(path)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = str(scope["path"])
        route = self.routes.get(path)
        limit = route.limit if route is not None else self.limit
        declared = dict(scope.get("headers", ())).get(b"content-length")
        # Compared as text first: int() of a 5,000-digit header is refused by Python itself.
        # A length that is not a number is left to the count of bytes below.
        digits = declared.lstrip(b"0") if declared is not None else b""
        if digits.isdigit() and (len(digits) > len(str(limit)) or int(digits) > limit):
            await self._refusal(path)(scope, receive, send)
            return
        chunks: list[bytes] = []
        size = 0
        more = True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > limit:
                await self._refusal(path)(scope, receive, send)
                return
            chunks.append(chunk)
            more = message.get("more_body", False)
        body = b"".join(chunks)
        delivered = False

        async def replay() -> Message:
            nonlocal delivered
            if not delivered:
                delivered = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)
