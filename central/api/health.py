"""``GET /api/v1/health``: the one unauthenticated route, for monitors and ``kiosk doctor``."""

from __future__ import annotations

from fastapi import APIRouter

from central import __version__

router = APIRouter(tags=["health"])


@router.get("/health")
def health() -> dict[str, str]:
    """The server answers; nothing else is said about it."""
    return {"status": "ok", "version": __version__}
