"""The process-wide memory settings work on this machine's C library."""

from kiosk.memory import _malloc_trim, release_memory


def test_release_memory_runs_where_glibc_has_malloc_trim() -> None:
    """release_memory() finds glibc's malloc_trim on this Linux machine and runs cleanly."""
    assert _malloc_trim() is not None
    release_memory()
