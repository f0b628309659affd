"""Keeping the kiosk's memory small: settings made once at start-up, and memory given back
after each resident session, so a terminal that runs for months stays small.

At start-up, :func:`keep_memory_small` (called first thing in ``kiosk run``) does two
things, each measured with ``benchmarks/bench_screens.py``:

* It keeps glibc's malloc to one arena. By default every thread that allocates gets an
  arena of its own (the outbox sender, the speech engine's thread, Qt's pool threads),
  and the pages each one touches stay resident: the speech engine's arena alone held
  some 5 MiB. Those threads allocate little and seldom, so sharing the UI thread's arena
  costs no measurable time.
* It takes out PySide6's import hook. PySide6 replaces ``builtins.__import__`` with a hook
  that, for every module imported after it, reads the module's whole source to see whether
  it says ``from __feature__ import ...`` (PySide's optional snake_case and
  true_property switches, which the kiosk never uses), and leaves that source in
  ``linecache``: some 25 MiB once SQLAlchemy, requests and the screens are loaded, and not
  given back later because it is interleaved with objects that live on.

When a session ends, the screens are cleared but CPython's allocator and glibc's malloc
keep the freed pages for later. Once the attract screen is back, :func:`release_memory`
collects reference cycles and asks glibc to return free pages to the system
(``malloc_trim``), which takes a few milliseconds.
"""

from __future__ import annotations

import builtins
import ctypes
import gc
import linecache
import logging
import os
from collections.abc import Callable
from functools import cache

_log = logging.getLogger(__name__)

#: glibc's ``mallopt`` parameter for the most arenas malloc may create (``M_ARENA_MAX``).
_M_ARENA_MAX = -8
#: Shared by every thread (see above); 1.3 MiB less than two with read aloud on.
MALLOC_ARENAS = 1


@cache
def _libc() -> ctypes.CDLL:
    # The process's own symbols, which include the C library's.
    return ctypes.CDLL(None)


@cache
def _malloc_trim() -> Callable[[int], int] | None:
    """glibc's ``malloc_trim``, or None on a C library without it (musl, macOS)."""
    try:
        trim = _libc().malloc_trim
    except (OSError, AttributeError):
        return None
    trim.argtypes = [ctypes.c_size_t]
    trim.restype = ctypes.c_int
    return trim


def limit_malloc_arenas(arenas: int = MALLOC_ARENAS) -> bool:
    """Let glibc's malloc create at most ``arenas`` arenas; True if it took the setting.

    It must run before other threads start: an arena a thread already has stays. Where
    ``MALLOC_ARENA_MAX`` is set in the environment (a systemd unit may), that wins.
    """
    try:
        mallopt = _libc().mallopt
    except (OSError, AttributeError):
        return False
    mallopt.argtypes = [ctypes.c_int, ctypes.c_int]
    mallopt.restype = ctypes.c_int
    if os.environ.get("MALLOC_ARENA_MAX"):
        return False
    return bool(mallopt(_M_ARENA_MAX, arenas))


def stop_pyside_source_scan() -> bool:
    """Put back the import PySide6 replaced, and forget the sources it has read so far.

    True if PySide6's hook was in place and has been taken out. The ``__feature__``
    switches stop working (nothing in the kiosk uses them); PySide6's own lazy loading
    of its classes is the import it saved, and keeps working.
    """
    import PySide6.QtCore  # noqa: F401  (the hook is installed by PySide6's first import)

    hook = getattr(builtins, "__feature_import__", None)
    saved = getattr(builtins, "__orig_import__", None)
    if hook is None or saved is None or builtins.__import__ is not hook:
        return False
    builtins.__import__ = saved
    # Files the hook read; generated code ("<...>") registered by libraries stays.
    for filename in [name for name in linecache.cache if not name.startswith("<")]:
        del linecache.cache[filename]
    return True


def keep_memory_small() -> None:
    """The start-up settings described above; call once, first, before any thread starts."""
    arenas = limit_malloc_arenas()
    scan_stopped = stop_pyside_source_scan()
    _log.debug(
        "Memory settings: malloc arenas limited %s, PySide6 source scan stopped %s",
        arenas,
        scan_stopped,
    )


def release_memory() -> None:
    """Collect garbage and give free heap pages back to the system, where glibc allows."""
    gc.collect()
    trim = _malloc_trim()
    if trim is not None:
        trim(0)
    _log.debug("Memory released after the session")
