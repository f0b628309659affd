"""Giving memory back after a resident session, so a terminal that runs for months stays small.

A session builds screens, loads rows and renders text; when it ends, the screens are
cleared but CPython's allocator and glibc's malloc keep the freed pages for later. Once the
attract screen is back, :func:`release_memory` collects reference cycles and asks glibc to
return free pages to the system (``malloc_trim``), which takes a few milliseconds.
"""

from __future__ import annotations

import ctypes
import gc
import logging
from collections.abc import Callable
from functools import cache

_log = logging.getLogger(__name__)


@cache
def _malloc_trim() -> Callable[[int], int] | None:
    """glibc's ``malloc_trim``, or None on a C library without it (musl, macOS)."""
    try:
        # The process's own symbols, which include the C library's.
        trim = ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError):
        return None
    trim.argtypes = [ctypes.c_size_t]
    trim.restype = ctypes.c_int
    return trim


def release_memory() -> None:
    """Collect garbage and give free heap pages back to the system, where glibc allows."""
    gc.collect()
    trim = _malloc_trim()
    if trim is not None:
        trim(0)
    _log.debug("Memory released after the session")
